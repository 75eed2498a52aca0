//! Acronyms a text defines: "Full Name (ACR)" and "ACR (Full Name)", with
//! the full name already found as a mention. The short form must fit the
//! full name's letters, in the manner of Schwartz and Hearst (2003): read
//! backwards, every letter or digit of the short form is found in order in
//! the full name, the first one at the start of a word ("Pacific Bridge
//! Medical" → "PBM"). A short form in Hangul, Han or Kana is a
//! clipping of the full name: its characters in order, the first one the
//! full name's first ("식품의약품안전처" → "식약처", "厚生労働省" → "厚労省").
//! A Latin acronym after a full name in Hangul, Han or Kana cannot be
//! checked by letters and is taken only for an organization
//! ("한국제약바이오협회(KPBMA)").

use crate::model::Span;
use crate::script::{is_han, is_hangul_syllable, is_kana};

/// The longest short form, in characters.
const MAX_SHORT_CHARS: usize = 10;

/// The most bytes between the brackets of a definition.
const MAX_BRACKETED_BYTES: usize = 200;

/// A definition: the short form's span and the index of the full name's
/// mention among those given to [`definitions`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Definition {
    /// Byte span of the short form.
    pub(super) short: Span,
    /// Index of the full name's mention.
    pub(super) long: usize,
}

/// The acronym definitions of `text`. `names` are the byte spans of its
/// mentions, sorted and disjoint; `is_organization` tells whether the mention at
/// an index names an organization.
pub(super) fn definitions(
    text: &str,
    names: &[Span],
    is_organization: impl Fn(usize) -> bool,
) -> Vec<Definition> {
    let mut found = Vec::new();
    for (open, bracket) in opening_brackets(text) {
        let inner_start = open + bracket.len();
        let Some((inner_end, _)) = closing_bracket(&text[inner_start..]) else {
            continue;
        };
        let inner = trimmed(text, Span::new(inner_start, inner_start + inner_end));
        let before = text[..open].trim_end_matches([' ', '\u{3000}']);
        // "Full Name (ACR)": a mention ends right before the bracket.
        let ending_here = names.partition_point(|name| name.end < before.len());
        if let Some(long) =
            Some(ending_here).filter(|&i| names.get(i).is_some_and(|n| n.end == before.len()))
            && is_short_form(&text[inner.start..inner.end])
            && fits(
                &text[inner.start..inner.end],
                &text[names[long].start..names[long].end],
                || is_organization(long),
            )
        {
            found.push(Definition { short: inner, long });
            continue;
        }
        // "ACR (Full Name)": the brackets hold exactly one mention.
        let starting_here = names.partition_point(|name| name.start < inner.start);
        if let Some(long) =
            Some(starting_here).filter(|&i| names.get(i).is_some_and(|n| *n == inner))
        {
            let short = last_token(before);
            if !short.is_empty()
                && is_short_form(short)
                && fits(short, &text[inner.start..inner.end], || is_organization(long))
            {
                let start = before.len() - short.len();
                found.push(Definition { short: Span::new(start, before.len()), long });
            }
        }
    }
    found
}

/// The byte offsets of the opening brackets of `text`, `(` and `（`, with
/// the bracket.
fn opening_brackets(text: &str) -> impl Iterator<Item = (usize, &'static str)> + '_ {
    const FULL_WIDTH: &str = "（";
    // memchr finds `(` and the last byte of `（` (U+FF08: EF BC 88).
    memchr::memchr2_iter(b'(', 0x88, text.as_bytes()).filter_map(|at| {
        if text.as_bytes()[at] == b'(' {
            Some((at, "("))
        } else {
            let start = at.checked_sub(2)?;
            text.get(start..=at)
                .filter(|&bracket| bracket == FULL_WIDTH)
                .map(|_| (start, FULL_WIDTH))
        }
    })
}

/// The byte offset and length of the bracket closing the one `rest` follows,
/// when it comes soon and on the same line.
fn closing_bracket(rest: &str) -> Option<(usize, usize)> {
    let window = &rest[..floor_boundary(rest, MAX_BRACKETED_BYTES)];
    let (at, close) = window.match_indices([')', '）', '(', '（', '\n']).next()?;
    matches!(close, ")" | "）").then_some((at, close.len()))
}

/// The largest char boundary of `text` at or below `at`.
fn floor_boundary(text: &str, at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    (0..=at).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0)
}

/// `span` without surrounding spaces.
fn trimmed(text: &str, span: Span) -> Span {
    let inner = &text[span.start..span.end];
    let start = span.start + (inner.len() - inner.trim_start().len());
    Span::new(start, start + inner.trim().len())
}

/// The last word of `before`: a run of Latin letters and digits (with `&`,
/// `-`), or of Hangul, or of Han and Kana.
fn last_token(before: &str) -> &str {
    let Some(last) = before.chars().next_back() else {
        return "";
    };
    let class = class_of(last);
    if class == Class::Other {
        return "";
    }
    let start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| {
            class_of(c) == class || (class == Class::Latin && matches!(c, '&' | '-'))
        })
        .last()
        .map_or(before.len(), |(i, _)| i);
    &before[start..]
}

/// The kind of characters a token is made of: ASCII letters and digits,
/// Hangul syllables, or Han and Kana.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Latin,
    Hangul,
    Cjk,
    Other,
}

fn class_of(c: char) -> Class {
    if c.is_ascii_alphanumeric() {
        Class::Latin
    } else if is_hangul_syllable(c) {
        Class::Hangul
    } else if is_kana(c) || is_han(c) {
        Class::Cjk
    } else {
        Class::Other
    }
}

/// True when `short` may be a short form: 2 to 10 characters of one script
/// with no space; a Latin one starts with an uppercase letter and has at
/// least two ("MFDS", "KoBIA", "R&D").
pub(super) fn is_short_form(short: &str) -> bool {
    let chars = short.chars().count();
    let Some(first) = short.chars().next() else {
        return false;
    };
    if !(2..=MAX_SHORT_CHARS).contains(&chars) {
        return false;
    }
    match class_of(first) {
        Class::Latin => {
            first.is_ascii_uppercase()
                && short.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '&' | '-'))
                && short.chars().filter(char::is_ascii_uppercase).count() >= 2
                && !short.ends_with('-')
        }
        class @ (Class::Hangul | Class::Cjk) => short.chars().all(|c| class_of(c) == class),
        Class::Other => false,
    }
}

/// True when the short form `short` fits the full name `long`;
/// `is_organization` is asked only for a Latin acronym of a name in another
/// script.
fn fits(short: &str, long: &str, is_organization: impl FnOnce() -> bool) -> bool {
    let short_is_latin = short.starts_with(|c: char| c.is_ascii_alphanumeric());
    let long_is_latin = long.chars().any(|c| c.is_ascii_alphabetic())
        && !long.chars().any(|c| matches!(class_of(c), Class::Hangul | Class::Cjk));
    match (short_is_latin, long_is_latin) {
        (true, true) => letters_fit(short, long),
        (true, false) => {
            short.chars().all(|c| !c.is_ascii_lowercase())
                && !long.contains(short)
                && is_organization()
        }
        (false, false) => clipping_fits(short, long),
        (false, true) => false,
    }
}

/// The Schwartz–Hearst check: reading both backwards, each letter or digit
/// of `short` is found in `long` in order, the first one at a word start.
pub(super) fn letters_fit(short: &str, long: &str) -> bool {
    let short: Vec<char> = short.chars().map(|c| c.to_ascii_lowercase()).collect();
    let long: Vec<char> = long.chars().map(|c| c.to_ascii_lowercase()).collect();
    let mut at = long.len();
    for (index, &c) in short.iter().enumerate().rev() {
        if !c.is_alphanumeric() {
            continue;
        }
        let word_start_needed = index == 0;
        let found = (0..at).rev().find(|&i| {
            long[i] == c && (!word_start_needed || i == 0 || !long[i - 1].is_alphanumeric())
        });
        let Some(i) = found else {
            return false;
        };
        at = i;
    }
    true
}

/// True when `short`, in Hangul, Han or Kana, is a clipping of `long`: shorter,
/// with the same first character, its characters found in `long` in order.
fn clipping_fits(short: &str, long: &str) -> bool {
    if short.chars().count() >= long.chars().count() || short.chars().next() != long.chars().next()
    {
        return false;
    }
    let mut rest = long.chars();
    short.chars().all(|c| rest.any(|l| l == c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_fit_the_full_name_from_the_end() {
        assert!(letters_fit("PBM", "Pacific Bridge Medical"));
        assert!(letters_fit("MFDS", "Ministry of Food and Drug Safety"));
        assert!(letters_fit("KoBIA", "Korea Biomedicine Industry Association"));
        assert!(letters_fit("R&D", "research and development"));
        assert!(!letters_fit("PBM", "Pacific Medical"));
        // The first letter must start a word.
        assert!(!letters_fit("AB", "Crab Boat"));
        assert!(!letters_fit("HSA", "Seoul Health Agency"));
    }

    #[test]
    fn clippings_keep_the_first_character_and_the_order() {
        assert!(clipping_fits("식약처", "식품의약품안전처"));
        assert!(clipping_fits("厚労省", "厚生労働省"));
        assert!(clipping_fits("国家药监局", "国家药品监督管理局"));
        assert!(!clipping_fits("진흥원", "한국보건산업진흥원"));
        assert!(!clipping_fits("식품의약품안전처", "식품의약품안전처"));
        assert!(!clipping_fits("처식", "식품의약품안전처"));
    }

    #[test]
    fn short_forms_are_one_compact_word() {
        for short in ["PBM", "KoBIA", "R&D", "식약처", "厚労省", "COVID-19"] {
            assert!(is_short_form(short), "{short}");
        }
        for short in ["P", "pbm", "Phase 3", "Director", "A-", "ABCDEFGHIJK", "식약 처"] {
            assert!(!is_short_form(short), "{short}");
        }
    }

    fn spans(text: &str, names: &[&str]) -> Vec<Span> {
        names
            .iter()
            .map(|name| {
                let start = text.find(name).unwrap_or_else(|| panic!("{name}"));
                Span::new(start, start + name.len())
            })
            .collect()
    }

    /// `(short form, full name)` of every definition in `text`.
    fn defined<'a>(text: &'a str, names: &[&str], organizations: bool) -> Vec<(&'a str, &'a str)> {
        let names = spans(text, names);
        definitions(text, &names, |_| organizations)
            .into_iter()
            .map(|d| {
                let long = names[d.long];
                (&text[d.short.start..d.short.end], &text[long.start..long.end])
            })
            .collect()
    }

    #[test]
    fn definitions_in_both_orders_and_four_languages() {
        let text = "Hanbit Bio Medical (HBM) met the Gaon Nurses Association. GNA said";
        assert_eq!(
            defined(text, &["Hanbit Bio Medical", "Gaon Nurses Association"], true),
            [("HBM", "Hanbit Bio Medical")]
        );
        let text = "HBM (Hanbit Bio Medical) and GNA ( Gaon Nurses Association ) met";
        assert_eq!(
            defined(text, &["Hanbit Bio Medical", "Gaon Nurses Association"], true),
            [("HBM", "Hanbit Bio Medical"), ("GNA", "Gaon Nurses Association")]
        );
        let text = "한빛간호협회(한간협)는 가온대학교 (GU)와";
        assert_eq!(
            defined(text, &["한빛간호협회", "가온대학교"], true),
            [("한간협", "한빛간호협회"), ("GU", "가온대학교")]
        );
        assert_eq!(
            defined(text, &["한빛간호협회", "가온대학교"], false),
            [("한간협", "한빛간호협회")]
        );
        let text = "光明薬品工業（光明薬工）と光明大学（HU）";
        assert_eq!(
            defined(text, &["光明薬品工業", "光明大学"], true),
            [("光明薬工", "光明薬品工業"), ("HU", "光明大学")]
        );
        // Letters that do not fit, lowercase words, roles and years are no definitions.
        let text =
            "Hanbit Bio Medical (GNA), Hanbit Bio Medical (2024), Hanbit Bio Medical (director)";
        assert_eq!(defined(text, &["Hanbit Bio Medical"], true), []);
        let text = "(HBM) Hanbit Bio Medical (HBM";
        assert_eq!(defined(text, &["Hanbit Bio Medical"], true), []);
    }
}
