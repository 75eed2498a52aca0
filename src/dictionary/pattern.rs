//! The automaton's patterns: every surface form of the dictionary, folded, with
//! the entities it may stand for and the letter case each one requires.
//!
//! Besides the listed forms, two variants are generated (see [`variants`]): a
//! name hyphenated between two Latin letters also matches with the hyphen
//! dropped ("Bio-Pharma" → "BioPharma"), and a term whose last word is a
//! lowercase English noun also matches in the plural ("biosimilar" →
//! "biosimilars", "therapy" → "therapies"). A generated form never displaces a
//! listed one: it is skipped when any entity lists the same folded form.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use crate::model::{EntityIdx, EntityType};

use super::Dictionary;
use super::fold::{fold, unify_char};

/// For each automaton pattern, the entities it may stand for.
#[derive(Debug, Default)]
pub(super) struct PatternTable {
    /// Indexed by pattern id; case-exact candidates first.
    candidates: Vec<Vec<Candidate>>,
}

impl PatternTable {
    /// Collects the surface forms (`Entity::aliases`) of every entity: returns
    /// the folded patterns, without duplicates, and their candidates.
    pub(super) fn build(dict: &Dictionary) -> (Vec<String>, PatternTable) {
        let mut builder = Builder::default();
        let entities = || dict.entities().iter().zip(0u32..).map(|(e, idx)| (e, EntityIdx(idx)));
        for (entity, idx) in entities() {
            for surface in &entity.aliases {
                let surface = surface.trim();
                builder.add(fold(surface), Candidate::new(idx, surface));
            }
        }
        let listed = builder.keys.len();
        for (entity, idx) in entities() {
            for surface in &entity.aliases {
                for variant in variants(entity.entity_type, surface.trim()) {
                    let key = fold(&variant);
                    let is_listed =
                        builder.index.get(&key).is_some_and(|&pattern| pattern < listed);
                    if !is_listed {
                        builder.add(key, Candidate { entity: idx, case: CaseRule::Insensitive });
                    }
                }
            }
        }
        (builder.keys, builder.table)
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

/// The patterns gathered so far.
#[derive(Default)]
struct Builder {
    keys: Vec<String>,
    table: PatternTable,
    /// The pattern id of each key.
    index: HashMap<String, usize>,
}

impl Builder {
    /// Adds `candidate` to the pattern `key`, creating it if new.
    fn add(&mut self, key: String, candidate: Candidate) {
        if key.trim().is_empty() {
            return;
        }
        match self.index.entry(key) {
            Entry::Occupied(slot) => self.table.add_candidate(*slot.get(), candidate),
            Entry::Vacant(slot) => {
                self.keys.push(slot.key().clone());
                self.table.candidates.push(vec![candidate]);
                slot.insert(self.keys.len() - 1);
            }
        }
    }
}

/// The generated forms of `surface`, a form of an entity of type
/// `entity_type`: without its hyphens between Latin letters, and for terms
/// ending in a lowercase English word, the plural of that form and of the
/// unhyphenated one.
fn variants(entity_type: EntityType, surface: &str) -> Vec<String> {
    let mut forms = Vec::new();
    if let Some(joined) = without_inner_hyphens(surface) {
        forms.push(joined);
    }
    if entity_type == EntityType::Term {
        let plurals: Vec<String> = [surface]
            .into_iter()
            .chain(forms.iter().map(String::as_str))
            .filter_map(plural)
            .collect();
        forms.extend(plurals);
    }
    forms
}

/// `surface` without the hyphens (any dash variant) that join two ASCII
/// letters, or `None` when it has none.
fn without_inner_hyphens(surface: &str) -> Option<String> {
    let chars: Vec<char> = surface.chars().map(unify_char).collect();
    let is_inner_hyphen = |i: usize| {
        chars[i] == '-'
            && i.checked_sub(1).and_then(|p| chars.get(p)).is_some_and(char::is_ascii_alphabetic)
            && chars.get(i + 1).is_some_and(char::is_ascii_alphabetic)
    };
    let joined: String =
        (0..chars.len()).filter(|&i| !is_inner_hyphen(i)).map(|i| chars[i]).collect();
    (joined.len() < chars.iter().map(|c| c.len_utf8()).sum()).then_some(joined)
}

/// The English plural of `surface` when it ends in a lowercase ASCII word of
/// three letters or more that is not already a plural: `-y` after a consonant
/// becomes `-ies`, `-x`, `-ch` and `-sh` take `-es`, others take `-s`. Words
/// ending in `s` are left alone ("analysis", "biologics").
fn plural(surface: &str) -> Option<String> {
    let last_word = surface.rsplit([' ', '-']).next().unwrap_or_default();
    let is_lowercase_word =
        last_word.len() >= 3 && last_word.bytes().all(|byte| byte.is_ascii_lowercase());
    if !is_lowercase_word || last_word.ends_with('s') {
        return None;
    }
    let stem = &surface[..surface.len() - 1];
    let consonant_y = last_word.ends_with('y') && !stem.ends_with(['a', 'e', 'i', 'o', 'u']);
    Some(if consonant_y {
        format!("{stem}ies")
    } else if last_word.ends_with(['x', 'z'])
        || last_word.ends_with("ch")
        || last_word.ends_with("sh")
    {
        format!("{surface}es")
    } else {
        format!("{surface}s")
    })
}

/// True when `surface` is an acronym that must match in its exact letter case:
/// a single token (no space or hyphen) with two or more uppercase ASCII
/// letters, width-folded (`PMDA`, `ＰＭＤＡ`, `QbD`, `mRNA`).
pub(super) fn is_acronym(surface: &str) -> bool {
    let mut uppercase = 0;
    for c in surface.chars().map(unify_char) {
        if c.is_whitespace() || c == '-' {
            return false;
        }
        uppercase += usize::from(c.is_ascii_uppercase());
    }
    uppercase >= 2
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
    /// A single token (no space or hyphen) with two or more uppercase ASCII
    /// letters (`PMDA`, `QbD`, `mRNA`): the hit must have exactly these
    /// letters, width-folded.
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
        let case = if !is_acronym(&unified) {
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
            ("SARS-CoV-2", false, false),
            ("COVID19", true, false),
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
        // Generated plurals come after every listed form.
        assert_eq!(keys, ["adc", "antibody", "adcs", "antibodies"]);
        let entities = |pattern| -> Vec<u32> {
            table.candidates(pattern).iter().map(|c| c.entity.0).collect()
        };
        assert_eq!(entities(0), [1, 0]);
        assert_eq!(entities(1), [0, 2]);
        assert_eq!(entities(3), [2]);
        assert!(table.candidates(4).is_empty());
    }
}
