//! A person a rule found once is found everywhere in the document: the same
//! name elsewhere ("홍길동은", "Mina Seo told"), and later the family name
//! alone ("Seo said", "Mr. Seo", "山田氏" after "山田太郎社長", "홍 교수" after
//! "홍길동 교수"), unless two people named so far share it.

use std::sync::LazyLock;

use memchr::memmem;

use crate::dictionary::stands_alone;
use crate::model::{EntityType, MentionSource, SentenceSpan, Span};
use crate::script::{is_han, is_hangul_syllable, is_katakana};

use super::document::{
    Mention, Names, Referent, in_one_sentence, is_word, merge_mentions, overlapping,
};

/// Korean, Chinese and Japanese family names as written in English.
pub(super) static LATIN_FAMILY_NAMES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon(include_str!("lexicons/family-names-latin.txt")));

/// Korean family names in Hangul.
pub(super) static KOREAN_FAMILY_NAMES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon(include_str!("lexicons/family-names-ko.txt")));

/// Chinese family names.
pub(super) static CHINESE_FAMILY_NAMES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon(include_str!("lexicons/family-names-zh.txt")));

/// Japanese family names in kanji.
pub(super) static JAPANESE_FAMILY_NAMES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon(include_str!("lexicons/family-names-ja.txt")));

/// Nouns that make a name before them part of another name ("Einstein
/// equations", "the Karzai airport").
const EPONYM_NOUNS: &[&str] = &[
    "equation",
    "equations",
    "notation",
    "refrigerator",
    "field",
    "tensor",
    "theory",
    "effect",
    "constant",
    "coefficient",
    "ring",
    "summation",
    "solid",
    "model",
    "prize",
    "award",
    "medal",
    "institute",
    "airport",
    "gymnasium",
    "school",
    "street",
    "road",
    "avenue",
    "building",
    "hall",
    "center",
    "centre",
    "stadium",
    "bridge",
    "memorial",
    "museum",
    "library",
    "family",
];

/// What may follow a Japanese family name used alone.
const JAPANESE_AFTER_FAMILY_NAME: &[&str] =
    &["氏", "さん", "社長", "会長", "教授", "理事長", "所長", "部長", "局長"];

/// What may follow a Korean family name used alone: a space and a role word.
const KOREAN_AFTER_FAMILY_NAME: &[&str] = &[
    " 교수",
    " 대표",
    " 회장",
    " 처장",
    " 원장",
    " 장관",
    " 의원",
    " 씨",
    " 연구원",
    " 박사",
    " 사장",
    " 이사장",
];

/// The non-comment lines of a lexicon file.
fn lexicon(file: &'static str) -> Vec<&'static str> {
    file.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with('#')).collect()
}

/// An alternation of `names` for a regular expression, longest first.
pub(super) fn alternation(names: &[&str]) -> String {
    let mut sorted = names.to_vec();
    sorted.sort_by_key(|name| std::cmp::Reverse(name.chars().count()));
    sorted.join("|")
}

/// The family name of a person's `name` as written: in Latin script the
/// word from the list of family names when exactly one word is ("Jin-gu
/// Kim", "Kim Jin-gu", "Kim, Jin-gu"), else the last word; in Hangul or Han
/// the family name of the lists it starts with.
fn family_name(name: &str) -> Option<&str> {
    if name.is_ascii() {
        let words: Vec<&str> = name.split([' ', ',']).filter(|word| !word.is_empty()).collect();
        let listed: Vec<&str> =
            words.iter().copied().filter(|word| LATIN_FAMILY_NAMES.contains(word)).collect();
        return match listed.as_slice() {
            [one] => Some(one),
            _ => words.last().copied().filter(|_| words.len() > 1),
        };
    }
    let lists: [&[&str]; 3] = [&KOREAN_FAMILY_NAMES, &JAPANESE_FAMILY_NAMES, &CHINESE_FAMILY_NAMES];
    lists
        .iter()
        .flat_map(|list| list.iter())
        .filter(|family| name.starts_with(**family) && name.len() > family.len())
        .max_by_key(|family| family.len())
        .map(|family| &name[..family.len()])
}

/// True when `name` holds a listed family name: a word of it in Latin
/// script; in Hangul its start, with a two-syllable given name (one or two
/// after a two-syllable family name); in Han its start, with a one- or
/// two-character given name.
pub(super) fn has_family_name(name: &str) -> bool {
    if name.is_ascii() {
        return name.split([' ', ',']).any(|word| LATIN_FAMILY_NAMES.contains(&word));
    }
    let hangul = name.chars().any(is_hangul_syllable);
    let list: &[&str] = if hangul { &KOREAN_FAMILY_NAMES } else { &CHINESE_FAMILY_NAMES };
    let chars = name.chars().count();
    list.iter().filter(|family| name.starts_with(**family)).any(|family| {
        let family_chars = family.chars().count();
        let given = chars.saturating_sub(family_chars);
        if hangul {
            given == 2 || (family_chars == 2 && given == 1)
        } else {
            (1..=2).contains(&given)
        }
    })
}

/// Adds the other mentions of each person found by a rule: the whole name
/// elsewhere, then the family name alone after it.
pub(super) fn spread_people(text: &str, sentences: &[SentenceSpan], names: &mut Names) {
    let people: Vec<(usize, Span)> = names
        .mentions
        .iter()
        .filter_map(|m| match m.referent {
            Referent::Found(index) if names.entities[index].entity_type == EntityType::Person => {
                Some((index, m.span))
            }
            _ => None,
        })
        .collect();
    let mut added: Vec<Mention> = Vec::new();
    let mut first_named: Vec<(usize, usize, &str)> = Vec::new();
    for &(index, span) in &people {
        if first_named.iter().all(|&(other, ..)| other != index) {
            first_named.push((index, span.end, &text[span.start..span.end]));
        }
    }
    for &(index, _, name) in &first_named {
        for start in memmem::find_iter(text.as_bytes(), name) {
            let at = Span::new(start, start + name.len());
            let alone = !name.is_ascii() || refers_alone(text, at);
            if alone && is_word(text, at) && in_one_sentence(sentences, at) {
                added.push(Mention {
                    span: at,
                    referent: Referent::Found(index),
                    method: MentionSource::Pattern,
                });
            }
        }
    }
    for &(index, named_at, name) in &first_named {
        let Some(family) = family_name(name) else {
            continue;
        };
        let shared = first_named.iter().any(|&(other, _, other_name)| {
            other != index && family_name(other_name) == Some(family)
        });
        if shared {
            continue;
        }
        for start in memmem::find_iter(&text.as_bytes()[named_at..], family) {
            let at = Span::new(named_at + start, named_at + start + family.len());
            if refers_alone(text, at) && in_one_sentence(sentences, at) {
                added.push(Mention {
                    span: at,
                    referent: Referent::Found(index),
                    method: MentionSource::Pattern,
                });
            }
        }
    }
    added.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    let mut kept: Vec<Mention> = Vec::with_capacity(added.len());
    for mention in added {
        let free = overlapping(&names.mentions, mention.span).is_empty();
        let after_last = kept.last().is_none_or(|last| last.span.end <= mention.span.start);
        if free && after_last {
            kept.push(mention);
        }
    }
    merge_mentions(&mut names.mentions, kept);
}

/// True when the family name at `span` stands for a person alone: a Latin
/// word not part of a longer capitalised name, a kanji family name followed
/// by an honorific or a title, a Hangul one followed by a space and a role
/// word.
fn refers_alone(text: &str, span: Span) -> bool {
    let family = &text[span.start..span.end];
    let after = &text[span.end..];
    if family.is_ascii() {
        let next_word = after.strip_prefix([' ', '\n']).and_then(|rest| {
            rest.split(|c: char| c.is_whitespace() || c.is_ascii_punctuation()).next()
        });
        // A name wrapped onto a new line still follows the word before it.
        let wrapped_after = text[..span.start]
            .strip_suffix('\n')
            .and_then(|rest| rest.split_whitespace().next_back())
            .is_some_and(|word| {
                word.starts_with(char::is_uppercase) && !word.ends_with(['.', ':', '!', '?'])
            });
        return stands_alone(text, span)
            && !wrapped_after
            && !next_word.is_some_and(|word| {
                EPONYM_NOUNS.contains(&word) || word.starts_with(char::is_uppercase)
            });
    }
    let before = text[..span.start].chars().next_back();
    let free_before = !before.is_some_and(|c| is_hangul_syllable(c) || is_katakana(c) || is_han(c));
    free_before
        && if family.chars().any(is_hangul_syllable) {
            KOREAN_AFTER_FAMILY_NAME.iter().any(|role| after.starts_with(role))
        } else {
            JAPANESE_AFTER_FAMILY_NAME.iter().any(|role| after.starts_with(role))
        }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn family_names_by_list_or_last_word() {
        assert_eq!(family_name("Jin-gu Kim"), Some("Kim"));
        assert_eq!(family_name("Kim Jin-gu"), Some("Kim"));
        assert_eq!(family_name("Kim, Jin-Gu"), Some("Kim"));
        assert_eq!(family_name("Jane Roe"), Some("Roe"));
        assert_eq!(family_name("Roe"), None);
        assert_eq!(family_name("홍길동"), Some("홍"));
        assert_eq!(family_name("남궁민수"), Some("남궁"));
        assert_eq!(family_name("山田太郎"), Some("山田"));
        assert_eq!(family_name("王明"), Some("王"));
    }

    #[test]
    fn lexicons_have_no_duplicates() {
        for list in [
            &LATIN_FAMILY_NAMES,
            &KOREAN_FAMILY_NAMES,
            &CHINESE_FAMILY_NAMES,
            &JAPANESE_FAMILY_NAMES,
        ] {
            let mut sorted = list.to_vec();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), list.len());
        }
    }
}
