//! Later surname-only references to a person ("Chun said", "Mr. Kim"): within
//! one document, once a person has been mentioned by a full name, a
//! capitalised standalone word equal to that person's surname refers to them,
//! if no other person with that surname has been mentioned before it.
//!
//! The surname is the first word of the id's slug (`person:chun-jung-woon` →
//! "Chun"), the dictionary's convention, used only when the canonical name has
//! that word too. A candidate word must stand alone: it is not followed by
//! another capitalised word, and not preceded by one other than an honorific
//! or a title ("Mr.", "Dr.", "Professor", "Researcher"), so "Park" in "Olympic
//! Park" or "Lee Tae-kyu" is left alone.

use std::collections::HashMap;

use crate::model::{EntityIdx, EntityMatch, EntityType, Span};

use super::Dictionary;
use super::boundary::{may_end, may_start};
use super::fold::unify_char;

/// Honorifics and titles before a surname that still leave it standing alone.
const TITLES: [&str; 22] = [
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Prof.",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Prof",
    "Professor",
    "Researcher",
    "Director",
    "Minister",
    "Commissioner",
    "President",
    "Chairman",
    "Chairwoman",
    "CEO",
    "Chief",
    "Representative",
    "Senator",
];

/// The surnames of a dictionary's people.
#[derive(Debug, Default)]
pub(super) struct Surnames {
    by_entity: HashMap<EntityIdx, Box<str>>,
}

impl Surnames {
    /// The surname of each person of `dict`, written with a capital initial.
    pub(super) fn of(dict: &Dictionary) -> Surnames {
        let by_entity = dict
            .entities()
            .iter()
            .zip(0u32..)
            .filter(|(entity, _)| entity.entity_type == EntityType::Person)
            .filter_map(|(entity, idx)| {
                let slug = entity.id.split_once(':')?.1;
                let first = slug.split('-').next().filter(|word| word.len() >= 2)?;
                let surname = capitalised(first);
                let in_canonical = entity
                    .canonical
                    .split(|c: char| !c.is_ascii_alphabetic())
                    .any(|word| word.eq_ignore_ascii_case(&surname));
                in_canonical.then(|| (EntityIdx(idx), surname.into_boxed_str()))
            })
            .collect();
        Surnames { by_entity }
    }

    /// `mentions`, sorted, with the surname-only references to the people
    /// among them added; `in_sentence` tells whether a span lies inside one
    /// sentence.
    pub(super) fn add_references(
        &self,
        text: &str,
        mentions: &mut Vec<EntityMatch>,
        in_sentence: impl Fn(Span) -> bool,
    ) {
        // Each surname with the people bearing it, by where they are first named.
        let mut first_named: HashMap<&str, Vec<(usize, EntityIdx)>> = HashMap::new();
        for mention in mentions.iter() {
            if let Some(surname) = self.by_entity.get(&mention.entity) {
                let people = first_named.entry(surname).or_default();
                if !people.iter().any(|&(_, entity)| entity == mention.entity) {
                    people.push((mention.span.end, mention.entity));
                }
            }
        }
        let mut found = Vec::new();
        for (surname, people) in &first_named {
            for (start, _) in text.match_indices(*surname) {
                let span = Span::new(start, start + surname.len());
                let mut named_before = people.iter().filter(|&&(end, _)| end <= start);
                let (Some(&(_, entity)), None) = (named_before.next(), named_before.next()) else {
                    continue;
                };
                if stands_alone(text, span)
                    && in_sentence(span)
                    && !mentions.iter().any(|m| m.span.start < span.end && span.start < m.span.end)
                {
                    found.push(EntityMatch { span, entity });
                }
            }
        }
        if !found.is_empty() {
            mentions.extend(found);
            mentions.sort_by_key(|m| m.span.start);
        }
    }
}

/// True when the word at `span` is a word of its own, not part of a longer
/// capitalised name.
pub(crate) fn stands_alone(text: &str, span: Span) -> bool {
    let before = text.get(..span.start).unwrap_or_default();
    let after = text.get(span.end..).unwrap_or_default();
    let is_hyphen = |c: Option<char>| c.is_some_and(|c| unify_char(c) == '-');
    let word = text.get(span.start..span.end).unwrap_or_default();
    let (Some(first), Some(last)) = (word.chars().next(), word.chars().next_back()) else {
        return false;
    };
    if !may_start(before, first)
        || !may_end(last, after)
        || is_hyphen(before.chars().next_back())
        || is_hyphen(after.chars().next())
    {
        return false;
    }
    let next_word = after.strip_prefix(' ').map(|rest| rest.split(' ').next().unwrap_or_default());
    if next_word.is_some_and(|word| word.starts_with(|c: char| c.is_uppercase())) {
        return false;
    }
    let previous_word =
        before.strip_suffix(' ').map(|rest| rest.rsplit(' ').next().unwrap_or_default());
    !previous_word
        .is_some_and(|word| word.starts_with(|c: char| c.is_uppercase()) && !TITLES.contains(&word))
}

/// `word` with an uppercase initial.
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::super::Matcher;
    use super::super::testutil::{entity, whole};
    use super::*;

    fn dictionary() -> Dictionary {
        Dictionary::from_entities(vec![
            entity("person:chun-jung-woon", "Jung Woon Chun", &["Chun Jung-woon"]),
            entity("person:lee-sun-hee", "Sun Hee Lee", &[]),
            entity("person:lee-tae-kyu", "Tae-kyu Lee", &[]),
            entity("person:park-yong-ki", "Yong Ki Park", &[]),
            entity("person:x-ignored", "Mary Smith", &[]),
            entity("org:chun-group", "Chun Group", &[]),
        ])
    }

    /// The `(surface, entity id)` of every mention in `text`.
    fn mentions(text: &str) -> Vec<(String, String)> {
        let dict = dictionary();
        Matcher::new(&dict)
            .find(text, &whole(text))
            .into_iter()
            .map(|m| (text[m.span.start..m.span.end].to_owned(), dict.entity(m.entity).id.clone()))
            .collect()
    }

    fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
        expected.iter().map(|&(s, id)| (s.to_owned(), id.to_owned())).collect()
    }

    #[test]
    fn surnames_come_from_the_id_when_the_canonical_name_has_them() {
        let surnames = Surnames::of(&dictionary());
        let mut found: Vec<&str> = surnames.by_entity.values().map(AsRef::as_ref).collect();
        found.sort_unstable();
        assert_eq!(found, ["Chun", "Lee", "Lee", "Park"]);
    }

    #[test]
    fn a_surname_alone_refers_to_the_one_person_named_before() {
        let chun = "person:chun-jung-woon";
        for (text, expected) in [
            (
                "Jung Woon Chun spoke. Chun said more, Mr. Chun left, and Researcher Chun wrote.",
                vec![("Jung Woon Chun", chun), ("Chun", chun), ("Chun", chun), ("Chun", chun)],
            ),
            // Not before the full name, not inside words or longer names.
            ("Chun spoke before Jung Woon Chun.", vec![("Jung Woon Chun", chun)]),
            (
                "Jung Woon Chun met Chunho, Chun-ho, CHUN and Chun Group.",
                vec![("Jung Woon Chun", chun), ("Chun Group", "org:chun-group")],
            ),
            ("Jung Woon Chun and Mary Chun.", vec![("Jung Woon Chun", chun)]),
            ("Jung Woon Chun visited Chun Hospital.", vec![("Jung Woon Chun", chun)]),
            ("Jung Woon Chun. chun is lowercase.", vec![("Jung Woon Chun", chun)]),
            // Two people with one surname: "Lee" is ambiguous after both.
            (
                "Sun Hee Lee said Lee agreed; Tae-kyu Lee said Lee did not.",
                vec![
                    ("Sun Hee Lee", "person:lee-sun-hee"),
                    ("Lee", "person:lee-sun-hee"),
                    ("Tae-kyu Lee", "person:lee-tae-kyu"),
                ],
            ),
            ("Yong Ki Park visited the park.", vec![("Yong Ki Park", "person:park-yong-ki")]),
            // Surname-only references stay in Latin text.
            ("Jung Woon Chun 교수는 Chun의 연구를", vec![("Jung Woon Chun", chun), ("Chun", chun)]),
            ("Mary Smith said Smith agreed.", vec![("Mary Smith", "person:x-ignored")]),
            (
                "Jung Woon Chun left; Chun's team stayed.",
                vec![("Jung Woon Chun", chun), ("Chun", chun)],
            ),
        ] {
            assert_eq!(mentions(text), pairs(&expected), "{text}");
        }
    }
}
