//! Japanese and Chinese grammar around numbers.
//!
//! Most of it is data read by the shared code: dates with 年/月/日
//! ("2025年7月25日", "7月25日") and era years ("令和7年") in `dates`, ranks
//! with 第 ("第6回") and numbers in Han characters ("三十五人", "二千万円") in
//! the scan, scales 万/億/亿 and Han numerals in `number`, and currencies,
//! units and counters (円, 元, %, 个, 名) in the lexicons. What is specific lives here: the
//! counted noun follows its counter directly, without a space ("12个品种"), and
//! phases of clinical trials are written with Roman numerals before 相 or 期
//! ("第III相", "Ⅲ期"), or with 期 beside a clinical word ("三期临床").

use super::lexicon::{Marker, Prefix, Suffix};
use super::number;
use super::state::{Scan, Step, figure};
use super::text;
use crate::model::{Figure, FigureKind};
use crate::script;

/// Chars of a counted noun taken at most: Chinese nouns are mostly two chars.
const NOUN_CHARS: usize = 2;

/// The counted noun written right after a counter that ends at `pos`: up to
/// two Han chars, stopping at a char that never starts a noun ("的").
pub(crate) fn counted_noun<'t>(scan: &Scan<'t>, pos: usize) -> Option<(&'t str, usize)> {
    let rest = text::rest(scan.text, pos);
    let len: usize = rest
        .chars()
        .take(NOUN_CHARS)
        .take_while(|c| script::is_han(*c) && !scan.lexicon.cjk.not_noun.contains(c))
        .map(char::len_utf8)
        .sum();
    (len > 0).then(|| (&rest[..len], pos + len))
}

/// True when a clinical word is written right before `start` or right after
/// `end` ("临床3期", "三期临床试验"): "N期" is then a phase of a trial.
pub(crate) fn clinical_beside(scan: &Scan<'_>, start: usize, end: usize) -> bool {
    let before = scan.text.get(..start).unwrap_or("");
    let after = text::rest(scan.text, end);
    scan.lexicon
        .cjk
        .clinical
        .iter()
        .any(|w| before.ends_with(w.as_str()) || after.starts_with(w.as_str()))
}

/// "Ⅱ期", "III期临床", "第III相", "第I/II相": a Roman numeral, or two joined
/// by a slash, right before the phase marker at `marker_start..marker_end`,
/// after an optional rank prefix: a level, whatever follows.
pub(crate) fn roman_phase(
    scan: &Scan<'_>,
    marker_start: usize,
    marker_end: usize,
) -> Option<Figure> {
    let text = scan.text;
    let subject = match scan.lexicon.suffixes.longest_at(text, marker_start) {
        Some((affix, end)) if end == marker_end => match &affix.meaning {
            Suffix::Marker(Marker::Level(subject) | Marker::TrialPhase(subject)) => subject,
            _ => return None,
        },
        _ => return None,
    };
    let before = text.get(..marker_start)?;
    let numeral_start = before.trim_end_matches(|c| number::is_roman(c) || c == '/').len();
    if text::prev_char(text, numeral_start).is_some_and(text::is_ascii_word) {
        return None;
    }
    let (low, low_end) = number::roman(text, numeral_start)?;
    let (high, end) = match text::rest(text, low_end).strip_prefix('/') {
        Some(_) => number::roman(text, low_end + 1).map(|(high, end)| (Some(high), end))?,
        None => (None, low_end),
    };
    if end != marker_start || high.is_some_and(|high| high <= low) {
        return None;
    }
    let start = match scan.lexicon.prefixes.longest_before(text, numeral_start) {
        Some((affix, prefix_start)) if affix.meaning == Prefix::Ordinal => prefix_start,
        _ => numeral_start,
    };
    scan.free(start).then(|| {
        let mut figure = figure(FigureKind::Level, start, marker_end, Some(f64::from(low)));
        figure.value_max = high.map(f64::from);
        figure.subject = Some(subject.clone());
        figure
    })
}

/// "半年", "半个钟头", "半小时": a half before a unit of time at
/// `start..end`, unless a char before it makes it a part ("上半年").
pub(crate) fn half(scan: &mut Scan<'_>, start: usize, end: usize) -> Option<Figure> {
    let before = text::prev_char(scan.text, start);
    if before.is_some_and(|c| scan.lexicon.cjk.not_before_half.contains(&c)) {
        return None;
    }
    match scan.measure(&number::fraction_amount(start, end, 0.5))? {
        Step::Found(figure) if figure.kind == FigureKind::Duration => Some(figure),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{
        check, count, date, day_alone, duration, money, month, month_of, ordinal, partial, percent,
        points, quantity, year,
    };
    use crate::model::Lang;

    #[test]
    fn japanese() {
        check(
            &[
                ("2025年7月25日に公表", &[date("2025年7月25日", 2025, 7, 25)]),
                ("7月25日に", &[partial("7月25日", 7, 25)]),
                ("２０２５年７月２５日", &[date("２０２５年７月２５日", 2025, 7, 25)]),
                ("2024年3月から", &[month_of("2024年3月", 2024, 3)]),
                ("2024年に", &[year("2024年", 2024.0)]),
                ("5年で", &[duration("5年", 5.0, "year")]),
                ("3年間", &[duration("3年間", 3.0, "year")]),
                ("１年間", &[duration("１年間", 1.0, "year")]),
                ("約300億円", &[money("300億円", 3e10, "JPY")]),
                ("3000万ドル", &[money("3000万ドル", 3e7, "USD")]),
                ("18%増", &[percent("18%", 18.0)]),
                ("5名が", &[count("5名", 5.0)]),
                ("３施設", &[count("３施設", 3.0)]),
                ("第6回会合", &[ordinal("第6回", 6.0)]),
                ("売上高で第1位", &[ordinal("第1位", 1.0)]),
                ("世界3位", &[ordinal("3位", 3.0)]),
                ("4月に始まり18日に", &[month("4月", 4), partial("18日", 4, 18)]),
                ("18日に", &[day_alone("18日", 18)]),
            ],
            Lang::Ja,
        );
    }

    #[test]
    fn chinese() {
        check(
            &[
                ("2025年7月25日发布", &[date("2025年7月25日", 2025, 7, 25)]),
                ("1.2亿元", &[money("1.2亿元", 1.2e8, "CNY")]),
                ("5亿美元", &[money("5亿美元", 5e8, "USD")]),
                ("3000万日元", &[money("3000万日元", 3e7, "JPY")]),
                ("12个品种获批", &[count("12个品种", 12.0)]),
                ("30个申请", &[count("30个申请", 30.0)]),
                ("45家企业", &[count("45家企业", 45.0)]),
                ("3家的", &[count("3家", 3.0)]),
                ("300余家", &[count("300余家", 300.0)]),
                ("第3次会议", &[ordinal("第3次", 3.0)]),
                ("3天内", &[duration("3天", 3.0, "day")]),
                ("增长3.5%", &[percent("3.5%", 3.5)]),
                ("100万～200万个", &[count("100万～200万个", 1e6).to(2e6)]),
            ],
            Lang::Zh,
        );
    }

    #[test]
    fn halves_signs_and_ranks() {
        check(
            &[
                ("负2.5%", &[percent("负2.5%", -2.5)]),
                ("三年半", &[duration("三年半", 3.5, "year")]),
                ("等了半个钟头", &[duration("半个钟头", 0.5, "hour")]),
                ("上半年营收", &[]),
                ("10月3号", &[partial("10月3号", 10, 3)]),
                ("3号线", &[]),
                ("第十四", &[ordinal("第十四", 14.0)]),
                ("第三方", &[]),
                ("20港元", &[money("20港元", 20.0, "HKD")]),
                ("七成", &[percent("七成", 70.0)]),
                ("3个百分点", &[points("3个百分点", 3.0)]),
                ("8岁", &[duration("8岁", 8.0, "year")]),
            ],
            Lang::Zh,
        );
        check(
            &[
                ("華氏50度", &[quantity("華氏50度", 50.0, "°F")]),
                ("二十番目", &[ordinal("二十番目", 20.0)]),
                ("三兆番目", &[ordinal("三兆番目", 3e12)]),
                ("1時間半", &[duration("1時間半", 1.5, "hour")]),
                ("明治5年", &[year("明治5年", 1872.0)]),
                ("５０マイル", &[quantity("５０マイル", 50.0, "mi")]),
                ("前年比−５％", &[percent("−５％", -5.0)]),
            ],
            Lang::Ja,
        );
    }

    #[test]
    fn fractions_of_percent_financial_digits_and_decimals() {
        check(
            &[
                ("千分之五", &[percent("千分之五", 0.5)]),
                ("万分之三", &[percent("万分之三", 0.03)]),
                ("百分之十二点五", &[percent("百分之十二点五", 12.5)]),
                ("肆拾伍元", &[money("肆拾伍元", 45.0, "CNY")]),
                ("三点五成", &[percent("三点五成", 35.0)]),
                ("第一名", &[ordinal("第一名", 1.0)]),
                ("一吨", &[quantity("一吨", 1.0, "t")]),
                ("一家公司", &[]),
            ],
            Lang::Zh,
        );
    }
}
