//! The sentence-boundary suite: cases by language and category, in the
//! style of the "Golden Rules" of rule-based segmenters, kept as data in
//! `cases/*.tsv`. Every case must pass; the pass counts by language and
//! category are printed (`cargo test golden -- --nocapture`).

use std::collections::BTreeMap;

use super::split_sentences;

/// The case files, by language.
const CASE_FILES: &[(&str, &str)] = &[
    ("en", include_str!("cases/en.tsv")),
    ("ko", include_str!("cases/ko.tsv")),
    ("ja", include_str!("cases/ja.tsv")),
    ("zh", include_str!("cases/zh.tsv")),
    ("mixed", include_str!("cases/mixed.tsv")),
    ("layout", include_str!("cases/layout.tsv")),
];

/// One case: its category, text and expected sentences.
struct Case {
    category: String,
    text: String,
    sentences: Vec<String>,
}

/// Undoes the `\n`, `\r`, `\t` and `\\` escapes of a case field.
fn unescape(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

fn cases(file: &str) -> Vec<Case> {
    file.lines()
        .filter(|line| !line.starts_with('#') && !line.is_empty())
        .map(|line| {
            let mut fields = line.split('\t').map(unescape);
            let category = fields.next().unwrap_or_default();
            let text = fields.next().unwrap_or_default();
            Case { category, text, sentences: fields.collect() }
        })
        .collect()
}

#[test]
#[allow(clippy::print_stdout)]
fn golden_rule_cases_pass() {
    let mut counts: BTreeMap<(&str, String), (usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    for &(language, file) in CASE_FILES {
        for case in cases(file) {
            let got: Vec<&str> = split_sentences(&case.text)
                .iter()
                .map(|s| &case.text[s.span.start..s.span.end])
                .collect();
            let passed = got == case.sentences;
            let count = counts.entry((language, case.category.clone())).or_default();
            count.0 += usize::from(passed);
            count.1 += 1;
            if !passed {
                failures.push(format!(
                    "[{language}/{}] {:?}\n  want {:?}\n  got  {got:?}",
                    case.category, case.text, case.sentences
                ));
            }
        }
    }
    let (passed, total) = counts.values().fold((0, 0), |(p, t), c| (p + c.0, t + c.1));
    for ((language, category), (p, t)) in &counts {
        println!("{language:<7}{category:<22}{p:>4}/{t}");
    }
    println!("{:<29}{passed:>4}/{total}", "all");
    assert!(total >= 250, "only {total} cases");
    assert!(failures.is_empty(), "{} failing cases:\n{}", failures.len(), failures.join("\n"));
}
