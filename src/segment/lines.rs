//! Whether a single line break ends a sentence.
//!
//! A blank line (two or more line breaks) always ends a sentence. Scraped pages
//! put headings, bylines, menu items and paragraphs on lines of their own, so a
//! single line break ends a sentence too, except in hard-wrapped prose, where
//! it stands for a space and a name broken across lines ("Ministry of Food
//! and⏎Drug Safety") stays in one sentence. A single line break continues the
//! sentence when:
//!
//! 1. the next line starts with a lowercase letter and the previous line does
//!    not end with a terminator (closing marks after it included), unless
//!    both are short lines without a terminator and the previous one starts
//!    lowercase too, as the items of a menu or a list of tags do
//!    ("features⏎contact manager"); or
//! 2. the previous line ends with a Japanese particle that cannot end a
//!    sentence or heading (の, を, が...) or a CJK comma, and the next line
//!    starts with a letter or digit ("これは薬の⏎説明です。"); or
//! 3. the previous line looks wrapped (at least [`WRAPPED_LINE_MIN_CHARS`]
//!    characters, ending with a letter or a comma), the next line does not
//!    start with a bullet, and either the previous line ends with a comma or a
//!    connecting word ("and", "of", "the"...), which no heading ends with, or
//!    the previous line reads as prose (most of its Latin words not
//!    capitalised) and the next line either ends the sentence (it ends with a
//!    terminator, as the tail of a wrapped name does: "...by the Korea⏎
//!    Pharmaceutical Manufacturers Association.") or is long prose too.

use super::chars::{CLOSERS, is_bullet, is_terminator};
use crate::model::CJK_CONNECTING_MARKS;
use crate::script::{Script, script_of};

/// Length in characters from which a line counts as wrapped prose.
pub(super) const WRAPPED_LINE_MIN_CHARS: usize = 50;

/// Words that cannot end a sentence or a heading.
const CONNECTING_WORDS: &[&str] =
    &["and", "or", "of", "the", "for", "on", "in", "to", "with", "by", "at", "from", "a", "an"];

/// True when a single line break between the lines `prev` and `next`, both
/// trimmed, continues the sentence.
pub(super) fn continues_sentence(prev: &str, next: &str) -> bool {
    let (Some(last), Some(first)) = (prev.chars().next_back(), next.chars().next()) else {
        return false;
    };
    if first.is_lowercase() && !ends_with_terminator(prev) {
        return !is_lowercase_item(prev, next);
    }
    if CJK_CONNECTING_MARKS.contains(&last) && first.is_alphanumeric() {
        return true;
    }
    let wrapped = is_long(prev) && (last.is_alphabetic() || is_comma(last)) && !is_bullet(first);
    wrapped
        && (is_comma(last)
            || ends_with_connecting_word(prev)
            || (reads_as_prose(prev)
                && (ends_with_terminator(next) || (is_long(next) && reads_as_prose(next)))))
}

/// True when the line ends with a terminator, closing marks after it allowed.
fn ends_with_terminator(line: &str) -> bool {
    line.trim_end_matches(CLOSERS).chars().next_back().is_some_and(is_terminator)
}

/// True when `prev` and `next` read as items of a list of short lowercase
/// entries rather than as one sentence broken across them.
fn is_lowercase_item(prev: &str, next: &str) -> bool {
    prev.starts_with(char::is_lowercase)
        && !is_long(prev)
        && !is_long(next)
        && !ends_with_terminator(next)
}

fn is_long(line: &str) -> bool {
    line.chars().nth(WRAPPED_LINE_MIN_CHARS - 1).is_some()
}

/// True unless most Latin words of the line are capitalised, as in the title
/// "Annual Workshop Hosted by Makers of Both Regions". Acronyms and
/// other scripts count for neither side.
fn reads_as_prose(line: &str) -> bool {
    let (mut lowercase, mut capitalised) = (0, 0);
    for word in line.split_whitespace() {
        let mut letters = word.chars().filter(|&c| script_of(c) == Some(Script::Latin));
        match letters.next() {
            Some(first) if first.is_lowercase() => lowercase += 1,
            Some(_) if letters.any(char::is_lowercase) => capitalised += 1,
            _ => {}
        }
    }
    capitalised <= lowercase
}

fn is_comma(c: char) -> bool {
    matches!(c, ',' | '，' | '、')
}

fn ends_with_connecting_word(line: &str) -> bool {
    let before_word = line.trim_end_matches(char::is_alphabetic);
    line.get(before_word.len()..).is_some_and(|word| CONNECTING_WORDS.contains(&word))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LONG: &str = "A long line of wrapped prose that runs well past fifty characters";
    const TITLE: &str = "Working-Level Talks on Device Inspections Between Regulators";

    #[test]
    fn decides_single_line_breaks() {
        let long_with = |end: &str| format!("{LONG} {end}");
        let cases = [
            ("said it would".to_owned(), "review the data.", true),
            ("He left.".to_owned(), "the end", false),
            ("He said \"yes.\"".to_owned(), "then left", false),
            ("Text Size".to_owned(), "Close", false),
            ("Ministry of Food and".to_owned(), "Drug Safety", false),
            (long_with("of Food and"), "Drug Safety.", true),
            (long_with("on safety,"), "Korea agreed.", true),
            (long_with("Korea"), "Agency.", true),
            (long_with("Korea"), "Pharmaceutical Manufacturers Association (KPBMA).", true),
            (TITLE.to_owned(), "Agency.", false),
            (long_with("Korea"), LONG, true),
            (TITLE.to_owned(), TITLE, false),
            (format!("{TITLE} and"), TITLE, true),
            (long_with("Korea."), LONG, false),
            (long_with("and"), "• Drug Safety", false),
            (long_with("and"), "· Drug Safety", false),
            (String::new(), "review", false),
            ("said it".to_owned(), "would review.", true),
            ("reviews".to_owned(), "recalls", false),
            ("reviews".to_owned(), "and recalls.", true),
            ("審査の".to_owned(), "結果です。", true),
            ("厚労省の発表".to_owned(), "新たな指針", false),
            ("審査は、".to_owned(), "・次へ", false),
        ];
        for (prev, next, want) in cases {
            assert_eq!(continues_sentence(&prev, next), want, "{prev:?} / {next:?}");
        }
    }

    #[test]
    fn tells_prose_from_titles() {
        assert!(reads_as_prose(LONG));
        assert!(reads_as_prose("식품의약품안전처는 GMP 실사를 강화한다"));
        assert!(!reads_as_prose(TITLE));
        assert!(!reads_as_prose("“Dual-track Regulatory” Models"));
    }

    #[test]
    fn counts_characters_not_bytes() {
        let korean = "가".repeat(WRAPPED_LINE_MIN_CHARS - 1);
        assert!(!is_long(&korean));
        assert!(is_long(&format!("{korean}가")));
    }
}
