//! Quotations and titles embedded in a sentence. Korean and Japanese attach
//! a particle straight to the closing mark of quoted speech ("…"라고 말했다,
//! 「…」と述べた), so every sentence end inside such a quotation belongs to the
//! sentence that quotes it; a title in title marks ("《摔跤吧！爸爸》") is a
//! name and holds no sentence end at all. Quotations and titles nest
//! (「…《…》…」), up to [`MAX_DEPTH`] levels.

use super::chars::{QUOTE_PAIRS, TITLE_PAIRS, continues_quotation, is_line_break};

/// How far ahead, in bytes, the closing mark of a quotation is looked for.
const MAX_QUOTATION_BYTES: usize = 2048;
/// Most quotations and titles open inside one another that are followed.
const MAX_DEPTH: usize = 4;

/// The quotations and titles open at the current point of the scan.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct QuoteTracker {
    open: [Option<OpenQuote>; MAX_DEPTH],
    depth: usize,
}

#[derive(Clone, Copy, Debug)]
struct OpenQuote {
    /// The mark that closes it.
    closer: char,
    /// Whether it is a title rather than a quotation.
    title: bool,
    /// Whether its sentence ends belong to the sentence around it, once
    /// looked up.
    embedded: Option<bool>,
}

/// What the closing marks right after a terminator closed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Closed {
    /// A quotation.
    pub quotation: bool,
    /// A title.
    pub title: bool,
}

impl QuoteTracker {
    /// Follows a tracked mark met inside a sentence: it closes the innermost
    /// open quotation or title, or one further out when the inner ones were
    /// left unclosed, or else opens one.
    pub(super) fn mark(&mut self, c: char) {
        if self.close(c).is_some() {
            return;
        }
        let quote =
            QUOTE_PAIRS.iter().find(|&&(open, _)| open == c).map(|&(_, close)| (close, false));
        let title =
            TITLE_PAIRS.iter().find(|&&(open, _)| open == c).map(|&(_, close)| (close, true));
        if let Some((closer, title)) = quote.or(title)
            && let Some(slot) = self.open.get_mut(self.depth)
        {
            *slot = Some(OpenQuote { closer, title, embedded: None });
            self.depth += 1;
        }
    }

    /// Follows closing marks met right after a terminator, in `marks`: they
    /// only close. Returns what they closed.
    pub(super) fn close_in(&mut self, marks: &str) -> Closed {
        let mut closed = Closed::default();
        for c in marks.chars() {
            match self.close(c) {
                Some(true) => closed.title = true,
                Some(false) => closed.quotation = true,
                None => {}
            }
        }
        closed
    }

    /// Closes the open quotation or title that `c` closes, with those open
    /// inside it, and tells whether it was a title.
    fn close(&mut self, c: char) -> Option<bool> {
        let level =
            self.open[..self.depth].iter().rposition(|q| q.is_some_and(|q| q.closer == c))?;
        let title = self.open[level].is_some_and(|q| q.title);
        self.depth = level;
        Some(title)
    }

    /// Forgets the open quotations, at the end of a line.
    pub(super) fn reset(&mut self) {
        self.depth = 0;
    }

    /// True when byte `at` of `text` lies inside an open title, or inside an
    /// open quotation whose closing mark, later on the same line, is followed
    /// by a particle.
    pub(super) fn inside_embedded(&mut self, text: &str, at: usize) -> bool {
        self.open[..self.depth].iter_mut().flatten().any(|open| {
            *open.embedded.get_or_insert_with(|| match closer_on_line(text, at, open.closer) {
                Some(after) => open.title || continues_quotation(after),
                None => false,
            })
        })
    }
}

/// The text after the first `closer` after byte `from`, if it comes on the
/// same line and not too far.
fn closer_on_line(text: &str, from: usize, closer: char) -> Option<&str> {
    let rest = text.get(from..)?;
    let (i, c) = rest
        .char_indices()
        .take_while(|&(i, c)| i < MAX_QUOTATION_BYTES && !is_line_break(c))
        .find(|&(_, c)| c == closer)?;
    rest.get(i + c.len_utf8()..)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracks_pairs() {
        let mut quotes = QuoteTracker::default();
        quotes.mark('”');
        assert_eq!(quotes.depth, 0, "a lone closing mark opens nothing");
        quotes.mark('“');
        quotes.mark('"');
        assert_eq!(quotes.depth, 2, "another kind nests");
        quotes.mark('"');
        assert_eq!(quotes.depth, 1, "straight quotes alternate");
        assert_eq!(quotes.close_in(")"), Closed::default());
        assert_eq!(quotes.close_in(".”"), Closed { quotation: true, title: false });
        assert_eq!(quotes.depth, 0);
        quotes.mark('「');
        quotes.mark('《');
        quotes.mark('『');
        assert_eq!(quotes.close_in("！》"), Closed { quotation: false, title: true });
        assert_eq!(quotes.depth, 1, "closing the title closes what was left open in it");
        for _ in 0..2 * MAX_DEPTH {
            quotes.mark('“');
        }
        assert_eq!(quotes.depth, MAX_DEPTH);
    }

    #[test]
    fn titles_hold_no_sentence_end() {
        let text = "看《好吧！爸爸》吗";
        let mut quotes = QuoteTracker::default();
        quotes.mark('《');
        let inside = text.find('！').unwrap() + '！'.len_utf8();
        assert!(quotes.inside_embedded(text, inside));
        let mut quotes = QuoteTracker::default();
        quotes.mark('《');
        assert!(!quotes.inside_embedded("看《好吧！\n爸爸》吗", inside), "closed on the same line");
    }

    #[test]
    fn finds_embedded_quotations() {
        let cases = [
            ("\"좋다. 가자\"라고 했다.", true),
            ("\"좋다. 가자\" 그는 갔다.", false),
            ("“좋다. 가자”며 웃었다.", true),
            ("「はい。行く」と言った。", true),
            ("「はい。行く」彼は言った。", false),
            ("\"Yes. Go\" he said.", false),
            ("\"좋다.\n가자\"라고", false),
            ("\"좋다. 가자", false),
        ];
        for (text, want) in cases {
            let mut quotes = QuoteTracker::default();
            let first = text.chars().next().unwrap();
            quotes.mark(first);
            let (stop, c) = text.char_indices().find(|&(_, c)| matches!(c, '.' | '。')).unwrap();
            let inside = stop + c.len_utf8();
            assert_eq!(quotes.inside_embedded(text, inside), want, "{text:?}");
        }
    }

    #[test]
    fn looks_no_further_than_the_limit() {
        let text = format!("\"{}\"라고", "가".repeat(MAX_QUOTATION_BYTES));
        let mut quotes = QuoteTracker::default();
        quotes.mark('"');
        assert!(!quotes.inside_embedded(&text, 1));
    }
}
