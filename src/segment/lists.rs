//! List items: numbers and letters closed by ".", ")" or ".)" ("1. …",
//! "2) …", "b. …"), and bullets (▲ • ⁃ …).
//!
//! - A marker at the start of a sentence or line, after bullets if any, opens
//!   an item: its period does not end the sentence ("1. Scope", "• 9. Fees",
//!   "II. Methods").
//! - Inside a sentence, a marker opens a new item when the marker before it
//!   in the sequence ("1)" before "2)", "a." before "b.") stands earlier in the
//!   sentence, or, for a first marker, when the next one follows on the line;
//!   "2.)" always does. A number that ends a sentence ("ranked 2. It") has no
//!   such neighbour.
//! - A bullet starts a new sentence at the start of a list: after a colon,
//!   inside a sentence that itself starts with a bullet, or on a line that
//!   does not end as a sentence does ("Menu • News • Sports"). One inside a
//!   running sentence ("대상은 ▲A ▲B 등이다.") does not.

use super::chars::{BULLETS, is_bullet, is_horizontal_space, is_line_break, is_terminator};

/// Longest number of a marker inside a sentence, in digits.
const MAX_INLINE_DIGITS: usize = 2;
/// Longest number of a marker at the start of a line, in digits.
const MAX_LEADING_DIGITS: usize = 3;
/// Longest Roman numeral of a marker at the start of a line, in letters.
const MAX_ROMAN_LETTERS: usize = 3;
/// Lowercase Roman numerals from one, as list labels.
const SMALL_ROMAN: &[&str] =
    &["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"];
/// Longest label of a marker, in bytes.
const MAX_LABEL_BYTES: usize = 4;
/// How far ahead, in bytes, the next marker of a first one is looked for.
const MAX_ITEM_BYTES: usize = 1024;

/// Where a list marker stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Item {
    /// At the start of a sentence or line: its period does not end the
    /// sentence.
    Leading,
    /// Inside a sentence, starting a new item at this byte offset.
    Inline(usize),
}

/// The label of a marker: what stands before its closing mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Label {
    /// A number of up to [`MAX_LEADING_DIGITS`] digits.
    Number(u32, usize),
    /// A single lowercase letter, by its place in the alphabet from 1.
    Letter(u32),
    /// A lowercase Roman numeral of two letters or more ("ii", "iv"), by its
    /// value.
    SmallRoman(u32),
    /// Capital Roman numeral letters, only at the start of a line.
    Roman,
}

/// A list marker: its label, where it starts and its closing mark.
#[derive(Clone, Copy, Debug)]
struct Marker<'t> {
    start: usize,
    end: usize,
    label: Label,
    close: &'t str,
}

/// The list item opened by the marker whose closing mark ("." , ")" or ".)")
/// spans `close_start..close_end`, in a sentence that starts at byte
/// `sentence_start` on a line that starts at byte `line_start`.
pub(super) fn item_at(
    text: &str,
    close_start: usize,
    close_end: usize,
    sentence_start: usize,
    line_start: usize,
) -> Option<Item> {
    let marker = marker_at(text, close_start, close_end)?;
    let from = sentence_start.max(line_start).min(marker.start);
    let prefix = text.get(from..marker.start)?;
    if prefix.chars().all(|c| c.is_whitespace() || is_bullet(c)) {
        return Some(Item::Leading);
    }
    let sentence = text.get(sentence_start.min(marker.start)..marker.start)?;
    let in_sequence = match marker.label {
        _ if marker.close == ".)" => matches!(marker.label, Label::Number(..)),
        Label::Number(_, digits) if digits > MAX_INLINE_DIGITS => false,
        Label::Roman => false,
        label => {
            let (previous, next) = neighbours(label);
            previous.iter().any(|p| contains_marker(sentence, 0, p, marker.close))
                || (opens_sequence(label) && next.iter().any(|n| follows_on_line(text, &marker, n)))
        }
    };
    in_sequence.then_some(Item::Inline(marker.start))
}

/// True when the bullet `c` at byte `at` starts a new sentence; `sentence`
/// is the text of the sentence so far and `runs_on` tells whether a
/// terminator follows the bullet on its line.
pub(super) fn bullet_starts_item(
    text: &str,
    at: usize,
    c: char,
    sentence: &str,
    runs_on: impl FnOnce() -> bool,
) -> bool {
    let before = text.get(..at).and_then(|head| head.chars().next_back());
    let next = text.get(at + c.len_utf8()..).and_then(|rest| rest.chars().next());
    let glued = before.is_some_and(|b| b.is_alphanumeric() || BULLETS.contains(&b));
    if glued || next.is_some_and(|n| BULLETS.contains(&n)) {
        return false;
    }
    let sentence = sentence.trim();
    sentence.is_empty()
        || sentence.starts_with(is_bullet)
        || sentence.ends_with([':', '：'])
        || !runs_on()
}

/// The first terminator or line break from byte `from` of `text`, as its
/// offset and whether it is a terminator (the end of the text counts as a
/// line break). Bytes that cannot start either are skipped without decoding.
pub(super) fn next_stop(text: &str, from: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    let mut at = from;
    while let Some(i) = bytes.get(at..).and_then(|rest| {
        rest.iter().position(|&b| {
            matches!(b, b'.' | b'!' | b'?' | b'\n' | b'\r' | 0xC2 | 0xE2 | 0xE3 | 0xEF)
        })
    }) {
        let found = at + i;
        match text.get(found..).and_then(|rest| rest.chars().next()) {
            Some(c) if is_terminator(c) => return (found, true),
            Some(c) if is_line_break(c) => return (found, false),
            _ => at = found + 1,
        }
    }
    (text.len(), false)
}

/// The marker closed by `text[close_start..close_end]`, standing alone after
/// a space, a bullet or the start of the text, with a space after it.
fn marker_at(text: &str, close_start: usize, close_end: usize) -> Option<Marker<'_>> {
    let head = text.as_bytes().get(..close_start)?;
    let label_len = head
        .iter()
        .rev()
        .take(MAX_LABEL_BYTES + 1)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if label_len == 0 || label_len > MAX_LABEL_BYTES {
        return None;
    }
    let close = text.get(close_start..close_end)?;
    if !matches!(close, "." | ")" | ".)") {
        return None;
    }
    let spaced_after = text.get(close_end..)?.starts_with(is_horizontal_space);
    let head = text.get(..close_start)?;
    let (label, start) = label_before(head)?;
    let before = head.get(..start)?.chars().next_back();
    let alone = before.is_none_or(|b| b.is_whitespace() || is_bullet(b));
    (spaced_after && alone).then_some(Marker { start, end: close_end, label, close })
}

/// The label that `head` ends with and where it starts.
fn label_before(head: &str) -> Option<(Label, usize)> {
    let number = head.trim_end_matches(|c: char| c.is_ascii_digit());
    let digits = head.len() - number.len();
    if (1..=MAX_LEADING_DIGITS).contains(&digits) {
        let value = head.get(number.len()..)?.parse().ok()?;
        return Some((Label::Number(value, digits), number.len()));
    }
    let roman = head.trim_end_matches(['I', 'V', 'X']);
    if (1..=MAX_ROMAN_LETTERS).contains(&(head.len() - roman.len())) {
        return Some((Label::Roman, roman.len()));
    }
    let small = head.trim_end_matches(['i', 'v', 'x']);
    let small_len = head.len() - small.len();
    if small_len >= 2 && !small.ends_with(char::is_alphanumeric) {
        let value = SMALL_ROMAN.iter().position(|r| Some(*r) == head.get(small.len()..))?;
        return Some((Label::SmallRoman(u32::try_from(value + 1).ok()?), small.len()));
    }
    let last = head.chars().next_back()?;
    let start = head.len() - last.len_utf8();
    let letter = last.is_ascii_lowercase() && !head[..start].ends_with(char::is_alphanumeric);
    letter.then(|| (Label::Letter(u32::from(last) - u32::from('a') + 1), start))
}

/// True when a marker labelled `label` and closed by `close` stands alone in
/// `text` from byte `from`.
fn contains_marker(text: &str, from: usize, label: &str, close: &str) -> bool {
    let needle = format!("{label}{close}");
    let Some(haystack) = text.get(from..) else {
        return false;
    };
    haystack.match_indices(&needle).any(|(i, _)| {
        let close_start = from + i + label.len();
        marker_at(text, close_start, close_start + close.len()).is_some_and(|m| m.start == from + i)
    })
}

/// True when a marker labelled `label`, closed like `marker`, follows it on
/// its line.
fn follows_on_line(text: &str, marker: &Marker<'_>, label: &str) -> bool {
    let rest = text.get(marker.end..).unwrap_or_default();
    let line_len = rest
        .char_indices()
        .take_while(|&(i, c)| i < MAX_ITEM_BYTES && !is_line_break(c))
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    text.get(..marker.end + line_len)
        .is_some_and(|line| contains_marker(line, marker.end, label, marker.close))
}

/// True for the first label of a sequence: "1", "a", and "i" as a Roman one.
fn opens_sequence(label: Label) -> bool {
    matches!(label, Label::Number(1, _) | Label::Letter(1 | 9))
}

/// The labels just before and just after `label` in its sequences. A single
/// "i", "v" or "x" may be a letter or a Roman numeral.
fn neighbours(label: Label) -> (Vec<String>, Vec<String>) {
    let (mut previous, mut next) = (Vec::new(), Vec::new());
    let letter = |n: u32| char::from_u32(u32::from('a') + n - 1).map(String::from);
    let roman = |n: u32| {
        n.checked_sub(1)
            .and_then(|i| SMALL_ROMAN.get(usize::try_from(i).ok()?))
            .map(|r| (*r).to_owned())
    };
    match label {
        Label::Number(n, _) => {
            previous.extend((n >= 2).then(|| (n - 1).to_string()));
            next.push((n + 1).to_string());
        }
        Label::Letter(n) => {
            previous.extend((n >= 2).then(|| letter(n - 1)).flatten());
            next.extend((n < 26).then(|| letter(n + 1)).flatten());
            let as_roman = letter(n).and_then(|l| SMALL_ROMAN.iter().position(|r| *r == l));
            if let Some(i) = as_roman.and_then(|i| u32::try_from(i + 1).ok()) {
                previous.extend(roman(i - 1));
                next.extend(roman(i + 1));
            }
        }
        Label::SmallRoman(n) => {
            previous.extend(roman(n - 1));
            next.extend(roman(n + 1));
        }
        Label::Roman => {}
    }
    (previous, next)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The item opened by the first "." or ")" after byte `from` of `text`,
    /// in a sentence starting at `sentence_start`.
    fn item(text: &str, from: usize, sentence_start: usize) -> Option<Item> {
        let at = from + text[from..].find(['.', ')'])?;
        let end = if text[at..].starts_with(".)") { at + 2 } else { at + 1 };
        item_at(text, at, end, sentence_start, 0)
    }

    #[test]
    fn finds_list_items() {
        let cases = [
            ("1. Scope", 0, 0, Some(Item::Leading)),
            ("• 9. Fees", 0, 0, Some(Item::Leading)),
            ("II. Methods", 0, 0, Some(Item::Leading)),
            ("b) Fees", 0, 0, Some(Item::Leading)),
            ("1) Scope 2) Fees", 3, 0, Some(Item::Inline(9))),
            ("1. Scope 2. Fees", 3, 0, Some(Item::Inline(9))),
            ("a. Scope b. Fees", 3, 0, Some(Item::Inline(9))),
            ("See: 1) scope 2) fees", 0, 0, Some(Item::Inline(5))),
            ("See 1. Scope", 0, 0, None),
            ("Ranked 2. Then 3. Done", 0, 0, None),
            ("Ranked 2. Then 3. Done", 9, 10, None),
            ("It is 3.5 now", 0, 0, None),
            ("Plan b. Then c. Done", 0, 0, None),
            ("We had 10) items", 0, 0, None),
            ("Up 1.) Scope", 0, 0, Some(Item::Inline(3))),
            ("Since 2001. Then", 0, 0, None),
            ("Version 0. Then", 0, 0, None),
            ("Go: i. Scope ii. Fees", 0, 0, Some(Item::Inline(4))),
            ("i. Scope ii. Fees", 4, 0, Some(Item::Inline(9))),
            ("iii. Scope iv. Fees", 0, 0, Some(Item::Leading)),
            ("iii. Scope iv. Fees", 5, 0, Some(Item::Inline(11))),
            ("h. Scope i. Fees", 4, 0, Some(Item::Inline(9))),
            ("Go to xiv. Then", 0, 0, None),
        ];
        for (text, from, sentence_start, want) in cases {
            assert_eq!(item(text, from, sentence_start), want, "{text:?} from {from}");
        }
    }

    #[test]
    fn decides_bullets() {
        let runs_on = || true;
        let cases = [
            ("• a • b", 4, "• a ", true),
            ("Menu • News", 5, "Menu ", false),
            ("대상은 ▲A ▲B 등이다.", 10, "대상은 ", false),
            ("We plan: ▲A ▲B.", 9, "We plan: ", true),
            ("김○○ 씨", 3, "김", false),
        ];
        for (text, at, sentence, want) in cases {
            let c = text[at..].chars().next().unwrap();
            assert_eq!(bullet_starts_item(text, at, c, sentence, runs_on), want, "{text:?}");
        }
        assert!(bullet_starts_item("Menu • News", 5, '•', "Menu ", || false));
    }

    #[test]
    fn finds_the_next_stop() {
        let cases = [
            ("▲A ▲B 등이다. 끝", 0, (19, true)),
            ("• News • Sports\nMore.", 0, (19, false)),
            ("a“b”\u{2028}c", 0, (8, false)),
            ("▲a！", 0, (4, true)),
            ("▲a", 0, (4, false)),
        ];
        for (text, from, want) in cases {
            assert_eq!(next_stop(text, from), want, "{text:?}");
        }
    }
}
