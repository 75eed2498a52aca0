//! Publication dates as scrapers write them in metadata fields.

use chrono::{DateTime, NaiveDate};

/// Epoch timestamps are read only within these years: a number outside
/// them is more likely an id than a date.
const EPOCH_YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

/// English forms tried, in order, after the ISO ones.
const ENGLISH_FORMATS: &[&str] =
    &["%b %d, %Y", "%B %d, %Y", "%d %b %Y", "%d %B %Y", "%b %d %Y", "%B %d %Y"];

/// Parses a metadata date: ISO 8601 / RFC 3339 (`2025-12-15`,
/// `2025-12-15T09:00:00+09:00`, and `.` or `/` for `-`), RFC 2822
/// (`Mon, 15 Dec 2025 09:00:00 +0900`), English (`Dec 15, 2025`,
/// `15 December 2025`), Korean, Japanese and Chinese (`2025년 12월 15일`,
/// `2025年12月15日`), and epoch seconds or milliseconds. The date is the
/// one written, in the writer's own time zone.
#[must_use]
pub fn parse_date_field(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    iso(value)
        .or_else(|| DateTime::parse_from_rfc2822(value).ok().map(|d| d.date_naive()))
        .or_else(|| english(value))
        .or_else(|| east_asian(value))
        .or_else(|| epoch(value))
}

/// `YYYY-MM-DD` (or with `.` or `/`) at the start, anything after it.
fn iso(value: &str) -> Option<NaiveDate> {
    let head: String =
        value.chars().take(10).map(|c| if c == '.' || c == '/' { '-' } else { c }).collect();
    NaiveDate::parse_from_str(head.get(..10)?, "%Y-%m-%d").ok()
}

/// `Dec 15, 2025` and the like, with an optional weekday and time after.
fn english(value: &str) -> Option<NaiveDate> {
    let value =
        value.split_once(", ").filter(|(day, _)| is_weekday(day)).map_or(value, |(_, rest)| rest);
    // A time or zone after the year is left out: the first three words.
    let words: Vec<&str> = value.split_whitespace().take(3).collect();
    let head = words.join(" ").replace('.', "");
    ENGLISH_FORMATS.iter().find_map(|format| NaiveDate::parse_from_str(&head, format).ok())
}

fn is_weekday(word: &str) -> bool {
    let word = word.trim_end_matches('.').to_ascii_lowercase();
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].iter().any(|d| word.starts_with(d))
}

/// Year, month and day, each followed by its marker: 년 월 일, 年 月 日 (号).
fn east_asian(value: &str) -> Option<NaiveDate> {
    let mut numbers = [0u32; 3];
    let mut rest = value;
    for (i, markers) in [&["년", "年"][..], &["월", "月"], &["일", "日", "号"]].iter().enumerate()
    {
        let start = rest.find(|c: char| c.is_ascii_digit())?;
        let digits: String = rest[start..].chars().take_while(char::is_ascii_digit).collect();
        let after = rest[start + digits.len()..].trim_start();
        let marker = markers.iter().find(|m| after.starts_with(**m))?;
        numbers[i] = digits.parse().ok()?;
        rest = &after[marker.len()..];
    }
    NaiveDate::from_ymd_opt(i32::try_from(numbers[0]).ok()?, numbers[1], numbers[2])
}

/// Whole seconds (10 digits) or milliseconds (13 digits) since 1970, UTC.
fn epoch(value: &str) -> Option<NaiveDate> {
    let digits = value.strip_suffix(".0").unwrap_or(value);
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let number: i64 = digits.parse().ok()?;
    let seconds = match digits.len() {
        9 | 10 => number,
        12 | 13 => number / 1000,
        _ => return None,
    };
    let date = DateTime::from_timestamp(seconds, 0)?.date_naive();
    EPOCH_YEARS.contains(&chrono::Datelike::year(&date)).then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_of_one_date() {
        let expected = NaiveDate::from_ymd_opt(2025, 12, 15);
        for value in [
            "2025-12-15",
            "2025.12.15 10:00",
            "2025/12/15",
            "2025-12-15T09:16:17+09:00",
            "2025-12-15T00:16:17Z",
            "Mon, 15 Dec 2025 09:16:17 +0900",
            "Dec 15, 2025",
            "December 15, 2025 9:16 AM",
            "Monday, December 15, 2025",
            "15 December 2025",
            "15 Dec. 2025",
            "2025년 12월 15일",
            "2025년 12월 15일 오전 9:16",
            "2025年12月15日",
            "2025年12月15号",
            "1765757777",
            "1765757777000",
            "1765757777.0",
        ] {
            assert_eq!(parse_date_field(value), expected, "{value}");
        }
    }

    #[test]
    fn what_is_not_a_date() {
        for value in ["July 17", "2025-02-30", "12345", "4102444800000000", "yesterday", "", "42"] {
            assert_eq!(parse_date_field(value), None, "{value}");
        }
    }
}
