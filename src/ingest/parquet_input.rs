//! `.parquet` inputs, and Arrow record batches held in memory: one document
//! per row, read a batch of rows at a time.
//!
//! Only the columns that the field names point to are read (a dotted name
//! reaches into struct columns, `article.body`). The text, id, title and
//! URL columns hold strings (the id may be an integer); the publication
//! date may be a string, a date, a timestamp (its date in its time zone
//! when that is an offset such as `+09:00`, else in UTC) or epoch seconds
//! or milliseconds. Each row becomes a JSON object keyed by the field names,
//! parsed later like a JSON Lines record; its `line` is the 1-based row
//! number in the file.

use arrow_array::cast::AsArray;
use arrow_array::types::{
    ArrowDictionaryKeyType, Date32Type, Date64Type, Int8Type, Int16Type, Int32Type, Int64Type,
    TimestampMicrosecondType, TimestampMillisecondType, TimestampNanosecondType,
    TimestampSecondType, UInt8Type, UInt16Type, UInt32Type, UInt64Type,
};
use arrow_array::{Array, RecordBatch};
use arrow_schema::{ArrowError, DataType, Field, Fields, Schema, TimeUnit};
use chrono::{DateTime, FixedOffset, NaiveDate};
use parquet::arrow::ProjectionMask;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use serde_json::{Map, Value};

use super::{Format, JsonlFields, RawRecord};
use crate::model::ErrorRow;

/// Rows decoded at once: a few MiB of articles.
const BATCH_ROWS: usize = 256;

/// The records of one Parquet file, or one error row when it cannot be read
/// or lacks a usable text column.
pub(super) fn read(
    path: &str,
    file: std::fs::File,
    fields: &JsonlFields,
) -> Box<dyn Iterator<Item = Result<RawRecord, ErrorRow>>> {
    match Rows::open(path, file, fields) {
        Ok(rows) => Box::new(rows),
        Err(message) => Box::new(std::iter::once(Err(ErrorRow::new(path, None, message)))),
    }
}

/// What a column is read for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Text,
    Id,
    Title,
    Url,
    Published,
}

/// How a column's values become JSON.
#[derive(Clone, Copy, Debug)]
enum Kind {
    String,
    Integer,
    Date,
    Timestamp(TimeUnit, Option<FixedOffset>),
}

/// A column a document field is read from.
#[derive(Debug)]
struct Column {
    role: Role,
    /// The field name as given: the key of the row's JSON object.
    key: String,
    /// Names from the top-level column down to the leaf.
    path: Vec<String>,
    kind: Kind,
}

/// The records of a stream of record batches.
struct Rows<R> {
    path: String,
    reader: R,
    /// What the batches are read from, for the message of a failed read.
    what: &'static str,
    /// An empty stream is an error row (`no rows in file`).
    empty_is_error: bool,
    columns: Vec<Column>,
    batch: Option<RecordBatch>,
    /// The next row of `batch` to give.
    next: usize,
    /// Rows given so far.
    rows: u32,
    /// A read failed, or the file ended: nothing more is read.
    done: bool,
}

/// The records of Arrow record batches held in memory or streamed from
/// another library, one per row, read like the rows of a `.parquet` input
/// with the same field names: `path` names them in `documents.source` and in
/// error rows, with the row's 1-based number as `line`. A batch schema
/// without the text column, or with a column of another type, gives one
/// error row; an empty stream gives none.
pub fn arrow_records<R>(
    path: &str,
    schema: &Schema,
    batches: R,
    fields: &JsonlFields,
) -> Box<dyn Iterator<Item = Result<RawRecord, ErrorRow>> + Send>
where
    R: Iterator<Item = Result<RecordBatch, ArrowError>> + Send + 'static,
{
    match resolve_columns(schema, fields) {
        Ok(columns) => Box::new(Rows {
            path: path.to_owned(),
            reader: batches,
            what: "Arrow data",
            empty_is_error: false,
            columns,
            batch: None,
            next: 0,
            rows: 0,
            done: false,
        }),
        Err(message) => Box::new(std::iter::once(Err(ErrorRow::new(path, None, message)))),
    }
}

/// The columns of `schema` that `fields` name, with how each is read.
fn resolve_columns(schema: &Schema, fields: &JsonlFields) -> Result<Vec<Column>, String> {
    let mut columns = Vec::new();
    for (role, key) in [
        (Role::Text, &fields.text),
        (Role::Id, &fields.id),
        (Role::Title, &fields.title),
        (Role::Url, &fields.url),
        (Role::Published, &fields.published),
    ] {
        let Some((path, field)) = resolve(schema, key) else {
            if role == Role::Text {
                return Err(format!(
                    "missing text column `{key}` (columns: {})",
                    column_names(schema.fields(), "")
                ));
            }
            continue;
        };
        let kind = kind_of(role, field.data_type()).ok_or_else(|| {
            let expected = match role {
                Role::Id => "a string or integer",
                Role::Published => "a string, date, timestamp or integer",
                _ => "a string",
            };
            format!("column `{key}` holds {}, not {expected}", field.data_type())
        })?;
        columns.push(Column { role, key: key.clone(), path, kind });
    }
    Ok(columns)
}

impl Rows<parquet::arrow::arrow_reader::ParquetRecordBatchReader> {
    fn open(path: &str, file: std::fs::File, fields: &JsonlFields) -> Result<Self, String> {
        if file.metadata().is_ok_and(|m| m.len() == 0) {
            return Err("empty file".to_owned());
        }
        let builder = ParquetRecordBatchReaderBuilder::try_new(file)
            .map_err(|e| format!("not a readable Parquet file: {e}"))?;
        let schema = builder.schema().clone();
        let columns = resolve_columns(&schema, fields)?;
        let parquet_schema = builder.parquet_schema();
        let leaves: Vec<usize> = (0..parquet_schema.num_columns())
            .filter(|&i| {
                let parts = parquet_schema.column(i).path().parts().to_vec();
                columns.iter().any(|c| parts.starts_with(&c.path))
            })
            .collect();
        let mask = ProjectionMask::leaves(parquet_schema, leaves);
        let reader = builder
            .with_projection(mask)
            .with_batch_size(BATCH_ROWS)
            .build()
            .map_err(|e| format!("cannot read Parquet file: {e}"))?;
        log::debug!("`{path}`: reading Parquet columns {:?}", columns_read(&columns));
        Ok(Rows {
            path: path.to_owned(),
            reader,
            what: "Parquet data",
            empty_is_error: true,
            columns,
            batch: None,
            next: 0,
            rows: 0,
            done: false,
        })
    }
}

impl<R> Rows<R> {
    /// The record of row `index` of the current batch.
    fn record(&self, batch: &RecordBatch, index: usize) -> Result<RawRecord, ErrorRow> {
        let line = Some(self.rows);
        let error = |message: String| ErrorRow::new(self.path.clone(), line, message);
        let mut object = Map::new();
        for column in &self.columns {
            let array = leaf(batch, &column.path, index);
            let value = array.map(|array| json_value(array, index, column.kind));
            match (column.role, value) {
                (Role::Text, None) => {
                    return Err(error(format!("null in text column `{}`", column.key)));
                }
                (Role::Text, Some(Value::String(text)))
                    if text.len() > super::MAX_DOCUMENT_BYTES =>
                {
                    return Err(error(super::too_large("text", text.len() as u64)));
                }
                (_, Some(value)) => {
                    object.insert(column.key.clone(), value);
                }
                (_, None) => {}
            }
        }
        let bytes = serde_json::to_vec(&Value::Object(object))
            .map_err(|e| error(format!("cannot represent row: {e}")))?;
        Ok(RawRecord {
            path: self.path.clone(),
            line,
            path_id: None,
            format: Format::Parquet,
            bytes,
        })
    }
}

impl<R: Iterator<Item = Result<RecordBatch, ArrowError>>> Iterator for Rows<R> {
    type Item = Result<RawRecord, ErrorRow>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.batch.as_ref().is_some_and(|batch| self.next < batch.num_rows()) {
                let index = self.next;
                self.next += 1;
                self.rows = self.rows.saturating_add(1);
                let batch = self.batch.as_ref()?;
                return Some(self.record(batch, index));
            }
            if self.done {
                return None;
            }
            match self.reader.next() {
                Some(Ok(batch)) => {
                    log::trace!("`{}`: {} rows decoded", self.path, batch.num_rows());
                    self.batch = Some(batch);
                    self.next = 0;
                }
                Some(Err(e)) => {
                    self.done = true;
                    let line = Some(self.rows.saturating_add(1));
                    let message = format!("cannot read {}: {e}", self.what);
                    return Some(Err(ErrorRow::new(self.path.clone(), line, message)));
                }
                None => {
                    self.done = true;
                    if self.rows == 0 && self.empty_is_error {
                        return Some(Err(ErrorRow::new(
                            self.path.clone(),
                            None,
                            "no rows in file",
                        )));
                    }
                }
            }
        }
    }
}

/// The column a field name points to: a top-level column of that name, else
/// a dotted path through struct columns.
fn resolve<'s>(schema: &'s Schema, name: &str) -> Option<(Vec<String>, &'s Field)> {
    if let Ok(field) = schema.field_with_name(name) {
        return Some((vec![name.to_owned()], field));
    }
    let path: Vec<String> = name.split('.').map(str::to_owned).collect();
    let mut fields: &Fields = schema.fields();
    let (last, parents) = path.split_last()?;
    for part in parents {
        let parent = fields.iter().find(|f| f.name() == part)?;
        let DataType::Struct(children) = parent.data_type() else { return None };
        fields = children;
    }
    let field = fields.iter().find(|f| f.name() == last)?;
    Some((path, field.as_ref()))
}

/// `a, b.c, d`: every leaf column's dotted name, for messages.
fn column_names(fields: &Fields, prefix: &str) -> String {
    let names: Vec<String> = fields
        .iter()
        .map(|f| match f.data_type() {
            DataType::Struct(children) => column_names(children, &format!("{prefix}{}.", f.name())),
            _ => format!("{prefix}{}", f.name()),
        })
        .collect();
    names.join(", ")
}

fn columns_read(columns: &[Column]) -> Vec<String> {
    columns.iter().map(|c| c.path.join(".")).collect()
}

fn is_string(data_type: &DataType) -> bool {
    match data_type {
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => true,
        DataType::Dictionary(key, value) => key.is_integer() && is_string(value),
        _ => false,
    }
}

fn kind_of(role: Role, data_type: &DataType) -> Option<Kind> {
    if is_string(data_type) {
        return Some(Kind::String);
    }
    match (role, data_type) {
        (Role::Id | Role::Published, t) if t.is_integer() => Some(Kind::Integer),
        (Role::Published, DataType::Date32 | DataType::Date64) => Some(Kind::Date),
        (Role::Published, DataType::Timestamp(unit, zone)) => {
            let offset = zone.as_deref().and_then(|z| match z {
                "UTC" | "utc" | "Z" => FixedOffset::east_opt(0),
                _ => z.parse().ok(),
            });
            Some(Kind::Timestamp(*unit, offset))
        }
        _ => None,
    }
}

/// The leaf array of a column path in a batch, unless the value at `row` is
/// null there or in a struct above it.
fn leaf<'b>(batch: &'b RecordBatch, path: &[String], row: usize) -> Option<&'b dyn Array> {
    let mut array: &dyn Array = batch.column_by_name(&path[0])?.as_ref();
    for part in &path[1..] {
        if array.is_null(row) {
            return None;
        }
        array = array.as_struct_opt()?.column_by_name(part)?.as_ref();
    }
    (!array.is_null(row)).then_some(array)
}

/// The value at `row` (not null) as JSON.
fn json_value(array: &dyn Array, row: usize, kind: Kind) -> Value {
    match kind {
        Kind::String => string_at(array, row).map_or(Value::Null, |s| Value::String(s.to_owned())),
        Kind::Integer => integer_at(array, row).unwrap_or(Value::Null),
        Kind::Date => date_at(array, row).map_or(Value::Null, |d| Value::String(d.to_string())),
        Kind::Timestamp(unit, offset) => timestamp_date(array, row, unit, offset)
            .map_or(Value::Null, |d| Value::String(d.to_string())),
    }
}

fn string_at(array: &dyn Array, row: usize) -> Option<&str> {
    match array.data_type() {
        DataType::Utf8 => Some(array.as_string::<i32>().value(row)),
        DataType::LargeUtf8 => Some(array.as_string::<i64>().value(row)),
        DataType::Utf8View => Some(array.as_string_view().value(row)),
        DataType::Dictionary(key, _) => {
            let index = match key.as_ref() {
                DataType::Int8 => dictionary_key::<Int8Type>(array, row),
                DataType::Int16 => dictionary_key::<Int16Type>(array, row),
                DataType::Int32 => dictionary_key::<Int32Type>(array, row),
                DataType::Int64 => dictionary_key::<Int64Type>(array, row),
                DataType::UInt8 => dictionary_key::<UInt8Type>(array, row),
                DataType::UInt16 => dictionary_key::<UInt16Type>(array, row),
                DataType::UInt32 => dictionary_key::<UInt32Type>(array, row),
                DataType::UInt64 => dictionary_key::<UInt64Type>(array, row),
                _ => None,
            }?;
            string_at(array.as_any_dictionary().values().as_ref(), index)
        }
        _ => None,
    }
}

fn dictionary_key<K: ArrowDictionaryKeyType>(array: &dyn Array, row: usize) -> Option<usize> {
    array.as_dictionary::<K>().key(row)
}

fn integer_at(array: &dyn Array, row: usize) -> Option<Value> {
    Some(match array.data_type() {
        DataType::Int8 => array.as_primitive::<Int8Type>().value(row).into(),
        DataType::Int16 => array.as_primitive::<Int16Type>().value(row).into(),
        DataType::Int32 => array.as_primitive::<Int32Type>().value(row).into(),
        DataType::Int64 => array.as_primitive::<Int64Type>().value(row).into(),
        DataType::UInt8 => array.as_primitive::<UInt8Type>().value(row).into(),
        DataType::UInt16 => array.as_primitive::<UInt16Type>().value(row).into(),
        DataType::UInt32 => array.as_primitive::<UInt32Type>().value(row).into(),
        DataType::UInt64 => array.as_primitive::<UInt64Type>().value(row).into(),
        _ => return None,
    })
}

fn date_at(array: &dyn Array, row: usize) -> Option<NaiveDate> {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1)?;
    match array.data_type() {
        DataType::Date32 => epoch.checked_add_signed(chrono::Duration::days(
            array.as_primitive::<Date32Type>().value(row).into(),
        )),
        DataType::Date64 => {
            DateTime::from_timestamp_millis(array.as_primitive::<Date64Type>().value(row))
                .map(|t| t.date_naive())
        }
        _ => None,
    }
}

fn timestamp_date(
    array: &dyn Array,
    row: usize,
    unit: TimeUnit,
    offset: Option<FixedOffset>,
) -> Option<NaiveDate> {
    let time = match unit {
        TimeUnit::Second => {
            DateTime::from_timestamp(array.as_primitive::<TimestampSecondType>().value(row), 0)
        }
        TimeUnit::Millisecond => DateTime::from_timestamp_millis(
            array.as_primitive::<TimestampMillisecondType>().value(row),
        ),
        TimeUnit::Microsecond => DateTime::from_timestamp_micros(
            array.as_primitive::<TimestampMicrosecondType>().value(row),
        ),
        TimeUnit::Nanosecond => Some(DateTime::from_timestamp_nanos(
            array.as_primitive::<TimestampNanosecondType>().value(row),
        )),
    }?;
    Some(match offset {
        Some(offset) => time.with_timezone(&offset).date_naive(),
        None => time.date_naive(),
    })
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use arrow_array::{
        ArrayRef, Date32Array, DictionaryArray, Int64Array, StringArray, StructArray,
        TimestampSecondArray,
    };
    use parquet::arrow::ArrowWriter;

    use super::*;
    use crate::ingest::{Cleaning, parse_record};

    /// Writes the columns as one Parquet file and reads it back as records.
    fn records_of(columns: Vec<(&str, ArrayRef)>) -> Vec<Result<RawRecord, ErrorRow>> {
        records_with(columns, &JsonlFields::default())
    }

    fn records_with(
        columns: Vec<(&str, ArrayRef)>,
        fields: &JsonlFields,
    ) -> Vec<Result<RawRecord, ErrorRow>> {
        let batch = RecordBatch::try_from_iter(columns).unwrap();
        let file = tempfile::tempfile().unwrap();
        let mut writer =
            ArrowWriter::try_new(file.try_clone().unwrap(), batch.schema(), None).unwrap();
        writer.write(&batch).unwrap();
        writer.close().unwrap();
        read("in/rows.parquet", file, fields).collect()
    }

    /// `(line, id, title, published, text)` of each document, or the error.
    fn documents(records: Vec<Result<RawRecord, ErrorRow>>, fields: &JsonlFields) -> Vec<String> {
        records
            .into_iter()
            .map(|record| {
                match record.and_then(|r| parse_record(r, fields, &Cleaning::keep_all())) {
                    Ok(doc) => format!(
                        "{} {} {:?} {:?} {}",
                        doc.source,
                        doc.id,
                        doc.title,
                        doc.published.map(|d| d.to_string()),
                        doc.text
                    ),
                    Err(e) => format!("{}:{:?}: {}", e.source, e.line, e.message),
                }
            })
            .collect()
    }

    fn strings(values: &[Option<&str>]) -> ArrayRef {
        Arc::new(StringArray::from(values.to_vec()))
    }

    #[test]
    fn rows_become_documents_and_a_null_text_an_error_row() {
        let records = records_of(vec![
            ("id", Arc::new(Int64Array::from(vec![7, 8, 9])) as ArrayRef),
            (
                "text",
                strings(&[
                    Some("The agency approved the stent."),
                    None,
                    Some("The board delayed the vote."),
                ]),
            ),
            ("title", strings(&[Some("Stent"), Some("Empty"), None])),
            ("published", Arc::new(Date32Array::from(vec![Some(20_151), None, None]))),
            ("views", Arc::new(Int64Array::from(vec![1, 2, 3]))),
        ]);
        assert_eq!(
            documents(records, &JsonlFields::default()),
            [
                "in/rows.parquet:1 7 Some(\"Stent\") Some(\"2025-03-04\") The agency approved the stent.",
                "in/rows.parquet:Some(2): null in text column `text`",
                "in/rows.parquet:3 9 None None The board delayed the vote.",
            ]
        );
    }

    #[test]
    fn struct_columns_by_dotted_name_and_other_date_types() {
        let body = strings(&[
            Some("The ministry fined two clinics."),
            Some("Inspectors visited the plant."),
        ]);
        let headline = strings(&[Some("Fines"), None]);
        let article = StructArray::from(vec![
            (Arc::new(Field::new("body", DataType::Utf8, true)), body),
            (Arc::new(Field::new("headline", DataType::Utf8, true)), headline),
        ]);
        // 2025-12-14T15:30:00Z is 2025-12-15 at +09:00.
        let time =
            TimestampSecondArray::from(vec![1_765_726_200, 1_765_726_200]).with_timezone("+09:00");
        let keys = arrow_array::Int32Array::from(vec![1, 0]);
        let ids = DictionaryArray::new(keys, Arc::new(StringArray::from(vec!["d-a", "d-b"])));
        let fields = JsonlFields {
            text: "article.body".into(),
            title: "article.headline".into(),
            published: "time".into(),
            ..JsonlFields::default()
        };
        let records = records_with(
            vec![
                ("id", Arc::new(ids) as ArrayRef),
                ("article", Arc::new(article)),
                ("time", Arc::new(time)),
            ],
            &fields,
        );
        assert_eq!(
            documents(records, &fields),
            [
                "in/rows.parquet:1 d-b Some(\"Fines\") Some(\"2025-12-15\") The ministry fined two clinics.",
                "in/rows.parquet:2 d-a None Some(\"2025-12-15\") Inspectors visited the plant.",
            ]
        );
    }

    #[test]
    fn integer_epochs_and_string_dates_are_read_like_json() {
        let records = records_of(vec![
            ("text", strings(&[Some("A recall was announced."), Some("A permit was renewed.")])),
            ("published", Arc::new(Int64Array::from(vec![1_765_757_777, 1_765_757_777_000]))),
        ]);
        let docs = documents(records, &JsonlFields::default());
        assert!(docs.iter().all(|d| d.contains("Some(\"2025-12-15\")")), "{docs:?}");
        let records = records_of(vec![
            ("text", strings(&[Some("A recall was announced.")])),
            ("published", strings(&[Some("2025년 12월 15일")])),
        ]);
        assert!(documents(records, &JsonlFields::default())[0].contains("Some(\"2025-12-15\")"));
    }

    #[test]
    fn unusable_files_are_one_error_row() {
        let file_error = |records: Vec<Result<RawRecord, ErrorRow>>| {
            assert_eq!(records.len(), 1);
            let error = records.into_iter().next().unwrap().unwrap_err();
            assert_eq!((error.source.as_str(), error.line), ("in/rows.parquet", None));
            error.message
        };
        let missing = records_of(vec![
            ("body", strings(&[Some("x")])),
            (
                "meta",
                Arc::new(StructArray::from(vec![(
                    Arc::new(Field::new("url", DataType::Utf8, true)),
                    strings(&[Some("u")]),
                )])) as ArrayRef,
            ),
        ]);
        assert_eq!(file_error(missing), "missing text column `text` (columns: body, meta.url)");
        let numeric = records_of(vec![("text", Arc::new(Int64Array::from(vec![1])) as ArrayRef)]);
        assert_eq!(file_error(numeric), "column `text` holds Int64, not a string");
        let date = records_of(vec![
            ("text", strings(&[Some("x")])),
            ("url", Arc::new(Date32Array::from(vec![1])) as ArrayRef),
        ]);
        assert_eq!(file_error(date), "column `url` holds Date32, not a string");
        let empty = records_of(vec![("text", strings(&[]))]);
        assert_eq!(file_error(empty), "no rows in file");
        let mut text = tempfile::tempfile().unwrap();
        std::io::Write::write_all(&mut text, b"id,text\n1,not parquet\n").unwrap();
        let garbage = read("in/rows.parquet", text, &JsonlFields::default()).collect();
        assert_eq!(
            file_error(garbage),
            "not a readable Parquet file: Parquet error: Invalid Parquet file. Corrupt footer"
        );
    }

    #[test]
    fn batches_in_memory_read_like_a_parquet_file() {
        let ids: ArrayRef = Arc::new(Int64Array::from(vec![7, 8, 9]));
        let texts: ArrayRef = Arc::new(arrow_array::StringViewArray::from(vec![
            Some("First text."),
            None,
            Some("Third text."),
        ]));
        let batch = RecordBatch::try_from_iter([("id", ids), ("text", texts)]).unwrap();
        let (schema, fields) = (batch.schema(), JsonlFields::default());
        let split = vec![Ok(batch.slice(0, 2)), Ok(batch.slice(2, 1))];
        let records: Vec<_> = arrow_records("data", &schema, split.into_iter(), &fields).collect();
        let from_file = records_of(vec![
            ("id", Arc::new(Int64Array::from(vec![7, 8, 9])) as ArrayRef),
            (
                "text",
                Arc::new(StringArray::from(vec![Some("First text."), None, Some("Third text.")])),
            ),
        ]);
        let bytes =
            |r: &Result<RawRecord, ErrorRow>| r.as_ref().map(|r| (r.line, r.bytes.clone())).ok();
        assert_eq!(
            records.iter().map(bytes).collect::<Vec<_>>(),
            from_file.iter().map(bytes).collect::<Vec<_>>()
        );
        assert_eq!(
            records[1].as_ref().unwrap_err(),
            &ErrorRow::new("data", Some(2), "null in text column `text`")
        );
        let empty = arrow_records("data", &schema, std::iter::empty(), &fields);
        assert_eq!(empty.count(), 0, "no rows is no error in memory");
        let wrong = arrow_records(
            "data",
            &schema,
            std::iter::empty(),
            &JsonlFields { text: "body".into(), ..JsonlFields::default() },
        );
        let errors: Vec<_> = wrong.map(|r| r.unwrap_err().message).collect();
        assert_eq!(errors, ["missing text column `body` (columns: id, text)"]);
    }
}
