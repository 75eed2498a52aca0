//! One extraction run: inputs read in order by a reading thread, documents
//! processed in parallel chunks, each chunk written in input order by the
//! worker that makes it next, the dataset published as one unit at the end.
//! All the CPU work, encoding the Parquet pages included, runs on the worker
//! pool: `-j N` is N cores.
//!
//! Memory stays bounded: at most a few chunks of documents are alive at once,
//! and the Parquet writers flush row groups as they fill.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant, SystemTime};

use rayon::prelude::*;

use crate::ingest::boilerplate::{LineHashes, RepeatedLines};
use crate::ingest::{self, Cleaning, Format, InputFile, JsonlFields, Listing, RawRecord, Skipped};
use crate::model::{Document, Entity, EntityOrigin, ErrorRow};
use crate::pipeline::Pipeline;
use crate::sink::{Dataset, OutputLock, ParquetSink, RowCounts, RunMode, RunRow, SinkError};

mod allocator;
mod collect;
mod id;
mod in_order;
mod memory;
mod plan;
mod process;
mod seen;
mod staged;

pub use allocator::tune_system_allocator;
pub use collect::{ErrorCounts, ErrorKind};
pub use id::new_run_id;
pub use memory::{ExtractOptions, Extraction, extract};
pub use plan::{GAZETTE_VERSION, Plan};
pub use process::panic_message;

use collect::Collector;
use in_order::{InOrder, Writing};
use process::{Chunk, Context, Item, Process, RawChunk};
pub use staged::{StagedCounts, StagedRun};

/// Raw bytes gathered before a chunk is processed in parallel.
const CHUNK_BYTES: usize = 2 * 1024 * 1024;
/// Records gathered before a chunk is processed in parallel.
const CHUNK_RECORDS: usize = 512;
/// Chunks in flight: being processed, or done and waiting for an earlier
/// one to be written.
const IN_FLIGHT_CHUNKS: usize = 3;
/// Chunks read ahead by the reading thread while the workers process one.
const READ_AHEAD_CHUNKS: usize = 1;

/// What a run reads and where it writes.
#[derive(Clone, Debug)]
pub struct RunOptions {
    /// Files and directories to read; `-` is standard input.
    pub inputs: Vec<PathBuf>,
    /// Format of inputs named explicitly, overriding their extension.
    pub format: Option<Format>,
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
    /// Wait for another run that holds the output directory, instead of
    /// failing.
    pub wait: bool,
    /// Publish a run that read no document (by default it is refused).
    pub allow_empty: bool,
    /// Add to the dataset instead of replacing it: skip the documents it
    /// holds unchanged, replace the changed ones.
    pub incremental: bool,
    /// A failure to inject, for the reliability tests of the binary.
    #[doc(hidden)]
    pub fault: Option<Fault>,
}

/// A failure injected into a run, so that tests can show what the binary
/// does on a bug: set by the `GAZETTE_FAULT` environment variable.
#[doc(hidden)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fault {
    /// Processing the document with this id panics (`document:<id>`).
    PanicOnDocument(String),
    /// Writing panics after the first chunk (`writer`).
    PanicInWriter,
    /// Publishing pauses this long between its steps
    /// (`slow-publish:<milliseconds>`), so that a test can kill it there.
    SlowPublish(Duration),
}

impl Fault {
    /// Parses `document:<id>`, `writer` or `slow-publish:<milliseconds>`.
    #[must_use]
    pub fn parse(value: &str) -> Option<Fault> {
        match value.split_once(':') {
            Some(("document", id)) => Some(Fault::PanicOnDocument(id.to_owned())),
            Some(("slow-publish", ms)) => {
                ms.parse().ok().map(|ms| Fault::SlowPublish(Duration::from_millis(ms)))
            }
            None if value == "writer" => Some(Fault::PanicInWriter),
            _ => None,
        }
    }
}

/// Receives progress and per-document errors while a run goes on.
pub trait Observer: Sync {
    /// Called once inputs are listed, with their total size in bytes.
    fn start(&self, total_bytes: u64);
    /// Called after each chunk, with the raw bytes it held.
    fn advance(&self, bytes: u64);
    /// Called for every input that could not be used.
    fn error(&self, error: &ErrorRow);
    /// Called with what the user should know of the run as a whole (that it
    /// extracts the whole dataset again, say).
    fn notice(&self, message: &str);
}

/// An observer that ignores everything: errors are in the tables anyway.
pub struct NullObserver;

impl Observer for NullObserver {
    fn start(&self, _total_bytes: u64) {}
    fn advance(&self, _bytes: u64) {}
    fn error(&self, _error: &ErrorRow) {}
    fn notice(&self, _message: &str) {}
}

/// Totals of a finished run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RunSummary {
    /// Whether the run replaced the dataset or added to it.
    pub mode: RunMode,
    /// Rows written per table.
    pub rows: RowCounts,
    /// Documents skipped because the dataset held them unchanged.
    pub skipped_unchanged: u64,
    /// Documents whose earlier rows were replaced.
    pub replaced: u64,
    /// How many of the `errors` rows are warnings (inputs used after a repair).
    pub warnings: u64,
    /// The other `errors` rows, by kind.
    pub errors_by_kind: ErrorCounts,
    /// Entries of input folders passed over, by reason.
    pub skipped: Skipped,
    /// Raw input bytes read.
    pub bytes: u64,
    /// Wall-clock time of the run.
    pub elapsed: Duration,
}

impl RunSummary {
    /// Inputs or records that could not be used: `errors` rows that are not
    /// warnings.
    #[must_use]
    pub fn failed_inputs(&self) -> u64 {
        self.rows.errors - self.warnings
    }

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
    /// The run read no document: publishing it would replace the previous
    /// tables with empty ones (an unmounted folder looks like this).
    #[error(
        "{0}; nothing was published and the previous tables are kept \
         (--allow-empty publishes an empty run)"
    )]
    Empty(String),
    /// A bug stopped the run: nothing was published.
    #[error("internal error in {0}; nothing was published")]
    Internal(String),
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

/// What the writer needs to know of the run to write its `runs` row.
struct RunInfo<'a> {
    options: &'a RunOptions,
    started: SystemTime,
    mode: RunMode,
    dictionary_hash: &'a str,
}

/// Runs the whole extraction and publishes the dataset when every table is
/// complete.
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
    let process = |doc: Document| {
        if let Some(Fault::PanicOnDocument(id)) = &options.fault {
            assert!(&doc.id != id, "injected fault on document `{id}`");
        }
        pipeline.process(doc)
    };
    let dictionary = pipeline.dictionary();
    run_with(&process, dictionary.entities(), &dictionary.digest(), options, observer)
}

/// [`run`] with any per-document processing: `process` turns a document
/// into its rows, `entities` is the dictionary written to `entities`, and
/// `dictionary_hash` its digest.
fn run_with(
    process: &Process<'_>,
    entities: &[Entity],
    dictionary_hash: &str,
    options: &RunOptions,
    observer: &dyn Observer,
) -> Result<RunSummary, RunError> {
    let (started, clock) = (SystemTime::now(), Instant::now());
    let lock = OutputLock::acquire(&options.out_dir, &options.run_id, options.wait)?;
    let dataset = Dataset::open(lock.out_dir())?;
    let plan = Plan::new(&dataset, options.incremental, dictionary_hash)?;
    let threads = options.threads.unwrap_or(0);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|source| RunError::Threads { threads, source })?;
    let Listing { files, errors: listing_errors, skipped } =
        ingest::discover(&options.inputs, options.format);
    if files.is_empty() && listing_errors.is_empty() && !options.allow_empty {
        return Err(RunError::Empty(no_input_file(skipped)));
    }
    if let Some(notice) = &plan.notice {
        observer.notice(notice);
    }
    let total_bytes = files.iter().map(|f| f.len).sum();
    observer.start(total_bytes);
    let cleaning = Cleaning {
        keep_boilerplate: options.keep_boilerplate,
        repeated: if options.keep_boilerplate {
            RepeatedLines::default()
        } else {
            count_repeated_lines(&pool, file_records(&files, &options.fields), &options.fields)
        },
    };

    let mut sink = ParquetSink::create(&lock, &options.run_id, dataset.clone(), plan.keep)?;
    if let Some(Fault::SlowPublish(delay)) = options.fault {
        sink.set_publish_step_delay(delay);
    }
    sink.write_entities(entities, EntityOrigin::Dictionary)?;
    let info = RunInfo { options, started, mode: plan.mode, dictionary_hash };
    let context =
        Context { process, fields: &options.fields, cleaning: &cleaning, known: &plan.known };
    let panic_in_writer = options.fault == Some(Fault::PanicInWriter);
    let writing = Writing::new(sink, observer, &plan.known, panic_in_writer);
    let in_order = InOrder::new(writing, IN_FLIGHT_CHUNKS);

    let (mut failure, bytes) = std::thread::scope(|scope| {
        let (read_sender, read_chunks) = crossbeam_channel::bounded(READ_AHEAD_CHUNKS);
        let fields = &options.fields;
        let files = &files;
        let reader = scope.spawn(move || {
            for chunk in chunks(file_records(files, fields)) {
                if read_sender.send(chunk).is_err() {
                    break;
                }
            }
        });
        let first: Chunk =
            listing_errors.into_iter().map(|e| Item::Error(e, ErrorKind::Input)).collect();
        in_order.hand_over(&pool, 0, first);
        let read_ids = Mutex::new(HashSet::new());
        let work = |chunk| {
            let processed = context.records(chunk);
            if plan.rebuild {
                let ids = processed.iter().filter_map(Item::doc_id);
                read_ids.lock().unwrap_or_else(PoisonError::into_inner).extend(ids);
            }
            processed
        };
        let (mut index, bytes) = in_order.process(&pool, &read_chunks, 1, work, observer);
        let read_ids = read_ids.into_inner().unwrap_or_else(PoisonError::into_inner);
        // A reading thread still sending stops when its channel closes.
        drop(read_chunks);
        let mut failure = reader
            .join()
            .err()
            .map(|panic| RunError::Internal(format!("reading: {}", panic_message(panic.as_ref()))));
        if plan.rebuild && failure.is_none() {
            for stored in dataset.stored_documents() {
                if in_order.has_failed() {
                    break;
                }
                match stored {
                    Ok(mut documents) => {
                        documents.retain(|d| !read_ids.contains(&d.id));
                        let processed = pool.install(|| context.documents(documents));
                        in_order.hand_over(&pool, index, processed);
                        index += 1;
                    }
                    Err(error) => {
                        failure = Some(RunError::Sink(error));
                        break;
                    }
                }
            }
        }
        (failure, bytes)
    });
    let writing = in_order.into_writing();
    failure = failure.or(writing.failure);
    if let Some(failure) = failure {
        return Err(failure);
    }
    let written = pool.install(|| commit(writing.sink, writing.collector, &info))?;
    Ok(RunSummary {
        mode: plan.mode,
        rows: written.rows,
        skipped_unchanged: written.skipped_unchanged,
        replaced: written.replaced,
        warnings: written.warnings,
        errors_by_kind: written.errors,
        skipped,
        bytes,
        elapsed: clock.elapsed(),
    })
}

/// Why a run found nothing to read.
fn no_input_file(skipped: Skipped) -> String {
    if skipped.total() == 0 {
        "no input file found".to_owned()
    } else {
        format!(
            "no input file found (skipped: {skipped}; gazette reads {}, also as .gz or .zst)",
            ingest::EXTENSIONS
        )
    }
}

/// The records of `files` in order.
fn file_records<'a>(
    files: &'a [InputFile],
    fields: &'a JsonlFields,
) -> impl Iterator<Item = Result<RawRecord, ErrorRow>> + 'a {
    files.iter().flat_map(|file| ingest::read_file(file, fields))
}

/// `records` in order, in chunks of about [`CHUNK_BYTES`] or
/// [`CHUNK_RECORDS`], each with its raw size in bytes.
fn chunks(
    records: impl Iterator<Item = Result<RawRecord, ErrorRow>>,
) -> impl Iterator<Item = (RawChunk, u64)> {
    let mut records = records.peekable();
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

/// The corpus pre-pass of boilerplate removal: reads every record once and
/// counts, per source, the documents each line occurs in.
fn count_repeated_lines(
    pool: &rayon::ThreadPool,
    records: impl Iterator<Item = Result<RawRecord, ErrorRow>>,
    fields: &JsonlFields,
) -> RepeatedLines {
    let mut table = RepeatedLines::default();
    // While the workers hash one chunk's lines and count the previous
    // chunk's, in order, this thread reads the next chunk.
    let mut hashed: Vec<LineHashes> = Vec::new();
    let mut chunks = chunks(records);
    let mut next = chunks.next();
    while let Some((chunk, _)) = next.take() {
        let counting = std::mem::take(&mut hashed);
        pool.in_place_scope(|scope| {
            scope.spawn(|_| {
                (hashed, ()) = rayon::join(
                    || {
                        chunk
                            .into_par_iter()
                            .filter_map(|record| ingest::line_hashes(record.ok()?, fields))
                            .collect()
                    },
                    || counting.iter().for_each(|document| table.add(document)),
                );
            });
            next = chunks.next();
        });
    }
    hashed.iter().for_each(|document| table.add(document));
    table.finish();
    table
}

/// What the run wrote.
struct Written {
    rows: RowCounts,
    skipped_unchanged: u64,
    replaced: u64,
    warnings: u64,
    errors: ErrorCounts,
}

/// Publishes the dataset once every chunk is written, with the run's row.
/// A run that read no document is refused unless it allows it.
fn commit(
    sink: ParquetSink,
    collector: Collector,
    info: &RunInfo<'_>,
) -> Result<Written, RunError> {
    if collector.seen.is_empty() && !info.options.allow_empty {
        return Err(RunError::Empty(
            "no document could be read (every input failed, see the errors above)".to_owned(),
        ));
    }
    let counts = sink.counts();
    let Collector { replaced, warnings, errors, skipped_unchanged, .. } = collector;
    let run = RunRow {
        run_id: info.options.run_id.clone(),
        started: info.started,
        finished: SystemTime::now(),
        gazette_version: GAZETTE_VERSION.to_owned(),
        mode: info.mode,
        inputs: info.options.inputs.iter().map(|p| p.display().to_string()).collect(),
        documents: counts.documents,
        skipped_unchanged,
        replaced: replaced.len() as u64,
        sentences: counts.sentences,
        mentions: counts.mentions,
        figures: counts.figures,
        errors: counts.errors,
        dictionary_hash: info.dictionary_hash.to_owned(),
    };
    log::debug!("publishing run {}", run.run_id);
    let rows = sink.finish(&run, &replaced)?;
    let replaced = replaced.len() as u64;
    Ok(Written { rows, skipped_unchanged, replaced, warnings, errors })
}
