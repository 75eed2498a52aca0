//! `recognize::Recognizer::find` on arbitrary text, split into sentences or
//! taken whole: names are non-empty, in order, disjoint, on char boundaries,
//! each inside one sentence, and their ids carry the type's prefix.

#![no_main]

use std::sync::LazyLock;

use arbitrary::Arbitrary;
use gazette::model::{Lang, SentenceSpan, Span};
use gazette::recognize::Recognizer;
use gazette::segment::split_sentences;
use gazette_fuzz::assert_spans_in_sentences;
use libfuzzer_sys::fuzz_target;

static RECOGNIZER: LazyLock<Recognizer> = LazyLock::new(Recognizer::new);

#[derive(Debug, Arbitrary)]
struct Input<'a> {
    segmented: bool,
    text: &'a str,
}

fuzz_target!(|input: Input<'_>| {
    let text = input.text;
    let sentences = if input.segmented {
        split_sentences(text)
    } else {
        vec![SentenceSpan { span: Span::new(0, text.len()), lang: Lang::Und }]
    };
    let found = RECOGNIZER.find(text, &sentences, &[]);
    assert_spans_in_sentences(text, &sentences, found.iter().map(|m| m.span));
    for m in &found {
        assert!(m.entity.id.contains(":x-"), "{m:?}");
    }
});
