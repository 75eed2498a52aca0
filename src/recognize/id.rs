//! Stable ids for the entities the recognizers find.
//!
//! An id is `<prefix>:x-<key>`, where the prefix is that of the type
//! (`org`, `person`, `law`) and the key is derived from the name alone, so the
//! same name gets the same id in every document and every run. A name in
//! ASCII gives a readable slug: its letters and digits, lowercase, with each
//! run of other characters written `-` ("Seoul National University" →
//! `org:x-seoul-national-university`). Any other name gives the first 12 hex
//! digits of the SHA-256 of its NFC text with whitespace runs as one space
//! ("서울대학교병원" → `org:x-` and 12 hex digits). Dictionary ids never start
//! with `x-` by convention, so the two never collide.

use sha2::{Digest, Sha256};

use crate::model::EntityType;

/// The id of a pattern entity of type `entity_type` named `name`.
#[must_use]
pub fn pattern_entity_id(entity_type: EntityType, name: &str) -> String {
    let prefix = match entity_type {
        EntityType::Organization => "org",
        EntityType::Person => "person",
        EntityType::Law => "law",
        EntityType::Term => "term",
        EntityType::Place => "place",
        EntityType::Product => "product",
    };
    let normalised = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let key = if normalised.is_ascii() {
        let words: Vec<String> = normalised
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|word| !word.is_empty())
            .map(str::to_ascii_lowercase)
            .collect();
        words.join("-")
    } else {
        let digest = Sha256::digest(normalised.as_bytes());
        digest.iter().take(6).map(|byte| format!("{byte:02x}")).collect()
    };
    format!("{prefix}:x-{key}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_slugs_or_hashes_of_the_name() {
        assert_eq!(
            pattern_entity_id(EntityType::Organization, "Seoul National University"),
            "org:x-seoul-national-university"
        );
        assert_eq!(
            pattern_entity_id(EntityType::Organization, "Acme Bio Co., Ltd."),
            "org:x-acme-bio-co-ltd"
        );
        assert_eq!(pattern_entity_id(EntityType::Law, "Drug  Price\nAct"), "law:x-drug-price-act");
        let korean = pattern_entity_id(EntityType::Organization, "서울대학교병원");
        assert_eq!(korean.len(), "org:x-".len() + 12);
        assert!(korean.starts_with("org:x-"));
        assert_eq!(korean, pattern_entity_id(EntityType::Organization, "서울대학교병원"));
        assert_ne!(korean, pattern_entity_id(EntityType::Organization, "부산대학교병원"));
        assert!(pattern_entity_id(EntityType::Person, "山田太郎").starts_with("person:x-"));
    }
}
