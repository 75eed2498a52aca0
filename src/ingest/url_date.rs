//! The publication date that news sites write into article addresses:
//! `/2025/07/17/slug`, `/news/2025-07-17/…`, `/article/2025071710494881812`.
//! A document without a date of its own, in its metadata or on the page,
//! takes this one.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

/// A year, month and day in the path or query of an address: separated by
/// `/`, `-` or `_`, or run together as eight digits at the start of a digit
/// run (an article number that begins with its date).
static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x-u)
        [/=_-] (?P<y1>(?:19|20)\d\d) [/_-] (?P<m1>\d{1,2}) [/_-] (?P<d1>\d{1,2}) (?:[/_.?&\#-]|$)
      | [/=_-] (?P<y2>(?:19|20)\d\d) (?P<m2>\d\d) (?P<d2>\d\d) (?:\d|[/_.?&\#-]|$)",
    )
    .expect("the address date pattern compiles")
});

/// The first valid calendar date in `url` after its host, if any.
#[must_use]
pub fn date_in_url(url: &str) -> Option<NaiveDate> {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = &after_scheme[after_scheme.find('/')?..];
    URL_DATE.captures_iter(path).find_map(|caps| {
        let number = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
        let (year, month, day) = match number("y1") {
            Some(year) => (year, number("m1")?, number("d1")?),
            None => (number("y2")?, number("m2")?, number("d2")?),
        };
        NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_addresses() {
        let cases: &[(&str, Option<&str>)] = &[
            ("https://news.example.com/2025/07/17/regulators-meet", Some("2025-07-17")),
            ("https://news.example.com/2025/7/4/", Some("2025-07-04")),
            ("https://example.kr/news/2024-02-29/story.html", Some("2024-02-29")),
            ("https://example.jp/article_2023_11_05.html", Some("2023-11-05")),
            ("https://cm.example.co.kr/en/article/2025071710494881812", Some("2025-07-17")),
            ("https://example.cn/a/20241231.shtml", Some("2024-12-31")),
            ("https://example.com/view?date=20250301&id=7", Some("2025-03-01")),
            // Not a calendar date, not a date at all, or only in the host.
            ("https://example.com/article/2025139912345", None),
            ("https://example.com/news/7467", None),
            ("https://example.com/2025/07/", None),
            ("https://20250717.example.com/news", None),
            ("https://example.com/item/120250717", None),
            ("https://example.com/2025-07", None),
            ("not a url", None),
            ("", None),
        ];
        for &(url, expected) in cases {
            let found = date_in_url(url).map(|date| date.to_string());
            assert_eq!(found.as_deref(), expected, "{url}");
        }
    }

    proptest::proptest! {
        #[test]
        fn never_panics(url in "\\PC{0,80}") {
            let _ = date_in_url(&url);
        }
    }
}
