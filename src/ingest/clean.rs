//! Text cleaning applied to every document before any offset is taken.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::model::CJK_CONNECTING_MARKS;

/// Cleans decoded text: a leading BOM removed, CRLF and lone CR turned into LF,
/// control characters other than tab and line feed dropped, hard wraps inside
/// Japanese and Chinese sentences joined (a line break after a connecting
/// particle or comma and before Han or kana: these scripts put no space
/// between words, so the break goes without one), and the result
/// NFC-normalised. Every offset in the output tables points into this text.
/// Text that is already clean is returned as it is, without a copy.
#[must_use]
pub fn clean_text(raw: String) -> String {
    if !needs_cleaning(raw.as_bytes()) && !has_cjk_wrap(&raw) {
        return if is_nfc(&raw) { raw } else { raw.nfc().collect() };
    }
    let raw = raw.strip_prefix('\u{FEFF}').unwrap_or(&raw);
    let mut text = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                let wrapped = text.ends_with(CJK_CONNECTING_MARKS)
                    && chars.peek().is_some_and(|&n| is_han_or_kana(n));
                if !wrapped {
                    text.push('\n');
                }
            }
            '\t' => text.push(c),
            '\u{FEFF}' => {}
            c if c.is_control() => {}
            c => text.push(c),
        }
    }
    if is_nfc(&text) { text } else { text.nfc().collect() }
}

/// The NFC quick check of `text` (true for Yes, false for No and Maybe),
/// with the characters of [`is_stable_starter`] passed without a table lookup.
fn is_nfc(text: &str) -> bool {
    let bytes = text.as_bytes();
    let (mut at, mut last_class) = (0, 0);
    while at < bytes.len() {
        if bytes[at].is_ascii() {
            at += 1;
            while bytes.get(at..at + 8).is_some_and(<[u8]>::is_ascii) {
                at += 8;
            }
            last_class = 0;
            continue;
        }
        if is_stable_syllable_or_ideograph(bytes, at) {
            at += 3;
            last_class = 0;
            continue;
        }
        let Some(c) = text[at..].chars().next() else { break };
        at += c.len_utf8();
        if is_stable_starter(c) {
            last_class = 0;
            continue;
        }
        let class = canonical_combining_class(c);
        if (class != 0 && last_class > class)
            || is_nfc_quick(std::iter::once(c)) != IsNormalized::Yes
        {
            return false;
        }
        last_class = class;
    }
    true
}

/// True when the character at byte `at` of UTF-8 `bytes`, a non-ASCII lead
/// byte, is a Hangul syllable (U+AC00..U+D77F) or a CJK ideograph
/// (U+4E00..U+9FFF), told by its first two bytes: the bulk of Korean,
/// Chinese and Japanese text, all in [`is_stable_starter`].
fn is_stable_syllable_or_ideograph(bytes: &[u8], at: usize) -> bool {
    let second = || bytes.get(at + 1).copied().unwrap_or(0);
    match bytes[at] {
        0xE5..=0xE9 | 0xEB | 0xEC => true,
        0xE4 => second() >= 0xB8,
        0xEA => second() >= 0xB0,
        0xED => second() < 0x9E,
        _ => false,
    }
}

/// Characters with quick check Yes and combining class 0 that compose with
/// nothing else of this set: a text made only of them is in NFC. Latin below
/// the combining diacritics, general punctuation, CJK punctuation, kana, CJK
/// ideographs, Hangul syllables and full-width forms; what composes with
/// them (combining marks, the kana voicing marks, Hangul jamo) is outside.
fn is_stable_starter(c: char) -> bool {
    matches!(c,
        '\0'..='\u{02FF}'
        | '\u{2002}'..='\u{206F}'
        | '\u{3000}'..='\u{3029}'
        | '\u{3041}'..='\u{3096}'
        | '\u{30A0}'..='\u{30FF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{FF01}'..='\u{FFEF}')
}

/// True when a line break follows a connecting mark and precedes Han or kana.
fn has_cjk_wrap(text: &str) -> bool {
    memchr::memchr_iter(b'\n', text.as_bytes()).any(|at| {
        text[..at].ends_with(CJK_CONNECTING_MARKS)
            && text[at + 1..].chars().next().is_some_and(is_han_or_kana)
    })
}

/// Han ideographs, hiragana and katakana.
fn is_han_or_kana(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// True when `bytes` hold a carriage return, a control character other than
/// tab and line feed (C0, DEL, or C1 encoded as `C2 80..9F`) or a BOM: the
/// characters the slow path rewrites.
fn needs_cleaning(bytes: &[u8]) -> bool {
    // Blocks without a byte that can start such a character are skipped in
    // one branch-free pass over each.
    const BLOCK: usize = 64;
    let may_start =
        |b: u8| (b < 0x20 && b != b'\t' && b != b'\n') | (b == 0x7F) | (b == 0xC2) | (b == 0xEF);
    bytes.chunks(BLOCK).enumerate().any(|(n, block)| {
        block.iter().fold(false, |any, &b| any | may_start(b))
            && (n * BLOCK..n * BLOCK + block.len()).any(|i| rewrites_at(bytes, i))
    })
}

/// True when the character starting at byte `i` is one [`clean_text`] rewrites.
fn rewrites_at(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b'\t' | b'\n' => false,
        0..0x20 | 0x7F => true,
        0xC2 => bytes.get(i + 1).is_some_and(|next| (0x80..=0x9F).contains(next)),
        0xEF => bytes.get(i + 1..i + 3) == Some(&[0xBB, 0xBF][..]),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_and_controls() {
        assert_eq!(clean_text("\u{FEFF}a\r\nb\rc\n\u{7}d\te".into()), "a\nb\nc\nd\te");
    }

    #[test]
    fn controls_are_found_across_the_blocks_of_the_byte_scan() {
        // A C1 control (C2 85) and a BOM (EF BB BF) whose bytes straddle the
        // 64-byte blocks, and a control as the very last byte.
        let pad = "a".repeat(63);
        assert_eq!(clean_text(format!("{pad}\u{85}b")), format!("{pad}b"));
        assert_eq!(clean_text(format!("{pad}a\u{FEFF}b")), format!("{pad}ab"));
        assert_eq!(clean_text(format!("{pad}a{pad}\u{1}")), format!("{pad}a{pad}"));
        let clean = format!("{pad}\u{A0}{pad}\u{FF01}");
        assert!(!needs_cleaning(clean.as_bytes()));
    }

    #[test]
    fn hard_wraps_inside_japanese_and_chinese_sentences_are_joined() {
        assert_eq!(clean_text("新しい薬の\n承認を発表した。".into()), "新しい薬の承認を発表した。");
        assert_eq!(clean_text("审评、\r\n审批和检查。".into()), "审评、审批和检查。");
        // A heading, a sentence end, Korean or Latin text: the break stays.
        for kept in
            ["厚労省の発表\n新たな指針", "発表した。\n次に", "약의\n승인", "の\nPMDA", "の\n\n承認"]
        {
            assert_eq!(clean_text(kept.into()), kept);
        }
    }

    #[test]
    fn nfc_composes_hangul_jamo_and_accents() {
        // 한 written as conjoining jamo, é as e + combining acute.
        assert_eq!(clean_text("\u{1112}\u{1161}\u{11AB} cafe\u{301}".into()), "한 café");
    }

    #[test]
    fn clean_text_leaves_clean_text_alone() {
        for text in ["plain ascii\n\tline", "식약처 GMP 2025年 ＰＭＤＡ", "x\u{A0}y"] {
            assert_eq!(clean_text(text.into()), text);
        }
        assert_eq!(clean_text("a\u{85}b\u{FEFF}c".into()), "abc");
        assert_eq!(clean_text("cafe\u{301}".into()), "café");
    }

    #[test]
    fn syllables_and_ideographs_told_by_two_bytes_are_stable_starters() {
        for c in (0x80..=0xFFFF).filter_map(char::from_u32) {
            let mut utf8 = [0; 4];
            let bytes = c.encode_utf8(&mut utf8).as_bytes();
            if is_stable_syllable_or_ideograph(bytes, 0) {
                assert!(is_stable_starter(c), "U+{:04X}", u32::from(c));
            }
        }
        assert!(is_stable_syllable_or_ideograph("한".as_bytes(), 0));
        assert!(is_stable_syllable_or_ideograph("一".as_bytes(), 0));
    }

    #[test]
    fn stable_starters_are_what_nfc_keeps() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32).filter(|&c| is_stable_starter(c)) {
            let alone = is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes;
            assert!(alone && canonical_combining_class(c) == 0, "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn clean_text_is_idempotent() {
        let once = clean_text("x\r\n\u{1112}\u{1161}\u{11AB}\r".into());
        assert_eq!(clean_text(once.clone()), once);
    }

    proptest::proptest! {
        #[test]
        fn cleaned_text_has_no_controls_and_is_stable(raw in "\\PC*|[\\x00-\\x20\\u{80}-\\u{9F}\\u{FEFF}a가é\\u{301}]*") {
            const BOM: char = '\u{FEFF}';
            let once = clean_text(raw);
            proptest::prop_assert!(!once.chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
            proptest::prop_assert!(!once.contains(BOM));
            proptest::prop_assert_eq!(clean_text(once.clone()), once);
        }

        #[test]
        fn is_nfc_agrees_with_the_quick_check(text in "\\PC*|[a가각힣\u{D7B0}一中\u{9FFF}\u{4DC0}\u{A000}e\u{301}\u{300}\u{323}か\u{3099}\u{1100}\u{1161}\u{11A8}\u{2000}Å\u{212B}]*") {
            let quick = is_nfc_quick(text.chars()) == IsNormalized::Yes;
            proptest::prop_assert_eq!(is_nfc(&text), quick);
        }
    }
}
