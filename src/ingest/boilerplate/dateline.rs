//! The publication date a page shows in its header: a dateline or byline
//! such as "Oct 12, 2025", "by Kim | 2025-12-15 09:16:17" or
//! "2025년 7월 17일".

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

/// Longest line, in characters, read as a dateline or byline.
const DATELINE_MAX_CHARS: usize = 120;

/// Numeric (`2025-12-15`, `2025.12.15`, `2025/12/15`), Korean and CJK
/// (`2025년 7월 17일`, `2025年7月17日`) and English (`Oct 12, 2025`,
/// `12 October 2025`) full dates.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let month = r"(?i:(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?-u:\b)\.?)";
    Regex::new(&format!(
        r"(?x)
        (?-u:\b)(?P<y1>(?:19|20)\d\d)[-./](?P<m1>\d{{1,2}})[-./](?P<d1>\d{{1,2}})(?:[^\d]|$)
      | (?P<y2>(?:19|20)\d\d)\s*[년年]\s*(?P<m2>\d{{1,2}})\s*[월月]\s*(?P<d2>\d{{1,2}})\s*[일日]
      | (?-u:\b){month}\s+(?P<d3>\d{{1,2}}),?\s+(?P<y3>(?:19|20)\d\d)(?-u:\b)
      | (?-u:\b)(?P<d4>\d{{1,2}})\s+{month4}\s+(?P<y4>(?:19|20)\d\d)(?-u:\b)",
        month = month.replace("(jan", "(?P<n3>jan"),
        month4 = month.replace("(jan", "(?P<n4>jan"),
    ))
    .expect("the date pattern compiles")
});

/// The date a short header line shows, if any.
#[must_use]
pub fn date_in_line(line: &str) -> Option<NaiveDate> {
    if line.chars().count() > DATELINE_MAX_CHARS {
        return None;
    }
    let caps = DATE.captures(line)?;
    let number = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    let month_name =
        |name: &str| caps.name(name).and_then(|m| month_number(&m.as_str().to_ascii_lowercase()));
    let (year, month, day) = if let Some(y) = number("y1") {
        (y, number("m1")?, number("d1")?)
    } else if let Some(y) = number("y2") {
        (y, number("m2")?, number("d2")?)
    } else if let Some(y) = number("y3") {
        (y, month_name("n3")?, number("d3")?)
    } else {
        (number("y4")?, month_name("n4")?, number("d4")?)
    };
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

fn month_number(name: &str) -> Option<u32> {
    const MONTHS: [&str; 12] =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let position = MONTHS.iter().position(|m| name.starts_with(m))?;
    u32::try_from(position + 1).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        type Ymd = (i32, u32, u32);
        let cases: &[(&str, Option<Ymd>)] = &[
            ("Oct 12, 2025", Some((2025, 10, 12))),
            ("Posted September 3 2024 at noon", Some((2024, 9, 3))),
            ("Updated 4 March 2023", Some((2023, 3, 4))),
            ("• by Lee, Mi-na | reporter | 2025-12-15 09:16:17", Some((2025, 12, 15))),
            ("입력 2025.07.17 10:49", Some((2025, 7, 17))),
            ("기사입력 2025년 7월 17일 오전 10시", Some((2025, 7, 17))),
            ("発表 2024年11月3日", Some((2024, 11, 3))),
            ("2025/02/30", None),
            ("Version 2025.1", None),
            ("Octopus 12, 2025", None),
            ("no date here", None),
        ];
        for (line, want) in cases {
            let want = want.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
            assert_eq!(date_in_line(line), want, "{line}");
        }
    }

    #[test]
    fn long_lines_are_not_datelines() {
        let line = format!("{} on 2025-01-02", "word ".repeat(30));
        assert_eq!(date_in_line(&line), None);
    }
}
