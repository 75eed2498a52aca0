//! Searches for a few hundred words in a text: every occurrence, overlapping
//! ones included ([`WordSet`], what boilerplate phrases and recognizer head
//! words need), or the leftmost-longest one from a position
//! ([`LongestWords`], the words that start a figure).
//!
//! Both walk an Aho-Corasick DFA one byte at a time with the state in a
//! register: the same automaton and the same matches, in the same order, as
//! `AhoCorasick::find_overlapping_iter` and `AhoCorasick::find`, whose
//! search loops keep their state in memory and cost about twice as much per
//! byte. [`WordSet`] reads a text of more than a few hundred bytes as two
//! halves walked at once, so that the two walks' memory loads overlap.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind};

use crate::model::Span;

/// A set of words, searched for every occurrence.
#[derive(Clone, Debug)]
pub struct WordSet {
    dfa: DFA,
}

impl WordSet {
    /// The set of `words`; with `ascii_case_insensitive`, ASCII letters
    /// match in either case.
    ///
    /// # Panics
    ///
    /// When the words would need a DFA of more than 2³¹ states, which a
    /// few thousand words never do.
    #[must_use]
    pub fn new(
        words: impl IntoIterator<Item = impl AsRef<[u8]>>,
        ascii_case_insensitive: bool,
    ) -> Self {
        WordSet { dfa: dfa(words, MatchKind::Standard, ascii_case_insensitive) }
    }

    /// Calls `found` with the index of the word and its byte span for every
    /// occurrence in `text`, by end, and at one end in the order
    /// `find_overlapping_iter` gives.
    pub fn for_each(&self, text: &str, mut found: impl FnMut(usize, Span)) {
        let dfa = &self.dfa;
        // An unanchored search always has a start state.
        let Ok(start) = dfa.start_state(Anchored::No) else { return };
        let bytes = text.as_bytes();
        if bytes.len() < TWO_WALKS_MIN_BYTES {
            self.walk(start, bytes, 0, &mut found);
            return;
        }
        // The front walk reads the first half and finds the words ending in
        // it; the back walk starts early enough to see every word ending in
        // the second half, whose words are kept until the front walk is done.
        let half = bytes.len() / 2;
        let back_from = half.saturating_sub(dfa.max_pattern_len().saturating_sub(1));
        let mut later = Vec::new();
        let (mut front, mut back) = ((start, 0), (start, back_from));
        while front.1 < half {
            let len = (half - front.1).min(bytes.len() - back.1);
            let (front_state, back_state, read) = run_two_to_special(
                dfa,
                (front.0, &bytes[front.1..front.1 + len]),
                (back.0, &bytes[back.1..back.1 + len]),
            );
            front = (front_state, front.1 + read);
            back = (back_state, back.1 + read);
            self.report(front.0, front.1, &mut found);
            if back.1 > half {
                self.report(back.0, back.1, &mut |word, span| later.push((word, span)));
            }
        }
        self.walk(back.0, bytes, back.1, &mut |word, span: Span| {
            if span.end > half {
                later.push((word, span));
            }
        });
        later.into_iter().for_each(|(word, span)| found(word, span));
    }

    /// [`WordSet::for_each`] from `state` at byte `at` to the end of `bytes`.
    fn walk(
        &self,
        mut state: StateID,
        bytes: &[u8],
        mut at: usize,
        found: &mut impl FnMut(usize, Span),
    ) {
        while at < bytes.len() {
            let read;
            (state, read) = run_to_special(&self.dfa, state, &bytes[at..]);
            at += read;
            self.report(state, at, found);
        }
    }

    /// Calls `found` for the words that `state`, reached at byte `end`,
    /// matches.
    fn report(&self, state: StateID, end: usize, found: &mut impl FnMut(usize, Span)) {
        let dfa = &self.dfa;
        // Without a prefilter the special states are the dead one, which
        // an unanchored search never reaches, and the match states.
        if dfa.is_special(state) && dfa.is_match(state) {
            for i in 0..dfa.match_len(state) {
                let word = dfa.match_pattern(state, i);
                found(word.as_usize(), Span::new(end - dfa.pattern_len(word), end));
            }
        }
    }
}

/// A set of words, searched for the leftmost-longest occurrence.
#[derive(Clone, Debug)]
pub struct LongestWords {
    dfa: DFA,
}

impl LongestWords {
    /// The set of `words`, as [`WordSet::new`] makes it; of two equal
    /// words, the first is reported.
    ///
    /// # Panics
    ///
    /// As [`WordSet::new`].
    #[must_use]
    pub fn new(
        words: impl IntoIterator<Item = impl AsRef<[u8]>>,
        ascii_case_insensitive: bool,
    ) -> Self {
        LongestWords { dfa: dfa(words, MatchKind::LeftmostLongest, ascii_case_insensitive) }
    }

    /// The index and byte span of the leftmost occurrence in `text` that
    /// starts at or after `from`, the longest of those starting there.
    #[must_use]
    pub fn find(&self, text: &str, from: usize) -> Option<(usize, Span)> {
        let dfa = &self.dfa;
        let mut state = dfa.start_state(Anchored::No).ok()?;
        let bytes = text.as_bytes();
        let mut at = from;
        let mut found = None;
        while at < bytes.len() {
            let read;
            (state, read) = run_to_special(dfa, state, &bytes[at..]);
            at += read;
            if !dfa.is_special(state) || dfa.is_dead(state) {
                break;
            }
            // A match state: a longer match may follow until the DFA dies.
            let word = dfa.match_pattern(state, 0);
            found = Some((word.as_usize(), Span::new(at - dfa.pattern_len(word), at)));
        }
        found
    }
}

/// The DFA of `words` for matches of `kind`, without a prefilter: the
/// search loops below rely on special states being dead or match states.
fn dfa(
    words: impl IntoIterator<Item = impl AsRef<[u8]>>,
    kind: MatchKind,
    ascii_case_insensitive: bool,
) -> DFA {
    DFA::builder()
        .match_kind(kind)
        .ascii_case_insensitive(ascii_case_insensitive)
        .prefilter(false)
        .build(words)
        .expect("a word list builds a DFA")
}

/// Texts at least this long are read by two walks of the DFA at once, one
/// per half: each step of a walk waits for the load of its next state, and
/// two independent walks wait together. Shorter texts, such as most lines
/// of a page, gain less than the second walk's setup costs.
const TWO_WALKS_MIN_BYTES: usize = 192;

/// Runs `dfa` over the bytes of two walks, each from its state, a byte of
/// each at a time, until either enters a special state or the shorter one
/// ends: returns both states and the bytes each read.
#[inline(never)]
fn run_two_to_special(
    dfa: &DFA,
    (mut first, first_bytes): (StateID, &[u8]),
    (mut second, second_bytes): (StateID, &[u8]),
) -> (StateID, StateID, usize) {
    for (i, (&a, &b)) in first_bytes.iter().zip(second_bytes).enumerate() {
        first = dfa.next_state(Anchored::No, first, a);
        second = dfa.next_state(Anchored::No, second, b);
        if dfa.is_special(first) || dfa.is_special(second) {
            return (first, second, i + 1);
        }
    }
    (first, second, first_bytes.len().min(second_bytes.len()))
}

/// Runs `dfa` from `state` over `bytes` until it enters a special state:
/// returns that state and the bytes read, or the last state and all of
/// them. A function of its own, so that this loop keeps its state in
/// registers whatever the caller does with a match.
#[inline(never)]
fn run_to_special(dfa: &DFA, mut state: StateID, bytes: &[u8]) -> (StateID, usize) {
    for (i, &byte) in bytes.iter().enumerate() {
        state = dfa.next_state(Anchored::No, state, byte);
        if dfa.is_special(state) {
            return (state, i + 1);
        }
    }
    (state, bytes.len())
}

#[cfg(test)]
mod tests {
    use aho_corasick::AhoCorasick;
    use proptest::prelude::*;

    use super::*;

    fn every(words: &[&str], text: &str, insensitive: bool) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        WordSet::new(words, insensitive).for_each(text, |w, s| out.push((w, s.start, s.end)));
        out
    }

    #[test]
    fn overlapping_and_nested_words_are_all_found() {
        let words = ["he", "she", "hers", "기자", "기자="];
        assert_eq!(
            every(&words, "ushers 김 기자=", false),
            [(1, 1, 4), (0, 2, 4), (2, 2, 6), (3, 11, 17), (4, 11, 18)]
        );
    }

    #[test]
    fn ascii_letters_match_in_either_case_when_asked() {
        assert_eq!(every(&["Copyright"], "COPYRIGHT copyright", true), [(0, 0, 9), (0, 10, 19)]);
        assert_eq!(every(&["Copyright"], "COPYRIGHT copyright", false), []);
    }

    #[test]
    fn the_longest_of_the_leftmost_words_is_found_from_a_position() {
        let words = LongestWords::new(["five", "fifty", "fifty-five", "Five"], true);
        let text = "fifty-five or FIVE";
        assert_eq!(words.find(text, 0), Some((2, Span::new(0, 10))));
        assert_eq!(words.find(text, 1), Some((0, Span::new(6, 10))));
        assert_eq!(words.find(text, 11), Some((0, Span::new(14, 18))));
        assert_eq!(words.find(text, 15), None);
    }

    proptest! {
        #[test]
        fn the_same_match_as_the_leftmost_longest_search(
            words in prop::collection::vec("[abc가]{1,3}", 1..8),
            text in "[abcABC가 ]{0,40}",
            from in 0usize..44,
            insensitive: bool,
        ) {
            let from = (0..=from.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap();
            let reference = AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(insensitive)
                .build(&words)
                .unwrap()
                .find(aho_corasick::Input::new(&text).range(from..))
                .map(|m| (m.pattern().as_usize(), Span::new(m.start(), m.end())));
            prop_assert_eq!(LongestWords::new(&words, insensitive).find(&text, from), reference);
        }

        #[test]
        fn the_same_matches_as_the_overlapping_iterator(
            words in prop::collection::vec("[abc가]{1,6}", 1..8),
            // Short texts take one walk, long ones two.
            text in "[abcABC가 ]{0,40}|[abcABC가 ]{190,400}",
            insensitive: bool,
        ) {
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            let reference: Vec<(usize, usize, usize)> = AhoCorasick::builder()
                .ascii_case_insensitive(insensitive)
                .build(&words)
                .unwrap()
                .find_overlapping_iter(&text)
                .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
                .collect();
            prop_assert_eq!(every(&words, &text, insensitive), reference);
        }
    }
}
