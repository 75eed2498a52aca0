//! The sink: Parquet tables that pandas, Polars, DuckDB and Spark read.
//!
//! # Wire format
//!
//! A run writes one directory holding `documents.parquet`,
//! `sentences.parquet`, `entities.parquet`, `mentions.parquet`,
//! `figures.parquet` and `errors.parquet`. Strings are UTF-8 (`Utf8`), offsets
//! and counts `UInt32`, dates `Date32`, values `Float64`, aliases
//! `List<Utf8>`. `start`/`end` are Unicode code-point offsets into
//! `documents.text`, end exclusive, so that `text[start:end] == surface` in
//! Python. Compression is zstd; low-cardinality string columns are
//! dictionary-encoded. The file metadata carries `gazette.schema_version`
//! ([`SCHEMA_VERSION`]) and `gazette.run_id`. The columns are documented one
//! by one in `docs/schema.md`; changes are additive only.

mod lock;
mod parquet;
mod tables;

use std::path::PathBuf;

pub use self::lock::{LOCK_FILE, OutputLock};
pub use self::parquet::{ParquetSink, RowCounts};
pub use self::tables::{
    DocumentsBuilder, EntitiesBuilder, ErrorsBuilder, FiguresBuilder, MentionsBuilder,
    SentencesBuilder, TableBuilder,
};

/// The tables of a run, in the order they are listed and written.
pub const TABLE_NAMES: [&str; 6] = [
    DocumentsBuilder::NAME,
    SentencesBuilder::NAME,
    EntitiesBuilder::NAME,
    MentionsBuilder::NAME,
    FiguresBuilder::NAME,
    ErrorsBuilder::NAME,
];

/// Version of the table layout written to every file's metadata.
pub const SCHEMA_VERSION: &str = "1";

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
