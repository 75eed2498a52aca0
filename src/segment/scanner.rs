//! One pass over the text that finds where sentences end: after terminators
//! that the rules accept, at line breaks, and before list items. Bytes that
//! cannot start any of these marks are skipped without decoding.

use crate::model::Span;

use super::chars::{
    BULLETS, CJK_STOPS, ELLIPSES, LATIN_STOPS, LINE_BREAKS, PERIODS, QUOTE_PAIRS, TITLE_PAIRS,
    is_horizontal_space, is_line_break, is_terminator, is_tracked_quote,
};
use super::lines;
use super::lists::{self, Item};
use super::quotes::QuoteTracker;
use super::rules::{Cluster, ends_sentence};

/// The closing mark of a list number or letter written "1)" or "a)".
const LIST_CLOSE: char = ')';

/// The byte spans of the sentences of `text`, in order, trimmed of
/// whitespace and never empty.
pub(super) fn sentence_spans(text: &str) -> Vec<Span> {
    Scanner {
        text,
        segment_start: 0,
        line_start: 0,
        next_stop: None,
        quotes: QuoteTracker::default(),
        spans: Vec::new(),
    }
    .run()
}

/// First bytes of the UTF-8 encodings of every character the scan acts on.
static MARK_FIRST_BYTES: [bool; 256] = mark_first_bytes();

const fn mark_first_bytes() -> [bool; 256] {
    let mut table = [false; 256];
    let sets = [PERIODS, ELLIPSES, LATIN_STOPS, CJK_STOPS, LINE_BREAKS, BULLETS];
    let mut s = 0;
    while s < sets.len() {
        let mut i = 0;
        while i < sets[s].len() {
            table[first_utf8_byte(sets[s][i]) as usize] = true;
            i += 1;
        }
        s += 1;
    }
    let pairs = [QUOTE_PAIRS, TITLE_PAIRS];
    let mut p = 0;
    while p < pairs.len() {
        let mut q = 0;
        while q < pairs[p].len() {
            table[first_utf8_byte(pairs[p][q].0) as usize] = true;
            table[first_utf8_byte(pairs[p][q].1) as usize] = true;
            q += 1;
        }
        p += 1;
    }
    table[LIST_CLOSE as usize] = true;
    table
}

/// The first byte of the UTF-8 encoding of `c`.
#[allow(clippy::cast_possible_truncation)] // Each arm keeps the value below 256.
const fn first_utf8_byte(c: char) -> u8 {
    let c = c as u32;
    match c {
        0..0x80 => c as u8,
        0x80..0x800 => (0xC0 | (c >> 6)) as u8,
        0x800..0x1_0000 => (0xE0 | (c >> 12)) as u8,
        _ => (0xF0 | (c >> 18)) as u8,
    }
}

/// What a character means to the scan.
enum Mark {
    Terminator,
    LineBreak,
    Bullet,
    Quote,
    ListClose,
    Plain,
}

impl Mark {
    fn of(c: char) -> Mark {
        if is_terminator(c) {
            Mark::Terminator
        } else if is_line_break(c) {
            Mark::LineBreak
        } else if BULLETS.contains(&c) {
            Mark::Bullet
        } else if is_tracked_quote(c) {
            Mark::Quote
        } else if c == LIST_CLOSE {
            Mark::ListClose
        } else {
            Mark::Plain
        }
    }
}

struct Scanner<'t> {
    text: &'t str,
    /// Where the sentence being read starts, untrimmed.
    segment_start: usize,
    /// Where the current line's text starts.
    line_start: usize,
    /// The first terminator or line break after the last bullet looked at,
    /// and whether it is a terminator.
    next_stop: Option<(usize, bool)>,
    quotes: QuoteTracker,
    spans: Vec<Span>,
}

impl Scanner<'_> {
    fn run(mut self) -> Vec<Span> {
        let bytes = self.text.as_bytes();
        let mut at = 0;
        while let Some(&byte) = bytes.get(at) {
            if !MARK_FIRST_BYTES[usize::from(byte)] {
                at += 1;
                continue;
            }
            let Some(c) = self.text.get(at..).and_then(|rest| rest.chars().next()) else {
                at += 1;
                continue;
            };
            at = match Mark::of(c) {
                Mark::Terminator => self.terminator(at),
                Mark::LineBreak => self.line_break(at),
                Mark::Bullet => self.bullet(at, c),
                Mark::Quote => {
                    self.quotes.mark(c);
                    at + c.len_utf8()
                }
                Mark::ListClose => self.list_close(at),
                Mark::Plain => at + c.len_utf8(),
            };
        }
        self.cut(self.text.len());
        self.spans
    }

    /// Reads the terminator cluster at `at`, ends the sentence after it when
    /// the rules say so, and returns where the scan goes on.
    fn terminator(&mut self, at: usize) -> usize {
        let cluster = Cluster::read(self.text, at);
        if let Some(item) =
            lists::item_at(self.text, at, cluster.end, self.segment_start, self.line_start)
        {
            if let Item::Inline(start) = item {
                self.cut(start);
            }
            return cluster.end;
        }
        let marks = self.text.get(at..cluster.end).unwrap_or_default();
        let closed = self.quotes.close_in(marks);
        let after = self.text.get(cluster.end..).unwrap_or_default();
        let title_goes_on = closed.title
            && after
                .trim_start_matches(is_horizontal_space)
                .chars()
                .next()
                .is_some_and(|c| !is_line_break(c));
        let held = title_goes_on || self.quotes.inside_embedded(self.text, cluster.end);
        if !held && ends_sentence(self.text, &cluster, self.segment_start) {
            self.cut(cluster.end);
        }
        cluster.end
    }

    /// Starts a new sentence before the list item that the ")" at byte `at`
    /// closes the marker of, if any, and returns where the scan goes on.
    fn list_close(&mut self, at: usize) -> usize {
        let end = at + LIST_CLOSE.len_utf8();
        if let Some(Item::Inline(start)) =
            lists::item_at(self.text, at, end, self.segment_start, self.line_start)
        {
            self.cut(start);
        }
        end
    }

    /// Reads the whitespace run that starts with the line break at `at`, ends
    /// the sentence there unless the line break continues it, and returns the
    /// start of the next line's text.
    fn line_break(&mut self, at: usize) -> usize {
        let (next_start, breaks) = whitespace_run(self.text, at);
        let prev = self.text.get(self.line_start..at).unwrap_or_default().trim();
        let rest = self.text.get(next_start..).unwrap_or_default();
        let next = rest.split(['\n', '\r']).next().unwrap_or_default().trim_end();
        if breaks > 1 || !lines::continues_sentence(prev, next) {
            self.cut(next_start);
            self.quotes.reset();
        }
        self.line_start = next_start;
        next_start
    }

    /// Starts a new sentence at the bullet `c` at byte `at` when it starts a
    /// list item (see `lists`).
    fn bullet(&mut self, at: usize, c: char) -> usize {
        let text = self.text;
        let sentence = text.get(self.segment_start..at).unwrap_or_default();
        let next_stop = &mut self.next_stop;
        let runs_on = || {
            let (stop, terminator) = match *next_stop {
                Some(found) if found.0 > at => found,
                _ => lists::next_stop(text, at),
            };
            *next_stop = Some((stop, terminator));
            terminator
        };
        if lists::bullet_starts_item(text, at, c, sentence, runs_on) {
            self.cut(at);
        }
        at + c.len_utf8()
    }

    /// Ends the current sentence at byte `end` and keeps it, trimmed, when
    /// anything but whitespace is left.
    fn cut(&mut self, end: usize) {
        if let Some(piece) = self.text.get(self.segment_start..end) {
            let trimmed = piece.trim_start();
            let start = self.segment_start + piece.len() - trimmed.len();
            let trimmed = trimmed.trim_end();
            if !trimmed.is_empty() {
                self.spans.push(Span::new(start, start + trimmed.len()));
            }
            self.segment_start = end;
        }
    }
}

/// The end of the whitespace run starting at byte `at` and the number of line
/// breaks in it: a CR LF pair counts once, a paragraph separator twice.
fn whitespace_run(text: &str, at: usize) -> (usize, usize) {
    let rest = text.get(at..).unwrap_or_default();
    let mut breaks = 0;
    let mut chars = rest.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        if !c.is_whitespace() {
            return (at + i, breaks);
        }
        chars.next();
        breaks += match c {
            '\r' if chars.peek().is_some_and(|&(_, n)| n == '\n') => 0,
            '\u{2029}' => 2,
            _ => usize::from(is_line_break(c)),
        };
    }
    (text.len(), breaks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mark_is_seen_by_the_byte_table() {
        let quote_marks = QUOTE_PAIRS.iter().flat_map(|&(open, close)| [open, close]);
        let marks = [PERIODS, ELLIPSES, LATIN_STOPS, CJK_STOPS, LINE_BREAKS, BULLETS]
            .into_iter()
            .flatten()
            .copied()
            .chain(quote_marks);
        for c in marks {
            let mut buf = [0; 4];
            let first = c.encode_utf8(&mut buf).as_bytes()[0];
            assert_eq!(first_utf8_byte(c), first, "{c}");
            assert!(MARK_FIRST_BYTES[usize::from(first)], "{c}");
        }
        assert!(!MARK_FIRST_BYTES[usize::from(b'a')]);
        assert!(!MARK_FIRST_BYTES[0xEA], "Hangul syllables are skipped");
        assert!(!MARK_FIRST_BYTES[usize::from(b']')], "closers matter only after terminators");
        assert!(MARK_FIRST_BYTES[usize::from(b')')], "list numbers close with it");
    }

    #[test]
    fn measures_whitespace_runs() {
        let cases = [
            ("a\nb", 1, (2, 1)),
            ("a\n\nb", 1, (3, 2)),
            ("a\n  \n b", 1, (6, 2)),
            ("a\r\nb", 1, (3, 1)),
            ("a\r\n\r\nb", 1, (5, 2)),
            ("a\rb", 1, (2, 1)),
            ("a\u{2029}b", 1, (4, 2)),
            ("a\n ", 1, (3, 1)),
        ];
        for (text, at, want) in cases {
            assert_eq!(whitespace_run(text, at), want, "{text:?}");
        }
    }
}
