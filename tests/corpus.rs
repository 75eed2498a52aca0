//! The bundled example corpus through the binary with the bundled dictionary:
//! every input is used, every span slices the text exactly, output does not
//! depend on the number of threads.

use std::collections::HashMap;
use std::path::Path;

use crate::util::{examples, gazette, lines, rows};

fn extract_examples(out: &Path, threads: &str) {
    let run = gazette(&[
        "extract",
        "-q",
        "-j",
        threads,
        "-o",
        out.to_str().unwrap(),
        examples().to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(0), "{stderr}");
    assert!(stderr.is_empty(), "quiet run printed: {stderr}");
}

#[test]
fn every_span_slices_the_document_text() {
    let dir = tempfile::tempdir().unwrap();
    extract_examples(dir.path(), "2");
    let docs: HashMap<String, Vec<char>> = rows(&dir.path().join("documents"), &["doc_id", "text"])
        .into_iter()
        .map(|r| (r[0].clone(), r[1].chars().collect()))
        .collect();
    assert!(docs.len() >= 15, "{} documents", docs.len());
    let mut checked = 0;
    for (table, surface) in [("sentences", "text"), ("mentions", "surface"), ("figures", "surface")]
    {
        let path = dir.path().join(table);
        for row in rows(&path, &["doc_id", "start", "end", surface]) {
            let text = &docs[&row[0]];
            let (start, end): (usize, usize) = (row[1].parse().unwrap(), row[2].parse().unwrap());
            let slice: String = text[start..end].iter().collect();
            assert_eq!(slice, row[3], "{table} {}[{start}..{end}]", row[0]);
            checked += 1;
        }
    }
    assert!(checked > 400, "only {checked} spans");
    let errors = lines(&dir.path().join("errors"), &["source", "message"]);
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn legacy_encodings_are_decoded() {
    let dir = tempfile::tempdir().unwrap();
    extract_examples(dir.path(), "2");
    let docs = rows(&dir.path().join("documents"), &["source", "lang", "text"]);
    for (file, lang) in [
        ("ko_cdmo_special_act_cp949.txt", "ko"),
        ("ja_regenerative_review_sjis.txt", "ja"),
        ("zh_nmpa_trial_review_gb18030.txt", "zh"),
    ] {
        let doc = docs.iter().find(|r| r[0].ends_with(file)).unwrap_or_else(|| panic!("{file}"));
        assert_eq!(doc[1], lang, "{file}");
        assert!(!doc[2].contains('\u{FFFD}'), "{file} has replacement characters");
    }
}

#[test]
fn output_does_not_depend_on_threads() {
    let one = tempfile::tempdir().unwrap();
    let two = tempfile::tempdir().unwrap();
    extract_examples(one.path(), "1");
    extract_examples(two.path(), "2");
    let tables: [(&str, &[&str]); 4] = [
        ("documents", &["doc_id", "lang", "published", "text", "n_sentences"]),
        ("sentences", &["doc_id", "sentence_id", "start", "end", "lang"]),
        ("mentions", &["doc_id", "sentence_id", "start", "end", "entity_id"]),
        ("figures", &["doc_id", "start", "end", "kind", "value", "unit", "date"]),
    ];
    for (table, columns) in tables {
        assert_eq!(
            lines(&one.path().join(table), columns),
            lines(&two.path().join(table), columns),
            "{table}"
        );
    }
}
