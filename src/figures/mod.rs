//! Figures: numbers, units and dates found in document text.
//!
//! [`FigureExtractor`] reads every sentence for percentages, amounts of
//! money, quantities, counts, dates, years, ordinals, levels and lengths of
//! time, in English, Korean, Japanese and Chinese, and returns them as
//! [`Figure`]s. The conventions (what the span covers, which unit a figure
//! gets, what is not a figure) are those of the project's figures schema.
//!
//! The stage is organised in layers:
//! - `lexicons/*.tsv`: units, currencies, scales, counters, markers and
//!   word lists, embedded and parsed once (`lexicon`);
//! - `number`: the numeric core shared by every language (digits, scales,
//!   number words, ranges);
//! - `english`, `korean`, `cjk`: what the words around a number mean in each
//!   language, and `dates` for calendar dates;
//! - `guard`: what looks like a number but is not a figure (identifiers,
//!   codes, phone numbers, list numbering);
//! - `scan`: the walk through a sentence, which runs the grammar only where a
//!   digit or a number word occurs;
//! - `link`: which dictionary entity of the sentence a figure is about.
//!
//! ```
//! # use gazette::figures::FigureExtractor;
//! # use gazette::model::{FigureKind, Lang, SentenceSpan, Span};
//! let text = "Nine organizations invested $1.2 billion by 2030.";
//! let sentences = [SentenceSpan { span: Span::new(0, text.len()), lang: Lang::En }];
//! let figures = FigureExtractor::new().extract(text, &sentences, Lang::En);
//! let kinds: Vec<_> = figures.iter().map(|f| f.kind).collect();
//! assert_eq!(kinds, [FigureKind::Count, FigureKind::Money, FigureKind::Year]);
//! ```

mod affix;
mod cjk;
mod compound;
mod dates;
mod english;
mod guard;
mod korean;
mod lexicon;
mod link;
mod number;
mod scan;
mod state;
mod text;

pub use dates::{first_full_date, resolve_dates};
pub use link::entity_links;

use crate::model::{Figure, Lang, SentenceSpan};
use lexicon::Lexicon;
use scan::WordIndex;
use state::Scan;

/// Finds figures in text. Built once (lexicons parsed, automaton compiled)
/// and shared by all threads.
#[derive(Clone, Debug)]
pub struct FigureExtractor {
    lexicon: Lexicon,
    words: WordIndex,
}

impl FigureExtractor {
    /// An extractor with the bundled lexicons.
    ///
    /// # Panics
    ///
    /// Never in a released build: the bundled lexicons are parsed by the tests.
    #[must_use]
    pub fn new() -> Self {
        let lexicon =
            Lexicon::bundled().unwrap_or_else(|e| panic!("bundled figure lexicons are valid: {e}"));
        let words = WordIndex::new(&lexicon);
        FigureExtractor { lexicon, words }
    }

    /// All figures of a document, in order of appearance, non-overlapping,
    /// each inside one of `sentences` (byte spans into `text`; sentences
    /// that are out of range or not on char boundaries are skipped).
    ///
    /// Dates whose year is missing have `date: None` and `partial_date:
    /// Some(..)` (see [`resolve_dates`]); full dates have both. `doc_lang`
    /// picks the currency of "¥": CNY in Chinese documents, else JPY.
    #[must_use]
    pub fn extract(&self, text: &str, sentences: &[SentenceSpan], doc_lang: Lang) -> Vec<Figure> {
        let mut figures = Vec::new();
        for sentence in sentences {
            let (start, end) = (sentence.span.start, sentence.span.end);
            let Some(sentence_text) = text.get(start..end) else { continue };
            let before = text.get(..start).unwrap_or("").trim_end_matches([' ', '\t']);
            let starts_line = before.is_empty() || before.ends_with('\n');
            let _steps =
                Scan::new(&self.lexicon, sentence_text, starts_line, sentence.lang, doc_lang).run(
                    &self.words,
                    start,
                    &mut figures,
                );
        }
        figures.sort_by_key(|f| (f.span.start, f.span.end));
        let mut last_end = 0;
        figures.retain(|f| {
            let keep = f.span.start >= last_end;
            if keep {
                last_end = f.span.end;
            }
            keep
        });
        figures
    }
}

impl Default for FigureExtractor {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod cases;
#[cfg(test)]
pub(crate) mod testutil;

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::testutil::{
        EXTRACTOR, check, count, date, figures, money, partial, percent, whole, year, ymd,
    };
    use super::*;
    use crate::model::{FigureKind, Span};

    #[test]
    fn identifiers_codes_and_contacts_are_not_figures() {
        check(
            &[
                ("from corner13394’s deep dive", &[]),
                ("COVID-19 vaccines", &[]),
                ("product ABC-123 recalled", &[]),
                ("the H5N1 strain", &[]),
                ("see https://example.com/news/2025/12/15/item", &[]),
                ("www.example.com/2030", &[]),
                ("write to kim2025@example.com", &[]),
                ("write to 2025@example.com", &[]),
                ("call 02-1234-5678 now", &[]),
                ("call +82 2 1234 5678 now", &[]),
                ("call +82 10 2024 5678 now", &[]),
                ("Nanjing 211198,China", &[]),
                ("Drug Review Quarterly 2024;18(7):455-461", &[]),
                ("Updated 09:30", &[]),
                ("10:15 KST", &[]),
                ("1. Institute of Regulatory Science", &[]),
                ("2) Results", &[]),
                ("12. Annex", &[]),
                ("Table 2 shows", &[]),
                ("see Fig. 4 panels", &[]),
                ("Yifan YANG\n1\n;", &[]),
                ("version 1.2.3", &[]),
                ("5G networks", &[]),
                ("3D printing", &[]),
                ("Section 3 says", &[]),
                ("Reader Comment 0", &[]),
                ("pages 10-12", &[]),
                ("FY2024 results", &[]),
                ("the 1990s", &[]),
            ],
            Lang::En,
        );
    }

    #[test]
    fn idioms_and_vague_amounts_are_not_figures() {
        check(
            &[
                ("one of the largest", &[]),
                ("one after another", &[]),
                ("One example is", &[]),
                ("both sides agreed", &[]),
                ("several measures", &[]),
                ("dozens of firms", &[]),
                ("decades of exchange", &[]),
                ("hundreds of firms", &[]),
                ("three times faster", &[]),
                ("1.5 times larger", &[]),
                ("will first be reviewed", &[]),
                ("its first product", &[]),
                ("someone often", &[]),
                ("one day", &[]),
            ],
            Lang::En,
        );
    }

    #[test]
    fn mixed_sentences_keep_every_figure_in_order() {
        let english = "On December 11, 45 companies reported 18% growth, $1.2 billion in sales and 2 new plants by 2030.";
        check(
            &[(
                english,
                &[
                    partial("December 11", 12, 11),
                    count("45 companies", 45.0),
                    percent("18%", 18.0),
                    money("$1.2 billion", 1.2e9, "USD"),
                    count("2 new plants", 2.0),
                    year("2030", 2030.0),
                ],
            )],
            Lang::En,
        );
        check(
            &[(
                "식약처는 2025년 7월 17일 45개 기업에 500억원을 지원한다고 밝혔다.",
                &[
                    date("2025년 7월 17일", 2025, 7, 17),
                    count("45개 기업", 45.0),
                    money("500억원", 5e10, "KRW"),
                ],
            )],
            Lang::Ko,
        );
    }

    #[test]
    fn figures_stay_inside_their_sentence() {
        let text = "Sales hit 2025. 7 firms joined. Then $5 million.";
        let first = text.find(" 7").unwrap_or(0);
        let second = text.find(" Then").unwrap_or(0);
        let sentences = [
            SentenceSpan { span: Span::new(0, first), lang: Lang::En },
            SentenceSpan { span: Span::new(first + 1, second), lang: Lang::En },
            SentenceSpan { span: Span::new(second + 1, text.len()), lang: Lang::En },
        ];
        let found = EXTRACTOR.extract(text, &sentences, Lang::En);
        let surfaces: Vec<_> = found.iter().map(|f| &text[f.span.start..f.span.end]).collect();
        assert_eq!(surfaces, ["2025", "7 firms", "$5 million"]);
        let outside = [SentenceSpan { span: Span::new(0, 5), lang: Lang::En }];
        assert!(EXTRACTOR.extract(text, &outside, Lang::En).is_empty(), "only sentences are read");
        let broken = [
            SentenceSpan { span: Span::new(3, 999), lang: Lang::En },
            SentenceSpan { span: Span::new(1, 2), lang: Lang::Ko },
        ];
        assert!(EXTRACTOR.extract("가 5%", &broken, Lang::Ko).is_empty(), "bad spans are skipped");
    }

    #[test]
    fn a_date_split_by_a_sentence_end_is_not_read_across_it() {
        let text = "It opened in 2025. 7. 17 new firms came.";
        let end = text.find(" 7.").unwrap_or(0) + 1;
        let sentences = [
            SentenceSpan { span: Span::new(0, end), lang: Lang::En },
            SentenceSpan { span: Span::new(end + 1, text.len()), lang: Lang::En },
        ];
        let found = EXTRACTOR.extract(text, &sentences, Lang::En);
        let surfaces: Vec<_> = found.iter().map(|f| &text[f.span.start..f.span.end]).collect();
        assert_eq!(surfaces, ["2025", "17 new firms"]);
    }

    #[test]
    fn partial_dates_take_the_year_of_the_first_full_date() {
        let text = "by Kim | 2025-12-15 09:16:17\nThe council opened its 3rd Summit on December 11 in Busan.";
        let mut found = figures(text, Lang::En);
        let doc_date = first_full_date(&found);
        assert_eq!(doc_date, Some(ymd(2025, 12, 15)));
        resolve_dates(&mut found, doc_date);
        let dates: Vec<_> =
            found.iter().filter(|f| f.kind == FigureKind::Date).map(|f| f.date).collect();
        assert_eq!(dates, [Some(ymd(2025, 12, 15)), Some(ymd(2025, 12, 11))]);
    }

    #[test]
    fn the_extractor_is_shared_across_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<FigureExtractor>();
    }

    fn check_invariants(text: &str) -> Result<(), TestCaseError> {
        let found = EXTRACTOR.extract(text, &whole(text, Lang::Mixed), Lang::Mixed);
        let mut last_end = 0;
        for figure in &found {
            let Span { start, end } = figure.span;
            prop_assert!(
                start < end && end <= text.len(),
                "span {start}..{end} of {} bytes",
                text.len()
            );
            prop_assert!(start >= last_end, "figures overlap or are out of order at {start}");
            prop_assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
            last_end = end;
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn never_panics_and_spans_are_ordered_and_disjoint(text in "\\PC{0,80}") {
            check_invariants(&text)?;
        }

        #[test]
        fn never_panics_on_number_heavy_text(
            text in "([0-9０-９]{1,5}|[ .,:;~\\-–/%$€₩¥()]|년|월|일|억|만|조|천|개|명|원|달러|年|月|日|億|万|円|元|个|第|제|회|번째|두 |여섯 |一|二|三|十|百|千|两|〇|零|令和|百分之|数|Level |Phase |July |one |two |million |percent |companies |kg|L|m2|st|nd|th|\n){0,30}"
        ) {
            check_invariants(&text)?;
        }
    }
}
