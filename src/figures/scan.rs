//! The walk through one sentence: find the places where a figure may start
//! (a digit, or a word from [`WordIndex`]: an English number word, month or
//! level name, a Korean native numeral, a Han numeral), ask the grammars what
//! is written there, and keep the figures in order without overlap.
//!
//! The grammar runs only at those places, so text without numbers costs one
//! byte scan for digits and one Aho-Corasick pass for number words.

use super::affix::Affix;
use super::lexicon::{Currency, Lexicon, Marker, NumberWord, Prefix, ScaleClass, Suffix};
use super::number::{self, Amount};
use super::state::{Scan, Step, figure, ranged};
use super::{cjk, compound, dates, english, guard, korean, text};
use crate::model::{Figure, FigureKind, Lang, Span};
use crate::script;
use crate::words::LongestWords;

/// Levels and ranks written with a marker are at most this.
const MAX_MARKED_LEVEL: f64 = 10.0;

/// What a word found by [`WordIndex`] may start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lead {
    /// An English number word: cardinal or ordinal.
    NumberWord,
    /// An English month name.
    Month,
    /// "Level", "Phase"...
    Level,
    /// 번째 after a Korean native numeral.
    NativeOrdinal,
    /// A Korean native numeral: "두", "여섯".
    Native(u32),
    /// A Han digit or small scale that may start a number: "三", "两", "十".
    Han,
    /// A Sino-Korean digit or small scale: "삼", "십".
    Sino,
    /// A Japanese era before its year ("令和"), the year before its first year.
    Era(i32),
    /// A Han phase marker ("相", "期") after a Roman numeral ("第III相", "Ⅱ期").
    Phase,
    /// A word for one half ("半").
    Half,
}

/// The words that may start a figure without a digit, in one automaton.
#[derive(Clone, Debug)]
pub(crate) struct WordIndex {
    automaton: LongestWords,
    leads: Vec<Lead>,
}

impl WordIndex {
    /// The index over the number words, Japanese eras, months, level names,
    /// Han phase markers and Korean rank suffixes of `lexicon`.
    pub(crate) fn new(lexicon: &Lexicon) -> Self {
        let mut patterns: Vec<&str> = Vec::new();
        let mut leads = Vec::new();
        for (word, meaning) in &lexicon.number_words {
            let lead = match meaning {
                NumberWord::Cardinal(_) | NumberWord::Ordinal(_) => Lead::NumberWord,
                NumberWord::Native(value) => Lead::Native(*value),
                NumberWord::Han(_) => Lead::Han,
                NumberWord::Sino(_) => Lead::Sino,
                NumberWord::Hundred => continue,
            };
            patterns.push(word);
            leads.push(lead);
        }
        for affix in lexicon.prefixes.entries() {
            let lead = match affix.meaning {
                Prefix::Era(base) => Lead::Era(base),
                Prefix::Percent(_) if affix.surface.chars().all(script::is_han) => Lead::Han,
                _ => continue,
            };
            patterns.push(&affix.surface);
            leads.push(lead);
        }
        for scale in lexicon.scales.entries() {
            if scale.meaning.class != ScaleClass::Small {
                continue;
            }
            if scale.surface.chars().all(script::is_han) {
                patterns.push(&scale.surface);
                leads.push(Lead::Han);
            } else if scale.surface.chars().all(script::is_hangul) {
                patterns.push(&scale.surface);
                leads.push(Lead::Sino);
            }
        }
        for (word, roles) in &lexicon.english {
            for (has, lead) in
                [(roles.month.is_some(), Lead::Month), (roles.level.is_some(), Lead::Level)]
            {
                if has {
                    patterns.push(word);
                    leads.push(lead);
                }
            }
        }
        for affix in lexicon.suffixes.entries() {
            if matches!(affix.meaning, Suffix::Marker(Marker::Level(_) | Marker::TrialPhase(_)))
                && affix.surface.chars().all(script::is_han)
            {
                patterns.push(&affix.surface);
                leads.push(Lead::Phase);
            }
            if affix.meaning == Suffix::Marker(Marker::Ordinal)
                && affix.surface.chars().all(|c| c == ' ' || script::is_hangul(c))
            {
                patterns.push(&affix.surface);
                leads.push(Lead::NativeOrdinal);
            }
        }
        for word in &lexicon.cjk.half {
            patterns.push(word);
            leads.push(Lead::Half);
        }
        // A full DFA: a few hundred short words make a small one, and it
        // scans text without figures fastest.
        WordIndex { automaton: LongestWords::new(&patterns, true), leads }
    }
}

impl<'a> Scan<'a> {
    /// Every figure of the sentence, in order, spans shifted by `base`.
    /// Returns the number of places the grammar was run at: each step reads
    /// a bounded stretch or skips what it read, so the walk is linear.
    pub(crate) fn run(mut self, words: &WordIndex, base: usize, out: &mut Vec<Figure>) -> usize {
        let mut pos = 0;
        let mut steps = 0;
        // The next word and digit at or after `pos`, searched again only once
        // passed; `None` means there are no more.
        let mut word = words.automaton.find(self.text, 0);
        let mut digit = next_digit(self.text, 0);
        while pos < self.text.len() {
            if word.is_some_and(|(_, span)| span.start < pos) {
                word = words.automaton.find(self.text, pos);
            }
            if digit.is_some_and(|d| d < pos) {
                digit = next_digit(self.text, pos);
            }
            let step = match (digit, word) {
                (None, None) => break,
                (Some(d), Some((w, span))) if span.start < d => {
                    self.at_word(words.leads[w], span.start, span.end)
                }
                (None, Some((w, span))) => self.at_word(words.leads[w], span.start, span.end),
                (Some(d), _) => self.at_digit(d),
            };
            steps += 1;
            match step {
                Step::Found(figure) => {
                    let mut figure = self.signed(figure);
                    pos = figure.span.end;
                    self.floor = pos;
                    figure.span = Span::new(figure.span.start + base, figure.span.end + base);
                    out.push(figure);
                }
                Step::Skip(end) => pos = end.max(pos + 1),
            }
            while !self.text.is_char_boundary(pos) {
                pos += 1;
            }
        }
        steps
    }

    fn at_word(&mut self, lead: Lead, start: usize, end: usize) -> Step {
        let found = match lead {
            Lead::NumberWord => {
                match number::number_word(&self.lexicon.number_words, self.text, start) {
                    Some((NumberWord::Cardinal(_), _)) => english::spelled(self, start),
                    Some((NumberWord::Ordinal(rank), word_end)) => {
                        english::ordinal_word(self, start, word_end, rank)
                    }
                    _ => None,
                }
            }
            Lead::Month => english::month_date(self, start, end),
            Lead::Level => english::level(self, start, end),
            Lead::NativeOrdinal => korean::native_ordinal(self, start, end),
            Lead::Native(value) => korean::native_count(self, start, end, value),
            Lead::Han => return self.han_numeral(start, end),
            Lead::Sino => return korean::sino_numeral(self, start, end),
            Lead::Era(base) => dates::era_year(self, start, end, base),
            Lead::Phase => cjk::roman_phase(self, start, end),
            Lead::Half => cjk::half(self, start, end),
        };
        found.map_or(Step::Skip(end), Step::Found)
    }

    fn at_digit(&mut self, pos: usize) -> Step {
        let text = self.text;
        let run_end = number::digit_run(text, pos).map_or(pos + 1, |r| r.end);
        let prefix =
            self.lexicon.prefixes.longest_before(text, pos).filter(|(_, start)| self.free(*start));
        let start = prefix.map_or(pos, |(_, start)| start);
        if guard::identifier_before(text, start) {
            return Step::Skip(guard::token_end(text, pos));
        }
        if let Some(end) = guard::phone_number(text, pos) {
            return Step::Skip(end);
        }
        if guard::list_number(text, pos, self.starts_line) {
            return Step::Skip(run_end);
        }
        match prefix.map(|(affix, start)| (&affix.meaning, start)) {
            Some((Prefix::Ordinal, start)) => return self.prefixed_ordinal(start, pos),
            Some((Prefix::Percent(factor), start)) => {
                return self.prefixed_percent(*factor, start, pos);
            }
            Some((Prefix::Currency(currency), start)) => {
                let code = currency_code(currency, self.doc_lang);
                return self.prefixed_money(code, start, pos);
            }
            Some((Prefix::Temperature(unit), start)) => {
                return self.prefixed_temperature(unit, start, pos, false);
            }
            Some((Prefix::Minus, minus_start)) => {
                let scale = self.lexicon.prefixes.longest_before(text, minus_start);
                if let Some((Prefix::Temperature(unit), start)) =
                    scale.map(|(affix, start)| (&affix.meaning, start))
                {
                    return self.prefixed_temperature(unit, start, pos, true);
                }
            }
            Some((Prefix::Era(_), _)) | None => {}
        }
        let month_first = self.lang == Lang::En;
        let date = dates::numeric(text, pos, month_first)
            .or_else(|| english::day_month(self, pos))
            .or_else(|| english::year_month_day(self, pos));
        if let Some(figure) = date {
            return Step::Found(figure);
        }
        let Some(amount) = number::amount(self.lexicon, text, pos, false) else {
            return Step::Skip(run_end);
        };
        if let Some(figure) = self.level_pair(&amount) {
            return Step::Found(figure);
        }
        if let Some(figure) = self.fraction_measure(pos) {
            return Step::Found(figure);
        }
        if guard::code_continues(text, amount.end) {
            return Step::Skip(guard::token_end(text, pos));
        }
        if let Some(step) = self.measure(&amount) {
            return step;
        }
        if let Some(figure) = english::ordinal_suffix(self, &amount) {
            return Step::Found(figure);
        }
        if text::next_char(text, amount.end).is_some_and(|c| c.is_ascii_alphabetic()) {
            return Step::Skip(guard::token_end(text, pos));
        }
        if let Some((year, year_max)) = amount.years() {
            let mut figure =
                figure(FigureKind::Year, amount.start, amount.end, Some(f64::from(year)));
            figure.value_max = year_max.map(f64::from);
            return Step::Found(figure);
        }
        english::count(self, &amount).map_or(Step::Skip(amount.end), Step::Found)
    }

    /// A percentage, amount or quantity with a minus sign right before it
    /// ("-3.2%", after a space, an opening bracket or a char of another
    /// script), or a minus word of the lexicon ("负3.9%", "마이너스 5%"): negative.
    fn signed(&self, figure: Figure) -> Figure {
        let kind =
            matches!(figure.kind, FigureKind::Percent | FigureKind::Money | FigureKind::Quantity);
        if !kind || figure.value_max.is_some() {
            return figure;
        }
        match self.sign_before(figure.span.start).filter(|s| self.free(*s)) {
            Some(sign_start) => Figure {
                span: Span::new(sign_start, figure.span.end),
                value: figure.value.map(|v| -v),
                ..figure
            },
            None => figure,
        }
    }

    /// The start of a minus sign right before the digits at `start`, or of
    /// a minus word written before `start`.
    fn sign_before(&self, start: usize) -> Option<usize> {
        let text = self.text;
        let sign = text::prev_char(text, start).filter(|c| ['-', '−'].contains(c));
        if let Some(sign) = sign.filter(|_| number::digit_at(text, start).is_some()) {
            let sign_start = start - sign.len_utf8();
            let opens = text::prev_char(text, sign_start)
                .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[') || !c.is_ascii());
            // "75 -300mm" is a range, not a negative number.
            let before = text.get(..sign_start).unwrap_or("").trim_end_matches(' ');
            let after_number = before.ends_with(|c: char| c.is_ascii_digit());
            return (opens && !after_number).then_some(sign_start);
        }
        match self.lexicon.prefixes.longest_before(text, start) {
            Some((affix, sign_start)) if affix.meaning == Prefix::Minus => Some(sign_start),
            _ => None,
        }
    }

    /// "섭씨 20도", "華氏98.6度", "화씨 마이너스 5도": a temperature written
    /// after its scale, negative after a minus word.
    fn prefixed_temperature(&self, unit: &str, start: usize, pos: usize, negative: bool) -> Step {
        let Some(amount) = number::amount(self.lexicon, self.text, pos, false) else {
            return Step::Skip(pos + 1);
        };
        let end = match self.suffix_after(amount.end) {
            Some((affix, end)) if affix.meaning == Suffix::Marker(Marker::Degree) => end,
            _ => amount.end,
        };
        let mut figure = with_unit(FigureKind::Quantity, start, end, &amount, unit);
        if negative {
            figure.value = figure.value.map(|v| -v);
            figure.value_max = figure.value_max.map(|v| -v);
        }
        Step::Found(figure)
    }

    /// "$1.2 billion", "KRW 500bn", "₩1,000".
    fn prefixed_money(&self, code: &str, start: usize, pos: usize) -> Step {
        match number::amount(self.lexicon, self.text, pos, true) {
            Some(amount) if !guard::code_continues(self.text, amount.end) => {
                Step::Found(with_unit(FigureKind::Money, start, amount.end, &amount, code))
            }
            _ => Step::Skip(guard::token_end(self.text, pos)),
        }
    }

    /// "三十五人", "二千万円", "两家企业", "第三次", "二〇二五年", "百分之十五":
    /// a number written in Han characters at `start` and what is written
    /// around it. A lone "一" is a determiner ("一家", "一些"), and a number
    /// after a vague word ("数十家", "几十") is no figure.
    fn han_numeral(&mut self, start: usize, end: usize) -> Step {
        let text = self.text;
        if let Some((affix, after)) = self.lexicon.prefixes.longest_at(text, start)
            && let Prefix::Percent(factor) = affix.meaning
        {
            return self.prefixed_percent(factor, start, after);
        }
        let after_numeral = text::prev_char(text, start).is_some_and(|c| {
            self.lexicon.cjk.vague.contains(&c)
                || number::han_starts(self.lexicon, text, start - c.len_utf8())
        });
        // The rest of a numeral that is no figure, or one too long to be a
        // number, is skipped whole.
        let Some(amount) =
            (!after_numeral).then(|| number::han(self.lexicon, text, start)).flatten()
        else {
            let run_end = number::numeral_run_end(self.lexicon, text, start, number::Numerals::Han);
            return Step::Skip(run_end.max(end));
        };
        let prefix = self.lexicon.prefixes.longest_before(text, start);
        if let Some((Prefix::Ordinal, prefix_start)) =
            prefix.filter(|(_, s)| self.free(*s)).map(|(affix, s)| (&affix.meaning, s))
        {
            return self.prefixed_ordinal(prefix_start, start);
        }
        // "一" counts only before a unit or a currency ("一吨", "一美元").
        let measured = || {
            self.suffix_after(amount.end).is_some_and(|(affix, _)| {
                matches!(affix.meaning, Suffix::Unit(_) | Suffix::Currency(_))
            })
        };
        if amount.value() < 2.0 && !amount.scaled() && amount.high.is_none() && !measured() {
            return Step::Skip(amount.end);
        }
        // A scale alone counts in idioms rather than in numbers ("百家争鸣").
        let scale_alone = amount.end == end && !number::han_digit_at(self.lexicon, text, start);
        match self.measure(&amount) {
            Some(Step::Found(figure)) if scale_alone && figure.kind == FigureKind::Count => {
                Step::Skip(amount.end)
            }
            Some(found @ Step::Found(_)) => found,
            _ => Step::Skip(amount.end),
        }
    }

    /// "百分之十五", "百分之3.5": a percentage written before its number at `pos`.
    /// `factor` converts the number to percent ("千分之五" is 0.5%).
    fn prefixed_percent(&self, factor: f64, start: usize, pos: usize) -> Step {
        let amount = number::amount(self.lexicon, self.text, pos, true)
            .or_else(|| number::han(self.lexicon, self.text, pos));
        match amount {
            Some(amount) => {
                let mut figure = with_unit(FigureKind::Percent, start, amount.end, &amount, "%");
                figure.value = figure.value.map(|v| v * factor);
                figure.value_max = figure.value_max.map(|v| v * factor);
                Step::Found(figure)
            }
            None => Step::Skip(pos),
        }
    }

    /// "제6회", "第6回", "第三次", "第3万回": a rank prefix, a whole number
    /// and what it counts; or a level after the prefix ("第2相", "第三期临床",
    /// "제2단계"). After a Han prefix, a number without scale that ends the
    /// word is a rank too ("第十四", "第２５０").
    fn prefixed_ordinal(&self, start: usize, pos: usize) -> Step {
        let text = self.text;
        let amount = number::amount(self.lexicon, text, pos, false)
            .or_else(|| number::han(self.lexicon, text, pos))
            .filter(|a| a.high.is_none() && a.integer());
        let Some(amount) = amount else {
            return Step::Skip(pos + 1);
        };
        let rank = Some(amount.value());
        let Some((affix, end)) = self.lexicon.suffixes.longest_at(text, amount.end) else {
            let han_prefix = text::next_char(text, start).is_some_and(script::is_han);
            let word_ends = !text::next_char(text, amount.end).is_some_and(char::is_alphanumeric);
            return if han_prefix && word_ends && !amount.scaled() {
                Step::Found(figure(FigureKind::Ordinal, start, amount.end, rank))
            } else {
                Step::Skip(amount.end)
            };
        };
        let level = |subject: &str| {
            let mut figure = figure(FigureKind::Level, start, end, rank);
            figure.subject = Some(subject.to_owned());
            Step::Found(figure)
        };
        match &affix.meaning {
            Suffix::Marker(Marker::Level(subject)) => level(subject),
            Suffix::Marker(Marker::TrialPhase(subject)) if cjk::clinical_beside(self, pos, end) => {
                level(subject)
            }
            Suffix::Counter { .. }
            | Suffix::Marker(
                Marker::OrdinalCounter
                | Marker::Ordinal
                | Marker::RankOrPeople
                | Marker::TrialPhase(_),
            ) => {
                let mut figure = figure(FigureKind::Ordinal, start, end, rank);
                figure.subject = korean::subject_after(self, end);
                Step::Found(figure)
            }
            _ => Step::Skip(amount.end),
        }
    }

    /// "1/4 mile", "10 1/2 miles", "3/4 hour": a common fraction before a
    /// unit of measure or of time.
    fn fraction_measure(&mut self, pos: usize) -> Option<Figure> {
        let (value, end) = number::fraction_at(self.text, pos)?;
        match self.measure(&number::fraction_amount(pos, end, value))? {
            Step::Found(figure)
                if matches!(figure.kind, FigureKind::Quantity | FigureKind::Duration) =>
            {
                Some(figure)
            }
            _ => None,
        }
    }

    /// "1/2상", "1/2期临床": two levels joined by a slash before a level
    /// marker, a range.
    fn level_pair(&mut self, amount: &Amount) -> Option<Figure> {
        amount.bare()?;
        let next = amount.end + text::rest(self.text, amount.end).strip_prefix('/').map(|_| 1)?;
        let high = number::amount(self.lexicon, self.text, next, false)?;
        let pair = Amount { end: high.end, high: Some(high.low), ..*amount };
        match self.measure(&pair) {
            Some(Step::Found(figure)) if figure.kind == FigureKind::Level => Some(figure),
            _ => None,
        }
    }

    /// The figure made by a number and what is written after it: a unit, a
    /// currency, a counter or a calendar, rank or level marker.
    pub(crate) fn measure(&mut self, amount: &Amount) -> Option<Step> {
        let (suffix, end) = self.suffix_after(amount.end)?;
        let found = match &suffix.meaning {
            Suffix::Unit(unit) => {
                if unit.kind == FigureKind::Duration && amount.scaled() {
                    return None;
                }
                let in_percent =
                    amount.value() >= 10.0 && self.lexicon.cjk.discount.contains(&suffix.surface);
                let factor = if in_percent { 1.0 } else { unit.factor };
                let mut figure = with_unit(unit.kind, amount.start, end, amount, &unit.symbol);
                figure.value = figure.value.map(|v| v * factor);
                figure.value_max = figure.value_max.map(|v| v * factor);
                let figure = self.repeated_range(figure, amount, suffix, factor);
                let figure = compound::with_half(self, figure, factor);
                compound::with_subunit(self, figure, &unit.symbol)
            }
            Suffix::Currency(currency) => {
                let figure = with_unit(
                    FigureKind::Money,
                    amount.start,
                    end,
                    amount,
                    currency_code(currency, self.doc_lang),
                );
                let figure = self.repeated_range(figure, amount, suffix, 1.0);
                let figure = compound::with_scale(self, figure, amount);
                compound::with_cents(self, figure)
            }
            Suffix::Counter { noun_follows } => {
                self.count_with_counter(amount, &suffix.surface, end, *noun_follows)
            }
            Suffix::Marker(Marker::Year) => return dates::year_marker(self, amount, end),
            Suffix::Marker(Marker::Month) => return dates::month_marker(self, amount, end),
            Suffix::Marker(Marker::Day) => return dates::day_marker(self, amount, end),
            Suffix::Marker(Marker::RankOrPeople) if self.lang == Lang::Zh => {
                self.count_with_counter(amount, &suffix.surface, end, true)
            }
            Suffix::Marker(Marker::Ordinal | Marker::RankOrPeople) => {
                if !amount.integer() || amount.high.is_some() {
                    return None;
                }
                let mut figure =
                    figure(FigureKind::Ordinal, amount.start, end, Some(amount.value()));
                figure.subject = korean::subject_after(self, end);
                figure
            }
            Suffix::Marker(Marker::OrdinalCounter) => return Some(Step::Skip(end)),
            Suffix::Marker(Marker::TrialPhase(subject))
                if cjk::clinical_beside(self, amount.start, end) =>
            {
                return Some(marked_level(amount, end, subject));
            }
            Suffix::Marker(Marker::TrialPhase(_)) => return Some(Step::Skip(end)),
            Suffix::Marker(Marker::Level(subject)) => {
                return Some(marked_level(amount, end, subject));
            }
            Suffix::Marker(
                Marker::Approx
                | Marker::NotUnit
                | Marker::MonthDay
                | Marker::Degree
                | Marker::Cents,
            ) => return None,
        };
        Some(Step::Found(found))
    }

    /// "45개 기업", "3명", "12个品种": a count with a counter, and the counted
    /// noun when it follows.
    fn count_with_counter(
        &self,
        amount: &Amount,
        counter: &str,
        counter_end: usize,
        noun_follows: bool,
    ) -> Figure {
        let korean = counter.chars().next_back().is_some_and(script::is_hangul);
        let noun = noun_follows
            .then(|| {
                if korean {
                    korean::counted_noun(self, counter_end)
                } else {
                    cjk::counted_noun(self, counter_end)
                }
            })
            .flatten();
        let (end, subject) = noun.map_or((counter_end, counter), |(noun, end)| (end, noun));
        let mut figure = ranged(FigureKind::Count, amount.start, end, amount);
        figure.subject = Some(subject.to_owned());
        figure
    }

    /// Extends "3%" to "3%~5%": a range whose bounds both carry the unit;
    /// `factor` converts the upper bound like the lower one.
    fn repeated_range(
        &self,
        figure: Figure,
        amount: &Amount,
        suffix: &Affix<Suffix>,
        factor: f64,
    ) -> Figure {
        if amount.high.is_some() {
            return figure;
        }
        let high = range_start(self.text, figure.span.end)
            .and_then(|next| number::amount(self.lexicon, self.text, next, false))
            .filter(|high| high.high.is_none() && high.value() > amount.value());
        match high.and_then(|high| self.suffix_after(high.end).map(|found| (high, found))) {
            Some((high, (same, end))) if same.surface == suffix.surface => Figure {
                span: Span::new(figure.span.start, end),
                value_max: Some(high.value() * factor),
                ..figure
            },
            _ => figure,
        }
    }
}

/// The position of the next digit (ASCII or full-width) at or after `pos`.
fn next_digit(text: &str, pos: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = pos;
    while let Some(offset) = bytes.get(at..)?.iter().position(|&b| b.is_ascii_digit() || b == 0xEF)
    {
        at += offset;
        if number::digit_at(text, at).is_some() {
            return Some(at);
        }
        at += 1;
    }
    None
}

/// The start of the upper bound after a range joiner at `pos` ("~", "-").
fn range_start(text: &str, pos: usize) -> Option<usize> {
    ["~", "～", "〜", "-", "–", "—"]
        .iter()
        .find(|j| text::rest(text, pos).starts_with(**j))
        .map(|j| pos + j.len())
        .filter(|&p| number::digit_at(text, p).is_some())
}

/// "3단계", "임상 2상", "三期临床": a level written with a marker ending at
/// `end`; whole numbers up to ten only.
fn marked_level(amount: &Amount, end: usize, subject: &str) -> Step {
    if !amount.integer() || amount.value_max().unwrap_or(amount.value()) > MAX_MARKED_LEVEL {
        return Step::Skip(end);
    }
    let mut figure = ranged(FigureKind::Level, amount.start, end, amount);
    figure.subject = Some(subject.to_owned());
    Step::Found(figure)
}

/// The ISO code of `currency` in a document of `lang`.
fn currency_code(currency: &Currency, lang: Lang) -> &str {
    match (&currency.code_in_chinese, lang) {
        (Some(code), Lang::Zh) => code,
        _ => &currency.code,
    }
}

/// A figure carrying the value, upper bound and unit of `amount`.
fn with_unit(kind: FigureKind, start: usize, end: usize, amount: &Amount, unit: &str) -> Figure {
    Figure { unit: Some(unit.to_owned()), ..ranged(kind, start, end, amount) }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{EXTRACTOR, figures};
    use super::*;

    /// The figures of `text` as one sentence, and the number of steps the walk took.
    fn walk(text: &str, lang: Lang) -> (usize, usize) {
        let mut out = Vec::new();
        let scan = Scan::new(&EXTRACTOR.lexicon, text, true, lang, lang);
        let steps = scan.run(&EXTRACTOR.words, 0, &mut out);
        (out.len(), steps)
    }

    #[test]
    fn a_long_run_that_is_no_number_is_skipped_in_a_step_or_two() {
        let runs = [
            ("一".repeat(5000), Lang::Zh),
            ("二〇".repeat(5000), Lang::Ja),
            ("十".repeat(5000), Lang::Zh),
            ("零".repeat(5000), Lang::Zh),
            ("第".repeat(5000), Lang::Zh),
            ("1".repeat(5000), Lang::En),
            ("1,".repeat(5000), Lang::En),
            ("1.".repeat(5000), Lang::En),
            (",".repeat(5000), Lang::En),
            (" ".repeat(5000), Lang::En),
        ];
        for (text, lang) in runs {
            let (found, steps) = walk(&text, lang);
            let head: String = text.chars().take(4).collect();
            assert_eq!((found, steps <= 2), (0, true), "{head}… took {steps} steps");
        }
    }

    #[test]
    fn a_long_chain_of_joined_numbers_is_read_once_per_number() {
        let chain = (10_001..=12_000).map(|n| n.to_string()).collect::<Vec<_>>().join(" or ");
        let text = format!("{chain} companies");
        let (found, steps) = walk(&text, Lang::En);
        assert_eq!((found, steps), (2, 2000));
        let values: Vec<_> = figures(&text, Lang::En).iter().map(|f| f.value).collect();
        assert_eq!(values, [Some(11_999.0), Some(12_000.0)]);
    }
}
