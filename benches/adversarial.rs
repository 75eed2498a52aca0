//! Every stage on hostile text, next to ordinary text: a run of one kind of
//! character is where a scanner that re-reads from every start turns
//! quadratic. Each input is about 1 MB and goes through what a document
//! goes through (decoding, cleaning, boilerplate removal, sentences,
//! dictionary, recognizers, figures); the MB/s of each should stay within a
//! small factor of the ordinary text's.

mod common;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gazette::dictionary::Dictionary;
use gazette::ingest::{self, Cleaning, Format, JsonlFields, RawRecord};
use gazette::pipeline::Pipeline;

use common::example_documents;

/// About this many bytes per input.
const SIZE: usize = 1 << 20;

/// `unit` repeated to about [`SIZE`] bytes.
fn run_of(unit: &str) -> String {
    unit.repeat(SIZE / unit.len())
}

/// The inputs: ordinary news first, then runs of one kind of character.
fn inputs() -> Vec<(&'static str, String)> {
    let (docs, _) = example_documents();
    let mut ordinary = String::new();
    while ordinary.len() < SIZE {
        for doc in &docs {
            ordinary.push_str(&doc.text);
            ordinary.push_str("\n\n");
        }
    }
    vec![
        ("ordinary", ordinary),
        ("digits", run_of("1")),
        ("digit_groups", run_of("1,")),
        ("decimals", run_of("1.")),
        ("han_numerals", run_of("一")),
        ("han_mixed", run_of("一二三十百千万億")),
        ("hangul", run_of("가")),
        ("hangul_numerals", run_of("십")),
        ("hangul_words", run_of("식약처는 ")),
        ("full_width_digits", run_of("１")),
        ("periods", run_of(".")),
        ("question_marks", run_of("?!")),
        ("cjk_stops", run_of("。")),
        ("spaces", format!("a{}b", run_of(" "))),
        ("newlines", format!("a{}b", run_of("\n"))),
        ("capitals", run_of("A")),
        ("initials", run_of("A. ")),
        ("hyphens", run_of("-")),
        ("percent_signs", run_of("%")),
        ("brackets", run_of("(")),
        ("quotes", run_of("\"")),
        ("dates", run_of("2025-07-17 ")),
        ("amounts", run_of("1조 2천억 원, ")),
        ("titled_names", run_of("Mr. Kim ")),
        ("acronym_uses", format!("Pacific Bridge Medical (PBM) {}", run_of("PBM said. "))),
    ]
}

fn bench(c: &mut Criterion) {
    let pipeline = Pipeline::new(Dictionary::builder().build().expect("bundled dictionary loads"));
    let fields = JsonlFields::default();
    let cleaning = Cleaning::default();
    let mut group = c.benchmark_group("adversarial");
    group.sample_size(10);
    for (name, text) in inputs() {
        let record = RawRecord {
            path: format!("{name}.txt"),
            line: None,
            path_id: Some(name.to_owned()),
            format: Format::Text,
            bytes: text.into_bytes(),
        };
        group.throughput(Throughput::Bytes(record.bytes.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let doc = ingest::parse_record(record.clone(), &fields, &cleaning);
                black_box(doc.map(|doc| pipeline.process(doc)))
            });
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
