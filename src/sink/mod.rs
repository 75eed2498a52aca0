//! The sink: a dataset of Parquet tables that pandas, Polars, DuckDB and
//! Spark read.
//!
//! # Layout
//!
//! An output folder is a dataset: one folder per table (`documents`,
//! `sentences`, `entities`, `mentions`, `figures`, `errors`, `runs`), each
//! holding part files `part-<run_id>-<n>.parquet` (`entities` and `runs`:
//! `part-<run_id>.parquet`). Strings are UTF-8 (`Utf8`), integers `Int64`,
//! dates `Date32`, values `Float64`, aliases and inputs `List<Utf8>`,
//! `runs.started`/`finished` microsecond timestamps in UTC. `start`/`end` are
//! Unicode code-point offsets into `documents.text`, end exclusive, so that
//! `text[start:end] == surface` in Python. Compression is zstd;
//! low-cardinality string columns are dictionary-encoded. Every file's
//! metadata carries `gazette.schema_version` ([`SCHEMA_VERSION`]) and
//! `gazette.run_id`. The columns are documented one by one in
//! `docs/schema.md`.
//!
//! A run is published as one unit (see [`publish`]), under a lock held for
//! the whole run ([`OutputLock`]).

mod columns;
mod compact;
mod dataset;
mod known;
mod lock;
mod memory;
mod parquet;
mod parts;
mod publish;
mod runs;
mod spill;
mod tables;

use std::fs::File;
use std::path::{Path, PathBuf};

pub use self::compact::{Compaction, compact};
pub use self::dataset::{Dataset, ErrorKey, read_part};
pub use self::known::KnownDocuments;
pub use self::lock::{LOCK_FILE, OutputLock};
pub use self::memory::{MemorySink, PENDING_ENTITIES, Tables};
pub use self::parquet::{Keep, ParquetSink, RowCounts};
pub use self::runs::{PastRun, RunMode, RunRow, RunsBuilder};
pub use self::tables::{
    DocumentsBuilder, EntitiesBuilder, ErrorsBuilder, FiguresBuilder, MentionsBuilder,
    SentencesBuilder, TableBuilder,
};

/// The tables of a dataset, in the order they are listed.
pub const TABLE_NAMES: [&str; 7] = [
    DocumentsBuilder::NAME,
    SentencesBuilder::NAME,
    EntitiesBuilder::NAME,
    MentionsBuilder::NAME,
    FiguresBuilder::NAME,
    ErrorsBuilder::NAME,
    RunsBuilder::NAME,
];

/// Version of the table layout written to every file's metadata.
pub const SCHEMA_VERSION: &str = "2";

/// Maps an I/O error on `path` to a [`SinkError`].
fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> SinkError + use<> {
    let path = path.to_path_buf();
    move |source| SinkError::Io { path, source }
}

/// Flushes a file or folder to disk, so that a rename that publishes it
/// never points at data a crash can still lose.
fn sync(path: &Path) -> Result<(), SinkError> {
    File::open(path).and_then(|f| f.sync_all()).map_err(io_error(path))
}

/// What can go wrong while writing the tables.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SinkError {
    /// A file or directory could not be created, written or renamed.
    #[error("cannot write `{}`", path.display())]
    Io {
        /// The path involved.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The output path exists and is not a directory.
    #[error("output `{}` exists and is not a directory", path.display())]
    NotADirectory {
        /// The output path.
        path: PathBuf,
    },
    /// Another run holds the output directory.
    #[error("output `{}` is in use by {holder}; wait for it to end, or pass --wait to wait", path.display())]
    Locked {
        /// The output directory.
        path: PathBuf,
        /// The run holding it, as its lock file names it.
        holder: String,
    },
    /// The output folder holds tables of schema version 1.
    #[error(
        "output `{}` holds tables of gazette's schema version 1 (`documents.parquet`...); \
         version 2 writes one folder per table. Move or delete the version-1 files, or choose \
         another output folder",
        path.display()
    )]
    OldLayout {
        /// The output folder.
        path: PathBuf,
    },
    /// The output folder holds something that is not part of a dataset.
    #[error(
        "output `{}` holds `{entry}`, which is not part of a gazette dataset; gazette replaces \
         the whole folder when it publishes, so it writes only to a new or empty folder or to \
         one of its datasets: choose another output folder",
        path.display()
    )]
    Foreign {
        /// The output folder.
        path: PathBuf,
        /// The entry that is not gazette's.
        entry: String,
    },
    /// The output folder is a mount point, which cannot be renamed.
    #[error(
        "output `{}` is a mount point, and gazette publishes by renaming the output folder: \
         write to a folder inside it",
        path.display()
    )]
    MountPoint {
        /// The output folder.
        path: PathBuf,
    },
    /// A part file of the dataset was written by another schema version.
    #[error(
        "`{}` was written with schema version `{version}`, not {SCHEMA_VERSION}: write to \
         another output folder",
        path.display()
    )]
    OtherVersion {
        /// The part file.
        path: PathBuf,
        /// The version its metadata names.
        version: String,
    },
    /// A part file of the dataset could not be read.
    #[error("cannot read Parquet file `{}`", path.display())]
    Read {
        /// The part file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: ::parquet::errors::ParquetError,
    },
    /// A part file of the dataset lacks a column it should have.
    #[error("`{}` is not a table of a gazette dataset: {what}", path.display())]
    Malformed {
        /// The part file.
        path: PathBuf,
        /// What is wrong with it.
        what: String,
    },
    /// The Parquet writer failed.
    #[error("cannot write Parquet file `{}`", path.display())]
    Parquet {
        /// The table file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: ::parquet::errors::ParquetError,
    },
}
