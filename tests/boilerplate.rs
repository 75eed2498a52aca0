//! Boilerplate removal over a corpus: lines a site repeats on every page go,
//! per source, whatever the number of threads; `--keep-boilerplate` keeps
//! them.

use std::path::Path;

use crate::util::{gazette, lines};

/// A line the site prints on each of its pages, which no per-line signal
/// catches on its own.
const SITE_LINE: &str = "Regulatory Affairs Weekly for industry professionals";

/// Writes four pages of one site (in `site/`) and one page elsewhere that
/// quotes the site line once.
fn write_corpus(root: &Path) {
    let site = root.join("site");
    std::fs::create_dir_all(&site).unwrap();
    for (i, topic) in ["audits", "recalls", "labels", "trials"].iter().enumerate() {
        let page = format!(
            "Agency update on {topic}\n{SITE_LINE}\n\nThe agency published new guidance on \
             {topic} this week, and companies have {} months to comply with it.\n",
            i + 3
        );
        std::fs::write(site.join(format!("page{i}.txt")), page).unwrap();
    }
    let other = root.join("other");
    std::fs::create_dir_all(&other).unwrap();
    let page = format!(
        "{SITE_LINE}\nThe agency published new guidance on audits this week, and \
         companies have three months to comply.\n"
    );
    std::fs::write(other.join("quote.txt"), page).unwrap();
}

fn extract(input: &Path, out: &Path, extra: &[&str]) -> Vec<String> {
    let mut args = vec!["extract", "-q", "-o", out.to_str().unwrap()];
    args.extend(extra);
    args.push(input.to_str().unwrap());
    let run = gazette(&args);
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    lines(&out.join("documents"), &["doc_id", "boilerplate_chars", "text"])
}

#[test]
fn lines_repeated_across_a_source_are_removed() {
    let dir = tempfile::tempdir().unwrap();
    write_corpus(dir.path());
    let one = extract(dir.path(), &dir.path().join("out1"), &["-j", "1"]);
    let two = extract(dir.path(), &dir.path().join("out2"), &["-j", "2"]);
    assert_eq!(one, two, "output depends on the number of threads");
    assert_eq!(one.len(), 5);
    let removed = SITE_LINE.chars().count().to_string();
    for row in &one {
        let fields: Vec<&str> = row.splitn(3, '\t').collect();
        if fields[0].starts_with("site/") {
            assert_eq!(fields[1], removed, "{row}");
            assert!(!fields[2].contains(SITE_LINE), "{row}");
            assert!(fields[2].starts_with("Agency update on "), "{row}");
        } else {
            assert_eq!(fields[1], "0", "another source keeps the line: {row}");
            assert!(fields[2].starts_with(SITE_LINE), "{row}");
        }
    }

    let kept = extract(dir.path(), &dir.path().join("out3"), &["--keep-boilerplate"]);
    for row in &kept {
        let fields: Vec<&str> = row.splitn(3, '\t').collect();
        assert_eq!(fields[1], "0", "{row}");
        assert!(fields[2].contains(SITE_LINE), "{row}");
    }
}
