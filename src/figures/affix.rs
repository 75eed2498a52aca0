//! Longest-match lookup of the words and signs written right after or right
//! before a number ("kg", "억", "달러", "US$", "제"), shared by every lexicon
//! table whatever it means.

use std::collections::HashMap;

/// One surface of a table and what it means.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Affix<M> {
    /// The text as written in the lexicon.
    pub surface: String,
    /// What the surface stands for.
    pub meaning: M,
    /// The surface matches in any letter case (see [`Affix::new`]).
    folds_case: bool,
}

impl<M> Affix<M> {
    /// An entry; its case rule follows from the surface: lowercase words of
    /// three letters or more, and lowercase letters before a dollar sign
    /// ("us$", "hk $"), match in any letter case.
    pub(crate) fn new(surface: &str, meaning: M) -> Self {
        let letters = surface.bytes().filter(u8::is_ascii_lowercase).count();
        let dollar = surface.ends_with('$') && letters > 0;
        let folds_case = (letters >= 3 || dollar)
            && surface.bytes().all(|b| b.is_ascii_lowercase() || matches!(b, b' ' | b'$'));
        Affix { surface: surface.to_owned(), meaning, folds_case }
    }

    fn is_at_start_of(&self, hay: &str) -> bool {
        // The last byte differs first between surfaces that share a lead
        // byte (Hangul and Han syllables): compared before the whole surface.
        let surface = self.surface.as_bytes();
        let Some(last) = surface.len().checked_sub(1) else { return true };
        let Some(&hay_last) = hay.as_bytes().get(last) else { return false };
        if self.folds_case {
            hay_last.eq_ignore_ascii_case(&surface[last])
                && super::text::starts_with_ignore_case(hay, &self.surface)
        } else {
            hay_last == surface[last] && hay.starts_with(&self.surface)
        }
    }

    fn is_at_end_of(&self, hay: &str) -> bool {
        let Some(start) = hay.len().checked_sub(self.surface.len()) else { return false };
        hay.get(start..).is_some_and(|tail| self.is_at_start_of(tail))
    }

    /// True when the surface ends with an ASCII letter or digit, so that it
    /// must not run on into a word ("m" must not match in "min").
    fn needs_boundary_after(&self) -> bool {
        self.surface.chars().next_back().is_some_and(super::text::is_ascii_word)
    }

    /// True when the surface written at `start` does not continue a word of
    /// its script ("KRW" in "XKRW", "제" in "문제").
    fn starts_word_at(&self, text: &str, start: usize) -> bool {
        use super::text::is_ascii_word;
        use crate::script::is_hangul;
        match (self.surface.chars().next(), super::text::prev_char(text, start)) {
            (Some(first), Some(prev)) if is_ascii_word(first) => !is_ascii_word(prev),
            (Some(first), Some(prev)) if is_hangul(first) => !is_hangul(prev),
            _ => true,
        }
    }
}

/// A table of affixes, searched longest surface first.
#[derive(Clone, Debug)]
pub(crate) struct AffixTable<M> {
    /// Entries sorted by descending surface length.
    entries: Vec<Affix<M>>,
    /// For each first char, sorted, the entries whose surface starts with it
    /// (either case when the entry folds case), longest first: Hangul and
    /// Han surfaces share a handful of first bytes, but not their first chars.
    by_first_char: Vec<(char, Vec<usize>)>,
    /// For each byte, the entries whose surface ends with it, longest first.
    by_last_byte: Vec<Vec<usize>>,
}

impl<M> AffixTable<M> {
    /// A table over `entries`, which should have distinct surfaces.
    pub(crate) fn new(mut entries: Vec<Affix<M>>) -> Self {
        entries.sort_by(|a, b| {
            b.surface.len().cmp(&a.surface.len()).then_with(|| a.surface.cmp(&b.surface))
        });
        let mut by_first_char: HashMap<char, Vec<usize>> = HashMap::new();
        let mut by_last_byte = vec![Vec::new(); 256];
        for (index, entry) in entries.iter().enumerate() {
            let folds = |c: char| {
                if entry.folds_case && c.is_ascii_alphabetic() {
                    vec![c.to_ascii_lowercase(), c.to_ascii_uppercase()]
                } else {
                    vec![c]
                }
            };
            if let Some(first) = entry.surface.chars().next() {
                for c in folds(first) {
                    by_first_char.entry(c).or_default().push(index);
                }
            }
            if let Some(&last) = entry.surface.as_bytes().last() {
                let mut cases = vec![last];
                if entry.folds_case && last.is_ascii_alphabetic() {
                    cases = vec![last.to_ascii_lowercase(), last.to_ascii_uppercase()];
                }
                for byte in cases {
                    by_last_byte[usize::from(byte)].push(index);
                }
            }
        }
        let mut by_first_char: Vec<_> = by_first_char.into_iter().collect();
        by_first_char.sort_unstable_by_key(|(c, _)| *c);
        AffixTable { entries, by_first_char, by_last_byte }
    }

    /// Every entry, longest surface first.
    pub(crate) fn entries(&self) -> &[Affix<M>] {
        &self.entries
    }

    /// The longest entry written at `pos` and the position after it. An entry
    /// ending in an ASCII letter or digit must not be followed by another one.
    pub(crate) fn longest_at(&self, text: &str, pos: usize) -> Option<(&Affix<M>, usize)> {
        let hay = super::text::rest(text, pos);
        let first = hay.chars().next()?;
        let at = self.by_first_char.binary_search_by_key(&first, |(c, _)| *c).ok()?;
        self.by_first_char[at]
            .1
            .iter()
            .map(|&i| &self.entries[i])
            .filter(|e| e.is_at_start_of(hay))
            .map(|e| (e, pos + e.surface.len()))
            .find(|(e, end)| !e.needs_boundary_after() || super::text::ends_ascii_word(text, *end))
    }

    /// The longest entry written right before `pos` and the position where it
    /// starts, possibly separated from `pos` by one space ("USD 500", "US$ 3").
    /// An entry must not continue a word of its script.
    pub(crate) fn longest_before(&self, text: &str, pos: usize) -> Option<(&Affix<M>, usize)> {
        let before = text.get(..pos)?;
        let spaced = before.strip_suffix(' ');
        let last = |hay: &str| {
            hay.as_bytes().last().map_or(&[][..], |&b| &self.by_last_byte[usize::from(b)][..])
        };
        let mut candidates =
            last(before).iter().chain(spaced.map_or(&[][..], last)).map(|&i| &self.entries[i]);
        candidates.find_map(|e| {
            let start = if e.is_at_end_of(before) {
                pos - e.surface.len()
            } else {
                let spaced = spaced?;
                if !e.is_at_end_of(spaced) {
                    return None;
                }
                spaced.len() - e.surface.len()
            };
            e.starts_word_at(text, start).then_some((e, start))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> AffixTable<u8> {
        AffixTable::new(vec![
            Affix::new("m", 1),
            Affix::new("m2", 2),
            Affix::new("percent", 3),
            Affix::new("USD", 4),
            Affix::new("US$", 5),
            Affix::new("$", 6),
            Affix::new("리터", 7),
        ])
    }

    #[test]
    fn longest_surface_wins() {
        assert_eq!(
            table().longest_at("10 m2 site", 3).map(|(e, end)| (e.meaning, end)),
            Some((2, 5))
        );
        assert_eq!(table().longest_at("214만 리터를", 6).map(|(e, end)| (e.meaning, end)), None);
        assert_eq!(
            table().longest_at("214만 리터를", 7).map(|(e, end)| (e.meaning, end)),
            Some((7, 13))
        );
    }

    #[test]
    fn letter_surfaces_need_a_word_boundary() {
        assert!(table().longest_at("5 min", 2).is_none());
        assert!(table().longest_at("5 m.", 2).is_some());
    }

    #[test]
    fn lowercase_words_fold_case_and_symbols_do_not() {
        assert_eq!(table().longest_at("18 Percent", 3).map(|(e, _)| e.meaning), Some(3));
        assert!(table().longest_at("5 M", 2).is_none());
    }

    #[test]
    fn prefixes_are_found_before_a_position() {
        let t = table();
        assert_eq!(t.longest_before("US$3", 3).map(|(e, s)| (e.meaning, s)), Some((5, 0)));
        assert_eq!(t.longest_before("a $3", 3).map(|(e, s)| (e.meaning, s)), Some((6, 2)));
        assert_eq!(t.longest_before("USD 500", 4).map(|(e, s)| (e.meaning, s)), Some((4, 0)));
        assert!(t.longest_before("XUSD 500", 5).is_none());
        assert_eq!(t.longest_before("$ 500", 2).map(|(e, s)| (e.meaning, s)), Some((6, 0)));
        assert!(t.longest_before("$  500", 3).is_none());
    }
}
