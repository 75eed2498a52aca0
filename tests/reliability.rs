//! Reliability: hostile and unusual inputs, generated here, through the
//! binary. Each case asserts the exit code, the rows of `errors`, and what
//! the output directory holds afterwards: one complete set of tables, or,
//! when the run fails, the previous tables byte for byte. The cases that need
//! the release binary and large inputs are in `.ci/reliability`.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use gazette::sink::TABLE_NAMES as TABLES;

use crate::util::lines;

/// A scratch directory with an input folder and an output folder.
struct Case {
    dir: tempfile::TempDir,
}

/// What a run left behind.
struct Ran {
    code: Option<i32>,
    stderr: String,
}

impl Case {
    fn new() -> Case {
        let case = Case { dir: tempfile::tempdir().unwrap() };
        std::fs::create_dir_all(case.input()).unwrap();
        case
    }

    fn input(&self) -> PathBuf {
        self.dir.path().join("in")
    }

    fn out(&self) -> PathBuf {
        self.dir.path().join("out")
    }

    fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.input().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        path
    }

    fn command(&self, inputs: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_gazette"));
        command.args(["extract", "-q", "-o"]).arg(self.out()).args(inputs);
        command.current_dir(self.dir.path());
        command
    }

    /// Runs over the input folder; fails the test after `limit`.
    fn run(&self, env: &[(&str, &str)]) -> Ran {
        let mut command = self.command(&["in"]);
        command.envs(env.iter().copied());
        finish(command.stderr(Stdio::piped()).stdout(Stdio::null()).spawn().unwrap())
    }

    /// A first, good run, whose tables a failed run must leave as they are.
    fn previous_output(&self) -> std::collections::BTreeMap<String, Vec<u8>> {
        let other = tempfile::tempdir().unwrap();
        std::fs::write(other.path().join("old.txt"), "식약처는 어제 45개 기업을 점검했다.\n")
            .unwrap();
        let status = Command::new(env!("CARGO_BIN_EXE_gazette"))
            .args(["extract", "-q", "-o"])
            .arg(self.out())
            .arg(other.path())
            .status()
            .unwrap();
        assert!(status.success());
        self.table_bytes()
    }

    fn table_bytes(&self) -> std::collections::BTreeMap<String, Vec<u8>> {
        crate::util::snapshot(&self.out())
    }

    fn table_path(&self, name: &str) -> PathBuf {
        self.out().join(name)
    }

    fn table(&self, name: &str, columns: &[&str]) -> Vec<String> {
        lines(&self.table_path(name), columns)
    }

    /// `(source relative to the input folder, line, level, message)` rows.
    fn errors(&self) -> Vec<String> {
        let prefix = format!("{}/", self.input().display());
        self.table("errors", &["source", "line", "level", "message"])
            .into_iter()
            .map(|row| row.replace(&prefix, "").replacen("in/", "", 1))
            .collect()
    }

    /// Exactly the table folders (and the lock file) are in the output
    /// folder, and no folder of a run beside it: nothing is left behind.
    fn assert_only_tables(&self) {
        let mut names: Vec<String> = std::fs::read_dir(self.out())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        let mut expected: Vec<String> = TABLES.iter().map(|t| (*t).to_owned()).collect();
        expected.push(gazette::sink::LOCK_FILE.to_owned());
        expected.sort();
        assert_eq!(names, expected);
        assert_eq!(crate::util::leftovers(&self.out()), Vec::<String>::new());
    }
}

/// Waits for a child for at most a minute: a hang fails the test instead of
/// stalling the suite.
fn finish(mut child: std::process::Child) -> Ran {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let mut stderr = String::new();
            if let Some(mut pipe) = child.stderr.take() {
                std::io::Read::read_to_string(&mut pipe, &mut stderr).unwrap();
            }
            return Ran { code: status.code(), stderr };
        }
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("gazette did not finish within a minute");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

const SENTENCE: &str = "식약처는 올해 45개 기업을 점검했다.";

#[test]
fn deeply_nested_html_is_read_and_a_page_beyond_the_limit_is_an_error_row() {
    let case = Case::new();
    for tag in ["div", "span", "section", "blockquote"] {
        let page = format!("<p>Lead.</p>{}<p>{SENTENCE}</p>", format!("<{tag}>").repeat(3_500));
        case.write(&format!("soup-{tag}.html"), page);
    }
    case.write("abyss.html", format!("{}<p>{SENTENCE}</p>", "<div>".repeat(12_000)));
    let ran = case.run(&[]);
    assert_eq!(ran.code, Some(1), "{}", ran.stderr);
    assert_eq!(
        case.errors(),
        ["abyss.html\tnull\terror\tHTML elements nest deeper than 10000 levels; page skipped"]
    );
    assert_eq!(
        case.table("documents", &["doc_id", "text"]),
        ["blockquote", "div", "section", "span"]
            .map(|tag| format!("soup-{tag}\tLead.\n\n{SENTENCE}"))
    );
    assert_eq!(case.table("mentions", &["doc_id", "surface"]).len(), 4);
    case.assert_only_tables();
}

#[test]
fn a_panic_in_one_document_is_an_error_row_and_the_run_goes_on() {
    let case = Case::new();
    for name in ["a", "b", "c"] {
        case.write(&format!("{name}.txt"), SENTENCE);
    }
    let ran = case.run(&[("GAZETTE_FAULT", "document:b")]);
    assert_eq!(ran.code, Some(1), "{}", ran.stderr);
    assert_eq!(
        case.errors(),
        ["b.txt\tnull\terror\tinternal error while processing this document \
          (injected fault on document `b`); document skipped"]
    );
    assert_eq!(case.table("documents", &["doc_id"]), ["a", "c"]);
    case.assert_only_tables();
}

#[test]
fn a_panic_in_the_writer_publishes_nothing_and_exits_2() {
    let case = Case::new();
    let before = case.previous_output();
    for name in ["a", "b"] {
        case.write(&format!("{name}.txt"), SENTENCE);
    }
    let ran = case.run(&[("GAZETTE_FAULT", "writer")]);
    assert_eq!(ran.code, Some(2), "{}", ran.stderr);
    assert!(ran.stderr.contains("gazette: error: internal error in writer"), "{}", ran.stderr);
    assert!(ran.stderr.ends_with("nothing was published\n"), "{}", ran.stderr);
    assert!(case.table_bytes() == before, "the previous tables changed");
    case.assert_only_tables();
}

#[test]
fn documents_over_the_size_limit_are_error_rows_and_never_read_whole() {
    let case = Case::new();
    let limit = gazette::ingest::MAX_DOCUMENT_BYTES;
    case.write("big.txt", vec![b'a'; limit + 1]);
    let long_line = format!("{{\"id\": \"long\", \"text\": \"{}\"}}\n", "a".repeat(limit));
    let jsonl = format!(
        "{{\"id\": \"one\", \"text\": \"{SENTENCE}\"}}\n{long_line}{{\"id\": \"three\", \"text\": \"{SENTENCE}\"}}\n"
    );
    case.write("batch.jsonl", jsonl);
    let ran = case.run(&[]);
    assert_eq!(ran.code, Some(1), "{}", ran.stderr);
    let line_bytes = long_line.len();
    assert_eq!(
        case.errors(),
        [
            format!(
                "batch.jsonl\t2\terror\tline of {line_bytes} bytes is larger than the limit of \
                 16 MiB for one document; skipped"
            ),
            format!(
                "big.txt\tnull\terror\tfile of {} bytes is larger than the limit of 16 MiB for \
                 one document; skipped",
                limit + 1
            ),
        ]
    );
    assert_eq!(case.table("documents", &["doc_id"]), ["one", "three"]);
}

#[test]
fn a_corrupted_byte_in_utf8_text_is_a_warning_and_the_text_is_kept() {
    let case = Case::new();
    let texts = [
        ("en.txt", "MFDS and PMDA signed the \u{201C}reliance\u{201D} pact; it\u{2019}s in force."),
        ("ja.txt", "厚生労働省と医薬品医療機器総合機構は新しい審査制度を説明した。"),
        ("ko.txt", SENTENCE),
    ];
    // A stray byte before the last character, as a bad disk or a bad copy leaves.
    let at = |text: &str| text.char_indices().last().unwrap().0;
    for (name, text) in texts {
        let mut bytes = text.as_bytes().to_vec();
        bytes.insert(at(text), 0xFF);
        case.write(name, bytes);
    }
    let ran = case.run(&[]);
    assert_eq!(ran.code, Some(0), "warnings do not fail a run: {}", ran.stderr);
    let warning = |at: usize| {
        format!(
            "null\twarning\tinvalid UTF-8 at byte {at}: 1 byte in 1 place replaced by U+FFFD; \
             the rest was read as UTF-8"
        )
    };
    assert_eq!(case.errors(), texts.map(|(name, text)| format!("{name}\t{}", warning(at(text)))));
    let documents = case.table("documents", &["doc_id", "text"]);
    assert_eq!(documents.len(), 3);
    assert!(documents.iter().all(|d| d.matches('\u{FFFD}').count() == 1), "{documents:?}");
    let mentions = case.table("mentions", &["doc_id", "surface"]);
    for expected in ["en\tMFDS", "en\tPMDA", "ja\t厚生労働省", "ko\t식약처"] {
        assert!(mentions.contains(&expected.to_owned()), "{expected}: {mentions:?}");
    }
}

#[test]
fn standard_input_and_pipes_are_read_once() {
    let case = Case::new();
    let jsonl = format!(
        "{{\"id\": \"s1\", \"text\": \"{SENTENCE}\"}}\n{{\"id\": \"s2\", \"text\": \"{SENTENCE}\"}}\n"
    );
    for (inputs, format) in [(["-"], Some("jsonl")), (["/dev/stdin"], None)] {
        let mut command = case.command(&inputs);
        if let Some(format) = format {
            command.args(["--format", format]);
        }
        let mut child = command.stdin(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        child.stdin.take().unwrap().write_all(jsonl.as_bytes()).unwrap();
        let ran = finish(child);
        assert_eq!(ran.code, Some(0), "{inputs:?}: {}", ran.stderr);
        assert_eq!(case.table("documents", &["doc_id"]), ["s1", "s2"], "{inputs:?}");
        // The boilerplate pass read the same bytes: nothing was lost to it.
        assert_eq!(case.table("mentions", &["surface"]), ["식약처", "식약처"]);
    }
}

#[test]
fn fifos_inside_a_folder_are_error_rows_never_a_hang() {
    let case = Case::new();
    case.write("a.txt", SENTENCE);
    let fifo = case.input().join("b.jsonl");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let ran = case.run(&[]);
    assert_eq!(ran.code, Some(1), "{}", ran.stderr);
    assert_eq!(
        case.errors(),
        ["b.jsonl\tnull\terror\ta FIFO (named pipe), not a regular file; skipped"]
    );
    assert_eq!(case.table("documents", &["doc_id"]), ["a"]);
}

#[test]
fn symbolic_links_are_followed_and_dangling_ones_are_error_rows() {
    use std::os::unix::fs::symlink;
    let case = Case::new();
    let elsewhere = case.dir.path().join("elsewhere");
    std::fs::create_dir_all(elsewhere.join("ko")).unwrap();
    std::fs::write(elsewhere.join("ko/far.txt"), SENTENCE).unwrap();
    symlink(elsewhere.join("ko/far.txt"), case.input().join("file-link.txt")).unwrap();
    symlink(elsewhere.join("ko"), case.input().join("dir-link")).unwrap();
    symlink(case.input().join("gone.txt"), case.input().join("dangling.txt")).unwrap();
    let ran = case.run(&[]);
    assert_eq!(ran.code, Some(1), "{}", ran.stderr);
    assert_eq!(case.table("documents", &["doc_id"]), ["dir-link/far", "file-link"]);
    assert_eq!(
        case.errors(),
        ["dangling.txt\tnull\terror\tdangling symbolic link (to `gone.txt`); skipped"]
    );
}

#[test]
fn a_closed_stderr_never_stops_the_run() {
    let case = Case::new();
    let bad_lines = "{not json\n".repeat(2_000);
    case.write("bad.jsonl", format!("{bad_lines}{{\"id\": \"ok\", \"text\": \"{SENTENCE}\"}}\n"));
    let mut child = case.command(&["in"]).stderr(Stdio::piped()).spawn().unwrap();
    drop(child.stderr.take());
    let ran = finish(child);
    assert_eq!(ran.code, Some(1));
    assert_eq!(case.table("errors", &["line"]).len(), 2_000);
    assert_eq!(case.table("documents", &["doc_id"]), ["ok"]);
}

#[test]
fn empty_inputs_are_error_rows_in_every_format() {
    let case = Case::new();
    for name in ["a.txt", "b.html", "c.jsonl", "f.json", "h.parquet"] {
        case.write(name, "");
    }
    case.write("d.jsonl", "\n  \n");
    case.write("e.txt", SENTENCE);
    case.write("g.json", " [ ]\n");
    let ran = case.run(&[]);
    assert_eq!(ran.code, Some(1), "{}", ran.stderr);
    assert_eq!(
        case.errors(),
        [
            "a.txt\tnull\terror\tempty file",
            "b.html\tnull\terror\tempty file",
            "c.jsonl\tnull\terror\tempty file",
            "d.jsonl\tnull\terror\tno JSON lines in file",
            "f.json\tnull\terror\tempty file",
            "g.json\tnull\terror\tempty JSON array: no document in file",
            "h.parquet\tnull\terror\tempty file",
        ]
    );
}

#[test]
fn a_run_that_reads_no_document_publishes_nothing_and_exits_2() {
    /// What the case is, its input files (name, text), and the reason given.
    type EmptyCase = (&'static str, &'static [(&'static str, &'static str)], &'static str);
    let cases: [EmptyCase; 3] = [
        ("an empty folder, as an unmounted mount point looks", &[], "no input file found"),
        (
            "only files gazette does not read",
            &[("a.csv", "[]"), ("b.md", "x"), (".c.txt", SENTENCE), (".d/e.txt", SENTENCE)],
            "no input file found (skipped: 2 hidden, 2 of unknown type; gazette reads .txt, \
             .jsonl, .ndjson, .json, .html, .htm, .parquet, also as .gz or .zst)",
        ),
        (
            "inputs that all fail",
            &[("a.jsonl", ""), ("b.txt", " \n")],
            "no document could be read (every input failed, see the errors above)",
        ),
    ];
    for (what, files, reason) in cases {
        let case = Case::new();
        let before = case.previous_output();
        for (name, text) in files {
            case.write(name, text);
        }
        let ran = case.run(&[]);
        assert_eq!(ran.code, Some(2), "{what}: {}", ran.stderr);
        let last = ran.stderr.lines().last().unwrap_or_default();
        assert_eq!(
            last,
            format!(
                "gazette: error: {reason}; nothing was published and the previous tables are \
                 kept (--allow-empty publishes an empty run)"
            ),
            "{what}"
        );
        assert!(case.table_bytes() == before, "{what}: the previous tables changed");
        case.assert_only_tables();
    }
}

#[test]
fn allow_empty_publishes_an_empty_run() {
    let case = Case::new();
    case.previous_output();
    let mut command = case.command(&["in", "--allow-empty"]);
    let ran = finish(command.stderr(Stdio::piped()).spawn().unwrap());
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert_eq!(case.table("documents", &["doc_id"]), Vec::<String>::new());
    case.assert_only_tables();
}

#[test]
fn a_second_run_on_the_same_output_exits_2_naming_the_first_or_waits_for_it() {
    let case = Case::new();
    let before = case.previous_output();
    case.write("a.txt", SENTENCE);
    let held =
        gazette::sink::OutputLock::acquire(&case.out(), "20261207T010203Z-77-0badcafe", false)
            .unwrap();
    let ran = case.run(&[]);
    assert_eq!(ran.code, Some(2), "{}", ran.stderr);
    assert_eq!(
        ran.stderr,
        format!(
            "gazette: error: output `{}` is in use by run 20261207T010203Z-77-0badcafe (process \
             {}); wait for it to end, or pass --wait to wait\n",
            case.out().display(),
            std::process::id()
        )
    );
    assert!(case.table_bytes() == before, "the previous tables changed");

    let mut waiting = case.command(&["in", "--wait"]);
    let child = waiting.stderr(Stdio::piped()).spawn().unwrap();
    std::thread::sleep(Duration::from_millis(500));
    assert!(case.table_bytes() == before, "a waiting run published");
    drop(held);
    let ran = finish(child);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert_eq!(case.table("documents", &["doc_id"]), ["a"]);
    case.assert_only_tables();
}

#[test]
fn json_prints_the_summary_of_a_run_or_its_failure_on_stdout() {
    let case = Case::new();
    case.write("a.txt", SENTENCE);
    case.write("b.jsonl", "{not json\n");
    case.write("notes.md", "x");
    let output = case.command(&["in", "--json"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let mut summary: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let run_id = summary["run_id"].as_str().unwrap().to_owned();
    assert_eq!(
        run_id.len(),
        "20261207T010203Z-".len() + 9 + run_id.split('-').nth(1).unwrap().len()
    );
    assert!(summary["seconds"].as_f64().unwrap() > 0.0);
    assert!(summary["mb_per_second"].as_f64().unwrap() > 0.0);
    for key in ["run_id", "seconds", "mb_per_second"] {
        summary.as_object_mut().unwrap().remove(key);
    }
    let out = case.out().display().to_string();
    let table = |name: &str| format!("{out}/{name}");
    assert_eq!(
        summary,
        serde_json::json!({
            "status": "some_inputs_failed", "exit_code": 1, "output": out,
            "tables": {
                "documents": table("documents"), "sentences": table("sentences"),
                "entities": table("entities"), "mentions": table("mentions"),
                "figures": table("figures"), "errors": table("errors"), "runs": table("runs"),
            },
            "mode": "full", "skipped_unchanged": 0, "replaced": 0,
            "documents": 1, "sentences": 1, "entities": case.table("entities", &["entity_id"]).len(),
            "mentions": 1, "figures": 1, "errors": 1, "warnings": 0,
            "errors_by_kind": {"input": 0, "read": 0, "record": 1, "duplicate_id": 0, "internal": 0},
            "skipped": {"hidden": 0, "unknown_type": 1, "output": 0},
            // The bytes of the documents read: a JSONL line without its newline.
            "bytes": SENTENCE.len() + "{not json".len(),
        })
    );

    let empty = Case::new();
    let output = empty.command(&["in", "--json"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let failure: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(failure["status"], "failed");
    assert_eq!(failure["exit_code"], 2);
    assert_eq!(
        failure["error"],
        "no input file found; nothing was published and the previous tables are kept \
         (--allow-empty publishes an empty run)"
    );
}

#[test]
fn compressed_inputs_are_read_and_a_corrupt_one_is_an_error_row() {
    use flate2::write::GzEncoder;
    let case = Case::new();
    let lines = |ids: [&str; 2]| {
        ids.map(|id| format!("{{\"id\": \"{id}\", \"text\": \"{SENTENCE}\"}}\n")).concat()
    };
    let mut gz = GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(lines(["g1", "g2"]).as_bytes()).unwrap();
    let gz = gz.finish().unwrap();
    case.write("a.jsonl.gz", &gz);
    case.write("b.jsonl.zst", zstd::encode_all(lines(["z1", "z2"]).as_bytes(), 3).unwrap());
    let mut text = GzEncoder::new(Vec::new(), flate2::Compression::default());
    text.write_all(SENTENCE.as_bytes()).unwrap();
    case.write("c.txt.gz", text.finish().unwrap());
    case.write("d.jsonl.gz", &gz[..gz.len() / 2]);
    let ran = case.run(&[]);
    assert_eq!(ran.code, Some(1), "{}", ran.stderr);
    assert_eq!(case.table("documents", &["doc_id"]), ["g1", "g2", "z1", "z2", "c"]);
    let errors = case.errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("d.jsonl.gz\t1\terror\tcannot read line: corrupt or truncated data"),
        "{errors:?}"
    );
}
