//! `ingest::parse_record` on arbitrary bytes in each input format: no panic,
//! and every document it accepts has clean, non-blank text.

#![no_main]

use arbitrary::Arbitrary;
use gazette::ingest::{
    Cleaning, Format, JsonlFields, RawRecord, clean_text, hex_digest, parse_record,
};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
enum FormatChoice {
    Text,
    Jsonl,
    Html,
}

#[derive(Debug, Arbitrary)]
struct Input {
    format: FormatChoice,
    keep_boilerplate: bool,
    bytes: Vec<u8>,
}

fuzz_target!(|input: Input| {
    let format = match input.format {
        FormatChoice::Text => Format::Text,
        FormatChoice::Jsonl => Format::Jsonl,
        FormatChoice::Html => Format::Html,
    };
    let jsonl = format == Format::Jsonl;
    let record = RawRecord {
        path: "in/doc.x".into(),
        line: jsonl.then_some(1),
        path_id: (!jsonl).then(|| "doc".into()),
        format,
        bytes: input.bytes,
    };
    let content_hash = hex_digest(&record.bytes);
    let cleaning = Cleaning { keep_boilerplate: input.keep_boilerplate, ..Cleaning::default() };
    let Ok(doc) = parse_record(record, &JsonlFields::default(), &cleaning) else { return };
    let text = doc.text.as_str();
    assert!(!text.trim().is_empty(), "blank text accepted");
    assert!(
        text.chars().all(|c| c == '\n' || c == '\t' || !c.is_control()),
        "control character left in {text:?}"
    );
    assert_eq!(clean_text(text.to_owned()), text, "text is not clean");
    if let Some(title) = &doc.title {
        assert_eq!(&clean_text(title.clone()), title, "title is not clean");
    }
    assert!(!doc.id.is_empty(), "empty id");
    assert_eq!(doc.content_hash, content_hash);
});
