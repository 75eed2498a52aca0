//! The documents an incremental run finds in the dataset, to skip those
//! that come again unchanged: what the run keeps for every document of an
//! archive, so kept at 16 bytes a document whatever the length of its id.

use xxhash_rust::xxh3::xxh3_64;

/// The `doc_id` and `content_hash` of every stored document, each as its
/// 64-bit XXH3 hash, sorted by id.
///
/// Two ids of ten million documents share a hash with a chance of about 3
/// in a million; such a document is then counted as replacing the other
/// (whose rows stay), and is skipped only when its content hash also
/// matches, a chance of 2^-64 more.
#[derive(Clone, Debug, Default)]
pub struct KnownDocuments {
    sorted: Vec<(u64, u64)>,
}

impl KnownDocuments {
    /// The documents of `(doc_id, content_hash)` pairs; of two pairs with
    /// one id, the later one counts.
    pub fn new<'a>(documents: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        Self::from_hashed(documents.into_iter().map(|(id, hash)| hashed(id, hash)).collect())
    }

    /// The documents of pairs made by [`hashed`], in the same order rule.
    pub(super) fn from_hashed(mut sorted: Vec<(u64, u64)>) -> Self {
        // A stable sort keeps the pairs of one id in order, and dedup keeps
        // the first of a run: the last one's hash is moved into it.
        sorted.sort_by_key(|&(id, _)| id);
        sorted.dedup_by(|later, kept| {
            let same = later.0 == kept.0;
            if same {
                kept.1 = later.1;
            }
            same
        });
        sorted.shrink_to_fit();
        KnownDocuments { sorted }
    }

    /// Number of documents.
    #[must_use]
    pub fn len(&self) -> usize {
        self.sorted.len()
    }

    /// True when there is no document.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.sorted.is_empty()
    }

    /// True when the dataset holds a document with this id.
    #[must_use]
    pub fn contains(&self, id: &str) -> bool {
        self.content_of(id).is_some()
    }

    /// True when the dataset holds this document with this content hash.
    #[must_use]
    pub fn is_unchanged(&self, id: &str, content_hash: &str) -> bool {
        self.content_of(id).is_some_and(|stored| stored == xxh3_64(content_hash.as_bytes()))
    }

    fn content_of(&self, id: &str) -> Option<u64> {
        // A full run knows no document: no id is hashed for nothing.
        if self.sorted.is_empty() {
            return None;
        }
        let key = xxh3_64(id.as_bytes());
        let index = self.sorted.binary_search_by_key(&key, |&(id, _)| id).ok()?;
        Some(self.sorted[index].1)
    }
}

/// A document's id and content hash as [`KnownDocuments`] keeps them.
pub(super) fn hashed(id: &str, content_hash: &str) -> (u64, u64) {
    (xxh3_64(id.as_bytes()), xxh3_64(content_hash.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_is_unchanged_only_with_its_own_content_hash() {
        let known = KnownDocuments::new([("a", "hash-a"), ("b", "hash-b"), ("c", "hash-c")]);
        assert_eq!(known.len(), 3);
        assert!(known.contains("b"));
        assert!(!known.contains("d"));
        assert!(known.is_unchanged("b", "hash-b"));
        assert!(!known.is_unchanged("b", "hash-a"));
        assert!(!known.is_unchanged("d", "hash-b"));
    }

    #[test]
    fn of_two_pairs_with_one_id_the_later_counts() {
        let known = KnownDocuments::new([("a", "old"), ("b", "x"), ("a", "new"), ("a", "newest")]);
        assert_eq!(known.len(), 2);
        assert!(known.is_unchanged("a", "newest"));
        assert!(!known.is_unchanged("a", "old"));
        assert!(known.is_unchanged("b", "x"));
    }

    #[test]
    fn many_documents_are_all_found() {
        let documents: Vec<(String, String)> =
            (0..10_000).map(|n| (format!("doc-{n}"), format!("hash-{}", n * 7))).collect();
        let known = KnownDocuments::new(documents.iter().map(|(i, h)| (i.as_str(), h.as_str())));
        assert_eq!(known.len(), 10_000);
        assert!(documents.iter().all(|(id, hash)| known.is_unchanged(id, hash)));
        assert!(!known.contains("doc-10000"));
        assert!(KnownDocuments::default().is_empty());
    }
}
