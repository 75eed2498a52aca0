//! Checks and input types shared by the fuzz targets of `fuzz_targets/`.
//!
//! Every check panics with a message naming the broken invariant, which
//! libFuzzer reports as a crash together with the input.

use arbitrary::Arbitrary;
use chrono::NaiveDate;
use gazette::model::{Lang, SentenceSpan, Span};
use gazette::segment::split_sentences;

/// A document language picked by the fuzzer: any of [`Lang::ALL`].
#[derive(Clone, Copy, Debug, Arbitrary)]
pub struct LangChoice(u8);

impl From<LangChoice> for Lang {
    fn from(choice: LangChoice) -> Lang {
        Lang::ALL[usize::from(choice.0) % Lang::ALL.len()]
    }
}

/// Text picked by the fuzzer, split into sentences by the segmenter or
/// taken whole as one sentence.
#[derive(Debug, Arbitrary)]
pub struct SentencedText<'a> {
    segmented: bool,
    /// The text.
    pub text: &'a str,
}

impl SentencedText<'_> {
    /// The sentences of `text`: the segmenter's, or the whole text as one.
    #[must_use]
    pub fn sentences(&self) -> Vec<SentenceSpan> {
        if self.segmented {
            split_sentences(self.text)
        } else {
            vec![SentenceSpan { span: Span::new(0, self.text.len()), lang: Lang::Und }]
        }
    }
}

/// A calendar date picked by the fuzzer, or none.
#[derive(Clone, Copy, Debug, Arbitrary)]
pub struct DateChoice(Option<i32>);

impl DateChoice {
    /// The date `self` days from 0001-01-01, when chrono can represent it.
    #[must_use]
    pub fn date(self) -> Option<NaiveDate> {
        self.0.and_then(NaiveDate::from_num_days_from_ce_opt)
    }
}

/// Asserts that `spans` are non-empty, in order, disjoint, on char
/// boundaries of `text`, and each inside one of `sentences`.
///
/// # Panics
///
/// When one of these does not hold.
pub fn assert_spans_in_sentences(
    text: &str,
    sentences: &[SentenceSpan],
    spans: impl IntoIterator<Item = Span>,
) {
    let mut last_end = 0;
    for span in spans {
        assert!(span.start < span.end, "empty span {span:?}");
        assert!(last_end <= span.start, "span {span:?} overlaps or goes back before {last_end}");
        assert!(text.get(span.start..span.end).is_some(), "span {span:?} not on char boundaries");
        assert!(
            sentences.iter().any(|s| s.span.contains(span)),
            "span {span:?} is inside no sentence of {sentences:?}"
        );
        last_end = span.end;
    }
}
