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
//!   Periods separated by single spaces are one ellipsis: three after a space
//!   (" . . . ") mark an omission inside the sentence, a fourth is its
//!   period (" . . . . Next"), and after a word's own period they open the
//!   next sentence ("end. . . . The next") unless nothing follows on the line.
//! - A closing quotation mark followed directly by a Korean or Japanese
//!   particle ("…"라고, 「…」と), or by a Korean quotative verb after a space
//!   ("…" 하고), keeps the quotation inside its sentence; so does a quoted
//!   question or exclamation followed by a lowercase word ("Stop!" he said),
//!   and so does an exclamation mark followed by a lowercase word or a dash
//!   ("Yahoo! in Japan", "and -- voila! -- done").
//! - A period inside an e-mail address ("jane.doe@example.com") or a web
//!   address does not end a sentence.
//! - A citation mark right after a terminator ("shown.[3] The") stays with
//!   the sentence it ends.

use super::abbreviations::{
    Abbreviation, abbreviation_before, is_opening_phrase, is_sentence_starter,
};
use super::chars::{
    CJK_STOPS, CLOSERS, ELLIPSES, LATIN_STOPS, PERIODS, QUOTE_CLOSERS, continues_quotation,
    is_digit, is_horizontal_space, is_line_break,
};
use crate::script::{Script, is_cjk_letter, script_of};

/// Longest citation number after a terminator ("[12]"), in digits.
const MAX_CITATION_DIGITS: usize = 3;

/// The strongest terminator in a cluster.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Stop {
    /// One period.
    Period,
    /// An ellipsis, or several periods, and nothing stronger.
    Ellipsis,
    /// Three periods after a space, each after a single space (" . . ."): an
    /// omission inside a sentence.
    SpacedEllipsis,
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
        let (mut spaced, mut has_quote_closer) = (false, false);
        let after_space = || {
            text.get(..start)
                .is_none_or(|head| head.chars().next_back().is_none_or(char::is_whitespace))
        };
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
            } else if c == '['
                && let Some(len) = rest.get(i..).and_then(citation_len)
            {
                end = start + i + len;
                break;
            } else if c == ' '
                && periods > 0
                && rest.get(i + 1..).is_some_and(|r| r.starts_with('.'))
                && (periods > 1 || after_space() || rest.get(i..).is_some_and(ends_line_after_dots))
            {
                // A spaced ellipsis (". . ."); after a word's own period it
                // opens the next sentence unless the line ends with it.
                spaced = true;
            } else {
                break;
            }
            end = start + i + c.len_utf8();
        }
        let stop = if cjk {
            Stop::Cjk
        } else if latin {
            Stop::Latin
        } else if spaced && periods == 3 && !ellipsis && after_space() {
            Stop::SpacedEllipsis
        } else if ellipsis || periods > 1 {
            Stop::Ellipsis
        } else {
            Stop::Period
        };
        Cluster { start, end, stop, has_quote_closer }
    }
}

/// The length of a citation mark ("[3]") that `rest` starts with.
fn citation_len(rest: &str) -> Option<usize> {
    let inner = rest.strip_prefix('[')?;
    let digits = inner.len() - inner.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let closed = inner.get(digits..).is_some_and(|r| r.starts_with(']'));
    ((1..=MAX_CITATION_DIGITS).contains(&digits) && closed).then_some(digits + 2)
}

/// True when `rest`, starting with a space, holds only spaced periods and
/// closing marks up to the end of its line.
fn ends_line_after_dots(rest: &str) -> bool {
    let mut tail = rest;
    while let Some(after) = tail.strip_prefix(" .") {
        tail = after;
    }
    tail.trim_start_matches(CLOSERS)
        .trim_start_matches(is_horizontal_space)
        .chars()
        .next()
        .is_none_or(is_line_break)
}

/// What follows a cluster.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Next<'t> {
    /// The end of the text or of the line.
    End,
    /// A character right after the cluster, and the one after it.
    Glued(char, Option<char>),
    /// The text after one or more spaces, from its first character.
    Spaced(&'t str),
}

impl<'t> Next<'t> {
    fn after(text: &'t str, end: usize) -> Next<'t> {
        let rest = text.get(end..).unwrap_or_default();
        let mut chars = rest.chars();
        match chars.next() {
            None => Next::End,
            Some(c) if is_line_break(c) => Next::End,
            Some(c) if c.is_whitespace() => {
                let word = rest.trim_start_matches(is_horizontal_space);
                match word.chars().next() {
                    Some(c) if !is_line_break(c) => Next::Spaced(word),
                    _ => Next::End,
                }
            }
            Some(c) => Next::Glued(c, chars.next()),
        }
    }
}

/// True when `cluster` ends its sentence; `sentence_start` is where that
/// sentence starts.
pub(super) fn ends_sentence(text: &str, cluster: &Cluster, sentence_start: usize) -> bool {
    let head = text.get(..cluster.start).unwrap_or_default();
    match Next::after(text, cluster.end) {
        Next::End => true,
        _ if cluster.has_quote_closer
            && text.get(cluster.end..).is_some_and(continues_quotation) =>
        {
            false
        }
        _ if cluster.stop == Stop::Cjk => true,
        Next::Glued(c, then) => {
            ends_before_glued(cluster.stop, head, c, then) && !in_address(text, cluster.start)
        }
        Next::Spaced(rest) => {
            let sentence = || text.get(sentence_start..cluster.start).unwrap_or_default();
            let marks = text.get(cluster.start..cluster.end).unwrap_or_default();
            ends_before_spaced(cluster, Around { head, marks, rest }, sentence)
        }
    }
}

/// True when the terminator at byte `at` lies inside an e-mail or web
/// address: the word it stands in holds "@" or "://".
fn in_address(text: &str, at: usize) -> bool {
    let (head, rest) = text.split_at_checked(at).unwrap_or_default();
    let word_start = head.rfind(char::is_whitespace).map_or(0, |i| i + 1);
    let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let word = text.get(word_start..at + word_end).unwrap_or_default();
    word.contains('@') || word.contains("://")
}

/// Decides a cluster followed directly by `c` and then `then`.
fn ends_before_glued(stop: Stop, head: &str, c: char, then: Option<char>) -> bool {
    let before = head.chars().next_back();
    if matches!(stop, Stop::Ellipsis | Stop::SpacedEllipsis) {
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

/// The text around a cluster: before it, its own marks, and after the
/// spaces that follow it.
struct Around<'a> {
    head: &'a str,
    marks: &'a str,
    rest: &'a str,
}

/// Decides a cluster followed by spaces and then `rest`, in a sentence whose
/// text so far is `sentence`. A question or exclamation inside quotation
/// marks followed by a lowercase word is quoted speech inside the sentence
/// ("Stop!" he said).
fn ends_before_spaced<'t>(
    cluster: &Cluster,
    Around { head, marks, rest }: Around<'_>,
    sentence: impl FnOnce() -> &'t str,
) -> bool {
    let c = rest.chars().next().unwrap_or(' ');
    let capital = || first_letter(rest).is_some_and(|l| l.is_uppercase() || is_cjk_letter(l));
    match cluster.stop {
        Stop::Cjk => true,
        Stop::Latin if is_exclamation(marks, head) => !(c.is_lowercase() || is_dash(c)),
        Stop::Latin => !(cluster.has_quote_closer && c.is_lowercase()),
        Stop::Ellipsis => c.is_uppercase(),
        Stop::SpacedEllipsis => false,
        Stop::Period if head.chars().next_back().is_some_and(is_cjk_letter) => true,
        Stop::Period => match abbreviation_before(head) {
            Some(Abbreviation::NeverEnds) => false,
            Some(Abbreviation::EndsBeforeCapital) => capital() && !is_opening_phrase(sentence()),
            Some(Abbreviation::EndsBeforeStarter) => {
                let word = rest.split(|c: char| !c.is_alphabetic()).next().unwrap_or_default();
                is_sentence_starter(word)
            }
            None => !c.is_lowercase(),
        },
    }
}

/// True when `marks`, after `head`, is a single exclamation mark right after
/// a word.
fn is_exclamation(marks: &str, head: &str) -> bool {
    marks == "!" && head.chars().next_back().is_some_and(char::is_alphanumeric)
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—')
}

/// The first letter or digit of `rest`, past opening quotation marks and
/// brackets.
fn first_letter(rest: &str) -> Option<char> {
    rest.chars().find(|&c| !matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«'))
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
            ("a . . . b", 2, 7, Stop::SpacedEllipsis, false),
            ("a . . . . B", 2, 9, Stop::Ellipsis, false),
            ("a. . . . B", 1, 2, Stop::Period, false),
            ("a. . . .", 1, 8, Stop::Ellipsis, false),
            ("a. . . .\u{201d}\nB", 1, 11, Stop::Ellipsis, true),
            ("a.[12] B", 1, 6, Stop::Period, false),
            ("a.[x] B", 1, 2, Stop::Period, false),
        ];
        for (text, start, end, stop, has_quote_closer) in cases {
            let want = Cluster { start, end, stop, has_quote_closer };
            assert_eq!(Cluster::read(text, start), want, "{text:?}");
        }
    }

    #[test]
    fn reads_what_follows() {
        assert_eq!(Next::after("a. b", 2), Next::Spaced("b"));
        assert_eq!(Next::after("a.\u{3000}b", 2), Next::Spaced("b"));
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
            ("Mail jo.Kim@x.org now", false),
            ("See http://x.org/A.Html now", false),
            ("She works at Yahoo! in Seoul.", false),
            ("She works at Yahoo! It is big.", true),
            ("Hello! how are you", false),
            ("and -- voila! -- done", false),
            ("Wait . . . I see.", false),
            ("Done. . . . The next", true),
            ("See p. 55 now", false),
            ("Yang et al. (2025) said", false),
            ("Kim Inc. \u{201c}We agree\u{201d}", true),
            ("Kim J. The agency", true),
            ("Kim J. Park", false),
            ("Albert I. Jones", false),
            ("Shown.[2] Next", true),
        ];
        for (text, want) in cases {
            let start = text.find(is_terminator).unwrap();
            let cluster = Cluster::read(text, start);
            assert_eq!(ends_sentence(text, &cluster, 0), want, "{text:?}");
        }
    }
}
