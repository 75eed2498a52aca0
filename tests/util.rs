//! Helpers: run the binary in a temp dir and read tables back as plain rows.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Float64Type, Int64Type, UInt32Type};
use arrow_array::{Array, RecordBatch};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

pub fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub fn examples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples")
}

/// Runs `gazette` with `args` and returns its output.
pub fn gazette(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gazette")).args(args).output().expect("binary runs")
}

/// Runs `gazette extract` over `inputs` with the fixture dictionary only.
pub fn extract_with_fixture_dict(inputs: &[PathBuf], out: &Path) -> Output {
    let dict = fixtures().join("dict");
    let mut args = vec!["extract", "--no-bundled-dict", "--dict", dict.to_str().unwrap()];
    args.extend(["-o", out.to_str().unwrap(), "-q"]);
    args.extend(inputs.iter().map(|p| p.to_str().unwrap()));
    gazette(&args)
}

/// All batches of a table file.
pub fn read_batches(path: &Path) -> Vec<RecordBatch> {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let reader = ParquetRecordBatchReaderBuilder::try_new(file).unwrap().build().unwrap();
    reader.map(Result::unwrap).collect()
}

/// Key-value metadata of a table file.
pub fn file_metadata(path: &Path) -> Vec<(String, Option<String>)> {
    let file = std::fs::File::open(path).unwrap();
    let builder = ParquetRecordBatchReaderBuilder::try_new(file).unwrap();
    let meta = builder.metadata().file_metadata().key_value_metadata().cloned().unwrap_or_default();
    meta.into_iter().map(|kv| (kv.key, kv.value)).collect()
}

/// One cell rendered as text: `null`, numbers, ISO dates, strings, lists.
fn cell(column: &dyn Array, row: usize) -> String {
    if column.is_null(row) {
        return "null".into();
    }
    match column.data_type() {
        arrow_schema::DataType::Utf8 => column.as_string::<i32>().value(row).to_owned(),
        arrow_schema::DataType::UInt32 => {
            column.as_primitive::<UInt32Type>().value(row).to_string()
        }
        arrow_schema::DataType::Int64 => column.as_primitive::<Int64Type>().value(row).to_string(),
        arrow_schema::DataType::Float64 => {
            column.as_primitive::<Float64Type>().value(row).to_string()
        }
        arrow_schema::DataType::Date32 => {
            let days = column.as_primitive::<Date32Type>().value(row);
            let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
            (epoch + chrono::Duration::days(i64::from(days))).to_string()
        }
        arrow_schema::DataType::List(_) => {
            let list = column.as_list::<i32>().value(row);
            let items: Vec<_> = (0..list.len()).map(|i| cell(list.as_ref(), i)).collect();
            format!("[{}]", items.join("|"))
        }
        other => panic!("unexpected type {other}"),
    }
}

/// Rows of a table as `Vec<String>` cells, for the named columns.
pub fn rows(path: &Path, columns: &[&str]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for batch in read_batches(path) {
        let indices: Vec<_> =
            columns.iter().map(|c| batch.schema().index_of(c).expect("column exists")).collect();
        for row in 0..batch.num_rows() {
            out.push(indices.iter().map(|&i| cell(batch.column(i).as_ref(), row)).collect());
        }
    }
    out
}

/// Rows joined with tabs, one string per row: compact to compare.
pub fn lines(path: &Path, columns: &[&str]) -> Vec<String> {
    rows(path, columns).into_iter().map(|r| r.join("\t")).collect()
}
