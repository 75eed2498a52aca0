//! Sentence splitting and language identification for cleaned document text
//! in Korean, English, Japanese and Chinese, often mixed in one page.
//!
//! One pass over the text finds the sentence ends (see `scanner`); each
//! sentence is then labelled with the language of its scripts ([`detect_lang`]).
//! The rules, each in its own file:
//!
//! - terminators: CJK stops end a sentence without a space; periods do unless
//!   they belong to an abbreviation, a number or a web address, and Korean
//!   periods end a sentence with or without a space (`rules`,
//!   `abbreviations`);
//! - closing quotes and brackets after a terminator stay with the sentence it
//!   ends; a quotation followed by a Korean or Japanese particle
//!   ("…"라고 말했다) is never split (`quotes`);
//! - a blank line always ends a sentence and a single line break does too,
//!   except in hard-wrapped prose (`lines`);
//! - list items start a new sentence: numbered or lettered items in sequence
//!   ("1) … 2) …", "a. … b. …") and bullets (▲ • ⁃ …) at the start of a list,
//!   but not an inline bullet list inside a running sentence (`lists`);
//! - titles in title marks (《…》) hold no sentence end, and quotations and
//!   titles nest (`quotes`).
//!
//! Spans are byte offsets into the text, trimmed of whitespace, never empty,
//! in order and disjoint; every non-whitespace character lies in exactly one
//! sentence.

mod abbreviations;
mod chars;
#[cfg(test)]
mod golden;
mod lang;
mod lines;
mod lists;
mod quotes;
mod rules;
mod scanner;

use crate::model::{Lang, SentenceSpan};

pub use lang::{detect_lang, document_lang};

/// Splits cleaned document text into sentences, in order, each trimmed of
/// surrounding whitespace, with its language.
#[must_use]
pub fn split_sentences(text: &str) -> Vec<SentenceSpan> {
    split_document(text).0
}

/// [`split_sentences`] and the document's language ([`document_lang`]), the
/// letters of each sentence counted once for both.
#[must_use]
pub fn split_document(text: &str) -> (Vec<SentenceSpan>, Lang) {
    let mut weights = lang::LangWeights::default();
    let sentences = scanner::sentence_spans(text)
        .into_iter()
        .map(|span| {
            let (lang, letters) =
                text.get(span.start..span.end).map_or((Lang::Und, 0), lang::lang_and_letters);
            weights.add(lang, letters);
            SentenceSpan { span, lang }
        })
        .collect();
    (sentences, weights.lang())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use unicode_segmentation::UnicodeSegmentation;

    use super::*;
    use crate::model::Span;

    /// The texts of the sentences of `text`.
    fn sentence_texts(text: &str) -> Vec<&str> {
        split_sentences(text).iter().map(|s| &text[s.span.start..s.span.end]).collect()
    }

    #[test]
    fn the_document_language_is_that_of_its_sentences() {
        for text in [
            "Short. 식품의약품안전처는 오늘 회의를 열었다고 밝혔다.",
            "Hello there. 안녕하세요 반갑습니다",
            "3.5%",
            "",
        ] {
            let (sentences, lang) = split_document(text);
            assert_eq!(lang, document_lang(text, &sentences), "{text:?}");
        }
    }

    #[test]
    fn sentences_carry_their_language() {
        let text =
            "MFDS와 PMDA는 협력한다. The agencies met. 厚労省が発表した。国家药监局发布。2025";
        let langs: Vec<Lang> = split_sentences(text).iter().map(|s| s.lang).collect();
        assert_eq!(langs, [Lang::Ko, Lang::En, Lang::Ja, Lang::Zh, Lang::Und]);
    }

    #[test]
    fn spans_are_byte_offsets() {
        let spans: Vec<Span> = split_sentences("가. Yes.").iter().map(|s| s.span).collect();
        assert_eq!(spans, [Span::new(0, 4), Span::new(5, 9)]);
    }

    /// Checks the invariants of a split: spans on char boundaries, non-empty,
    /// increasing and disjoint, trimmed, and covering every non-whitespace
    /// character.
    fn check_invariants(text: &str, sentences: &[SentenceSpan]) -> Result<(), TestCaseError> {
        let mut covered_to = 0;
        for sentence in sentences {
            let Span { start, end } = sentence.span;
            prop_assert!(start < end, "empty span {start}..{end}");
            prop_assert!(covered_to <= start, "span {start}..{end} overlaps or goes back");
            let (Some(gap), Some(body)) = (text.get(covered_to..start), text.get(start..end))
            else {
                return Err(TestCaseError::fail(format!(
                    "{start}..{end} is not on char boundaries"
                )));
            };
            prop_assert!(gap.chars().all(char::is_whitespace), "{gap:?} is left out");
            prop_assert!(!body.starts_with(char::is_whitespace), "{body:?} starts with whitespace");
            prop_assert!(!body.ends_with(char::is_whitespace), "{body:?} ends with whitespace");
            prop_assert_eq!(sentence.lang, detect_lang(body));
            covered_to = end;
        }
        let tail = &text[covered_to..];
        prop_assert!(tail.chars().all(char::is_whitespace), "{tail:?} is left out");
        Ok(())
    }

    /// Pieces of text that exercise the rules, in every script.
    fn fragment() -> impl Strategy<Value = &'static str> {
        let latin = prop::sample::select(vec![
            "The", "agency", "Dr", "U", "S", "e", "g", "Inc", "No", "PMDA", "mRNA", "3", "2.14",
            "é",
        ]);
        let cjk = prop::sample::select(
            "식약처 했다 라고 며 協力 する と 药监".split(' ').collect::<Vec<_>>(),
        );
        let odd = prop::sample::select(vec![
            "www.asiae.co.kr",
            "a@b.com",
            "ＧＭＰ",
            "٣",
            "🙂",
            "\u{200b}",
        ]);
        let marks = prop::sample::select(vec![
            ".", ". ", "..", "...", "…", "?", "!", "?!", "。", "！", "？", "．", "｡", "⋯", ",",
            ";", "；", ":", "-", "(", ")", "\"", "'", "“", "”", "‘", "’", "「", "」", "『", "』",
            "▲", "•", "○", "·", "・", "※",
        ]);
        let spaces = prop::sample::select(vec![
            " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", "\u{85}", "\u{2028}", "\u{2029}",
            "\u{a0}", "\u{3000}", "\n \n",
        ]);
        prop_oneof![2 => latin, 2 => cjk, 1 => odd, 3 => marks, 2 => spaces]
    }

    /// Plain sentences on which the splitter must agree with UAX #29: no
    /// abbreviation, initial, quotation, bullet or line break.
    fn plain_sentence() -> impl Strategy<Value = String> {
        let words = |list: &[&'static str], len: std::ops::Range<usize>| {
            prop::collection::vec(prop::sample::select(list.to_vec()), len)
        };
        let stops = |list: &[&'static str]| prop::sample::select(list.to_vec());
        let english = (
            words(&["The", "Regulators", "Korea", "Officials"], 1..2),
            words(
                &["agency", "new", "in", "2025", "2.14", "3.5%", "v1.2", "PMDA", "www.asiae.co.kr"],
                0..6,
            ),
            stops(&[".", "?", "!", "?!", ".)", "?\""]),
        )
            .prop_map(|(first, rest, stop)| format!("{}{stop}", [first, rest].concat().join(" ")));
        let korean = (
            words(&["식약처는", "협력을", "2025년", "3.5%", "GMP", "크게"], 0..5),
            stops(&["강화했다.", "한다.", "이다?", "했다!"]),
        )
            .prop_map(|(rest, end)| [rest, vec![end]].concat().join(" "));
        let cjk = (
            words(&["厚生労働省は", "協力を", "国家药监局", "发布", "通知"], 1..4),
            stops(&["。", "！", "？"]),
        )
            .prop_map(|(words, stop)| format!("{}{stop}", words.concat()));
        prop_oneof![english, korean, cjk]
    }

    proptest! {
        #[test]
        fn invariants_hold_on_arbitrary_strings(text in any::<String>()) {
            check_invariants(&text, &split_sentences(&text))?;
        }

        #[test]
        fn invariants_hold_on_mixed_script_text(pieces in prop::collection::vec(fragment(), 0..60)) {
            let text = pieces.concat();
            check_invariants(&text, &split_sentences(&text))?;
        }

        #[test]
        fn agrees_with_uax29_on_plain_sentences(
            sentences in prop::collection::vec(plain_sentence(), 1..8),
            glue in prop::sample::select(vec![" ", "  "]),
        ) {
            let text = sentences.join(glue);
            let uax29: Vec<&str> =
                text.unicode_sentences().map(str::trim).filter(|s| !s.is_empty()).collect();
            prop_assert_eq!(sentence_texts(&text), uax29);
        }
    }
}
