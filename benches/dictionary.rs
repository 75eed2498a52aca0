//! The dictionary matcher: automaton build time and matching throughput, with
//! the bundled dictionary and with a generated one of 100,000 names; and the
//! throughput of the pattern recognizers, alone and after matching with the
//! steps over the whole document (acronyms, legal forms, people found again).

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gazette::dictionary::{Dictionary, Matcher};
use gazette::model::{Entity, EntityType, Lang, SentenceSpan, Span};
use gazette::recognize::{Claimed, Recognizer};

/// The example corpus as one text.
fn example_text() -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut text = String::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.expect("examples are readable");
        if entry.file_type().is_file() {
            text.push_str(&std::fs::read_to_string(entry.path()).unwrap_or_default());
            text.push('\n');
        }
    }
    text
}

/// A dictionary of 25,000 made-up entities with four names each: an English
/// name, an acronym, a Korean and a Chinese name.
fn generated_dictionary() -> Dictionary {
    const LATIN: [&str; 16] = [
        "ka", "ro", "mi", "sen", "tal", "vor", "bi", "ne", "dra", "lu", "pex", "or", "zan", "gi",
        "tho", "mel",
    ];
    const HANGUL: [char; 16] = [
        '가', '나', '다', '라', '마', '바', '사', '아', '자', '차', '카', '타', '파', '하', '연',
        '협',
    ];
    const HAN: [char; 16] = [
        '医', '药', '国', '家', '研', '究', '院', '科', '技', '生', '物', '制', '品', '局', '会',
        '中',
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state =
            state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        usize::try_from(state >> 60).unwrap_or(0)
    };
    let entities = (0..25_000)
        .map(|i| {
            let word = |next: &mut dyn FnMut() -> usize| -> String {
                (0..3).map(|_| LATIN[next()]).collect()
            };
            let english = format!(
                "{} {} Institute",
                capitalise(&word(&mut next)),
                capitalise(&word(&mut next))
            );
            let acronym: String =
                (0..4).map(|_| char::from(b'A' + u8::try_from(next()).unwrap_or(0))).collect();
            let korean: String = (0..5).map(|_| HANGUL[next()]).collect();
            let chinese: String = (0..5).map(|_| HAN[next()]).collect();
            Entity {
                id: format!("org:generated-{i}"),
                entity_type: EntityType::Organization,
                canonical: english,
                name_ko: Some(korean),
                name_ja: None,
                name_zh: Some(chinese),
                country: None,
                aliases: vec![acronym],
            }
        })
        .collect();
    Dictionary::from_entities(entities)
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

fn bench_dictionary(c: &mut Criterion) {
    let bundled = Dictionary::builder().build().expect("bundled loads");
    let generated = generated_dictionary();
    let names: usize = generated.entities().iter().map(|e| e.aliases.len()).sum();
    assert!(names >= 100_000, "{names}");
    let text = example_text().repeat(20);
    let sentences = [SentenceSpan { span: Span::new(0, text.len()), lang: Lang::Mixed }];

    let mut build = c.benchmark_group("dictionary/build");
    build.sample_size(10);
    build.bench_function("bundled", |b| b.iter(|| Matcher::new(black_box(&bundled))));
    build.bench_function("generated_100k", |b| b.iter(|| Matcher::new(black_box(&generated))));
    build.finish();

    let mut find = c.benchmark_group("dictionary/find");
    find.throughput(Throughput::Bytes(text.len() as u64));
    find.sample_size(20);
    for (name, dict) in [("bundled", &bundled), ("generated_100k", &generated)] {
        let matcher = Matcher::new(dict);
        find.bench_function(name, |b| b.iter(|| matcher.find(black_box(&text), &sentences)));
    }
    find.finish();

    let mut recognize = c.benchmark_group("recognize");
    recognize.throughput(Throughput::Bytes(text.len() as u64));
    recognize.sample_size(20);
    let recognizer = Recognizer::new();
    recognize.bench_function("find", |b| {
        b.iter(|| recognizer.find(black_box(&text), &sentences, Claimed::default()))
    });
    let matcher = Matcher::new(&bundled);
    recognize.bench_function("match_and_names", |b| {
        b.iter(|| {
            let matches = matcher.find(black_box(&text), &sentences);
            recognizer.names(&text, &sentences, &matches, &bundled)
        });
    });
    recognize.finish();
}

criterion_group!(benches, bench_dictionary);
criterion_main!(benches);
