//! The tables of a dataset: their Arrow schemas and row builders.
//!
//! Each builder appends rows of `crate::model` types and turns them into a
//! `RecordBatch` matching its schema exactly. Integers are `Int64`
//! everywhere, so that arithmetic on offsets never wraps in a reader.

use std::sync::Arc;

use arrow_array::builder::{
    ArrayBuilder, Date32Builder, Float64Builder, Int64Builder, ListBuilder, StringBuilder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use chrono::NaiveDate;

use crate::model::{DocOutput, Entity, EntityOrigin, ErrorRow};

/// A builder of one table's record batches.
pub trait TableBuilder {
    /// File stem of the table, e.g. `mentions`.
    const NAME: &'static str;
    /// Columns written with Parquet dictionary encoding.
    const DICTIONARY_COLUMNS: &'static [&'static str];
    /// The table's Arrow schema.
    fn schema() -> SchemaRef;
    /// An empty builder for the rows of run `run_id`.
    fn new(run_id: &str) -> Self;
    /// Rows appended since the last batch.
    fn buffered_rows(&self) -> usize;
    /// Bytes of the string columns appended since the last batch: what
    /// grows with the documents' size.
    fn buffered_bytes(&self) -> usize;
    /// Takes the appended rows as a batch and resets the builder.
    fn finish(&mut self) -> RecordBatch;
}

fn field(name: &str, data_type: DataType, nullable: bool) -> Field {
    Field::new(name, data_type, nullable)
}

fn string(name: &str) -> Field {
    field(name, DataType::Utf8, false)
}

fn nullable_string(name: &str) -> Field {
    field(name, DataType::Utf8, true)
}

fn int64(name: &str) -> Field {
    field(name, DataType::Int64, false)
}

/// A count or offset as the tables' `Int64`.
fn i64_of(value: impl TryInto<i64>) -> i64 {
    value.try_into().unwrap_or(i64::MAX)
}

fn string_bytes(columns: &[&StringBuilder]) -> usize {
    columns.iter().map(|c| c.values_slice().len()).sum()
}

fn batch(schema: SchemaRef, columns: Vec<ArrayRef>) -> RecordBatch {
    RecordBatch::try_new(schema, columns).expect("builders match their schema")
}

/// Days since 1970-01-01, the Arrow `date32` representation.
fn days(date: NaiveDate) -> i32 {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid epoch");
    i32::try_from((date - epoch).num_days()).expect("date within the date32 range")
}

/// Rows of the `documents` table.
#[derive(Default)]
pub struct DocumentsBuilder {
    doc_id: StringBuilder,
    source: StringBuilder,
    title: StringBuilder,
    url: StringBuilder,
    lang: StringBuilder,
    published: Date32Builder,
    text: StringBuilder,
    n_chars: Int64Builder,
    n_sentences: Int64Builder,
    boilerplate_chars: Int64Builder,
    content_hash: StringBuilder,
    run_id: String,
    run_ids: StringBuilder,
}

impl DocumentsBuilder {
    /// Appends the document row of `out`.
    pub fn append(&mut self, out: &DocOutput) {
        let d = &out.document;
        self.doc_id.append_value(&d.doc_id);
        self.source.append_value(d.source.to_string());
        self.title.append_option(d.title.as_deref());
        self.url.append_option(d.url.as_deref());
        self.lang.append_value(d.lang.as_str());
        self.published.append_option(d.published.map(days));
        self.text.append_value(&d.text);
        self.n_chars.append_value(i64::from(d.n_chars));
        self.n_sentences.append_value(i64::from(d.n_sentences));
        self.boilerplate_chars.append_value(i64_of(d.boilerplate_chars));
        self.content_hash.append_value(&d.content_hash);
        self.run_ids.append_value(&self.run_id);
    }
}

impl TableBuilder for DocumentsBuilder {
    const NAME: &'static str = "documents";
    const DICTIONARY_COLUMNS: &'static [&'static str] = &["lang", "run_id"];

    fn schema() -> SchemaRef {
        Arc::new(Schema::new(vec![
            string("doc_id"),
            string("source"),
            nullable_string("title"),
            nullable_string("url"),
            string("lang"),
            field("published", DataType::Date32, true),
            string("text"),
            int64("n_chars"),
            int64("n_sentences"),
            int64("boilerplate_chars"),
            string("content_hash"),
            string("run_id"),
        ]))
    }

    fn new(run_id: &str) -> Self {
        Self { run_id: run_id.to_owned(), ..Self::default() }
    }

    fn buffered_rows(&self) -> usize {
        self.doc_id.len()
    }

    fn buffered_bytes(&self) -> usize {
        string_bytes(&[&self.doc_id, &self.source, &self.title, &self.url, &self.text])
    }

    fn finish(&mut self) -> RecordBatch {
        batch(
            Self::schema(),
            vec![
                Arc::new(self.doc_id.finish()),
                Arc::new(self.source.finish()),
                Arc::new(self.title.finish()),
                Arc::new(self.url.finish()),
                Arc::new(self.lang.finish()),
                Arc::new(self.published.finish()),
                Arc::new(self.text.finish()),
                Arc::new(self.n_chars.finish()),
                Arc::new(self.n_sentences.finish()),
                Arc::new(self.boilerplate_chars.finish()),
                Arc::new(self.content_hash.finish()),
                Arc::new(self.run_ids.finish()),
            ],
        )
    }
}

/// Rows of the `sentences` table.
#[derive(Default)]
pub struct SentencesBuilder {
    doc_id: StringBuilder,
    sentence_id: Int64Builder,
    start: Int64Builder,
    end: Int64Builder,
    lang: StringBuilder,
    text: StringBuilder,
}

impl SentencesBuilder {
    /// Appends the sentence rows of `out`.
    pub fn append(&mut self, out: &DocOutput) {
        for s in &out.sentences {
            self.doc_id.append_value(&out.document.doc_id);
            self.sentence_id.append_value(i64::from(s.sentence_id));
            self.start.append_value(i64::from(s.start));
            self.end.append_value(i64::from(s.end));
            self.lang.append_value(s.lang.as_str());
            self.text.append_value(&s.text);
        }
    }
}

impl TableBuilder for SentencesBuilder {
    const NAME: &'static str = "sentences";
    const DICTIONARY_COLUMNS: &'static [&'static str] = &["doc_id", "lang"];

    fn schema() -> SchemaRef {
        Arc::new(Schema::new(vec![
            string("doc_id"),
            int64("sentence_id"),
            int64("start"),
            int64("end"),
            string("lang"),
            string("text"),
        ]))
    }

    fn new(_run_id: &str) -> Self {
        Self::default()
    }

    fn buffered_rows(&self) -> usize {
        self.doc_id.len()
    }

    fn buffered_bytes(&self) -> usize {
        string_bytes(&[&self.doc_id, &self.text])
    }

    fn finish(&mut self) -> RecordBatch {
        batch(
            Self::schema(),
            vec![
                Arc::new(self.doc_id.finish()),
                Arc::new(self.sentence_id.finish()),
                Arc::new(self.start.finish()),
                Arc::new(self.end.finish()),
                Arc::new(self.lang.finish()),
                Arc::new(self.text.finish()),
            ],
        )
    }
}

/// Rows of the `entities` table.
#[derive(Default)]
pub struct EntitiesBuilder {
    entity_id: StringBuilder,
    entity_type: StringBuilder,
    canonical: StringBuilder,
    name_ko: StringBuilder,
    name_ja: StringBuilder,
    name_zh: StringBuilder,
    aliases: ListBuilder<StringBuilder>,
    country: StringBuilder,
    origin: StringBuilder,
}

impl EntitiesBuilder {
    /// Appends one entity, found as `origin` says.
    pub fn append(&mut self, e: &Entity, origin: EntityOrigin) {
        self.entity_id.append_value(&e.id);
        self.entity_type.append_value(e.entity_type.as_str());
        self.canonical.append_value(&e.canonical);
        self.name_ko.append_option(e.name_ko.as_deref());
        self.name_ja.append_option(e.name_ja.as_deref());
        self.name_zh.append_option(e.name_zh.as_deref());
        for alias in &e.aliases {
            self.aliases.values().append_value(alias);
        }
        self.aliases.append(true);
        self.country.append_option(e.country.as_deref());
        self.origin.append_value(origin.as_str());
    }
}

impl TableBuilder for EntitiesBuilder {
    const NAME: &'static str = "entities";
    const DICTIONARY_COLUMNS: &'static [&'static str] = &["entity_type", "country", "origin"];

    fn schema() -> SchemaRef {
        let item = Arc::new(field("item", DataType::Utf8, true));
        Arc::new(Schema::new(vec![
            string("entity_id"),
            string("entity_type"),
            string("canonical"),
            nullable_string("name_ko"),
            nullable_string("name_ja"),
            nullable_string("name_zh"),
            field("aliases", DataType::List(item), false),
            nullable_string("country"),
            string("origin"),
        ]))
    }

    fn new(_run_id: &str) -> Self {
        Self::default()
    }

    fn buffered_rows(&self) -> usize {
        self.entity_id.len()
    }

    fn buffered_bytes(&self) -> usize {
        string_bytes(&[&self.entity_id, &self.canonical, self.aliases.values_ref()])
    }

    fn finish(&mut self) -> RecordBatch {
        batch(
            Self::schema(),
            vec![
                Arc::new(self.entity_id.finish()),
                Arc::new(self.entity_type.finish()),
                Arc::new(self.canonical.finish()),
                Arc::new(self.name_ko.finish()),
                Arc::new(self.name_ja.finish()),
                Arc::new(self.name_zh.finish()),
                Arc::new(self.aliases.finish()),
                Arc::new(self.country.finish()),
                Arc::new(self.origin.finish()),
            ],
        )
    }
}

/// Rows of the `mentions` table.
#[derive(Default)]
pub struct MentionsBuilder {
    doc_id: StringBuilder,
    sentence_id: Int64Builder,
    start: Int64Builder,
    end: Int64Builder,
    surface: StringBuilder,
    entity_id: StringBuilder,
    entity_type: StringBuilder,
    method: StringBuilder,
}

impl MentionsBuilder {
    /// Appends the mention rows of `out`.
    pub fn append(&mut self, out: &DocOutput) {
        for m in &out.mentions {
            self.doc_id.append_value(&out.document.doc_id);
            self.sentence_id.append_value(i64::from(m.sentence_id));
            self.start.append_value(i64::from(m.start));
            self.end.append_value(i64::from(m.end));
            self.surface.append_value(&m.surface);
            self.entity_id.append_value(&m.entity_id);
            self.entity_type.append_value(m.entity_type.as_str());
            self.method.append_value(m.source.as_str());
        }
    }
}

impl TableBuilder for MentionsBuilder {
    const NAME: &'static str = "mentions";
    const DICTIONARY_COLUMNS: &'static [&'static str] =
        &["doc_id", "surface", "entity_id", "entity_type", "method"];

    fn schema() -> SchemaRef {
        Arc::new(Schema::new(vec![
            string("doc_id"),
            int64("sentence_id"),
            int64("start"),
            int64("end"),
            string("surface"),
            string("entity_id"),
            string("entity_type"),
            string("method"),
        ]))
    }

    fn new(_run_id: &str) -> Self {
        Self::default()
    }

    fn buffered_rows(&self) -> usize {
        self.doc_id.len()
    }

    fn buffered_bytes(&self) -> usize {
        string_bytes(&[&self.doc_id, &self.surface, &self.entity_id])
    }

    fn finish(&mut self) -> RecordBatch {
        batch(
            Self::schema(),
            vec![
                Arc::new(self.doc_id.finish()),
                Arc::new(self.sentence_id.finish()),
                Arc::new(self.start.finish()),
                Arc::new(self.end.finish()),
                Arc::new(self.surface.finish()),
                Arc::new(self.entity_id.finish()),
                Arc::new(self.entity_type.finish()),
                Arc::new(self.method.finish()),
            ],
        )
    }
}

/// Rows of the `figures` table.
#[derive(Default)]
pub struct FiguresBuilder {
    doc_id: StringBuilder,
    sentence_id: Int64Builder,
    start: Int64Builder,
    end: Int64Builder,
    surface: StringBuilder,
    kind: StringBuilder,
    value: Float64Builder,
    value_max: Float64Builder,
    unit: StringBuilder,
    date: Date32Builder,
    subject: StringBuilder,
    entity_id: StringBuilder,
}

impl FiguresBuilder {
    /// Appends the figure rows of `out`.
    pub fn append(&mut self, out: &DocOutput) {
        for row in &out.figures {
            let f = &row.figure;
            self.doc_id.append_value(&out.document.doc_id);
            self.sentence_id.append_value(i64::from(row.sentence_id));
            self.start.append_value(i64::from(row.start));
            self.end.append_value(i64::from(row.end));
            self.surface.append_value(&row.surface);
            self.kind.append_value(f.kind.as_str());
            self.value.append_option(f.value);
            self.value_max.append_option(f.value_max);
            self.unit.append_option(f.unit.as_deref());
            self.date.append_option(f.date.map(days));
            self.subject.append_option(f.subject.as_deref());
            self.entity_id.append_option(row.entity_id.as_deref());
        }
    }
}

impl TableBuilder for FiguresBuilder {
    const NAME: &'static str = "figures";
    const DICTIONARY_COLUMNS: &'static [&'static str] =
        &["doc_id", "kind", "unit", "subject", "entity_id"];

    fn schema() -> SchemaRef {
        Arc::new(Schema::new(vec![
            string("doc_id"),
            int64("sentence_id"),
            int64("start"),
            int64("end"),
            string("surface"),
            string("kind"),
            field("value", DataType::Float64, true),
            field("value_max", DataType::Float64, true),
            nullable_string("unit"),
            field("date", DataType::Date32, true),
            nullable_string("subject"),
            nullable_string("entity_id"),
        ]))
    }

    fn new(_run_id: &str) -> Self {
        Self::default()
    }

    fn buffered_rows(&self) -> usize {
        self.doc_id.len()
    }

    fn buffered_bytes(&self) -> usize {
        string_bytes(&[&self.doc_id, &self.surface, &self.subject, &self.entity_id])
    }

    fn finish(&mut self) -> RecordBatch {
        batch(
            Self::schema(),
            vec![
                Arc::new(self.doc_id.finish()),
                Arc::new(self.sentence_id.finish()),
                Arc::new(self.start.finish()),
                Arc::new(self.end.finish()),
                Arc::new(self.surface.finish()),
                Arc::new(self.kind.finish()),
                Arc::new(self.value.finish()),
                Arc::new(self.value_max.finish()),
                Arc::new(self.unit.finish()),
                Arc::new(self.date.finish()),
                Arc::new(self.subject.finish()),
                Arc::new(self.entity_id.finish()),
            ],
        )
    }
}

/// Rows of the `errors` table.
#[derive(Default)]
pub struct ErrorsBuilder {
    source: StringBuilder,
    line: Int64Builder,
    run_id: String,
    run_ids: StringBuilder,
    level: StringBuilder,
    message: StringBuilder,
}

impl ErrorsBuilder {
    /// Appends one error row.
    pub fn append(&mut self, e: &ErrorRow) {
        self.source.append_value(&e.source);
        self.line.append_option(e.line.map(i64::from));
        self.run_ids.append_value(&self.run_id);
        self.level.append_value(e.level.as_str());
        self.message.append_value(&e.message);
    }
}

impl TableBuilder for ErrorsBuilder {
    const NAME: &'static str = "errors";
    const DICTIONARY_COLUMNS: &'static [&'static str] = &["source", "run_id", "level"];

    fn schema() -> SchemaRef {
        Arc::new(Schema::new(vec![
            string("source"),
            field("line", DataType::Int64, true),
            string("run_id"),
            string("level"),
            string("message"),
        ]))
    }

    fn new(run_id: &str) -> Self {
        Self { run_id: run_id.to_owned(), ..Self::default() }
    }

    fn buffered_rows(&self) -> usize {
        self.source.len()
    }

    fn buffered_bytes(&self) -> usize {
        string_bytes(&[&self.source, &self.message])
    }

    fn finish(&mut self) -> RecordBatch {
        batch(
            Self::schema(),
            vec![
                Arc::new(self.source.finish()),
                Arc::new(self.line.finish()),
                Arc::new(self.run_ids.finish()),
                Arc::new(self.level.finish()),
                Arc::new(self.message.finish()),
            ],
        )
    }
}
