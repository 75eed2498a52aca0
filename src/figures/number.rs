//! The shared numeric core: numbers as written in every language, before any
//! unit is read.
//!
//! - digits, ASCII or full-width, with thousands separators and a decimal part
//!   ("1,234.5", "２．５"); the value is normalised, the span keeps the text;
//! - English scale words ("2.14 million") and, after a currency sign, their
//!   abbreviations ("$1.2bn");
//! - Korean, Japanese and Chinese scales applied cumulatively ("1조 2천억" =
//!   1.2e12, "2조500억" = 2.05e12, "23,456만" = 2.3456e8);
//! - English number words ("eight", "twenty-five", "two hundred", "three million");
//! - Han numerals ("三十五", "二千万", "一億二千万", "二〇二五");
//! - compact ranges joined by a dash or a tilde ("3~5", "3-5 million", "10억~20억").
//!
//! Values are computed from an integer mantissa so that written decimals come
//! out exact ("2.14 million" is 2140000, not 2140000.0000000002).

use std::collections::HashMap;

use super::affix::AffixTable;
use super::lexicon::{Lexicon, NumberWord, Scale, ScaleClass, Suffix};
use super::text;
use crate::script;

/// Digits beyond this many make an identifier, not a number.
const MAX_DIGITS: usize = 18;

/// The value of the digit at `pos` (ASCII or full-width) and its byte length.
pub(crate) fn digit_at(text: &str, pos: usize) -> Option<(u8, usize)> {
    match text.as_bytes().get(pos..)? {
        [d @ b'0'..=b'9', ..] => Some((d - b'0', 1)),
        [0xEF, 0xBC, d @ 0x90..=0x99, ..] => Some((d - 0x90, 3)),
        _ => None,
    }
}

/// A run of digits without separators: "2025", "０７".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct DigitRun {
    /// Position after the last digit.
    pub end: usize,
    /// The value; saturates for very long runs.
    pub value: u64,
    /// Number of digits.
    pub digits: usize,
}

impl DigitRun {
    /// The value as a year when the run is four digits from 1900 to 2100.
    pub(crate) fn year(&self) -> Option<i32> {
        (self.digits == 4 && (1900..=2100).contains(&self.value))
            .then(|| i32::try_from(self.value).ok())
            .flatten()
    }

    /// The value as a float, when it fits in 32 bits.
    pub(crate) fn whole(&self) -> Option<f64> {
        u32::try_from(self.value).ok().map(f64::from)
    }

    /// The value when it fits in `1..=max` and has at most two digits (months, days, ranks).
    pub(crate) fn small(&self, max: u32) -> Option<u32> {
        u32::try_from(self.value).ok().filter(|v| self.digits <= 2 && (1..=max).contains(v))
    }
}

/// The run of digits starting at `pos`.
pub(crate) fn digit_run(text: &str, pos: usize) -> Option<DigitRun> {
    let mut run = DigitRun { end: pos, value: 0, digits: 0 };
    while let Some((digit, len)) = digit_at(text, run.end) {
        run.value = run.value.saturating_mul(10).saturating_add(u64::from(digit));
        run.digits += 1;
        run.end += len;
    }
    (run.digits > 0).then_some(run)
}

/// A number as written: digits with thousands separators and decimals.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Numeral {
    start: usize,
    end: usize,
    /// All digits as one integer: "2.14" is 214.
    mantissa: u64,
    /// Digits after the decimal point.
    decimals: i32,
    /// The digits when they are one bare run.
    bare: Option<DigitRun>,
}

impl Numeral {
    /// The numeral times `factor`, exact for written decimals.
    #[allow(clippy::cast_precision_loss)] // at most 18 digits, the rounding of f64 is the contract
    fn times(&self, factor: f64) -> f64 {
        self.mantissa as f64 * factor / 10f64.powi(self.decimals)
    }
}

/// The numeral at `pos`: "1,234", "3.5", "２０２５".
fn numeral(text: &str, pos: usize) -> Option<Numeral> {
    let head = digit_run(text, pos)?;
    let mut numeral =
        Numeral { start: pos, end: head.end, mantissa: head.value, decimals: 0, bare: Some(head) };
    let mut digits = head.digits;
    // Thousands groups: a comma and exactly three digits.
    while let Some(sep) = separator_at(text, numeral.end, &[",", "，"]) {
        match digit_run(text, sep) {
            Some(group) if group.digits == 3 => {
                numeral.mantissa =
                    numeral.mantissa.saturating_mul(1000).saturating_add(group.value);
                numeral.end = group.end;
                numeral.bare = None;
                digits += 3;
            }
            _ => break,
        }
    }
    if let Some(fraction) =
        separator_at(text, numeral.end, &[".", "．"]).and_then(|point| digit_run(text, point))
    {
        let places = u32::try_from(fraction.digits).ok()?;
        numeral.mantissa = numeral
            .mantissa
            .saturating_mul(10u64.saturating_pow(places))
            .saturating_add(fraction.value);
        numeral.decimals = i32::try_from(places).ok()?;
        numeral.end = fraction.end;
        numeral.bare = None;
        digits += fraction.digits;
    }
    (digits <= MAX_DIGITS).then_some(numeral)
}

/// The position after one of `separators` at `pos` when a digit follows it.
fn separator_at(text: &str, pos: usize, separators: &[&str]) -> Option<usize> {
    let rest = text::rest(text, pos);
    let sep = separators.iter().find(|s| rest.starts_with(**s))?;
    digit_at(text, pos + sep.len()).map(|_| pos + sep.len())
}

/// One side of an amount: a number with its scales.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Part {
    /// The value, scales applied.
    pub value: f64,
    /// A scale word or character was applied.
    pub scaled: bool,
    /// Written without a decimal part.
    pub integer: bool,
    /// The digits when the part is one bare run of digits.
    pub bare: Option<DigitRun>,
    /// The factor of a single scale group ("5억": 1e8), lent to a bare lower
    /// bound ("3~5억" is 3e8 to 5e8).
    group_factor: Option<f64>,
}

impl Part {
    /// A lower bound written without a scale takes that of its upper bound
    /// ("3~5억": 3e8, "三至五万": 3e4).
    fn lend_scale(self, high: &Part) -> Part {
        match (self.scaled, high.group_factor) {
            (false, Some(factor)) => Part { value: self.value * factor, scaled: true, ..self },
            _ => self,
        }
    }
}

/// A number expression: a value, or a compact range of two.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Amount {
    /// First byte of the expression.
    pub start: usize,
    /// Position after the expression.
    pub end: usize,
    /// The value, or the lower bound of a range.
    pub low: Part,
    /// The upper bound of a range.
    pub high: Option<Part>,
}

impl Amount {
    /// The value (lower bound of a range).
    pub(crate) fn value(&self) -> f64 {
        self.low.value
    }

    /// The upper bound of a range.
    pub(crate) fn value_max(&self) -> Option<f64> {
        self.high.map(|p| p.value)
    }

    /// True when a scale was applied anywhere.
    pub(crate) fn scaled(&self) -> bool {
        self.low.scaled || self.high.is_some_and(|p| p.scaled)
    }

    /// True when every part is a whole number as written.
    pub(crate) fn integer(&self) -> bool {
        self.low.integer && self.high.is_none_or(|p| p.integer)
    }

    /// The factor of the single scale of the value ("5 million": 1e6).
    pub(crate) fn scale_factor(&self) -> Option<f64> {
        self.low.group_factor
    }

    /// The digits when the whole amount is one bare run.
    pub(crate) fn bare(&self) -> Option<DigitRun> {
        self.low.bare.filter(|_| self.high.is_none())
    }

    /// The years of a bare year ("2030") or a year range ("2020-2024").
    pub(crate) fn years(&self) -> Option<(i32, Option<i32>)> {
        let low = self.low.bare?.year()?;
        match self.high {
            None => Some((low, None)),
            Some(high) => Some((low, Some(high.bare?.year()?))),
        }
    }
}

/// The number expression starting with a digit at `pos`. Scale abbreviations
/// ("bn", "m") are read only when `abbreviations` is set (after a currency sign).
pub(crate) fn amount(
    lexicon: &Lexicon,
    text: &str,
    pos: usize,
    abbreviations: bool,
) -> Option<Amount> {
    let (low, end) = part(lexicon, text, pos, abbreviations)?;
    let single = Amount { start: pos, end, low, high: None };
    let Some(next) = range_joiner(text, end) else { return Some(single) };
    let Some((high, high_end)) = part(lexicon, text, next, abbreviations) else {
        return Some(single);
    };
    let low = low.lend_scale(&high);
    Some(if high.value > low.value {
        Amount { start: pos, end: high_end, low, high: Some(high) }
    } else {
        single
    })
}

/// The position of the upper bound after a range joiner at `pos`, when a
/// digit starts it.
fn range_joiner(text: &str, pos: usize) -> Option<usize> {
    joiner_end(text, pos).filter(|&after| digit_at(text, after).is_some())
}

/// The position after a range joiner at `pos`: a dash, or 至 or 到 ("to"
/// in Chinese), with no spaces ("3-5", "3至5"), or a tilde with optional
/// single spaces ("3 ~ 5").
fn joiner_end(text: &str, pos: usize) -> Option<usize> {
    let tight = ["-", "–", "—", "至", "到"].iter().find(|d| text::rest(text, pos).starts_with(**d));
    if let Some(d) = tight {
        return Some(pos + d.len());
    }
    let at = text::skip_gap(text, pos);
    let tilde = ["~", "～", "〜"].iter().find(|t| text::rest(text, at).starts_with(**t))?;
    Some(text::skip_gap(text, at + tilde.len()))
}

/// One number with its scales, and the position after it.
fn part(lexicon: &Lexicon, text: &str, pos: usize, abbreviations: bool) -> Option<(Part, usize)> {
    let first = numeral(text, pos)?;
    let integer = first.decimals == 0;
    let scales = &lexicon.scales;
    if let Some((value, end, group_factor)) = east_asian_scales(lexicon, text, first) {
        return Some((Part { value, scaled: true, integer, bare: None, group_factor }, end));
    }
    let gap = text::skip_gap(text, first.end);
    let scale = scale_at(scales, text, gap, ScaleClass::Word)
        .or_else(|| {
            scale_at(scales, text, first.end, ScaleClass::Abbreviation).filter(|_| abbreviations)
        })
        .or_else(|| {
            scale_at(scales, text, gap, ScaleClass::Abbreviation)
                .filter(|(_, end)| abbreviations && end - gap >= 2)
        });
    Some(match scale {
        Some((factor, end)) => (
            Part {
                value: first.times(factor),
                scaled: true,
                integer,
                bare: None,
                group_factor: Some(factor),
            },
            end,
        ),
        None => (
            Part {
                value: first.times(1.0),
                scaled: false,
                integer,
                bare: first.bare,
                group_factor: None,
            },
            first.end,
        ),
    })
}

/// The factor of an English scale word ("million") written at `pos`, and
/// the position after it.
pub(crate) fn scale_word_at(lexicon: &Lexicon, text: &str, pos: usize) -> Option<(f64, usize)> {
    scale_at(&lexicon.scales, text, pos, ScaleClass::Word)
}

/// The factor of a scale of `class` written at `pos`, and the position after it.
fn scale_at(
    scales: &AffixTable<Scale>,
    text: &str,
    pos: usize,
    class: ScaleClass,
) -> Option<(f64, usize)> {
    scales
        .longest_at(text, pos)
        .filter(|(s, _)| s.meaning.class == class)
        .map(|(s, end)| (s.meaning.factor, end))
}

/// Korean, Japanese and Chinese scales after `first`, applied cumulatively:
/// groups of a number, an optional small scale (천, 千) and a big scale
/// (만, 억, 조) in decreasing order, separated by at most one space. Numbers
/// with decreasing small scales add up until a big scale multiplies them
/// all ("7천 5백만" = 7500 × 1e4); a last group may lack the big scale
/// ("3만 5천"), or be bare digits smaller than the scale before them, written
/// right after it ("1만2000", "9천381") or followed by a unit ("1만 2000원").
/// Returns the value, the end and the factor when there is a single group.
fn east_asian_scales(
    lexicon: &Lexicon,
    text: &str,
    first: Numeral,
) -> Option<(f64, usize, Option<f64>)> {
    let scales = &lexicon.scales;
    let (mut total, mut section) = (0.0, 0.0);
    let mut factors = Vec::<f64>::new();
    let (mut last_small, mut last_big) = (f64::INFINITY, f64::INFINITY);
    let mut number = first;
    let mut end = first.end;
    loop {
        let (small, after_small) = scale_at(scales, text, number.end, ScaleClass::Small)
            .filter(|(small, _)| *small < last_small)
            .unwrap_or((1.0, number.end));
        let big =
            scale_at(scales, text, after_small, ScaleClass::Big).filter(|(big, _)| *big < last_big);
        if let Some((big, after_big)) = big {
            total += (section + number.times(small)) * big;
            section = 0.0;
            factors.push(small * big);
            (last_small, last_big) = (f64::INFINITY, big);
            end = after_big;
        } else if small > 1.0 {
            section += number.times(small);
            factors.push(small);
            last_small = small;
            end = after_small;
        } else {
            let below = number.times(1.0) < last_small.min(last_big);
            let after_big = last_small.is_infinite() && unit_follows(lexicon, text, number.end);
            if !factors.is_empty() && below && (number.start == end || after_big) {
                section += number.times(1.0);
                factors.push(1.0);
                end = number.end;
            }
            break;
        }
        let next = text::skip_gap(text, end);
        match numeral(text, next) {
            Some(n)
                if next == end
                    || starts_group(scales, text, n.end)
                    || unit_follows(lexicon, text, n.end) =>
            {
                number = n;
            }
            _ => break,
        }
    }
    let group_factor = if let [factor] = factors[..] { Some(factor) } else { None };
    (!factors.is_empty()).then_some((total + section, end, group_factor))
}

/// True when a unit, a currency or a counter is written at `pos`, right
/// after the number or after one space.
fn unit_follows(lexicon: &Lexicon, text: &str, pos: usize) -> bool {
    let table = &lexicon.suffixes;
    let found = table
        .longest_at(text, pos)
        .or_else(|| text::after_gap(text, pos).and_then(|p| table.longest_at(text, p)));
    found.is_some_and(|(affix, _)| {
        matches!(affix.meaning, Suffix::Unit(_) | Suffix::Currency(_) | Suffix::Counter { .. })
    })
}

/// True when an East Asian scale is written at `pos`.
fn starts_group(scales: &AffixTable<Scale>, text: &str, pos: usize) -> bool {
    scale_at(scales, text, pos, ScaleClass::Small).is_some()
        || scale_at(scales, text, pos, ScaleClass::Big).is_some()
}

/// The script of a number written in characters: Han ("三十五") or Hangul
/// for Sino-Korean numerals ("삼십오").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Numerals {
    /// Japanese and Chinese digit and scale characters.
    Han,
    /// Sino-Korean digit and scale syllables.
    Hangul,
}

impl Numerals {
    /// True when `c` is written in this script.
    fn has(self, c: char) -> bool {
        match self {
            Numerals::Han => script::is_han(c) || c == '〇',
            Numerals::Hangul => script::is_hangul(c),
        }
    }
}

/// The digit written as a character of `script` at `pos` ("三", "两", "〇",
/// "삼") and the position after it.
fn char_digit(lexicon: &Lexicon, text: &str, pos: usize, script: Numerals) -> Option<(u32, usize)> {
    let c = text::next_char(text, pos).filter(|c| script.has(*c))?;
    let digits = match script {
        Numerals::Han => &lexicon.han_digits,
        Numerals::Hangul => &lexicon.sino_digits,
    };
    let (_, digit) = digits.iter().find(|(d, _)| *d == c)?;
    Some((*digit, pos + c.len_utf8()))
}

/// The digit written as a Han character at `pos` and the position after it.
fn han_digit(lexicon: &Lexicon, text: &str, pos: usize) -> Option<(u32, usize)> {
    char_digit(lexicon, text, pos, Numerals::Han)
}

/// True when a Han digit character is written at `pos`.
pub(crate) fn han_digit_at(lexicon: &Lexicon, text: &str, pos: usize) -> bool {
    han_digit(lexicon, text, pos).is_some()
}

/// True when a Han numeral may start at `pos`: a digit character or a small
/// scale ("十五", "千万").
pub(crate) fn han_starts(lexicon: &Lexicon, text: &str, pos: usize) -> bool {
    starts_numeral(lexicon, text, pos, Numerals::Han)
}

/// True when a numeral of `script` may start at `pos`: a digit or a small scale.
fn starts_numeral(lexicon: &Lexicon, text: &str, pos: usize, script: Numerals) -> bool {
    char_digit(lexicon, text, pos, script).is_some()
        || scale_at(&lexicon.scales, text, pos, ScaleClass::Small)
            .is_some_and(|_| text::next_char(text, pos).is_some_and(|c| script.has(c)))
}

/// The end of the run of digit and scale characters of `script` starting at
/// `pos` (`pos` when there is none): what a numeral that is no figure spans.
pub(crate) fn numeral_run_end(
    lexicon: &Lexicon,
    text: &str,
    pos: usize,
    script: Numerals,
) -> usize {
    let mut end = pos;
    while let Some(c) = text::next_char(text, end).filter(|c| script.has(*c)) {
        let scale = lexicon.scales.longest_at(text, end).is_some_and(|(s, after)| {
            matches!(s.meaning.class, ScaleClass::Small | ScaleClass::Big)
                && after == end + c.len_utf8()
        });
        if !(scale || char_digit(lexicon, text, end, script).is_some()) {
            break;
        }
        end += c.len_utf8();
    }
    end
}

/// The Japanese or Chinese number written in Han characters at `pos`, or a
/// compact range of two ("三至五", "二〜三"): see [`chars_number`].
pub(crate) fn han(lexicon: &Lexicon, text: &str, pos: usize) -> Option<Amount> {
    let low = chars_number(lexicon, text, pos, Numerals::Han)?;
    let high = joiner_end(text, low.end)
        .filter(|&next| han_starts(lexicon, text, next))
        .and_then(|next| chars_number(lexicon, text, next, Numerals::Han))
        .map(|high| (low.low.lend_scale(&high.low), high))
        .filter(|(bound, high)| high.value() > bound.value);
    Some(match high {
        Some((bound, high)) => Amount { end: high.end, low: bound, high: Some(high.low), ..low },
        None => low,
    })
}

/// The Sino-Korean number written in Hangul at `pos`: "이십이" (22),
/// "이백십" (210), "일조" (1e12), also with spaces between its parts ("십
/// 팔" = 18); never digit by digit.
pub(crate) fn sino(lexicon: &Lexicon, text: &str, pos: usize) -> Option<Amount> {
    chars_number(lexicon, text, pos, Numerals::Hangul)
}

/// The number written in characters of `script` at `pos`: "三十五" (35),
/// "二千万" (2e7), "一億二千万" (1.2e8), "一千零五" (1005), or, in Han only,
/// digit by digit, "二〇二五" (2025). Big scales apply cumulatively, as after
/// digits; numbers below one hundred without a big scale are also `bare`, so
/// that they can be a month or a day ("七月二十五日").
fn chars_number(lexicon: &Lexicon, text: &str, pos: usize, script: Numerals) -> Option<Amount> {
    let digit = |at: usize| char_digit(lexicon, text, at, script);
    let mut run = DigitRun { end: pos, value: 0, digits: 0 };
    while let Some((d, end)) = digit(run.end) {
        run.value = run.value.saturating_mul(10).saturating_add(u64::from(d));
        run.digits += 1;
        run.end = end;
    }
    if run.digits >= 2 {
        let value = run.whole().filter(|_| script == Numerals::Han)?;
        return Some(han_amount(pos, run.end, value, false, Some(run)));
    }
    let scales = &lexicon.scales;
    let (mut total, mut section, mut pending) = (0.0, 0.0, None::<f64>);
    let (mut last_small, mut last_big) = (f64::INFINITY, f64::INFINITY);
    let mut big_groups = 0;
    let mut end = pos;
    loop {
        // Sino-Korean numerals may be spaced between their parts.
        let at = match text::after_gap(text, end) {
            Some(next)
                if script == Numerals::Hangul
                    && end > pos
                    && starts_numeral(lexicon, text, next, script) =>
            {
                next
            }
            _ => end,
        };
        if let Some((d, after)) = digit(at) {
            if pending.is_some() {
                break;
            }
            // A zero between scales only marks a gap: "一千零五".
            if d == 0 && at > pos && digit(after).is_some() {
                end = after;
                continue;
            }
            pending = Some(f64::from(d));
            end = after;
        } else if let Some((factor, after)) = scale_at(scales, text, at, ScaleClass::Small)
            .filter(|(factor, _)| *factor < last_small)
            .filter(|_| text::next_char(text, at).is_some_and(|c| script.has(c)))
        {
            section += pending.take().unwrap_or(1.0) * factor;
            last_small = factor;
            end = after;
        } else if let Some((factor, after)) = scale_at(scales, text, at, ScaleClass::Big)
            .filter(|(factor, _)| *factor < last_big && (section > 0.0 || pending.is_some()))
        {
            total += (section + pending.take().unwrap_or(0.0)) * factor;
            (section, last_small, last_big) = (0.0, f64::INFINITY, factor);
            big_groups += 1;
            end = after;
        } else {
            break;
        }
    }
    let mut value = total + section + pending.unwrap_or(0.0);
    let fraction =
        (script == Numerals::Han && end > pos).then(|| han_fraction(lexicon, text, end)).flatten();
    if let Some((decimals, fraction_end)) = fraction {
        value += decimals;
        end = fraction_end;
    }
    // Only a big scale counts as one: "十日間" is ten days, like "10日間".
    let scaled = last_big.is_finite();
    let single_group = big_groups == 1 && section == 0.0 && pending.is_none();
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // below 100
    let bare = (value < 100.0).then_some(DigitRun {
        end,
        value: value as u64,
        digits: if value < 10.0 { 1 } else { 2 },
    });
    (end > pos).then(|| {
        let mut amount = han_amount(pos, end, value, scaled, bare);
        amount.low.group_factor = single_group.then_some(last_big);
        if fraction.is_some() {
            amount.low.integer = false;
            amount.low.bare = None;
        }
        amount
    })
}

/// The decimals written after a Han numeral at `pos`: a point (点, 點)
/// and Han digits ("一百二十点五" is 120.5), and the position after them.
fn han_fraction(lexicon: &Lexicon, text: &str, pos: usize) -> Option<(f64, usize)> {
    let point = ["点", "點"].into_iter().find(|p| text::rest(text, pos).starts_with(p))?;
    let (mut value, mut scale, mut end) = (0.0, 0.1, pos + point.len());
    while let Some((digit, after)) = han_digit(lexicon, text, end) {
        value += f64::from(digit) * scale;
        scale /= 10.0;
        end = after;
    }
    (end > pos + point.len()).then_some((value, end))
}

/// The amount of a small whole number written as one word at `start..end`
/// ("두", "여섯"): like a bare run of digits.
pub(crate) fn word_amount(start: usize, end: usize, value: u32) -> Amount {
    let digits = if value < 10 { 1 } else { 2 };
    let bare = DigitRun { end, value: u64::from(value), digits };
    han_amount(start, end, f64::from(value), false, Some(bare))
}

/// A common fraction written at `pos` ("1/2", "3/4"), its value and end; a
/// whole number and a space may come first ("10 1/2").
pub(crate) fn fraction_at(text: &str, pos: usize) -> Option<(f64, usize)> {
    let fraction = |at: usize| {
        let top = digit_run(text, at).filter(|r| r.digits <= 2)?;
        let bottom = text::rest(text, top.end)
            .strip_prefix('/')
            .and_then(|_| digit_run(text, top.end + 1))
            .filter(|r| r.digits <= 2 && r.value > top.value)?;
        #[allow(clippy::cast_precision_loss)] // two digits
        let value = top.value as f64 / bottom.value as f64;
        text::ends_ascii_word(text, bottom.end).then_some((value, bottom.end))
    };
    let whole = digit_run(text, pos).filter(|r| r.digits <= 3)?;
    if text::rest(text, whole.end).starts_with('/') {
        return fraction(pos);
    }
    #[allow(clippy::cast_precision_loss)] // three digits
    let whole_value = whole.value as f64;
    fraction(text::after_gap(text, whole.end)?).map(|(value, end)| (whole_value + value, end))
}

/// The amount of a fraction written as one word at `start..end` ("半": 0.5).
pub(crate) fn fraction_amount(start: usize, end: usize, value: f64) -> Amount {
    let low = Part { value, scaled: false, integer: false, bare: None, group_factor: None };
    Amount { start, end, low, high: None }
}

/// The amount of a Han numeral.
fn han_amount(
    start: usize,
    end: usize,
    value: f64,
    scaled: bool,
    bare: Option<DigitRun>,
) -> Amount {
    let low = Part { value, scaled, integer: true, bare, group_factor: None };
    Amount { start, end, low, high: None }
}

/// A whole number written at `pos` in digits or Han characters, without
/// separators or scales: a month, a day, a rank.
pub(crate) fn small_whole(lexicon: &Lexicon, text: &str, pos: usize) -> Option<DigitRun> {
    digit_run(text, pos).or_else(|| han(lexicon, text, pos).and_then(|a| a.bare()))
}

/// Roman numerals of levels and phases, longest first: ASCII capitals and
/// the Unicode numeral signs ("III", "Ⅲ").
const ROMAN: [(&str, u32); 20] = [
    ("VIII", 8),
    ("III", 3),
    ("VII", 7),
    ("II", 2),
    ("IV", 4),
    ("IX", 9),
    ("VI", 6),
    ("I", 1),
    ("V", 5),
    ("X", 10),
    ("Ⅰ", 1),
    ("Ⅱ", 2),
    ("Ⅲ", 3),
    ("Ⅳ", 4),
    ("Ⅴ", 5),
    ("Ⅵ", 6),
    ("Ⅶ", 7),
    ("Ⅷ", 8),
    ("Ⅸ", 9),
    ("Ⅹ", 10),
];

/// True for a char of a Roman numeral.
pub(crate) fn is_roman(c: char) -> bool {
    matches!(c, 'I' | 'V' | 'X' | '\u{2160}'..='\u{2169}')
}

/// The Roman numeral from one to ten written at `pos`, and its end.
pub(crate) fn roman(text: &str, pos: usize) -> Option<(u32, usize)> {
    let rest = text::rest(text, pos);
    ROMAN.iter().find(|(numeral, _)| rest.starts_with(numeral)).map(|(n, v)| (*v, pos + n.len()))
}

/// The English number written in words at `pos`: "eight", "twenty-five",
/// "two hundred", "three million".
pub(crate) fn spelled(lexicon: &Lexicon, text: &str, pos: usize) -> Option<Amount> {
    let (mut value, mut end) = cardinal_phrase(&lexicon.number_words, text, pos)?;
    let mut scaled = false;
    if let Some((NumberWord::Hundred, hundred_end)) =
        text::after_gap(text, end).and_then(|p| number_word(&lexicon.number_words, text, p))
    {
        value *= 100.0;
        end = hundred_end;
        if let Some((rest, rest_end)) =
            text::after_gap(text, end).and_then(|p| cardinal_phrase(&lexicon.number_words, text, p))
        {
            value += rest;
            end = rest_end;
        }
    }
    if let Some((factor, scale_end)) =
        scale_at(&lexicon.scales, text, text::skip_gap(text, end), ScaleClass::Word)
    {
        value *= factor;
        end = scale_end;
        scaled = true;
    }
    let low = Part { value, scaled, integer: true, bare: None, group_factor: None };
    Some(Amount { start: pos, end, low, high: None })
}

/// A cardinal below one hundred: "seven", "forty", "twenty-five", "twenty five".
fn cardinal_phrase(
    words: &HashMap<String, NumberWord>,
    text: &str,
    pos: usize,
) -> Option<(f64, usize)> {
    let (NumberWord::Cardinal(tens), end) = number_word(words, text, pos)? else { return None };
    let unit = (tens >= 20 && tens % 10 == 0)
        .then(|| ["-", " "].iter().find(|j| text::rest(text, end).starts_with(**j)))
        .flatten()
        .and_then(|j| number_word(words, text, end + j.len()))
        .filter(|(w, _)| matches!(w, NumberWord::Cardinal(u) if *u < 10));
    Some(match unit {
        Some((NumberWord::Cardinal(u), unit_end)) => (f64::from(tens + u), unit_end),
        _ => (f64::from(tens), end),
    })
}

/// The number word at `pos` and the position after it; the word must be a
/// whole ASCII word.
pub(crate) fn number_word(
    words: &HashMap<String, NumberWord>,
    text: &str,
    pos: usize,
) -> Option<(NumberWord, usize)> {
    let end = text::letters_end(text, pos);
    if end == pos || !text::starts_ascii_word(text, pos) || !text::ends_ascii_word(text, end) {
        return None;
    }
    text::lookup_folded(words, text.get(pos..end)?).map(|w| (*w, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> Lexicon {
        Lexicon::bundled().unwrap()
    }

    #[test]
    fn digits_and_numerals() {
        assert_eq!(digit_at("７", 0), Some((7, 3)));
        assert_eq!(digit_at("x", 0), None);
        assert_eq!(
            digit_run("２０２５年", 0).map(|r| (r.value, r.digits, r.end)),
            Some((2025, 4, 12))
        );
        let cases: &[(&str, Option<(f64, usize)>)] = &[
            ("1,234.5 kg", Some((1234.5, 7))),
            ("1,23", Some((1.0, 1))),
            ("12,345,678", Some((12_345_678.0, 10))),
            ("3.", Some((3.0, 1))),
            ("０．５ミリ", Some((0.5, 9))),
            ("1234567890123456789", None),
        ];
        for (text, expected) in cases {
            assert_eq!(numeral(text, 0).map(|n| (n.times(1.0), n.end)), *expected, "{text}");
        }
    }

    type AmountCase = (&'static str, bool, Option<(f64, Option<f64>, usize)>);

    #[test]
    fn amounts_with_scales_and_ranges() {
        let lexicon = lexicon();
        let cases: &[AmountCase] = &[
            ("2.14 million liters", false, Some((2_140_000.0, None, 12))),
            ("1.2billion", false, Some((1.2e9, None, 10))),
            ("1조 2천억 원", false, Some((1.2e12, None, "1조 2천억".len()))),
            ("2조500억원", false, Some((2.05e12, None, "2조500억".len()))),
            ("23,456만달러", false, Some((2.3456e8, None, "23,456만".len()))),
            ("120조3000억원", false, Some((1.203e14, None, "120조3000억".len()))),
            ("3억 5천만 원", false, Some((3.5e8, None, "3억 5천만".len()))),
            ("3만", false, Some((3e4, None, "3만".len()))),
            ("3만 5천 원", false, Some((35_000.0, None, "3만 5천".len()))),
            ("1만2000원", false, Some((12_000.0, None, "1만2000".len()))),
            ("1만 2000원", false, Some((12_000.0, None, "1만 2000".len()))),
            ("1만 2000", false, Some((1e4, None, "1만".len()))),
            ("3억 2024년", false, Some((3e8, None, "3억".len()))),
            ("1.2亿元", false, Some((1.2e8, None, "1.2亿".len()))),
            ("300億円", false, Some((3e10, None, "300億".len()))),
            ("3천 명", false, Some((3000.0, None, "3천".len()))),
            ("7천 5백만 달러", false, Some((7.5e7, None, "7천 5백만".len()))),
            ("2억 4천 4백만 달러", false, Some((2.44e8, None, "2억 4천 4백만".len()))),
            ("1백억 5천만", false, Some((1.005e10, None, "1백억 5천만".len()))),
            ("30만9천381엔", false, Some((309_381.0, None, "30만9천381".len()))),
            ("1천 2천", false, Some((1000.0, None, "1천".len()))),
            ("500bn", false, Some((500.0, None, 3))),
            ("500bn", true, Some((5e11, None, 5))),
            ("40 m", true, Some((40.0, None, 2))),
            ("500 bn", true, Some((5e11, None, 6))),
            ("3~5%", false, Some((3.0, Some(5.0), 3))),
            ("3 ~ 5년", false, Some((3.0, Some(5.0), 5))),
            ("3–5%", false, Some((3.0, Some(5.0), "3–5".len()))),
            ("3~5억원", false, Some((3e8, Some(5e8), "3~5억".len()))),
            ("100万～200万個", false, Some((1e6, Some(2e6), "100万～200万".len()))),
            ("1.5-2 million", false, Some((1.5e6, Some(2e6), 13))),
            ("2020-2024", false, Some((2020.0, Some(2024.0), 9))),
            ("2020—2024年", false, Some((2020.0, Some(2024.0), "2020—2024".len()))),
            ("5至10家", false, Some((5.0, Some(10.0), "5至10".len()))),
            ("3到5年", false, Some((3.0, Some(5.0), "3到5".len()))),
            ("3 至 5", false, Some((3.0, None, 1))),
            ("5-3", false, Some((5.0, None, 1))),
            ("x", false, None),
        ];
        for (text, abbreviations, expected) in cases {
            let got = amount(&lexicon, text, 0, *abbreviations)
                .map(|a| (a.value(), a.value_max(), a.end));
            assert_eq!(got, *expected, "{text}");
        }
    }

    #[test]
    fn years_are_bare_four_digit_runs() {
        let lexicon = lexicon();
        let years = |text: &str| amount(&lexicon, text, 0, false).and_then(|a| a.years());
        assert_eq!(years("2030"), Some((2030, None)));
        assert_eq!(years("2020-2024"), Some((2020, Some(2024))));
        assert_eq!(years("2,030"), None);
        assert_eq!(years("1899"), None);
        assert_eq!(years("20300"), None);
    }

    #[test]
    fn spelled_numbers() {
        let lexicon = lexicon();
        let cases: &[(&str, Option<(f64, usize)>)] = &[
            ("eight organizations", Some((8.0, 5))),
            ("Nine", Some((9.0, 4))),
            ("twenty-five firms", Some((25.0, 11))),
            ("twenty five firms", Some((25.0, 11))),
            ("twenty-first", Some((20.0, 6))),
            ("two hundred", Some((200.0, 11))),
            ("three hundred forty-two", Some((342.0, 23))),
            ("three million yen", Some((3e6, 13))),
            ("often", None),
            ("tens", None),
        ];
        for (text, expected) in cases {
            assert_eq!(spelled(&lexicon, text, 0).map(|a| (a.value(), a.end)), *expected, "{text}");
        }
    }
}
