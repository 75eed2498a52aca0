//! The dataset across runs: incremental runs, a changed dictionary,
//! compaction, refused output folders, and kills at any point of a run,
//! publishing included.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::util::{fixtures, gazette, leftovers, lines};

/// The columns compared to tell two states of a dataset apart: every row of
/// every table, without the run ids, which differ from run to run.
const COLUMNS: [(&str, &[&str]); 6] = [
    ("documents", &["doc_id", "source", "text", "content_hash"]),
    ("sentences", &["doc_id", "sentence_id", "start", "end", "text"]),
    ("mentions", &["doc_id", "start", "end", "surface", "entity_id", "method"]),
    ("figures", &["doc_id", "start", "end", "surface", "kind", "value"]),
    ("entities", &["entity_id", "origin"]),
    ("errors", &["source", "line", "level", "message"]),
];

/// The rows of every table, sorted, and the runs in the order they ran.
#[derive(Debug, PartialEq, Eq)]
struct State {
    tables: Vec<Vec<String>>,
    runs: Vec<String>,
}

fn state(out: &Path) -> State {
    let tables = COLUMNS
        .iter()
        .map(|(table, columns)| {
            let mut rows = lines(&out.join(table), columns);
            rows.sort();
            rows
        })
        .collect();
    let columns = ["started", "mode", "documents", "skipped_unchanged", "replaced", "errors"];
    let mut runs = lines(&out.join("runs"), &columns);
    runs.sort_by_key(|row| row.split('\t').next().unwrap().parse::<i64>().unwrap());
    let runs = runs.into_iter().map(|row| row.split_once('\t').unwrap().1.to_owned()).collect();
    State { tables, runs }
}

fn doc_ids(out: &Path) -> Vec<String> {
    let mut ids = lines(&out.join("documents"), &["doc_id"]);
    ids.sort();
    ids
}

/// `gazette extract` with the fixture dictionary, quiet, plus `args`.
fn extract(out: &Path, input: &Path, args: &[&str]) -> Command {
    let dict = fixtures().join("dict");
    let mut command = Command::new(env!("CARGO_BIN_EXE_gazette"));
    command.args(["extract", "-q", "--no-bundled-dict", "--dict"]).arg(dict);
    command.arg("-o").arg(out).arg(input).args(args);
    command
}

fn run(out: &Path, input: &Path, args: &[&str]) -> Output {
    let output = extract(out, input, args).output().unwrap();
    assert!(output.status.code().is_some(), "killed: {output:?}");
    output
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Writes a JSONL batch of `(id, text)` documents into `dir/name/batch.jsonl`.
fn batch(dir: &Path, name: &str, documents: &[(&str, &str)]) -> PathBuf {
    let folder = dir.join(name);
    std::fs::create_dir_all(&folder).unwrap();
    let lines: String = documents
        .iter()
        .map(|(id, text)| format!("{}\n", serde_json::json!({"id": id, "text": text})))
        .collect();
    std::fs::write(folder.join("batch.jsonl"), lines).unwrap();
    folder
}

/// Copies a dataset folder, lock file included.
fn copy_dataset(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dataset(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

const FIRST: [(&str, &str); 2] = [
    ("a", "The MFDS approved 3 new drugs in July 2025."),
    ("b", "PMDA reviewed 12 devices under GMP rules."),
];
const SECOND: [(&str, &str); 2] = [
    ("a", "The MFDS approved 5 new drugs in August 2025."),
    ("c", "KPBMA met 40 companies about CDMO plants."),
];

#[test]
fn the_same_input_twice_leaves_the_rows_as_after_the_first_run() {
    let dir = tempfile::tempdir().unwrap();
    let (input, out) = (batch(dir.path(), "in", &FIRST), dir.path().join("out"));
    assert_eq!(run(&out, &input, &["--incremental"]).status.code(), Some(0));
    let first = state(&out);
    assert_eq!(first.runs, ["incremental\t2\t0\t0\t0"]);

    let again = run(&out, &input, &["--incremental"]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    let second = state(&out);
    assert_eq!(second.tables, first.tables);
    assert_eq!(second.runs, ["incremental\t2\t0\t0\t0", "incremental\t0\t2\t0\t0"]);
    // The data part files are the first run's, linked, not rewritten.
    for table in ["documents", "sentences", "mentions", "figures"] {
        assert_eq!(crate::util::parts(&out.join(table)).len(), 1, "{table}");
    }
}

#[test]
fn a_changed_document_replaces_its_rows_and_a_new_one_is_added() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    run(&out, &batch(dir.path(), "one", &FIRST), &["--incremental"]);
    let second = run(&out, &batch(dir.path(), "two", &SECOND), &["--incremental"]);
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));

    assert_eq!(doc_ids(&out), ["a", "b", "c"]);
    let mut figures = lines(&out.join("figures"), &["doc_id", "surface", "kind", "value"]);
    figures.sort();
    assert_eq!(
        figures,
        [
            "a\t5 new drugs\tcount\t5",
            "a\tAugust 2025\tdate\tnull",
            "b\t12 devices\tcount\t12",
            "c\t40 companies\tcount\t40",
        ]
    );
    let mut mentions = lines(&out.join("mentions"), &["doc_id", "surface"]);
    mentions.sort();
    assert_eq!(mentions, ["a\tMFDS", "b\tGMP", "b\tPMDA", "c\tCDMO", "c\tKPBMA"]);
    assert_eq!(state(&out).runs, ["incremental\t2\t0\t0\t0", "incremental\t2\t0\t1\t0"]);
}

#[test]
fn a_full_run_replaces_the_rows_and_keeps_the_history_of_runs() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    run(&out, &batch(dir.path(), "one", &FIRST), &["--incremental"]);
    assert_eq!(run(&out, &batch(dir.path(), "two", &SECOND), &[]).status.code(), Some(0));
    assert_eq!(doc_ids(&out), ["a", "c"]);
    assert_eq!(state(&out).runs, ["incremental\t2\t0\t0\t0", "full\t2\t0\t0\t0"]);
}

#[test]
fn a_changed_dictionary_extracts_every_stored_document_again() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    run(&out, &batch(dir.path(), "one", &FIRST), &["--incremental"]);
    let run_id = lines(&out.join("runs"), &["run_id"]).remove(0);

    // A dictionary entity whose name only the stored document `b` holds.
    let extra = dir.path().join("extra");
    std::fs::create_dir(&extra).unwrap();
    std::fs::write(
        extra.join("organizations.tsv"),
        "id\tcanonical\tname_ko\tname_ja\tname_zh\tcountry\taliases\n\
         org:x-devices\tDevice Review Board\t\t\t\tKR\tdevices\n",
    )
    .unwrap();
    let extra = extra.to_str().unwrap();
    let input = batch(dir.path(), "two", &[("d", "No regulator is named here.")]);
    let output = extract(&out, &input, &["--incremental", "--dict", extra]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    // `-q` hides notices: the run without it says why it rebuilds.
    assert_eq!(stderr(&output), "");
    assert_eq!(doc_ids(&out), ["a", "b", "d"]);
    let mentions = lines(&out.join("mentions"), &["doc_id", "surface", "entity_id"]);
    assert!(mentions.contains(&"b\tdevices\torg:x-devices".to_owned()), "{mentions:?}");
    assert_eq!(state(&out).runs, ["incremental\t2\t0\t0\t0", "full\t3\t0\t0\t0"]);

    // Back to the first dictionary: said on stderr, and rebuilt again.
    let runs = lines(&out.join("runs"), &["started", "run_id"]);
    let last = runs.iter().filter_map(|row| row.split_once('\t')).filter(|(_, id)| *id != run_id);
    let last = last
        .max_by_key(|(started, _)| started.parse::<i64>().unwrap())
        .map(|(_, id)| id.to_owned());
    let command = extract(&out, &input, &["--incremental"]);
    let args: Vec<_> = command.get_args().filter(|a| *a != "-q").map(ToOwned::to_owned).collect();
    let output = Command::new(command.get_program()).args(args).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let said = stderr(&output);
    assert!(
        said.starts_with(&format!(
            "gazette: the dictionary changed since the last run ({}): every document of the \
             dataset is extracted again\n",
            last.unwrap()
        )),
        "{said}"
    );
    let mentions = lines(&out.join("mentions"), &["entity_id"]);
    assert!(!mentions.contains(&"org:x-devices".to_owned()));
}

#[test]
fn version_1_tables_and_foreign_files_are_refused_and_left_as_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let input = batch(dir.path(), "in", &FIRST);
    let v1 = dir.path().join("v1");
    std::fs::create_dir(&v1).unwrap();
    std::fs::write(v1.join("documents.parquet"), "version 1").unwrap();
    let output = run(&v1, &input, &[]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        format!(
            "gazette: error: output `{}` holds tables of gazette's schema version 1 \
             (`documents.parquet`...); version 2 writes one folder per table. Move or delete the \
             version-1 files, or choose another output folder\n",
            v1.canonicalize().unwrap().display()
        )
    );
    assert_eq!(std::fs::read_to_string(v1.join("documents.parquet")).unwrap(), "version 1");

    let home = dir.path().join("home");
    std::fs::create_dir(&home).unwrap();
    std::fs::write(home.join("notes.txt"), "mine").unwrap();
    let output = run(&home, &input, &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("holds `notes.txt`, which is not part of a gazette dataset"));
    assert_eq!(std::fs::read_to_string(home.join("notes.txt")).unwrap(), "mine");
}

#[test]
fn compact_merges_the_part_files_and_keeps_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    run(&out, &batch(dir.path(), "one", &FIRST), &["--incremental"]);
    run(&out, &batch(dir.path(), "two", &[("e", "MFDS named 2 sites.")]), &["--incremental"]);
    run(&out, &batch(dir.path(), "three", &[("f", "PMDA named 4 sites.")]), &["--incremental"]);
    let before = state(&out);
    assert_eq!(crate::util::parts(&out.join("documents")).len(), 3);

    let output = gazette(&["compact", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stderr(&output),
        format!(
            "gazette: compacted `{}`, part files: documents 3 -> 1, sentences 3 -> 1, entities 1 \
             -> 1, mentions 3 -> 1, figures 3 -> 1, errors 1 -> 1, runs 3 -> 1\n",
            out.display()
        )
    );
    assert_eq!(state(&out), before);
    assert_eq!(crate::util::parts(&out.join("mentions")).len(), 1);
    assert_eq!(leftovers(&out), Vec::<String>::new());
}

/// Points of a run, in the order it reaches them.
#[derive(Clone, Copy, Debug)]
enum Point {
    /// Just started.
    Start,
    /// Its next state exists beside the output: it is processing.
    Processing,
    /// Its `runs` row is written in the next state: it is publishing.
    Publishing,
    /// It has ended.
    End,
}

/// Whether a run into `out` has reached `point` (`End` is the caller's).
fn reached(out: &Path, point: Point) -> bool {
    let next_states = || {
        std::fs::read_dir(out.parent().unwrap())
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.to_string_lossy().contains(".gazette-next-"))
            .collect::<Vec<_>>()
    };
    match point {
        Point::Start => true,
        Point::End => false,
        Point::Processing => !next_states().is_empty(),
        Point::Publishing => next_states().iter().any(|path| {
            std::fs::read_dir(path.join("runs"))
                .is_ok_and(|parts| parts.flatten().any(|p| p.path().is_file()))
        }),
    }
}

/// Kills `child` once it has reached `point` and `delay` more has passed;
/// a run that ends first is left to end.
fn kill_at(mut child: std::process::Child, out: &Path, point: Point, delay: Duration) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !reached(out, point) {
        if child.try_wait().unwrap().is_some() {
            return;
        }
        assert!(Instant::now() < deadline, "the run did not reach {point:?}");
        std::thread::sleep(Duration::from_millis(2));
    }
    std::thread::sleep(delay);
    let _ = child.kill();
    child.wait().unwrap();
}

#[test]
fn a_kill_at_any_point_of_an_incremental_run_leaves_the_previous_or_the_new_dataset() {
    let dir = tempfile::tempdir().unwrap();
    let (first, second) = (batch(dir.path(), "one", &FIRST), batch(dir.path(), "two", &SECOND));
    let previous = dir.path().join("previous");
    run(&previous, &first, &["--incremental"]);
    let expected_previous = state(&previous);
    let new = dir.path().join("new");
    copy_dataset(&previous, &new);
    run(&new, &second, &["--incremental"]);
    let expected_new = state(&new);

    // Publishing pauses 100 ms between its steps (before and after the
    // swap): the kills land before, at every step of, and after it.
    let mut points = vec![(Point::Start, 0), (Point::Processing, 0), (Point::Processing, 50)];
    points.extend((0..=300).step_by(25).map(|ms| (Point::Publishing, ms)));
    points.push((Point::End, 0));
    let (mut kept, mut published) = (0, 0);
    for (i, &(point, delay_ms)) in points.iter().enumerate() {
        let at = format!("{point:?} + {delay_ms} ms");
        let out = dir.path().join(format!("out{i}"));
        copy_dataset(&previous, &out);
        let mut command = extract(&out, &second, &["--incremental"]);
        command.env("GAZETTE_FAULT", "slow-publish:100").stderr(Stdio::null());
        kill_at(command.spawn().unwrap(), &out, point, Duration::from_millis(delay_ms));
        let found = state(&out);
        if found == expected_previous {
            kept += 1;
        } else {
            assert_eq!(found, expected_new, "killed at {at}: a mix of two states");
            published += 1;
        }
        let rerun = run(&out, &second, &["--incremental"]);
        assert_eq!(rerun.status.code(), Some(0), "after a kill at {at}");
        assert_eq!(state(&out).tables, expected_new.tables, "rerun after a kill at {at}");
        assert_eq!(leftovers(&out), Vec::<String>::new(), "after a kill at {at}");
    }
    assert!(kept >= 3 && published >= 1, "kept {kept}, published {published}");
}

#[test]
fn night_after_night_the_dataset_holds_each_document_once() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let night = |name: &str, documents: &[(&str, &str)]| batch(dir.path(), name, documents);

    // Night 1: three documents.
    let one = night("n1", &[FIRST[0], FIRST[1], ("x", "MFDS counted 7 plants.")]);
    assert_eq!(run(&out, &one, &["--incremental"]).status.code(), Some(0));
    // Night 2: one document changed, one new.
    assert_eq!(run(&out, &night("n2", &SECOND), &["--incremental"]).status.code(), Some(0));
    let after_two = state(&out);
    // Night 3: the scraper wrote nothing (an unmounted share looks alike).
    let empty = dir.path().join("n3");
    std::fs::create_dir(&empty).unwrap();
    let output = run(&out, &empty, &["--incremental"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(state(&out), after_two);
    // Night 4: killed while publishing, then run again.
    let four = night("n4", &[("e", "PMDA listed 9 sites."), ("f", "KPBMA held 2 forums.")]);
    let mut command = extract(&out, &four, &["--incremental"]);
    let child = command.env("GAZETTE_FAULT", "slow-publish:200").spawn().unwrap();
    kill_at(child, &out, Point::Publishing, Duration::ZERO);
    assert_eq!(state(&out), after_two);
    assert_eq!(run(&out, &four, &["--incremental"]).status.code(), Some(0));

    assert_eq!(doc_ids(&out), ["a", "b", "c", "e", "f", "x"]);
    let texts = lines(&out.join("documents"), &["doc_id", "text"]);
    assert!(texts.contains(&format!("a\t{}", SECOND[0].1)));
    assert_eq!(
        state(&out).runs,
        ["incremental\t3\t0\t0\t0", "incremental\t2\t0\t1\t0", "incremental\t2\t0\t0\t0"]
    );
    assert_eq!(leftovers(&out), Vec::<String>::new());
}

#[test]
fn the_readme_crontab_line_runs_night_after_night() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let line = readme
        .split("```cron\n")
        .nth(1)
        .and_then(|rest| rest.lines().next())
        .expect("a cron block in the README");
    let command = line.splitn(6, char::is_whitespace).nth(5).unwrap().trim();
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().display().to_string();
    let command = command
        .replacen("gazette", env!("CARGO_BIN_EXE_gazette"), 1)
        .replace("/data/", &format!("{root}/"))
        .replace("/var/log/", &format!("{root}/"));
    let nightly = || {
        let status = Command::new("sh").arg("-c").arg(&command).status().unwrap();
        assert!(status.success(), "`{command}` failed: {status}");
    };
    let scraped = dir.path().join("scraped");
    batch(&scraped, "2026-12-01", &FIRST);
    nightly();
    batch(&scraped, "2026-12-02", &[("x", "MFDS counted 7 plants.")]);
    nightly();
    // A night whose batch has a bad line: exit 1, which the line accepts.
    let bad = scraped.join("2026-12-03");
    std::fs::create_dir(&bad).unwrap();
    std::fs::write(bad.join("batch.jsonl"), "{\"id\": \"y\", \"text\": \"PMDA met.\"}\n{oops\n")
        .unwrap();
    nightly();

    let out = dir.path().join("gazette");
    assert_eq!(doc_ids(&out), ["a", "b", "x", "y"]);
    assert_eq!(
        state(&out).runs,
        ["incremental\t2\t0\t0\t0", "incremental\t1\t2\t0\t0", "incremental\t1\t3\t0\t1"]
    );
    let log = std::fs::read_to_string(dir.path().join("gazette.log")).unwrap();
    assert!(log.contains("batch.jsonl:2: "), "{log}");
}
