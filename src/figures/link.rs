//! Which dictionary entity a figure is about.
//!
//! The rule puts precision first: no entity is better than a wrong one.
//! The candidates are the dictionary mentions in the figure's sentence that
//! name an organization, a law, a term or a product (people and places are
//! not what figures measure). The figure's clause is the part of the
//! sentence around it up to a comma, semicolon, colon or bracket. When the
//! candidates in the clause name exactly one entity, the figure is about
//! it; else, when the whole sentence names exactly one organization, law or
//! product, about that one (a term elsewhere in the sentence is a topic,
//! too loose a tie); else about none.

use crate::model::{EntityIdx, EntityMatch, EntityType, Figure, SentenceSpan, Span};

/// Chars that end a clause.
const CLAUSE_ENDS: &[char] =
    &[',', ';', ':', '(', ')', '[', ']', '，', '；', '：', '（', '）', '、', '「', '」'];

/// The bytes that may start a clause end in UTF-8: the ASCII ends themselves
/// and the lead bytes of the full-width and CJK marks.
static CLAUSE_END_LEADS: [bool; 256] = clause_end_leads();

const fn clause_end_leads() -> [bool; 256] {
    let mut table = [false; 256];
    let mut i = 0;
    while i < CLAUSE_ENDS.len() {
        let mut buf = [0; 4];
        let encoded = CLAUSE_ENDS[i].encode_utf8(&mut buf);
        table[encoded.as_bytes()[0] as usize] = true;
        i += 1;
    }
    table
}

/// The entity each of `figures` is about, in the same order (see the module
/// doc for the rule). `mentions` are in order of appearance; `entity_type`
/// gives the type of a mentioned entity.
#[must_use]
pub fn entity_links(
    text: &str,
    sentences: &[SentenceSpan],
    figures: &[Figure],
    mentions: &[EntityMatch],
    entity_type: impl Fn(EntityIdx) -> EntityType,
) -> Vec<Option<EntityIdx>> {
    let named = |m: &&EntityMatch| {
        matches!(
            entity_type(m.entity),
            EntityType::Organization | EntityType::Law | EntityType::Product
        )
    };
    let about = |m: &&EntityMatch| named(m) || entity_type(m.entity) == EntityType::Term;
    // Clause ends are found only in the sentences that hold figures.
    let mut clause_ends: Vec<usize> = Vec::new();
    let mut scanned: Option<Span> = None;
    figures
        .iter()
        .map(|figure| {
            let index = sentences.partition_point(|s| s.span.start <= figure.span.start);
            let sentence = sentences.get(index.checked_sub(1)?)?.span;
            if scanned != Some(sentence) {
                clause_ends.clear();
                clause_ends.extend(clause_ends_in(text, sentence));
                scanned = Some(sentence);
            }
            let clause = clause_around(&clause_ends, sentence, figure.span);
            let inside = |span: Span| within(mentions, span);
            single_entity(inside(clause).filter(about))
                .or_else(|| single_entity(inside(sentence).filter(named)))
        })
        .collect()
}

/// The byte offsets of the clause-ending chars inside `span`, in order:
/// a byte scan that decodes a char only at a possible lead byte.
fn clause_ends_in(text: &str, span: Span) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes().get(span.start..span.end).unwrap_or_default();
    bytes
        .iter()
        .enumerate()
        .filter(|&(_, &byte)| CLAUSE_END_LEADS[usize::from(byte)])
        .map(move |(i, _)| span.start + i)
        .filter(|&at| text.get(at..).is_some_and(|rest| rest.starts_with(CLAUSE_ENDS)))
}

/// The mentions inside `span`, found by binary search: linear work per
/// figure would make a long document's figures quadratic.
fn within(mentions: &[EntityMatch], span: Span) -> impl Iterator<Item = &EntityMatch> {
    let first = mentions.partition_point(|m| m.span.start < span.start);
    mentions[first..]
        .iter()
        .take_while(move |m| m.span.start < span.end)
        .filter(move |m| span.contains(m.span))
}

/// The entity named by `mentions` when they all name the same one.
fn single_entity<'m>(mut mentions: impl Iterator<Item = &'m EntityMatch>) -> Option<EntityIdx> {
    let first = mentions.next()?.entity;
    mentions.all(|m| m.entity == first).then_some(first)
}

/// The clause of `sentence` holding `figure`: from the last clause end
/// before it to the first one after it. `clause_ends` are the byte offsets
/// of the sentence's clause-ending chars, in order: found by binary search, so
/// that a long sentence full of figures stays linear.
fn clause_around(clause_ends: &[usize], sentence: Span, figure: Span) -> Span {
    let before = clause_ends.partition_point(|&at| at < figure.start);
    let start = before
        .checked_sub(1)
        .map(|i| clause_ends[i])
        .filter(|&at| at >= sentence.start)
        .map_or(sentence.start, |at| at + 1);
    let after = clause_ends.partition_point(|&at| at < figure.end);
    let end =
        clause_ends.get(after).copied().filter(|&at| at < sentence.end).unwrap_or(sentence.end);
    Span::new(start, end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::testutil::figures;
    use crate::model::Lang;

    /// Entities by index: 0 and 1 organizations, 2 a law, 3 a person, 4 a term.
    fn type_of(idx: EntityIdx) -> EntityType {
        match idx.0 {
            0 | 1 => EntityType::Organization,
            2 => EntityType::Law,
            3 => EntityType::Person,
            _ => EntityType::Term,
        }
    }

    /// The entity of each figure of `text`, where `names` are the mentions.
    fn links(text: &str, names: &[(&str, u32)]) -> Vec<Option<u32>> {
        let mut mentions: Vec<EntityMatch> = names
            .iter()
            .flat_map(|(name, idx)| {
                text.match_indices(name).map(|(at, _)| EntityMatch {
                    span: Span::new(at, at + name.len()),
                    entity: EntityIdx(*idx),
                })
            })
            .collect();
        mentions.sort_by_key(|m| m.span);
        let sentences = [SentenceSpan { span: Span::new(0, text.len()), lang: Lang::Mixed }];
        let found = figures(text, Lang::Mixed);
        entity_links(text, &sentences, &found, &mentions, type_of)
            .into_iter()
            .map(|e| e.map(|e| e.0))
            .collect()
    }

    #[test]
    fn clause_ends_are_found_byte_wise() {
        let text = "a, b（c）d、「e」；f：g，h; i: j(k) [l] 가나 ﹐ ＠ 〜";
        let want: Vec<usize> = text.match_indices(CLAUSE_ENDS).map(|(at, _)| at).collect();
        let found: Vec<usize> = clause_ends_in(text, Span::new(0, text.len())).collect();
        assert_eq!(found, want);
        let inner: Vec<usize> = clause_ends_in(text, Span::new(2, 9)).collect();
        assert_eq!(inner, [4, 8]);
    }

    #[test]
    fn one_entity_in_the_sentence_takes_every_figure() {
        assert_eq!(
            links("MFDS said 45 companies got $5 million", &[("MFDS", 0)]),
            [Some(0), Some(0)]
        );
        assert_eq!(
            links("식약처는 45개 기업에 500억원을 지원", &[("식약처", 0)]),
            [Some(0), Some(0)]
        );
    }

    #[test]
    fn the_clause_decides_between_entities() {
        let text = "MFDS approved 12 drugs, while PMDA approved 9 drugs";
        assert_eq!(links(text, &[("MFDS", 0), ("PMDA", 1)]), [Some(0), Some(1)]);
        let text = "The CDMO Act takes effect in 2026 (MFDS)";
        assert_eq!(links(text, &[("CDMO Act", 2), ("MFDS", 0)]), [Some(2)]);
    }

    #[test]
    fn no_entity_when_it_cannot_be_told() {
        let text = "MFDS and PMDA held the 6th meeting";
        assert_eq!(links(text, &[("MFDS", 0), ("PMDA", 1)]), [None]);
        assert_eq!(links("Kim said 45 companies joined", &[("Kim", 3)]), [None]);
        assert_eq!(links("45 companies joined", &[]), [None]);
        assert_eq!(links("Of 45 companies, few use GMP", &[("GMP", 4)]), [None]);
        assert_eq!(links("Only 18% use GMP", &[("GMP", 4)]), [Some(4)]);
        assert_eq!(
            links("MFDS met PMDA and MFDS again on 3 sites", &[("MFDS", 0), ("PMDA", 1)]),
            [None]
        );
    }
}
