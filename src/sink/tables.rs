//! The tables of a dataset: their Arrow schemas and row builders.
//!
//! Each builder appends rows of `crate::model` types and turns them into a
//! `RecordBatch` matching its schema exactly. Integers are `Int64`
//! everywhere, so that arithmetic on offsets never wraps in a reader. Each
//! table's columns are declared once, in order, in its `table!`.

use std::sync::Arc;

use arrow_array::RecordBatch;
use arrow_array::builder::ArrayBuilder;
use arrow_schema::{Schema, SchemaRef};
use chrono::NaiveDate;

use super::columns::{ColumnKind, Int, OptDate, OptFloat, OptInt, OptText, Text, TextList, table};
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

/// A count or offset as the tables' `Int64`.
fn i64_of(value: impl TryInto<i64>) -> i64 {
    value.try_into().unwrap_or(i64::MAX)
}

/// Days since 1970-01-01, the Arrow `date32` representation.
fn days(date: NaiveDate) -> i32 {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid epoch");
    i32::try_from((date - epoch).num_days()).expect("date within the date32 range")
}

table! {
    /// Rows of the `documents` table.
    DocumentsBuilder("documents"), dictionary ["lang", "run_id"], keeps run {
        doc_id: Text,
        source: Text,
        title: OptText,
        url: OptText,
        lang: Text,
        published: OptDate,
        text: Text,
        n_chars: Int,
        n_sentences: Int,
        boilerplate_chars: Int,
        content_hash: Text,
        run_id: Text,
    }
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
        self.run_id.append_value(&self.run);
    }
}

table! {
    /// Rows of the `sentences` table.
    SentencesBuilder("sentences"), dictionary ["doc_id", "lang"] {
        doc_id: Text,
        sentence_id: Int,
        start: Int,
        end: Int,
        lang: Text,
        text: Text,
    }
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
            self.text.append_value(s.text(&out.document.text));
        }
    }
}

table! {
    /// Rows of the `entities` table.
    EntitiesBuilder("entities"), dictionary ["entity_type", "country", "origin"] {
        entity_id: Text,
        entity_type: Text,
        canonical: Text,
        name_ko: OptText,
        name_ja: OptText,
        name_zh: OptText,
        aliases: TextList,
        country: OptText,
        origin: Text,
    }
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

table! {
    /// Rows of the `mentions` table.
    MentionsBuilder("mentions"),
    dictionary ["doc_id", "surface", "entity_id", "entity_type", "method"] {
        doc_id: Text,
        sentence_id: Int,
        start: Int,
        end: Int,
        surface: Text,
        entity_id: Text,
        entity_type: Text,
        method: Text,
    }
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

table! {
    /// Rows of the `figures` table.
    FiguresBuilder("figures"), dictionary ["doc_id", "kind", "unit", "subject", "entity_id"] {
        doc_id: Text,
        sentence_id: Int,
        start: Int,
        end: Int,
        surface: Text,
        kind: Text,
        value: OptFloat,
        value_max: OptFloat,
        unit: OptText,
        date: OptDate,
        subject: OptText,
        entity_id: OptText,
    }
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

table! {
    /// Rows of the `errors` table.
    ErrorsBuilder("errors"), dictionary ["source", "run_id", "level"], keeps run {
        source: Text,
        line: OptInt,
        run_id: Text,
        level: Text,
        message: Text,
    }
}

impl ErrorsBuilder {
    /// Appends one error row.
    pub fn append(&mut self, e: &ErrorRow) {
        self.source.append_value(&e.source);
        self.line.append_option(e.line.map(i64::from));
        self.run_id.append_value(&self.run);
        self.level.append_value(e.level.as_str());
        self.message.append_value(&e.message);
    }
}
