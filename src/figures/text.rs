//! Character-level reading of a sentence: neighbours of a byte position,
//! spaces and ASCII words (scripts are in [`crate::script`]). Every position returned lies on a char
//! boundary, and no function panics on any position.

use std::collections::HashMap;

/// The char that ends at `pos`.
pub(crate) fn prev_char(text: &str, pos: usize) -> Option<char> {
    text.get(..pos)?.chars().next_back()
}

/// The char that starts at `pos`.
pub(crate) fn next_char(text: &str, pos: usize) -> Option<char> {
    text.get(pos..)?.chars().next()
}

/// The text from `pos` on, empty when `pos` is out of range or inside a char.
pub(crate) fn rest(text: &str, pos: usize) -> &str {
    text.get(pos..).unwrap_or("")
}

/// True for an ASCII letter or digit: the chars that glue an identifier together.
pub(crate) fn is_ascii_word(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// True when `pos` ends an ASCII word, i.e. the next char does not continue it.
pub(crate) fn ends_ascii_word(text: &str, pos: usize) -> bool {
    !next_char(text, pos).is_some_and(is_ascii_word)
}

/// True when `pos` starts an ASCII word, i.e. the previous char does not continue it.
pub(crate) fn starts_ascii_word(text: &str, pos: usize) -> bool {
    !prev_char(text, pos).is_some_and(is_ascii_word)
}

/// True for the spaces allowed between a number and its unit: a space, a
/// no-break space, or the line break of hard-wrapped text (figures never
/// cross a sentence, so a line break here lies inside one).
pub(crate) fn is_gap(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\n')
}

/// The position after one space at `pos`, if there is one.
pub(crate) fn after_gap(text: &str, pos: usize) -> Option<usize> {
    next_char(text, pos).filter(|&c| is_gap(c)).map(|c| pos + c.len_utf8())
}

/// The position after one space at `pos`, else `pos` itself.
pub(crate) fn skip_gap(text: &str, pos: usize) -> usize {
    after_gap(text, pos).unwrap_or(pos)
}

/// The end of the run of ASCII letters starting at `pos` (`pos` when there is none).
pub(crate) fn letters_end(text: &str, pos: usize) -> usize {
    pos + rest(text, pos).bytes().take_while(u8::is_ascii_alphabetic).count()
}

/// The ASCII word at `pos`: letters, with inner hyphens and apostrophes
/// between letters ("Korea-based", "company's"). Empty when `pos` is not on a letter.
pub(crate) fn english_word(text: &str, pos: usize) -> &str {
    let bytes = rest(text, pos).as_bytes();
    let mut end = 0;
    while end < bytes.len() {
        let b = bytes[end];
        let joins =
            matches!(b, b'-' | b'\'') && bytes.get(end + 1).is_some_and(u8::is_ascii_alphabetic);
        if b.is_ascii_alphabetic() || (end > 0 && joins) {
            end += 1;
        } else {
            break;
        }
    }
    &rest(text, pos)[..end]
}

/// True when `hay` starts with `needle`, ignoring ASCII case.
pub(crate) fn starts_with_ignore_case(hay: &str, needle: &str) -> bool {
    hay.as_bytes()
        .get(..needle.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(needle.as_bytes()))
}

/// The value stored under the ASCII-lowercased `word`, without allocating.
pub(crate) fn lookup_folded<'m, V>(map: &'m HashMap<String, V>, word: &str) -> Option<&'m V> {
    let mut buffer = [0u8; 24];
    let folded = buffer.get_mut(..word.len())?;
    folded.copy_from_slice(word.as_bytes());
    folded.make_ascii_lowercase();
    map.get(std::str::from_utf8(folded).ok()?)
}

/// True when `pos` starts a line: nothing but spaces or tabs between it and
/// the previous line break, or the start of the text when `text_starts_line`.
pub(crate) fn at_line_start(text: &str, pos: usize, text_starts_line: bool) -> bool {
    let before = text.get(..pos).unwrap_or("").trim_end_matches([' ', '\t']);
    if before.is_empty() { text_starts_line } else { before.ends_with('\n') }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neighbours_respect_char_boundaries() {
        let text = "가1";
        assert_eq!(prev_char(text, 3), Some('가'));
        assert_eq!(prev_char(text, 1), None);
        assert_eq!(next_char(text, 3), Some('1'));
        assert_eq!(next_char(text, 2), None);
        assert_eq!(rest(text, 1), "");
    }

    #[test]
    fn english_word_keeps_inner_joiners_only() {
        assert_eq!(english_word("Korea-based firms", 0), "Korea-based");
        assert_eq!(english_word("firms- now", 0), "firms");
        assert_eq!(english_word("company's plant", 0), "company's");
        assert_eq!(english_word("9 lives", 0), "");
    }

    #[test]
    fn cases_and_lines() {
        assert!(starts_with_ignore_case("Percent.", "percent"));
        assert!(!starts_with_ignore_case("per", "percent"));
        assert!(at_line_start("a\n  1. x", 4, false));
        assert!(!at_line_start("a 1. x", 2, true));
        assert!(at_line_start("1. x", 0, true));
        assert_eq!(letters_end("kg/m", 0), 2);
        assert_eq!(skip_gap("\u{A0}kg", 0), 2);
        let map = HashMap::from([("march".to_owned(), 3)]);
        assert_eq!(lookup_folded(&map, "March"), Some(&3));
        assert_eq!(lookup_folded(&map, "a-very-long-word-beyond-the-buffer"), None);
    }
}
