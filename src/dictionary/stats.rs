//! Counting a dictionary: entities and names per type, per script and per
//! country, for `gazette dict stats`.

use std::collections::BTreeMap;
use std::fmt;

use crate::model::EntityType;
use crate::script::{Script, script_of};

use super::Dictionary;

/// The writing systems names are counted by, `None` for names without
/// letters of any.
const SCRIPTS: [Option<Script>; 5] =
    [Some(Script::Latin), Some(Script::Hangul), Some(Script::Kana), Some(Script::Han), None];

/// The script of a name: Hangul or Kana when it has any, else Han when it has
/// any, else Latin when it has Latin letters; `None` for digits and symbols.
fn name_script(name: &str) -> Option<Script> {
    let scripts: Vec<Script> = name.chars().filter_map(script_of).collect();
    [Script::Hangul, Script::Kana, Script::Han, Script::Latin]
        .into_iter()
        .find(|script| scripts.contains(script))
}

/// The label of a script in the table.
fn label(script: Option<Script>) -> &'static str {
    match script {
        Some(Script::Latin) => "Latin",
        Some(Script::Hangul) => "Hangul",
        Some(Script::Kana) => "Kana",
        Some(Script::Han) => "Han",
        None => "other",
    }
}

/// The counts of one entity type.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TypeStats {
    /// Entities of the type.
    pub entities: usize,
    /// Names matched (canonical, native names and aliases), all scripts.
    pub names: usize,
    /// Names per script, in order: Latin, Hangul, Kana, Han, other.
    pub names_by_script: [usize; 5],
    /// Entities with a Korean, Japanese and Chinese native name.
    pub native_names: [usize; 3],
}

/// Counts over a whole dictionary.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Per entity type, in [`EntityType::ALL`] order, types without entities left out.
    pub by_type: Vec<(EntityType, TypeStats)>,
    /// Entities per country code, `-` for none, sorted by code.
    pub by_country: BTreeMap<String, usize>,
}

impl Stats {
    /// Counts `dict`.
    #[must_use]
    pub fn of(dict: &Dictionary) -> Stats {
        let mut stats = Stats::default();
        for entity_type in EntityType::ALL {
            let mut counts = TypeStats::default();
            for entity in dict.entities().iter().filter(|e| e.entity_type == entity_type) {
                counts.entities += 1;
                counts.names += entity.aliases.len();
                for name in &entity.aliases {
                    let script = name_script(name);
                    if let Some(i) = SCRIPTS.iter().position(|&s| s == script) {
                        counts.names_by_script[i] += 1;
                    }
                }
                let native = [&entity.name_ko, &entity.name_ja, &entity.name_zh];
                for (count, name) in counts.native_names.iter_mut().zip(native) {
                    *count += usize::from(name.is_some());
                }
            }
            if counts.entities > 0 {
                stats.by_type.push((entity_type, counts));
            }
        }
        for entity in dict.entities() {
            let country = entity.country.clone().unwrap_or_else(|| "-".to_owned());
            *stats.by_country.entry(country).or_default() += 1;
        }
        stats
    }
}

impl fmt::Display for Stats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:<14}{:>9}{:>7}", "type", "entities", "names")?;
        for script in SCRIPTS {
            write!(f, "{:>8}", label(script))?;
        }
        writeln!(f, "{:>8}{:>8}{:>8}", "name_ko", "name_ja", "name_zh")?;
        let mut total = TypeStats::default();
        for (entity_type, counts) in &self.by_type {
            write_row(f, entity_type.as_str(), counts)?;
            total.entities += counts.entities;
            total.names += counts.names;
            for (sum, n) in total.names_by_script.iter_mut().zip(counts.names_by_script) {
                *sum += n;
            }
            for (sum, n) in total.native_names.iter_mut().zip(counts.native_names) {
                *sum += n;
            }
        }
        write_row(f, "total", &total)?;
        let countries: Vec<String> =
            self.by_country.iter().map(|(code, n)| format!("{code} {n}")).collect();
        writeln!(f, "\nentities per country: {}", countries.join(", "))
    }
}

fn write_row(f: &mut fmt::Formatter<'_>, label: &str, counts: &TypeStats) -> fmt::Result {
    write!(f, "{label:<14}{:>9}{:>7}", counts.entities, counts.names)?;
    for n in counts.names_by_script {
        write!(f, "{n:>8}")?;
    }
    let [ko, ja, zh] = counts.native_names;
    writeln!(f, "{ko:>8}{ja:>8}{zh:>8}")
}

#[cfg(test)]
mod tests {
    use super::super::testutil::entity;
    use super::*;

    #[test]
    fn scripts_of_names() {
        for (name, script) in [
            ("PMDA", Some(Script::Latin)),
            ("ＰＭＤＡ", Some(Script::Latin)),
            ("식약처", Some(Script::Hangul)),
            ("CDMO 특별법", Some(Script::Hangul)),
            ("医薬品医療機器総合機構", Some(Script::Han)),
            ("国家药监局", Some(Script::Han)),
            ("バイオシミラー", Some(Script::Kana)),
            ("iPS細胞", Some(Script::Han)),
            ("再生医療等製品の", Some(Script::Kana)),
            ("1+1", None),
        ] {
            assert_eq!(name_script(name), script, "{name}");
        }
    }

    #[test]
    fn counts_per_type_script_and_country() {
        let mut mfds = entity("org:mfds", "Ministry of Food and Drug Safety", &["MFDS", "식약처"]);
        mfds.name_ko = Some("식품의약품안전처".to_owned());
        mfds.country = Some("KR".to_owned());
        let gmp = entity("term:gmp", "Good Manufacturing Practice", &["GMP", "GMP基準"]);
        let dict = Dictionary::from_entities(vec![mfds, gmp]);
        let stats = Stats::of(&dict);
        assert_eq!(
            stats.by_type,
            [
                (
                    EntityType::Organization,
                    TypeStats {
                        entities: 1,
                        names: 4,
                        names_by_script: [2, 2, 0, 0, 0],
                        native_names: [1, 0, 0]
                    }
                ),
                (
                    EntityType::Term,
                    TypeStats {
                        entities: 1,
                        names: 3,
                        names_by_script: [2, 0, 0, 1, 0],
                        native_names: [0, 0, 0]
                    }
                ),
            ]
        );
        assert_eq!(stats.by_country.get("KR"), Some(&1));
        assert_eq!(stats.by_country.get("-"), Some(&1));
        let text = stats.to_string();
        assert!(text.contains("\ntotal                 2      7       4       2       0       1       0       1       0       0\n"), "{text}");
        assert!(text.ends_with("entities per country: - 1, KR 1\n"), "{text}");
    }
}
