//! The gazetteer: loading the human-editable dictionary files, and matching
//! their names over documents with one Aho-Corasick automaton.
//!
//! # Files
//!
//! A dictionary directory holds one UTF-8 TSV file per entity type:
//! `organizations.tsv`, `people.tsv`, `laws.tsv`, `terms.tsv`, `places.tsv` and
//! `products.tsv`, each optional. Other files (a README...) are ignored; any
//! other `.tsv` file is an error. Lines starting with `#` are comments and blank
//! lines are skipped. The first other line is the header, these seven names
//! separated by tabs:
//!
//! ```text
//! id canonical name_ko name_ja name_zh country aliases
//! ```
//!
//! then one entity per line, exactly seven tab-separated fields, empty meaning
//! none: `id` is `<prefix>:<slug>` with the file's prefix (`org`, `person`,
//! `law`, `term`, `place`, `product`) and a slug of lowercase ASCII letters,
//! digits, `-` and `.`; `canonical` is the English name, required; `country` is
//! an ISO 3166 alpha-2 code; `aliases` are separated by `|`. Ids are unique
//! within a directory; a later directory's entity replaces an earlier one with
//! the same id.
//!
//! # Matching
//!
//! See [`Matcher::find`] for the rules a mention follows.
//!
//! # Checking
//!
//! [`check`] reports every error and suspicious name of a set of directories
//! (`gazette dict check`); [`Stats`] counts entities and names per type,
//! script and country (`gazette dict stats`).

mod boundary;
mod builder;
mod check;
mod country;
mod error;
mod fold;
mod format;
mod korean;
mod load;
mod matcher;
mod pattern;
mod stats;
mod surname;
mod tsv;

#[cfg(test)]
pub(crate) mod testutil;

use std::path::Path;

use crate::model::{Entity, EntityIdx};

pub(crate) use boundary::{may_end, may_start};
pub use builder::DictionaryBuilder;
pub use check::{CheckReport, Finding, Severity, check};
pub use error::DictionaryError;
pub(crate) use korean::is_particle_run;
pub use matcher::Matcher;
pub use stats::{Stats, TypeStats};
pub(crate) use surname::stands_alone;

/// The entities of one or more dictionary directories.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dictionary {
    entities: Vec<Entity>,
}

impl Dictionary {
    /// Loads and merges the dictionary directories `dirs`: directory by
    /// directory, organizations, people, laws, terms, places, products, then by
    /// line; an entity of a later directory replaces one with the same id.
    ///
    /// # Errors
    ///
    /// When a directory or file cannot be read, a `.tsv` file has an unknown
    /// name, a line is malformed, or an id is defined twice in one directory.
    pub fn load(dirs: &[impl AsRef<Path>]) -> Result<Dictionary, DictionaryError> {
        load::load_dirs(dirs, false).map(Dictionary::from_entities)
    }

    /// Chooses the dictionaries to load: the bundled one unless left out,
    /// and directories.
    pub fn builder() -> DictionaryBuilder {
        DictionaryBuilder::default()
    }

    /// Loads the bundled dictionary (compiled in from `dictionaries/`) when
    /// `bundled` is true, merged with the directories `dirs`.
    ///
    /// # Errors
    ///
    /// As [`Dictionary::load`]; the bundled dictionary counts as the first
    /// directory.
    pub fn load_with_bundled(
        dirs: &[impl AsRef<Path>],
        bundled: bool,
    ) -> Result<Dictionary, DictionaryError> {
        load::load_dirs(dirs, bundled).map(Dictionary::from_entities)
    }

    /// A dictionary of `entities`, in this order. Each entity's `aliases` is
    /// completed to every surface form matched: canonical name, native names,
    /// then the given aliases, without duplicates or blank forms.
    #[must_use]
    pub fn from_entities(entities: Vec<Entity>) -> Dictionary {
        Dictionary { entities: entities.into_iter().map(with_all_surface_forms).collect() }
    }

    /// Every entity, in load order.
    #[must_use]
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The entity at `idx`.
    ///
    /// # Panics
    ///
    /// When `idx` does not come from this dictionary.
    #[must_use]
    pub fn entity(&self, idx: EntityIdx) -> &Entity {
        &self.entities[idx.0 as usize]
    }

    /// The number of entities.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// True when the dictionary has no entities.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// Hex SHA-256 of every entity, field by field in load order: equal for
    /// two dictionaries exactly when they match and type names alike, so a
    /// dataset knows when its rows were extracted with another dictionary.
    #[must_use]
    pub fn digest(&self) -> String {
        let mut bytes = Vec::new();
        for e in &self.entities {
            let fields = [
                Some(e.id.as_str()),
                Some(e.entity_type.as_str()),
                Some(e.canonical.as_str()),
                e.name_ko.as_deref(),
                e.name_ja.as_deref(),
                e.name_zh.as_deref(),
                e.country.as_deref(),
            ];
            for field in fields
                .iter()
                .map(|f| f.unwrap_or("\u{0}"))
                .chain(e.aliases.iter().map(String::as_str))
            {
                bytes.extend_from_slice(field.as_bytes());
                bytes.push(0x1f);
            }
            bytes.push(0x1e);
        }
        crate::ingest::hex_digest(&bytes)
    }
}

/// `entity` with `aliases` holding its canonical name, native names and
/// aliases, in that order, without duplicates or blank forms.
fn with_all_surface_forms(mut entity: Entity) -> Entity {
    let mut forms: Vec<String> = Vec::with_capacity(entity.aliases.len() + 4);
    let names = [
        Some(&entity.canonical),
        entity.name_ko.as_ref(),
        entity.name_ja.as_ref(),
        entity.name_zh.as_ref(),
    ];
    for form in names.into_iter().flatten().chain(&entity.aliases) {
        if !form.trim().is_empty() && !forms.contains(form) {
            forms.push(form.clone());
        }
    }
    entity.aliases = forms;
    entity
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::testutil::{entity, whole};
    use super::*;
    use crate::model::Span;

    #[test]
    fn aliases_hold_every_surface_form_once_in_order() {
        let mut mfds = entity(
            "org:mfds",
            "Ministry of Food and Drug Safety",
            &["MFDS", "식약처", "식품의약품안전처", "MFDS", " "],
        );
        mfds.name_ko = Some("식품의약품안전처".to_owned());
        mfds.name_ja = Some("韓国食品医薬品安全処".to_owned());
        let dict = Dictionary::from_entities(vec![mfds]);
        assert_eq!(
            dict.entity(EntityIdx(0)).aliases,
            [
                "Ministry of Food and Drug Safety",
                "식품의약품안전처",
                "韓国食品医薬品安全処",
                "MFDS",
                "식약처"
            ]
        );
        let again = Dictionary::from_entities(dict.entities().to_vec());
        assert_eq!(again, dict);
    }

    #[test]
    fn accessors() {
        let dict =
            Dictionary::from_entities(vec![entity("org:a", "A", &[]), entity("term:b", "B", &[])]);
        assert_eq!(dict.len(), 2);
        assert!(!dict.is_empty());
        assert_eq!(dict.entity(EntityIdx(1)).id, "term:b");
        assert_eq!(dict.entities().len(), 2);
        assert!(Dictionary::default().is_empty());
    }

    #[test]
    fn loads_the_aliases_column_into_surface_forms_and_matches_them() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(
            dir.path().join("organizations.tsv"),
            format!(
                "{}\norg:pmda\tPharmaceuticals and Medical Devices Agency\t\t医薬品医療機器総合機構\t\tJP\tPMDA|ＰＭＤＡ\n",
                format::HEADER
            ),
        )
        .unwrap();
        let dict = Dictionary::load(&[dir.path()]).unwrap();
        let pmda = dict.entity(EntityIdx(0));
        assert_eq!(
            pmda.aliases,
            [
                "Pharmaceuticals and Medical Devices Agency",
                "医薬品医療機器総合機構",
                "PMDA",
                "ＰＭＤＡ"
            ]
        );
        assert_eq!(pmda.country.as_deref(), Some("JP"));
        let text = "医薬品医療機器総合機構(PMDA)";
        let found = Matcher::new(&dict).find(text, &whole(text));
        let spans: Vec<Span> = found.iter().map(|m| m.span).collect();
        assert_eq!(spans, [Span::new(0, 33), Span::new(34, 38)]);
    }
}
