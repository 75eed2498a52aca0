//! Lines that repeat across many documents of one source: menus, footers and
//! notices a site prints on every page. A pre-pass over the corpus counts,
//! for every source, in how many documents each line occurs.
//!
//! The table keeps only 64-bit hashes of (source, line), so its memory is
//! bounded by [`MAX_LINES`] entries whatever the corpus size. A document
//! whose text was already counted (a duplicate) is not counted again, so
//! copies of one article do not make its lines furniture.

use rustc_hash::{FxHashMap, FxHashSet};

use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

/// Most distinct (source, line) pairs counted; lines first seen after the
/// table is full are not counted.
pub const MAX_LINES: usize = 1 << 21;
/// Fewest documents of a source a line must occur in to be furniture.
const MIN_DOCUMENTS: u32 = 3;
/// A line must also occur in at least one in this many documents of its source.
const MIN_SHARE_DENOMINATOR: u32 = 20;

/// Per-source counts of the documents each line occurs in.
#[derive(Clone, Debug, Default)]
pub struct RepeatedLines {
    /// Documents holding each (source, line) hash.
    lines: FxHashMap<u64, u32>,
    /// Documents counted per source hash.
    documents: FxHashMap<u64, u32>,
    /// Hashes of the (source, text) of the documents counted.
    seen: FxHashSet<u64>,
}

/// The lines of one document, hashed with their source, each once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineHashes {
    source: u64,
    document: u64,
    lines: Vec<u64>,
}

/// Where a document comes from, for counting repeated lines: the host of
/// its URL when it has one, else the JSON Lines file it is a line of, else
/// the directory of its file.
#[must_use]
pub fn source_key(path: &str, jsonl: bool, url: Option<&str>) -> String {
    if let Some(host) = url.and_then(url_host) {
        return host.to_ascii_lowercase();
    }
    if jsonl {
        return path.to_owned();
    }
    path.rfind(['/', '\\']).map_or("", |end| &path[..end]).to_owned()
}

/// The host of an absolute URL (`https://www.example.com:443/a` gives
/// `www.example.com`).
fn url_host(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?.split(':').next()?;
    (!host.is_empty()).then_some(host)
}

/// Hashes the distinct `lines` of the document `text` from `source`, with
/// whitespace runs collapsed.
#[must_use]
pub fn hash_lines<'a>(
    source: &str,
    text: &str,
    lines: impl Iterator<Item = &'a str>,
) -> LineHashes {
    let source = hash_of(source);
    let mut lines: Vec<u64> = lines.map(|l| line_hash(source, l)).collect();
    lines.sort_unstable();
    lines.dedup();
    LineHashes { source, document: xxh3_64_with_seed(text.as_bytes(), source), lines }
}

impl RepeatedLines {
    /// Counts the lines of one document, unless the same text from the same
    /// source was counted before.
    pub fn add(&mut self, document: &LineHashes) {
        if !self.seen.insert(document.document) {
            return;
        }
        *self.documents.entry(document.source).or_default() += 1;
        for &line in &document.lines {
            let full = self.lines.len() >= MAX_LINES;
            match self.lines.get_mut(&line) {
                Some(count) => *count += 1,
                None if !full => {
                    self.lines.insert(line, 1);
                }
                None => {}
            }
        }
    }

    /// Keeps only the lines seen often enough to be furniture, once every
    /// document is counted.
    pub fn finish(&mut self) {
        self.lines.retain(|_, count| *count >= MIN_DOCUMENTS);
        self.lines.shrink_to_fit();
        self.seen = FxHashSet::default();
    }

    /// True when `line` of a document from `source` occurs in enough
    /// documents of that source to be page furniture.
    #[must_use]
    pub fn is_repeated(&self, source: &str, line: &str) -> bool {
        if self.lines.is_empty() {
            return false;
        }
        let source = hash_of(source);
        let documents = self.documents.get(&source).copied().unwrap_or(0);
        let count = self.lines.get(&line_hash(source, line)).copied().unwrap_or(0);
        count >= MIN_DOCUMENTS && count * MIN_SHARE_DENOMINATOR >= documents
    }
}

/// Hash of a line of a source: its words, separated by one space whatever
/// the whitespace between them.
fn line_hash(source: u64, line: &str) -> u64 {
    if is_single_spaced(line) {
        return xxh3_64_with_seed(line.as_bytes(), source);
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    xxh3_64_with_seed(words.join(" ").as_bytes(), source)
}

/// True when `line` is its words joined by single spaces.
fn is_single_spaced(line: &str) -> bool {
    let mut after_space = true;
    for c in line.chars() {
        match c {
            ' ' if after_space => return false,
            ' ' => after_space = true,
            c if c.is_whitespace() => return false,
            _ => after_space = false,
        }
    }
    !after_space || line.is_empty()
}

fn hash_of(value: &str) -> u64 {
    xxh3_64(value.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources() {
        let cases = [
            ("in/site/a.txt", false, Some("https://News.Example.com:443/a/1"), "news.example.com"),
            ("in/site/a.txt", false, None, "in/site"),
            ("a.txt", false, None, ""),
            ("feeds/x.jsonl", true, Some("not a url"), "feeds/x.jsonl"),
            ("feeds/x.jsonl", true, Some("https://user@host.kr/p"), "host.kr"),
        ];
        for (path, jsonl, url, want) in cases {
            assert_eq!(source_key(path, jsonl, url), want, "{path} {url:?}");
        }
    }

    #[test]
    fn lines_repeat_within_a_source_only() {
        let mut table = RepeatedLines::default();
        for i in 0..4 {
            let text = format!("Home  | News\nStory number {i}.\nHome | News\n");
            table.add(&hash_lines("site-a", &text, text.lines()));
        }
        table.add(&hash_lines("site-b", "Home | News", ["Home | News"].into_iter()));
        table.finish();
        assert!(table.is_repeated("site-a", " Home | News "));
        assert!(!table.is_repeated("site-a", "Story number 1."));
        assert!(!table.is_repeated("site-b", "Home | News"));
        assert!(!table.is_repeated("site-c", "Home | News"));
    }

    #[test]
    fn whitespace_between_words_does_not_matter() {
        let hash = line_hash(7, "Home | News");
        for line in ["Home | News", " Home  |\tNews ", "Home\u{3000}|\u{A0}News", "Home |\nNews"] {
            assert_eq!(line_hash(7, line), hash, "{line:?}");
        }
        assert_ne!(line_hash(8, "Home | News"), hash);
        assert_eq!(line_hash(7, " "), line_hash(7, ""));
    }

    #[test]
    fn duplicate_documents_count_once() {
        let mut table = RepeatedLines::default();
        for _ in 0..5 {
            table.add(&hash_lines("s", "Same story.", ["Same story."].into_iter()));
        }
        table.finish();
        assert!(!table.is_repeated("s", "Same story."));
    }

    #[test]
    fn a_line_must_hold_a_share_of_the_source() {
        let mut table = RepeatedLines::default();
        for i in 0..100 {
            let text = if i < 3 { format!("Shared quote.\n{i}") } else { format!("{i}") };
            table.add(&hash_lines("s", &text, text.lines()));
        }
        table.finish();
        assert!(!table.is_repeated("s", "Shared quote."));
    }
}
