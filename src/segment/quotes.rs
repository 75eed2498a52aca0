//! Quotations embedded in a sentence. Korean and Japanese attach a particle
//! straight to the closing mark of quoted speech ("…"라고 말했다, 「…」と述べた),
//! so every sentence end inside such a quotation belongs to the sentence that
//! quotes it.

use super::chars::{QUOTE_PAIRS, continues_quotation, is_line_break};

/// How far ahead, in bytes, the closing mark of a quotation is looked for.
const MAX_QUOTATION_BYTES: usize = 2048;

/// The quotation open at the current point of the scan, if any.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct QuoteTracker {
    open: Option<OpenQuote>,
}

#[derive(Clone, Copy, Debug)]
struct OpenQuote {
    /// The mark that closes it.
    closer: char,
    /// Whether a particle follows its closing mark, once looked up.
    embedded: Option<bool>,
}

impl QuoteTracker {
    /// Follows a tracked quotation mark met inside a sentence: it closes the
    /// open quotation or, when none is open, opens one.
    pub(super) fn mark(&mut self, c: char) {
        match self.open {
            Some(open) if open.closer == c => self.open = None,
            Some(_) => {}
            None => {
                let closer =
                    QUOTE_PAIRS.iter().find(|&&(open, _)| open == c).map(|&(_, close)| close);
                self.open = closer.map(|closer| OpenQuote { closer, embedded: None });
            }
        }
    }

    /// Follows closing marks met right after a terminator, in `marks`: they
    /// only close. Returns true when they close the open quotation.
    pub(super) fn close_in(&mut self, marks: &str) -> bool {
        let closes = self.open.is_some_and(|open| marks.contains(open.closer));
        if closes {
            self.open = None;
        }
        closes
    }

    /// Forgets the open quotation, at the end of a line.
    pub(super) fn reset(&mut self) {
        self.open = None;
    }

    /// True when byte `at` of `text` lies inside an open quotation whose
    /// closing mark, later on the same line, is followed by a particle.
    pub(super) fn inside_embedded(&mut self, text: &str, at: usize) -> bool {
        let Some(open) = &mut self.open else {
            return false;
        };
        *open.embedded.get_or_insert_with(|| particle_after_closer(text, at, open.closer))
    }
}

/// True when the first `closer` after byte `from`, on the same line and not
/// too far, is followed directly by a Hangul or Hiragana particle.
fn particle_after_closer(text: &str, from: usize, closer: char) -> bool {
    let rest = text.get(from..).unwrap_or_default();
    let found = rest
        .char_indices()
        .take_while(|&(i, c)| i < MAX_QUOTATION_BYTES && !is_line_break(c))
        .find(|&(_, c)| c == closer);
    found.is_some_and(|(i, c)| rest.get(i + c.len_utf8()..).is_some_and(continues_quotation))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracks_pairs() {
        let mut quotes = QuoteTracker::default();
        quotes.mark('”');
        assert!(quotes.open.is_none(), "a lone closing mark opens nothing");
        quotes.mark('“');
        assert_eq!(quotes.open.map(|q| q.closer), Some('”'));
        quotes.mark('"');
        assert_eq!(quotes.open.map(|q| q.closer), Some('”'), "another kind does not close");
        assert!(!quotes.close_in(")"));
        assert!(quotes.close_in(".”"));
        assert!(quotes.open.is_none());
        quotes.mark('"');
        quotes.mark('"');
        assert!(quotes.open.is_none(), "straight quotes alternate");
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
