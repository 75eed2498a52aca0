//! Writing a run into a dataset and publishing it as one unit.
//!
//! The run's rows go into part files of the next state (see
//! [`super::publish`]); [`ParquetSink::finish`] adds the earlier part files
//! the run keeps, rewrites those holding replaced documents, writes the
//! `runs` row and swaps the next state in. A run that fails or is
//! interrupted leaves the published dataset as it was.

use std::collections::HashSet;
use std::path::Path;
use std::time::Duration;

use arrow_array::{Array, BooleanArray, RecordBatch};

use super::SinkError;
use super::dataset::{Dataset, ErrorKey, V1_STAGING_PREFIX, error_key, read_part};
use super::lock::OutputLock;
use super::parts::{Naming, PartWriter, conform};
use super::publish::{self, NextState};
use super::runs::{RunRow, RunsBuilder};
use super::tables::{
    DocumentsBuilder, EntitiesBuilder, ErrorsBuilder, FiguresBuilder, MentionsBuilder,
    SentencesBuilder, TableBuilder,
};
use crate::model::{DocOutput, Entity, EntityOrigin, ErrorRow};

/// Number of rows a run wrote (for `errors`: met) per table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RowCounts {
    /// Rows of `documents`.
    pub documents: u64,
    /// Rows of `sentences`.
    pub sentences: u64,
    /// Rows of `entities`, the dataset's entities after the run.
    pub entities: u64,
    /// Rows of `mentions`.
    pub mentions: u64,
    /// Rows of `figures`.
    pub figures: u64,
    /// Errors and warnings the run met, including those the dataset
    /// already recorded.
    pub errors: u64,
}

/// What of the published dataset the next state keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keep {
    /// Only the history of `runs`: the run replaces the data (a full run).
    Runs,
    /// `runs` and `errors`: every document is extracted again (a rebuild).
    RunsAndErrors,
    /// Everything, but for the rows of the documents the run replaces;
    /// `entities` becomes the union (an incremental run).
    All,
}

/// Writes the tables of one run into the next state of a dataset.
pub struct ParquetSink {
    next: NextState,
    dataset: Dataset,
    keep: Keep,
    /// `None` once finished.
    tables: Option<Tables>,
    counts: RowCounts,
    entity_ids: HashSet<String>,
    recorded_errors: HashSet<ErrorKey>,
}

struct Tables {
    documents: PartWriter<DocumentsBuilder>,
    sentences: PartWriter<SentencesBuilder>,
    entities: PartWriter<EntitiesBuilder>,
    mentions: PartWriter<MentionsBuilder>,
    figures: PartWriter<FiguresBuilder>,
    errors: PartWriter<ErrorsBuilder>,
    runs: PartWriter<RunsBuilder>,
}

fn writer<B: TableBuilder>(next: &NextState, run_id: &str, naming: Naming) -> PartWriter<B> {
    PartWriter::new(&next.table_dir(B::NAME), run_id, naming)
}

impl ParquetSink {
    /// Begins the next state of the locked dataset, which `dataset`
    /// describes, after removing what killed runs left: with the lock held,
    /// no other run can be using it.
    ///
    /// # Errors
    ///
    /// Fails when the output is a mount point, or the next state's folder
    /// or the dataset's errors cannot be read or created.
    pub fn create(
        lock: &OutputLock,
        run_id: &str,
        dataset: Dataset,
        keep: Keep,
    ) -> Result<Self, SinkError> {
        let out_dir = lock.out_dir();
        publish::check_renamable(out_dir)?;
        publish::remove_abandoned(out_dir);
        remove_v1_staging(out_dir);
        let next = NextState::create(out_dir, run_id)?;
        let recorded_errors =
            if keep == Keep::Runs { HashSet::new() } else { dataset.error_keys()? };
        let tables = Tables {
            documents: writer(&next, run_id, Naming::Numbered),
            sentences: writer(&next, run_id, Naming::Numbered),
            entities: writer(&next, run_id, Naming::Single),
            mentions: writer(&next, run_id, Naming::Numbered),
            figures: writer(&next, run_id, Naming::Numbered),
            errors: writer(&next, run_id, Naming::Numbered),
            runs: writer(&next, run_id, Naming::Single),
        };
        Ok(ParquetSink {
            next,
            dataset,
            keep,
            tables: Some(tables),
            counts: RowCounts::default(),
            entity_ids: HashSet::new(),
            recorded_errors,
        })
    }

    /// Pauses between the steps of publishing; for the kill tests.
    #[doc(hidden)]
    pub fn set_publish_step_delay(&mut self, delay: Duration) {
        self.next.set_step_delay(delay);
    }

    fn tables(&mut self) -> &mut Tables {
        self.tables.as_mut().expect("sink used after finish")
    }

    /// The folder of the next state: the run's part files go to its table
    /// folders. Other processes may write part files of the run there too
    /// ([`super::Tables::write_parts`]) before [`ParquetSink::finish`].
    #[must_use]
    pub fn dir(&self) -> &Path {
        self.next.dir()
    }

    /// Adds to `entities` the entities that other writers of the run left
    /// in the next state ([`super::Tables::write_parts`]), each id once and
    /// after those written already, and removes their files.
    ///
    /// # Errors
    ///
    /// Fails when a pending file cannot be read or removed, or the table
    /// cannot be written.
    pub fn merge_pending_entities(&mut self) -> Result<u64, SinkError> {
        let pending = self.next.dir().join(super::memory::PENDING_ENTITIES);
        if !pending.exists() {
            return Ok(0);
        }
        let mut parts: Vec<_> = std::fs::read_dir(&pending)
            .map_err(super::io_error(&pending))?
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "parquet"))
            .collect();
        parts.sort();
        let mut added = 0;
        for part in &parts {
            for batch in read_part(part, None)? {
                let batch = batch?;
                let ids = batch
                    .column_by_name("entity_id")
                    .and_then(|c| c.as_any().downcast_ref::<arrow_array::StringArray>())
                    .ok_or_else(|| SinkError::Malformed {
                        path: part.clone(),
                        what: "no string column `entity_id`".to_owned(),
                    })?;
                let mask: BooleanArray = ids
                    .iter()
                    .map(|id| Some(id.is_some_and(|id| self.entity_ids.insert(id.to_owned()))))
                    .collect();
                let new =
                    arrow_select::filter::filter_record_batch(&batch, &mask).map_err(|e| {
                        SinkError::Malformed { path: part.clone(), what: e.to_string() }
                    })?;
                let new = conform::<EntitiesBuilder>(&new, part)?;
                added += new.num_rows() as u64;
                self.tables().entities.write_batch(&new)?;
            }
        }
        std::fs::remove_dir_all(&pending).map_err(super::io_error(&pending))?;
        self.counts.entities += added;
        Ok(added)
    }

    /// The rows written so far.
    #[must_use]
    pub fn counts(&self) -> RowCounts {
        self.counts
    }

    /// Appends the rows of one processed document.
    ///
    /// # Errors
    ///
    /// Fails when a table cannot be written.
    pub fn write_document(&mut self, out: &DocOutput) -> Result<(), SinkError> {
        self.counts.documents += 1;
        self.counts.sentences += out.sentences.len() as u64;
        self.counts.mentions += out.mentions.len() as u64;
        self.counts.figures += out.figures.len() as u64;
        let t = self.tables();
        t.documents.builder().append(out);
        t.sentences.builder().append(out);
        t.mentions.builder().append(out);
        t.figures.builder().append(out);
        t.documents.maybe_flush()?;
        t.sentences.maybe_flush()?;
        t.mentions.maybe_flush()?;
        t.figures.maybe_flush()
    }

    /// Appends one row to the `errors` table, unless the dataset already
    /// records the same error (an unchanged input read again).
    ///
    /// # Errors
    ///
    /// Fails when the table cannot be written.
    pub fn write_error(&mut self, error: &ErrorRow) -> Result<(), SinkError> {
        self.counts.errors += 1;
        if !self.recorded_errors.insert(error_key(error)) {
            return Ok(());
        }
        let t = self.tables();
        t.errors.builder().append(error);
        t.errors.maybe_flush()
    }

    /// Adds entities to the `entities` table, each id once.
    ///
    /// # Errors
    ///
    /// Fails when the table cannot be written.
    pub fn write_entities(
        &mut self,
        entities: &[Entity],
        origin: EntityOrigin,
    ) -> Result<(), SinkError> {
        for entity in entities {
            if self.entity_ids.insert(entity.id.clone()) {
                self.counts.entities += 1;
                let t = self.tables.as_mut().expect("sink used after finish");
                t.entities.builder().append(entity, origin);
                t.entities.maybe_flush()?;
            }
        }
        Ok(())
    }

    /// Completes the next state and publishes it: the earlier part files
    /// kept (rewritten without the rows of `replaced` documents), the
    /// dataset's earlier entities not written again, and the run's row.
    ///
    /// # Errors
    ///
    /// Fails when a table cannot be completed or the swap fails; the
    /// published dataset is then left as it was.
    pub fn finish(
        mut self,
        run: &RunRow,
        replaced: &HashSet<String>,
    ) -> Result<RowCounts, SinkError> {
        let mut t = self.tables.take().expect("sink finished once");
        let mut carried: HashSet<&'static str> = HashSet::new();
        if self.keep == Keep::All {
            let by_doc = |column: &str| Exclude { column: column.to_owned(), ids: replaced };
            self.carry(&mut t.documents, &by_doc("doc_id"), &mut carried)?;
            self.carry(&mut t.sentences, &by_doc("doc_id"), &mut carried)?;
            self.carry(&mut t.mentions, &by_doc("doc_id"), &mut carried)?;
            self.carry(&mut t.figures, &by_doc("doc_id"), &mut carried)?;
            let written = Exclude { column: "entity_id".to_owned(), ids: &self.entity_ids };
            let earlier_entities = self.rewrite_all(&mut t.entities, &written)?;
            self.counts.entities += earlier_entities;
        }
        if self.keep != Keep::Runs {
            self.keep_all::<ErrorsBuilder>(&mut carried)?;
        }
        self.keep_all::<RunsBuilder>(&mut carried)?;
        t.runs.builder().append(run);
        let empty = |table: &str| !carried.contains(table);
        // The two tables of text take the longest to encode: in parallel on
        // the run's workers, when called on one.
        let documents = || t.documents.close(empty(DocumentsBuilder::NAME));
        let sentences = || t.sentences.close(empty(SentencesBuilder::NAME));
        let (documents, sentences) = if rayon::current_thread_index().is_some() {
            rayon::join(documents, sentences)
        } else {
            (documents(), sentences())
        };
        documents?;
        sentences?;
        t.entities.close(true)?;
        t.mentions.close(empty(MentionsBuilder::NAME))?;
        t.figures.close(empty(FiguresBuilder::NAME))?;
        t.errors.close(empty(ErrorsBuilder::NAME))?;
        t.runs.close(true)?;
        let counts = self.counts;
        self.next.publish()?;
        Ok(counts)
    }

    /// Keeps every earlier part of table `B`.
    fn keep_all<B: TableBuilder>(
        &self,
        carried: &mut HashSet<&'static str>,
    ) -> Result<(), SinkError> {
        for part in self.dataset.parts(B::NAME) {
            self.next.keep(B::NAME, part)?;
            carried.insert(B::NAME);
        }
        self.next.pause();
        Ok(())
    }

    /// Keeps the earlier parts of table `B` that hold no excluded row, and
    /// rewrites the others without those rows.
    fn carry<B: TableBuilder>(
        &self,
        writer: &mut PartWriter<B>,
        exclude: &Exclude<'_>,
        carried: &mut HashSet<&'static str>,
    ) -> Result<(), SinkError> {
        for part in self.dataset.parts(B::NAME) {
            if exclude.ids.is_empty() || !exclude.touches(part)? {
                self.next.keep(B::NAME, part)?;
                carried.insert(B::NAME);
            } else {
                rewrite::<B>(writer, part, exclude)?;
            }
        }
        self.next.pause();
        Ok(())
    }

    /// Rewrites every earlier part of table `B` without the excluded rows;
    /// returns the rows kept.
    fn rewrite_all<B: TableBuilder>(
        &self,
        writer: &mut PartWriter<B>,
        exclude: &Exclude<'_>,
    ) -> Result<u64, SinkError> {
        let mut rows = 0;
        for part in self.dataset.parts(B::NAME) {
            rows += rewrite::<B>(writer, part, exclude)?;
        }
        Ok(rows)
    }
}

/// Rows to leave out of earlier part files: those whose `column` is one of
/// `ids`.
struct Exclude<'a> {
    column: String,
    ids: &'a HashSet<String>,
}

impl Exclude<'_> {
    /// Whether `part` holds a row to leave out.
    fn touches(&self, part: &Path) -> Result<bool, SinkError> {
        for batch in read_part(part, Some(&[self.column.as_str()]))? {
            if self.keep_mask(&batch?, part)?.false_count() > 0 {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// `true` for the rows of `batch` to keep.
    fn keep_mask(&self, batch: &RecordBatch, part: &Path) -> Result<BooleanArray, SinkError> {
        let ids = batch
            .column_by_name(&self.column)
            .and_then(|c| c.as_any().downcast_ref::<arrow_array::StringArray>())
            .ok_or_else(|| SinkError::Malformed {
                path: part.to_path_buf(),
                what: format!("no string column `{}`", self.column),
            })?;
        Ok(ids.iter().map(|id| Some(!id.is_some_and(|id| self.ids.contains(id)))).collect())
    }
}

/// Copies the rows of `part` that `exclude` keeps into `writer`; returns
/// their number.
fn rewrite<B: TableBuilder>(
    writer: &mut PartWriter<B>,
    part: &Path,
    exclude: &Exclude<'_>,
) -> Result<u64, SinkError> {
    let malformed = |what: String| SinkError::Malformed { path: part.to_path_buf(), what };
    let mut rows = 0;
    for batch in read_part(part, None)? {
        let batch = batch?;
        let mask = exclude.keep_mask(&batch, part)?;
        let kept = arrow_select::filter::filter_record_batch(&batch, &mask)
            .map_err(|e| malformed(e.to_string()))?;
        let kept = conform::<B>(&kept, part)?;
        rows += kept.num_rows() as u64;
        writer.write_batch(&kept)?;
    }
    Ok(rows)
}

/// Removes the staging folders that killed runs of schema version 1 left
/// inside the output folder.
fn remove_v1_staging(out_dir: &Path) {
    let Ok(entries) = std::fs::read_dir(out_dir) else { return };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(V1_STAGING_PREFIX) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}
