//! Recognizers for names the dictionary lacks: organizations, people and laws
//! found by their form rather than by lookup, in English, Korean, Japanese
//! and Chinese.
//!
//! - Organizations: "… Association", "… Agency", "… University",
//!   "… Hospital", "… Institute", "… Ministry", "Ministry of …",
//!   "… Co., Ltd.", "… Inc."; …협회, …학회, …연구원, …대학교, …병원, …제약,
//!   …바이오, (주)…; 株式会社…, …協会, …大学, …学会, …病院; …公司, …协会,
//!   …大学, …医院.
//!   Also sub-units ("… Division", "… Committee", "Bureau of …", …위원회,
//!   …협의체, …部会, …委员会) and English company words ("… Pharm", "…
//!   Group", "… Medical" with nothing after it).
//! - People by the title or role around the name: "Professor Jane Roe",
//!   "Jane Roe (Director, …)", "홍길동 교수" (a three-syllable Korean name
//!   with a listed family name, then 처장/교수/대표/회장/…/씨), "山田太郎氏",
//!   "山田太郎社長", "スミスさん", "李明教授", "局长王明表示"; without a
//!   title by context: "said Jane Roe,", "Jane Roe, director of",
//!   "Kim Jin-gu said" (a listed family name), bylines ("By Kim, Jin-gu").
//! - Laws: "… Act", "Special Act on …", "Act on …"; …법; …法, …法律, …条例.
//!
//! Precision comes first: a name must be delimited on both sides (Latin word
//! boundaries; no Hangul before a Hangul name and only particles after it; no
//! Han, Katakana or Hangul before a Han or Kana name, Hiragana being fine), a leading function word is
//! dropped ("The", "根据"), and generic words are refused ("대학병원", "方法",
//! "患者さん"). A match never crosses a sentence boundary nor overlaps a
//! dictionary mention or an earlier rule's match, except that a law or an
//! organization name may hold whole dictionary terms ("Act on Good
//! Manufacturing Practice Inspections"), which it then replaces. The
//! entity's id comes from its name: see [`pattern_entity_id`].
//!
//! [`Recognizer::names`] merges the rules' names with the dictionary's
//! mentions of a document and runs the steps that need the whole document:
//! shared names by country, people found again, legal forms, and acronyms
//! the text defines.

mod acronym;
mod country;
mod document;
mod id;
mod legal_form;
mod people;
mod rules;

use std::collections::BTreeMap;

use memchr::memmem;

use crate::dictionary::{is_particle_run, may_end, may_start};
use crate::model::{Entity, EntityType, Lang, SentenceSpan, Span};
use crate::script::{is_han, is_hangul, is_kana, is_katakana};
use crate::words::WordSet;

use document::overlapping;
pub use document::{Mention, Names, Referent, resolve_acronyms};
pub use id::pattern_entity_id;
use rules::{Edges, NextWord, Rule, end_of_first_joined_name, rules};

/// The byte spans the dictionary's mentions claim, each list sorted and
/// disjoint: a rule's name overlaps none of `names`, and holds whole
/// `terms` only when it is a law or an organization.
#[derive(Clone, Copy, Debug, Default)]
pub struct Claimed<'a> {
    /// Mentions of every type but terms.
    pub names: &'a [Span],
    /// Mentions of terms.
    pub terms: &'a [Span],
}

impl Claimed<'_> {
    /// True when the claims allow a name of `entity_type` at `span`.
    fn allow(&self, span: Span, entity_type: EntityType) -> bool {
        let may_hold_terms = matches!(entity_type, EntityType::Law | EntityType::Organization);
        let terms = &self.terms[overlapping(self.terms, span)];
        self.names[overlapping(self.names, span)].is_empty()
            && if may_hold_terms {
                terms.iter().all(|term| span.contains(*term) && *term != span)
            } else {
                terms.is_empty()
            }
    }
}

/// A name found by a rule, with the entity it stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternMatch {
    /// Byte span of the name in the text.
    pub span: Span,
    /// The entity: id from [`pattern_entity_id`], canonical name as written
    /// (whitespace runs as one space), native name by script, no country.
    pub entity: Entity,
}

/// Finds names by their form. Built once, shared by all threads.
pub struct Recognizer {
    rules: Vec<Rule>,
    /// The head words of every rule, to learn in one pass over a text which
    /// lines each rule may match.
    heads: WordSet,
    /// The rules of each head word, by pattern index.
    head_rules: Vec<Vec<usize>>,
}

impl Default for Recognizer {
    fn default() -> Self {
        Recognizer::new()
    }
}

impl std::fmt::Debug for Recognizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Recognizer").field("rules", &self.rules.len()).finish()
    }
}

impl Recognizer {
    /// Compiles the rules.
    ///
    /// # Panics
    ///
    /// When a rule names no head word, which would leave it never searched.
    #[must_use]
    pub fn new() -> Recognizer {
        let rules = rules();
        let mut words: Vec<&str> = Vec::new();
        let mut head_rules: Vec<Vec<usize>> = Vec::new();
        for (i, rule) in rules.iter().enumerate() {
            assert!(!rule.needs_one_of.is_empty(), "rule {i} names no head word");
            for word in &rule.needs_one_of {
                match words.iter().position(|known| known == word) {
                    Some(known) => head_rules[known].push(i),
                    None => {
                        words.push(word);
                        head_rules.push(vec![i]);
                    }
                }
            }
        }
        let heads = WordSet::new(words, false);
        Recognizer { rules, heads, head_rules }
    }

    /// For each rule, the lines of `text` (each with its line break) that
    /// hold one of its head words, in order. A match holds a head word and
    /// no line break but maybe its last character, so it lies in one of
    /// these lines.
    fn lines_to_search(&self, text: &str) -> Vec<Vec<Span>> {
        let mut lines: Vec<Vec<Span>> = vec![Vec::new(); self.rules.len()];
        // Heads come by their end, so each rule's lines come in order.
        self.heads.for_each(text, |head, span| {
            for &rule in &self.head_rules[head] {
                if lines[rule].last().is_none_or(|line| line.end <= span.start) {
                    lines[rule].push(line_around(text, span.start));
                }
            }
        });
        lines
    }

    /// The names in `text`, in order, each inside one of `sentences` (sorted
    /// byte spans), respecting what the dictionary's mentions have
    /// `claimed`, and overlapping each other not at all.
    #[must_use]
    pub fn find(
        &self,
        text: &str,
        sentences: &[SentenceSpan],
        claimed: Claimed<'_>,
    ) -> Vec<PatternMatch> {
        self.find_in_lines(text, sentences, claimed, &self.lines_to_search(text))
    }

    /// [`Recognizer::find`], searching each rule in its `lines` only.
    fn find_in_lines(
        &self,
        text: &str,
        sentences: &[SentenceSpan],
        claimed: Claimed<'_>,
        lines: &[Vec<Span>],
    ) -> Vec<PatternMatch> {
        let mut found: Vec<PatternMatch> = Vec::new();
        let mut found_spans: BTreeMap<usize, usize> = BTreeMap::new();
        for (rule, lines) in self.rules.iter().zip(lines).filter(|(_, lines)| !lines.is_empty()) {
            let mut captures = rule.captures();
            let mut from = 0;
            for line in lines {
                from = from.max(line.start);
                while from < line.end {
                    let Some(name) = rule.find_name(text, from..line.end, &mut captures) else {
                        break;
                    };
                    let next_start =
                        name.start + text[name.start..].chars().next().map_or(1, char::len_utf8);
                    from = match accept(rule, text, name) {
                        Some(span)
                            if claimed.allow(span, rule.entity_type)
                                && is_free(span, sentences, &found_spans) =>
                        {
                            found_spans.insert(span.start, span.end);
                            let lang = sentence_lang(sentences, span);
                            found.push(PatternMatch {
                                span,
                                entity: entity(rule.entity_type, &text[span.start..span.end], lang),
                            });
                            span.end.max(next_start)
                        }
                        _ => next_start,
                    };
                }
            }
        }
        found.sort_by_key(|m| m.span.start);
        found
    }
}

/// The line of `text` holding byte `at`, with its line break.
fn line_around(text: &str, at: usize) -> Span {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
    Span::new(start, end)
}

/// The span of the name `rule` matched at `span`, after dropping leading
/// function words and trailing particles and keeping the first of two
/// joined organization names, if it passes the rule's edge and
/// generic-word checks.
fn accept(rule: &Rule, text: &str, mut span: Span) -> Option<Span> {
    let starts_delimited = rule.context_before || {
        let before = text.get(..span.start)?;
        let first = text.get(span.start..)?.chars().next()?;
        match rule.edges {
            Edges::Latin => may_start(before, first),
            Edges::Hangul => !before.chars().next_back().is_some_and(is_hangul),
            Edges::Cjk => {
                !before.chars().next_back().is_some_and(|c| {
                    is_hangul(c)
                        || is_katakana(c)
                        || is_han(c)
                        || (c.is_ascii_alphanumeric() && first.is_ascii_alphanumeric())
                }) && !follows_latin_word(before)
            }
        }
    };
    let mut name = text.get(span.start..span.end)?;
    let original_len = name.len();
    while let Some(rest) = rule.strip_leading.strip(name) {
        span.start += name.len() - rest.len();
        name = rest;
    }
    // A function word left out before the name delimits it too (…公司和中国药学会).
    if !starts_delimited && name.len() == original_len {
        return None;
    }
    if rule.entity_type == EntityType::Organization
        && let Some(end) = end_of_first_joined_name(name, rule.edges)
    {
        span.end = span.start + end;
        name = &name[..end];
    }
    if rule.entity_type == EntityType::Organization
        && rule.edges == Edges::Latin
        && let Some((first, rest)) = name.split_once(' ')
        && country::is_country_word(first)
        && (rest.starts_with("Ministry")
            || rest.starts_with("Department")
            || rest.ends_with(" Ministry")
            || (first.len() <= 4 && first.chars().all(|c| c.is_ascii_uppercase() || c == '.')))
    {
        // A country word before a ministry, or a country's initials, is no
        // part of the name ("Afghan Ministry of Finance", "US State
        // Department").
        span.start += first.len() + 1;
        name = rest;
    }
    let name_with_particles = name;
    let generic_two_words = rule.entity_type == EntityType::Organization
        && rule.edges == Edges::Latin
        && name.split(' ').count() == 2
        && name.split(' ').next().is_some_and(country::is_country_word);
    if rule.trailing_particles
        && let Some(stem) = without_particles(name)
    {
        span.end -= name.len() - stem.len();
        name = stem;
    }
    let last = name.chars().next_back()?;
    let after = text.get(span.end..)?;
    let ends_delimited = match rule.edges {
        Edges::Latin => {
            name.contains(' ') && may_end(last, after) && next_word_fits(rule.next_word, after)
        }
        // A person's name is followed by the role word the expression matched.
        Edges::Hangul => rule.entity_type == EntityType::Person || may_end(last, after),
        Edges::Cjk => {
            !rule.ends_before_non_han
                || !after.chars().next().is_some_and(|c| is_katakana(c) || is_han(c))
        }
    };
    let chars = name.chars().count();
    let fits = (rule.min_chars..=rule.max_chars).contains(&chars);
    if !(ends_delimited && fits) || generic_two_words {
        return None;
    }
    // Then the word lists, and last the search of the whole text.
    let generic = (rule.edges == Edges::Latin
        && continues_a_name(
            &text[..span.start],
            after,
            rule.entity_type == EntityType::Organization,
        ))
        || rule.generic_names.contains(&name)
        || name.contains(|c| rule.forbidden_chars.contains(c))
        || rule.generic_endings.iter().any(|ending| name.ends_with(ending));
    let words_fit = (rule.forbidden_words.is_empty() && !rule.needs_family_name) || {
        let words: Vec<&str> =
            name.split([' ', ',', '.']).filter(|word| !word.is_empty()).collect();
        !words.iter().any(|word| rule.forbidden_words.contains(word))
            && (!rule.needs_family_name || people::has_family_name(name))
    };
    let wrapped_law = || {
        rule.entity_type == EntityType::Law
            && rule.edges == Edges::Hangul
            && is_tail_of_wrapped_word(text, span.start, name_with_particles)
    };
    (!generic && words_fit && !wrapped_law()).then_some(span)
}

/// True when the Hangul `name` at `start` follows a Hangul word and a line
/// break or spaces, and the two are written as one word elsewhere in `text`:
/// the name is the end of a word wrapped across lines ("지방공⏎무원법").
fn is_tail_of_wrapped_word(text: &str, start: usize, name: &str) -> bool {
    let before = &text[..start];
    let word_end = before.trim_end();
    if word_end.len() == before.len() {
        return false;
    }
    let head_start = word_end
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_hangul(c))
        .last()
        .map_or(word_end.len(), |(i, _)| i);
    let head = &word_end[head_start..];
    !head.is_empty() && memmem::find(text.as_bytes(), format!("{head}{name}").as_bytes()).is_some()
}

/// True when the text around a Latin name shows that it is part of a longer
/// one: a possessive before it ("Jane's Information Group"), a
/// capitalised word before an `organization` other than a sentence's first
/// word or a country's ("Federal Office for …"), a capitalised
/// word other than an organization's head and "and" or "&" before it
/// ("Research and Assessment Group", "Doubleday & Company, Inc."), a
/// lowercase particle and a capitalised word after it ("Manuel Pinto da
/// Costa"), or a Roman numeral or a number after it ("Division I").
fn continues_a_name(before: &str, after: &str, organization: bool) -> bool {
    let possessive = ["'s ", "’s ", "s' ", "s’ "].iter().any(|mark| before.ends_with(mark));
    let capitalised_before = organization
        && before.strip_suffix(' ').and_then(|rest| rest.rsplit(' ').next()).is_some_and(|word| {
            word.chars().next().is_some_and(char::is_uppercase)
                && word.chars().all(char::is_alphabetic)
                && word.chars().skip(1).all(char::is_lowercase)
                && !rules::is_leading_word(word)
                && !country::is_country_word(word)
        });
    let joined = ["and ", "& "].iter().any(|joiner| {
        let word = before.strip_suffix(joiner).and_then(|rest| rest.trim_end().rsplit(' ').next());
        word.is_some_and(|word| {
            word.starts_with(char::is_uppercase) && !rules::is_english_org_head(word)
        })
    });
    let next = after.strip_prefix(' ').unwrap_or_default();
    let particle = ["da ", "de ", "del ", "dos ", "van ", "von ", "bin ", "al-"]
        .iter()
        .any(|p| next.strip_prefix(p).is_some_and(|rest| rest.starts_with(char::is_uppercase)));
    let numbered = next.split(|c: char| !c.is_alphanumeric()).next().is_some_and(|word| {
        !word.is_empty() && word.chars().all(|c| c.is_ascii_digit() || "IVX".contains(c))
    });
    possessive || capitalised_before || joined || particle || numbered
}

/// True when `after`, the text after a Latin name, starts with a word
/// `next_word` allows.
fn next_word_fits(next_word: NextWord, after: &str) -> bool {
    let word = after.strip_prefix(' ').and_then(|rest| rest.chars().next());
    match next_word {
        NextWord::Any => true,
        NextWord::NotCapitalised => !word.is_some_and(char::is_uppercase),
        NextWord::None => !word.is_some_and(char::is_alphanumeric),
    }
}

/// True when `before` ends with a Latin word and a space: in Chinese and
/// Japanese text set that way, the Han run after it starts a clause, not a
/// name ("… SMTP 服务器…").
fn follows_latin_word(before: &str) -> bool {
    before
        .strip_suffix(' ')
        .and_then(|rest| rest.chars().next_back())
        .is_some_and(|c| c.is_ascii_alphanumeric())
}

/// `name` without a trailing run of Korean particles ("셀트리온은" →
/// "셀트리온"), or `None` when it ends in none.
fn without_particles(name: &str) -> Option<&str> {
    name.char_indices()
        .skip(2)
        .map(|(i, _)| i)
        .find(|&i| is_particle_run(&name[i..]))
        .map(|i| &name[..i])
}

/// True when `span` lies in one sentence and overlaps no span already found
/// (by start).
fn is_free(span: Span, sentences: &[SentenceSpan], found: &BTreeMap<usize, usize>) -> bool {
    let found_overlaps =
        found.range(..span.end).next_back().is_some_and(|(_, &end)| end > span.start);
    document::in_one_sentence(sentences, span) && !found_overlaps
}

/// The language of the sentence holding `span`.
fn sentence_lang(sentences: &[SentenceSpan], span: Span) -> Lang {
    let candidate = sentences.partition_point(|sentence| sentence.span.end <= span.start);
    sentences.get(candidate).filter(|s| s.span.contains(span)).map_or(Lang::Und, |s| s.lang)
}

/// The entity for `name`, found by a rule for `entity_type` in a sentence in
/// `lang`: the name is canonical, and also the native name of its script.
fn entity(entity_type: EntityType, name: &str, lang: Lang) -> Entity {
    let canonical = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let native = Some(canonical.clone());
    let has_kana = canonical.chars().any(is_kana);
    let (name_ko, name_ja, name_zh) = if canonical.chars().any(is_hangul) {
        (native, None, None)
    } else if has_kana || (canonical.chars().any(|c| is_kana(c) || is_han(c)) && lang == Lang::Ja) {
        (None, native, None)
    } else if canonical.chars().any(|c| is_kana(c) || is_han(c)) {
        (None, None, native)
    } else {
        (None, None, None)
    };
    Entity {
        id: pattern_entity_id(entity_type, &canonical),
        entity_type,
        aliases: vec![canonical.clone()],
        canonical,
        name_ko,
        name_ja,
        name_zh,
        country: None,
    }
}

#[cfg(test)]
mod tests;
