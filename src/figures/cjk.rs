//! Japanese and Chinese grammar around numbers.
//!
//! Most of it is data read by the shared code: dates with 年/月/日
//! ("2025年7月25日", "7月25日") and era years ("令和7年") in `dates`, ranks
//! with 第 ("第6回") and numbers in Han characters ("三十五人", "二千万円") in
//! the scan, scales 万/億/亿 and Han numerals in `number`, and currencies,
//! units and counters (円, 元, %, 个, 名) in the lexicons. What is specific lives here: the
//! counted noun follows its counter directly, without a space ("12个品种").

use super::scan::Scan;
use super::text;

/// Chars of a counted noun taken at most: Chinese nouns are mostly two chars.
const NOUN_CHARS: usize = 2;

/// The counted noun written right after a counter that ends at `pos`: up to
/// two Han chars, stopping at a char that never starts a noun ("的").
pub(crate) fn counted_noun<'t>(scan: &Scan<'t>, pos: usize) -> Option<(&'t str, usize)> {
    let rest = text::rest(scan.text, pos);
    let len: usize = rest
        .chars()
        .take(NOUN_CHARS)
        .take_while(|c| text::is_han(*c) && !scan.lexicon.cjk.not_noun.contains(c))
        .map(char::len_utf8)
        .sum();
    (len > 0).then(|| (&rest[..len], pos + len))
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{
        check, count, date, duration, money, month, month_of, ordinal, partial, percent, year,
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
                ("18日に", &[]),
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
}
