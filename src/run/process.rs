//! One record through every stage, in parallel, with a panic in it caught.

use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind};

use rayon::prelude::*;

use super::collect::ErrorKind;
use crate::ingest::{self, Cleaning, JsonlFields, RawRecord};
use crate::model::{DocOutput, Document, ErrorRow};
use crate::sink::KnownDocuments;

/// One record after processing.
pub(super) enum Item {
    /// The document's rows.
    Document(Box<DocOutput>),
    /// A document the dataset holds unchanged: skipped.
    Unchanged {
        /// The document's id.
        id: String,
        /// Where it was read.
        source: crate::model::Origin,
    },
    /// The record could not be used.
    Error(ErrorRow, ErrorKind),
}

pub(super) type Chunk = Vec<Item>;

/// Records as read, before processing.
pub(super) type RawChunk = Vec<Result<RawRecord, ErrorRow>>;

/// What a run does with each document: the pipeline, or in a test anything
/// that turns a document into its rows.
pub(super) type Process<'a> = dyn Fn(Document) -> DocOutput + Sync + 'a;

impl Item {
    /// The id of a document read (processed or skipped).
    pub(super) fn doc_id(&self) -> Option<String> {
        match self {
            Item::Document(out) => Some(out.document.doc_id.clone()),
            Item::Unchanged { id, .. } => Some(id.clone()),
            Item::Error(..) => None,
        }
    }
}

/// What every record goes through: parsing, the skip of unchanged
/// documents, processing.
pub(super) struct Context<'a> {
    pub(super) process: &'a Process<'a>,
    pub(super) fields: &'a JsonlFields,
    pub(super) cleaning: &'a Cleaning,
    pub(super) known: &'a KnownDocuments,
}

impl Context<'_> {
    /// Processes raw records in parallel, in the calling pool.
    pub(super) fn records(&self, records: RawChunk) -> Chunk {
        records
            .into_par_iter()
            .map(|record| match record {
                Ok(raw) => self.record(raw),
                Err(error) => Item::Error(error, ErrorKind::Read),
            })
            .collect()
    }

    /// Processes stored documents in parallel, in the calling pool.
    pub(super) fn documents(&self, documents: Vec<Document>) -> Chunk {
        documents
            .into_par_iter()
            .map(|doc| {
                let (source, line) = (doc.source.path.clone(), doc.source.line);
                guarded(&source, line, || Item::Document(Box::new((self.process)(doc))))
            })
            .collect()
    }

    /// One record through every stage.
    fn record(&self, raw: RawRecord) -> Item {
        let (source, line) = (raw.path.clone(), raw.line);
        guarded(&source, line, || match ingest::parse_record(raw, self.fields, self.cleaning) {
            Ok(doc) if self.known.is_unchanged(&doc.id, &doc.content_hash) => {
                Item::Unchanged { id: doc.id, source: doc.source }
            }
            Ok(doc) => Item::Document(Box::new((self.process)(doc))),
            Err(error) => Item::Error(error, ErrorKind::Record),
        })
    }
}

/// Runs `work` on one record. A panic in it (a bug) is caught and becomes
/// an error row naming the record, so one document never stops the run.
fn guarded(source: &str, line: Option<u32>, work: impl FnOnce() -> Item) -> Item {
    catch_unwind(AssertUnwindSafe(work)).unwrap_or_else(|panic| {
        let message = format!(
            "internal error while processing this document ({}); document skipped",
            panic_message(panic.as_ref())
        );
        Item::Error(ErrorRow::new(source, line, message), ErrorKind::Internal)
    })
}

/// The message a panic carried, for error rows and fatal errors.
#[must_use]
pub fn panic_message(payload: &(dyn Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_owned())
}
