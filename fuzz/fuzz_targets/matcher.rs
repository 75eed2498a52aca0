//! `dictionary::Matcher::find` with the bundled dictionary on arbitrary text,
//! split into sentences or taken whole: mentions are non-empty, in order,
//! disjoint, on char boundaries, each inside one sentence, and name an entity
//! of the dictionary.

#![no_main]

use std::sync::LazyLock;

use gazette::dictionary::{Dictionary, Matcher};
use gazette_fuzz::{SentencedText, assert_spans_in_sentences};
use libfuzzer_sys::fuzz_target;

static DICTIONARY: LazyLock<Dictionary> =
    LazyLock::new(|| Dictionary::builder().build().expect("the bundled dictionary loads"));
static MATCHER: LazyLock<Matcher> = LazyLock::new(|| Matcher::new(&DICTIONARY));

fuzz_target!(|input: SentencedText<'_>| {
    let text = input.text;
    let sentences = input.sentences();
    let mentions = MATCHER.find(text, &sentences);
    assert_spans_in_sentences(text, &sentences, mentions.iter().map(|m| m.span));
    for mention in &mentions {
        assert!((mention.entity.0 as usize) < DICTIONARY.len(), "{mention:?}");
    }
});
