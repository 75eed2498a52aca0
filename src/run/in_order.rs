//! Writing processed chunks in input order from the worker threads. The
//! worker that finishes the chunk next in order writes it, and after it any
//! chunks that were done and waiting for it; a worker that finishes another
//! chunk leaves it and goes on. No thread waits for a writer, and the
//! writing starts the moment its chunk is ready.

use std::collections::{BTreeMap, HashMap};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError, TryLockError};

use crossbeam_channel::{Receiver, Sender};

use super::collect::Collector;
use super::process::Chunk;
use super::{Observer, RunError, panic_message};
use crate::sink::ParquetSink;

/// What writing keeps from chunk to chunk.
pub(super) struct Writing<'a> {
    pub(super) sink: ParquetSink,
    pub(super) collector: Collector,
    /// Why writing stopped, if it did: later chunks are dropped.
    pub(super) failure: Option<RunError>,
    pub(super) observer: &'a dyn Observer,
    /// The ids the dataset already holds.
    pub(super) known: &'a HashMap<String, String>,
    /// Panic after the first chunk written: the reliability tests' fault.
    pub(super) panic_after_first_chunk: bool,
    /// The number of the chunk to write next.
    next: usize,
}

impl<'a> Writing<'a> {
    /// The state of a run's writing before its first chunk.
    pub(super) fn new(
        sink: ParquetSink,
        observer: &'a dyn Observer,
        known: &'a HashMap<String, String>,
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
pub(super) struct InOrder<'a> {
    done: Mutex<BTreeMap<usize, Chunk>>,
    writing: Mutex<Writing<'a>>,
    failed: AtomicBool,
    /// One message per chunk in flight: sending blocks when there are
    /// already as many as the channel holds.
    take_slot: Sender<()>,
    free_slot: Receiver<()>,
}

impl<'a> InOrder<'a> {
    /// Writes with `writing`, with at most `in_flight` chunks in flight.
    pub(super) fn new(writing: Writing<'a>, in_flight: usize) -> Self {
        let (take_slot, free_slot) = crossbeam_channel::bounded(in_flight);
        InOrder {
            done: Mutex::new(BTreeMap::new()),
            writing: Mutex::new(writing),
            failed: AtomicBool::new(false),
            take_slot,
            free_slot,
        }
    }

    /// Waits until one more chunk may be in flight, and counts it. Call it
    /// before processing each chunk; [`InOrder::deliver`] frees the slot.
    pub(super) fn reserve(&self) {
        // Both ends live in `self`: the channel cannot be disconnected.
        let _ = self.take_slot.send(());
    }

    /// True once writing has failed: the run should stop reading.
    pub(super) fn has_failed(&self) -> bool {
        self.failed.load(Ordering::Acquire)
    }

    /// Hands over chunk number `index`, processed, and writes every chunk
    /// that is now next in order, unless another thread is writing: that
    /// one then writes it.
    pub(super) fn deliver(&self, index: usize, chunk: Chunk) {
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

    /// The writing state, once every chunk is delivered and written.
    pub(super) fn into_writing(self) -> Writing<'a> {
        self.writing.into_inner().unwrap_or_else(PoisonError::into_inner)
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
