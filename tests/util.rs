//! Helpers: run the binary in a temp dir and read tables back as plain rows.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Float64Type, Int64Type, TimestampMicrosecondType, UInt32Type,
};
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
    extract_with_fixture_dict_and(&[], inputs, out)
}

/// [`extract_with_fixture_dict`] with the options `extra` too.
pub fn extract_with_fixture_dict_and(extra: &[&str], inputs: &[PathBuf], out: &Path) -> Output {
    let dict = fixtures().join("dict");
    let mut args = vec!["extract", "--no-bundled-dict", "--dict", dict.to_str().unwrap()];
    args.extend(extra);
    args.extend(["-o", out.to_str().unwrap(), "-q"]);
    args.extend(inputs.iter().map(|p| p.to_str().unwrap()));
    gazette(&args)
}

/// The part files of a table folder, in name order; a file is its own part.
pub fn parts(path: &Path) -> Vec<PathBuf> {
    if !path.is_dir() {
        return vec![path.to_path_buf()];
    }
    let mut parts: Vec<PathBuf> = std::fs::read_dir(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "parquet"))
        .collect();
    parts.sort();
    parts
}

/// All batches of a table: a folder of part files, or one file.
pub fn read_batches(path: &Path) -> Vec<RecordBatch> {
    let mut batches = Vec::new();
    for part in parts(path) {
        let file = std::fs::File::open(&part).unwrap_or_else(|e| panic!("{}: {e}", part.display()));
        let reader = ParquetRecordBatchReaderBuilder::try_new(file).unwrap().build().unwrap();
        batches.extend(reader.map(Result::unwrap));
    }
    batches
}

/// Every file of a dataset but its lock file, by path relative to `out`,
/// with its bytes: two equal snapshots are the same published state.
pub fn snapshot(out: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut files = std::collections::BTreeMap::new();
    let mut folders = vec![out.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.file_name().is_some_and(|n| n != gazette::sink::LOCK_FILE) {
                let relative = path.strip_prefix(out).unwrap().display().to_string();
                files.insert(relative, std::fs::read(&path).unwrap());
            }
        }
    }
    files
}

/// The folders that runs into `out` left beside it.
pub fn leftovers(out: &Path) -> Vec<String> {
    std::fs::read_dir(out.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".gazette-"))
        .collect()
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
        arrow_schema::DataType::Timestamp(..) => {
            column.as_primitive::<TimestampMicrosecondType>().value(row).to_string()
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
