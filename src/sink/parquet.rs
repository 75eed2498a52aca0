//! Writing the tables as Parquet files, atomically.
//!
//! All tables of a run are written into a hidden staging directory inside the
//! output directory; [`ParquetSink::finish`] closes them and renames each into
//! place. A run that fails or is interrupted never replaces a previous table
//! with a partial one.

use std::fs::File;
use std::path::{Path, PathBuf};

use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;
use parquet::schema::types::ColumnPath;

use super::lock::OutputLock;
use super::tables::{
    DocumentsBuilder, EntitiesBuilder, ErrorsBuilder, FiguresBuilder, MentionsBuilder,
    SentencesBuilder, TableBuilder,
};
use super::{SCHEMA_VERSION, SinkError};
use crate::model::{DocOutput, Entity, ErrorRow};

/// Start of a staging directory's name; the writing process's id follows.
const STAGING_PREFIX: &str = ".gazette-staging-";

/// Rows buffered in a builder before they are handed to the Parquet writer.
const BATCH_ROWS: usize = 8 * 1024;
/// String bytes buffered in a builder before they are handed to the Parquet
/// writer: bounds memory whatever the documents' size, and keeps every batch
/// far below the 2 GiB offsets of Arrow's `Utf8`.
const BATCH_BYTES: usize = 32 * 1024 * 1024;
/// Largest row group, in rows.
const ROW_GROUP_ROWS: usize = 256 * 1024;
/// Largest row group, in estimated encoded bytes: bounds the writer's memory.
const ROW_GROUP_BYTES: usize = 64 * 1024 * 1024;
/// Dictionary page limit, raised so that columns such as `doc_id` stay
/// dictionary-encoded across many documents.
const DICTIONARY_PAGE_BYTES: usize = 8 * 1024 * 1024;

/// Number of rows written per table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RowCounts {
    /// Rows of `documents`.
    pub documents: u64,
    /// Rows of `sentences`.
    pub sentences: u64,
    /// Rows of `entities`.
    pub entities: u64,
    /// Rows of `mentions`.
    pub mentions: u64,
    /// Rows of `figures`.
    pub figures: u64,
    /// Rows of `errors`.
    pub errors: u64,
}

/// One table being written to its staging file.
struct TableFile<B: TableBuilder> {
    path: PathBuf,
    writer: ArrowWriter<File>,
    builder: B,
    rows: u64,
}

impl<B: TableBuilder> TableFile<B> {
    fn create(staging: &Path, run_id: &str) -> Result<Self, SinkError> {
        let path = staging.join(format!("{}.parquet", B::NAME));
        let file =
            File::create(&path).map_err(|e| SinkError::Io { path: path.clone(), source: e })?;
        let writer = ArrowWriter::try_new(file, B::schema(), Some(properties::<B>(run_id)))
            .map_err(|e| SinkError::Parquet { path: path.clone(), source: e })?;
        Ok(TableFile { path, writer, builder: B::default(), rows: 0 })
    }

    /// Hands the buffered rows to the writer once enough have gathered.
    fn maybe_flush(&mut self) -> Result<(), SinkError> {
        let full = self.builder.buffered_rows() >= BATCH_ROWS
            || self.builder.buffered_bytes() >= BATCH_BYTES;
        if full { self.flush() } else { Ok(()) }
    }

    fn flush(&mut self) -> Result<(), SinkError> {
        if self.builder.buffered_rows() == 0 {
            return Ok(());
        }
        let batch = self.builder.finish();
        self.rows += batch.num_rows() as u64;
        self.writer
            .write(&batch)
            .map_err(|e| SinkError::Parquet { path: self.path.clone(), source: e })
    }

    /// Writes the footer and flushes the file to disk.
    fn close(mut self) -> Result<(PathBuf, u64), SinkError> {
        self.flush()?;
        self.writer
            .close()
            .map_err(|e| SinkError::Parquet { path: self.path.clone(), source: e })?;
        sync(&self.path)?;
        Ok((self.path, self.rows))
    }
}

fn properties<B: TableBuilder>(run_id: &str) -> WriterProperties {
    let mut props = WriterProperties::builder()
        .set_compression(Compression::ZSTD(ZstdLevel::try_new(1).expect("valid zstd level")))
        .set_dictionary_enabled(false)
        .set_dictionary_page_size_limit(DICTIONARY_PAGE_BYTES)
        .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
        .set_max_row_group_bytes(Some(ROW_GROUP_BYTES))
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

/// Writes the tables of one run into an output directory.
pub struct ParquetSink {
    out_dir: PathBuf,
    staging: PathBuf,
    /// `None` once finished.
    tables: Option<Tables>,
}

struct Tables {
    documents: TableFile<DocumentsBuilder>,
    sentences: TableFile<SentencesBuilder>,
    entities: TableFile<EntitiesBuilder>,
    mentions: TableFile<MentionsBuilder>,
    figures: TableFile<FiguresBuilder>,
    errors: TableFile<ErrorsBuilder>,
}

impl Tables {
    fn create(staging: &Path, run_id: &str) -> Result<Self, SinkError> {
        Ok(Tables {
            documents: TableFile::create(staging, run_id)?,
            sentences: TableFile::create(staging, run_id)?,
            entities: TableFile::create(staging, run_id)?,
            mentions: TableFile::create(staging, run_id)?,
            figures: TableFile::create(staging, run_id)?,
            errors: TableFile::create(staging, run_id)?,
        })
    }

    /// Closes every file; returns the staged paths and row counts.
    fn close(self) -> Result<([PathBuf; 6], RowCounts), SinkError> {
        let (documents, n_documents) = self.documents.close()?;
        let (sentences, n_sentences) = self.sentences.close()?;
        let (entities, n_entities) = self.entities.close()?;
        let (mentions, n_mentions) = self.mentions.close()?;
        let (figures, n_figures) = self.figures.close()?;
        let (errors, n_errors) = self.errors.close()?;
        let counts = RowCounts {
            documents: n_documents,
            sentences: n_sentences,
            entities: n_entities,
            mentions: n_mentions,
            figures: n_figures,
            errors: n_errors,
        };
        Ok(([documents, sentences, entities, mentions, figures, errors], counts))
    }
}

impl ParquetSink {
    /// Opens the staging files in the locked output directory, after
    /// removing the staging directories that earlier runs left: with the
    /// lock held, no other run can be using one.
    ///
    /// # Errors
    ///
    /// Fails when the staging directory or a file cannot be created.
    pub fn create(lock: &OutputLock, run_id: &str) -> Result<Self, SinkError> {
        let out_dir = lock.out_dir();
        remove_abandoned_staging(out_dir);
        let staging = out_dir.join(format!("{STAGING_PREFIX}{}-{run_id}", std::process::id()));
        std::fs::create_dir(&staging)
            .map_err(|source| SinkError::Io { path: staging.clone(), source })?;
        let mut sink = ParquetSink { out_dir: out_dir.to_path_buf(), staging, tables: None };
        sink.tables = Some(Tables::create(&sink.staging, run_id)?);
        Ok(sink)
    }

    fn tables(&mut self) -> &mut Tables {
        self.tables.as_mut().expect("sink used after finish")
    }

    /// Appends the rows of one processed document.
    ///
    /// # Errors
    ///
    /// Fails when a table cannot be written.
    pub fn write_document(&mut self, out: &DocOutput) -> Result<(), SinkError> {
        let t = self.tables();
        t.documents.builder.append(out);
        t.sentences.builder.append(out);
        t.mentions.builder.append(out);
        t.figures.builder.append(out);
        t.documents.maybe_flush()?;
        t.sentences.maybe_flush()?;
        t.mentions.maybe_flush()?;
        t.figures.maybe_flush()
    }

    /// Appends one row to the `errors` table.
    ///
    /// # Errors
    ///
    /// Fails when the table cannot be written.
    pub fn write_error(&mut self, error: &ErrorRow) -> Result<(), SinkError> {
        let t = self.tables();
        t.errors.builder.append(error);
        t.errors.maybe_flush()
    }

    /// Writes the dictionary to the `entities` table.
    ///
    /// # Errors
    ///
    /// Fails when the table cannot be written.
    pub fn write_entities(&mut self, entities: &[Entity]) -> Result<(), SinkError> {
        let t = self.tables();
        for entity in entities {
            t.entities.builder.append(entity);
            t.entities.maybe_flush()?;
        }
        Ok(())
    }

    /// Closes every table and moves it into the output directory, replacing
    /// the tables of an earlier run.
    ///
    /// # Errors
    ///
    /// Fails when a table cannot be completed or renamed. Tables of earlier
    /// runs are left as they were when any table fails to close.
    pub fn finish(mut self) -> Result<RowCounts, SinkError> {
        let tables = self.tables.take().expect("sink finished once");
        let (paths, counts) = tables.close()?;
        sync(&self.staging)?;
        for path in &paths {
            let target = self.out_dir.join(path.file_name().expect("table file name"));
            std::fs::rename(path, &target)
                .map_err(|source| SinkError::Io { path: target.clone(), source })?;
        }
        sync(&self.out_dir)?;
        Ok(counts)
    }
}

/// Removes the staging directories that killed runs left in `out_dir`. Only
/// called with the directory's lock held; a directory that cannot be
/// removed is left alone.
fn remove_abandoned_staging(out_dir: &Path) {
    let Ok(entries) = std::fs::read_dir(out_dir) else { return };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(STAGING_PREFIX) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Flushes a file or directory to disk, so that a rename that publishes it
/// never points at data a crash can still lose.
fn sync(path: &Path) -> Result<(), SinkError> {
    File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(|source| SinkError::Io { path: path.to_path_buf(), source })
}

impl Drop for ParquetSink {
    /// Removes the staging directory, with any unfinished tables in it.
    fn drop(&mut self) {
        drop(self.tables.take());
        let _ = std::fs::remove_dir_all(&self.staging);
    }
}
