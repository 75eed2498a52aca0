//! Scripts and character classes shared by every stage: which writing system
//! a letter belongs to (Hangul, Kana, Han, Latin), by Unicode block.
//!
//! The classes are the blocks of each script's letters:
//!
//! - Hangul: syllables (U+AC00..U+D7A3), jamo (U+1100..U+11FF), compatibility
//!   jamo (U+3130..U+318F) and the jamo extensions A and B;
//! - Kana: Hiragana, Katakana with the prolonged sound mark ー, the phonetic
//!   extensions and half-width Katakana; not the middle dot ・ nor the
//!   double hyphen ゠, which are punctuation;
//! - Han: the unified ideographs with extension A, the compatibility
//!   ideographs, the supplementary planes' ideographs, and the iteration
//!   mark 々;
//! - Latin: ASCII letters, the letters of Latin-1 and Latin Extended A and B
//!   (U+00C0..U+024F), Latin Extended Additional and full-width ASCII letters.
//!
//! The module is a leaf: it knows no stage.

/// A writing system.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Script {
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
#[must_use]
pub fn script_of(c: char) -> Option<Script> {
    let code = u32::from(c);
    if code < 0x80 {
        return c.is_ascii_alphabetic().then_some(Script::Latin);
    }
    match BMP_BLOCKS.get((code >> 8) as usize) {
        Some(&Block::Uniform(script)) => script,
        _ => script_by_range(c),
    }
}

/// The script of `c` from the ranges of every class, char by char.
const fn script_by_range(c: char) -> Option<Script> {
    if is_hangul(c) {
        Some(Script::Hangul)
    } else if is_kana(c) {
        Some(Script::Kana)
    } else if is_han(c) {
        Some(Script::Han)
    } else if is_latin_letter(c) {
        Some(Script::Latin)
    } else {
        None
    }
}

/// What the 256 chars of a block of the Basic Multilingual Plane share.
#[derive(Clone, Copy)]
enum Block {
    /// All of them are letters of one script, or none is a letter.
    Uniform(Option<Script>),
    /// They differ: each char is looked up by its ranges.
    Mixed,
}

/// Each block of the Basic Multilingual Plane, by the high byte of its chars.
static BMP_BLOCKS: [Block; 256] = bmp_blocks();

const fn bmp_blocks() -> [Block; 256] {
    let mut blocks = [Block::Mixed; 256];
    let mut high = 0;
    while high < 256 {
        let first = script_by_range(block_char(high, 0));
        let mut uniform = true;
        let mut low = 1;
        while low < 256 && uniform {
            uniform = same(script_by_range(block_char(high, low)), first);
            low += 1;
        }
        if uniform {
            blocks[high as usize] = Block::Uniform(first);
        }
        high += 1;
    }
    blocks
}

/// The char `low` of block `high`; surrogates, which are no chars, as U+0000.
const fn block_char(high: u32, low: u32) -> char {
    match char::from_u32((high << 8) | low) {
        Some(c) => c,
        None => '\0',
    }
}

const fn same(a: Option<Script>, b: Option<Script>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a as u8 == b as u8,
        (None, None) => true,
        _ => false,
    }
}

/// A Hangul syllable (가..힣).
#[inline]
#[must_use]
pub const fn is_hangul_syllable(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}')
}

/// A Hangul syllable or jamo.
#[must_use]
pub const fn is_hangul(c: char) -> bool {
    matches!(
        c,
        '\u{AC00}'..='\u{D7A3}'
            | '\u{1100}'..='\u{11FF}'
            | '\u{3130}'..='\u{318F}'
            | '\u{A960}'..='\u{A97F}'
            | '\u{D7B0}'..='\u{D7FF}'
    )
}

/// A Hiragana letter or mark.
#[must_use]
pub const fn is_hiragana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{309F}')
}

/// A Katakana letter, full or half width, or the prolonged sound mark ー.
#[must_use]
pub const fn is_katakana(c: char) -> bool {
    matches!(
        c,
        '\u{30A1}'..='\u{30FA}' | '\u{30FC}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' | '\u{FF66}'..='\u{FF9F}'
    )
}

/// A Hiragana or Katakana letter (see [`is_hiragana`], [`is_katakana`]).
#[must_use]
pub const fn is_kana(c: char) -> bool {
    is_hiragana(c) || is_katakana(c)
}

/// A Han ideograph, or the iteration mark 々.
#[must_use]
pub const fn is_han(c: char) -> bool {
    matches!(
        c,
        '\u{4E00}'..='\u{9FFF}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{20000}'..='\u{2FA1F}'
            | '々'
    )
}

/// A Latin letter: ASCII, Latin-1 and Latin Extended A and B, Latin Extended
/// Additional, or full-width ASCII.
#[must_use]
pub const fn is_latin_letter(c: char) -> bool {
    match c {
        'A'..='Z' | 'a'..='z' => true,
        // The Latin-1 block's two signs among its letters.
        '×' | '÷' => false,
        '\u{C0}'..='\u{24F}'
        | '\u{1E00}'..='\u{1EFF}'
        | '\u{FF21}'..='\u{FF3A}'
        | '\u{FF41}'..='\u{FF5A}' => true,
        _ => false,
    }
}

/// [`char::is_alphanumeric`], answered without a table lookup for ASCII and
/// the common letters of Korean, Japanese and Chinese.
#[inline]
#[must_use]
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{4E00}'..='\u{9FFF}' | '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FA}')
        || c.is_alphanumeric()
}

/// Hangul, Kana or Han: the letters of Korean, Japanese and Chinese.
#[must_use]
pub fn is_cjk_letter(c: char) -> bool {
    matches!(script_of(c), Some(Script::Hangul | Script::Kana | Script::Han))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_alphanumeric_agrees_with_the_standard_library() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn scripts() {
        let cases = [
            ('a', Some(Script::Latin)),
            ('É', Some(Script::Latin)),
            ('Ａ', Some(Script::Latin)),
            ('ẞ', Some(Script::Latin)),
            ('한', Some(Script::Hangul)),
            ('ㅋ', Some(Script::Hangul)),
            ('힝', Some(Script::Hangul)),
            ('ힰ', Some(Script::Hangul)),
            ('の', Some(Script::Kana)),
            ('カ', Some(Script::Kana)),
            ('ｶ', Some(Script::Kana)),
            ('ー', Some(Script::Kana)),
            ('・', None),
            ('薬', Some(Script::Han)),
            ('々', Some(Script::Han)),
            ('𠀋', Some(Script::Han)),
            ('7', None),
            ('×', None),
            ('α', None),
            ('。', None),
            ('\u{D7A4}', None),
        ];
        for (c, want) in cases {
            assert_eq!(script_of(c), want, "{c}");
        }
    }

    #[test]
    fn the_block_table_agrees_with_the_ranges() {
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            assert_eq!(script_of(c), script_by_range(c), "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn classes() {
        assert!(is_hangul_syllable('가') && !is_hangul_syllable('ㄱ') && is_hangul('ㄱ'));
        assert!(is_hiragana('と') && !is_hiragana('ト') && is_kana('ト') && is_kana('と'));
        assert!(is_katakana('ｶ') && !is_katakana('と') && !is_katakana('・'));
        assert!(is_han('円') && !is_han('명') && !is_han('。'));
        assert!(is_latin_letter('é') && !is_latin_letter('÷') && !is_latin_letter('1'));
        assert!(is_cjk_letter('薬') && !is_cjk_letter('a'));
    }
}
