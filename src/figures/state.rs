//! The state of the walk through one sentence, which the grammars read and
//! advance: the sentence, its language, the month named last, and where the
//! last figure ended; with the figures' constructors. The walk itself, which
//! calls the grammars, is in `scan`.

use super::affix::Affix;
use super::lexicon::{Lexicon, Marker, Suffix};
use super::number::Amount;
use super::text;
use crate::model::{Figure, FigureKind, Lang, Span};

/// What the grammar found at a candidate place.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Step {
    /// A figure, with a span local to the sentence.
    Found(Figure),
    /// Nothing here: resume the walk at this position.
    Skip(usize),
}

/// The state of the walk through one sentence.
pub(crate) struct Scan<'a> {
    /// The bundled tables.
    pub lexicon: &'a Lexicon,
    /// The sentence text; spans are local to it.
    pub text: &'a str,
    /// True when the sentence starts a line of the document.
    pub starts_line: bool,
    /// The document language (it picks the currency of "¥").
    pub doc_lang: Lang,
    /// The language the sentence is read in (see [`reading_lang`]).
    pub lang: Lang,
    /// The month named last in the sentence and its year, for day-only dates.
    pub month: Option<(Option<i32>, u32)>,
    /// No figure may start before this: the end of the last one.
    pub(super) floor: usize,
}

impl<'a> Scan<'a> {
    /// A walk through `text`, a sentence in `sentence_lang` of a document in `doc_lang`.
    pub(crate) fn new(
        lexicon: &'a Lexicon,
        text: &'a str,
        starts_line: bool,
        sentence_lang: Lang,
        doc_lang: Lang,
    ) -> Self {
        let lang = reading_lang(sentence_lang, doc_lang);
        Scan { lexicon, text, starts_line, doc_lang, lang, month: None, floor: 0 }
    }

    /// True when a figure may start at `pos` (after the last one found).
    pub(crate) fn free(&self, pos: usize) -> bool {
        pos >= self.floor
    }

    /// The suffix written after a number at `pos`: right after it, after one
    /// space, or after a hyphen for units of measure and time ("3-year",
    /// "10-gallon"); an
    /// approximation in between is kept in the span ("100여 명").
    pub(crate) fn suffix_after(&self, pos: usize) -> Option<(&'a Affix<Suffix>, usize)> {
        let table = &self.lexicon.suffixes;
        let text = self.text;
        let lookup = |at: usize| {
            table
                .longest_at(text, at)
                .or_else(|| text::after_gap(text, at).and_then(|p| table.longest_at(text, p)))
        };
        let hyphenated = || {
            text::rest(text, pos)
                .starts_with('-')
                .then(|| table.longest_at(text, pos + 1))
                .flatten()
                .filter(
                    |(a, _)| matches!(&a.meaning, Suffix::Unit(u) if u.kind != FigureKind::Percent),
                )
        };
        let (affix, end) = lookup(pos).or_else(hyphenated)?;
        let (affix, end) = match affix.meaning {
            Suffix::Marker(Marker::Approx) => lookup(end)?,
            _ => (affix, end),
        };
        match affix.meaning {
            Suffix::Marker(Marker::Approx | Marker::NotUnit) => None,
            _ => Some((affix, end)),
        }
    }
}

/// The language a sentence in `sentence` is read in: its own, or the
/// document's when it has no single one. A sentence of Han characters only
/// in a Japanese document is Japanese (a headline written in kanji).
fn reading_lang(sentence: Lang, doc: Lang) -> Lang {
    match (sentence, doc) {
        (Lang::Mixed | Lang::Und, doc) | (Lang::Zh, doc @ Lang::Ja) => doc,
        (sentence, _) => sentence,
    }
}

/// A figure with only a kind, a span and a value.
pub(crate) fn figure(kind: FigureKind, start: usize, end: usize, value: Option<f64>) -> Figure {
    Figure::new(kind, Span::new(start, end), value)
}

/// A figure carrying the value and upper bound of `amount`.
pub(crate) fn ranged(kind: FigureKind, start: usize, end: usize, amount: &Amount) -> Figure {
    Figure { value_max: amount.value_max(), ..figure(kind, start, end, Some(amount.value())) }
}
