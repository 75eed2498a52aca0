//! Character classes the splitter relies on: sentence terminators, closing
//! marks, quotation pairs, bullets and line breaks (scripts are in
//! [`crate::script`]). Each list is data, so a mark is added in one place.

use crate::script::is_hangul_syllable;

/// A Hangul syllable, or the Hiragana of a Japanese particle: the letters
/// Korean and Japanese attach directly to a closing quotation mark ("…"라고,
/// 「…」と, 「…」は). Other Hiragana after a quotation start a new sentence
/// (「…。」これは).
pub(super) fn is_particle_letter(c: char) -> bool {
    is_hangul_syllable(c)
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
