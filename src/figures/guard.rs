//! What looks like a number but is not a figure: digits inside identifiers,
//! words, URLs and e-mail addresses ("corner13394", "COVID-19", "H5N1"),
//! codes and coordinates ("1.2.3", "2025;36(15):1832-1836"), clock times,
//! phone numbers and list numbering. Each check looks only at the few chars
//! around a candidate number.

use super::number::{self, digit_at};
use super::text::{self, is_ascii_word};

/// Punctuation that glues a number to the identifier before it ("ABC-123",
/// "No.5", "id=2025", "36(15)", the escape "%28" of a URL).
const GLUE_BEFORE: &[char] =
    &['-', '.', '/', ':', ';', ',', '#', '@', '=', '&', '?', '(', '_', '\'', '%'];

/// Chars of an identifier-like token, skipped as a whole once one is found.
fn is_token_char(c: char) -> bool {
    is_ascii_word(c)
        || matches!(c, '-' | '_' | '.' | '/' | ':' | ';' | '#' | '@' | '+' | '&' | '=' | '?' | '%')
}

/// True when the text right before `start` makes the number part of a word
/// or an identifier: a letter or digit, or glue punctuation that itself
/// follows a letter, a digit or a closing bracket.
pub(crate) fn identifier_before(text: &str, start: usize) -> bool {
    match text::prev_char(text, start) {
        Some(c) if is_ascii_word(c) || c == '_' => true,
        Some(c) if GLUE_BEFORE.contains(&c) => text::prev_char(text, start - c.len_utf8())
            .is_some_and(|b| is_ascii_word(b) || matches!(b, ')' | '_')),
        _ => false,
    }
}

/// True when the number ending at `end` runs on as a code rather than a
/// figure: more digits after a point, comma, colon, slash, semicolon or dash
/// ("1.2.3", "2,3", "09:30", "1/2", "02-1234"), or an underscore or at sign.
pub(crate) fn code_continues(text: &str, end: usize) -> bool {
    match text::next_char(text, end) {
        Some('_' | '@') => true,
        Some(c @ ('.' | ',' | ':' | ';' | '/' | '-' | '(')) => {
            digit_at(text, end + c.len_utf8()).is_some()
        }
        _ => false,
    }
}

/// The end of the identifier-like token that contains `pos` (at least past
/// the char at `pos`); a comma between digits stays inside it ("1,2,3").
pub(crate) fn token_end(text: &str, pos: usize) -> usize {
    let rest = text::rest(text, pos);
    let inside = |i: usize, c: char| {
        is_token_char(c) || (c == ',' && i > 0 && digit_at(rest, i + 1).is_some())
    };
    let len = rest.char_indices().find(|&(i, c)| !inside(i, c)).map_or(rest.len(), |(i, _)| i);
    let first = rest.chars().next().map_or(1, char::len_utf8);
    pos + len.max(first)
}

/// The end of an international phone number whose digits start at `pos`
/// right after a plus sign: "+82 2 1234 5678", "+82-10-1234-5678".
pub(crate) fn phone_number(text: &str, pos: usize) -> Option<usize> {
    if text::prev_char(text, pos) != Some('+') {
        return None;
    }
    let country = number::digit_run(text, pos).filter(|r| r.digits <= 3)?;
    let mut end = country.end;
    let mut groups = 0;
    let mut digits = country.digits;
    while let Some(sep) = text::next_char(text, end).filter(|c| matches!(c, ' ' | '-')) {
        match number::digit_run(text, end + sep.len_utf8()).filter(|r| r.digits <= 4) {
            Some(group) => {
                end = group.end;
                groups += 1;
                digits += group.digits;
            }
            None => break,
        }
    }
    (groups >= 2 && digits >= 8).then_some(end)
}

/// True for list numbering at the start of a line: "1. ", "12) ".
pub(crate) fn list_number(text: &str, pos: usize, starts_line: bool) -> bool {
    let Some(run) = number::digit_run(text, pos).filter(|r| r.digits <= 2) else { return false };
    let marked = text::rest(text, run.end)
        .strip_prefix(['.', ')'])
        .is_some_and(|after| after.is_empty() || after.starts_with([' ', '\t', '\n', '\u{A0}']));
    marked && text::at_line_start(text, pos, starts_line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_before_a_number() {
        let cases = [
            ("corner13394", 6, true),
            ("COVID-19", 6, true),
            ("ABC-123", 4, true),
            ("H5N1", 1, true),
            ("No.5", 3, true),
            ("36(15)", 3, true),
            ("):1832", 2, true),
            ("issn%280024", 5, true),
            ("q=30%25", 5, true),
            ("id=2025", 3, true),
            ("about 5", 6, false),
            ("약 60%", 4, false),
            ("총45개", 3, false),
            ("(5%)", 1, false),
            ("- 5", 2, false),
        ];
        for (text, start, expected) in cases {
            assert_eq!(identifier_before(text, start), expected, "{text}");
        }
    }

    #[test]
    fn codes_after_a_number() {
        let cases = [
            ("1.2.3", 3, true),
            ("09:30", 2, true),
            ("1/2", 1, true),
            ("02-1234", 2, true),
            ("2025;36", 4, true),
            ("5_x", 1, true),
            ("5%.", 1, false),
            ("5, 6", 1, false),
            ("3.", 1, false),
        ];
        for (text, end, expected) in cases {
            assert_eq!(code_continues(text, end), expected, "{text}");
        }
    }

    #[test]
    fn tokens_phones_and_lists() {
        assert_eq!(token_end("a1b-2 next", 1), 5);
        assert_eq!(token_end("5 x", 0), 1);
        assert_eq!(phone_number("+82 2 1234 5678 call", 1), Some(15));
        assert_eq!(phone_number("+82-10-1234-5678", 1), Some(16));
        assert_eq!(phone_number("+5%", 1), None);
        assert_eq!(phone_number("82 2 1234 5678", 0), None);
        assert!(list_number("1. Institute", 0, true));
        assert!(list_number("x\n2) item", 2, false));
        assert!(!list_number("in 2. x", 3, true));
        assert!(!list_number("1.5 kg", 0, true));
        assert!(!list_number("2024. 3. 15.", 0, true));
    }
}
