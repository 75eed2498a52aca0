//! Text cleaning applied to every document before any offset is taken.

use unicode_normalization::{UnicodeNormalization, is_nfc_quick};

/// Cleans decoded text: a leading BOM removed, CRLF and lone CR turned into LF,
/// control characters other than tab and line feed dropped, and the result
/// NFC-normalised. Every offset in the output tables points into this text.
#[must_use]
pub fn clean_text(raw: &str) -> String {
    let raw = raw.strip_prefix('\u{FEFF}').unwrap_or(raw);
    let mut text = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                text.push('\n');
            }
            '\n' | '\t' => text.push(c),
            '\u{FEFF}' => {}
            c if c.is_control() => {}
            c => text.push(c),
        }
    }
    if is_nfc_quick(text.chars()) == unicode_normalization::IsNormalized::Yes {
        text
    } else {
        text.nfc().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_and_controls() {
        assert_eq!(clean_text("\u{FEFF}a\r\nb\rc\n\u{7}d\te"), "a\nb\nc\nd\te");
    }

    #[test]
    fn nfc_composes_hangul_jamo_and_accents() {
        // 한 written as conjoining jamo, é as e + combining acute.
        assert_eq!(clean_text("\u{1112}\u{1161}\u{11AB} cafe\u{301}"), "한 café");
    }

    #[test]
    fn clean_text_is_idempotent() {
        let once = clean_text("x\r\n\u{1112}\u{1161}\u{11AB}\r");
        assert_eq!(clean_text(&once), once);
    }
}
