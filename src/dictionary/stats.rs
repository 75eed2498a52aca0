//! Counting a dictionary: entities and names per type, per script and per
//! country, for `gazette dict stats`.

use std::collections::BTreeMap;
use std::fmt;

use crate::model::EntityType;

use super::Dictionary;

/// The writing systems names are counted by.
const SCRIPTS: [Script; 5] =
    [Script::Latin, Script::Hangul, Script::Kana, Script::Han, Script::Other];

/// The script of a name: Hangul or Kana when it has any, else Han when it has
/// any, else Latin when it has ASCII letters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Script {
    /// Latin letters only (English names, acronyms).
    Latin,
    /// Korean.
    Hangul,
    /// Japanese kana, possibly with Han.
    Kana,
    /// Han characters only (Chinese, or Japanese in kanji).
    Han,
    /// Anything else (digits, symbols).
    Other,
}

impl Script {
    /// The script of `name`.
    #[must_use]
    pub fn of(name: &str) -> Script {
        let has = |range: &[(u32, u32)]| {
            name.chars().any(|c| range.iter().any(|&(lo, hi)| (lo..=hi).contains(&u32::from(c))))
        };
        if has(&[(0xAC00, 0xD7A3), (0x1100, 0x11FF), (0x3130, 0x318F)]) {
            Script::Hangul
        } else if has(&[(0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF66, 0xFF9F)]) {
            Script::Kana
        } else if has(&[(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF)]) {
            Script::Han
        } else if name.chars().any(|c| c.is_ascii_alphabetic() || ('Ａ'..='ｚ').contains(&c)) {
            Script::Latin
        } else {
            Script::Other
        }
    }

    fn label(self) -> &'static str {
        match self {
            Script::Latin => "Latin",
            Script::Hangul => "Hangul",
            Script::Kana => "Kana",
            Script::Han => "Han",
            Script::Other => "other",
        }
    }
}

/// The counts of one entity type.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TypeStats {
    /// Entities of the type.
    pub entities: usize,
    /// Names matched (canonical, native names and aliases), all scripts.
    pub names: usize,
    /// Names per script, in [`Script`] order: Latin, Hangul, Kana, Han, other.
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
                    let script = Script::of(name);
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
            write!(f, "{:>8}", script.label())?;
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
            ("PMDA", Script::Latin),
            ("ＰＭＤＡ", Script::Latin),
            ("식약처", Script::Hangul),
            ("CDMO 특별법", Script::Hangul),
            ("医薬品医療機器総合機構", Script::Han),
            ("国家药监局", Script::Han),
            ("バイオシミラー", Script::Kana),
            ("iPS細胞", Script::Han),
            ("再生医療等製品の", Script::Kana),
            ("1+1", Script::Other),
        ] {
            assert_eq!(Script::of(name), script, "{name}");
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
