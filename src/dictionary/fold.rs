//! Folding for matching: a normalised copy of a text plus the map from its byte
//! offsets back to the original.
//!
//! Dictionary patterns and documents are folded identically: ASCII letters to
//! lowercase, full-width ASCII forms (U+FF01..U+FF5E) to ASCII, every run of
//! whitespace (tabs, line breaks, NBSP, ideographic space...) to one space, each
//! dash or hyphen (`-` and its variants) to a space, so that "Bio-Pharma" and
//! "Bio Pharma" fold alike, and the curly apostrophe `’` to `'`.

use std::sync::LazyLock;

use memchr::memmem::Finder;

/// A folded copy of a text that can map its offsets back to the original.
#[derive(Debug)]
pub(super) struct FoldedText {
    text: String,
    /// `(folded offset, original offset)` pairs, sorted, starting with `(0, 0)`,
    /// recorded wherever the distance between the two offsets changes: between
    /// two anchors, folded and original bytes correspond one to one.
    anchors: Vec<(usize, usize)>,
}

impl FoldedText {
    /// Folds `original`.
    pub(super) fn new(original: &str) -> Self {
        let mut folded =
            FoldedText { text: String::with_capacity(original.len()), anchors: vec![(0, 0)] };
        // Characters that fold to themselves are copied in runs; ASCII case is
        // folded in one pass at the end.
        let bytes = original.as_bytes();
        let mut unchanged_from = 0;
        let mut in_whitespace = false;
        let mut start = 0;
        // The first byte at or after `start` that may not fold to itself,
        // found again once `start` passes it.
        let mut special = 0;
        while start < bytes.len() {
            if special < start {
                special = bytes[start..]
                    .iter()
                    .position(|&byte| !PLAIN_BYTES[usize::from(byte)])
                    .map_or(bytes.len(), |at| start + at);
            }
            let plain = plain_run_end(bytes, start, special, in_whitespace);
            if plain > start {
                in_whitespace = bytes[plain - 1] == b' ';
                start = plain;
                continue;
            }
            let Some(c) = original[start..].chars().next() else { break };
            let end = start + c.len_utf8();
            if let Some(replacement) = fold_char(c, &mut in_whitespace) {
                folded.text.push_str(&original[unchanged_from..start]);
                folded.text.extend(replacement);
                unchanged_from = end;
                record_anchor(&mut folded.anchors, folded.text.len(), unchanged_from);
            }
            start = end;
        }
        folded.text.push_str(&original[unchanged_from..]);
        folded.text.make_ascii_lowercase();
        folded
    }

    /// The folded text.
    pub(super) fn as_str(&self) -> &str {
        &self.text
    }

    /// Consumes the folded text, returning it without its offset map.
    pub(super) fn into_string(self) -> String {
        self.text
    }

    /// The original offset of `folded`, a folded offset where a folded char
    /// starts or ends (a whitespace run maps to its first character).
    pub(super) fn original_offset(&self, folded: usize) -> usize {
        let after = self.anchors.partition_point(|&(anchor, _)| anchor <= folded);
        let (anchor_folded, anchor_original) =
            after.checked_sub(1).and_then(|i| self.anchors.get(i)).copied().unwrap_or((0, 0));
        anchor_original + (folded - anchor_folded)
    }
}

/// What `c` folds to, after a whitespace character when `in_whitespace` (which
/// it updates): `None` when it stays itself (but for ASCII case), else its
/// replacement, nothing for whitespace that continues a run.
fn fold_char(c: char, in_whitespace: &mut bool) -> Option<Option<char>> {
    if c.is_whitespace() {
        let first_of_run = !*in_whitespace;
        *in_whitespace = true;
        return match (first_of_run, c) {
            (true, ' ') => None,
            (true, _) => Some(Some(' ')),
            (false, _) => Some(None),
        };
    }
    *in_whitespace = false;
    let folded = match unify_char(c) {
        '-' => ' ',
        unified => unified,
    };
    (folded != c).then_some(Some(folded))
}

/// The end of the run of characters [`fold_char`] leaves as they are from
/// byte `start` on, where `special` is the first byte at or after `start`
/// that [`PLAIN_BYTES`] does not hold: the run stops there, or at a space
/// that continues a whitespace run (after another space, or at `start`
/// when `in_whitespace`).
fn plain_run_end(bytes: &[u8], start: usize, special: usize, in_whitespace: bool) -> usize {
    static DOUBLE_SPACE: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"  "));
    if in_whitespace && bytes.get(start) == Some(&b' ') {
        return start;
    }
    let run = bytes.get(start..special).unwrap_or_default();
    DOUBLE_SPACE.find(run).map_or(special, |at| start + at + 1)
}

/// The bytes of the characters [`fold_char`] leaves as they are, whatever
/// comes before (but a space, which continues a whitespace run): ASCII but
/// whitespace other than the space and `-`, and the lead and continuation
/// bytes of the three-byte characters U+4000..U+DFFF (Han, Hangul), none
/// of them whitespace, a dash, an apostrophe or a full-width form. A
/// continuation byte is only met after such a lead byte: the other
/// characters are read whole.
static PLAIN_BYTES: [bool; 256] = plain_bytes();

const fn plain_bytes() -> [bool; 256] {
    let mut table = [false; 256];
    let mut byte: u8 = 0;
    loop {
        table[byte as usize] = match byte {
            b'-' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => false,
            0..=0x7F | 0x80..=0xBF | 0xE4..=0xED => true,
            _ => false,
        };
        if byte == u8::MAX {
            return table;
        }
        byte += 1;
    }
}

/// Records that folded offset `folded` corresponds to original offset `original`,
/// if the distance between the two differs from the last anchor's.
fn record_anchor(anchors: &mut Vec<(usize, usize)>, folded: usize, original: usize) {
    match anchors.last_mut() {
        Some(last) if last.1 - last.0 == original - folded => {}
        Some(last) if last.0 == folded => *last = (folded, original),
        _ => anchors.push((folded, original)),
    }
}

/// Folds `s` (a dictionary surface form) for the automaton.
pub(super) fn fold(s: &str) -> String {
    FoldedText::new(s).into_string()
}

/// Folds width, dashes and apostrophes but keeps letter case: full-width ASCII
/// forms to ASCII, dash variants to `-`, `’` to `'`.
pub(super) fn unify_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => u8::try_from(u32::from(c) - 0xFEE0).map_or(c, char::from),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        '\u{2019}' => '\'',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn folds_case_width_whitespace_dashes_and_apostrophes() {
        for (input, expected) in [
            ("PMDA", "pmda"),
            ("Ｋｏｒｅａ ＧＭＰ！", "korea gmp!"),
            ("Food\u{3000}and\u{a0}Drug", "food and drug"),
            ("a \t\r\n b", "a b"),
            ("  leading", " leading"),
            (
                "bio\u{2010}pharma\u{2011}x\u{2012}y\u{2013}z\u{2014}w\u{2015}v\u{2212}u",
                "bio pharma x y z w v u",
            ),
            ("Japan\u{2019}s", "japan's"),
            ("식약처는 GMP 厚生労働省", "식약처는 gmp 厚生労働省"),
            ("", ""),
        ] {
            assert_eq!(fold(input), expected, "{input:?}");
        }
    }

    #[test]
    fn keeps_non_ascii_letter_case() {
        assert_eq!(fold("ÉTAT Ü"), "État Ü");
    }

    #[test]
    fn unify_keeps_case() {
        let unified: String = "ｉＰＳ\u{2013}Ａ’".chars().map(unify_char).collect();
        assert_eq!(unified, "iPS-A'");
    }

    #[test]
    fn maps_offsets_back_to_the_original() {
        // "Ｋ" is 3 bytes, folded to 1; the whitespace run of 3 bytes folds to 1.
        let original = "Ｋ  \nGMP–x";
        let folded = FoldedText::new(original);
        assert_eq!(folded.as_str(), "k gmp x");
        let expected = [(0, 0), (1, 3), (2, 6), (3, 7), (4, 8), (5, 9), (6, 12), (7, 13)];
        for (folded_offset, original_offset) in expected {
            assert_eq!(folded.original_offset(folded_offset), original_offset, "{folded_offset}");
        }
    }

    #[test]
    fn plain_text_needs_a_single_anchor() {
        let folded = FoldedText::new("Ministry of Food and Drug Safety 식약처");
        assert_eq!(folded.anchors, vec![(0, 0)]);
    }

    proptest! {
        #[test]
        fn char_boundaries_map_to_char_boundaries_in_order(text in "\\PC{0,40}|[ Ａ-Ｚａ-ｚ\u{3000}\u{a0}\u{2013}’a-zA-Z가-힣\t\n]{0,40}") {
            let folded = FoldedText::new(&text);
            let mut previous = 0;
            for (offset, _) in folded.as_str().char_indices().chain([(folded.as_str().len(), ' ')]) {
                let original = folded.original_offset(offset);
                prop_assert!(text.is_char_boundary(original));
                prop_assert!(original >= previous);
                previous = original;
            }
            prop_assert_eq!(folded.original_offset(folded.as_str().len()), text.len());
            prop_assert!(folded.as_str().len() <= text.len());
        }

        /// Skipping plain runs by bytes folds as folding char by char does.
        #[test]
        fn plain_runs_fold_as_each_char(text in "\\PC{0,40}|[ -~Ａ-Ｚ\u{3000}\u{a0}\u{2013}’가-힣一-龥ぁ-ヿ\t\n]{0,40}") {
            let mut model = FoldedText { text: String::new(), anchors: vec![(0, 0)] };
            let mut in_whitespace = false;
            for (start, c) in text.char_indices() {
                match fold_char(c, &mut in_whitespace) {
                    Some(replacement) => model.text.extend(replacement),
                    None => model.text.push(c),
                }
                let original = start + c.len_utf8();
                record_anchor(&mut model.anchors, model.text.len(), original);
            }
            model.text.make_ascii_lowercase();
            let folded = FoldedText::new(&text);
            prop_assert_eq!(&folded.text, &model.text);
            prop_assert_eq!(&folded.anchors, &model.anchors);
        }
    }
}
