//! Reading the dataset a run adds to: its layout, its runs, and the rows an
//! incremental run compares with, replaces or carries over.

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::path::{Path, PathBuf};

use arrow_array::{
    Array, Date32Array, Int64Array, RecordBatch, StringArray, cast::AsArray, types::Int64Type,
};
use chrono::NaiveDate;
use parquet::arrow::ProjectionMask;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

use super::known::{KnownDocuments, hashed};
use super::lock::LOCK_FILE;
use super::runs::PastRun;
use super::{SCHEMA_VERSION, SinkError, TABLE_NAMES};
use crate::model::{Document, ErrorRow, Origin};

/// Staging folders of version-1 runs, left inside the output by a kill.
pub(super) const V1_STAGING_PREFIX: &str = ".gazette-staging-";

/// The published dataset in an output folder, as a run finds it.
#[derive(Clone, Debug, Default)]
pub struct Dataset {
    /// Part files of each table, by table name, in name order.
    parts: HashMap<&'static str, Vec<PathBuf>>,
    /// The run that published last, if any.
    last_run: Option<PastRun>,
}

/// An `errors` row as compared across runs: source, line, level, message.
pub type ErrorKey = (String, Option<i64>, String, String);

impl Dataset {
    /// Reads the layout of the dataset in `out_dir`, refusing a folder that
    /// holds anything else: tables of schema version 1, or files that are not
    /// gazette's (publishing replaces the whole folder).
    ///
    /// # Errors
    ///
    /// Fails on such a folder, or when a `runs` part cannot be read.
    pub fn open(out_dir: &Path) -> Result<Dataset, SinkError> {
        let mut dataset = Dataset::default();
        let entries = std::fs::read_dir(out_dir).map_err(super::io_error(out_dir))?;
        for entry in entries {
            let entry = entry.map_err(super::io_error(out_dir))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
            if let Some(table) = TABLE_NAMES.iter().find(|t| **t == name).filter(|_| is_dir) {
                dataset.parts.insert(table, part_files(&entry.path())?);
            } else if name.strip_suffix(".parquet").is_some_and(|t| TABLE_NAMES.contains(&t)) {
                return Err(SinkError::OldLayout { path: out_dir.to_path_buf() });
            } else if name != LOCK_FILE && !name.starts_with(V1_STAGING_PREFIX) {
                return Err(SinkError::Foreign { path: out_dir.to_path_buf(), entry: name });
            }
        }
        for part in dataset.parts("runs").to_vec() {
            check_version(&part)?;
            for batch in read_part(&part, None)? {
                for run in PastRun::from_batch(&batch?) {
                    if dataset
                        .last_run
                        .as_ref()
                        .is_none_or(|l| run.finished_micros >= l.finished_micros)
                    {
                        dataset.last_run = Some(run);
                    }
                }
            }
        }
        Ok(dataset)
    }

    /// The part files of `table`.
    #[must_use]
    pub fn parts(&self, table: &str) -> &[PathBuf] {
        self.parts.get(table).map_or(&[], Vec::as_slice)
    }

    /// The run that published last, or `None` for a new dataset.
    #[must_use]
    pub fn last_run(&self) -> Option<&PastRun> {
        self.last_run.as_ref()
    }

    /// The `doc_id` and `content_hash` of every stored document.
    ///
    /// # Errors
    ///
    /// Fails when a `documents` part cannot be read.
    pub fn known_documents(&self) -> Result<KnownDocuments, SinkError> {
        let mut documents = Vec::new();
        for part in self.parts("documents") {
            for batch in read_part(part, Some(&["doc_id", "content_hash"]))? {
                let batch = batch?;
                let ids = strings(&batch, "doc_id", part)?;
                let contents = strings(&batch, "content_hash", part)?;
                documents.extend(
                    (0..batch.num_rows()).map(|row| hashed(ids.value(row), contents.value(row))),
                );
            }
        }
        Ok(KnownDocuments::from_hashed(documents))
    }

    /// The stored documents, in batches, as the pipeline takes them: what a
    /// run extracts again when the dictionary changed.
    ///
    /// # Errors
    ///
    /// Each batch fails when its part cannot be read.
    pub fn stored_documents(&self) -> impl Iterator<Item = Result<Vec<Document>, SinkError>> + '_ {
        self.parts("documents").iter().flat_map(|part| {
            let batches: Box<dyn Iterator<Item = Result<RecordBatch, SinkError>>> =
                match read_part(part, None) {
                    Ok(batches) => Box::new(batches),
                    Err(error) => Box::new(std::iter::once(Err(error))),
                };
            batches.map(move |batch| documents_of(&batch?, part))
        })
    }

    /// Every row of `errors`, to add only the errors the dataset lacks.
    ///
    /// # Errors
    ///
    /// Fails when an `errors` part cannot be read.
    pub fn error_keys(&self) -> Result<HashSet<ErrorKey>, SinkError> {
        let mut keys = HashSet::new();
        for part in self.parts("errors") {
            for batch in read_part(part, Some(&["source", "line", "level", "message"]))? {
                let batch = batch?;
                let (source, level) =
                    (strings(&batch, "source", part)?, strings(&batch, "level", part)?);
                let message = strings(&batch, "message", part)?;
                let line = int64s(&batch, "line", part)?;
                for row in 0..batch.num_rows() {
                    let line = (!line.is_null(row)).then(|| line.value(row));
                    keys.insert((
                        source.value(row).to_owned(),
                        line,
                        level.value(row).to_owned(),
                        message.value(row).to_owned(),
                    ));
                }
            }
        }
        Ok(keys)
    }
}

/// The key of an error row, as [`Dataset::error_keys`] gives them.
#[must_use]
pub fn error_key(error: &ErrorRow) -> ErrorKey {
    let level = error.level.as_str().to_owned();
    (error.source.clone(), error.line.map(i64::from), level, error.message.clone())
}

/// The `part-*.parquet` files of a table folder, in name order.
fn part_files(dir: &Path) -> Result<Vec<PathBuf>, SinkError> {
    let mut parts = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(super::io_error(dir))? {
        let path = entry.map_err(super::io_error(dir))?.path();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if name.starts_with("part-") && name.ends_with(".parquet") {
            parts.push(path);
        }
    }
    parts.sort();
    Ok(parts)
}

/// Refuses a part written by another schema version.
fn check_version(part: &Path) -> Result<(), SinkError> {
    let file = File::open(part).map_err(super::io_error(part))?;
    let builder = ParquetRecordBatchReaderBuilder::try_new(file)
        .map_err(|source| SinkError::Read { path: part.to_path_buf(), source })?;
    let version = builder
        .metadata()
        .file_metadata()
        .key_value_metadata()
        .and_then(|kv| kv.iter().find(|kv| kv.key == "gazette.schema_version"))
        .and_then(|kv| kv.value.clone())
        .unwrap_or_default();
    if version == SCHEMA_VERSION {
        Ok(())
    } else {
        Err(SinkError::OtherVersion { path: part.to_path_buf(), version })
    }
}

/// The record batches of one part file, with only `columns` when given.
///
/// # Errors
///
/// Fails when the file cannot be opened or is not Parquet; each batch fails
/// when its data cannot be decoded.
pub fn read_part(
    part: &Path,
    columns: Option<&[&str]>,
) -> Result<impl Iterator<Item = Result<RecordBatch, SinkError>> + use<>, SinkError> {
    let read_error = |source| SinkError::Read { path: part.to_path_buf(), source };
    let file = File::open(part).map_err(super::io_error(part))?;
    let mut builder = ParquetRecordBatchReaderBuilder::try_new(file).map_err(read_error)?;
    if let Some(columns) = columns {
        let mask = ProjectionMask::columns(builder.parquet_schema(), columns.iter().copied());
        builder = builder.with_projection(mask);
    }
    let reader = builder.build().map_err(read_error)?;
    let part = part.to_path_buf();
    Ok(reader.map(move |batch| {
        batch.map_err(|e| SinkError::Read { path: part.clone(), source: e.into() })
    }))
}

fn column<'a>(batch: &'a RecordBatch, name: &str, part: &Path) -> Result<&'a dyn Array, SinkError> {
    batch.column_by_name(name).map(AsRef::as_ref).ok_or_else(|| SinkError::Malformed {
        path: part.to_path_buf(),
        what: format!("no column `{name}`"),
    })
}

fn strings<'a>(
    batch: &'a RecordBatch,
    name: &str,
    part: &Path,
) -> Result<&'a StringArray, SinkError> {
    column(batch, name, part)?.as_string_opt::<i32>().ok_or_else(|| SinkError::Malformed {
        path: part.to_path_buf(),
        what: format!("column `{name}` is not a string column"),
    })
}

fn int64s<'a>(
    batch: &'a RecordBatch,
    name: &str,
    part: &Path,
) -> Result<&'a Int64Array, SinkError> {
    column(batch, name, part)?.as_primitive_opt::<Int64Type>().ok_or_else(|| SinkError::Malformed {
        path: part.to_path_buf(),
        what: format!("column `{name}` is not int64"),
    })
}

/// The documents of a batch of the `documents` table.
fn documents_of(batch: &RecordBatch, part: &Path) -> Result<Vec<Document>, SinkError> {
    let (ids, sources) = (strings(batch, "doc_id", part)?, strings(batch, "source", part)?);
    let (titles, urls) = (strings(batch, "title", part)?, strings(batch, "url", part)?);
    let (texts, hashes) = (strings(batch, "text", part)?, strings(batch, "content_hash", part)?);
    let boilerplate = int64s(batch, "boilerplate_chars", part)?;
    let published = column(batch, "published", part)?
        .as_any()
        .downcast_ref::<Date32Array>()
        .ok_or_else(|| SinkError::Malformed {
            path: part.to_path_buf(),
            what: "column `published` is not date32".to_owned(),
        })?;
    let optional =
        |array: &StringArray, row| (!array.is_null(row)).then(|| array.value(row).to_owned());
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid epoch");
    Ok((0..batch.num_rows())
        .map(|row| Document {
            id: ids.value(row).to_owned(),
            // The column holds the origin as written: `path` or `path:line`.
            source: Origin { path: sources.value(row).to_owned(), line: None },
            title: optional(titles, row),
            url: optional(urls, row),
            published: (!published.is_null(row))
                .then(|| epoch + chrono::TimeDelta::days(i64::from(published.value(row)))),
            text: texts.value(row).to_owned(),
            boilerplate_chars: u64::try_from(boilerplate.value(row)).unwrap_or(0),
            content_hash: hashes.value(row).to_owned(),
            warnings: Vec::new(),
        })
        .collect())
}
