//! The tables of an extraction held in memory: record batches with exactly
//! the schemas of the Parquet tables, for callers that take Arrow data
//! rather than files (the Python package).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use arrow_array::{Array, BooleanArray, RecordBatch, StringArray};

use super::SinkError;
use super::parts::{BATCH_BYTES, write_labeled};
use super::tables::{
    DocumentsBuilder, EntitiesBuilder, ErrorsBuilder, FiguresBuilder, MentionsBuilder,
    SentencesBuilder, TableBuilder,
};
use crate::model::{DocOutput, Entity, EntityOrigin, ErrorRow};

/// The six tables of an extraction, each as record batches of its table's
/// schema ([`TableBuilder::schema`]); a table without rows has no batch.
#[derive(Clone, Debug, Default)]
pub struct Tables {
    /// Rows of `documents`.
    pub documents: Vec<RecordBatch>,
    /// Rows of `sentences`.
    pub sentences: Vec<RecordBatch>,
    /// Rows of `entities`: the dictionary's, then those found by rule.
    pub entities: Vec<RecordBatch>,
    /// Rows of `mentions`.
    pub mentions: Vec<RecordBatch>,
    /// Rows of `figures`.
    pub figures: Vec<RecordBatch>,
    /// Rows of `errors`.
    pub errors: Vec<RecordBatch>,
}

impl Tables {
    /// The batches of the table named `name` (`documents`, ...), or `None`
    /// for another name.
    #[must_use]
    pub fn table(&self, name: &str) -> Option<&[RecordBatch]> {
        Some(match name {
            DocumentsBuilder::NAME => &self.documents,
            SentencesBuilder::NAME => &self.sentences,
            EntitiesBuilder::NAME => &self.entities,
            MentionsBuilder::NAME => &self.mentions,
            FiguresBuilder::NAME => &self.figures,
            ErrorsBuilder::NAME => &self.errors,
            _ => return None,
        })
    }

    /// Rows of the table named `name`.
    #[must_use]
    pub fn num_rows(&self, name: &str) -> usize {
        self.table(name).map_or(0, |batches| batches.iter().map(RecordBatch::num_rows).sum())
    }
}

/// The folder of a next state where the writers of a run leave the entities
/// they found by rule, merged into `entities` when the run is published.
pub const PENDING_ENTITIES: &str = ".pending-entities";

impl Tables {
    /// Writes the tables as the part files of one of several writers of a
    /// run, into `dir`, the folder of a dataset's next state (see
    /// [`super::ParquetSink::dir`]): `<dir>/<table>/part-<run_id>-<label>-<n>.parquet`
    /// for every table but `entities`, whose rows found by rule go to
    /// [`PENDING_ENTITIES`], for the run to merge into one `entities` part
    /// ([`super::ParquetSink::merge_pending_entities`]). Every file appears
    /// complete or not at all; writing the same label again replaces the
    /// files (a retried task).
    ///
    /// # Errors
    ///
    /// Fails when a file cannot be written.
    pub fn write_parts(
        &self,
        dir: &Path,
        run_id: &str,
        label: &str,
    ) -> Result<Vec<PathBuf>, SinkError> {
        // Each table's parts go to its folder, named by the table.
        fn parts<B: TableBuilder>(
            dir: &Path,
            run_id: &str,
            label: &str,
            batches: &[RecordBatch],
        ) -> Result<Vec<PathBuf>, SinkError> {
            write_labeled::<B>(&dir.join(B::NAME), run_id, label, batches)
        }
        let mut written = Vec::new();
        written.extend(parts::<DocumentsBuilder>(dir, run_id, label, &self.documents)?);
        written.extend(parts::<SentencesBuilder>(dir, run_id, label, &self.sentences)?);
        written.extend(parts::<MentionsBuilder>(dir, run_id, label, &self.mentions)?);
        written.extend(parts::<FiguresBuilder>(dir, run_id, label, &self.figures)?);
        written.extend(parts::<ErrorsBuilder>(dir, run_id, label, &self.errors)?);
        let found: Vec<RecordBatch> =
            self.entities.iter().map(found_by_rule).collect::<Result<_, _>>()?;
        written.extend(write_labeled::<EntitiesBuilder>(
            &dir.join(PENDING_ENTITIES),
            run_id,
            label,
            &found,
        )?);
        Ok(written)
    }
}

/// The rows of an `entities` batch whose `origin` is `pattern`.
fn found_by_rule(batch: &RecordBatch) -> Result<RecordBatch, SinkError> {
    let origin = batch
        .column_by_name("origin")
        .and_then(|c| c.as_any().downcast_ref::<StringArray>())
        .expect("an entities batch has its origin column");
    let mask: BooleanArray =
        origin.iter().map(|o| Some(o == Some(EntityOrigin::Pattern.as_str()))).collect();
    arrow_select::filter::filter_record_batch(batch, &mask)
        .map_err(|e| SinkError::Malformed { path: PathBuf::new(), what: e.to_string() })
}

/// One table's builder and the batches it has finished.
struct Table<B> {
    builder: B,
    batches: Vec<RecordBatch>,
}

impl<B: TableBuilder> Table<B> {
    fn new(run_id: &str) -> Self {
        Table { builder: B::new(run_id), batches: Vec::new() }
    }

    /// Finishes a batch once the strings buffered approach Arrow's limits.
    fn maybe_flush(&mut self) {
        if self.builder.buffered_bytes() >= BATCH_BYTES {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if self.builder.buffered_rows() > 0 {
            self.batches.push(self.builder.finish());
        }
    }

    fn finish(mut self) -> Vec<RecordBatch> {
        self.flush();
        self.batches
    }
}

/// Collects the rows of an extraction into [`Tables`], each entity once.
pub struct MemorySink {
    documents: Table<DocumentsBuilder>,
    sentences: Table<SentencesBuilder>,
    entities: Table<EntitiesBuilder>,
    mentions: Table<MentionsBuilder>,
    figures: Table<FiguresBuilder>,
    errors: Table<ErrorsBuilder>,
    entity_ids: HashSet<String>,
}

impl MemorySink {
    /// An empty sink for the rows of run `run_id` (written to the
    /// `run_id` columns of `documents` and `errors`).
    #[must_use]
    pub fn new(run_id: &str) -> Self {
        MemorySink {
            documents: Table::new(run_id),
            sentences: Table::new(run_id),
            entities: Table::new(run_id),
            mentions: Table::new(run_id),
            figures: Table::new(run_id),
            errors: Table::new(run_id),
            entity_ids: HashSet::new(),
        }
    }

    /// Appends the rows of one processed document.
    pub fn write_document(&mut self, out: &DocOutput) {
        self.documents.builder.append(out);
        self.sentences.builder.append(out);
        self.mentions.builder.append(out);
        self.figures.builder.append(out);
        self.documents.maybe_flush();
        self.sentences.maybe_flush();
        self.mentions.maybe_flush();
        self.figures.maybe_flush();
    }

    /// Appends one row to `errors`.
    pub fn write_error(&mut self, error: &ErrorRow) {
        self.errors.builder.append(error);
        self.errors.maybe_flush();
    }

    /// Adds entities to `entities`, each id once.
    pub fn write_entities(&mut self, entities: &[Entity], origin: EntityOrigin) {
        for entity in entities {
            if self.entity_ids.insert(entity.id.clone()) {
                self.entities.builder.append(entity, origin);
                self.entities.maybe_flush();
            }
        }
    }

    /// The tables.
    #[must_use]
    pub fn finish(self) -> Tables {
        Tables {
            documents: self.documents.finish(),
            sentences: self.sentences.finish(),
            entities: self.entities.finish(),
            mentions: self.mentions.finish(),
            figures: self.figures.finish(),
            errors: self.errors.finish(),
        }
    }
}
