//! Writing one table of a run as Parquet part files in the table's folder.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::RecordBatch;
use parquet::arrow::ArrowWriter;
use parquet::arrow::arrow_writer::ArrowWriterOptions;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;
use parquet::schema::types::ColumnPath;

use super::spill::SpillToFile;
use super::tables::TableBuilder;
use super::{SCHEMA_VERSION, SinkError, io_error, sync};

/// Longest minimum or maximum kept in a column's statistics: a document's
/// whole text as the maximum of a row group would bloat every file footer
/// and the writer's memory until the file is closed.
const STATISTICS_VALUE_BYTES: usize = 64;

/// Rows buffered in a builder before they are handed to the Parquet writer.
const BATCH_ROWS: usize = 8 * 1024;
/// String bytes buffered in a builder before they are handed to the Parquet
/// writer: bounds memory whatever the documents' size, and keeps every batch
/// far below the 2 GiB offsets of Arrow's `Utf8`.
pub(super) const BATCH_BYTES: usize = 8 * 1024 * 1024;
/// Largest row group, in rows.
const ROW_GROUP_ROWS: usize = 256 * 1024;
/// Largest row group, in estimated encoded bytes: bounds the writer's memory.
const ROW_GROUP_BYTES: usize = 16 * 1024 * 1024;
/// Dictionary page limit, raised so that columns such as `doc_id` stay
/// dictionary-encoded across many documents.
const DICTIONARY_PAGE_BYTES: usize = 8 * 1024 * 1024;
/// Encoded size at which a part file is closed and the next one begun, so
/// that engines reading in parallel get files of a useful size.
pub(super) const PART_BYTES: usize = 512 * 1024 * 1024;

/// How a table's part files are named.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Naming {
    /// `part-<run_id>-<n>.parquet`, a new part every [`PART_BYTES`].
    Numbered,
    /// `part-<run_id>.parquet`: one file per run (`entities`, `runs`).
    Single,
}

/// The rows one run writes to one table: a builder, and the part files it
/// flushes into.
pub(super) struct PartWriter<B: TableBuilder> {
    dir: PathBuf,
    run_id: String,
    naming: Naming,
    /// Written between the run id and the part number of numbered parts
    /// (`part-<run_id>-<label>-<n>.parquet`), when several processes write
    /// parts of one run.
    label: Option<String>,
    builder: B,
    current: Option<(PathBuf, ArrowWriter<File>)>,
    written: Vec<PathBuf>,
}

impl<B: TableBuilder> PartWriter<B> {
    /// A writer of parts into `dir`, which exists; no file is created
    /// before the first rows.
    pub(super) fn new(dir: &Path, run_id: &str, naming: Naming) -> Self {
        PartWriter {
            dir: dir.to_path_buf(),
            run_id: run_id.to_owned(),
            naming,
            label: None,
            builder: B::new(run_id),
            current: None,
            written: Vec::new(),
        }
    }

    /// A writer of numbered parts named `part-<run_id>-<label>-<n>.parquet`.
    pub(super) fn labeled(dir: &Path, run_id: &str, label: &str) -> Self {
        PartWriter { label: Some(label.to_owned()), ..Self::new(dir, run_id, Naming::Numbered) }
    }

    /// The builder that rows are appended to.
    pub(super) fn builder(&mut self) -> &mut B {
        &mut self.builder
    }

    /// Hands the buffered rows to the writer once enough have gathered.
    pub(super) fn maybe_flush(&mut self) -> Result<(), SinkError> {
        let full = self.builder.buffered_rows() >= BATCH_ROWS
            || self.builder.buffered_bytes() >= BATCH_BYTES;
        if full { self.flush() } else { Ok(()) }
    }

    fn flush(&mut self) -> Result<(), SinkError> {
        if self.builder.buffered_rows() == 0 {
            return Ok(());
        }
        let batch = self.builder.finish();
        self.write_rows(&batch)
    }

    /// Writes a batch of this table's schema after the buffered rows: rows
    /// carried over from earlier part files.
    pub(super) fn write_batch(&mut self, batch: &RecordBatch) -> Result<(), SinkError> {
        self.flush()?;
        self.write_rows(batch)
    }

    fn write_rows(&mut self, batch: &RecordBatch) -> Result<(), SinkError> {
        if batch.num_rows() == 0 {
            return Ok(());
        }
        let part_full = self.current.as_ref().is_some_and(|(_, writer)| {
            self.naming == Naming::Numbered
                && writer.bytes_written() + writer.in_progress_size() >= PART_BYTES
        });
        if part_full {
            self.close_part()?;
        }
        if self.current.is_none() {
            self.current = Some(self.open_part()?);
        }
        let (path, writer) = self.current.as_mut().expect("a part is open");
        writer.write(batch).map_err(|source| SinkError::Parquet { path: path.clone(), source })
    }

    fn open_part(&self) -> Result<(PathBuf, ArrowWriter<File>), SinkError> {
        let name = match (self.naming, &self.label) {
            (Naming::Numbered, Some(label)) => {
                format!("part-{}-{label}-{}.parquet", self.run_id, self.written.len())
            }
            (Naming::Numbered, None) => {
                format!("part-{}-{}.parquet", self.run_id, self.written.len())
            }
            (Naming::Single, _) => format!("part-{}.parquet", self.run_id),
        };
        let path = self.dir.join(name);
        let file = File::create(&path).map_err(io_error(&path))?;
        let options = ArrowWriterOptions::new()
            .with_properties(properties::<B>(&self.run_id))
            .with_page_store_factory(Arc::new(SpillToFile::new(self.dir.clone())));
        let writer = ArrowWriter::try_new_with_options(file, B::schema(), options)
            .map_err(|source| SinkError::Parquet { path: path.clone(), source })?;
        Ok((path, writer))
    }

    /// Writes the open part's footer and flushes it to disk.
    fn close_part(&mut self) -> Result<(), SinkError> {
        let Some((path, writer)) = self.current.take() else { return Ok(()) };
        writer.close().map_err(|source| SinkError::Parquet { path: path.clone(), source })?;
        sync(&path)?;
        self.written.push(path);
        Ok(())
    }

    /// Writes the last rows and closes the part files. With `ensure_one`,
    /// a table that received no row still gets one empty part, so that its
    /// folder always carries its schema for readers.
    pub(super) fn close(mut self, ensure_one: bool) -> Result<Vec<PathBuf>, SinkError> {
        self.flush()?;
        if ensure_one && self.written.is_empty() && self.current.is_none() && !self.has_parts()? {
            self.current = Some(self.open_part()?);
        }
        self.close_part()?;
        Ok(self.written)
    }
}

impl<B: TableBuilder> PartWriter<B> {
    /// Whether the folder already holds part files: written by other
    /// processes, for a run whose rows they extract.
    fn has_parts(&self) -> Result<bool, SinkError> {
        let entries = std::fs::read_dir(&self.dir).map_err(io_error(&self.dir))?;
        Ok(entries.flatten().any(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.starts_with("part-") && name.ends_with(".parquet")
        }))
    }
}

/// Writes batches of table `B` as the part files of one writer of a run
/// (`part-<run_id>-<label>-<n>.parquet` in `dir`), each first under a
/// hidden name and renamed once complete, so that a reader or a retried
/// writer never sees half a file. Returns the files written; none without
/// rows.
pub(super) fn write_labeled<B: TableBuilder>(
    dir: &Path,
    run_id: &str,
    label: &str,
    batches: &[RecordBatch],
) -> Result<Vec<PathBuf>, SinkError> {
    std::fs::create_dir_all(dir).map_err(io_error(dir))?;
    let scratch = tempfile::Builder::new()
        .prefix(&format!(".writing-{label}-"))
        .tempdir_in(dir)
        .map_err(io_error(dir))?;
    let mut writer = PartWriter::<B>::labeled(scratch.path(), run_id, label);
    for batch in batches {
        writer.write_batch(&conform::<B>(batch, dir)?)?;
    }
    let mut written = Vec::new();
    for part in writer.close(false)? {
        let target = dir.join(part.file_name().expect("a part file name"));
        std::fs::rename(&part, &target).map_err(io_error(&target))?;
        written.push(target);
    }
    Ok(written)
}

/// A batch read from an earlier part file of table `B`, with `B`'s schema,
/// as the writer requires.
pub(super) fn conform<B: TableBuilder>(
    batch: &RecordBatch,
    part: &Path,
) -> Result<RecordBatch, SinkError> {
    RecordBatch::try_new(B::schema(), batch.columns().to_vec()).map_err(|e| SinkError::Malformed {
        path: part.to_path_buf(),
        what: format!("not the schema of `{}`: {e}", B::NAME),
    })
}

fn properties<B: TableBuilder>(run_id: &str) -> WriterProperties {
    let mut props = WriterProperties::builder()
        .set_compression(Compression::ZSTD(ZstdLevel::try_new(1).expect("valid zstd level")))
        .set_dictionary_enabled(false)
        .set_dictionary_page_size_limit(DICTIONARY_PAGE_BYTES)
        .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
        .set_max_row_group_bytes(Some(ROW_GROUP_BYTES))
        .set_statistics_truncate_length(Some(STATISTICS_VALUE_BYTES))
        .set_created_by(format!("gazette {}", env!("CARGO_PKG_VERSION")))
        .set_key_value_metadata(Some(vec![
            KeyValue::new("gazette.schema_version".to_owned(), SCHEMA_VERSION.to_owned()),
            KeyValue::new("gazette.run_id".to_owned(), run_id.to_owned()),
        ]));
    for column in B::DICTIONARY_COLUMNS {
        props = props.set_column_dictionary_enabled(ColumnPath::from(*column), true);
    }
    props.build()
}
