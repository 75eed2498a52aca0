//! Korean grammar around numbers: the counted noun after a counter ("45개
//! 기업"), particles cut from nouns ("기업이" -> "기업"), native numerals before
//! a counter, a noun or 번째 ("두 나라", "다섯 명", "두 번째"), the subject after
//! a rank ("제6회 포럼"), and the words that make "N일" a number of days
//! ("30일 이내").
//!
//! Units, currencies, counters, scales and calendar markers are data shared
//! with the other languages; dates are read in `dates`.

use super::lexicon::{Marker, Suffix};
use super::number::{self, Numerals};
use super::state::{Scan, Step, figure};
use super::text;
use crate::model::{Figure, FigureKind};
use crate::script;

/// A noun keeps at least this many chars when a particle is cut ("국가" stays).
const MIN_STEM_CHARS: usize = 2;

/// The Korean word at `pos`: Hangul syllables, with ASCII letters and digits.
fn word_at(text: &str, pos: usize) -> &str {
    let rest = text::rest(text, pos);
    let len = rest
        .char_indices()
        .find(|(_, c)| !(script::is_hangul(*c) || c.is_ascii_alphanumeric()))
        .map_or(rest.len(), |(i, _)| i);
    &rest[..len]
}

/// `word` without a trailing particle, when the noun left has at least two chars.
fn strip_particle<'w>(scan: &Scan<'_>, word: &'w str) -> &'w str {
    scan.lexicon
        .korean
        .particles
        .iter()
        .find_map(|p| {
            word.strip_suffix(p.as_str()).filter(|stem| stem.chars().count() >= MIN_STEM_CHARS)
        })
        .unwrap_or(word)
}

/// The noun after one space at `pos`, particle cut: its text and end. Words
/// that are no noun there ("이상", "중") give `None`.
fn noun_after<'t>(scan: &Scan<'t>, pos: usize) -> Option<(&'t str, usize)> {
    let start = text::after_gap(scan.text, pos)?;
    let word = word_at(scan.text, start);
    if !word.starts_with(script::is_hangul) {
        return None;
    }
    let noun = strip_particle(scan, word);
    let is_noun = !scan.lexicon.korean.not_nouns.iter().any(|w| w == noun);
    is_noun.then_some((noun, start + noun.len()))
}

/// The counted noun after a counter that ends at `pos` ("45개 기업이" -> "기업").
pub(crate) fn counted_noun<'t>(scan: &Scan<'t>, pos: usize) -> Option<(&'t str, usize)> {
    noun_after(scan, pos)
}

/// The subject of a rank: the noun after it ("제6회 포럼에서" -> "포럼").
pub(crate) fn subject_after(scan: &Scan<'_>, pos: usize) -> Option<String> {
    noun_after(scan, pos).map(|(noun, _)| noun.to_owned())
}

/// True when a word after `pos` makes a preceding "N일" a number of days.
pub(crate) fn duration_follows(scan: &Scan<'_>, pos: usize) -> bool {
    let rest = text::rest(scan.text, text::skip_gap(scan.text, pos));
    scan.lexicon.korean.duration_after.iter().any(|w| rest.starts_with(w.as_str()))
}

/// "두 나라", "다섯 명", "세 가지", "두 번째": a Korean native numeral written
/// as a word at `start..end`, before a counter, a unit or a rank suffix, or
/// else before the noun it counts (particle cut). "한" and "첫" (one, first)
/// are determiners before a noun, and "열", "스무" count only with a counter;
/// nouns the lexicon lists as not counted ("두 배", "세 부담") make no figure.
pub(crate) fn native_count(
    scan: &mut Scan<'_>,
    start: usize,
    end: usize,
    value: u32,
) -> Option<Figure> {
    let text = scan.text;
    let word_start = !text::prev_char(text, start).is_some_and(script::is_hangul);
    if !word_start {
        return None;
    }
    let (value, end) = native_tens_and_units(scan, start, end, value);
    let rank_follows = matches!(
        scan.lexicon.suffixes.longest_at(text, end),
        Some((affix, _)) if affix.meaning == Suffix::Marker(Marker::Ordinal)
    );
    if text::after_gap(text, end).is_none() && !rank_follows {
        return None;
    }
    let amount = number::word_amount(start, end, value);
    if let Some(Step::Found(figure)) = scan.measure(&amount) {
        return Some(figure);
    }
    let (noun, noun_end) = noun_after(scan, end)?;
    let korean = &scan.lexicon.korean;
    let not_counted = korean.not_counted.iter().any(|w| {
        noun.strip_prefix(w.as_str())
            .is_some_and(|rest| rest.is_empty() || korean.particles.iter().any(|p| p == rest))
    });
    // "열" and "스무" also start verbs and nouns ("열 계획이다": will hold):
    // before a noun only the numerals below ten count.
    let counted = (2..10).contains(&value) && !not_counted;
    counted.then(|| {
        let mut figure = figure(FigureKind::Count, start, noun_end, Some(f64::from(value)));
        figure.subject = Some(noun.to_owned());
        figure
    })
}

/// The native numeral word written at `pos`, its value and its end.
fn native_at<'l>(scan: &Scan<'l>, pos: usize) -> Option<(&'l str, u32, usize)> {
    let rest = text::rest(scan.text, pos);
    scan.lexicon
        .natives
        .iter()
        .filter(|(word, _)| rest.starts_with(word.as_str()))
        .map(|(word, value)| (word.as_str(), *value, pos + word.len()))
        .max_by_key(|(word, _, _)| word.len())
}

/// "스물다섯", "열한", "스물 한": a native tens word at `start..end` of
/// `value`, and the native unit word after it, right after or after one
/// space. Returns the value and end of the whole numeral.
fn native_tens_and_units(scan: &Scan<'_>, start: usize, end: usize, value: u32) -> (u32, usize) {
    let word = scan.text.get(start..end).unwrap_or("");
    let tens = value >= 10 && value.is_multiple_of(10) && !word.ends_with('무');
    if !tens {
        return (value, end);
    }
    // "첫" (first) is a rank, never the units of a numeral.
    let unit = |at: usize| {
        native_at(scan, at).filter(|(word, unit, _)| (1..10).contains(unit) && *word != "첫")
    };
    match unit(end).or_else(|| text::after_gap(scan.text, end).and_then(unit)) {
        Some((_, unit, unit_end)) => (value + unit, unit_end),
        None => (value, end),
    }
}

/// "이십 퍼센트", "삼 개월", "이백 번째", "백만 달러", "십 팔 개월": a
/// Sino-Korean numeral at `start` (the lead found at `start..end`) that ends
/// its word, before a unit, a currency, a rank suffix or, from ten up, a
/// counter. One syllable below ten counts only before a percentage or, after
/// a space, a length of time, and "이" (this) never alone. A numeral that is
/// no figure is skipped whole.
pub(crate) fn sino_numeral(scan: &mut Scan<'_>, start: usize, end: usize) -> Step {
    let text = scan.text;
    if text::prev_char(text, start).is_some_and(script::is_hangul) {
        return Step::Skip(end);
    }
    let skip = |scan: &Scan<'_>| {
        Step::Skip(number::numeral_run_end(scan.lexicon, text, start, Numerals::Hangul).max(end))
    };
    let Some(amount) = number::sino(scan.lexicon, text, start) else { return skip(scan) };
    let Some((suffix, _)) = scan.suffix_after(amount.end) else { return skip(scan) };
    let one_syllable = amount.end - start == end - start && amount.value() < 10.0;
    let attached = scan.lexicon.suffixes.longest_at(text, amount.end).is_some();
    let counts = match &suffix.meaning {
        Suffix::Unit(unit) if one_syllable => {
            unit.kind == FigureKind::Percent || (unit.kind == FigureKind::Duration && !attached)
        }
        Suffix::Unit(_) | Suffix::Currency(_) | Suffix::Marker(Marker::Ordinal) => !one_syllable,
        Suffix::Counter { .. } => amount.value() >= 10.0,
        _ => false,
    };
    if !counts || (one_syllable && amount.value() == 2.0) {
        return skip(scan);
    }
    match scan.measure(&amount) {
        Some(found @ Step::Found(_)) => found,
        _ => skip(scan),
    }
}

/// "두 번째", "세번째": a native numeral before the rank suffix at `start..end`.
pub(crate) fn native_ordinal(scan: &Scan<'_>, start: usize, end: usize) -> Option<Figure> {
    let before = scan.text.get(..start)?;
    let before = before.strip_suffix(' ').unwrap_or(before);
    let (numeral_start, rank) = scan
        .lexicon
        .natives
        .iter()
        .filter(|(word, _)| before.ends_with(word.as_str()))
        .map(|(word, rank)| (before.len() - word.len(), *rank))
        .min_by_key(|(numeral_start, _)| *numeral_start)?;
    let free = scan.free(numeral_start)
        && !text::prev_char(scan.text, numeral_start).is_some_and(script::is_hangul);
    free.then(|| {
        let mut figure = figure(FigureKind::Ordinal, numeral_start, end, Some(f64::from(rank)));
        figure.subject = subject_after(scan, end);
        figure
    })
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{
        check, count, date, day_alone, duration, level, money, month, month_of, ordinal, partial,
        percent, points, quantity, subjects, year,
    };
    use crate::model::Lang;

    #[test]
    fn percentages() {
        check(
            &[
                ("점유율 18퍼센트", &[percent("18퍼센트", 18.0)]),
                ("약 60%가 찬성", &[percent("60%", 60.0)]),
                ("성장률 5%대 유지", &[percent("5%", 5.0)]),
                ("5%p 상승", &[points("5%p", 5.0)]),
                ("3.2%포인트 하락", &[points("3.2%포인트", 3.2)]),
                ("3~5% 수준", &[percent("3~5%", 3.0).to(5.0)]),
                ("18 퍼센트로", &[percent("18 퍼센트", 18.0)]),
                ("전년 대비 -3.2% 감소", &[percent("-3.2%", -3.2)]),
                ("20%-10%", &[percent("20%", 20.0), percent("10%", 10.0)]),
            ],
            Lang::Ko,
        );
    }

    #[test]
    fn amounts_of_money() {
        check(
            &[
                ("총 1조 2천억 원 규모", &[money("1조 2천억 원", 1.2e12, "KRW")]),
                ("3억 5천만 원을 투자", &[money("3억 5천만 원", 3.5e8, "KRW")]),
                ("500억원을 투입", &[money("500억원", 5e10, "KRW")]),
                ("10억 달러 수출", &[money("10억 달러", 1e9, "USD")]),
                ("23,456만달러", &[money("23,456만달러", 2.3456e8, "USD")]),
                ("2조500억원", &[money("2조500억원", 2.05e12, "KRW")]),
                ("120조3000억원", &[money("120조3000억원", 1.203e14, "KRW")]),
                ("1,000원짜리", &[money("1,000원", 1000.0, "KRW")]),
                ("1만 2000원", &[money("1만 2000원", 12_000.0, "KRW")]),
                ("3억 2024년", &[year("2024년", 2024.0)]),
                ("500억원대 매출", &[money("500억원", 5e10, "KRW")]),
                ("10억~20억원", &[money("10억~20억원", 1e9, "KRW").to(2e9)]),
                ("3~5억원", &[money("3~5억원", 3e8, "KRW").to(5e8)]),
                (
                    "10억 달러(약 1조3천억원)",
                    &[money("10억 달러", 1e9, "USD"), money("1조3천억원", 1.3e12, "KRW")],
                ),
                ("5천만 엔", &[money("5천만 엔", 5e7, "JPY")]),
                ("3원칙", &[]),
            ],
            Lang::Ko,
        );
    }

    #[test]
    fn quantities() {
        check(
            &[
                ("214만 리터 규모", &[quantity("214만 리터", 2_140_000.0, "L")]),
                ("30평 규모", &[quantity("30평", 30.0, "pyeong")]),
                ("5톤을", &[quantity("5톤", 5.0, "t")]),
                ("100밀리그램", &[quantity("100밀리그램", 100.0, "mg")]),
            ],
            Lang::Ko,
        );
    }

    #[test]
    fn counts() {
        check(
            &[
                ("45개 기업이 참여", &[count("45개 기업", 45.0)]),
                ("3명이 참석", &[count("3명", 3.0)]),
                ("12개 성분을", &[count("12개 성분", 12.0)]),
                ("5곳에서", &[count("5곳", 5.0)]),
                ("100여 명이", &[count("100여 명", 100.0)]),
                ("12품목(8.5%)", &[count("12품목", 12.0), percent("8.5%", 8.5)]),
                ("3개 이상", &[count("3개", 3.0)]),
                ("45개사가", &[count("45개사", 45.0)]),
                ("5개 국가가", &[count("5개 국가", 5.0)]),
                ("3천 명", &[count("3천 명", 3000.0)]),
                ("코로나19 백신 3종", &[count("3종", 3.0)]),
            ],
            Lang::Ko,
        );
    }

    #[test]
    fn dates_and_years() {
        check(
            &[
                ("2025년 7월 17일 밝혔다", &[date("2025년 7월 17일", 2025, 7, 17)]),
                ("7월 17일 개최", &[partial("7월 17일", 7, 17)]),
                ("7월 17일부터 20일까지", &[partial("7월 17일", 7, 17), partial("20일", 7, 20)]),
                ("7월17일", &[partial("7월17일", 7, 17)]),
                ("2024년 3월 시행", &[month_of("2024년 3월", 2024, 3)]),
                ("7월 중순 이후 17일 발표", &[month("7월", 7), partial("17일", 7, 17)]),
                (
                    "2025년 7월 17일과 18일",
                    &[date("2025년 7월 17일", 2025, 7, 17), date("18일", 2025, 7, 18)],
                ),
                ("17일 밝혔다", &[day_alone("17일", 17)]),
                ("7월 시행", &[month("7월", 7)]),
                ("2015년 체결", &[year("2015년", 2015.0)]),
                ("2024년도 예산", &[year("2024년도", 2024.0)]),
                ("2020~2024년", &[year("2020~2024년", 2020.0).to(2024.0)]),
                ("2월 30일", &[]),
            ],
            Lang::Ko,
        );
    }

    #[test]
    fn ordinals_and_levels() {
        check(
            &[
                ("제6회 심포지엄", &[ordinal("제6회", 6.0)]),
                ("제3차 회의", &[ordinal("제3차", 3.0)]),
                ("두 번째 회의", &[ordinal("두 번째", 2.0)]),
                ("세번째", &[ordinal("세번째", 3.0)]),
                ("3번째 허가", &[ordinal("3번째", 3.0)]),
                ("10주년을 맞아", &[ordinal("10주년", 10.0)]),
                ("점유율 1위를 차지", &[ordinal("1위", 1.0)]),
                ("첫 번째", &[ordinal("첫 번째", 1.0)]),
                ("3단계로", &[level("3단계", 3.0)]),
                ("1~3단계", &[level("1~3단계", 1.0).to(3.0)]),
                ("임상 2상 진입", &[level("2상", 2.0)]),
                ("제3자", &[]),
                ("과제 3건", &[count("3건", 3.0)]),
                ("제12조", &[]),
                ("3회 개최", &[]),
                ("20대 환자", &[]),
                ("2상승", &[]),
            ],
            Lang::Ko,
        );
    }

    #[test]
    fn durations() {
        check(
            &[
                ("3개월 동안", &[duration("3개월", 3.0, "month")]),
                ("3년간 지원", &[duration("3년간", 3.0, "year")]),
                ("180일간", &[duration("180일간", 180.0, "day")]),
                ("180일 이내", &[duration("180일", 180.0, "day")]),
                ("30일 이내", &[duration("30일", 30.0, "day")]),
                ("10년 만에", &[duration("10년", 10.0, "year")]),
                ("3~5년", &[duration("3~5년", 3.0, "year").to(5.0)]),
                ("24주", &[duration("24주", 24.0, "week")]),
                ("24시간", &[duration("24시간", 24.0, "hour")]),
                ("3배", &[]),
            ],
            Lang::Ko,
        );
    }

    #[test]
    fn subjects_name_the_noun() {
        assert_eq!(subjects("45개 기업이", Lang::Ko), [Some("기업".to_owned())]);
        assert_eq!(subjects("3명", Lang::Ko), [Some("명".to_owned())]);
        assert_eq!(subjects("제6회 포럼에서", Lang::Ko), [Some("포럼".to_owned())]);
        assert_eq!(subjects("임상 2상", Lang::Ko), [Some("Phase".to_owned())]);
        assert_eq!(subjects("3단계", Lang::Ko), [Some("단계".to_owned())]);
    }

    #[test]
    fn spelled_numerals() {
        check(
            &[
                ("성장률 삼십 퍼센트", &[percent("삼십 퍼센트", 30.0)]),
                ("백퍼센트 확신", &[percent("백퍼센트", 100.0)]),
                ("마이너스 오 퍼센트 하락", &[percent("마이너스 오 퍼센트", -5.0)]),
                ("십 이 개월 동안", &[duration("십 이 개월", 12.0, "month")]),
                ("삼 개월", &[duration("삼 개월", 3.0, "month")]),
                ("이백 번째 환자", &[ordinal("이백 번째", 200.0)]),
                ("스물두 번째 회의", &[ordinal("스물두 번째", 22.0)]),
                ("열한번째", &[ordinal("열한번째", 11.0)]),
                ("아흔두 살", &[duration("아흔두 살", 92.0, "year")]),
                ("천 명이 모였다", &[count("천 명", 1000.0)]),
                ("이 시간에", &[]),
                ("사 달러", &[]),
                ("일일 점검", &[]),
                ("이상 없음", &[]),
                ("백신 접종", &[]),
            ],
            Lang::Ko,
        );
    }

    #[test]
    fn compound_amounts_units_and_temperatures() {
        check(
            &[
                ("6천 5백만 달러 투자", &[money("6천 5백만 달러", 6.5e7, "USD")]),
                ("3억 2천 1백만 원", &[money("3억 2천 1백만 원", 3.21e8, "KRW")]),
                ("3억 캐나다 달러", &[money("3억 캐나다 달러", 3e8, "CAD")]),
                ("12 피트 높이", &[quantity("12 피트", 12.0, "ft")]),
                ("섭씨 25도", &[quantity("섭씨 25도", 25.0, "°C")]),
                ("화씨 마이너스 4도", &[quantity("화씨 마이너스 4도", -4.0, "°F")]),
                ("7살 아이", &[duration("7살", 7.0, "year")]),
                ("21세기", &[]),
            ],
            Lang::Ko,
        );
    }
}
