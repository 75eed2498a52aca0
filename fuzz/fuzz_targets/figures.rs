//! `figures::FigureExtractor::extract` on arbitrary text and document
//! language: figures are in order, disjoint, each inside one sentence, with
//! finite values and dates that agree with what the text says; then
//! `figures::resolve_dates` fills years without breaking that agreement.

#![no_main]

use std::sync::LazyLock;

use arbitrary::Arbitrary;
use chrono::Datelike;
use gazette::figures::{FigureExtractor, resolve_dates};
use gazette::model::{Figure, FigureKind};
use gazette::segment::split_sentences;
use gazette_fuzz::{DateChoice, LangChoice, assert_spans_in_sentences};
use libfuzzer_sys::fuzz_target;

static EXTRACTOR: LazyLock<FigureExtractor> = LazyLock::new(FigureExtractor::new);

#[derive(Debug, Arbitrary)]
struct Input<'a> {
    lang: LangChoice,
    doc_date: DateChoice,
    text: &'a str,
}

fuzz_target!(|input: Input<'_>| {
    let text = input.text;
    let sentences = split_sentences(text);
    let mut figures = EXTRACTOR.extract(text, &sentences, input.lang.into());
    assert_spans_in_sentences(text, &sentences, figures.iter().map(|f| f.span));
    for figure in &figures {
        for value in [figure.value, figure.value_max].into_iter().flatten() {
            assert!(value.is_finite(), "value {value} of {figure:?}");
        }
        assert_date_agrees_with_text(figure);
    }
    resolve_dates(&mut figures, input.doc_date.date());
    figures.iter().for_each(assert_date_agrees_with_text);
});

/// Only date figures carry dates. A date figure's calendar date, when set,
/// is the month and day written (and the year, when written), and these are
/// in range; a month of a year ("March 2024") is the first of the month and
/// has no written date.
fn assert_date_agrees_with_text(figure: &Figure) {
    if figure.kind != FigureKind::Date {
        assert!(figure.date.is_none() && figure.partial_date.is_none(), "{figure:?}");
        return;
    }
    let Some(written) = figure.partial_date else {
        assert_eq!(figure.date.map(|d| d.day()), Some(1), "month of a year: {figure:?}");
        return;
    };
    assert!(written.month.is_none_or(|m| (1..=12).contains(&m)), "month out of range: {figure:?}");
    assert!((1..=31).contains(&written.day), "day out of range: {figure:?}");
    if let Some(date) = figure.date {
        assert!(written.month.is_none_or(|m| m == date.month()), "{figure:?}");
        assert_eq!(date.day(), written.day, "{figure:?}");
        assert!(written.year.is_none_or(|y| y == date.year()), "{figure:?}");
    }
}
