//! The atomic-output guarantee: an unfinished run never replaces or
//! corrupts published tables.

use std::path::{Path, PathBuf};

use std::collections::BTreeMap;

use gazette::model::ErrorRow;
use gazette::sink::{Dataset, Keep, OutputLock, ParquetSink};

use crate::util::{extract_with_fixture_dict, fixtures, gazette, leftovers, snapshot};

/// The bytes of every published file in `out`.
fn published_tables(out: &Path) -> BTreeMap<String, Vec<u8>> {
    snapshot(out)
}

/// Publishes the tables of a first, successful run into `dir/out`; returns
/// the output directory and the bytes of its tables.
fn first_run(dir: &Path) -> (PathBuf, BTreeMap<String, Vec<u8>>) {
    let out = dir.join("out");
    let first = extract_with_fixture_dict(&[fixtures().join("inputs/en")], &out);
    assert_eq!(first.status.code(), Some(0), "{}", String::from_utf8_lossy(&first.stderr));
    let tables = published_tables(&out);
    (out, tables)
}

#[test]
fn unfinished_sink_keeps_previous_tables() {
    let dir = tempfile::tempdir().unwrap();
    let (out, before) = first_run(dir.path());

    let lock = OutputLock::acquire(&out, "interrupted", false).unwrap();
    let dataset = Dataset::open(lock.out_dir()).unwrap();
    let mut sink = ParquetSink::create(&lock, "interrupted", dataset, Keep::All).unwrap();
    let error = ErrorRow::new("x", None, "m");
    sink.write_error(&error).unwrap();
    assert_eq!(leftovers(&out), [".out.gazette-next-interrupted"]);
    drop(sink);

    assert!(published_tables(&out) == before, "published tables changed");
    assert!(leftovers(&out).is_empty());
}

#[test]
fn fatal_error_keeps_previous_output() {
    let dir = tempfile::tempdir().unwrap();
    let (out, before) = first_run(dir.path());

    let broken = dir.path().join("broken");
    std::fs::create_dir(&broken).unwrap();
    std::fs::write(
        broken.join("terms.tsv"),
        "id\tcanonical\tname_ko\tname_ja\tname_zh\tcountry\taliases\nterm:x\tX\n",
    )
    .unwrap();
    let input = fixtures().join("inputs/ko");
    let run = gazette(&[
        "extract",
        "--dict",
        broken.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        input.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&run.stderr),
        format!(
            "gazette: error: cannot load the dictionaries\n  caused by: {}:2: \
             expected 7 tab-separated fields, found 2\n",
            broken.join("terms.tsv").display()
        )
    );
    assert!(published_tables(&out) == before, "published tables changed");
    assert!(leftovers(&out).is_empty());
}

#[test]
fn missing_input_publishes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (out, before) = first_run(dir.path());

    let missing = dir.path().join("not-mounted");
    let run = extract_with_fixture_dict(std::slice::from_ref(&missing), &out);
    assert_eq!(run.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&run.stderr),
        format!("gazette: error: input `{}` does not exist\n", missing.display())
    );
    assert!(published_tables(&out) == before, "published tables changed");
}

#[test]
fn output_path_that_is_a_file_is_a_fatal_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    std::fs::write(&out, "not a directory").unwrap();
    let run = extract_with_fixture_dict(&[fixtures().join("inputs/en")], &out);
    assert_eq!(run.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&run.stderr),
        format!("gazette: error: output `{}` exists and is not a directory\n", out.display())
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "not a directory");
}

#[test]
fn staging_left_by_a_killed_run_is_removed_by_the_next_run() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    // Left by a killed run in a container, where it was process 1: process
    // ids tell nothing across namespaces, the lock does.
    let abandoned = dir.path().join(".out.gazette-next-20251215T091617Z-1-00c0ffee");
    std::fs::create_dir_all(abandoned.join("documents")).unwrap();
    std::fs::write(abandoned.join("documents/part-x-0.parquet"), "partial").unwrap();

    // While a run holds the output, its staging is never touched.
    let held = OutputLock::acquire(&out, "live", false).unwrap();
    let run = extract_with_fixture_dict(&[fixtures().join("inputs/en")], &out);
    assert_eq!(run.status.code(), Some(2));
    assert!(abandoned.exists(), "a locked output's staging directory is kept");

    drop(held);
    let run = extract_with_fixture_dict(&[fixtures().join("inputs/en")], &out);
    assert_eq!(run.status.code(), Some(0));
    assert!(!abandoned.exists());
}
