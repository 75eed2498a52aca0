//! The automaton's patterns: every surface form of the dictionary, folded, with
//! the entities it may stand for and the letter case each one requires.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use crate::model::EntityIdx;

use super::Dictionary;
use super::fold::{fold, unify_char};

/// For each automaton pattern, the entities it may stand for.
#[derive(Debug)]
pub(super) struct PatternTable {
    /// Indexed by pattern id; case-exact candidates first.
    candidates: Vec<Vec<Candidate>>,
}

impl PatternTable {
    /// Collects the surface forms (`Entity::aliases`) of every entity: returns
    /// the folded patterns, without duplicates, and their candidates.
    pub(super) fn build(dict: &Dictionary) -> (Vec<String>, PatternTable) {
        let mut keys = Vec::new();
        let mut table = PatternTable { candidates: Vec::new() };
        let mut index: HashMap<String, usize> = HashMap::new();
        for (entity, idx) in dict.entities().iter().zip(0u32..) {
            for surface in &entity.aliases {
                let surface = surface.trim();
                let key = fold(surface);
                if key.is_empty() {
                    continue;
                }
                let candidate = Candidate::new(EntityIdx(idx), surface);
                match index.entry(key) {
                    Entry::Occupied(slot) => table.add_candidate(*slot.get(), candidate),
                    Entry::Vacant(slot) => {
                        keys.push(slot.key().clone());
                        table.candidates.push(vec![candidate]);
                        slot.insert(keys.len() - 1);
                    }
                }
            }
        }
        (keys, table)
    }

    /// The candidates of pattern `pattern`, case-exact ones first.
    pub(super) fn candidates(&self, pattern: usize) -> &[Candidate] {
        self.candidates.get(pattern).map_or(&[], Vec::as_slice)
    }

    fn add_candidate(&mut self, pattern: usize, candidate: Candidate) {
        let Some(candidates) = self.candidates.get_mut(pattern) else {
            return;
        };
        if !candidates.contains(&candidate) {
            candidates.push(candidate);
            candidates.sort_by_key(|candidate| matches!(candidate.case, CaseRule::Insensitive));
        }
    }
}

/// One entity a pattern may stand for.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Candidate {
    /// The entity.
    pub(super) entity: EntityIdx,
    case: CaseRule,
}

/// How the letter case of a hit must compare with the surface form.
#[derive(Debug, PartialEq, Eq)]
enum CaseRule {
    /// Any ASCII case.
    Insensitive,
    /// A single token with two or more uppercase ASCII letters (`PMDA`, `QbD`,
    /// `mRNA`): the hit must have exactly these letters, width-folded.
    Exact {
        /// The surface form after [`unify_char`].
        unified: Box<str>,
        /// All letters are uppercase and the last character is one ("CDMO"),
        /// so an English plural `s` may follow ("CDMOs").
        allows_plural: bool,
    },
}

impl Candidate {
    /// The candidate for `entity` written as `surface`.
    fn new(entity: EntityIdx, surface: &str) -> Self {
        let unified: String = surface.chars().map(unify_char).collect();
        let uppercase = unified.chars().filter(char::is_ascii_uppercase).count();
        let case = if uppercase < 2 || unified.contains(char::is_whitespace) {
            CaseRule::Insensitive
        } else {
            let allows_plural = !unified.contains(|c: char| c.is_ascii_lowercase())
                && unified.ends_with(|c: char| c.is_ascii_uppercase());
            CaseRule::Exact { unified: unified.into_boxed_str(), allows_plural }
        };
        Candidate { entity, case }
    }

    /// True when `surface`, the original text of a hit, has the case required.
    pub(super) fn accepts_case(&self, surface: &str) -> bool {
        match &self.case {
            CaseRule::Insensitive => true,
            CaseRule::Exact { unified, .. } => surface.chars().map(unify_char).eq(unified.chars()),
        }
    }

    /// True when an English plural `s` may extend the surface.
    pub(super) fn allows_plural(&self) -> bool {
        matches!(self.case, CaseRule::Exact { allows_plural: true, .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, EntityType};

    fn entity(id: &str, aliases: &[&str]) -> Entity {
        Entity {
            id: id.to_owned(),
            entity_type: EntityType::Term,
            canonical: aliases[0].to_owned(),
            name_ko: None,
            name_ja: None,
            name_zh: None,
            country: None,
            aliases: aliases.iter().map(|&a| a.to_owned()).collect(),
        }
    }

    #[test]
    fn case_rules() {
        // (surface form, exact case?, plural allowed?)
        for (surface, exact, plural) in [
            ("PMDA", true, true),
            ("KoDHIA", true, false),
            ("QbD", true, false),
            ("mRNA", true, false),
            ("iPS", true, false),
            ("ｉＰＳ", true, false),
            ("ＰＭＤＡ", true, true),
            ("HER2", true, false),
            ("SARS-CoV-2", true, false),
            ("Korea", false, false),
            ("iPS cells", false, false),
            ("CDMO Special Act", false, false),
            ("식약처", false, false),
        ] {
            let candidate = Candidate::new(EntityIdx(0), surface);
            assert_eq!(matches!(candidate.case, CaseRule::Exact { .. }), exact, "{surface}");
            assert_eq!(candidate.allows_plural(), plural, "{surface}");
        }
    }

    #[test]
    fn exact_case_compares_width_folded_letters() {
        let candidate = Candidate::new(EntityIdx(0), "KIET");
        for (surface, expected) in
            [("KIET", true), ("ＫＩＥＴ", true), ("Kiet", false), ("kiet", false), ("KIEt", false)]
        {
            assert_eq!(candidate.accepts_case(surface), expected, "{surface}");
        }
        assert!(Candidate::new(EntityIdx(0), "Korea").accepts_case("KOREA"));
    }

    #[test]
    fn shared_surfaces_become_one_pattern_with_exact_candidates_first() {
        let dict = Dictionary::from_entities(vec![
            entity("term:a", &["adc", "Antibody"]),
            entity("term:b", &["ADC"]),
            entity("term:c", &["  ", "antibody"]),
        ]);
        let (keys, table) = PatternTable::build(&dict);
        assert_eq!(keys, ["adc", "antibody"]);
        let entities = |pattern| -> Vec<u32> {
            table.candidates(pattern).iter().map(|c| c.entity.0).collect()
        };
        assert_eq!(entities(0), [1, 0]);
        assert_eq!(entities(1), [0, 2]);
        assert!(table.candidates(2).is_empty());
    }
}
