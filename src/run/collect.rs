//! The writing side of a run: each document id once, errors counted by
//! kind, rows handed to a sink.

use std::collections::HashSet;

use super::Observer;
use super::process::{Chunk, Item};
use super::seen::SeenIds;
use crate::model::{DocOutput, Entity, EntityOrigin, ErrorRow, Origin};
use crate::sink::{KnownDocuments, ParquetSink, SinkError};

/// Where in a run an input failed: the `errors_by_kind` of the summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// An input path could not be listed (missing, a FIFO, a dangling link).
    Input,
    /// A file could not be read, decompressed or split into records, or a
    /// record was over the size limit.
    Read,
    /// A record could not be parsed into a document (bad JSON, no text,
    /// undecodable bytes).
    Record,
    /// A document reused the id of an earlier one.
    DuplicateId,
    /// Processing a document hit an internal error.
    Internal,
}

/// Errors and warnings of a run, by kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ErrorCounts {
    /// Inputs that could not be listed.
    pub input: u64,
    /// Files or records that could not be read.
    pub read: u64,
    /// Records that could not be parsed.
    pub record: u64,
    /// Documents skipped for a duplicate id.
    pub duplicate_id: u64,
    /// Documents whose processing hit an internal error.
    pub internal: u64,
}

impl ErrorCounts {
    pub(super) fn add(&mut self, kind: ErrorKind) {
        let count = match kind {
            ErrorKind::Input => &mut self.input,
            ErrorKind::Read => &mut self.read,
            ErrorKind::Record => &mut self.record,
            ErrorKind::DuplicateId => &mut self.duplicate_id,
            ErrorKind::Internal => &mut self.internal,
        };
        *count += 1;
    }
}

/// Where processed rows go: the Parquet tables of a dataset, or record
/// batches in memory.
pub(super) trait RowSink {
    fn write_document(&mut self, out: &DocOutput) -> Result<(), SinkError>;
    fn write_error(&mut self, error: &ErrorRow) -> Result<(), SinkError>;
    fn write_entities(
        &mut self,
        entities: &[Entity],
        origin: EntityOrigin,
    ) -> Result<(), SinkError>;
}

impl RowSink for ParquetSink {
    fn write_document(&mut self, out: &DocOutput) -> Result<(), SinkError> {
        ParquetSink::write_document(self, out)
    }
    fn write_error(&mut self, error: &ErrorRow) -> Result<(), SinkError> {
        ParquetSink::write_error(self, error)
    }
    fn write_entities(
        &mut self,
        entities: &[Entity],
        origin: EntityOrigin,
    ) -> Result<(), SinkError> {
        ParquetSink::write_entities(self, entities, origin)
    }
}

/// What the writing side keeps across chunks: the ids seen, so that each
/// is written once, and the counts of the `runs` row.
#[derive(Default)]
pub(super) struct Collector {
    pub(super) seen: SeenIds,
    pub(super) replaced: HashSet<String>,
    pub(super) warnings: u64,
    pub(super) errors: ErrorCounts,
    pub(super) skipped_unchanged: u64,
}

impl Collector {
    /// Writes the rows of one processed chunk, in order: each document id
    /// once (a later one is a duplicate-id error row), warnings and errors
    /// as rows of `errors`, reported to `observer` too. `known` holds the
    /// ids the dataset already had: those written are counted as replaced.
    pub(super) fn write(
        &mut self,
        chunk: Chunk,
        sink: &mut impl RowSink,
        observer: &dyn Observer,
        known: &KnownDocuments,
    ) -> Result<(), SinkError> {
        for item in chunk {
            let (error, kind) = match item {
                Item::Unchanged { id, source } => match self.seen.take(&id, &source) {
                    Ok(()) => {
                        self.skipped_unchanged += 1;
                        continue;
                    }
                    Err(first) => (duplicate_id(&id, &first, &source), ErrorKind::DuplicateId),
                },
                Item::Document(out) => {
                    let (id, source) = (&out.document.doc_id, &out.document.source);
                    match self.seen.take(id, source) {
                        Ok(()) => {
                            sink.write_entities(&out.entities, EntityOrigin::Pattern)?;
                            sink.write_document(&out)?;
                            for warning in &out.warnings {
                                let row = ErrorRow::warning(&source.path, source.line, warning);
                                observer.error(&row);
                                sink.write_error(&row)?;
                                self.warnings += 1;
                            }
                            if known.contains(id) {
                                self.replaced.insert(id.clone());
                            }
                            continue;
                        }
                        Err(first) => (duplicate_id(id, &first, source), ErrorKind::DuplicateId),
                    }
                }
                Item::Error(error, kind) => (error, kind),
            };
            self.errors.add(kind);
            observer.error(&error);
            sink.write_error(&error)?;
        }
        Ok(())
    }
}

fn duplicate_id(id: &str, first: &str, source: &Origin) -> ErrorRow {
    ErrorRow::new(
        source.path.clone(),
        source.line,
        format!("duplicate document id `{id}` (first used by `{first}`); document skipped"),
    )
}
