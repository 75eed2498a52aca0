//! Text cleaning applied to every document before any offset is taken.

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
        return if raw.is_ascii() || is_nfc_quick(raw.chars()) == IsNormalized::Yes {
            raw
        } else {
            raw.nfc().collect()
        };
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
    if is_nfc_quick(text.chars()) == IsNormalized::Yes { text } else { text.nfc().collect() }
}

/// True when a line break follows a connecting mark and precedes Han or kana.
fn has_cjk_wrap(text: &str) -> bool {
    text.match_indices('\n').any(|(at, _)| {
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
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b'\t' | b'\n' => false,
        0..0x20 | 0x7F => true,
        0xC2 => bytes.get(i + 1).is_some_and(|next| (0x80..=0x9F).contains(next)),
        0xEF => bytes.get(i + 1..i + 3) == Some(&[0xBB, 0xBF][..]),
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_and_controls() {
        assert_eq!(clean_text("\u{FEFF}a\r\nb\rc\n\u{7}d\te".into()), "a\nb\nc\nd\te");
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
    }
}
