//! Throughput of the whole pipeline on the bundled example corpus: every
//! stage on in-memory documents, and a full run from files to Parquet.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gazette::cli::{load_dictionary, new_run_id};
use gazette::ingest::{self, JsonlFields};
use gazette::model::{Document, ErrorRow};
use gazette::pipeline::Pipeline;
use gazette::run::{Observer, RunOptions, run};

fn examples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples")
}

fn corpus() -> (Vec<Document>, u64) {
    let (files, errors) = ingest::discover(&[examples()]);
    assert!(errors.is_empty(), "{errors:?}");
    let fields = JsonlFields::default();
    let mut bytes = 0;
    let docs = files
        .iter()
        .flat_map(ingest::read_file)
        .map(|record| {
            let record = record.expect("example files are readable");
            bytes += record.bytes.len() as u64;
            ingest::parse_record(&record, &fields).expect("example documents parse")
        })
        .collect();
    (docs, bytes)
}

struct Silent;

impl Observer for Silent {
    fn start(&self, _: u64) {}
    fn advance(&self, _: u64) {}
    fn error(&self, error: &ErrorRow) {
        panic!("unexpected input error: {error:?}");
    }
}

fn bench(c: &mut Criterion) {
    let pipeline = Pipeline::new(load_dictionary(&[], true).expect("bundled dictionary loads"));
    let (docs, bytes) = corpus();
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
    let out = tempfile::tempdir().expect("temp dir");
    let options = RunOptions {
        inputs: vec![examples()],
        out_dir: out.path().to_path_buf(),
        fields: JsonlFields::default(),
        threads: None,
        run_id: new_run_id(),
    };
    group.bench_function("extract_to_parquet", |b| {
        b.iter(|| black_box(run(&pipeline, &options, &Silent).expect("run succeeds")));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
