//! What may follow a measured figure and add to it: a half ("1時間半"), a
//! smaller unit ("5 feet 2 inches"), cents ("2ドル30セント", "15 dollars
//! and 50") and a scale word after a currency code ("75 USD million").

use super::lexicon::{Marker, Suffix};
use super::number::{self, Amount};
use super::state::Scan;
use super::text;
use crate::model::{Figure, FigureKind, Span};

/// Units and the smaller unit written after them, and how many of the
/// smaller make one of the larger.
const SUBUNITS: [(&str, &str, f64); 2] = [("ft", "in", 12.0), ("lb", "oz", 16.0)];

/// Joiners between a figure and what is added to it.
const JOINERS: [&str; 4] = [" and ", "と", " ", ""];

/// `figure`, a unit ending its span, extended by a half written right
/// after it ("1時間半", "三年半"): `factor` converts the half like the unit.
pub(crate) fn with_half(scan: &Scan<'_>, figure: Figure, factor: f64) -> Figure {
    let rest = text::rest(scan.text, figure.span.end);
    let half = scan.lexicon.cjk.half.iter().find(|h| rest.starts_with(h.as_str()));
    match half {
        Some(half) if figure.value_max.is_none() => {
            let end = figure_end(&figure) + half.len();
            extended(figure, end, 0.5 * factor)
        }
        _ => figure,
    }
}

/// "5 feet 2 inches", "12 ft 2 in", "3 lb and 4 oz": `figure` in `unit`
/// extended by a number of the smaller unit written after it.
pub(crate) fn with_subunit(scan: &Scan<'_>, figure: Figure, unit: &str) -> Figure {
    let Some((_, small, ratio)) = SUBUNITS.iter().find(|(big, _, _)| *big == unit) else {
        return figure;
    };
    let text = scan.text;
    let added = JOINERS[..3].iter().find_map(|joiner| {
        let at = figure_end(&figure) + joiner.len();
        if !text::rest(text, figure_end(&figure)).starts_with(joiner) {
            return None;
        }
        let amount = number::amount(scan.lexicon, text, at, false)?;
        let unit_at = text::skip_gap(text, amount.end);
        let word = text::rest(text, unit_at);
        let end = match scan.lexicon.suffixes.longest_at(text, unit_at) {
            Some((affix, end)) if matches!(&affix.meaning, Suffix::Unit(u) if u.symbol == *small) => end,
            _ if word.starts_with(small) && text::ends_ascii_word(text, unit_at + small.len()) => {
                unit_at + small.len()
            }
            _ => return None,
        };
        (amount.high.is_none()).then(|| (amount.value() / ratio, end))
    });
    match added {
        Some((value, end)) if figure.value_max.is_none() => extended(figure, end, value),
        _ => figure,
    }
}

/// "2ドル30セント", "3 dollars and 5 cents", "15 dollars and 50": an amount
/// of money extended by the cents written after it, with the cents word, or
/// without it after a currency word when the number ends the clause.
pub(crate) fn with_cents(scan: &Scan<'_>, figure: Figure) -> Figure {
    if figure.kind != FigureKind::Money || figure.value_max.is_some() {
        return figure;
    }
    let text = scan.text;
    let end = figure_end(&figure);
    let after_word = text::prev_char(text, end).is_some_and(|c| c.is_alphabetic());
    let added = JOINERS.iter().find_map(|joiner| {
        let glued =
            joiner.is_empty() && text::prev_char(text, end).is_some_and(text::is_ascii_word);
        if !text::rest(text, end).starts_with(joiner) || glued {
            return None;
        }
        let at = end + joiner.len();
        let cents = number::amount(scan.lexicon, text, at, false)
            .or_else(|| number::spelled(scan.lexicon, text, at))
            .filter(|a| a.high.is_none() && a.integer() && a.value() < 100.0)?;
        let word_at = text::skip_gap(text, cents.end);
        match scan.lexicon.suffixes.longest_at(text, word_at) {
            Some((affix, word_end)) if affix.meaning == Suffix::Marker(Marker::Cents) => {
                Some((cents.value() / 100.0, word_end))
            }
            _ => {
                let clause_ends =
                    text::next_char(text, cents.end).is_none_or(|c| !c.is_alphanumeric());
                (after_word && !joiner.is_empty() && clause_ends)
                    .then(|| (cents.value() / 100.0, cents.end))
            }
        }
    });
    match added {
        Some((value, end)) => extended(figure, end, value),
        None => figure,
    }
}

/// "75 USD million": an amount of money before a currency code, times the
/// scale word written after the code.
pub(crate) fn with_scale(scan: &Scan<'_>, figure: Figure, amount: &Amount) -> Figure {
    if amount.scaled() {
        return figure;
    }
    let at = text::skip_gap(scan.text, figure_end(&figure));
    match number::scale_word_at(scan.lexicon, scan.text, at) {
        Some((factor, end)) if at > figure_end(&figure) => Figure {
            span: Span::new(figure.span.start, end),
            value: figure.value.map(|v| v * factor),
            value_max: figure.value_max.map(|v| v * factor),
            ..figure
        },
        _ => figure,
    }
}

/// The end of `figure`'s span.
fn figure_end(figure: &Figure) -> usize {
    figure.span.end
}

/// `figure` with its span ending at `end` and `added` to its value.
fn extended(figure: Figure, end: usize, added: f64) -> Figure {
    Figure {
        span: Span::new(figure.span.start, end),
        value: figure.value.map(|v| v + added),
        ..figure
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{check, duration, money, quantity};
    use crate::model::Lang;

    #[test]
    fn additions_after_a_figure() {
        check(
            &[
                ("she is 5 feet 6 inches tall", &[quantity("5 feet 6 inches", 5.5, "ft")]),
                ("a 7 ft 3 in pole", &[quantity("7 ft 3 in", 7.25, "ft")]),
                ("it was 20 dollars and 25.", &[money("20 dollars and 25", 20.25, "USD")]),
                ("4 dollars 10 cents each", &[money("4 dollars 10 cents", 4.1, "USD")]),
                ("paid 75 USD million", &[money("75 USD million", 7.5e7, "USD")]),
                ("$5 and 10 more", &[money("$5", 5.0, "USD")]),
            ],
            Lang::En,
        );
        check(
            &[
                ("2ドル30セント", &[money("2ドル30セント", 2.3, "USD")]),
                ("2時間半", &[duration("2時間半", 2.5, "hour")]),
            ],
            Lang::Ja,
        );
    }
}
