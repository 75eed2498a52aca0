//! Throughput of the whole pipeline on the bundled example corpus: every
//! stage on in-memory documents, and a full run from a JSONL file (the corpus
//! repeated to a few megabytes) to Parquet.

mod common;

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gazette::dictionary::Dictionary;
use gazette::ingest::JsonlFields;
use gazette::model::Document;
use gazette::pipeline::Pipeline;
use gazette::run::{RunOptions, new_run_id, run};

use common::{Silent, example_documents};

/// Writes `docs` repeated `times` times as one JSONL file; returns its path
/// and size.
fn repeated_corpus(docs: &[Document], dir: &std::path::Path, times: usize) -> (PathBuf, u64) {
    let mut jsonl = String::new();
    for i in 0..times {
        for doc in docs {
            let line = serde_json::json!({"id": format!("{}-{i}", doc.id), "text": doc.text});
            jsonl.push_str(&line.to_string());
            jsonl.push('\n');
        }
    }
    let path = dir.join("corpus.jsonl");
    std::fs::write(&path, &jsonl).expect("corpus written");
    (path, jsonl.len() as u64)
}

fn bench(c: &mut Criterion) {
    let pipeline = Pipeline::new(Dictionary::builder().build().expect("bundled dictionary loads"));
    let (docs, bytes) = example_documents();
    let mentions: usize = docs.iter().map(|d| pipeline.process(d.clone()).mentions.len()).sum();
    assert!(mentions > 100, "the corpus yields mentions: {mentions}");

    let mut group = c.benchmark_group("examples");
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("process", |b| {
        b.iter(|| {
            for doc in &docs {
                black_box(pipeline.process(doc.clone()));
            }
        });
    });
    group.finish();

    let dir = tempfile::tempdir().expect("temp dir");
    let (input, input_bytes) = repeated_corpus(&docs, dir.path(), 200);
    let mut group = c.benchmark_group("corpus_x200");
    group.throughput(Throughput::Bytes(input_bytes));
    group.sample_size(10);
    let options = RunOptions {
        inputs: vec![input],
        format: None,
        out_dir: dir.path().join("out"),
        fields: JsonlFields::default(),
        keep_boilerplate: false,
        threads: None,
        run_id: new_run_id(),
        allow_empty: false,
        incremental: false,
        wait: false,
        fault: None,
    };
    group.bench_function("extract_to_parquet", |b| {
        b.iter(|| black_box(run(&pipeline, &options, &Silent).expect("run succeeds")));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
