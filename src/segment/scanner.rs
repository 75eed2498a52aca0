//! One pass over the text that finds where sentences end: after terminators
//! that the rules accept, at line breaks, and before list bullets. Bytes that
//! cannot start any of these marks are skipped without decoding.

use crate::model::Span;

use super::chars::{
    BULLETS, CJK_STOPS, ELLIPSES, LATIN_STOPS, LINE_BREAKS, PERIODS, QUOTE_PAIRS, is_line_break,
    is_terminator, is_tracked_quote,
};
use super::lines;
use super::quotes::QuoteTracker;
use super::rules::{Cluster, ends_sentence, inline_list_number};

/// The byte spans of the sentences of `text`, in order, trimmed of
/// whitespace and never empty.
pub(super) fn sentence_spans(text: &str) -> Vec<Span> {
    Scanner {
        text,
        segment_start: 0,
        line_start: 0,
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
    let mut q = 0;
    while q < QUOTE_PAIRS.len() {
        table[first_utf8_byte(QUOTE_PAIRS[q].0) as usize] = true;
        table[first_utf8_byte(QUOTE_PAIRS[q].1) as usize] = true;
        q += 1;
    }
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
        if let Some(number) = inline_list_number(self.text, &cluster) {
            self.cut(number);
            return cluster.end;
        }
        let marks = self.text.get(at..cluster.end).unwrap_or_default();
        let closes_quotation = self.quotes.close_in(marks);
        let in_embedded_quotation =
            !closes_quotation && self.quotes.inside_embedded(self.text, cluster.end);
        if !in_embedded_quotation && ends_sentence(self.text, &cluster) {
            self.cut(cluster.end);
        }
        cluster.end
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

    /// Starts a new sentence at the bullet `c` at byte `at` unless it follows
    /// a letter or digit or is repeated, as in the placeholder "김○○".
    fn bullet(&mut self, at: usize, c: char) -> usize {
        let after = at + c.len_utf8();
        let before = self.text.get(..at).and_then(|head| head.chars().next_back());
        let next = self.text.get(after..).and_then(|rest| rest.chars().next());
        let glued = before.is_some_and(|b| b.is_alphanumeric() || BULLETS.contains(&b));
        if !glued && !next.is_some_and(|n| BULLETS.contains(&n)) {
            self.cut(at);
        }
        after
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
        assert!(!MARK_FIRST_BYTES[usize::from(b')')], "closers matter only after terminators");
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
