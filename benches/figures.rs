//! Throughput of the figures stage alone (sentences split beforehand), on
//! text in the four languages without numbers, with the numbers of ordinary
//! news, and dense with figures, and on the bundled example corpus.

mod common;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gazette::figures::FigureExtractor;
use gazette::model::{Lang, SentenceSpan};
use gazette::segment;

use common::example_documents;

/// Prose without a digit or a number word, in four languages.
const WITHOUT_NUMBERS: &str = "The agency discussed manufacturing innovation and regulatory \
    reform with industry representatives, who asked for support in process development. \
    식약처는 의약품 제조 혁신과 규제 합리화를 위한 협력을 강화하겠다고 밝혔다. \
    厚生労働省は医薬品の製造革新と規制の合理化について業界団体と意見を交わした。\
    国家药监局表示将继续推进药品审评审批制度改革，支持医药产业高质量发展。\n";

/// News prose with the figures of an ordinary article.
const WITH_NUMBERS: &str = "On December 11, the alliance said that 45 companies had joined \
    its programme and that investment would reach $1.2 billion by 2030. \
    식약처는 2025년 7월 17일 의약품 제조 혁신을 위해 45개 기업과 협력하겠다고 밝혔다. \
    厚生労働省は2025年7月25日、約300億円を投じると発表した。\
    国家药监局今年批准了12个创新药品种，审评时限缩短至60个工作日。\n";

/// Text dense with figures of every kind.
const DENSE: &str = "On Oct 12, 2025, 45 companies and 61 plants reported 18% growth, \
    $1.2 billion in sales, 2.14 million liters and a Phase 2 start within 3 months. \
    2025년 7월 17일 45개 기업이 1조 2천억 원을 투자해 두 나라에서 3단계 사업을 시작했다. \
    令和7年4月1日、三十五人が第6回会合で二千万円と18.5%を報告した。\
    二〇二五年七月二十五日，两家企业获得1.2亿元，增长百分之十五。\n";

/// `unit` repeated to about one megabyte, and its sentences.
fn text_of(unit: &str) -> (String, Vec<SentenceSpan>) {
    let text = unit.repeat(1_000_000 / unit.len() + 1);
    let sentences = segment::split_sentences(&text);
    (text, sentences)
}

/// The example corpus as one text per document, with its sentences.
fn examples() -> Vec<(String, Vec<SentenceSpan>)> {
    let (docs, _) = example_documents();
    docs.into_iter()
        .map(|doc| {
            let sentences = segment::split_sentences(&doc.text);
            (doc.text, sentences)
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let extractor = FigureExtractor::new();
    let mut group = c.benchmark_group("figures");
    for (name, unit) in
        [("without_numbers", WITHOUT_NUMBERS), ("with_numbers", WITH_NUMBERS), ("dense", DENSE)]
    {
        let (text, sentences) = text_of(unit);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| black_box(extractor.extract(&text, &sentences, Lang::Mixed)));
        });
    }
    let docs = examples();
    let bytes: usize = docs.iter().map(|(text, _)| text.len()).sum();
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("examples", |b| {
        b.iter(|| {
            for (text, sentences) in &docs {
                black_box(extractor.extract(text, sentences, Lang::Mixed));
            }
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
