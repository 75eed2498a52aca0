//! Throughput of the sentence segmenter alone (boundaries and the language
//! of each sentence), one thread, on news-style paragraphs in English,
//! Korean, Japanese and Chinese, each repeated to about one megabyte.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gazette::segment::split_sentences;

/// Size each language's text is repeated to.
const TEXT_BYTES: usize = 1 << 20;

const ENGLISH: &str = "Regulators from Seoul and Tokyo met on Oct. 12, 2025 to review \
shared audits. Dr. Kim of the MFDS said the plan covers 2.5 million units, i.e. most \
class II devices. \"Is it ready?\" one reporter asked. Officials said approx. 40 firms, \
e.g. Hanmi Co. and Celltrion Inc., would join by the U.S. deadline... The fee is $3.50 \
per unit; details are at www.mfds.go.kr. Sales rose 12.7% in 2024!\n\
Key findings\n\
- Faster reviews\n\
- Shared inspections\n\n";

const KOREAN: &str = "식품의약품안전처는 12일 일본 후생노동성과 의료기기 심사 협력을 \
확대한다고 밝혔다. 양국은 2.5%의 수수료 인하에도 합의했다.처장은 \"속도를 높이겠다. \
교육도 늘리겠다\"라고 말했다. 주요 내용은 ▲심사 단축 ▲인력 확충 ▲교육 강화다. \
자세한 내용은 www.mfds.go.kr에서 확인할 수 있습니까? 그렇습니다.\n\
○ 신청 기간: 3월\n○ 대상: 중소기업\n\n";

const JAPANESE: &str = "厚生労働省は十二日、韓国の食品医薬品安全処と医療機器の審査協力を\
拡大すると発表した。大臣は「審査を早める。研修も増やす。」と述べた。PMDAも参加した！\
本当に間に合うのか？結果は……まだ分からない。売上は１２．５億円に達した。\n\
『医療機器の未来』が出版された。評判は良い。\n\n";

const CHINESE: &str = "国家药监局发布了新的医疗器械审评指南。企业需要在2025年底前完成\
整改！局长表示：“我们会加快审评。”随后离开。第一，加强监管；第二，提高效率。\
市场规模达到３．２亿元，增长率为12.5%。结果……令人意外。这个产品安全吗？正在评估。\n\
《药品管理法》已经修订。\n\n";

fn repeated(paragraph: &str) -> String {
    paragraph.repeat(TEXT_BYTES / paragraph.len() + 1)
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("segment");
    for (name, paragraph) in
        [("english", ENGLISH), ("korean", KOREAN), ("japanese", JAPANESE), ("chinese", CHINESE)]
    {
        let text = repeated(paragraph);
        assert!(split_sentences(&text).len() > 1000, "{name} text has sentences");
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| b.iter(|| black_box(split_sentences(black_box(&text)))));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
