//! The bundled lexicons: small TSV tables in `lexicons/`, embedded in the
//! binary and parsed once into typed tables. This module knows the file
//! formats; the grammar modules only read the tables.
//!
//! Every file is UTF-8 text, one entry a line, columns separated by one tab.
//! Lines starting with `#` and blank lines are skipped. A bundled file that
//! does not parse is a bug, caught by this module's tests.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::affix::{Affix, AffixTable};
use crate::model::FigureKind;

/// A bundled lexicon file.
struct Source {
    name: &'static str,
    text: &'static str,
}

macro_rules! source {
    ($name:literal) => {
        Source { name: $name, text: include_str!(concat!("lexicons/", $name)) }
    };
}

const UNITS: Source = source!("units.tsv");
const CURRENCIES: Source = source!("currencies.tsv");
const SCALES: Source = source!("scales.tsv");
const COUNTERS: Source = source!("counters.tsv");
const MARKERS: Source = source!("markers.tsv");
const NUMBER_WORDS: Source = source!("number_words.tsv");
const ENGLISH: Source = source!("english.tsv");
const KOREAN: Source = source!("korean.tsv");
const CJK: Source = source!("cjk.tsv");

/// A line of a lexicon that does not parse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct LexiconError {
    /// File name inside `lexicons/`.
    pub file: &'static str,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong with the line.
    pub message: String,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "lexicon `{}` line {}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for LexiconError {}

/// One data line of a lexicon, split into its columns.
struct Row<'a> {
    file: &'static str,
    line: usize,
    columns: Vec<&'a str>,
}

impl<'a> Row<'a> {
    fn error(&self, message: impl Into<String>) -> LexiconError {
        LexiconError { file: self.file, line: self.line, message: message.into() }
    }

    fn surface(&self) -> &'a str {
        self.columns[0]
    }

    fn column(&self, index: usize) -> &'a str {
        self.columns[index]
    }

    /// A column where `-` means "none".
    fn optional(&self, index: usize) -> Option<&'a str> {
        Some(self.columns[index]).filter(|c| *c != "-")
    }

    fn number(&self, index: usize) -> Result<f64, LexiconError> {
        let text = self.column(index);
        text.parse::<f64>()
            .ok()
            .filter(|v| v.is_finite() && *v > 0.0)
            .ok_or_else(|| self.error(format!("`{text}` is not a positive number")))
    }

    fn whole_number(&self, index: usize) -> Result<u32, LexiconError> {
        let text = self.column(index);
        text.parse::<u32>().map_err(|_| self.error(format!("`{text}` is not a whole number")))
    }

    fn unknown(&self, index: usize) -> LexiconError {
        self.error(format!("unknown value `{}` in column {}", self.column(index), index + 1))
    }
}

/// The data lines of `source`, each with exactly `width` non-empty columns.
fn rows(source: &Source, width: usize) -> Result<Vec<Row<'static>>, LexiconError> {
    parse_rows(source.name, source.text, width)
}

fn parse_rows<'a>(
    file: &'static str,
    text: &'a str,
    width: usize,
) -> Result<Vec<Row<'a>>, LexiconError> {
    let mut out = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let row = Row { file, line: index + 1, columns: line.split('\t').collect() };
        if row.columns.len() != width {
            return Err(row.error(format!("expected {width} columns, found {}", row.columns.len())));
        }
        if row.columns.iter().any(|c| c.is_empty() || c.trim() != *c) {
            return Err(row.error("empty column or stray spaces"));
        }
        out.push(row);
    }
    Ok(out)
}

/// A unit: what a number followed by it measures.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Unit {
    /// `Percent`, `Quantity` or `Duration`.
    pub kind: FigureKind,
    /// Normalised unit symbol written to the figure ("L", "%", "year").
    pub symbol: String,
    /// Multiplier from the written unit to the normalised one.
    pub factor: f64,
}

/// A currency and its ISO 4217 code.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Currency {
    /// The code in most documents.
    pub code: String,
    /// The code in Chinese documents when it differs ("¥" is CNY there).
    pub code_in_chinese: Option<String>,
}

/// Calendar, rank and level markers of Korean, Japanese and Chinese.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Marker {
    /// 년, 年: a year, or a number of years.
    Year,
    /// 월, 月.
    Month,
    /// 일, 日: a day of the month, or a number of days.
    Day,
    /// 号: a day of the month, only right after a month ("10月12号").
    MonthDay,
    /// A rank suffix: 번째, 주년.
    Ordinal,
    /// What a rank prefix counts: 회, 回.
    OrdinalCounter,
    /// 位: a rank in Japanese ("3位"), a counter of people in Chinese
    /// ("三位专家"); a rank after a rank prefix in both ("第三位").
    RankOrPeople,
    /// A stage on a scale; the subject written out.
    Level(String),
    /// 期: a phase of a clinical trial (the subject written out) when written
    /// with a Roman numeral or beside a clinical word ("III期", "三期临床"),
    /// else what a rank prefix counts ("第二期").
    TrialPhase(String),
    /// 度, 도: the degree after a temperature scale and its number ("섭씨 20도").
    Degree,
    /// Cents after an amount of money ("2 dollars 30 cents").
    Cents,
    /// An approximation between the number and its unit: 여, 余.
    Approx,
    /// A word that starts like a unit but is not one.
    NotUnit,
}

/// What a surface written right after a number means.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Suffix {
    /// A unit of measure or of time.
    Unit(Unit),
    /// A currency ("원", "dollars").
    Currency(Currency),
    /// A counter; `noun_follows` when the counted noun may follow it.
    Counter {
        /// The counted noun may follow the counter.
        noun_follows: bool,
    },
    /// A calendar, rank or level marker.
    Marker(Marker),
}

/// What a surface written right before a number means.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Prefix {
    /// A currency sign or code ("$", "KRW").
    Currency(Currency),
    /// A rank prefix: 제, 第.
    Ordinal,
    /// A percentage written before its number (百分之), or a fraction in
    /// percent per unit of the number (千分之: 0.1).
    Percent(f64),
    /// A Japanese era; the year before its first year (令和: 2018).
    Era(i32),
    /// A minus sign or word before a percentage, amount or quantity ("负", "마이너스").
    Minus,
    /// A temperature scale before its number ("섭씨", "華氏"); the unit symbol.
    Temperature(String),
}

/// How a scale multiplies the number before it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum ScaleClass {
    /// English scale word: million.
    Word,
    /// Abbreviation allowed only after a currency prefix: bn.
    Abbreviation,
    /// East Asian scale that closes a group: 만, 억, 조.
    Big,
    /// East Asian scale inside a group: 천, 백.
    Small,
}

/// A scale word or character and its factor.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Scale {
    /// How the scale combines.
    pub class: ScaleClass,
    /// The multiplier.
    pub factor: f64,
}

/// A number word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NumberWord {
    /// English cardinal: "five", "twenty".
    Cardinal(u32),
    /// "hundred".
    Hundred,
    /// English ordinal: "second".
    Ordinal(u32),
    /// Korean native numeral: "두" (before 번째 or a counted noun).
    Native(u32),
    /// Japanese and Chinese digit character: "三", "两", "〇".
    Han(u32),
    /// Sino-Korean digit syllable: "삼" (before a unit: "삼 개월").
    Sino(u32),
}

/// What the English lexicon says about a word; a word may have several roles
/// ("may" is a month and a function word).
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct EnglishWord {
    /// Month number.
    pub month: Option<u32>,
    /// Scale name for a level ("Level").
    pub level: Option<String>,
    /// The level name makes a level when written in lowercase too.
    pub lowercase_level: bool,
    /// A function word.
    pub function: bool,
    /// A plural noun that does not make a count.
    pub not_counted: bool,
    /// An irregular plural noun.
    pub plural: bool,
    /// A word that names a number rather than counts with it ("Section").
    pub label: bool,
    /// A word that makes the month name after it a date ("in June").
    pub month_before: bool,
    /// A verb after which an ordinal word is a rank ("ranked first").
    pub rank_verb: bool,
}

/// Korean word lists.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct KoreanWords {
    /// Particles, longest first.
    pub particles: Vec<String>,
    /// Words after a counter that are not the counted noun.
    pub not_nouns: Vec<String>,
    /// Words that make "N일" a length of time.
    pub duration_after: Vec<String>,
    /// Nouns after a native numeral that make no count ("두 배", "세 부담").
    pub not_counted: Vec<String>,
}

/// Every bundled table, parsed.
#[derive(Clone, Debug)]
pub(crate) struct Lexicon {
    /// Units, suffix currencies, counters and markers.
    pub suffixes: AffixTable<Suffix>,
    /// Prefix currencies and rank prefixes.
    pub prefixes: AffixTable<Prefix>,
    /// Scale words and characters.
    pub scales: AffixTable<Scale>,
    /// Number words by lowercase surface.
    pub number_words: HashMap<String, NumberWord>,
    /// The Han digit characters of `number_words` and their values.
    pub han_digits: Vec<(char, u32)>,
    /// The Sino-Korean digit syllables of `number_words` and their values.
    pub sino_digits: Vec<(char, u32)>,
    /// The Korean native numerals of `number_words` and their values.
    pub natives: Vec<(String, u32)>,
    /// English words by lowercase surface.
    pub english: HashMap<String, EnglishWord>,
    /// Korean word lists.
    pub korean: KoreanWords,
    /// Japanese and Chinese word lists.
    pub cjk: CjkWords,
}

/// Japanese and Chinese word lists.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct CjkWords {
    /// Chars that never start a counted noun.
    pub not_noun: Vec<char>,
    /// Chars that make the number after them vague ("数十", "几十").
    pub vague: Vec<char>,
    /// Words after "NN年" that make a two-digit number a year ("30年までに").
    pub year_after: Vec<String>,
    /// Words beside "N期" that make it a phase of a clinical trial ("三期临床").
    pub clinical: Vec<String>,
    /// Words for one half, before a unit of time ("半年") or after a unit ("1時間半").
    pub half: Vec<String>,
    /// Discount rates in tenths below ten and in percent from ten on ("9折", "75折").
    pub discount: Vec<String>,
    /// Chars before a half word that make it no length of time ("上半年": first half).
    pub not_before_half: Vec<char>,
}

impl Lexicon {
    /// Parses the bundled lexicon files.
    pub(crate) fn bundled() -> Result<Self, LexiconError> {
        let mut suffixes = Vec::new();
        let mut prefixes = Vec::new();
        for row in rows(&UNITS, 4)? {
            let kind = match row.column(1) {
                "percent" => FigureKind::Percent,
                "quantity" => FigureKind::Quantity,
                "duration" => FigureKind::Duration,
                _ => return Err(row.unknown(1)),
            };
            let unit = Unit { kind, symbol: row.column(2).to_owned(), factor: row.number(3)? };
            suffixes.push((row.line, UNITS.name, Affix::new(row.surface(), Suffix::Unit(unit))));
        }
        for row in rows(&CURRENCIES, 4)? {
            let currency = Currency {
                code: row.column(2).to_owned(),
                code_in_chinese: row.optional(3).map(str::to_owned),
            };
            match row.column(1) {
                "prefix" => prefixes.push((
                    row.line,
                    CURRENCIES.name,
                    Affix::new(row.surface(), Prefix::Currency(currency)),
                )),
                "suffix" => suffixes.push((
                    row.line,
                    CURRENCIES.name,
                    Affix::new(row.surface(), Suffix::Currency(currency)),
                )),
                _ => return Err(row.unknown(1)),
            }
        }
        for row in rows(&COUNTERS, 2)? {
            let noun_follows = match row.column(1) {
                "yes" => true,
                "no" => false,
                _ => return Err(row.unknown(1)),
            };
            suffixes.push((
                row.line,
                COUNTERS.name,
                Affix::new(row.surface(), Suffix::Counter { noun_follows }),
            ));
        }
        for row in rows(&MARKERS, 3)? {
            let marker = match row.column(1) {
                role @ ("ordinal_prefix" | "percent_prefix" | "era" | "minus" | "temperature") => {
                    let prefix = match role {
                        "ordinal_prefix" => Prefix::Ordinal,
                        "percent_prefix" => Prefix::Percent(row.number(2)?),
                        "minus" => Prefix::Minus,
                        "temperature" => Prefix::Temperature(row.column(2).to_owned()),
                        _ => Prefix::Era(row.column(2).parse().map_err(|_| row.unknown(2))?),
                    };
                    prefixes.push((row.line, MARKERS.name, Affix::new(row.surface(), prefix)));
                    continue;
                }
                "year" => Marker::Year,
                "month" => Marker::Month,
                "day" => Marker::Day,
                "month_day" => Marker::MonthDay,
                "ordinal" => Marker::Ordinal,
                "ordinal_counter" => Marker::OrdinalCounter,
                "rank_or_people" => Marker::RankOrPeople,
                "level" => Marker::Level(
                    row.optional(2).ok_or_else(|| row.error("a level needs a subject"))?.to_owned(),
                ),
                "trial_phase" => Marker::TrialPhase(
                    row.optional(2).ok_or_else(|| row.error("a phase needs a subject"))?.to_owned(),
                ),
                "approx" => Marker::Approx,
                "degree" => Marker::Degree,
                "cents" => Marker::Cents,
                "not_unit" => Marker::NotUnit,
                _ => return Err(row.unknown(1)),
            };
            suffixes.push((
                row.line,
                MARKERS.name,
                Affix::new(row.surface(), Suffix::Marker(marker)),
            ));
        }
        let mut scales = Vec::new();
        for row in rows(&SCALES, 3)? {
            let class = match row.column(1) {
                "word" => ScaleClass::Word,
                "abbreviation" => ScaleClass::Abbreviation,
                "big" => ScaleClass::Big,
                "small" => ScaleClass::Small,
                _ => return Err(row.unknown(1)),
            };
            scales.push((
                row.line,
                SCALES.name,
                Affix::new(row.surface(), Scale { class, factor: row.number(2)? }),
            ));
        }
        let number_words = number_words()?;
        let digits = |class: fn(&NumberWord) -> Option<u32>| {
            number_words
                .iter()
                .filter_map(|(word, meaning)| Some((word.chars().next()?, class(meaning)?)))
                .collect::<Vec<_>>()
        };
        let han_digits = digits(|w| if let NumberWord::Han(v) = w { Some(*v) } else { None });
        let natives = number_words
            .iter()
            .filter_map(|(word, meaning)| match meaning {
                NumberWord::Native(value) => Some((word.clone(), *value)),
                _ => None,
            })
            .collect();
        let sino_digits = digits(|w| if let NumberWord::Sino(v) = w { Some(*v) } else { None });
        Ok(Lexicon {
            suffixes: table(suffixes)?,
            prefixes: table(prefixes)?,
            scales: table(scales)?,
            number_words,
            han_digits,
            sino_digits,
            natives,
            english: english_words()?,
            korean: korean_words()?,
            cjk: cjk_words()?,
        })
    }
}

/// An affix table over entries tagged with their line and file; a duplicate
/// surface is reported at its second line.
fn table<M>(entries: Vec<(usize, &'static str, Affix<M>)>) -> Result<AffixTable<M>, LexiconError> {
    let mut seen = HashSet::new();
    for (line, file, affix) in &entries {
        if !seen.insert(affix.surface.as_str()) {
            return Err(LexiconError {
                file,
                line: *line,
                message: format!("duplicate surface `{}`", affix.surface),
            });
        }
    }
    Ok(AffixTable::new(entries.into_iter().map(|(_, _, affix)| affix).collect()))
}

fn number_words() -> Result<HashMap<String, NumberWord>, LexiconError> {
    let mut out = HashMap::new();
    for row in rows(&NUMBER_WORDS, 3)? {
        let value = row.whole_number(2)?;
        let word = match row.column(1) {
            "cardinal" => NumberWord::Cardinal(value),
            "hundred" => NumberWord::Hundred,
            "ordinal" => NumberWord::Ordinal(value),
            "native" => NumberWord::Native(value),
            "han" => NumberWord::Han(value),
            "sino" => NumberWord::Sino(value),
            _ => return Err(row.unknown(1)),
        };
        if out.insert(row.surface().to_lowercase(), word).is_some() {
            return Err(row.error(format!("duplicate surface `{}`", row.surface())));
        }
    }
    Ok(out)
}

fn english_words() -> Result<HashMap<String, EnglishWord>, LexiconError> {
    let mut out: HashMap<String, EnglishWord> = HashMap::new();
    for row in rows(&ENGLISH, 3)? {
        let word = out.entry(row.surface().to_lowercase()).or_default();
        let fresh = match row.column(1) {
            "month" => word.month.replace(row.whole_number(2)?).is_none(),
            "level" => word
                .level
                .replace(
                    row.optional(2).ok_or_else(|| row.error("a level needs a subject"))?.to_owned(),
                )
                .is_none(),
            "lowercase_level" => !std::mem::replace(&mut word.lowercase_level, true),
            "function" => !std::mem::replace(&mut word.function, true),
            "not_counted" => !std::mem::replace(&mut word.not_counted, true),
            "plural" => !std::mem::replace(&mut word.plural, true),
            "label" => !std::mem::replace(&mut word.label, true),
            "month_before" => !std::mem::replace(&mut word.month_before, true),
            "rank_verb" => !std::mem::replace(&mut word.rank_verb, true),
            _ => return Err(row.unknown(1)),
        };
        if !fresh {
            return Err(row.error(format!("duplicate entry `{}`", row.surface())));
        }
    }
    Ok(out)
}

fn korean_words() -> Result<KoreanWords, LexiconError> {
    let mut out = KoreanWords::default();
    for row in rows(&KOREAN, 2)? {
        let list = match row.column(1) {
            "particle" => &mut out.particles,
            "not_noun" => &mut out.not_nouns,
            "duration_after" => &mut out.duration_after,
            "not_counted" => &mut out.not_counted,
            _ => return Err(row.unknown(1)),
        };
        if list.iter().any(|w| w == row.surface()) {
            return Err(row.error(format!("duplicate entry `{}`", row.surface())));
        }
        list.push(row.surface().to_owned());
    }
    out.particles.sort_by_key(|p| std::cmp::Reverse(p.len()));
    Ok(out)
}

fn cjk_words() -> Result<CjkWords, LexiconError> {
    let mut out = CjkWords::default();
    for row in rows(&CJK, 2)? {
        let words = match row.column(1) {
            "year_after" => Some(&mut out.year_after),
            "clinical" => Some(&mut out.clinical),
            "half" => Some(&mut out.half),
            "discount" => Some(&mut out.discount),
            _ => None,
        };
        if let Some(words) = words {
            if words.iter().any(|w| w == row.surface()) {
                return Err(row.error(format!("duplicate entry `{}`", row.surface())));
            }
            words.push(row.surface().to_owned());
            continue;
        }
        let list = match row.column(1) {
            "not_noun" => &mut out.not_noun,
            "vague" => &mut out.vague,
            "not_before_half" => &mut out.not_before_half,
            _ => return Err(row.unknown(1)),
        };
        let mut chars = row.surface().chars();
        let (Some(c), None) = (chars.next(), chars.next()) else {
            return Err(row.error("expected one char"));
        };
        if list.contains(&c) {
            return Err(row.error(format!("duplicate entry `{c}`")));
        }
        list.push(c);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_lexicons_parse() {
        let lexicon = Lexicon::bundled().unwrap_or_else(|e| panic!("{e}"));
        assert!(lexicon.suffixes.entries().len() > 150);
        assert_eq!(lexicon.number_words.get("twenty"), Some(&NumberWord::Cardinal(20)));
        assert_eq!(lexicon.english.get("may").and_then(|w| w.month), Some(5));
        assert!(lexicon.english.get("may").is_some_and(|w| w.function));
        assert_eq!(lexicon.korean.particles.first().map(String::len), Some("에서의".len()));
    }

    #[test]
    fn every_bundled_file_has_well_formed_rows() {
        for (source, width) in [
            (UNITS, 4),
            (CURRENCIES, 4),
            (SCALES, 3),
            (COUNTERS, 2),
            (MARKERS, 3),
            (NUMBER_WORDS, 3),
            (ENGLISH, 3),
            (KOREAN, 2),
            (CJK, 2),
        ] {
            let parsed = rows(&source, width).unwrap_or_else(|e| panic!("{e}"));
            assert!(!parsed.is_empty(), "{} has no rows", source.name);
        }
    }

    #[test]
    fn malformed_rows_are_reported_with_their_line() {
        let cases = [
            ("# c\nkg\tquantity\n", 4, 2, "expected 4 columns, found 2"),
            ("kg\t\tkg\t1\n", 4, 1, "empty column or stray spaces"),
            ("kg \tquantity\tkg\t1\n", 4, 1, "empty column or stray spaces"),
        ];
        for (text, width, line, message) in cases {
            let error = parse_rows("test.tsv", text, width).err().unwrap();
            assert_eq!((error.line, error.message.as_str()), (line, message), "{text:?}");
        }
        let row = Row { file: "test.tsv", line: 3, columns: vec!["kg", "quantity", "kg", "-1"] };
        assert_eq!(
            row.number(3).unwrap_err().to_string(),
            "lexicon `test.tsv` line 3: `-1` is not a positive number"
        );
    }

    #[test]
    fn duplicate_surfaces_are_reported() {
        let entries = vec![(1, "a.tsv", Affix::new("kg", 1)), (7, "a.tsv", Affix::new("kg", 2))];
        let error = table(entries).unwrap_err();
        assert_eq!((error.line, error.message.as_str()), (7, "duplicate surface `kg`"));
    }
}
