//! The names of one document: the dictionary's mentions and the rules'
//! names merged, then the acronyms the text defines resolved for the whole
//! document.

use memchr::memmem;

use crate::dictionary::{Dictionary, may_end, may_start};
use crate::model::{Entity, EntityIdx, EntityMatch, EntityType, MentionSource, SentenceSpan, Span};

use super::acronym::definitions;
use super::country::{CountryFocus, is_shared_name};
use super::legal_form::with_legal_form;
use super::people::spread_people;
use super::{Claimed, Recognizer, sentence_lang};

/// What a mention refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Referent {
    /// An entity of the dictionary.
    Dictionary(EntityIdx),
    /// An entity found in the document: an index into [`Names::entities`].
    Found(usize),
}

/// One mention of a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Byte span of the surface.
    pub span: Span,
    /// The entity it refers to.
    pub referent: Referent,
    /// How it was found.
    pub method: MentionSource,
}

/// The mentions of a document and the entities found in it that the
/// dictionary lacks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Names {
    /// Every mention, sorted by start, disjoint.
    pub mentions: Vec<Mention>,
    /// The entities of [`Referent::Found`] mentions, once each.
    pub entities: Vec<Entity>,
}

impl Names {
    /// The entity `referent` stands for.
    #[must_use]
    pub fn entity<'a>(&'a self, dictionary: &'a Dictionary, referent: Referent) -> &'a Entity {
        match referent {
            Referent::Dictionary(idx) => dictionary.entity(idx),
            Referent::Found(index) => &self.entities[index],
        }
    }

    /// The mentions of dictionary entities, as the matcher gives them.
    #[must_use]
    pub fn dictionary_matches(&self) -> Vec<EntityMatch> {
        self.mentions
            .iter()
            .filter_map(|m| match m.referent {
                Referent::Dictionary(entity) => Some(EntityMatch { span: m.span, entity }),
                Referent::Found(_) => None,
            })
            .collect()
    }
}

impl Recognizer {
    /// Every mention of `text`: the dictionary's `matches`, the names the
    /// rules find outside them, and the acronyms the text defines (see
    /// [`resolve_acronyms`]).
    #[must_use]
    pub fn names(
        &self,
        text: &str,
        sentences: &[SentenceSpan],
        matches: &[EntityMatch],
        dictionary: &Dictionary,
    ) -> Names {
        let (mut terms, mut others): (Vec<Span>, Vec<Span>) = (Vec::new(), Vec::new());
        for m in matches {
            let is_term = dictionary.entity(m.entity).entity_type == EntityType::Term;
            if is_term { &mut terms } else { &mut others }.push(m.span);
        }
        let mut names = Names::default();
        let mut mentions: Vec<Mention> = Vec::with_capacity(matches.len());
        let mut focus: Option<CountryFocus> = None;
        for m in matches {
            let entity = dictionary.entity(m.entity);
            let surface = &text[m.span.start..m.span.end];
            let shared = entity.country.as_deref().filter(|_| is_shared_name(surface));
            let elsewhere = shared.is_some_and(|country| {
                !focus.get_or_insert_with(|| CountryFocus::of(text, sentences)).is_about(country)
            });
            let referent = if elsewhere {
                let lang = sentence_lang(sentences, m.span);
                names.add(super::entity(entity.entity_type, surface, lang))
            } else {
                Referent::Dictionary(m.entity)
            };
            let method = if elsewhere { MentionSource::Pattern } else { MentionSource::Dictionary };
            mentions.push(Mention { span: m.span, referent, method });
        }
        for found in self.find(text, sentences, Claimed { names: &others, terms: &terms }) {
            let referent = names.add(found.entity);
            mentions.push(Mention { span: found.span, referent, method: MentionSource::Pattern });
        }
        mentions.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
        drop_nested(&mut mentions);
        names.mentions = mentions;
        spread_people(text, sentences, &mut names);
        widen_over_legal_forms(text, sentences, &mut names, dictionary);
        resolve_acronyms(text, sentences, &mut names, dictionary);
        names.drop_unused_entities();
        names
    }
}

impl Names {
    /// The referent of the found entity `entity`, added unless known.
    fn add(&mut self, entity: Entity) -> Referent {
        let index = match self.entities.iter().position(|e| e.id == entity.id) {
            Some(index) => index,
            None => {
                self.entities.push(entity);
                self.entities.len() - 1
            }
        };
        Referent::Found(index)
    }

    /// Drops the found entities no mention refers to any more.
    fn drop_unused_entities(&mut self) {
        let mut new_index = vec![None; self.entities.len()];
        let mut kept = 0;
        for m in &self.mentions {
            if let Referent::Found(index) = m.referent
                && new_index[index].is_none()
            {
                new_index[index] = Some(kept);
                kept += 1;
            }
        }
        let mut entities: Vec<Option<Entity>> = self.entities.drain(..).map(Some).collect();
        let mut order: Vec<(usize, usize)> = new_index
            .iter()
            .enumerate()
            .filter_map(|(old, new)| new.map(|new| (new, old)))
            .collect();
        order.sort_unstable();
        self.entities = order.iter().filter_map(|&(_, old)| entities[old].take()).collect();
        for m in &mut self.mentions {
            if let Referent::Found(index) = &mut m.referent {
                *index = new_index[*index].unwrap_or(*index);
            }
        }
    }
}

/// Widens each organization's mention over the legal form written next to
/// it, when the wider span stays in its sentence and overlaps no other
/// mention.
fn widen_over_legal_forms(
    text: &str,
    sentences: &[SentenceSpan],
    names: &mut Names,
    dictionary: &Dictionary,
) {
    for i in 0..names.mentions.len() {
        let m = names.mentions[i];
        if names.entity(dictionary, m.referent).entity_type != EntityType::Organization {
            continue;
        }
        let wide = with_legal_form(text, m.span);
        let previous_end = i.checked_sub(1).map_or(0, |p| names.mentions[p].span.end);
        let next_start = names.mentions.get(i + 1).map_or(text.len(), |n| n.span.start);
        if wide != m.span
            && wide.start >= previous_end
            && wide.end <= next_start
            && in_one_sentence(sentences, wide)
        {
            names.mentions[i].span = wide;
        }
    }
}

/// Gives each acronym the text defines the entity and type of its full
/// name, in the whole document: the short form in the definition and every
/// later or earlier occurrence of it, replacing a mention of another entity
/// with the same span ("PBM" as a term of the dictionary). When the short
/// form is itself a dictionary name of an entity of the full name's type and
/// the full name was found only by a rule, the dictionary entity names both.
pub fn resolve_acronyms(
    text: &str,
    sentences: &[SentenceSpan],
    names: &mut Names,
    dictionary: &Dictionary,
) {
    let spans: Vec<Span> = names.mentions.iter().map(|m| m.span).collect();
    let type_of = |names: &Names, referent| names.entity(dictionary, referent).entity_type;
    let found: Vec<(Span, Span, Referent)> = definitions(text, &spans, |i| {
        type_of(names, names.mentions[i].referent) == EntityType::Organization
    })
    .into_iter()
    .map(|d| (d.short, spans[d.long], names.mentions[d.long].referent))
    .collect();
    let mut resolved: Vec<&str> = Vec::new();
    let mut renamed: Vec<(Referent, Referent)> = Vec::new();
    for (short_span, long_span, referent) in found {
        let short = &text[short_span.start..short_span.end];
        if resolved.contains(&short) {
            continue;
        }
        resolved.push(short);
        let referent =
            renamed.iter().find(|(from, _)| *from == referent).map_or(referent, |&(_, to)| to);
        let at_short = overlapping(&names.mentions, short_span);
        if let [one] = &names.mentions[at_short]
            && one.span == short_span
        {
            let existing = one.referent;
            if existing == referent {
                continue;
            }
            let same_type = type_of(names, existing) == type_of(names, referent);
            match (existing, referent) {
                (Referent::Dictionary(_), Referent::Found(_)) if same_type => {
                    // The dictionary knows the body by its short form.
                    for m in &mut names.mentions {
                        if m.referent == referent {
                            m.referent = existing;
                        }
                    }
                    renamed.push((referent, existing));
                    continue;
                }
                (Referent::Dictionary(_), Referent::Dictionary(_)) if same_type => continue,
                _ => {}
            }
        }
        let mut occurrences: Vec<Span> = memmem::find_iter(text.as_bytes(), short)
            .map(|start| Span::new(start, start + short.len()))
            .filter(|span| is_word(text, *span) && in_one_sentence(sentences, *span))
            .collect();
        if !occurrences.contains(&short_span) {
            occurrences.push(short_span);
        }
        occurrences.sort_by_key(|span| span.start);
        let mut additions = Vec::new();
        for span in occurrences {
            let range = overlapping(&names.mentions, span);
            let taken = &names.mentions[range.clone()];
            let replaceable = taken.iter().all(|m| m.span == span && m.span != long_span);
            if !replaceable || taken.iter().any(|m| m.referent == referent) {
                continue;
            }
            let mention = Mention { span, referent, method: MentionSource::Acronym };
            if range.is_empty() {
                additions.push(mention);
            } else {
                names.mentions[range.start] = mention;
            }
        }
        merge_mentions(&mut names.mentions, additions);
    }
}

/// Drops the mentions (sorted by start, the longest first) that lie inside
/// the one before them: the terms a law or organization name holds.
fn drop_nested(mentions: &mut Vec<Mention>) {
    let mut end = 0;
    mentions.retain(|m| {
        let outside = m.span.start >= end;
        end = end.max(m.span.end);
        outside
    });
}

/// Adds `additions` to `mentions` in one merge: both sorted, and disjoint
/// from each other (inserting one by one would move the whole list each
/// time, quadratic in a long document).
pub(super) fn merge_mentions(mentions: &mut Vec<Mention>, additions: Vec<Mention>) {
    if additions.is_empty() {
        return;
    }
    let existing = std::mem::take(mentions);
    let mut merged = Vec::with_capacity(existing.len() + additions.len());
    let mut additions = additions.into_iter().peekable();
    for mention in existing {
        while let Some(added) = additions.next_if(|a| a.span.start < mention.span.start) {
            merged.push(added);
        }
        merged.push(mention);
    }
    merged.extend(additions);
    *mentions = merged;
}

/// Something found at a byte span of the text.
pub(super) trait Spanned {
    fn span(&self) -> Span;
}

impl Spanned for Mention {
    fn span(&self) -> Span {
        self.span
    }
}

impl Spanned for Span {
    fn span(&self) -> Span {
        *self
    }
}

/// The range of `items` (sorted, disjoint) that overlap `span`.
pub(super) fn overlapping<T: Spanned>(items: &[T], span: Span) -> std::ops::Range<usize> {
    let start = items.partition_point(|item| item.span().end <= span.start);
    let end = items.partition_point(|item| item.span().start < span.end).max(start);
    start..end
}

/// True when `span` of `text` is a whole word (a Hangul one may take particles).
pub(super) fn is_word(text: &str, span: Span) -> bool {
    let surface = &text[span.start..span.end];
    match (surface.chars().next(), surface.chars().next_back()) {
        (Some(first), Some(last)) => {
            may_start(&text[..span.start], first)
                && may_end(last, &text[span.end..])
                && !text[..span.start].ends_with(|c: char| c.is_ascii_alphanumeric())
        }
        _ => false,
    }
}

/// True when `span` lies inside one of `sentences`.
pub(super) fn in_one_sentence(sentences: &[SentenceSpan], span: Span) -> bool {
    let candidate = sentences.partition_point(|sentence| sentence.span.end <= span.start);
    sentences.get(candidate).is_some_and(|sentence| sentence.span.contains(span))
}
