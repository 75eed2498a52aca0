//! Words whose period does not end a sentence: listed English abbreviations,
//! single capital initials ("J. Smith", "U.S.") and list numbers at the start
//! of a line ("1. Introduction").
//!
//! Any period followed by a lowercase word already continues the sentence, so
//! "etc." and other abbreviations that end a sentence before a capital need no
//! entry here.

/// How an abbreviation's period behaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Abbreviation {
    /// Never ends a sentence: titles before a name, "e.g.", "vs.".
    NeverEnds,
    /// Ends a sentence only before a capital or CJK letter, so "No. 5",
    /// "Inc. 2024" and "et al. (2020)" continue.
    EndsBeforeCapital,
}

use Abbreviation::{EndsBeforeCapital, NeverEnds};

/// The listed abbreviations, written as in the text without their final
/// period and matched case-sensitively after a non-alphanumeric character.
pub(super) const ABBREVIATIONS: &[(&str, Abbreviation)] = &[
    // Titles and ranks before a name.
    ("Dr", NeverEnds),
    ("Mr", NeverEnds),
    ("Mrs", NeverEnds),
    ("Ms", NeverEnds),
    ("Prof", NeverEnds),
    ("St", NeverEnds),
    ("Mt", NeverEnds),
    ("Jr", EndsBeforeCapital),
    ("Sr", EndsBeforeCapital),
    ("Gen", NeverEnds),
    ("Rep", NeverEnds),
    ("Sen", NeverEnds),
    ("Gov", NeverEnds),
    // Latin and connecting abbreviations.
    ("e.g", NeverEnds),
    ("i.e", NeverEnds),
    ("vs", NeverEnds),
    ("et al", EndsBeforeCapital),
    // Numbers, quantities and references.
    ("No", EndsBeforeCapital),
    ("Nos", EndsBeforeCapital),
    ("approx", EndsBeforeCapital),
    ("vol", EndsBeforeCapital),
    ("Vol", EndsBeforeCapital),
    ("pp", EndsBeforeCapital),
    ("Fig", EndsBeforeCapital),
    ("fig", EndsBeforeCapital),
    // Company forms.
    ("Co", EndsBeforeCapital),
    ("Inc", EndsBeforeCapital),
    ("Corp", EndsBeforeCapital),
    ("Ltd", EndsBeforeCapital),
    // Months.
    ("Jan", EndsBeforeCapital),
    ("Feb", EndsBeforeCapital),
    ("Mar", EndsBeforeCapital),
    ("Apr", EndsBeforeCapital),
    ("Jun", EndsBeforeCapital),
    ("Jul", EndsBeforeCapital),
    ("Aug", EndsBeforeCapital),
    ("Sep", EndsBeforeCapital),
    ("Sept", EndsBeforeCapital),
    ("Oct", EndsBeforeCapital),
    ("Nov", EndsBeforeCapital),
    ("Dec", EndsBeforeCapital),
];

/// Longest list number at the start of a line, in digits.
const MAX_LIST_NUMBER_DIGITS: usize = 3;

/// The abbreviation that `head`, the text before a period, ends with, if any.
pub(super) fn abbreviation_before(head: &str) -> Option<Abbreviation> {
    listed(head).or_else(|| initial(head)).or_else(|| list_number(head))
}

/// A listed abbreviation standing as a whole word at the end of `head`.
fn listed(head: &str) -> Option<Abbreviation> {
    ABBREVIATIONS.iter().find_map(|&(word, kind)| {
        let rest = head.strip_suffix(word)?;
        let glued = rest.chars().next_back().is_some_and(char::is_alphanumeric);
        (!glued).then_some(kind)
    })
}

/// A single capital letter after a non-letter: "J." in "J. Smith" and
/// "Kim J.-G.", each letter of "U.S." and "U.K.".
fn initial(head: &str) -> Option<Abbreviation> {
    let mut chars = head.chars().rev();
    let last = chars.next()?;
    let single = last.is_ascii_uppercase() && !chars.next().is_some_and(char::is_alphanumeric);
    single.then_some(NeverEnds)
}

/// A number of one to three digits, or a Roman numeral of up to three
/// letters, alone at the start of a line, as in "1. Institute of Regulatory
/// Science" or "II. Methods".
fn list_number(head: &str) -> Option<Abbreviation> {
    let before = head.trim_end_matches(|c: char| c.is_ascii_digit());
    let before =
        if before.len() == head.len() { head.trim_end_matches(['I', 'V', 'X']) } else { before };
    let digits = head.len() - before.len();
    let line_prefix = before.trim_end_matches(super::chars::is_horizontal_space);
    let at_line_start =
        line_prefix.is_empty() || line_prefix.ends_with(super::chars::is_line_break);
    ((1..=MAX_LIST_NUMBER_DIGITS).contains(&digits) && at_line_start).then_some(NeverEnds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_abbreviations_before_a_period() {
        let cases = [
            ("Dr", Some(NeverEnds)),
            ("said Dr", Some(NeverEnds)),
            ("(Prof", Some(NeverEnds)),
            ("Drive", None),
            ("Adr", None),
            ("such as e.g", Some(NeverEnds)),
            ("the U.S", Some(NeverEnds)),
            ("Kim J", Some(NeverEnds)),
            ("Kim J.-G", Some(NeverEnds)),
            ("FDA", None),
            ("Plan b", None),
            ("in 3D", None),
            ("Kim et al", Some(EndsBeforeCapital)),
            ("Samsung Co., Ltd", Some(EndsBeforeCapital)),
            ("No", Some(EndsBeforeCapital)),
            ("no", None),
            ("on Oct", Some(EndsBeforeCapital)),
            ("1", Some(NeverEnds)),
            ("text\n  12", Some(NeverEnds)),
            ("in 2025", None),
            ("1234", None),
            ("", None),
        ];
        for (head, want) in cases {
            assert_eq!(abbreviation_before(head), want, "{head:?}");
        }
    }
}
