//! One extraction run: inputs read in order, documents processed in
//! parallel chunks, rows streamed to a single writer thread, the dataset
//! published as one unit at the end.
//!
//! Memory stays bounded: at most a few chunks of documents are alive at once,
//! and the Parquet writers flush row groups as they fill.

use std::any::Any;
use std::collections::{HashMap, HashSet};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::time::{Duration, Instant, SystemTime};

use rayon::prelude::*;

use crate::ingest::boilerplate::{self, RepeatedLines};
use crate::ingest::{self, Cleaning, Format, InputFile, JsonlFields, Listing, RawRecord, Skipped};
use crate::model::{DocOutput, Document, Entity, EntityOrigin, ErrorRow};
use crate::pipeline::Pipeline;
use crate::sink::{Dataset, OutputLock, ParquetSink, RowCounts, RunMode, RunRow, SinkError};

mod memory;
mod plan;
mod staged;

pub use memory::{ExtractOptions, Extraction, extract};
pub use plan::{GAZETTE_VERSION, Plan};
pub use staged::{StagedCounts, StagedRun};

/// Raw bytes gathered before a chunk is processed in parallel.
const CHUNK_BYTES: usize = 4 * 1024 * 1024;
/// Records gathered before a chunk is processed in parallel.
const CHUNK_RECORDS: usize = 1024;
/// Processed chunks waiting for the writer.
const QUEUED_CHUNKS: usize = 2;

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
    /// The writer thread panics after its first chunk (`writer`).
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
    /// The run stopped before its last chunk was written (a bug): nothing
    /// was published.
    #[error("the run was interrupted before its end; nothing was published")]
    Interrupted,
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

/// One record after processing.
enum Item {
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
    fn add(&mut self, kind: ErrorKind) {
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

type Chunk = Vec<Item>;

/// What a run does with each document: the pipeline, or in a test anything
/// that turns a document into its rows.
type Process<'a> = dyn Fn(Document) -> DocOutput + Sync + 'a;

/// What the writer thread receives: chunks in order, then one commit. The
/// dataset is published only on the commit, so a run whose reading side
/// stops early (a panic, a bug) publishes nothing.
enum Message {
    Chunk(Chunk),
    Commit,
}

/// What the writer needs to know of the run to write its `runs` row.
struct RunInfo<'a> {
    options: &'a RunOptions,
    started: SystemTime,
    mode: RunMode,
    dictionary_hash: &'a str,
    known: &'a HashMap<String, String>,
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
    let (sender, receiver) = crossbeam_channel::bounded::<Message>(QUEUED_CHUNKS);
    let info = RunInfo { options, started, mode: plan.mode, dictionary_hash, known: &plan.known };
    let context =
        Context { process, fields: &options.fields, cleaning: &cleaning, known: &plan.known };

    let (written, bytes) = std::thread::scope(|scope| {
        let writer = scope.spawn(move || write_chunks(sink, &receiver, observer, &info));
        let send = |message: Message| sender.send(message).is_ok();
        let first: Chunk =
            listing_errors.into_iter().map(|e| Item::Error(e, ErrorKind::Input)).collect();
        let mut alive = send(Message::Chunk(first));
        let mut bytes = 0u64;
        let mut read_ids = HashSet::new();
        for (chunk, chunk_bytes) in chunks(file_records(&files, &options.fields)) {
            if !alive {
                break;
            }
            let processed = pool.install(|| context.records(chunk));
            if plan.rebuild {
                read_ids.extend(processed.iter().filter_map(Item::doc_id));
            }
            alive = send(Message::Chunk(processed));
            observer.advance(chunk_bytes);
            bytes += chunk_bytes;
        }
        let mut failure = None;
        if plan.rebuild {
            for stored in dataset.stored_documents() {
                if !alive {
                    break;
                }
                match stored {
                    Ok(mut documents) => {
                        documents.retain(|d| !read_ids.contains(&d.id));
                        let processed = pool.install(|| context.documents(documents));
                        alive = send(Message::Chunk(processed));
                    }
                    Err(error) => {
                        failure = Some(RunError::Sink(error));
                        break;
                    }
                }
            }
        }
        if alive && failure.is_none() {
            send(Message::Commit);
        }
        drop(sender);
        let written = writer.join().unwrap_or_else(|panic| {
            Err(RunError::Internal(format!("writer: {}", panic_message(panic.as_ref()))))
        });
        (failure.map_or(written, Err), bytes)
    });
    let written = written?;
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
) -> impl Iterator<Item = (Vec<Result<RawRecord, ErrorRow>>, u64)> {
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
    let keep = Cleaning::keep_all();
    let mut table = RepeatedLines::default();
    for (chunk, _) in chunks(records) {
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

impl Item {
    /// The id of a document read (processed or skipped).
    fn doc_id(&self) -> Option<String> {
        match self {
            Item::Document(out) => Some(out.document.doc_id.clone()),
            Item::Unchanged { id, .. } => Some(id.clone()),
            Item::Error(..) => None,
        }
    }
}

/// What every record goes through: parsing, the skip of unchanged
/// documents, processing.
struct Context<'a> {
    process: &'a Process<'a>,
    fields: &'a JsonlFields,
    cleaning: &'a Cleaning,
    known: &'a HashMap<String, String>,
}

impl Context<'_> {
    /// Processes raw records in parallel, in the calling pool.
    fn records(&self, records: Vec<Result<RawRecord, ErrorRow>>) -> Chunk {
        records
            .into_par_iter()
            .map(|record| match record {
                Ok(raw) => self.record(raw),
                Err(error) => Item::Error(error, ErrorKind::Read),
            })
            .collect()
    }

    /// Processes stored documents in parallel, in the calling pool.
    fn documents(&self, documents: Vec<Document>) -> Chunk {
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
            Ok(doc) if self.known.get(&doc.id) == Some(&doc.content_hash) => {
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

/// What the writer thread wrote.
struct Written {
    rows: RowCounts,
    skipped_unchanged: u64,
    replaced: u64,
    warnings: u64,
    errors: ErrorCounts,
}

/// Where processed rows go: the Parquet tables of a dataset, or record
/// batches in memory.
trait RowSink {
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
struct Collector {
    seen: HashMap<String, String>,
    replaced: HashSet<String>,
    warnings: u64,
    errors: ErrorCounts,
    skipped_unchanged: u64,
}

impl Collector {
    /// Writes the rows of one processed chunk, in order: each document id
    /// once (a later one is a duplicate-id error row), warnings and errors
    /// as rows of `errors`, reported to `observer` too. `known` holds the
    /// ids the dataset already had: those written are counted as replaced.
    fn write(
        &mut self,
        chunk: Chunk,
        sink: &mut impl RowSink,
        observer: &dyn Observer,
        known: &HashMap<String, String>,
    ) -> Result<(), SinkError> {
        for item in chunk {
            let (error, kind) = match item {
                Item::Unchanged { id, source } => match self.seen.get(&id) {
                    None => {
                        self.seen.insert(id, source.to_string());
                        self.skipped_unchanged += 1;
                        continue;
                    }
                    Some(first) => (duplicate_id(&id, first, &source), ErrorKind::DuplicateId),
                },
                Item::Document(out) => match self.seen.get(&out.document.doc_id) {
                    None => {
                        sink.write_entities(&out.entities, EntityOrigin::Pattern)?;
                        sink.write_document(&out)?;
                        for warning in &out.warnings {
                            let source = &out.document.source;
                            let row = ErrorRow::warning(&source.path, source.line, warning);
                            observer.error(&row);
                            sink.write_error(&row)?;
                            self.warnings += 1;
                        }
                        if known.contains_key(&out.document.doc_id) {
                            self.replaced.insert(out.document.doc_id.clone());
                        }
                        self.seen.insert(out.document.doc_id, out.document.source.to_string());
                        continue;
                    }
                    Some(first) => {
                        let source = &out.document.source;
                        (duplicate_id(&out.document.doc_id, first, source), ErrorKind::DuplicateId)
                    }
                },
                Item::Error(error, kind) => (error, kind),
            };
            self.errors.add(kind);
            observer.error(&error);
            sink.write_error(&error)?;
        }
        Ok(())
    }
}

/// The writer thread: owns the sink, keeps document ids unique, reports
/// errors, and publishes the dataset on the commit message. When the
/// channel closes without one, the next state is dropped.
fn write_chunks(
    mut sink: ParquetSink,
    receiver: &crossbeam_channel::Receiver<Message>,
    observer: &dyn Observer,
    info: &RunInfo<'_>,
) -> Result<Written, RunError> {
    let panic_after_first_chunk = info.options.fault == Some(Fault::PanicInWriter);
    let mut collector = Collector::default();
    for message in receiver {
        let chunk = match message {
            Message::Chunk(chunk) => chunk,
            Message::Commit if collector.seen.is_empty() && !info.options.allow_empty => {
                return Err(RunError::Empty(
                    "no document could be read (every input failed, see the errors above)"
                        .to_owned(),
                ));
            }
            Message::Commit => {
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
                return Ok(Written { rows, skipped_unchanged, replaced, warnings, errors });
            }
        };
        collector.write(chunk, &mut sink, observer, info.known)?;
        assert!(
            !panic_after_first_chunk || collector.seen.is_empty(),
            "injected fault in the writer"
        );
    }
    Err(RunError::Interrupted)
}

fn duplicate_id(id: &str, first: &str, source: &crate::model::Origin) -> ErrorRow {
    ErrorRow::new(
        source.path.clone(),
        source.line,
        format!("duplicate document id `{id}` (first used by `{first}`); document skipped"),
    )
}
