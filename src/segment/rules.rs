//! Whether a run of terminators ends its sentence, judged from the characters
//! on both sides of it.
//!
//! - CJK stops (。！？) always end a sentence, with or without a space.
//! - A period after a Hangul, Kana or Han letter ends a sentence even when the
//!   next sentence follows without a space ("했다.그는").
//! - A period glued to a digit or a Latin letter does not: decimals, versions,
//!   dates, web and e-mail addresses ("2.14", "v1.2", "www.asiae.co.kr"),
//!   unless a capitalised word starts right after a lowercase word
//!   ("growth.The").
//! - A period followed by a space ends a sentence unless an abbreviation comes
//!   before it or a lowercase word after it.
//! - An ellipsis ends a sentence only when a space and a capital follow.
//! - A closing quotation mark followed directly by a Korean or Japanese
//!   particle ("…"라고, 「…」と), or by a Korean quotative verb after a space
//!   ("…" 하고), keeps the quotation inside its sentence; so does a quoted
//!   question or exclamation followed by a lowercase word ("Stop!" he said).
//! - Periods separated by single spaces (". . .") are one ellipsis.

use super::abbreviations::{Abbreviation, abbreviation_before};
use super::chars::{
    CJK_STOPS, CLOSERS, ELLIPSES, LATIN_STOPS, PERIODS, QUOTE_CLOSERS, Script, continues_quotation,
    is_cjk_letter, is_digit, is_horizontal_space, is_line_break, script_of,
};

/// The strongest terminator in a cluster.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Stop {
    /// One period.
    Period,
    /// An ellipsis, or several periods, and nothing stronger.
    Ellipsis,
    /// An exclamation or question mark of Latin text.
    Latin,
    /// A CJK full stop, exclamation or question mark.
    Cjk,
}

/// A run of terminators and the closing marks around them, such as ".", "?!",
/// "...", ".\"" or "。」".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Cluster {
    /// Byte offset of the first terminator.
    pub start: usize,
    /// Byte offset just past the last terminator or closing mark.
    pub end: usize,
    /// The strongest terminator of the run.
    pub stop: Stop,
    /// True when the run holds a closing quotation mark.
    pub has_quote_closer: bool,
}

impl Cluster {
    /// Reads the cluster that starts with the terminator at byte `start`.
    pub(super) fn read(text: &str, start: usize) -> Cluster {
        let (mut periods, mut ellipsis, mut latin, mut cjk) = (0, false, false, false);
        let mut has_quote_closer = false;
        let mut end = start;
        let rest = text.get(start..).unwrap_or_default();
        for (i, c) in rest.char_indices() {
            if PERIODS.contains(&c) {
                periods += 1;
            } else if ELLIPSES.contains(&c) {
                ellipsis = true;
            } else if LATIN_STOPS.contains(&c) {
                latin = true;
            } else if CJK_STOPS.contains(&c) {
                cjk = true;
            } else if CLOSERS.contains(&c) {
                has_quote_closer |= QUOTE_CLOSERS.contains(&c);
            } else if c == ' '
                && periods > 0
                && rest.get(i + 1..).is_some_and(|r| r.starts_with('.'))
            {
                // A spaced ellipsis (". . .").
            } else {
                break;
            }
            end = start + i + c.len_utf8();
        }
        let stop = if cjk {
            Stop::Cjk
        } else if latin {
            Stop::Latin
        } else if ellipsis || periods > 1 {
            Stop::Ellipsis
        } else {
            Stop::Period
        };
        Cluster { start, end, stop, has_quote_closer }
    }
}

/// What follows a cluster.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Next {
    /// The end of the text or of the line.
    End,
    /// A character right after the cluster, and the one after it.
    Glued(char, Option<char>),
    /// The first character after one or more spaces.
    Spaced(char),
}

impl Next {
    fn after(text: &str, end: usize) -> Next {
        let mut chars = text.get(end..).unwrap_or_default().chars();
        match chars.next() {
            None => Next::End,
            Some(c) if is_line_break(c) => Next::End,
            Some(c) if c.is_whitespace() => match chars.find(|&c| !is_horizontal_space(c)) {
                Some(c) if !is_line_break(c) => Next::Spaced(c),
                _ => Next::End,
            },
            Some(c) => Next::Glued(c, chars.next()),
        }
    }
}

/// The start of a list number written "2.)" in running text ("1.) Submit
/// 2.) Pay"): the item it opens starts a new sentence there.
pub(super) fn inline_list_number(text: &str, cluster: &Cluster) -> Option<usize> {
    if text.get(cluster.start..cluster.end) != Some(".)") {
        return None;
    }
    let head = text.get(..cluster.start)?;
    let before = head.trim_end_matches(|c: char| c.is_ascii_digit());
    let digits = head.len() - before.len();
    let separated = before.chars().next_back().is_none_or(char::is_whitespace);
    ((1..=2).contains(&digits) && separated).then_some(before.len())
}

/// True when `cluster` ends its sentence.
pub(super) fn ends_sentence(text: &str, cluster: &Cluster) -> bool {
    let head = text.get(..cluster.start).unwrap_or_default();
    match Next::after(text, cluster.end) {
        Next::End => true,
        _ if cluster.has_quote_closer
            && text.get(cluster.end..).is_some_and(continues_quotation) =>
        {
            false
        }
        _ if cluster.stop == Stop::Cjk => true,
        Next::Glued(c, then) => ends_before_glued(cluster.stop, head, c, then),
        Next::Spaced(c) => ends_before_spaced(cluster, head, c),
    }
}

/// Decides a cluster followed directly by `c` and then `then`.
fn ends_before_glued(stop: Stop, head: &str, c: char, then: Option<char>) -> bool {
    let before = head.chars().next_back();
    if stop == Stop::Ellipsis {
        false
    } else if before.is_some_and(is_cjk_letter) {
        true
    } else if is_digit(c) {
        false
    } else if is_cjk_letter(c) {
        // A particle after an abbreviation ("Ltd.는") continues.
        before.and_then(script_of) != Some(Script::Latin)
    } else {
        c.is_uppercase()
            && then.is_some_and(char::is_lowercase)
            && before.is_some_and(|b| b.is_lowercase() || is_digit(b))
            && abbreviation_before(head) != Some(Abbreviation::NeverEnds)
    }
}

/// Decides a cluster followed by spaces and then `c`. A question or
/// exclamation inside quotation marks followed by a lowercase word is
/// quoted speech inside the sentence ("Stop!" he said).
fn ends_before_spaced(cluster: &Cluster, head: &str, c: char) -> bool {
    match cluster.stop {
        Stop::Cjk => true,
        Stop::Latin => !(cluster.has_quote_closer && c.is_lowercase()),
        Stop::Ellipsis => c.is_uppercase(),
        Stop::Period if head.chars().next_back().is_some_and(is_cjk_letter) => true,
        Stop::Period => match abbreviation_before(head) {
            Some(Abbreviation::NeverEnds) => false,
            Some(Abbreviation::EndsBeforeCapital) => c.is_uppercase() || is_cjk_letter(c),
            None => !c.is_lowercase(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::chars::is_terminator;

    #[test]
    fn reads_clusters() {
        let cases = [
            ("a. b", 1, 2, Stop::Period, false),
            ("a?! b", 1, 3, Stop::Latin, false),
            ("a... b", 1, 4, Stop::Ellipsis, false),
            ("a… b", 1, 4, Stop::Ellipsis, false),
            ("a.\" b", 1, 3, Stop::Period, true),
            ("a.) b", 1, 3, Stop::Period, false),
            ("あ。」と", 3, 9, Stop::Cjk, true),
            ("a.", 1, 2, Stop::Period, false),
        ];
        for (text, start, end, stop, has_quote_closer) in cases {
            let want = Cluster { start, end, stop, has_quote_closer };
            assert_eq!(Cluster::read(text, start), want, "{text:?}");
        }
    }

    #[test]
    fn reads_what_follows() {
        assert_eq!(Next::after("a. b", 2), Next::Spaced('b'));
        assert_eq!(Next::after("a.\u{3000}b", 2), Next::Spaced('b'));
        assert_eq!(Next::after("a.b", 2), Next::Glued('b', None));
        assert_eq!(Next::after("a.bc", 2), Next::Glued('b', Some('c')));
        assert_eq!(Next::after("a.  \nb", 2), Next::End);
        assert_eq!(Next::after("a.\nb", 2), Next::End);
        assert_eq!(Next::after("a.  ", 2), Next::End);
        assert_eq!(Next::after("a.", 2), Next::End);
    }

    #[test]
    fn decides_the_first_terminator() {
        let cases = [
            ("He left. She came.", true),
            ("He left. she came.", false),
            ("Dr. Kim came.", false),
            ("No. 5 came.", false),
            ("No. The end.", true),
            ("3.5% rose.", false),
            ("했다.그는", true),
            ("했다. 그는", true),
            ("Ltd.는 말했다", false),
            ("(MFDS).그는", true),
            ("다.\"라고", false),
            ("다.\" 그는", true),
            ("中国。他", true),
            ("growth.The", true),
            ("Dr.Kim", false),
            ("www.asiae.co.kr", false),
            ("Wait... the end", false),
            ("Wait... The end", true),
            ("Wait…그는", false),
            ("Why? the end", true),
            ("page?id=3", false),
        ];
        for (text, want) in cases {
            let start = text.find(is_terminator).unwrap();
            let cluster = Cluster::read(text, start);
            assert_eq!(ends_sentence(text, &cluster), want, "{text:?}");
        }
    }
}
