//! Helpers for the module's tests: tiny dictionaries written in code.

use crate::model::{Entity, EntityType, Lang, SentenceSpan, Span};

/// An entity with id `id` (its prefix gives the type), canonical name
/// `canonical` and further surface forms `aliases`.
pub(crate) fn entity(id: &str, canonical: &str, aliases: &[&str]) -> Entity {
    let entity_type = match id.split(':').next() {
        Some("org") => EntityType::Organization,
        Some("person") => EntityType::Person,
        Some("law") => EntityType::Law,
        Some("place") => EntityType::Place,
        Some("product") => EntityType::Product,
        _ => EntityType::Term,
    };
    Entity {
        id: id.to_owned(),
        entity_type,
        canonical: canonical.to_owned(),
        name_ko: None,
        name_ja: None,
        name_zh: None,
        country: None,
        aliases: aliases.iter().map(|&alias| alias.to_owned()).collect(),
    }
}

/// One sentence covering all of `text`.
pub(crate) fn whole(text: &str) -> Vec<SentenceSpan> {
    vec![sentence(0, text.len())]
}

/// A sentence spanning bytes `start..end`.
pub(crate) fn sentence(start: usize, end: usize) -> SentenceSpan {
    SentenceSpan { span: Span::new(start, end), lang: Lang::Mixed }
}
