//! One extraction run: inputs read in order, documents processed in
//! parallel chunks, rows streamed to a single writer thread.
//!
//! Memory stays bounded: at most a few chunks of documents are alive at once,
//! and the Parquet writers flush row groups as they fill.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::ingest::boilerplate::{self, RepeatedLines};
use crate::ingest::{self, Cleaning, InputFile, JsonlFields, RawRecord};
use crate::model::{DocOutput, Entity, ErrorRow};
use crate::pipeline::Pipeline;
use crate::sink::{ParquetSink, RowCounts, SinkError};

/// Raw bytes gathered before a chunk is processed in parallel.
const CHUNK_BYTES: usize = 4 * 1024 * 1024;
/// Records gathered before a chunk is processed in parallel.
const CHUNK_RECORDS: usize = 1024;
/// Processed chunks waiting for the writer.
const QUEUED_CHUNKS: usize = 2;

/// What a run reads and where it writes.
#[derive(Clone, Debug)]
pub struct RunOptions {
    /// Files and directories to read.
    pub inputs: Vec<PathBuf>,
    /// Output directory.
    pub out_dir: PathBuf,
    /// JSONL field names.
    pub fields: JsonlFields,
    /// Keep the whole text of every page: no boilerplate removal.
    pub keep_boilerplate: bool,
    /// Worker threads; `None` uses every core.
    pub threads: Option<usize>,
    /// Identifies the run in the files' metadata.
    pub run_id: String,
}

/// Receives progress and per-document errors while a run goes on.
pub trait Observer: Sync {
    /// Called once inputs are listed, with their total size in bytes.
    fn start(&self, total_bytes: u64);
    /// Called after each chunk, with the raw bytes it held.
    fn advance(&self, bytes: u64);
    /// Called for every input that could not be used.
    fn error(&self, error: &ErrorRow);
}

/// Totals of a finished run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RunSummary {
    /// Rows written per table.
    pub rows: RowCounts,
    /// Raw input bytes read.
    pub bytes: u64,
    /// Wall-clock time of the run.
    pub elapsed: Duration,
}

impl RunSummary {
    /// Input throughput in MB/s (10^6 bytes per second).
    #[must_use]
    pub fn megabytes_per_second(&self) -> f64 {
        let seconds = self.elapsed.as_secs_f64().max(1e-9);
        #[allow(clippy::cast_precision_loss)]
        let bytes = self.bytes as f64;
        bytes / 1e6 / seconds
    }
}

/// A fatal run error: the output could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RunError {
    /// Writing the tables failed.
    #[error(transparent)]
    Sink(#[from] SinkError),
    /// The worker thread pool could not start.
    #[error("cannot start {threads} worker threads")]
    Threads {
        /// Threads asked for.
        threads: usize,
        /// The underlying error.
        #[source]
        source: rayon::ThreadPoolBuildError,
    },
}

type Chunk = Vec<Result<DocOutput, ErrorRow>>;

/// Runs the whole extraction and publishes the tables when every one of
/// them is complete.
///
/// # Errors
///
/// Fails only when the output cannot be written or threads cannot start;
/// bad inputs become rows of the `errors` table instead.
pub fn run(
    pipeline: &Pipeline,
    options: &RunOptions,
    observer: &dyn Observer,
) -> Result<RunSummary, RunError> {
    let started = Instant::now();
    let threads = options.threads.unwrap_or(0);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|source| RunError::Threads { threads, source })?;
    let (files, listing_errors) = ingest::discover(&options.inputs);
    let total_bytes = files.iter().map(|f| f.len).sum();
    observer.start(total_bytes);
    let cleaning = Cleaning {
        keep_boilerplate: options.keep_boilerplate,
        repeated: if options.keep_boilerplate {
            RepeatedLines::default()
        } else {
            count_repeated_lines(&pool, &files, &options.fields)
        },
    };

    let mut sink = ParquetSink::create(&options.out_dir, &options.run_id)?;
    sink.write_entities(pipeline.dictionary().entities())?;
    let (sender, receiver) = crossbeam_channel::bounded::<Chunk>(QUEUED_CHUNKS);

    let (written, bytes) = std::thread::scope(|scope| {
        let writer = scope.spawn(move || write_chunks(sink, &receiver, observer));
        let first: Chunk = listing_errors.into_iter().map(Err).collect();
        let mut bytes = 0u64;
        let send = |chunk: Chunk| sender.send(chunk).is_ok();
        let mut alive = send(first);
        for (chunk, chunk_bytes) in chunks(&files) {
            if !alive {
                break;
            }
            alive = send(process_chunk(&pool, pipeline, &options.fields, &cleaning, chunk));
            observer.advance(chunk_bytes);
            bytes += chunk_bytes;
        }
        drop(sender);
        (writer.join().expect("writer thread does not panic"), bytes)
    });
    let rows = written?;
    Ok(RunSummary { rows, bytes, elapsed: started.elapsed() })
}

/// The records of `files` in order, in chunks of about [`CHUNK_BYTES`] or
/// [`CHUNK_RECORDS`], each with its raw size in bytes.
fn chunks(
    files: &[InputFile],
) -> impl Iterator<Item = (Vec<Result<RawRecord, ErrorRow>>, u64)> + '_ {
    let mut records = files.iter().flat_map(ingest::read_file).peekable();
    std::iter::from_fn(move || {
        records.peek()?;
        let (mut chunk, mut bytes) = (Vec::new(), 0usize);
        while bytes < CHUNK_BYTES && chunk.len() < CHUNK_RECORDS {
            let Some(record) = records.next() else { break };
            bytes += record.as_ref().map_or(0, |r| r.bytes.len());
            chunk.push(record);
        }
        Some((chunk, bytes as u64))
    })
}

/// The corpus pre-pass of boilerplate removal: reads every input once and
/// counts, per source, the documents each line occurs in.
fn count_repeated_lines(
    pool: &rayon::ThreadPool,
    files: &[InputFile],
    fields: &JsonlFields,
) -> RepeatedLines {
    let keep = Cleaning::keep_all();
    let mut table = RepeatedLines::default();
    for (chunk, _) in chunks(files) {
        let hashed: Vec<_> = pool.install(|| {
            chunk
                .into_par_iter()
                .filter_map(|record| {
                    let raw = record.ok()?;
                    let jsonl = raw.line.is_some();
                    let doc = ingest::parse_record(raw, fields, &keep).ok()?;
                    let source =
                        boilerplate::source_key(&doc.source.path, jsonl, doc.url.as_deref());
                    Some(boilerplate::hash_lines(&source, &doc.text))
                })
                .collect()
        });
        hashed.iter().for_each(|document| table.add(document));
    }
    table.finish();
    table
}

fn process_chunk(
    pool: &rayon::ThreadPool,
    pipeline: &Pipeline,
    fields: &JsonlFields,
    cleaning: &Cleaning,
    records: Vec<Result<RawRecord, ErrorRow>>,
) -> Chunk {
    pool.install(|| {
        records
            .into_par_iter()
            .map(|record| {
                record.and_then(|raw| {
                    ingest::parse_record(raw, fields, cleaning).map(|d| pipeline.process(d))
                })
            })
            .collect()
    })
}

/// The writer thread: owns the sink, keeps document ids unique, reports
/// errors, and publishes the tables once the channel closes.
fn write_chunks(
    mut sink: ParquetSink,
    receiver: &crossbeam_channel::Receiver<Chunk>,
    observer: &dyn Observer,
) -> Result<RowCounts, SinkError> {
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut pattern_entities: HashSet<String> = HashSet::new();
    for chunk in receiver {
        for item in chunk {
            let error = match item {
                Ok(out) => match seen.get(&out.document.doc_id) {
                    None => {
                        let new_entities: Vec<Entity> = out
                            .entities
                            .iter()
                            .filter(|e| pattern_entities.insert(e.id.clone()))
                            .cloned()
                            .collect();
                        sink.write_entities(&new_entities)?;
                        sink.write_document(&out)?;
                        seen.insert(out.document.doc_id, out.document.source.to_string());
                        continue;
                    }
                    Some(first) => duplicate_id(&out, first),
                },
                Err(error) => error,
            };
            observer.error(&error);
            sink.write_error(&error)?;
        }
    }
    sink.finish()
}

fn duplicate_id(out: &DocOutput, first: &str) -> ErrorRow {
    ErrorRow {
        source: out.document.source.path.clone(),
        line: out.document.source.line,
        message: format!(
            "duplicate document id `{}` (first used by `{first}`); document skipped",
            out.document.doc_id
        ),
    }
}
