//! Writing processed chunks in input order from the worker threads. The
//! worker that finishes the chunk next in order writes it, and after it any
//! chunks that were done and waiting for it; a worker that finishes another
//! chunk leaves it and goes on. No thread waits for a writer, and the
//! writing starts the moment its chunk is ready.

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError, TryLockError};

use crossbeam_channel::{Receiver, Sender};
use rayon::ThreadPool;

use super::collect::{Collector, RowSink};
use super::process::{Chunk, RawChunk};
use super::{Observer, RunError, panic_message};
use crate::sink::KnownDocuments;

/// What writing keeps from chunk to chunk: where the rows go, and what is
/// known of the chunks written.
pub(super) struct Writing<'a, S> {
    pub(super) sink: S,
    pub(super) collector: Collector,
    /// Why writing stopped, if it did: later chunks are dropped.
    pub(super) failure: Option<RunError>,
    observer: &'a dyn Observer,
    /// The ids the dataset already holds.
    known: &'a KnownDocuments,
    /// Panic after the first chunk written: the reliability tests' fault.
    panic_after_first_chunk: bool,
    /// The number of the chunk to write next.
    next: usize,
}

impl<'a, S: RowSink> Writing<'a, S> {
    /// The state of a run's writing before its first chunk.
    pub(super) fn new(
        sink: S,
        observer: &'a dyn Observer,
        known: &'a KnownDocuments,
        panic_after_first_chunk: bool,
    ) -> Self {
        let collector = Collector::default();
        Writing {
            sink,
            collector,
            failure: None,
            observer,
            known,
            panic_after_first_chunk,
            next: 0,
        }
    }

    /// Writes one chunk, unless writing has failed. A panic in it (a bug)
    /// stops the writing as an internal error.
    fn write(&mut self, chunk: Chunk) {
        if self.failure.is_some() {
            return;
        }
        let written = catch_unwind(AssertUnwindSafe(|| {
            let result = self.collector.write(chunk, &mut self.sink, self.observer, self.known);
            assert!(
                !self.panic_after_first_chunk || self.collector.seen.is_empty(),
                "injected fault in the writer"
            );
            result
        }));
        self.failure = match written {
            Ok(Ok(())) => None,
            Ok(Err(error)) => Some(error.into()),
            Err(panic) => {
                Some(RunError::Internal(format!("writer: {}", panic_message(panic.as_ref()))))
            }
        };
    }
}

/// Chunks numbered from 0 in input order, written in that order by
/// whichever worker makes the next one ready; at most a fixed number of
/// them are in flight (being processed or waiting to be written).
pub(super) struct InOrder<'a, S> {
    done: Mutex<BTreeMap<usize, Chunk>>,
    writing: Mutex<Writing<'a, S>>,
    /// Why a chunk was lost, if one was: its processing panicked.
    lost: Mutex<Option<RunError>>,
    failed: AtomicBool,
    /// One message per chunk in flight: sending blocks when there are
    /// already as many as the channel holds.
    take_slot: Sender<()>,
    free_slot: Receiver<()>,
}

impl<'a, S: RowSink> InOrder<'a, S> {
    /// Writes with `writing`, with at most `in_flight` chunks in flight.
    pub(super) fn new(writing: Writing<'a, S>, in_flight: usize) -> Self {
        let (take_slot, free_slot) = crossbeam_channel::bounded(in_flight);
        InOrder {
            done: Mutex::new(BTreeMap::new()),
            writing: Mutex::new(writing),
            lost: Mutex::new(None),
            failed: AtomicBool::new(false),
            take_slot,
            free_slot,
        }
    }

    /// Waits until one more chunk may be in flight, and counts it. Called
    /// before processing each chunk; [`InOrder::deliver`] frees the slot.
    fn reserve(&self) {
        // Both ends live in `self`: the channel cannot be disconnected.
        let _ = self.take_slot.send(());
    }

    /// True once writing has failed: the run should stop reading.
    pub(super) fn has_failed(&self) -> bool {
        self.failed.load(Ordering::Acquire)
    }

    /// Hands over chunk number `index`, processed elsewhere, once a slot is
    /// free, and writes it on `pool` if it is next in order.
    pub(super) fn hand_over(&self, pool: &ThreadPool, index: usize, chunk: Chunk)
    where
        S: Send,
    {
        self.reserve();
        pool.install(|| self.deliver(index, chunk));
    }

    /// Hands over chunk number `index`, processed, and writes every chunk
    /// that is now next in order, unless another thread is writing: that
    /// one then writes it.
    fn deliver(&self, index: usize, chunk: Chunk) {
        lock(&self.done).insert(index, chunk);
        loop {
            let mut writing = match self.writing.try_lock() {
                Ok(writing) => writing,
                Err(TryLockError::Poisoned(poisoned)) => poisoned.into_inner(),
                // The thread writing sees this chunk after its own.
                Err(TryLockError::WouldBlock) => return,
            };
            loop {
                let Some(next) = lock(&self.done).remove(&writing.next) else { break };
                writing.next += 1;
                writing.write(next);
                if writing.failure.is_some() {
                    self.failed.store(true, Ordering::Release);
                }
                // Every chunk delivered had a slot reserved.
                let _ = self.free_slot.try_recv();
            }
            let next = writing.next;
            drop(writing);
            // A chunk delivered while this thread held the lock and before it
            // let go would be left unwritten: look once more.
            if !lock(&self.done).contains_key(&next) {
                return;
            }
        }
    }

    /// Runs `work` on each of `chunks` as a job of `pool`, begun as soon as
    /// it is read and a slot is free, so that the workers go from one chunk
    /// to the next without waiting for the slowest document of each; hands
    /// the rows over numbered from `first`. Stops early once writing has
    /// failed. Returns the number after the last chunk begun and the raw
    /// bytes of the chunks begun.
    pub(super) fn process<I, W>(
        &self,
        pool: &ThreadPool,
        chunks: I,
        first: usize,
        work: W,
        observer: &dyn Observer,
    ) -> (usize, u64)
    where
        S: Send,
        I: IntoIterator<Item = (RawChunk, u64)>,
        W: Fn(RawChunk) -> Chunk + Sync,
    {
        let (mut index, mut bytes) = (first, 0);
        pool.in_place_scope(|jobs| {
            for (chunk, chunk_bytes) in chunks {
                self.reserve();
                if self.has_failed() {
                    break;
                }
                let work = &work;
                jobs.spawn(move |_| {
                    // Each document's panic is caught as its error row; one
                    // here would leave the chunk undelivered and the run
                    // waiting for it.
                    match catch_unwind(AssertUnwindSafe(|| work(chunk))) {
                        Ok(processed) => self.deliver(index, processed),
                        Err(panic) => self.lose(index, &panic_message(panic.as_ref())),
                    }
                    observer.advance(chunk_bytes);
                });
                index += 1;
                bytes += chunk_bytes;
            }
        });
        (index, bytes)
    }

    /// Hands over chunk number `index` as lost: processing it panicked, a
    /// bug outside any one document. The run fails; the chunks after it go
    /// on in order, so that the workers and the reading side wind down.
    fn lose(&self, index: usize, panic: &str) {
        let error = RunError::Internal(format!("processing: {panic}"));
        lock(&self.lost).get_or_insert(error);
        self.failed.store(true, Ordering::Release);
        self.deliver(index, Chunk::new());
    }

    /// The writing state once every chunk is delivered and written, with
    /// the failure of a lost chunk if writing itself did not fail.
    pub(super) fn into_writing(self) -> Writing<'a, S> {
        let mut writing = self.writing.into_inner().unwrap_or_else(PoisonError::into_inner);
        let lost = self.lost.into_inner().unwrap_or_else(PoisonError::into_inner);
        writing.failure = writing.failure.or(lost);
        writing
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use arrow_array::cast::AsArray;

    use super::*;
    use crate::model::ErrorRow;
    use crate::run::process::Item;
    use crate::run::{ErrorKind, NullObserver};
    use crate::sink::MemorySink;

    /// Chunk `n` of `rows` error rows, `source` naming the chunk and `line`
    /// the row: rows whose order shows the order they were written in.
    fn chunk(n: u32, rows: u32) -> (RawChunk, u64) {
        let errors = (0..rows).map(|line| Err(ErrorRow::new(format!("c{n}"), Some(line), "e")));
        (errors.collect(), 1)
    }

    /// The (source, line) of every row written to `errors`.
    fn written(writing: Writing<'_, MemorySink>) -> Vec<String> {
        let tables = writing.sink.finish();
        let mut rows = Vec::new();
        for batch in &tables.errors {
            let sources = batch.column_by_name("source").unwrap().as_string::<i32>();
            let lines = batch
                .column_by_name("line")
                .unwrap()
                .as_primitive::<arrow_array::types::Int64Type>();
            for row in 0..batch.num_rows() {
                rows.push(format!("{}:{}", sources.value(row), lines.value(row)));
            }
        }
        rows
    }

    /// Processes chunks of error rows on two threads, chunk `n` taking
    /// longer the earlier it is, so that they finish out of order. Returns
    /// the writing and the number of chunks begun.
    fn run(chunks: u32, panic_on: Option<u32>) -> (Writing<'static, MemorySink>, u32) {
        static KNOWN: std::sync::LazyLock<KnownDocuments> =
            std::sync::LazyLock::new(KnownDocuments::default);
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
        let sink = MemorySink::new("test");
        let in_order = InOrder::new(Writing::new(sink, &NullObserver, &KNOWN, false), 3);
        let work = |raw: RawChunk| {
            let n: u32 = match &raw[0] {
                Err(row) => row.source[1..].parse().unwrap(),
                Ok(_) => unreachable!(),
            };
            assert!(panic_on != Some(n), "chunk {n} fails");
            std::thread::sleep(Duration::from_millis(u64::from((chunks - n) * 3)));
            raw.into_iter().map(|r| Item::Error(r.unwrap_err(), ErrorKind::Read)).collect()
        };
        let (next, bytes) =
            in_order.process(&pool, (0..chunks).map(|n| chunk(n, 2)), 0, work, &NullObserver);
        let begun = u32::try_from(next).unwrap();
        assert_eq!(bytes, u64::from(begun));
        (in_order.into_writing(), begun)
    }

    /// The rows of chunks `numbers`, in order.
    fn rows_of(numbers: impl Iterator<Item = u32>) -> Vec<String> {
        numbers.flat_map(|n| [format!("c{n}:0"), format!("c{n}:1")]).collect()
    }

    #[test]
    fn chunks_finished_out_of_order_are_written_in_order() {
        let (writing, begun) = run(8, None);
        assert_eq!(begun, 8);
        assert!(writing.failure.is_none());
        assert_eq!(written(writing), rows_of(0..8));
    }

    #[test]
    fn a_chunk_whose_processing_panics_fails_the_run_and_the_others_still_go() {
        let (writing, begun) = run(6, Some(2));
        let failure = writing.failure.as_ref().map(ToString::to_string);
        assert_eq!(
            failure.as_deref(),
            Some("internal error in processing: chunk 2 fails; nothing was published")
        );
        // No chunk is begun once the failure is known; those begun before
        // are written in order, the lost one aside.
        assert!((3..=6).contains(&begun), "{begun}");
        let expected = rows_of((0..begun).filter(|&n| n != 2));
        assert_eq!(written(writing), expected);
    }
}
