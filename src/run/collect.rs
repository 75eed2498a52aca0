//! The writing side of a run: each document id once, errors counted by
//! kind, rows handed to a sink.

use std::collections::{HashMap, HashSet};

use rustc_hash::FxHashMap;

use super::Observer;
use super::process::{Chunk, Item};
use crate::model::{DocOutput, Entity, EntityOrigin, ErrorRow, Origin};
use crate::sink::{ParquetSink, SinkError};

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

/// The document ids a run has taken, each with where it was first read.
///
/// Kept compact, since it is the one thing a run holds for every document:
/// 16 bytes of table entry per id. An id is stored as its 64-bit XXH3 hash
/// (two ids of ten million documents collide with a chance of about 3 in a
/// million, which would show as a duplicate-id error row naming both), and
/// where it was read as the index of its file's path plus its line.
#[derive(Default)]
pub(super) struct SeenIds {
    first_read: FxHashMap<u64, ReadAt>,
    paths: Vec<String>,
    path_index: HashMap<String, u32>,
}

/// Where an id was first read: its file's index in [`SeenIds::paths`] and its
/// 1-based line, 0 for a file of one document.
#[derive(Clone, Copy)]
struct ReadAt {
    path: u32,
    line: u32,
}

impl SeenIds {
    /// Number of ids taken.
    pub(super) fn len(&self) -> usize {
        self.first_read.len()
    }

    /// True when no id was taken.
    pub(super) fn is_empty(&self) -> bool {
        self.first_read.is_empty()
    }

    /// Takes `id`, read at `source`; when it was taken before, returns
    /// where it was first read instead (`path:line`).
    fn take(&mut self, id: &str, source: &Origin) -> Result<(), String> {
        let key = xxhash_rust::xxh3::xxh3_64(id.as_bytes());
        if let Some(&ReadAt { path, line }) = self.first_read.get(&key) {
            let path = self.paths[path as usize].clone();
            return Err(Origin { path, line: (line > 0).then_some(line) }.to_string());
        }
        let path = match self.path_index.get(&source.path) {
            Some(&index) => index,
            None => {
                let index = u32::try_from(self.paths.len()).unwrap_or(u32::MAX);
                self.paths.push(source.path.clone());
                self.path_index.insert(source.path.clone(), index);
                index
            }
        };
        self.first_read.insert(key, ReadAt { path, line: source.line.unwrap_or(0) });
        Ok(())
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
        known: &HashMap<String, String>,
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
                            if known.contains_key(id) {
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
