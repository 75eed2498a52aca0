//! Input formats beyond text, JSON Lines and HTML: `.json` arrays and
//! objects, `.parquet` rows, and what `-v` logs about them. Every input is
//! written here, with short sentences made up for these tests.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::Arc;

use arrow_array::{ArrayRef, Int64Array, RecordBatch, StringArray, StructArray};
use arrow_schema::{DataType, Field};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use crate::util::lines;

/// Runs `gazette extract` in `dir` with `args`, and `stdin` on its input.
fn extract(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gazette"))
        .arg("extract")
        .args(args)
        .current_dir(dir)
        .env_remove("RUST_LOG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Writes columns as a Snappy-compressed Parquet file, as pyarrow and Spark
/// write them by default.
fn write_parquet(path: &Path, columns: Vec<(&str, ArrayRef)>) {
    let batch = RecordBatch::try_from_iter(columns).unwrap();
    let props = WriterProperties::builder().set_compression(Compression::SNAPPY).build();
    let file = std::fs::File::create(path).unwrap();
    let mut writer = ArrowWriter::try_new(file, batch.schema(), Some(props)).unwrap();
    writer.write(&batch).unwrap();
    writer.close().unwrap();
}

const ARRAY: &str = r#"[
  {"id": "a1", "title": "Implant rule", "text": "The ministry tightened the approval rule for implants.", "published": "2025-03-04"},
  {"id": "a2", "text": 42},
  {"id": "a3", "headline": "No body"},
  "not an object",
  {"id": "a5", "text": "Inspectors closed two pharmacies."}
]
"#;

#[test]
fn json_arrays_and_objects_are_read_and_bad_elements_are_error_rows_by_number() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "in/list.json", ARRAY);
    write(
        dir.path(),
        "in/single.json",
        "{\"text\": \"The regulator issued one guidance note.\"}\n",
    );
    let gz = {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(br#"[{"id": "g1", "text": "A recall notice was sent to clinics."}]"#).unwrap();
        e.finish().unwrap()
    };
    write(dir.path(), "in/packed.json.gz", gz);
    let zst = br#"[{"id": "z1", "text": "The panel reviewed a diagnostic kit."}]"#;
    write(dir.path(), "in/packed2.json.zst", zstd::encode_all(&zst[..], 3).unwrap());
    write(
        dir.path(),
        "in/broken.json",
        "[{\"id\": \"b1\", \"text\": \"Fine.\"},\n {\"id\": \"b2\"",
    );

    let output = extract(dir.path(), &["-q", "-o", "out", "in"], b"");
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(
        lines(
            &dir.path().join("out/documents"),
            &["doc_id", "source", "title", "published", "text"]
        ),
        [
            "a1\tin/list.json:1\tImplant rule\t2025-03-04\tThe ministry tightened the approval rule for implants.",
            "a5\tin/list.json:5\tnull\tnull\tInspectors closed two pharmacies.",
            "g1\tin/packed.json.gz:1\tnull\tnull\tA recall notice was sent to clinics.",
            "z1\tin/packed2.json.zst:1\tnull\tnull\tThe panel reviewed a diagnostic kit.",
            "single\tin/single.json\tnull\tnull\tThe regulator issued one guidance note.",
        ]
    );
    assert_eq!(
        lines(&dir.path().join("out/errors"), &["source", "line", "level", "message"]),
        [
            "in/broken.json\tnull\terror\tunclosed object (opened at line 2 column 2)",
            "in/list.json\t2\terror\tfield `text` is not a string",
            "in/list.json\t3\terror\tmissing text field `text`",
            "in/list.json\t4\terror\texpected a JSON object",
        ]
    );
    assert_eq!(
        stderr(&output),
        "gazette: in/broken.json: unclosed object (opened at line 2 column 2)\n\
         gazette: in/list.json:2: field `text` is not a string\n\
         gazette: in/list.json:3: missing text field `text`\n\
         gazette: in/list.json:4: expected a JSON object\n"
    );
}

#[test]
fn json_fields_come_from_flags_and_standard_input_needs_no_format() {
    let dir = tempfile::tempdir().unwrap();
    let array = r#"[{"meta": {"uid": "n-1"}, "article": {"body": "The agency fined a device maker."}},
                   {"meta": {"uid": "n-2"}, "article": {"body": "A new rule covers test kits."}}]"#;
    let flags = ["--id-field", "meta.uid", "--text-field", "article.body", "-q", "-o", "out"];
    let sniffed = extract(dir.path(), &[&flags[..], &["-"]].concat(), array.as_bytes());
    assert_eq!(sniffed.status.code(), Some(0), "{}", stderr(&sniffed));
    let documents = || lines(&dir.path().join("out/documents"), &["doc_id", "source", "text"]);
    let expected =
        ["n-1\t-:1\tThe agency fined a device maker.", "n-2\t-:2\tA new rule covers test kits."];
    assert_eq!(documents(), expected);
    // An explicit format reads a file of any name, and a stream of one
    // object that a first-byte guess would take for JSON Lines.
    write(dir.path(), "feed.txt", array);
    let named = extract(dir.path(), &[&flags[..], &["--format", "json", "feed.txt"]].concat(), b"");
    assert_eq!(named.status.code(), Some(0), "{}", stderr(&named));
    assert_eq!(documents(), expected.map(|row| row.replace("-:", "feed.txt:")));
    let pretty = "{\n  \"meta\": {\"uid\": \"p-1\"},\n  \"article\": {\"body\": \"One permit was renewed.\"}\n}\n";
    let one =
        extract(dir.path(), &[&flags[..], &["--format", "json", "-"]].concat(), pretty.as_bytes());
    assert_eq!(one.status.code(), Some(0), "{}", stderr(&one));
    assert_eq!(documents(), ["p-1\t-\tOne permit was renewed."]);
}

#[test]
fn a_json_file_over_its_limit_is_an_error_row_and_never_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("in")).unwrap();
    write(dir.path(), "in/ok.json", r#"[{"id": "k", "text": "The clinic passed its audit."}]"#);
    // A sparse file: its size is listed, none of it is read.
    let huge = std::fs::File::create(dir.path().join("in/huge.json")).unwrap();
    huge.set_len(gazette::ingest::MAX_JSON_FILE_BYTES as u64 + 1).unwrap();
    let output = extract(dir.path(), &["-q", "-o", "out", "in"], b"");
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(
        lines(&dir.path().join("out/errors"), &["source", "line", "message"]),
        ["in/huge.json\tnull\tJSON file of 268435457 bytes is larger than the limit of 256 MiB \
          for a .json file, which is read whole; skipped (as JSON Lines, one document per line, \
          it is read line by line: `jq -c '.[]'`)"]
    );
    assert_eq!(lines(&dir.path().join("out/documents"), &["doc_id"]), ["k"]);
}

#[test]
fn parquet_rows_are_documents_and_unusable_rows_and_files_are_error_rows() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("in")).unwrap();
    let body = StringArray::from(vec![
        Some("The ministry approved a glucose monitor."),
        None,
        Some("Two wholesalers lost their licences."),
    ]);
    let article = StructArray::from(vec![(
        Arc::new(Field::new("body", DataType::Utf8, true)),
        Arc::new(body) as ArrayRef,
    )]);
    write_parquet(
        &dir.path().join("in/rows.parquet"),
        vec![
            ("doc", Arc::new(StringArray::from(vec!["p1", "p2", "p3"])) as ArrayRef),
            ("article", Arc::new(article)),
            ("published", Arc::new(Int64Array::from(vec![1_765_757_777, 0, 1_765_757_777_000]))),
        ],
    );
    write_parquet(
        &dir.path().join("in/numbers.parquet"),
        vec![("article.body", Arc::new(Int64Array::from(vec![1, 2])) as ArrayRef)],
    );
    let output = extract(
        dir.path(),
        &["-q", "--id-field", "doc", "--text-field", "article.body", "-o", "out", "in"],
        b"",
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(
        lines(&dir.path().join("out/documents"), &["doc_id", "source", "published", "text"]),
        [
            "p1\tin/rows.parquet:1\t2025-12-15\tThe ministry approved a glucose monitor.",
            "p3\tin/rows.parquet:3\t2025-12-15\tTwo wholesalers lost their licences.",
        ]
    );
    assert_eq!(
        lines(&dir.path().join("out/errors"), &["source", "line", "level", "message"]),
        [
            "in/numbers.parquet\tnull\terror\tcolumn `article.body` holds Int64, not a string",
            "in/rows.parquet\t2\terror\tnull in text column `article.body`",
        ]
    );
}

#[test]
fn parquet_on_standard_input_is_sniffed_or_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rows.bin");
    write_parquet(
        &path,
        vec![(
            "text",
            Arc::new(StringArray::from(vec!["A hospital recalled a batch of syringes."]))
                as ArrayRef,
        )],
    );
    let bytes = std::fs::read(&path).unwrap();
    for args in [&["-q", "-o", "out", "-"][..], &["-q", "--format", "parquet", "-o", "out", "-"]] {
        let output = extract(dir.path(), args, &bytes);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        assert_eq!(
            lines(&dir.path().join("out/documents"), &["source", "text"]),
            ["-:1\tA hospital recalled a batch of syringes."]
        );
    }
}

/// The log lines of a run without their time stamps.
fn log_lines(output: &Output) -> Vec<String> {
    stderr(output)
        .lines()
        .map(|line| match line.strip_prefix("gazette: ").and_then(|l| l.split_once(' ')) {
            Some((time, rest)) if time.ends_with('Z') => rest.to_owned(),
            _ => line.to_owned(),
        })
        .collect()
}

#[test]
fn verbose_runs_log_inputs_skips_chunks_and_the_publish_step() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "in/a.json", r#"[{"id": "v1", "text": "The agency renewed a licence."}]"#);
    write(dir.path(), "in/notes.md", "not read");
    let dict = crate::util::fixtures().join("dict");
    let base =
        ["--no-bundled-dict", "--dict", dict.to_str().unwrap(), "-j", "1", "-o", "out", "in"];

    let info = log_lines(&extract(dir.path(), &[&["-v"][..], &base].concat(), b""));
    let run_id = info[1].trim_start_matches("INFO cli: run ").split(':').next().unwrap();
    assert_eq!(
        info[..4],
        [
            "INFO cli: dictionary loaded: 5 entities".to_owned(),
            format!("INFO cli: run {run_id}: 1 input paths, output `out`, 1 worker threads"),
            "INFO ingest::walk: listed 1 input files (55 bytes), skipped 1 of unknown type"
                .to_owned(),
            format!("INFO cli: published run {run_id} to `out`: 1 documents, 0 errors"),
        ]
    );
    assert!(info[4].starts_with("gazette: 1 documents, 1 sentences"), "{info:#?}");
    assert_eq!(info[5..], ["gazette: skipped 1 of unknown type"]);

    let debug = log_lines(&extract(dir.path(), &[&["-vv"][..], &base].concat(), b""));
    for expected in [
        "DEBUG ingest::walk: skipped `in/notes.md`: not a type gazette reads",
        "DEBUG ingest::walk: input `in/a.json`: JSON, 55 bytes",
        "DEBUG ingest: reading `in/a.json` as JSON",
        "DEBUG cli::report: chunk 1 processed: 53 bytes of records, 53 in all",
    ] {
        assert!(debug.iter().any(|line| line == expected), "{expected} not in {debug:#?}");
    }

    let quiet = extract(dir.path(), &[&["-q"][..], &base].concat(), b"");
    assert_eq!((quiet.status.code(), stderr(&quiet)), (Some(0), String::new()));
    let mut command = Command::new(env!("CARGO_BIN_EXE_gazette"));
    command.arg("extract").arg("--no-progress").args(base).current_dir(dir.path());
    let filtered = command.env("RUST_LOG", "gazette::ingest::walk=debug").output().unwrap();
    let filtered = log_lines(&filtered);
    assert_eq!(filtered[0], "DEBUG ingest::walk: skipped `in/notes.md`: not a type gazette reads");
    assert!(filtered.iter().all(|line| !line.contains(" cli: ")), "{filtered:#?}");
}
