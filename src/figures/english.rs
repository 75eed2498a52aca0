//! English grammar around numbers: number words ("eight organizations"),
//! counted plural nouns ("45 companies"), ordinals ("6th", "second official
//! Forum"), month-name dates ("Oct 12, 2025", "12 October 2025", "July 25",
//! "March 2024") and levels ("Level 3", "Phase III").
//!
//! Units, currencies and scale words are shared with the other languages and
//! read by the scan; this module decides what the words around them mean.

use super::lexicon::{EnglishWord, NumberWord};
use super::number::{self, Amount};
use super::state::{Scan, Step, figure, ranged};
use super::{dates, text};
use crate::model::{Figure, FigureKind};

/// Words taken into the subject of an ordinal at most.
const SUBJECT_WORDS: usize = 4;
/// Words before the counted noun at most ("two major Asian regulators").
const MODIFIERS: usize = 2;
/// Levels are at most this.
const MAX_LEVEL: u32 = 10;

fn word_roles<'l>(scan: &Scan<'l>, word: &str) -> Option<&'l EnglishWord> {
    text::lookup_folded(&scan.lexicon.english, word)
}

fn is_function_word(scan: &Scan<'_>, word: &str) -> bool {
    word_roles(scan, word).is_some_and(|w| w.function)
}

/// True for a plural noun that makes a count: irregular plurals from the
/// lexicon, or a word ending in `s` that is not a function word, a noun that
/// does not count ("times"), or a singular ending in -ss, -us, -is, -'s.
fn is_counted_plural(scan: &Scan<'_>, word: &str) -> bool {
    if let Some(roles) = word_roles(scan, word) {
        if roles.plural {
            return true;
        }
        if roles.function || roles.not_counted || roles.month.is_some() {
            return false;
        }
    }
    let bytes = word.as_bytes();
    let ends_with = |suffix: &str| {
        bytes.len() >= suffix.len()
            && bytes[bytes.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
    };
    bytes.len() >= 3
        && ends_with("s")
        && !["ss", "us", "is"].iter().any(|s| ends_with(s))
        && !word.contains('\'')
}

/// The English word after one space at `pos`, and its start.
fn next_word(text: &str, pos: usize) -> Option<(&str, usize)> {
    let start = text::after_gap(text, pos)?;
    let word = text::english_word(text, start);
    (!word.is_empty()).then_some((word, start))
}

/// The counted noun after `pos`: a plural noun, after at most two modifiers
/// that are not function words. Returns the noun and its end.
fn counted_noun<'t>(scan: &Scan<'t>, pos: usize) -> Option<(&'t str, usize)> {
    let mut at = pos;
    for _ in 0..=MODIFIERS {
        let (word, start) = next_word(scan.text, at)?;
        let end = start + word.len();
        if is_function_word(scan, word) || !text::ends_ascii_word(scan.text, end) {
            return None;
        }
        if is_counted_plural(scan, word) {
            return Some((word, end));
        }
        at = end;
    }
    None
}

/// How a number is written, for [`count_words`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Written {
    /// In digits.
    Digits,
    /// In words.
    Spelled,
    /// The second number of a range written with words: it takes no range of its own.
    RangeEnd,
}

/// "45 companies", "61 plants", "3-5 sites", "eight organizations", "two
/// of which": a whole number and the plural noun it counts. Spelled numbers
/// also count before "of" ("two of which").
fn count_words(scan: &mut Scan<'_>, amount: &Amount, written: Written) -> Option<Figure> {
    let spelled = written == Written::Spelled;
    if !amount.integer() || after_label(scan, amount.start) {
        return None;
    }
    if let Some((noun, end)) = counted_noun(scan, amount.end) {
        let capitalised_heading = !spelled
            && text::at_line_start(scan.text, amount.start, scan.starts_line)
            && noun.starts_with(|c: char| c.is_ascii_uppercase());
        if capitalised_heading {
            return None;
        }
        let mut figure = ranged(FigureKind::Count, amount.start, end, amount);
        figure.subject = Some(noun.to_owned());
        return Some(figure);
    }
    let of = next_word(scan.text, amount.end).is_some_and(|(w, _)| w.eq_ignore_ascii_case("of"));
    if spelled && of && amount.value() >= 2.0 {
        return Some(ranged(FigureKind::Count, amount.start, amount.end, amount));
    }
    if written == Written::RangeEnd {
        return None;
    }
    shared_measure(scan, amount)
}

/// "between 10 and 20 companies", "3 to 5 percent", "two or three years":
/// the first number of a range written with words takes the unit, noun and
/// scale of the second, which makes a figure of its own.
fn shared_measure(scan: &mut Scan<'_>, amount: &Amount) -> Option<Figure> {
    let (joiner, joiner_start) = next_word(scan.text, amount.end)?;
    if !["and", "to", "or"].iter().any(|j| joiner.eq_ignore_ascii_case(j)) {
        return None;
    }
    let next = text::after_gap(scan.text, joiner_start + joiner.len())?;
    let high = number::amount(scan.lexicon, scan.text, next, false)
        .or_else(|| number::spelled(scan.lexicon, scan.text, next))
        .filter(|high| high.high.is_none() && high.value() > 0.0)?;
    let second = match scan.measure(&high) {
        Some(Step::Found(figure)) => figure,
        _ => count_words(scan, &high, Written::RangeEnd)?,
    };
    let shared = matches!(
        second.kind,
        FigureKind::Count
            | FigureKind::Percent
            | FigureKind::Money
            | FigureKind::Quantity
            | FigureKind::Duration
    );
    let scale = if amount.scaled() { 1.0 } else { high.scale_factor().unwrap_or(1.0) };
    let low = amount.value() * scale;
    let value = second.value.map(|v| v / high.value() * low);
    (shared && second.value_max.is_none() && low < high.value()).then(|| Figure {
        span: figure(second.kind, amount.start, amount.end, None).span,
        value,
        ..second
    })
}

/// True when the word before `start` names the number ("Section 3", "Table 2").
fn after_label(scan: &Scan<'_>, start: usize) -> bool {
    let before = scan.text.get(..start).unwrap_or("").trim_end_matches([' ', '\u{A0}']);
    let word_start = before.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.').len();
    let word = before.get(word_start..).unwrap_or("").trim_end_matches('.');
    !word.is_empty() && word_roles(scan, word).is_some_and(|w| w.label)
}

/// A count after a number written in digits.
pub(crate) fn count(scan: &mut Scan<'_>, amount: &Amount) -> Option<Figure> {
    count_words(scan, amount, Written::Digits)
}

/// A figure starting with a spelled number at `start`: a unit or currency
/// after it ("two weeks", "five million yen") or a count ("Nine
/// organizations"). A lone "one" is an idiom or a determiner ("one of",
/// "one day"), not a figure.
pub(crate) fn spelled(scan: &mut Scan<'_>, start: usize) -> Option<Figure> {
    if !text::starts_ascii_word(scan.text, start) || text::prev_char(scan.text, start) == Some('-')
    {
        return None;
    }
    let amount = number::spelled(scan.lexicon, scan.text, start)?;
    if let Some(figure) = compound_ordinal(scan, &amount) {
        return Some(figure);
    }
    if amount.value() < 2.0 && !amount.scaled() {
        // "one mile": a unit of measure, not an idiom ("one day").
        return match scan.measure(&amount) {
            Some(Step::Found(figure)) if figure.kind == FigureKind::Quantity => Some(figure),
            _ => None,
        };
    }
    match scan.measure(&amount) {
        Some(Step::Found(figure)) => Some(figure),
        _ => count_words(scan, &amount, Written::Spelled),
    }
}

/// "twenty-first", "one hundred twenty fifth", "two hundredth": a spelled
/// number ending in an ordinal word, after a hyphen or a space.
fn compound_ordinal(scan: &Scan<'_>, amount: &Amount) -> Option<Figure> {
    if amount.scaled() {
        return None;
    }
    let text = scan.text;
    let at = amount.end
        + ["-", " "].iter().find(|j| text::rest(text, amount.end).starts_with(**j))?.len();
    let (NumberWord::Ordinal(rank), end) =
        number::number_word(&scan.lexicon.number_words, text, at)?
    else {
        return None;
    };
    let value = amount.value();
    let rank = f64::from(rank);
    let total = if rank >= 100.0 && value < 10.0 {
        value * rank
    } else if (rank < 10.0 && value % 10.0 == 0.0)
        || (value >= 100.0 && value % 100.0 == 0.0 && rank < 100.0)
    {
        value + rank
    } else {
        return None;
    };
    Some(figure(FigureKind::Ordinal, amount.start, end, Some(total)))
}

/// The subject of an ordinal: up to four words after `pos`, ending before
/// a function word or at punctuation.
fn subject_phrase(scan: &Scan<'_>, pos: usize) -> Option<String> {
    let mut end = pos;
    let mut words = 0;
    let mut at = pos;
    while words < SUBJECT_WORDS {
        let Some(start) = text::after_gap(scan.text, at) else { break };
        let len = text::rest(scan.text, start)
            .char_indices()
            .find(|(i, c)| !(c.is_ascii_alphanumeric() || (*i > 0 && matches!(c, '-' | '\''))))
            .map_or(text::rest(scan.text, start).len(), |(i, _)| i);
        let word = text::rest(scan.text, start).get(..len).unwrap_or("");
        if word.is_empty() || is_function_word(scan, word) {
            break;
        }
        end = start + len;
        words += 1;
        at = end;
    }
    (words > 0)
        .then(|| scan.text.get(text::skip_gap(scan.text, pos)..end).map(str::to_owned))
        .flatten()
}

/// "1st", "2nd", "23rd", "10th anniversary": a bare number with an ordinal suffix.
pub(crate) fn ordinal_suffix(scan: &Scan<'_>, amount: &Amount) -> Option<Figure> {
    let rank = amount.bare()?;
    let suffix = text::rest(scan.text, amount.end).get(..2)?;
    let end = amount.end + 2;
    if !["st", "nd", "rd", "th"].iter().any(|s| suffix.eq_ignore_ascii_case(s))
        || !text::ends_ascii_word(scan.text, end)
    {
        return None;
    }
    let mut figure = figure(FigureKind::Ordinal, amount.start, end, rank.whole());
    figure.subject = subject_phrase(scan, end);
    Some(figure)
}

/// "second official Forum", "third parties": an ordinal word before a word
/// that is not a function word; "ranked first", "placed second": an ordinal
/// word after a rank verb. "first" is a rank only after a rank verb: else it
/// is mostly an adverb or means first-ever.
pub(crate) fn ordinal_word(
    scan: &mut Scan<'_>,
    start: usize,
    end: usize,
    rank: u32,
) -> Option<Figure> {
    if let Some(date) = ordinal_of_month(scan, start, end, rank) {
        return Some(date);
    }
    let before = scan.text.get(..start).unwrap_or("").trim_end_matches(' ');
    let verb = before.get(before.trim_end_matches(|c: char| c.is_ascii_alphabetic()).len()..);
    if verb.and_then(|w| word_roles(scan, w)).is_some_and(|w| w.rank_verb) {
        return Some(figure(FigureKind::Ordinal, start, end, Some(f64::from(rank))));
    }
    if text::prev_char(scan.text, start) == Some('-') {
        return None;
    }
    // From "eleventh" on, an ordinal word is no adverb nor a unit of time.
    if rank > 10 && next_word(scan.text, end).is_none() {
        return Some(figure(FigureKind::Ordinal, start, end, Some(f64::from(rank))));
    }
    let (next, _) = next_word(scan.text, end)?;
    if rank < 2 || is_function_word(scan, next) {
        return None;
    }
    let mut figure = figure(FigureKind::Ordinal, start, end, Some(f64::from(rank)));
    figure.subject = subject_phrase(scan, end);
    Some(figure)
}

/// The month written at `start..end` when it is capitalised, or in lowercase
/// when `lowercase` and the word is no function word ("may"), and the
/// position after it (and after the point of an abbreviation: "Oct.").
fn month_at(scan: &Scan<'_>, start: usize, end: usize, lowercase: bool) -> Option<(u32, usize)> {
    let word = scan.text.get(start..end)?;
    let capitalised = word.starts_with(|c: char| c.is_ascii_uppercase());
    if !(capitalised || lowercase) || !text::starts_ascii_word(scan.text, start) {
        return None;
    }
    let roles = word_roles(scan, word)?;
    if !capitalised && roles.function {
        return None;
    }
    let month = roles.month?;
    let point = word.len() <= 4 && text::rest(scan.text, end).starts_with('.');
    let end = if point { end + 1 } else { end };
    let digit_after_point = point && number::digit_at(scan.text, end).is_some();
    (text::ends_ascii_word(scan.text, end) || digit_after_point).then_some((month, end))
}

/// A year of four digits after one space at `pos`, and its end.
fn year_after(text: &str, pos: usize) -> Option<(i32, usize)> {
    let run = number::digit_run(text, text::after_gap(text, pos)?)?;
    let year = run.year()?;
    text::ends_ascii_word(text, run.end).then_some((year, run.end))
}

/// The year that ends a date at `pos`: after a space, a comma ("July 4,
/// 1995", "Dec. 31 , 1994"), "of" or "in" ("4th of July of 1995"), or the
/// separator of the date ("05-Aug-2016").
fn year_of_date(text: &str, pos: usize, separator: Option<char>) -> Option<(i32, usize)> {
    if let Some(sep) = separator.filter(|s| text::rest(text, pos).starts_with(*s)) {
        let run = number::digit_run(text, pos + sep.len_utf8())?;
        let year = run.year()?;
        return text::ends_ascii_word(text, run.end).then_some((year, run.end));
    }
    [",", " ,", " of", " in", ""]
        .iter()
        .filter(|j| text::rest(text, pos).starts_with(**j))
        .find_map(|j| year_after(text, pos + j.len()))
}

/// A day of the month (with an optional ordinal suffix) at `pos`, and its
/// end; it must not run on as a code unless `in_date` (a separator and the
/// year follow: "Sep-23-2020").
fn day_at(text: &str, pos: usize, in_date: bool) -> Option<(u32, usize)> {
    let run = number::digit_run(text, pos)?;
    let day = run.small(31)?;
    let suffix = text::rest(text, run.end)
        .get(..2)
        .filter(|s| ["st", "nd", "rd", "th"].iter().any(|x| s.eq_ignore_ascii_case(x)));
    let end = run.end + suffix.map_or(0, str::len);
    (text::ends_ascii_word(text, end) && (in_date || !super::guard::code_continues(text, end)))
        .then_some((day, end))
}

/// A day of the month after the month that ends at `pos`: after a space,
/// ", " or " the " ("October, 1st", "July the 5th"), a slash or a dash
/// ("Oct/2", "Sep-23-2020"), or right after the point of an abbreviation
/// ("Sep.1st"). Returns the day, its end and the separator of a slash or
/// dash date.
fn day_after(text: &str, pos: usize) -> Option<(u32, usize, Option<char>)> {
    if let Some(sep) = text::next_char(text, pos).filter(|c| matches!(c, '/' | '-')) {
        return day_at(text, pos + 1, true).map(|(day, end)| (day, end, Some(sep)));
    }
    if text::prev_char(text, pos) == Some('.') && number::digit_at(text, pos).is_some() {
        return day_at(text, pos, false).map(|(day, end)| (day, end, None));
    }
    [",", " the", ""]
        .iter()
        .filter(|j| text::rest(text, pos).starts_with(**j))
        .find_map(|j| day_at(text, text::after_gap(text, pos + j.len())?, false))
        .map(|(day, end)| (day, end, None))
}

/// A day of the month written as an ordinal word at `pos` ("first",
/// "twenty-second", "twenty ninth"), and its end.
fn spelled_day(scan: &Scan<'_>, pos: usize) -> Option<(u32, usize)> {
    let words = &scan.lexicon.number_words;
    let (rank, end) = match number::number_word(words, scan.text, pos)? {
        (NumberWord::Ordinal(rank), end) => (f64::from(rank), end),
        _ => {
            let figure = compound_ordinal(scan, &number::spelled(scan.lexicon, scan.text, pos)?)?;
            (figure.value?, figure.span.end)
        }
    };
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // 1 to 31
    (1.0..=31.0).contains(&rank).then_some((rank as u32, end))
}

/// "Oct 12, 2025", "October 12, 2025", "July 25", "March 2024", "july 4th of
/// 1995", "Sep-23-2020", and a month alone after a word that names a time
/// ("in June", "since May", "mid-March"): a date starting with the month
/// name at `start..end`. A month in lowercase needs a day or a year after it.
pub(crate) fn month_date(scan: &mut Scan<'_>, start: usize, end: usize) -> Option<Figure> {
    let (month, month_end) = month_at(scan, start, end, true)?;
    let text = scan.text;
    let spelled = || {
        text::after_gap(text, month_end)
            .and_then(|p| spelled_day(scan, p))
            .map(|(d, e)| (d, e, None))
    };
    if let Some((day, day_end, separator)) = day_after(text, month_end).or_else(spelled) {
        let year = year_of_date(text, day_end, separator);
        let end = year.map_or(day_end, |(_, e)| e);
        scan.month = Some((year.map(|(y, _)| y), month));
        return dates::day(start, end, year.map(|(y, _)| y), month, day);
    }
    if let Some((year, year_end)) = year_after(text, month_end) {
        scan.month = Some((Some(year), month));
        return dates::month_of_year(start, year_end, year, month);
    }
    month_at(scan, start, end, false)?;
    let before = text.get(..start).unwrap_or("").trim_end_matches([' ', '-']);
    let word_start = before.trim_end_matches(|c: char| c.is_ascii_alphabetic()).len();
    let named =
        word_roles(scan, before.get(word_start..).unwrap_or("")).is_some_and(|w| w.month_before);
    scan.month = Some((None, month));
    // A point after a month alone ends the sentence more often than it
    // abbreviates the month ("in May."): it stays out.
    named.then(|| dates::day(start, end, None, month, 1)).flatten()
}

/// "2019/aug/01", "2020-Sep-23": a year, a month name and a day joined by
/// the same slash or dash, at `pos`.
pub(crate) fn year_month_day(scan: &mut Scan<'_>, pos: usize) -> Option<Figure> {
    let text = scan.text;
    let run = number::digit_run(text, pos)?;
    let year = run.year()?;
    let sep = text::next_char(text, run.end).filter(|c| matches!(c, '/' | '-'))?;
    let month_start = run.end + 1;
    let (month, month_end) =
        month_at(scan, month_start, text::letters_end(text, month_start), true)?;
    if text::next_char(text, month_end) != Some(sep) {
        return None;
    }
    let (day, end) = day_at(text, month_end + 1, false)?;
    scan.month = Some((Some(year), month));
    dates::day(pos, end, Some(year), month, day)
}

/// "fourth of July", "second of Aug 2020": an ordinal word at `start..end`
/// before "of" and a month: a date.
fn ordinal_of_month(scan: &mut Scan<'_>, start: usize, end: usize, rank: u32) -> Option<Figure> {
    let text = scan.text;
    let month_start = text::rest(text, end).starts_with(" of ").then_some(end + 4)?;
    let (month, month_end) =
        month_at(scan, month_start, text::letters_end(text, month_start), true)?;
    let year = year_of_date(text, month_end, None);
    scan.month = Some((year.map(|(y, _)| y), month));
    dates::day(start, year.map_or(month_end, |(_, e)| e), year.map(|(y, _)| y), month, rank)
}

/// "12 October 2025", "5 May", "14 nov", "the 9th of May", "4th of july of
/// 1995", "05-Aug-2016", "23/Sep/2020": a day, then the month name.
pub(crate) fn day_month(scan: &mut Scan<'_>, pos: usize) -> Option<Figure> {
    let (day, day_end) = day_at(scan.text, pos, false)?;
    let text = scan.text;
    let separator = text::next_char(text, day_end).filter(|c| matches!(c, '/' | '-'));
    let month_start = match separator {
        Some(sep) => day_end + sep.len_utf8(),
        None => {
            let of = text::rest(text, day_end).starts_with(" of").then_some(day_end + 3);
            text::after_gap(text, of.unwrap_or(day_end))?
        }
    };
    let (month, month_end) =
        month_at(scan, month_start, text::letters_end(text, month_start), true)?;
    let year = year_of_date(text, month_end, separator);
    if separator.is_some() && year.is_none() {
        return None;
    }
    scan.month = Some((year.map(|(y, _)| y), month));
    dates::day(pos, year.map_or(month_end, |(_, e)| e), year.map(|(y, _)| y), month, day)
}

/// A level number after the level name: digits (with an optional "a"/"b"
/// variant, "Phase 2a") or a Roman numeral ("III", "Ⅲ"). Returns the value and its end.
fn level_number(text: &str, pos: usize) -> Option<(u32, usize)> {
    if let Some(run) = number::digit_run(text, pos) {
        let value = run.small(MAX_LEVEL)?;
        let end = match text::rest(text, run.end).as_bytes() {
            [b'a' | b'b', rest @ ..] if !rest.first().is_some_and(u8::is_ascii_alphanumeric) => {
                run.end + 1
            }
            _ => run.end,
        };
        return text::ends_ascii_word(text, end).then_some((value, end));
    }
    number::roman(text, pos).filter(|(_, end)| text::ends_ascii_word(text, *end))
}

/// "Level 3", "Phase 2", "Phase III", "Phase 1/2": a level after its name,
/// capitalised unless the lexicon allows lowercase ("phase 2", not "this
/// stage 2"); the subject is the name as the lexicon writes it.
pub(crate) fn level(scan: &Scan<'_>, start: usize, end: usize) -> Option<Figure> {
    let name = scan.text.get(start..end)?;
    if !text::starts_ascii_word(scan.text, start) {
        return None;
    }
    let roles = word_roles(scan, name)?;
    if !(roles.lowercase_level || name.starts_with(|c: char| c.is_ascii_uppercase())) {
        return None;
    }
    let subject = roles.level.clone()?;
    let (value, mut value_end) = level_number(scan.text, text::after_gap(scan.text, end)?)?;
    let mut value_max = None;
    let upper = text::rest(scan.text, value_end)
        .strip_prefix('/')
        .and_then(|_| level_number(scan.text, value_end + 1));
    if let Some((high, high_end)) = upper.filter(|(high, _)| *high > value) {
        value_max = Some(f64::from(high));
        value_end = high_end;
    }
    if super::guard::code_continues(scan.text, value_end) {
        return None;
    }
    let mut figure = figure(FigureKind::Level, start, value_end, Some(f64::from(value)));
    figure.value_max = value_max;
    figure.subject = Some(subject);
    Some(figure)
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{
        check, count, date, duration, level, money, month, month_of, ordinal, partial, percent,
        points, quantity, subjects, year,
    };
    use crate::model::Lang;

    #[test]
    fn percentages() {
        check(
            &[
                ("Sales rose 18% last year.", &[percent("18%", 18.0)]),
                ("a gain of 18 percent", &[percent("18 percent", 18.0)]),
                ("about 40 percent of firms", &[percent("40 percent", 40.0)]),
                ("more than 18 per cent", &[percent("18 per cent", 18.0)]),
                ("up 3.5% on the year", &[percent("3.5%", 3.5)]),
                ("a 3~5% margin", &[percent("3~5%", 3.0).to(5.0)]),
                ("a 3-5% margin", &[percent("3-5%", 3.0).to(5.0)]),
                ("a 3–5% margin", &[percent("3–5%", 3.0).to(5.0)]),
                ("between 3%-5% a year", &[percent("3%-5%", 3.0).to(5.0)]),
                ("UP 18 Percent", &[percent("18 Percent", 18.0)]),
                ("rose 5 percentage points", &[points("5 percentage points", 5.0)]),
                ("(18%)", &[percent("18%", 18.0)]),
            ],
            Lang::En,
        );
    }

    #[test]
    fn amounts_of_money() {
        check(
            &[
                ("a $1.2 billion plant", &[money("$1.2 billion", 1.2e9, "USD")]),
                ("worth US$3 million", &[money("US$3 million", 3e6, "USD")]),
                ("a fee of USD 500.", &[money("USD 500", 500.0, "USD")]),
                ("KRW 500bn in support", &[money("KRW 500bn", 5e11, "KRW")]),
                ("€40 million was raised", &[money("€40 million", 4e7, "EUR")]),
                ("5 million yen", &[money("5 million yen", 5e6, "JPY")]),
                ("paid 200 dollars", &[money("200 dollars", 200.0, "USD")]),
                ("₩1,000 per pack", &[money("₩1,000", 1000.0, "KRW")]),
                ("a $5m round", &[money("$5m", 5e6, "USD")]),
                ("a $3-5 million budget", &[money("$3-5 million", 3e6, "USD").to(5e6)]),
                ("5 trillion won", &[money("5 trillion won", 5e12, "KRW")]),
                ("three million dollars", &[money("three million dollars", 3e6, "USD")]),
                ("¥300 each", &[money("¥300", 300.0, "JPY")]),
                ("US$ 3 million", &[money("US$ 3 million", 3e6, "USD")]),
                (
                    "5 billion won ($3.8 million)",
                    &[money("5 billion won", 5e9, "KRW"), money("$3.8 million", 3.8e6, "USD")],
                ),
                ("a loss of -$5", &[money("$5", 5.0, "USD")]),
            ],
            Lang::En,
        );
        check(&[("¥300 each", &[money("¥300", 300.0, "CNY")])], Lang::Zh);
        check(&[("¥300 each", &[money("¥300", 300.0, "JPY")])], Lang::Ja);
    }

    #[test]
    fn quantities() {
        check(
            &[
                (
                    "capacity (2.14 million liters)",
                    &[quantity("2.14 million liters", 2_140_000.0, "L")],
                ),
                (
                    "plants hold about 2.14 million\nliters in all",
                    &[quantity("2.14 million\nliters", 2_140_000.0, "L")],
                ),
                ("a 500 L tank", &[quantity("500 L", 500.0, "L")]),
                ("20,000L of media", &[quantity("20,000L", 20_000.0, "L")]),
                ("a 1.5 kL vessel", &[quantity("1.5 kL", 1500.0, "L")]),
                ("3 tons of waste", &[quantity("3 tons", 3.0, "t")]),
                ("5 kg bags", &[quantity("5 kg", 5.0, "kg")]),
                ("100 mg tablets", &[quantity("100 mg", 100.0, "mg")]),
                ("a 10 m2 room", &[quantity("10 m2", 10.0, "m2")]),
                ("a 10 m² room", &[quantity("10 m²", 10.0, "m2")]),
                ("12 km away", &[quantity("12 km", 12.0, "km")]),
                ("0.5 mL doses", &[quantity("0.5 mL", 0.5, "mL")]),
            ],
            Lang::En,
        );
    }

    #[test]
    fn counts() {
        check(
            &[
                (
                    "a survey of 45 companies and 61 plants",
                    &[count("45 companies", 45.0), count("61 plants", 61.0)],
                ),
                ("an assembly of eight organizations", &[count("eight organizations", 8.0)]),
                ("Nine organizations have joined.", &[count("Nine organizations", 9.0)]),
                ("the two sides signed", &[count("two sides", 2.0)]),
                (
                    "where two large European insurers stand",
                    &[count("two large European insurers", 2.0)],
                ),
                ("two distinct pathways", &[count("two distinct pathways", 2.0)]),
                (
                    "five sites, two of which are new",
                    &[count("five sites", 5.0), count("two", 2.0)],
                ),
                ("3-5 sites", &[count("3-5 sites", 3.0).to(5.0)]),
                ("20 people attended", &[count("20 people", 20.0)]),
                ("1,200 patients enrolled", &[count("1,200 patients", 1200.0)]),
                ("twenty-five firms", &[count("twenty-five firms", 25.0)]),
                ("with 12 CDMOs", &[count("12 CDMOs", 12.0)]),
                ("2 Methods\nWe", &[]),
            ],
            Lang::En,
        );
    }

    #[test]
    fn durations() {
        check(
            &[
                ("over 10 years", &[duration("10 years", 10.0, "year")]),
                ("within 3 months", &[duration("3 months", 3.0, "month")]),
                ("in two weeks", &[duration("two weeks", 2.0, "week")]),
                ("a 90 days review", &[duration("90 days", 90.0, "day")]),
                ("24 hours later", &[duration("24 hours", 24.0, "hour")]),
                ("a 3-year plan", &[duration("3-year", 3.0, "year")]),
                ("2-3 years", &[duration("2-3 years", 2.0, "year").to(3.0)]),
            ],
            Lang::En,
        );
    }

    #[test]
    fn dates_and_years() {
        check(
            &[
                ("Oct 12, 2025\nNews", &[date("Oct 12, 2025", 2025, 10, 12)]),
                ("on October 12, 2025.", &[date("October 12, 2025", 2025, 10, 12)]),
                ("Oct. 12, 2025", &[date("Oct. 12, 2025", 2025, 10, 12)]),
                ("held on 12 October 2025", &[date("12 October 2025", 2025, 10, 12)]),
                ("signed on July 25.", &[partial("July 25", 7, 25)]),
                ("on December 11 at the hall", &[partial("December 11", 12, 11)]),
                ("on July 25th", &[partial("July 25th", 7, 25)]),
                ("since March 2024", &[month_of("March 2024", 2024, 3)]),
                ("2025-12-15", &[date("2025-12-15", 2025, 12, 15)]),
                ("2025.12.15", &[date("2025.12.15", 2025, 12, 15)]),
                ("2025/12/15", &[date("2025/12/15", 2025, 12, 15)]),
                ("by Kim | 2025-12-15 09:16:17", &[date("2025-12-15 09:16:17", 2025, 12, 15)]),
                ("since the signing in 2015.", &[year("2015", 2015.0)]),
                ("by 2030", &[year("2030", 2030.0)]),
                ("fiscal year 2023", &[year("2023", 2023.0)]),
                ("over 2020-2024", &[year("2020-2024", 2020.0).to(2024.0)]),
                ("may 5 be", &[]),
                ("February 30", &[]),
            ],
            Lang::En,
        );
    }

    #[test]
    fn ordinals_and_levels() {
        check(
            &[
                ("the 6th symposium", &[ordinal("6th", 6.0)]),
                ("the 10th anniversary", &[ordinal("10th", 10.0)]),
                ("held the 2nd Forum", &[ordinal("2nd", 2.0)]),
                ("the 1st and 23rd rounds", &[ordinal("1st", 1.0), ordinal("23rd", 23.0)]),
                ("its second official Forum", &[ordinal("second", 2.0)]),
                ("shared with third parties", &[ordinal("third", 3.0)]),
                ("the second is", &[]),
                ("stage (Level 2), with", &[level("Level 2", 2.0)]),
                ("reaching Level 3 or higher", &[level("Level 3", 3.0)]),
                ("in Phase 2 trials", &[level("Phase 2", 2.0)]),
                ("a Phase III study", &[level("Phase III", 3.0)]),
                ("a Phase I/II study", &[level("Phase I/II", 1.0).to(2.0)]),
                ("a phase 2a trial", &[level("phase 2a", 2.0)]),
                ("levels 3", &[]),
                ("At this stage 2 companies left", &[count("2 companies", 2.0)]),
                ("Stage 4 cancer", &[level("Stage 4", 4.0)]),
            ],
            Lang::En,
        );
    }

    #[test]
    fn subjects_name_what_is_counted_or_ranked() {
        let cases: &[(&str, &[Option<&str>])] = &[
            (
                "45 companies and two large European insurers",
                &[Some("companies"), Some("insurers")],
            ),
            ("the 3rd Summit on December 11", &[Some("Summit"), None]),
            ("its second official Summit.", &[Some("official Summit")]),
            ("the 25th anniversary of the treaty", &[Some("anniversary")]),
            (
                "the 4th Seoul-Osaka Academic-Industrial Joint Device Workshop",
                &[Some("Seoul-Osaka Academic-Industrial Joint Device")],
            ),
            ("Level 3 and Phase II", &[Some("Level"), Some("Phase")]),
            ("18% of firms", &[None]),
        ];
        for (text, expected) in cases {
            let expected: Vec<_> = expected.iter().map(|s| s.map(str::to_owned)).collect();
            assert_eq!(subjects(text, Lang::En), expected, "{text}");
        }
    }

    #[test]
    fn imperial_units_temperatures_and_other_currencies() {
        check(
            &[
                ("a 6-foot wall", &[quantity("6-foot", 6.0, "ft")]),
                ("twelve miles away", &[quantity("twelve miles", 12.0, "mi")]),
                ("a 10-gallon drum", &[quantity("10-gallon", 10.0, "gal")]),
                ("45 degrees fahrenheit", &[quantity("45 degrees fahrenheit", 45.0, "°F")]),
                ("stored at 4 °C", &[quantity("4 °C", 4.0, "°C")]),
                ("25 swiss francs", &[money("25 swiss francs", 25.0, "CHF")]),
                ("HK$ 300", &[money("HK$ 300", 300.0, "HKD")]),
                ("minus 3 percent", &[percent("minus 3 percent", -3.0)]),
                ("see example.org/a?b=5%20c", &[]),
            ],
            Lang::En,
        );
    }

    #[test]
    fn more_date_forms_and_ordinal_words() {
        check(
            &[
                ("on 21 nov we meet", &[partial("21 nov", 11, 21)]),
                ("the 3rd of June", &[partial("3rd of June", 6, 3)]),
                ("signed 2nd Feb 2021.", &[date("2nd Feb 2021", 2021, 2, 2)]),
                ("march 9th of 1990", &[date("march 9th of 1990", 1990, 3, 9)]),
                ("Oct. 30 , 2001 in", &[date("Oct. 30 , 2001", 2001, 10, 30)]),
                ("from Aug the 7th", &[partial("Aug the 7th", 8, 7)]),
                ("filed 11-Mar-2019", &[date("11-Mar-2019", 2019, 3, 11)]),
                ("due Jun-30-2022", &[date("Jun-30-2022", 2022, 6, 30)]),
                ("due Apr/4", &[partial("Apr/4", 4, 4)]),
                ("on 6/15/2021", &[date("6/15/2021", 2021, 6, 15)]),
                ("on 15.06.2021 10:00", &[date("15.06.2021 10:00", 2021, 6, 15)]),
                ("it may 5 times", &[]),
                ("the twelfth", &[ordinal("twelfth", 12.0)]),
                ("thirty-third", &[ordinal("thirty-third", 33.0)]),
                ("three hundredth", &[ordinal("three hundredth", 300.0)]),
                ("up 12 percents", &[percent("12 percents", 12.0)]),
            ],
            Lang::En,
        );
    }

    #[test]
    fn fractions_single_units_and_spelled_days() {
        check(
            &[
                ("a 3/4 mile loop", &[quantity("3/4 mile", 0.75, "mi")]),
                ("about 6 1/2 miles", &[quantity("6 1/2 miles", 6.5, "mi")]),
                ("one mile away", &[quantity("one mile", 1.0, "mi")]),
                ("3 lakh tonnes", &[quantity("3 lakh tonnes", 3e5, "t")]),
                ("a 40 -60mm lens", &[quantity("60mm", 60.0, "mm")]),
                ("on June twenty-first", &[partial("June twenty-first", 6, 21)]),
                ("In May two companies", &[month("May", 5), count("two companies", 2.0)]),
                ("1/2 of them", &[]),
            ],
            Lang::En,
        );
    }
}
