//! The `runs` table: one row per run that completed, the dataset's history.

use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use arrow_array::builder::ArrayBuilder;
use arrow_array::{Array, RecordBatch, StringArray, TimestampMicrosecondArray};
use arrow_schema::{Schema, SchemaRef};

use super::columns::{ColumnKind, Int, Text, TextList, Timestamp, table};
use super::tables::TableBuilder;

/// How a run changed the dataset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunMode {
    /// The dataset was replaced by the run's documents.
    Full,
    /// The run added its new and changed documents to the dataset.
    Incremental,
}

impl RunMode {
    /// The `mode` column's value.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            RunMode::Full => "full",
            RunMode::Incremental => "incremental",
        }
    }
}

/// One row of the `runs` table.
#[derive(Clone, Debug, PartialEq)]
pub struct RunRow {
    /// The run's id.
    pub run_id: String,
    /// When the run started.
    pub started: SystemTime,
    /// When the run published.
    pub finished: SystemTime,
    /// Version of gazette that ran.
    pub gazette_version: String,
    /// Whether the run replaced the dataset or added to it.
    pub mode: RunMode,
    /// The input paths as given.
    pub inputs: Vec<String>,
    /// Documents the run wrote.
    pub documents: u64,
    /// Documents skipped because the dataset held them unchanged.
    pub skipped_unchanged: u64,
    /// Documents whose earlier rows the run replaced.
    pub replaced: u64,
    /// Sentences the run wrote.
    pub sentences: u64,
    /// Mentions the run wrote.
    pub mentions: u64,
    /// Figures the run wrote.
    pub figures: u64,
    /// Errors and warnings the run met.
    pub errors: u64,
    /// Digest of the dictionary the run used.
    pub dictionary_hash: String,
}

/// What a later run needs to know of an earlier one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PastRun {
    /// The run's id.
    pub run_id: String,
    /// Version of gazette that ran.
    pub gazette_version: String,
    /// Digest of the dictionary the run used.
    pub dictionary_hash: String,
    /// When the run published, in microseconds since the epoch.
    pub finished_micros: i64,
}

impl PastRun {
    /// The runs of a batch of the `runs` table.
    pub(super) fn from_batch(batch: &RecordBatch) -> Vec<PastRun> {
        let strings = |name: &str| {
            batch.column_by_name(name).and_then(|c| c.as_any().downcast_ref::<StringArray>())
        };
        let finished = batch
            .column_by_name("finished")
            .and_then(|c| c.as_any().downcast_ref::<TimestampMicrosecondArray>());
        let (Some(ids), Some(versions), Some(hashes), Some(finished)) =
            (strings("run_id"), strings("gazette_version"), strings("dictionary_hash"), finished)
        else {
            return Vec::new();
        };
        (0..batch.num_rows())
            .filter(|&row| !ids.is_null(row) && !finished.is_null(row))
            .map(|row| PastRun {
                run_id: ids.value(row).to_owned(),
                gazette_version: versions.value(row).to_owned(),
                dictionary_hash: hashes.value(row).to_owned(),
                finished_micros: finished.value(row),
            })
            .collect()
    }
}

fn micros(time: SystemTime) -> i64 {
    let since = time.duration_since(UNIX_EPOCH).unwrap_or_default();
    i64::try_from(since.as_micros()).unwrap_or(i64::MAX)
}

fn count(value: u64) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

table! {
    /// Rows of the `runs` table.
    RunsBuilder("runs"), dictionary [] {
        run_id: Text,
        started: Timestamp,
        finished: Timestamp,
        gazette_version: Text,
        mode: Text,
        inputs: TextList,
        documents: Int,
        skipped_unchanged: Int,
        replaced: Int,
        sentences: Int,
        mentions: Int,
        figures: Int,
        errors: Int,
        dictionary_hash: Text,
    }
}

impl RunsBuilder {
    /// Appends one run.
    pub fn append(&mut self, run: &RunRow) {
        self.run_id.append_value(&run.run_id);
        self.started.append_value(micros(run.started));
        self.finished.append_value(micros(run.finished));
        self.gazette_version.append_value(&run.gazette_version);
        self.mode.append_value(run.mode.as_str());
        for input in &run.inputs {
            self.inputs.values().append_value(input);
        }
        self.inputs.append(true);
        self.documents.append_value(count(run.documents));
        self.skipped_unchanged.append_value(count(run.skipped_unchanged));
        self.replaced.append_value(count(run.replaced));
        self.sentences.append_value(count(run.sentences));
        self.mentions.append_value(count(run.mentions));
        self.figures.append_value(count(run.figures));
        self.errors.append_value(count(run.errors));
        self.dictionary_hash.append_value(&run.dictionary_hash);
    }
}
