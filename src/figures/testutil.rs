//! Table-driven checks of the figures stage: a [`Row`] states every field of
//! one expected figure, and [`check`] runs the extractor over a text taken
//! as one sentence and compares the whole list, so extra figures fail too.

use std::sync::LazyLock;

use chrono::NaiveDate;

use super::FigureExtractor;
use crate::model::{Figure, FigureKind, Lang, PartialDate, SentenceSpan, Span};

/// One extractor for all tests.
pub(crate) static EXTRACTOR: LazyLock<FigureExtractor> = LazyLock::new(FigureExtractor::new);

/// The whole text as one sentence.
pub(crate) fn whole(text: &str, lang: Lang) -> Vec<SentenceSpan> {
    vec![SentenceSpan { span: Span::new(0, text.len()), lang }]
}

/// The figures of `text` taken as one sentence.
pub(crate) fn figures(text: &str, lang: Lang) -> Vec<Figure> {
    EXTRACTOR.extract(text, &whole(text, lang), lang)
}

/// An expected figure: every field a figure has but the subject.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Row {
    surface: &'static str,
    kind: FigureKind,
    value: Option<f64>,
    value_max: Option<f64>,
    unit: Option<&'static str>,
    date: Option<(i32, u32, u32)>,
    partial: Option<(Option<i32>, Option<u32>, u32)>,
}

impl Row {
    const fn new(kind: FigureKind, surface: &'static str, value: Option<f64>) -> Self {
        Row { surface, kind, value, value_max: None, unit: None, date: None, partial: None }
    }

    /// The same row with an upper bound.
    pub(crate) const fn to(self, value_max: f64) -> Self {
        Row { value_max: Some(value_max), ..self }
    }
}

/// A percentage.
pub(crate) const fn percent(surface: &'static str, value: f64) -> Row {
    Row { unit: Some("%"), ..Row::new(FigureKind::Percent, surface, Some(value)) }
}

/// A percentage-point change.
pub(crate) const fn points(surface: &'static str, value: f64) -> Row {
    Row { unit: Some("%p"), ..Row::new(FigureKind::Percent, surface, Some(value)) }
}

/// An amount of money in `code`.
pub(crate) const fn money(surface: &'static str, value: f64, code: &'static str) -> Row {
    Row { unit: Some(code), ..Row::new(FigureKind::Money, surface, Some(value)) }
}

/// A quantity in `unit`.
pub(crate) const fn quantity(surface: &'static str, value: f64, unit: &'static str) -> Row {
    Row { unit: Some(unit), ..Row::new(FigureKind::Quantity, surface, Some(value)) }
}

/// A length of time in `unit`.
pub(crate) const fn duration(surface: &'static str, value: f64, unit: &'static str) -> Row {
    Row { unit: Some(unit), ..Row::new(FigureKind::Duration, surface, Some(value)) }
}

/// A count.
pub(crate) const fn count(surface: &'static str, value: f64) -> Row {
    Row::new(FigureKind::Count, surface, Some(value))
}

/// A bare year.
pub(crate) const fn year(surface: &'static str, value: f64) -> Row {
    Row::new(FigureKind::Year, surface, Some(value))
}

/// A rank.
pub(crate) const fn ordinal(surface: &'static str, value: f64) -> Row {
    Row::new(FigureKind::Ordinal, surface, Some(value))
}

/// A level.
pub(crate) const fn level(surface: &'static str, value: f64) -> Row {
    Row::new(FigureKind::Level, surface, Some(value))
}

/// A full date: year, month and day written.
pub(crate) const fn date(surface: &'static str, y: i32, m: u32, d: u32) -> Row {
    Row {
        date: Some((y, m, d)),
        partial: Some((Some(y), Some(m), d)),
        ..Row::new(FigureKind::Date, surface, None)
    }
}

/// A date without its year.
pub(crate) const fn partial(surface: &'static str, m: u32, d: u32) -> Row {
    Row { partial: Some((None, Some(m), d)), ..Row::new(FigureKind::Date, surface, None) }
}

/// A day without its month and year.
pub(crate) const fn day_alone(surface: &'static str, d: u32) -> Row {
    Row { partial: Some((None, None, d)), ..Row::new(FigureKind::Date, surface, None) }
}

/// A month alone: the first of the month, its year not written.
pub(crate) const fn month(surface: &'static str, m: u32) -> Row {
    partial(surface, m, 1)
}

/// A month of a year: the first of the month, no day written.
pub(crate) const fn month_of(surface: &'static str, y: i32, m: u32) -> Row {
    Row { date: Some((y, m, 1)), ..Row::new(FigureKind::Date, surface, None) }
}

/// The row describing `figure` of `text`.
fn row_of(text: &str, figure: &Figure) -> Row {
    Row {
        surface: text.get(figure.span.start..figure.span.end).map_or("<bad span>", |s| leak(s)),
        kind: figure.kind,
        value: figure.value,
        value_max: figure.value_max,
        unit: figure.unit.as_deref().map(leak),
        date: figure.date.map(|d| {
            use chrono::Datelike;
            (d.year(), d.month(), d.day())
        }),
        partial: figure.partial_date.map(|PartialDate { year, month, day }| (year, month, day)),
    }
}

fn leak(s: &str) -> &'static str {
    Box::leak(s.to_owned().into_boxed_str())
}

/// Runs every case in `lang` and fails with all mismatches listed.
pub(crate) fn check(cases: &[(&str, &[Row])], lang: Lang) {
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(text, expected)| {
            let got: Vec<Row> = figures(text, lang).iter().map(|f| row_of(text, f)).collect();
            (got != *expected)
                .then(|| format!("{text:?}\n  expected {expected:?}\n  got      {got:?}"))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// The subjects of the figures of `text`.
pub(crate) fn subjects(text: &str, lang: Lang) -> Vec<Option<String>> {
    figures(text, lang).into_iter().map(|f| f.subject).collect()
}

/// A date, for direct comparisons.
pub(crate) fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}
