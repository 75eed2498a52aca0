//! A run whose rows other processes extract and write (Spark executors, one
//! per partition), published by this one as a whole, like any run.
//!
//! [`StagedRun::begin`] locks the output and creates the next state of the
//! dataset beside it; the writers put their part files into its table
//! folders ([`crate::sink::Tables::write_parts`]); [`StagedRun::commit`]
//! adds the `entities` part (the dictionary's entities and those the
//! writers found, each once), the `runs` row, and swaps the next state in.
//! Dropped without a commit, the run publishes nothing and removes its
//! folder. Such a run always replaces the dataset's rows (`mode = full`).

use std::collections::HashSet;
use std::path::Path;
use std::time::SystemTime;

use super::{GAZETTE_VERSION, RunError};
use crate::dictionary::Dictionary;
use crate::model::EntityOrigin;
use crate::sink::{Dataset, Keep, OutputLock, ParquetSink, RowCounts, RunMode, RunRow};

/// Rows the writers of a staged run wrote, summed over all of them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StagedCounts {
    /// Rows of `documents`.
    pub documents: u64,
    /// Rows of `sentences`.
    pub sentences: u64,
    /// Rows of `mentions`.
    pub mentions: u64,
    /// Rows of `figures`.
    pub figures: u64,
    /// Rows of `errors`.
    pub errors: u64,
}

/// A run in progress whose part files other processes write.
pub struct StagedRun {
    run_id: String,
    started: SystemTime,
    sink: ParquetSink,
    // Dropped after the sink: the lock is held until the next state is
    // published or removed.
    _lock: OutputLock,
}

impl StagedRun {
    /// Locks `out_dir` (waiting for another run with `wait`) and creates
    /// the next state of its dataset.
    ///
    /// # Errors
    ///
    /// Fails as a run over files does: the output is not a dataset, is
    /// locked, or cannot be written.
    pub fn begin(out_dir: &Path, run_id: &str, wait: bool) -> Result<StagedRun, RunError> {
        let started = SystemTime::now();
        let lock = OutputLock::acquire(out_dir, run_id, wait)?;
        let dataset = Dataset::open(lock.out_dir())?;
        let sink = ParquetSink::create(&lock, run_id, dataset, Keep::Runs)?;
        Ok(StagedRun { run_id: run_id.to_owned(), started, sink, _lock: lock })
    }

    /// The run's id.
    #[must_use]
    pub fn run_id(&self) -> &str {
        &self.run_id
    }

    /// The next state's folder, where the writers put their part files.
    #[must_use]
    pub fn dir(&self) -> &Path {
        self.sink.dir()
    }

    /// Completes the dataset and publishes it: `entities` from `dictionary`
    /// and the entities the writers found, and the `runs` row with `counts`
    /// and `inputs`.
    ///
    /// # Errors
    ///
    /// Fails when the tables cannot be completed or published; the
    /// published dataset is then left as it was.
    pub fn commit(
        mut self,
        dictionary: &Dictionary,
        counts: StagedCounts,
        inputs: Vec<String>,
    ) -> Result<RowCounts, RunError> {
        self.sink.write_entities(dictionary.entities(), EntityOrigin::Dictionary)?;
        self.sink.merge_pending_entities()?;
        let run = RunRow {
            run_id: self.run_id.clone(),
            started: self.started,
            finished: SystemTime::now(),
            gazette_version: GAZETTE_VERSION.to_owned(),
            mode: RunMode::Full,
            inputs,
            documents: counts.documents,
            skipped_unchanged: 0,
            replaced: 0,
            sentences: counts.sentences,
            mentions: counts.mentions,
            figures: counts.figures,
            errors: counts.errors,
            dictionary_hash: dictionary.digest(),
        };
        let written = self.sink.finish(&run, &HashSet::new())?;
        Ok(RowCounts {
            documents: counts.documents,
            sentences: counts.sentences,
            entities: written.entities,
            mentions: counts.mentions,
            figures: counts.figures,
            errors: counts.errors,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{Format, RawRecord};
    use crate::pipeline::Pipeline;
    use crate::run::{ExtractOptions, extract};
    use crate::sink::{Dataset, read_part};

    fn rows(dataset: &Dataset, table: &str) -> usize {
        dataset
            .parts(table)
            .iter()
            .flat_map(|p| read_part(p, None).unwrap_or_else(|e| panic!("{e}")))
            .map(|b| b.unwrap_or_else(|e| panic!("{e}")).num_rows())
            .sum()
    }

    #[test]
    fn parts_written_by_two_writers_are_published_as_one_run() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let out = dir.path().join("out");
        let pipeline =
            Pipeline::new(Dictionary::builder().build().unwrap_or_else(|e| panic!("{e}")));
        let staged = StagedRun::begin(&out, "r1", false).unwrap_or_else(|e| panic!("{e}"));
        let texts = [
            "Professor Hana Yoon of Daegu Institute said MFDS approved 12 drugs.",
            "The Lumen Biologics Association welcomed 3 new members, Yoon said.",
        ];
        let mut counts = StagedCounts::default();
        for (partition, text) in texts.iter().enumerate() {
            let json = serde_json::json!({ "id": format!("d{partition}"), "text": text });
            let record = RawRecord {
                path: format!("partition-{partition}"),
                line: Some(1),
                path_id: None,
                format: Format::Jsonl,
                bytes: json.to_string().into_bytes(),
            };
            let options = ExtractOptions { run_id: "r1".into(), ..Default::default() };
            let out = extract(&pipeline, || std::iter::once(Ok(record.clone())), &options)
                .unwrap_or_else(|e| panic!("{e}"));
            out.tables
                .write_parts(staged.dir(), "r1", &partition.to_string())
                .unwrap_or_else(|e| panic!("{e}"));
            counts.documents += out.documents;
            counts.mentions += out.tables.num_rows("mentions") as u64;
        }
        let written = staged
            .commit(pipeline.dictionary(), counts, vec!["memory".into()])
            .unwrap_or_else(|e| panic!("{e}"));
        let dataset = Dataset::open(&out).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(rows(&dataset, "documents"), 2);
        assert_eq!(rows(&dataset, "runs"), 1);
        assert_eq!(dataset.parts("entities").len(), 1);
        assert_eq!(rows(&dataset, "entities") as u64, written.entities);
        assert!(written.entities > pipeline.dictionary().entities().len() as u64);
        let names: Vec<_> = dataset
            .parts("documents")
            .iter()
            .map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default())
            .collect();
        assert_eq!(names, ["part-r1-0-0.parquet", "part-r1-1-0.parquet"]);
        assert_eq!(dataset.parts("errors").len(), 1, "an empty part carries the schema");
        assert!(std::fs::read_dir(dir.path()).map(Iterator::count).unwrap_or(0) == 1);
    }
}
