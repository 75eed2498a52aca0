//! `segment::split_sentences` on arbitrary text: sentences are non-empty,
//! trimmed, in order, disjoint, on char boundaries, labelled with their own
//! language, and leave out nothing but whitespace.

#![no_main]

use gazette::model::Span;
use gazette::segment::{detect_lang, document_lang, split_sentences};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let sentences = split_sentences(text);
    let mut covered_to = 0;
    for sentence in &sentences {
        let Span { start, end } = sentence.span;
        assert!(start < end, "empty sentence {start}..{end}");
        assert!(covered_to <= start, "sentence {start}..{end} overlaps or goes back");
        let (Some(gap), Some(body)) = (text.get(covered_to..start), text.get(start..end)) else {
            panic!("sentence {start}..{end} not on char boundaries");
        };
        assert!(gap.chars().all(char::is_whitespace), "{gap:?} left out");
        assert_eq!(body.trim(), body, "sentence not trimmed");
        assert_eq!(sentence.lang, detect_lang(body), "language of {body:?}");
        covered_to = end;
    }
    let tail = &text[covered_to..];
    assert!(tail.chars().all(char::is_whitespace), "{tail:?} left out");
    let _ = document_lang(text, &sentences);
});
