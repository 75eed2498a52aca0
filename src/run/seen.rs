//! The document ids a run has taken: the one thing a run keeps for every
//! document, so kept at 16 bytes an id.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use crate::model::Origin;

/// Ids taken since the last merge, at least, before they are merged into
/// the sorted ones.
const MIN_RECENT: usize = 1 << 14;
/// The recent ids are merged once they are this fraction of the sorted
/// ones (or [`MIN_RECENT`]): the table of recent ids stays small, and each
/// id is moved by a merge about this many times over a run.
const RECENT_SHARE_DENOMINATOR: usize = 16;

/// The document ids a run has taken, each with where it was first read.
///
/// An id is kept as its 64-bit XXH3 hash (two ids of ten million documents
/// collide with a chance of about 3 in a million, which would show as a
/// duplicate-id error row naming both), and where it was read as the index
/// of its file's path plus its line: 16 bytes. Most ids are in one sorted
/// vector of exactly that size; the latest few are in a hash table, merged
/// into the vector as it fills. A hash table of every id would take up to
/// 37 bytes an id, twice as many while it grows.
#[derive(Default)]
pub(super) struct SeenIds {
    sorted: Vec<(u64, ReadAt)>,
    recent: FxHashMap<u64, ReadAt>,
    paths: Vec<String>,
    path_index: HashMap<String, u32>,
}

/// Where an id was first read: its file's index in [`SeenIds::paths`] and its
/// 1-based line, 0 for a file of one document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct ReadAt {
    path: u32,
    line: u32,
}

impl SeenIds {
    /// Number of ids taken.
    pub(super) fn len(&self) -> usize {
        self.sorted.len() + self.recent.len()
    }

    /// True when no id was taken.
    pub(super) fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Takes `id`, read at `source`; when it was taken before, returns
    /// where it was first read instead (`path:line`).
    pub(super) fn take(&mut self, id: &str, source: &Origin) -> Result<(), String> {
        let key = xxhash_rust::xxh3::xxh3_64(id.as_bytes());
        if let Some(ReadAt { path, line }) = self.first_read(key) {
            let path = self.paths[path as usize].clone();
            return Err(Origin { path, line: (line > 0).then_some(line) }.to_string());
        }
        let path = match self.path_index.get(&source.path) {
            Some(&index) => index,
            None => {
                let index = u32::try_from(self.paths.len()).unwrap_or(u32::MAX);
                self.paths.push(source.path.clone());
                self.path_index.insert(source.path.clone(), index);
                index
            }
        };
        self.recent.insert(key, ReadAt { path, line: source.line.unwrap_or(0) });
        if self.recent.len() >= MIN_RECENT.max(self.sorted.len() / RECENT_SHARE_DENOMINATOR) {
            self.merge_recent();
        }
        Ok(())
    }

    fn first_read(&self, key: u64) -> Option<ReadAt> {
        if let Some(&at) = self.recent.get(&key) {
            return Some(at);
        }
        let index = self.sorted.binary_search_by_key(&key, |&(k, _)| k).ok()?;
        Some(self.sorted[index].1)
    }

    /// Moves the recent ids into the sorted vector, merging from its end so
    /// that nothing but the recent ids is copied aside.
    fn merge_recent(&mut self) {
        let mut recent: Vec<(u64, ReadAt)> = self.recent.drain().collect();
        recent.sort_unstable_by_key(|&(key, _)| key);
        let mut older = self.sorted.len();
        self.sorted.reserve_exact(recent.len());
        self.sorted.resize(older + recent.len(), (0, ReadAt::default()));
        for end in (0..self.sorted.len()).rev() {
            let Some(&newest) = recent.last() else { break };
            if older > 0 && self.sorted[older - 1].0 > newest.0 {
                self.sorted[end] = self.sorted[older - 1];
                older -= 1;
            } else {
                self.sorted[end] = newest;
                recent.pop();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use proptest::prelude::*;

    use super::*;

    fn origin(path: &str, line: u32) -> Origin {
        Origin { path: path.to_owned(), line: Some(line) }
    }

    #[test]
    fn a_second_use_names_where_the_id_was_first_read() {
        let mut seen = SeenIds::default();
        assert_eq!(seen.take("a", &origin("one.jsonl", 1)), Ok(()));
        assert_eq!(seen.take("b", &Origin { path: "b.txt".into(), line: None }), Ok(()));
        assert_eq!(seen.take("a", &origin("two.jsonl", 7)), Err("one.jsonl:1".to_owned()));
        assert_eq!(seen.take("b", &origin("two.jsonl", 8)), Err("b.txt".to_owned()));
        assert_eq!(seen.len(), 2);
    }

    #[test]
    fn ids_merged_into_the_sorted_ones_are_still_found() {
        let mut seen = SeenIds::default();
        let count = MIN_RECENT * 3 + 5;
        for n in 0..count {
            let line = u32::try_from(n).unwrap() + 1;
            assert_eq!(seen.take(&format!("id-{n}"), &origin("in.jsonl", line)), Ok(()));
        }
        assert_eq!(seen.len(), count);
        assert!(seen.sorted.len() >= MIN_RECENT * 3, "merged: {}", seen.sorted.len());
        assert!(seen.sorted.windows(2).all(|w| w[0].0 < w[1].0));
        for n in [0, 1, MIN_RECENT, count - 1] {
            let first = format!("in.jsonl:{}", n + 1);
            assert_eq!(seen.take(&format!("id-{n}"), &origin("again.jsonl", 1)), Err(first));
        }
        assert_eq!(seen.len(), count);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(16))]

        /// Whatever the order and repetition of ids, and however many
        /// merges, the answers are those of a plain map of first uses.
        #[test]
        fn answers_match_a_map_of_first_uses(ids in prop::collection::vec(0u32..100_000, 20_000..80_000)) {
            let mut seen = SeenIds::default();
            let mut first: HashMap<u32, u32> = HashMap::new();
            for (line, id) in (1u32..).zip(&ids) {
                let expected = match first.get(id) {
                    Some(at) => Err(format!("in.jsonl:{at}")),
                    None => {
                        first.insert(*id, line);
                        Ok(())
                    }
                };
                prop_assert_eq!(seen.take(&id.to_string(), &origin("in.jsonl", line)), expected);
            }
            prop_assert_eq!(seen.len(), first.len());
        }
    }
}
