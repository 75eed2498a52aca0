//! Errors from loading dictionary files: each names the file and, for content
//! errors, the 1-based line, and quotes the offending value.

use std::io;
use std::path::PathBuf;

use super::format::{HEADER, known_file_names};

/// Why a dictionary could not be loaded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DictionaryError {
    /// The bundled dictionary was left out and no directory was given.
    #[error("no dictionary: leaving out the bundled dictionary needs at least one directory")]
    NoSource,
    /// A directory or file could not be read.
    #[error("cannot read dictionary `{}`", .path.display())]
    Io {
        /// The directory or file.
        path: PathBuf,
        /// The underlying error, naming the file.
        #[source]
        source: io::Error,
    },
    /// A `.tsv` file whose name is not one of the known dictionary files.
    #[error(
        "{}: unknown dictionary file name, expected one of {}",
        .path.display(),
        known_file_names()
    )]
    UnknownFile {
        /// The file.
        path: PathBuf,
    },
    /// A file that is not valid UTF-8.
    #[error("{}:{line}: invalid UTF-8", .path.display())]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// The line with the first invalid byte.
        line: usize,
    },
    /// The first line that is neither blank nor a comment is not the header.
    #[error("{}:{line}: expected header `{}`, found `{}`", .path.display(), HEADER.escape_debug(), .found.escape_debug())]
    Header {
        /// The file.
        path: PathBuf,
        /// The line.
        line: usize,
        /// The line found instead.
        found: String,
    },
    /// A row without exactly seven tab-separated fields.
    #[error("{}:{line}: expected 7 tab-separated fields, found {found}", .path.display())]
    Fields {
        /// The file.
        path: PathBuf,
        /// The line.
        line: usize,
        /// The number of fields found.
        found: usize,
    },
    /// An id that is not `<prefix>:<slug>` with the file's prefix.
    #[error(
        "{}:{line}: invalid id `{id}`, expected `{prefix}:` and a slug of lowercase ASCII letters, digits, `-` or `.`",
        .path.display()
    )]
    Id {
        /// The file.
        path: PathBuf,
        /// The line.
        line: usize,
        /// The id as written.
        id: String,
        /// The prefix the file's ids take, such as `org`.
        prefix: &'static str,
    },
    /// A row with an empty `canonical` field.
    #[error("{}:{line}: empty canonical name for `{id}`", .path.display())]
    EmptyCanonical {
        /// The file.
        path: PathBuf,
        /// The line.
        line: usize,
        /// The entity id.
        id: String,
    },
    /// A `country` that is not an ISO 3166 alpha-2 code.
    #[error("{}:{line}: unknown country code `{country}`, expected an ISO 3166 alpha-2 code such as `KR`", .path.display())]
    Country {
        /// The file.
        path: PathBuf,
        /// The line.
        line: usize,
        /// The code as written.
        country: String,
    },
    /// An `aliases` field with an empty alias between the `|` separators.
    #[error("{}:{line}: empty alias in `{aliases}`", .path.display())]
    EmptyAlias {
        /// The file.
        path: PathBuf,
        /// The line.
        line: usize,
        /// The field as written.
        aliases: String,
    },
    /// An id defined twice, in one file or across files and directories.
    #[error(
        "{}:{line}: duplicate id `{id}`, first defined at {}:{first_line}",
        .path.display(),
        .first_path.display()
    )]
    DuplicateId {
        /// The file of the second definition.
        path: PathBuf,
        /// The line of the second definition.
        line: usize,
        /// The id.
        id: String,
        /// The file of the first definition.
        first_path: PathBuf,
        /// The line of the first definition.
        first_line: usize,
    },
}
