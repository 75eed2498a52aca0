//! `pipeline::Pipeline::process` with the bundled dictionary on arbitrary
//! text: every sentence, mention and figure row's code-point range
//! `start..end` of the document text is exactly its text or surface, and
//! each mention and figure lies in the sentence it names.

#![no_main]

use std::sync::LazyLock;

use arbitrary::Arbitrary;
use gazette::dictionary::Dictionary;
use gazette::model::Document;
use gazette::pipeline::Pipeline;
use gazette_fuzz::DateChoice;
use libfuzzer_sys::fuzz_target;

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(|| {
    Pipeline::new(Dictionary::builder().build().expect("the bundled dictionary loads"))
});

#[derive(Debug, Arbitrary)]
struct Input {
    published: DateChoice,
    text: String,
}

fuzz_target!(|input: Input| {
    let doc = Document {
        id: "d".into(),
        published: input.published.date(),
        text: input.text,
        ..Document::default()
    };
    let out = PIPELINE.process(doc);
    let text = out.document.text.as_str();
    // Byte offset of every code point, and of the end of the text.
    let char_starts: Vec<usize> =
        text.char_indices().map(|(i, _)| i).chain(std::iter::once(text.len())).collect();
    let slice = |start: u32, end: u32| {
        assert!(start < end, "empty range {start}..{end}");
        let byte = |at: u32| *char_starts.get(at as usize).expect("offset inside the text");
        &text[byte(start)..byte(end)]
    };
    assert_eq!(out.document.n_chars as usize, char_starts.len() - 1);
    assert_eq!(out.document.n_sentences as usize, out.sentences.len());
    for (i, row) in out.sentences.iter().enumerate() {
        assert_eq!(row.sentence_id as usize, i);
        assert_eq!(slice(row.start, row.end), row.text(text), "{row:?}");
    }
    let in_sentence = |id: u32, start: u32, end: u32| {
        out.sentences.get(id as usize).is_some_and(|s| s.start <= start && end <= s.end)
    };
    for row in &out.mentions {
        assert_eq!(slice(row.start, row.end), row.surface, "{row:?}");
        assert!(in_sentence(row.sentence_id, row.start, row.end), "{row:?}");
    }
    for row in &out.figures {
        assert_eq!(slice(row.start, row.end), row.surface, "{row:?}");
        assert!(in_sentence(row.sentence_id, row.start, row.end), "{row:?}");
    }
});
