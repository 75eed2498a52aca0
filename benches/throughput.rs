//! Throughput harness: a whole run over a corpus of a chosen size, measured
//! against the machine's limits.
//!
//! The example corpus is repeated, with unique ids, into one JSONL file of
//! `--mb` megabytes (default 50); then the run goes from that file to the six
//! Parquet tables once per thread count in `--threads` (default `1,2`). For
//! each run the harness prints MB/s, documents per second and peak resident
//! memory. Two reference speeds over the same texts put those numbers in
//! context: reading the JSONL with serde_json, and the bare Aho-Corasick
//! automaton of the bundled dictionary's names.
//!
//! ```sh
//! cargo bench --bench throughput -- --mb 50 --threads 1,2
//! ```

#![allow(clippy::print_stdout, reason = "the harness reports on stdout")]

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use gazette::cli::{load_dictionary, new_run_id};
use gazette::dictionary::Dictionary;
use gazette::ingest::JsonlFields;
use gazette::model::Document;
use gazette::pipeline::Pipeline;
use gazette::run::{RunOptions, run};

use common::{Silent, example_documents};

/// What to measure, from the command line.
struct Settings {
    megabytes: usize,
    threads: Vec<usize>,
}

impl Settings {
    /// Reads `--mb N` and `--threads A,B`; ignores the flags cargo adds.
    fn from_args() -> Settings {
        let mut settings = Settings { megabytes: 50, threads: vec![1, 2] };
        let mut args = std::env::args().skip(1);
        while let Some(arg) = args.next() {
            match arg.as_str() {
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
                _ => {}
            }
        }
        settings
    }
}

/// Writes the documents again and again, with unique ids, as one JSONL file
/// of at least `megabytes`; returns its path, size and document count.
fn write_corpus(docs: &[Document], dir: &Path, megabytes: usize) -> (PathBuf, u64, u64) {
    use std::io::Write;
    let path = dir.join("corpus.jsonl");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path).expect("corpus created"));
    let (mut bytes, mut count) = (0u64, 0u64);
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
            count += 1;
            if bytes >= target {
                break 'fill;
            }
        }
    }
    out.flush().expect("corpus flushed");
    (path, bytes, count)
}

/// Resets the kernel's peak-RSS counter of this process (Linux).
fn reset_peak_rss() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// Peak resident memory of this process in MB since the last reset (Linux).
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn mb_per_s(bytes: u64, elapsed: Duration) -> f64 {
    bytes as f64 / 1e6 / elapsed.as_secs_f64()
}

/// Time to parse every JSONL line with serde_json: the floor of reading.
fn read_jsonl(path: &Path) -> Duration {
    let text = std::fs::read_to_string(path).expect("corpus readable");
    let start = Instant::now();
    let mut chars = 0usize;
    for line in text.lines() {
        let value: serde_json::Value = serde_json::from_str(line).expect("valid JSON");
        chars += value["text"].as_str().map_or(0, str::len);
    }
    std::hint::black_box(chars);
    start.elapsed()
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

fn main() {
    let settings = Settings::from_args();
    let (docs, _) = example_documents();
    let dir = tempfile::tempdir().expect("temp dir");
    let (input, bytes, count) = write_corpus(&docs, dir.path(), settings.megabytes);
    println!("corpus: {:.1} MB, {count} documents", bytes as f64 / 1e6);

    let texts: Vec<String> = docs.iter().map(|doc| doc.text.clone()).collect();
    let text_bytes: u64 = texts.iter().map(|t| t.len() as u64).sum();
    let dictionary = load_dictionary(&[], true).expect("bundled dictionary loads");
    let mut repeat = Duration::ZERO;
    let mut rounds = 0u64;
    while repeat < Duration::from_secs(2) {
        repeat += bare_automaton(&dictionary, &texts);
        rounds += 1;
    }
    println!(
        "reference, bare automaton of {} names, one thread: {:.0} MB/s",
        dictionary.entities().iter().map(|e| e.aliases.len()).sum::<usize>(),
        mb_per_s(text_bytes * rounds, repeat)
    );
    println!(
        "reference, serde_json over the JSONL, one thread: {:.0} MB/s",
        mb_per_s(bytes, read_jsonl(&input))
    );

    let pipeline = Pipeline::new(dictionary);
    for threads in settings.threads {
        let options = RunOptions {
            inputs: vec![input.clone()],
            format: None,
            out_dir: dir.path().join(format!("out-{threads}")),
            fields: JsonlFields::default(),
            keep_boilerplate: false,
            threads: Some(threads),
            run_id: new_run_id(),
            allow_empty: false,
            incremental: false,
            wait: false,
            fault: None,
        };
        reset_peak_rss();
        let start = Instant::now();
        let summary = run(&pipeline, &options, &Silent).expect("run succeeds");
        let elapsed = start.elapsed();
        println!(
            "gazette extract, {threads} thread(s): {:.1} MB/s, {:.0} documents/s, peak RSS {}",
            mb_per_s(bytes, elapsed),
            count as f64 / elapsed.as_secs_f64(),
            peak_rss_mb().map_or("n/a".into(), |mb| format!("{mb:.0} MB")),
        );
        assert_eq!(summary.rows.documents, count, "every document is written");
    }
}
