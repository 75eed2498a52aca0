//! What the benches share: the bundled example corpus as documents, and an
//! observer that stays silent.

#![allow(dead_code, reason = "each bench uses a part of it")]

use std::path::PathBuf;

use gazette::ingest::{self, Cleaning, JsonlFields};
use gazette::model::{Document, ErrorRow};
use gazette::run::Observer;

/// The documents of the example corpus, as a run reads them, and the
/// number of input bytes they came from.
pub fn example_documents() -> (Vec<Document>, u64) {
    let examples = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples");
    let ingest::Listing { files, errors, .. } = ingest::discover(&[examples], None);
    assert!(errors.is_empty(), "{errors:?}");
    let fields = JsonlFields::default();
    let cleaning = Cleaning::default();
    let mut bytes = 0;
    let docs = files
        .iter()
        .flat_map(|file| ingest::read_file(file, &fields))
        .map(|record| {
            let record = record.expect("example files are readable");
            bytes += record.bytes.len() as u64;
            ingest::parse_record(record, &fields, &cleaning).expect("example documents parse")
        })
        .collect();
    (docs, bytes)
}

/// An observer for runs that must not report errors.
pub struct Silent;

impl Observer for Silent {
    fn start(&self, _: u64) {}
    fn advance(&self, _: u64) {}
    fn error(&self, error: &ErrorRow) {
        panic!("unexpected input error: {error:?}");
    }
    fn notice(&self, _: &str) {}
}
