//! Calendar dates: numeric dates with an optional clock time
//! ("2025-12-15 09:16:17", "2025.12.15", "2025. 7. 17"), the Korean, Japanese
//! and Chinese marker dates ("2025년 7월 17일", "2025年7月25日", "7월 17일",
//! "17일", alone or after a month), bare years with a marker ("2015년"), and the
//! document-level steps: the first full date, and filling in missing years.
//!
//! Conventions: a date without a year has `date: None` and a `partial_date`
//! until [`resolve_dates`] fills the year; a month and year without a day
//! ("March 2024") is the first of the month and has no `partial_date`, since
//! the day is not written; a month alone ("7월", "in June") is the first of
//! the month, written as a `partial_date` without a year; a day alone
//! ("12일") has neither month nor year written. Japanese era years
//! ("令和7年") and two-digit years ("30年までに") are read as calendar years.

use chrono::{Datelike, NaiveDate};

/// The number of the first year of a Japanese era: "令和元年" is 令和 1.
const FIRST_YEAR: &str = "元";

use super::lexicon::{Marker, Suffix};
use super::number::{self, Amount, DigitRun};
use super::state::{Scan, Step, figure, ranged};
use super::{korean, text};
use crate::model::{Figure, FigureKind, PartialDate};

/// The date of a day written in the text, with or without its year; `None`
/// when no such day exists (February 30).
pub(crate) fn day(
    start: usize,
    end: usize,
    year: Option<i32>,
    month: u32,
    day: u32,
) -> Option<Figure> {
    // 2000 is a leap year: February 29 is a valid day until the year is known.
    NaiveDate::from_ymd_opt(year.unwrap_or(2000), month, day)?;
    let mut figure = figure(FigureKind::Date, start, end, None);
    figure.partial_date = Some(PartialDate { year, month: Some(month), day });
    figure.date = year.and_then(|y| NaiveDate::from_ymd_opt(y, month, day));
    Some(figure)
}

/// The date of a day written without its month and year ("12일", "18日"):
/// both come from the document's date.
fn day_alone(start: usize, end: usize, day: u32) -> Figure {
    let mut figure = figure(FigureKind::Date, start, end, None);
    figure.partial_date = Some(PartialDate { year: None, month: None, day });
    figure
}

/// The date of a month and year written without a day: the first of the month.
pub(crate) fn month_of_year(start: usize, end: usize, year: i32, month: u32) -> Option<Figure> {
    let mut figure = figure(FigureKind::Date, start, end, None);
    figure.date = Some(NaiveDate::from_ymd_opt(year, month, 1)?);
    Some(figure)
}

/// A numeric date at `pos`: year, month and day joined by the same `-`, `.`
/// or `/` (a space may follow a `.`), or day, month and year ("23.04.2022";
/// with a slash, month first when `month_first` unless the first number
/// cannot be a month: "5/17/2018"), then optionally a clock time "09:16" or
/// "09:16:17" after one space.
pub(crate) fn numeric(text: &str, pos: usize, month_first: bool) -> Option<Figure> {
    year_first(text, pos).or_else(|| year_last(text, pos, month_first))
}

/// "23.04.2022", "5/17/2018", "29-03-2018 10:20": a date that ends with its
/// year; with a slash the month comes first when `month_first` (English).
fn year_last(text: &str, pos: usize, month_first: bool) -> Option<Figure> {
    let first = number::digit_run(text, pos).filter(|r| r.digits <= 2)?;
    let sep = text::next_char(text, first.end).filter(|c| matches!(c, '-' | '.' | '/'))?;
    let second = number::digit_run(text, first.end + 1).filter(|r| r.digits <= 2)?;
    if text::next_char(text, second.end) != Some(sep) {
        return None;
    }
    let year_run = number::digit_run(text, second.end + 1)?;
    let year = year_run.year()?;
    let (a, b) = (first.small(31)?, second.small(31)?);
    let (month, day_of_month) = match sep {
        '/' if month_first && a <= 12 => (a, b),
        _ if b <= 12 => (b, a),
        _ => (a, b),
    };
    dated(text, pos, year_run.end, (year, month, day_of_month))
}

/// "2025-12-15", "2025. 7. 17": a date that starts with its year.
fn year_first(text: &str, pos: usize) -> Option<Figure> {
    let year_run = number::digit_run(text, pos)?;
    let year = year_run.year()?;
    let sep = text::next_char(text, year_run.end).filter(|c| matches!(c, '-' | '.' | '/'))?;
    let field = |at: usize, max: u32| -> Option<(u32, DigitRun)> {
        let at = at + sep.len_utf8();
        let at = if sep == '.' { text::skip_gap(text, at) } else { at };
        let run = number::digit_run(text, at)?;
        run.small(max).map(|v| (v, run))
    };
    let (month, month_run) = field(year_run.end, 12)?;
    if text::next_char(text, month_run.end) != Some(sep) {
        return None;
    }
    let (day_of_month, day_run) = field(month_run.end, 31)?;
    dated(text, pos, day_run.end, (year, month, day_of_month))
}

/// The date of a numeric date from `pos` to `end`, unless it runs on as a
/// code, with a clock time after one space taken into its span.
fn dated(
    text: &str,
    pos: usize,
    end: usize,
    (year, month, day_of_month): (i32, u32, u32),
) -> Option<Figure> {
    if matches!(text::next_char(text, end), Some(c) if c.is_ascii_alphanumeric())
        || continues_with_digits(text, end)
    {
        return None;
    }
    let end = text::after_gap(text, end).and_then(|at| clock_time(text, at)).unwrap_or(end);
    self::day(pos, end, Some(year), month, day_of_month)
}

/// True when a separator and another digit follow (the date is part of a longer code).
fn continues_with_digits(text: &str, pos: usize) -> bool {
    text::next_char(text, pos)
        .filter(|c| matches!(c, '-' | '.' | '/' | ':'))
        .is_some_and(|c| number::digit_at(text, pos + c.len_utf8()).is_some())
}

/// The end of a clock time "HH:MM" or "HH:MM:SS" at `pos`.
fn clock_time(text: &str, pos: usize) -> Option<usize> {
    let field = |at: usize, max: u64, digits: std::ops::RangeInclusive<usize>| {
        number::digit_run(text, at).filter(|r| digits.contains(&r.digits) && r.value <= max)
    };
    let hours = field(pos, 23, 1..=2)?;
    let minutes = text::rest(text, hours.end)
        .starts_with(':')
        .then(|| field(hours.end + 1, 59, 2..=2))
        .flatten()?;
    let seconds = text::rest(text, minutes.end)
        .starts_with(':')
        .then(|| field(minutes.end + 1, 59, 2..=2))
        .flatten();
    let end = seconds.map_or(minutes.end, |s| s.end);
    text::ends_ascii_word(text, end).then_some(end)
}

/// A number followed by a month marker at `at` ("7월", "7月"): the month and
/// the position after the marker.
fn marked_month(scan: &Scan<'_>, at: usize) -> Option<(u32, usize)> {
    marked(scan, at, Marker::Month, 12)
}

/// A number followed by a day marker at `at` ("17일", "25日").
fn marked_day(scan: &Scan<'_>, at: usize) -> Option<(u32, usize)> {
    marked(scan, at, Marker::Day, 31).or_else(|| marked(scan, at, Marker::MonthDay, 31))
}

fn marked(scan: &Scan<'_>, at: usize, marker: Marker, max: u32) -> Option<(u32, usize)> {
    let run = number::small_whole(scan.lexicon, scan.text, at)?;
    let value = run.small(max)?;
    marker_at(scan, run.end, marker).map(|end| (value, end))
}

/// The end of `marker` written at `at`.
fn marker_at(scan: &Scan<'_>, at: usize, marker: Marker) -> Option<usize> {
    match scan.lexicon.suffixes.longest_at(scan.text, at) {
        Some((affix, end)) if affix.meaning == Suffix::Marker(marker) => Some(end),
        _ => None,
    }
}

/// After "2025년" / "2024年" (or a two-digit year, "30年までに", "25年度"): a
/// full date, a month of the year, a year or a year range ("2020~2024년");
/// after any other number, a number of years.
pub(crate) fn year_marker(scan: &mut Scan<'_>, amount: &Amount, end: usize) -> Option<Step> {
    let years = amount.years().or_else(|| two_digit_year(scan, amount, end).map(|y| (y, None)));
    let Some((year, year_max)) = years else {
        if amount.scaled() {
            return None;
        }
        let mut figure = ranged(FigureKind::Duration, amount.start, end, amount);
        figure.unit = Some("year".to_owned());
        return Some(Step::Found(super::compound::with_half(scan, figure, 1.0)));
    };
    if year_max.is_none() {
        return after_year(scan, amount.start, end, year).map(Step::Found);
    }
    let mut figure = figure(FigureKind::Year, amount.start, end, Some(f64::from(year)));
    figure.value_max = year_max.map(f64::from);
    Some(Step::Found(figure))
}

/// The year of a two-digit number before a year marker ending at `end`,
/// when the text makes it a year rather than a number of years: a fiscal
/// year marker ("25年度"), a month after it ("25년 3월") or a word of the
/// lexicon ("30年までに"). Years up to 69 are of this century.
fn two_digit_year(scan: &Scan<'_>, amount: &Amount, end: usize) -> Option<i32> {
    let run = amount.bare().filter(|r| r.digits == 2)?;
    let marker = scan.text.get(run.end..end)?;
    let fiscal = marker.ends_with(['度', '도']);
    let rest = text::rest(scan.text, end);
    let point = scan.lexicon.cjk.year_after.iter().any(|w| rest.starts_with(w.as_str()));
    let month = marked_month(scan, text::skip_gap(scan.text, end)).is_some();
    let value = i32::try_from(run.value).ok()?;
    (fiscal || point || month).then_some(if value < 70 { 2000 + value } else { 1900 + value })
}

/// What follows a year written from `start` to `year_end`: a full date, a
/// month of the year, or the year alone.
fn after_year(scan: &mut Scan<'_>, start: usize, year_end: usize, year: i32) -> Option<Figure> {
    let Some((month, month_end)) = marked_month(scan, text::skip_gap(scan.text, year_end)) else {
        return Some(figure(FigureKind::Year, start, year_end, Some(f64::from(year))));
    };
    scan.month = Some((Some(year), month));
    match marked_day(scan, text::skip_gap(scan.text, month_end)) {
        Some((day_of_month, day_end)) => day(start, day_end, Some(year), month, day_of_month),
        None => month_of_year(start, month_end, year, month),
    }
}

/// "令和7年", "平成30年4月1日", "令和元年": a year of a Japanese era written
/// from `start` to `era_end` (the number after it counts from `base` + 1;
/// 元 is the first year), then a month and a day as after any year.
pub(crate) fn era_year(
    scan: &mut Scan<'_>,
    start: usize,
    era_end: usize,
    base: i32,
) -> Option<Figure> {
    let at = text::skip_gap(scan.text, era_end);
    let (number, end) = match text::rest(scan.text, at).strip_prefix(FIRST_YEAR) {
        Some(_) => (1, marker_at(scan, at + FIRST_YEAR.len(), Marker::Year)?),
        None => marked(scan, at, Marker::Year, 99)?,
    };
    after_year(scan, start, end, base + i32::try_from(number).ok()?)
}

/// After "7월" / "7月": a date when a day follows; else the month alone
/// ("7월 시행", "３月"), the first of the month, its year filled in later
/// like that of a date without a year. The month is remembered for a later
/// day-only date in the sentence.
pub(crate) fn month_marker(scan: &mut Scan<'_>, amount: &Amount, end: usize) -> Option<Step> {
    let month = amount.bare()?.small(12)?;
    let (year, _) = scan.month.filter(|(_, m)| *m == month).unwrap_or((None, month));
    scan.month = Some((year, month));
    let found = match (marked_day(scan, text::skip_gap(scan.text, end)), year) {
        (Some((day_of_month, day_end)), _) => day(amount.start, day_end, year, month, day_of_month),
        (None, Some(year)) => month_of_year(amount.start, end, year, month),
        (None, None) => day(amount.start, end, None, month, 1),
    };
    Some(found.map_or(Step::Skip(end), Step::Found))
}

/// After "17일" / "25日": a number of days when the text says so ("30일
/// 이내") or the number is no day of a month ("180일"); else a day of the
/// month named earlier in the sentence, or of the document's month.
pub(crate) fn day_marker(scan: &mut Scan<'_>, amount: &Amount, end: usize) -> Option<Step> {
    let day_of_month = amount.bare().and_then(|r| r.small(31));
    let duration = || {
        let mut figure = ranged(FigureKind::Duration, amount.start, end, amount);
        figure.unit = Some("day".to_owned());
        Step::Found(figure)
    };
    if amount.scaled() || !amount.integer() {
        return None;
    }
    if korean::duration_follows(scan, end) {
        return Some(duration());
    }
    Some(match (day_of_month, scan.month) {
        (Some(d), Some((year, month))) => {
            day(amount.start, end, year, month, d).map_or(Step::Skip(end), Step::Found)
        }
        (Some(d), None) => Step::Found(day_alone(amount.start, end, d)),
        (None, _) => duration(),
    })
}

/// The first date in `figures` whose year, month and day are all written in
/// the text.
#[must_use]
pub fn first_full_date(figures: &[Figure]) -> Option<NaiveDate> {
    figures
        .iter()
        .filter(|f| f.kind == FigureKind::Date)
        .find(|f| f.partial_date.is_some_and(|p| p.year.is_some()))
        .and_then(|f| f.date)
}

/// Fills in the year of dates written without one ("July 25") from
/// `doc_date`, and so sets their `date`; a day written alone ("12일") takes
/// the month of `doc_date` too. Days after a month named in their sentence
/// carry that month. Dates that cannot be resolved (no `doc_date`, February
/// 29 of a common year) keep `date: None`; `partial_date` keeps what the
/// text says.
pub fn resolve_dates(figures: &mut [Figure], doc_date: Option<NaiveDate>) {
    let Some(doc_date) = doc_date else { return };
    for figure in figures.iter_mut().filter(|f| f.kind == FigureKind::Date && f.date.is_none()) {
        if let Some(written) = figure.partial_date.filter(|p| p.year.is_none()) {
            let month = written.month.unwrap_or(doc_date.month());
            figure.date = NaiveDate::from_ymd_opt(doc_date.year(), month, written.day);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn numeric_dates_and_clock_times() {
        let cases: &[(&str, Option<(usize, NaiveDate)>)] = &[
            ("2025-12-15", Some((10, ymd(2025, 12, 15)))),
            ("2025.12.15.", Some((10, ymd(2025, 12, 15)))),
            ("2025/12/15 rest", Some((10, ymd(2025, 12, 15)))),
            ("2025. 7. 17. 발표", Some((11, ymd(2025, 7, 17)))),
            ("2025-12-15 09:16:17 by", Some((19, ymd(2025, 12, 15)))),
            ("2025.03.04 10:20", Some((16, ymd(2025, 3, 4)))),
            ("2025-12-15 25:00", Some((10, ymd(2025, 12, 15)))),
            ("2025-02-30", None),
            ("2025-12/15", None),
            ("2025-12-15-3", None),
            ("1832-1836", None),
            ("2025.12", None),
            ("23.04.2022 14:55 x", Some((16, ymd(2022, 4, 23)))),
            ("5/17/2018", Some((9, ymd(2018, 5, 17)))),
            ("29/03/2018", Some((10, ymd(2018, 3, 29)))),
            ("1.2.3", None),
        ];
        for (text, expected) in cases {
            let got = numeric(text, 0, true).map(|f| (f.span.end, f.date.unwrap()));
            assert_eq!(got, *expected, "{text}");
        }
    }

    fn date_figure(
        span: (usize, usize),
        year: Option<i32>,
        month: u32,
        day_of_month: u32,
    ) -> Figure {
        day(span.0, span.1, year, month, day_of_month).unwrap()
    }

    #[test]
    fn partial_dates_are_resolved_from_the_document_date() {
        let mut figures = vec![
            date_figure((0, 11), None, 12, 11),
            date_figure((20, 30), Some(2025), 12, 15),
            date_figure((40, 46), None, 2, 29),
            Figure::new(FigureKind::Year, Span::new(50, 54), Some(2015.0)),
        ];
        let doc_date = first_full_date(&figures);
        assert_eq!(doc_date, Some(ymd(2025, 12, 15)));
        resolve_dates(&mut figures, doc_date);
        assert_eq!(figures[0].date, Some(ymd(2025, 12, 11)));
        assert_eq!(
            figures[0].partial_date,
            Some(PartialDate { year: None, month: Some(12), day: 11 })
        );
        assert_eq!(figures[2].date, None, "2025 has no February 29");
        assert_eq!(figures[3].date, None);
    }

    #[test]
    fn months_of_a_year_are_not_full_dates() {
        let figures =
            vec![month_of_year(0, 10, 2024, 3).unwrap(), date_figure((20, 27), None, 7, 25)];
        assert_eq!(figures[0].date, Some(ymd(2024, 3, 1)));
        assert_eq!(first_full_date(&figures), None);
        let mut unresolved = figures.clone();
        resolve_dates(&mut unresolved, None);
        assert_eq!(unresolved, figures);
    }
}
