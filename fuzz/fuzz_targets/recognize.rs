//! `recognize::Recognizer::find` on arbitrary text, split into sentences or
//! taken whole: names are non-empty, in order, disjoint, on char boundaries,
//! each inside one sentence, and their ids carry the type's prefix.

#![no_main]

use std::sync::LazyLock;

use gazette::recognize::{Claimed, Recognizer};
use gazette_fuzz::{SentencedText, assert_spans_in_sentences};
use libfuzzer_sys::fuzz_target;

static RECOGNIZER: LazyLock<Recognizer> = LazyLock::new(Recognizer::new);

fuzz_target!(|input: SentencedText<'_>| {
    let text = input.text;
    let sentences = input.sentences();
    let found = RECOGNIZER.find(text, &sentences, Claimed::default());
    assert_spans_in_sentences(text, &sentences, found.iter().map(|m| m.span));
    for m in &found {
        assert!(m.entity.id.contains(":x-"), "{m:?}");
    }
});
