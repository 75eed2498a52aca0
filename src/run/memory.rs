//! Extraction of records held in memory, into record batches rather than a
//! dataset: what the Python package runs. The records go through the same
//! chunked parallel processing as a run over files ([`super::run`]): the
//! boilerplate pre-pass over all records, parsing, the pipeline, each
//! document id once; only the sink differs.

use std::time::{Duration, Instant};

use super::collect::RowSink;
use super::in_order::{InOrder, Writing};
use super::process::Context;
use super::{IN_FLIGHT_CHUNKS, NullObserver, RunError, chunks, count_repeated_lines};
use crate::ingest::boilerplate::RepeatedLines;
use crate::ingest::{Cleaning, JsonlFields, RawRecord};
use crate::model::{DocOutput, Document, Entity, EntityOrigin, ErrorRow};
use crate::pipeline::Pipeline;
use crate::sink::{KnownDocuments, MemorySink, SinkError, Tables};

/// How records held in memory are read and processed.
#[derive(Clone, Debug, Default)]
pub struct ExtractOptions {
    /// Field names of the records (for Arrow records: column names).
    pub fields: JsonlFields,
    /// Keep the whole text of every document: no boilerplate removal.
    pub keep_boilerplate: bool,
    /// Worker threads; `None` uses every core.
    pub threads: Option<usize>,
    /// Written to the `run_id` columns of `documents` and `errors`.
    pub run_id: String,
}

/// The result of [`extract`]: the tables and what it took.
#[derive(Debug)]
pub struct Extraction {
    /// The six tables.
    pub tables: Tables,
    /// Documents written to `documents`.
    pub documents: u64,
    /// Rows of `errors` that are warnings (documents used after a repair).
    pub warnings: u64,
    /// Raw bytes of the records read.
    pub bytes: u64,
    /// Wall-clock time of the extraction.
    pub elapsed: Duration,
}

impl RowSink for MemorySink {
    fn write_document(&mut self, out: &DocOutput) -> Result<(), SinkError> {
        MemorySink::write_document(self, out);
        Ok(())
    }
    fn write_error(&mut self, error: &ErrorRow) -> Result<(), SinkError> {
        MemorySink::write_error(self, error);
        Ok(())
    }
    fn write_entities(
        &mut self,
        entities: &[Entity],
        origin: EntityOrigin,
    ) -> Result<(), SinkError> {
        MemorySink::write_entities(self, entities, origin);
        Ok(())
    }
}

/// Extracts the records that `records` gives into [`Tables`].
///
/// `records` is called once, or twice when boilerplate is removed: a first
/// pass counts the lines repeated across the documents of each source, as a
/// run over files does, so it must give the same records each time (record
/// batches held in memory, say). A record that cannot be used, a document
/// whose processing panics, or a duplicate document id becomes a row of
/// `errors`, as in a run over files; the `entities` table holds the
/// dictionary's entities and those found by rule.
///
/// # Errors
///
/// Fails only when the worker threads cannot start.
pub fn extract<F, I>(
    pipeline: &Pipeline,
    records: F,
    options: &ExtractOptions,
) -> Result<Extraction, RunError>
where
    F: Fn() -> I,
    I: Iterator<Item = Result<RawRecord, ErrorRow>>,
{
    let clock = Instant::now();
    let threads = options.threads.unwrap_or(0);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|source| RunError::Threads { threads, source })?;
    let cleaning = Cleaning {
        keep_boilerplate: options.keep_boilerplate,
        repeated: if options.keep_boilerplate {
            RepeatedLines::default()
        } else {
            count_repeated_lines(&pool, records(), &options.fields)
        },
    };
    let known = KnownDocuments::default();
    let process = |doc: Document| pipeline.process(doc);
    let context =
        Context { process: &process, fields: &options.fields, cleaning: &cleaning, known: &known };
    let mut sink = MemorySink::new(&options.run_id);
    sink.write_entities(pipeline.dictionary().entities(), EntityOrigin::Dictionary);
    let in_order = InOrder::new(Writing::new(sink, &NullObserver, &known, false), IN_FLIGHT_CHUNKS);
    let work = |chunk| context.records(chunk);
    let (_, bytes) = in_order.process(&pool, chunks(records()), 0, work, &NullObserver);
    let Writing { sink, collector, failure, .. } = in_order.into_writing();
    if let Some(failure) = failure {
        return Err(failure);
    }
    Ok(Extraction {
        tables: sink.finish(),
        documents: collector.seen.len() as u64,
        warnings: collector.warnings,
        bytes,
        elapsed: clock.elapsed(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dictionary::Dictionary;
    use crate::ingest::Format;
    use arrow_array::cast::AsArray;

    fn jsonl(line: u32, json: &str) -> Result<RawRecord, ErrorRow> {
        Ok(RawRecord {
            path: "memory".into(),
            line: Some(line),
            path_id: None,
            format: Format::Jsonl,
            bytes: json.as_bytes().to_vec(),
        })
    }

    fn strings(tables: &Tables, table: &str, column: &str) -> Vec<String> {
        tables
            .table(table)
            .unwrap_or_default()
            .iter()
            .flat_map(|b| {
                let c = b.column_by_name(column).expect("column").as_string::<i32>();
                c.iter().map(|v| v.unwrap_or("null").to_owned()).collect::<Vec<_>>()
            })
            .collect()
    }

    #[test]
    fn records_in_memory_give_the_rows_of_a_run() {
        let pipeline =
            Pipeline::new(Dictionary::builder().build().unwrap_or_else(|e| panic!("{e}")));
        let records = || {
            vec![
                jsonl(1, r#"{"id": "a", "text": "식약처는 45개 기업에 500억원을 지원한다."}"#),
                jsonl(2, r#"{"id": "b"}"#),
                jsonl(3, r#"{"id": "a", "text": "Another text with the same id."}"#),
                Err(ErrorRow::new("memory", Some(4), "null in text column `text`")),
            ]
            .into_iter()
        };
        let options =
            ExtractOptions { run_id: "r1".into(), threads: Some(2), ..Default::default() };
        let out = extract(&pipeline, records, &options).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(out.documents, 1);
        assert_eq!(strings(&out.tables, "documents", "doc_id"), ["a"]);
        assert_eq!(strings(&out.tables, "documents", "run_id"), ["r1"]);
        assert_eq!(strings(&out.tables, "figures", "surface"), ["45개 기업", "500억원"]);
        assert_eq!(strings(&out.tables, "mentions", "entity_id"), ["org:mfds"]);
        assert_eq!(
            strings(&out.tables, "errors", "message"),
            [
                "missing text field `text`",
                "duplicate document id `a` (first used by `memory:1`); document skipped",
                "null in text column `text`",
            ]
        );
        assert_eq!(out.tables.num_rows("entities"), pipeline.dictionary().entities().len());
        for (name, batches) in ["documents", "sentences", "mentions", "figures", "errors"]
            .map(|t| (t, out.tables.table(t).unwrap_or_default()))
        {
            assert!(!batches.is_empty(), "{name}");
        }
    }
}
