//! Character classes the splitter and the language guess rely on: scripts,
//! sentence terminators, closing marks, quotation pairs, bullets and line
//! breaks. Each list is data, so a mark is added in one place.

/// The writing systems told apart by the language guess.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Script {
    /// Hangul syllables and jamo.
    Hangul,
    /// Hiragana and Katakana, full and half width.
    Kana,
    /// Han ideographs (Chinese characters, Kanji, Hanja).
    Han,
    /// Latin letters, ASCII, accented and full width.
    Latin,
}

/// The script of a letter; `None` for digits, punctuation, spaces and letters
/// of other scripts.
#[inline]
pub(super) fn script_of(c: char) -> Option<Script> {
    match c {
        'A'..='Z' | 'a'..='z' => Some(Script::Latin),
        _ if c.is_ascii() => None,
        '\u{AC00}'..='\u{D7A3}'
        | '\u{1100}'..='\u{11FF}'
        | '\u{3130}'..='\u{318F}'
        | '\u{A960}'..='\u{A97F}'
        | '\u{D7B0}'..='\u{D7FF}' => Some(Script::Hangul),
        '\u{3041}'..='\u{309F}'
        | '\u{30A1}'..='\u{30FA}'
        | '\u{30FC}'..='\u{30FF}'
        | '\u{31F0}'..='\u{31FF}'
        | '\u{FF66}'..='\u{FF9F}' => Some(Script::Kana),
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}'
        | '々' => Some(Script::Han),
        '\u{C0}'..='\u{24F}' if c.is_alphabetic() => Some(Script::Latin),
        '\u{1E00}'..='\u{1EFF}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
            Some(Script::Latin)
        }
        _ => None,
    }
}

/// Hangul, Kana or Han: letters of the languages that end sentences without
/// needing a space after the terminator.
pub(super) fn is_cjk_letter(c: char) -> bool {
    matches!(script_of(c), Some(Script::Hangul | Script::Kana | Script::Han))
}

/// A Hangul syllable, or the Hiragana of a Japanese particle: the letters
/// Korean and Japanese attach directly to a closing quotation mark ("…"라고,
/// 「…」と, 「…」は). Other Hiragana after a quotation start a new sentence
/// (「…。」これは).
pub(super) fn is_particle_letter(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}')
        || matches!(
            c,
            'と' | 'っ' | 'は' | 'が' | 'を' | 'も' | 'に' | 'で' | 'の' | 'や' | 'へ' | 'か'
        )
}

/// Korean words that take up a quotation after a space ("…" 하고 웃었다).
const QUOTATIVE_WORDS: &[&str] =
    &["하고", "하며", "하면서", "하자", "하는", "라고", "라며", "라는"];

/// True when `rest`, the text right after a closing quotation mark, goes on
/// with the sentence that quotes: a particle glued to the mark, or a
/// quotative verb after a space.
pub(super) fn continues_quotation(rest: &str) -> bool {
    if rest.chars().next().is_some_and(is_particle_letter) {
        return true;
    }
    let word = rest.trim_start_matches(is_horizontal_space);
    word.len() < rest.len() && QUOTATIVE_WORDS.iter().any(|w| word.starts_with(w))
}

/// ASCII or full-width digit.
pub(super) fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Periods: end a sentence unless the rules find an abbreviation, a number
/// or a web address.
pub(super) const PERIODS: &[char] = &['.', '．'];
/// Ellipses; two or more periods in a row count as one too.
pub(super) const ELLIPSES: &[char] = &['…', '⋯'];
/// Exclamation and question marks of Latin text.
pub(super) const LATIN_STOPS: &[char] = &['!', '?', '‼', '⁇', '⁈', '⁉'];
/// CJK full stops, exclamation and question marks: end a sentence with or
/// without a following space.
pub(super) const CJK_STOPS: &[char] = &['。', '｡', '！', '？'];

/// Marks that close a quotation or bracket and stay with the sentence they
/// follow when they come right after its terminator.
pub(super) const CLOSERS: &[char] = &[
    '"', '\'', '”', '’', ')', ']', '}', '」', '』', '）', '］', '｝', '》', '〉', '】', '〕', '〗',
    '»',
];
/// The closers that are quotation marks: a particle may follow them.
pub(super) const QUOTE_CLOSERS: &[char] = &['"', '\'', '”', '’', '」', '』', '）'];
/// Quotation marks tracked across sentences, as (opening, closing) pairs;
/// full-width parentheses hold asides that a particle may follow in the same
/// way ("（…。）の").
pub(super) const QUOTE_PAIRS: &[(char, char)] =
    &[('"', '"'), ('“', '”'), ('「', '」'), ('『', '』'), ('（', '）')];
/// Marks around a title ("《药品管理法》"): a title never holds a sentence end.
pub(super) const TITLE_PAIRS: &[(char, char)] = &[('《', '》'), ('〈', '〉')];

/// List bullets, which start a new segment at the start of a list (see
/// `lists`).
pub(super) const BULLETS: &[char] =
    &['▲', '▶', '•', '●', '○', '◆', '◇', '■', '□', '※', '◎', '⁃', '‣'];
/// Marks that are bullets only at the start of a line (the middle dot also
/// joins words: "저작권·인격권").
pub(super) const LINE_START_BULLETS: &[char] = &['·', '・', '-', '*', '+', '–', '—'];

/// Characters that end a line.
pub(super) const LINE_BREAKS: &[char] = &['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}'];

/// True for a character that ends a sentence or is part of its terminator.
pub(super) fn is_terminator(c: char) -> bool {
    [PERIODS, ELLIPSES, LATIN_STOPS, CJK_STOPS].iter().any(|set| set.contains(&c))
}

/// True for a character that ends a line.
pub(super) fn is_line_break(c: char) -> bool {
    LINE_BREAKS.contains(&c)
}

/// Whitespace within a line.
pub(super) fn is_horizontal_space(c: char) -> bool {
    c.is_whitespace() && !is_line_break(c)
}

/// True for a bullet, wherever it may stand.
pub(super) fn is_bullet(c: char) -> bool {
    BULLETS.contains(&c) || LINE_START_BULLETS.contains(&c)
}

/// True for a quotation or title mark whose pairs are tracked.
pub(super) fn is_tracked_quote(c: char) -> bool {
    QUOTE_PAIRS.iter().chain(TITLE_PAIRS).any(|&(open, close)| c == open || c == close)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts() {
        let cases = [
            ('a', Some(Script::Latin)),
            ('É', Some(Script::Latin)),
            ('Ａ', Some(Script::Latin)),
            ('한', Some(Script::Hangul)),
            ('ㅋ', Some(Script::Hangul)),
            ('の', Some(Script::Kana)),
            ('カ', Some(Script::Kana)),
            ('ー', Some(Script::Kana)),
            ('・', None),
            ('薬', Some(Script::Han)),
            ('々', Some(Script::Han)),
            ('7', None),
            ('×', None),
            ('α', None),
            ('。', None),
        ];
        for (c, want) in cases {
            assert_eq!(script_of(c), want, "{c}");
        }
    }

    #[test]
    fn particle_letters_are_hangul_syllables_and_hiragana() {
        assert!(is_particle_letter('라'));
        assert!(is_particle_letter('と'));
        assert!(!is_particle_letter('カ'));
        assert!(!is_particle_letter('こ'));
        assert!(continues_quotation("라고 했다"));
        assert!(continues_quotation(" 하고 웃었다"));
        assert!(!continues_quotation("하고"[..0].as_ref()));
        assert!(!continues_quotation(" 그는 웃었다"));
        assert!(!is_particle_letter('他'));
        assert!(!is_particle_letter('a'));
    }

    #[test]
    fn classes() {
        assert!(is_terminator('.') && is_terminator('…') && is_terminator('。'));
        assert!(!is_terminator('；') && !is_terminator(','));
        assert!(is_line_break('\r') && !is_line_break(' '));
        assert!(is_horizontal_space('\u{3000}') && !is_horizontal_space('\n'));
        assert!(is_bullet('▲') && is_bullet('·') && !is_bullet('a'));
        assert!(is_tracked_quote('「') && is_tracked_quote('"') && !is_tracked_quote('\''));
        assert!(is_digit('５') && !is_digit('a'));
    }
}
