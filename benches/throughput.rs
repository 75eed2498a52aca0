//! Throughput harness: a whole run over a corpus, measured against the
//! machine's limits.
//!
//! The corpus is an existing JSONL file (`--corpus PATH`, e.g. the benchmark
//! corpus of real text), or else the example corpus repeated with unique ids
//! into one JSONL file of `--mb` megabytes (default 50). The run goes from
//! that file to the six Parquet tables once per thread count in `--threads`
//! (default `1,2`), each in a process of its own so that its peak resident
//! memory is its own. Two reference speeds over the same corpus put the
//! numbers in context: the bare Aho-Corasick automaton of the bundled
//! dictionary's names over the documents' texts, and serde_json reading the
//! JSONL. The last lines give the ratio of the one-thread run to the bare
//! automaton, and the speed-up of each thread count over one thread.
//!
//! ```sh
//! cargo bench --bench throughput -- --corpus ../shared/bench/corpus/mixed.jsonl
//! cargo bench --bench throughput -- --mb 50 --threads 1,2
//! ```

#![allow(clippy::print_stdout, reason = "the harness reports on stdout")]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use gazette::dictionary::Dictionary;
use gazette::ingest::JsonlFields;
use gazette::model::Document;
use gazette::pipeline::Pipeline;
use gazette::run::{RunOptions, new_run_id, run};

use common::{Silent, example_documents};

/// What to measure, from the command line.
struct Settings {
    corpus: Option<PathBuf>,
    megabytes: usize,
    threads: Vec<usize>,
    /// Set in the process that makes one run: its thread count and output.
    child: Option<(usize, PathBuf)>,
}

impl Settings {
    /// Reads `--corpus PATH`, `--mb N` and `--threads A,B` (and the child's
    /// `--child N OUT`); ignores the flags cargo adds.
    fn from_args() -> Settings {
        let mut settings =
            Settings { corpus: None, megabytes: 50, threads: vec![1, 2], child: None };
        let mut args = std::env::args().skip(1);
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--corpus" => settings.corpus = Some(args.next().expect("--corpus PATH").into()),
                "--mb" => {
                    settings.megabytes = args.next().and_then(|v| v.parse().ok()).expect("--mb N")
                }
                "--threads" => {
                    settings.threads = args
                        .next()
                        .expect("--threads A,B")
                        .split(',')
                        .map(|n| n.parse().expect("a thread count"))
                        .collect()
                }
                "--child" => {
                    let threads = args.next().and_then(|v| v.parse().ok()).expect("--child N");
                    settings.child = Some((threads, args.next().expect("--child N OUT").into()));
                }
                _ => {}
            }
        }
        settings
    }
}

/// Writes the documents again and again, with unique ids, as one JSONL file
/// of at least `megabytes`.
fn write_corpus(docs: &[Document], path: &Path, megabytes: usize) {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("corpus created"));
    let mut bytes = 0u64;
    let target = megabytes as u64 * 1_000_000;
    'fill: for round in 0.. {
        for doc in docs {
            let line = serde_json::json!({
                "id": format!("{}-{round}", doc.id),
                "title": doc.title,
                "published": doc.published.map(|d| d.to_string()),
                "text": doc.text,
            })
            .to_string();
            out.write_all(line.as_bytes()).and_then(|()| out.write_all(b"\n")).expect("written");
            bytes += line.len() as u64 + 1;
            if bytes >= target {
                break 'fill;
            }
        }
    }
    out.flush().expect("corpus flushed");
}

/// Peak resident memory of this process in MB (Linux).
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn mb_per_s(bytes: u64, elapsed: Duration) -> f64 {
    bytes as f64 / 1e6 / elapsed.as_secs_f64()
}

/// The `text` of every JSONL line, and the time serde_json took to read them.
fn read_texts(path: &Path) -> (Vec<String>, Duration) {
    let jsonl = std::fs::read_to_string(path).expect("corpus readable");
    let start = Instant::now();
    let texts = jsonl
        .lines()
        .filter_map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).expect("valid JSON");
            value["text"].as_str().map(str::to_owned)
        })
        .collect();
    (texts, start.elapsed())
}

/// Time for the bare automaton of every dictionary name (ASCII
/// case-insensitive, contiguous NFA, leftmost-longest) over the texts.
fn bare_automaton(dictionary: &Dictionary, texts: &[String]) -> Duration {
    let names = dictionary.entities().iter().flat_map(|entity| &entity.aliases);
    let automaton = AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(names)
        .expect("automaton builds");
    let start = Instant::now();
    let matches: usize = texts.iter().map(|text| automaton.find_iter(text).count()).sum();
    std::hint::black_box(matches);
    start.elapsed()
}

/// The child process: one run of `input` with `threads` workers into
/// `out`; prints its seconds, documents written and peak RSS on one line.
fn run_once(input: &Path, threads: usize, out: &Path) {
    gazette::run::tune_system_allocator();
    let dictionary = Dictionary::builder().build().expect("bundled dictionary loads");
    let pipeline = Pipeline::new(dictionary);
    let options = RunOptions {
        inputs: vec![input.to_owned()],
        format: None,
        out_dir: out.to_owned(),
        fields: JsonlFields::default(),
        keep_boilerplate: false,
        threads: Some(threads),
        run_id: new_run_id(),
        allow_empty: false,
        incremental: false,
        wait: false,
        fault: None,
    };
    let start = Instant::now();
    let summary = run(&pipeline, &options, &Silent).expect("run succeeds");
    let elapsed = start.elapsed().as_secs_f64();
    let peak = peak_rss_mb().unwrap_or(f64::NAN);
    println!("{elapsed} {} {peak}", summary.rows.documents);
}

/// Runs [`run_once`] in a child process: seconds, documents, peak RSS in MB.
fn measure_run(input: &Path, threads: usize, out: &Path) -> (f64, u64, f64) {
    let exe = std::env::current_exe().expect("the harness knows its path");
    let output = Command::new(exe)
        .arg("--corpus")
        .arg(input)
        .arg("--child")
        .arg(threads.to_string())
        .arg(out)
        .output()
        .expect("the harness runs itself");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let line = String::from_utf8(output.stdout).expect("UTF-8 report");
    let fields: Vec<&str> = line.split_whitespace().collect();
    match fields[..] {
        [seconds, documents, peak] => (
            seconds.parse().expect("seconds"),
            documents.parse().expect("documents"),
            peak.parse().expect("peak RSS"),
        ),
        _ => panic!("unexpected report {line:?}"),
    }
}

fn main() {
    let settings = Settings::from_args();
    let dir = tempfile::tempdir().expect("temp dir");
    let input = settings.corpus.clone().unwrap_or_else(|| dir.path().join("corpus.jsonl"));
    if let Some((threads, out)) = &settings.child {
        run_once(&input, *threads, out);
        return;
    }
    if settings.corpus.is_none() {
        write_corpus(&example_documents().0, &input, settings.megabytes);
    }
    let bytes = std::fs::metadata(&input).expect("corpus readable").len();
    let (texts, reading) = read_texts(&input);
    let text_bytes: u64 = texts.iter().map(|t| t.len() as u64).sum();
    println!(
        "corpus: {} ({:.1} MB, {} documents, {:.1} MB of text)",
        input.display(),
        bytes as f64 / 1e6,
        texts.len(),
        text_bytes as f64 / 1e6
    );
    println!("reference, serde_json reading the JSONL, one thread: {:.0} MB/s", {
        mb_per_s(bytes, reading)
    });
    let dictionary = Dictionary::builder().build().expect("bundled dictionary loads");
    let (mut automaton, mut rounds) = (Duration::ZERO, 0u64);
    while automaton < Duration::from_secs(2) {
        automaton += bare_automaton(&dictionary, &texts);
        rounds += 1;
    }
    let automaton_speed = mb_per_s(text_bytes * rounds, automaton);
    println!(
        "reference, bare automaton of the {} bundled names over the texts, one thread: {:.1} MB/s",
        dictionary.entities().iter().map(|e| e.aliases.len()).sum::<usize>(),
        automaton_speed
    );
    drop(texts);

    let mut speeds = Vec::new();
    for &threads in &settings.threads {
        let out = dir.path().join(format!("out-{threads}"));
        let (seconds, documents, peak) = measure_run(&input, threads, &out);
        let speed = bytes as f64 / 1e6 / seconds;
        println!(
            "gazette extract, {threads} thread(s): {speed:.1} MB/s, {:.0} documents/s, \
             peak RSS {peak:.0} MB",
            documents as f64 / seconds,
        );
        speeds.push((threads, speed));
    }
    if let Some(&(1, one)) = speeds.first() {
        println!("ratio, one thread to the bare automaton: {:.2}", one / automaton_speed);
        for &(threads, speed) in &speeds[1..] {
            println!("speed-up, {threads} threads over one: {:.2}x", speed / one);
        }
    }
}
