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
//! - list bullets (▲ • ● ○ ◆ ■ ※ …) start a new sentence wherever they stand.
//!
//! Spans are byte offsets into the text, trimmed of whitespace, never empty,
//! in order and disjoint; every non-whitespace character lies in exactly one
//! sentence.

mod abbreviations;
mod chars;
mod lang;
mod lines;
mod quotes;
mod rules;
mod scanner;

use crate::model::{Lang, SentenceSpan};

pub use lang::{detect_lang, document_lang};

/// Splits cleaned document text into sentences, in order, each trimmed of
/// surrounding whitespace, with its language.
#[must_use]
pub fn split_sentences(text: &str) -> Vec<SentenceSpan> {
    scanner::sentence_spans(text)
        .into_iter()
        .map(|span| SentenceSpan {
            span,
            lang: text.get(span.start..span.end).map_or(Lang::Und, detect_lang),
        })
        .collect()
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

    /// One case: the exact list of sentence texts expected for an input.
    macro_rules! t {
        ($name:ident, $text:expr, [$($want:expr),* $(,)?]) => {
            #[test]
            fn $name() {
                let want: &[&str] = &[$($want),*];
                assert_eq!(super::sentence_texts($text), want, "{:?}", $text);
            }
        };
    }

    #[rustfmt::skip]
    mod english {
        // Abbreviations.
        t!(abbrev_dr, "Dr. Kim spoke. He left.", ["Dr. Kim spoke.", "He left."]);
        t!(abbrev_titles, "Mr. Lee met Prof. Choi and Sen. Park.", ["Mr. Lee met Prof. Choi and Sen. Park."]);
        t!(abbrev_title_at_end, "He thanked Gov. Oh. Then he left.", ["He thanked Gov. Oh.", "Then he left."]);
        t!(abbrev_no_number, "Plant No. 2 opened. It is large.", ["Plant No. 2 opened.", "It is large."]);
        t!(abbrev_no_as_word, "He said No. The deal failed.", ["He said No.", "The deal failed."]);
        t!(abbrev_vs, "Korea vs. Japan was close.", ["Korea vs. Japan was close."]);
        t!(abbrev_etc_lower, "Pills, syringes, etc. are listed.", ["Pills, syringes, etc. are listed."]);
        t!(abbrev_etc_upper, "Pills, syringes, etc. They are listed.", ["Pills, syringes, etc.", "They are listed."]);
        t!(abbrev_eg, "Some agencies, e.g. PMDA, agreed.", ["Some agencies, e.g. PMDA, agreed."]);
        t!(abbrev_ie_comma, "The regulator, i.e., MFDS, agreed.", ["The regulator, i.e., MFDS, agreed."]);
        t!(abbrev_us, "Sales in the U.S. Market rose.", ["Sales in the U.S. Market rose."]);
        t!(abbrev_uk_un, "The U.K. and the U.N. joined.", ["The U.K. and the U.N. joined."]);
        t!(abbrev_co_ltd, "Samsung Co., Ltd. said so. It grew.", ["Samsung Co., Ltd. said so.", "It grew."]);
        t!(abbrev_inc_digit, "Acme Inc. 2024 revenue rose.", ["Acme Inc. 2024 revenue rose."]);
        t!(abbrev_inc_upper, "He joined Acme Inc. The firm grew.", ["He joined Acme Inc.", "The firm grew."]);
        t!(abbrev_corp, "Biogen Corp. said it agreed.", ["Biogen Corp. said it agreed."]);
        t!(abbrev_month, "It began on Oct. 12, 2025 in Tokyo.", ["It began on Oct. 12, 2025 in Tokyo."]);
        t!(abbrev_sept, "By Sept. 30 it was done.", ["By Sept. 30 it was done."]);
        t!(abbrev_approx, "It holds approx. 2 million liters.", ["It holds approx. 2 million liters."]);
        t!(abbrev_vol_pp, "See vol. 36, pp. 1832-1836. Done.", ["See vol. 36, pp. 1832-1836.", "Done."]);
        t!(abbrev_fig, "As Fig. 3 shows, it rose.", ["As Fig. 3 shows, it rose."]);
        t!(abbrev_et_al, "Yang et al. (2025) studied it. Others agreed.", ["Yang et al. (2025) studied it.", "Others agreed."]);
        t!(abbrev_et_al_end, "It was shown by Yang et al. The data agree.", ["It was shown by Yang et al.", "The data agree."]);
        t!(abbrev_glued_title, "Dr.Kim spoke.", ["Dr.Kim spoke."]);

        // Initials.
        t!(initial_first_name, "J. Smith wrote it. He left.", ["J. Smith wrote it.", "He left."]);
        t!(initial_hyphenated, "Kim J.-G. Lee wrote it.", ["Kim J.-G. Lee wrote it."]);
        t!(initial_three_letters, "J.R.R. Tolkien wrote it.", ["J.R.R. Tolkien wrote it."]);
        t!(initial_not_acronym, "It joined the FDA. The FDA agreed.", ["It joined the FDA.", "The FDA agreed."]);

        // Decimals and numbers.
        t!(decimal_million, "It holds 2.14 million liters. That is big.", ["It holds 2.14 million liters.", "That is big."]);
        t!(decimal_version, "Version v1.2 shipped. It works.", ["Version v1.2 shipped.", "It works."]);
        t!(decimal_percent, "Only 3.5% reached it.", ["Only 3.5% reached it."]);
        t!(number_ends_sentence, "It began in 2015. 45 companies joined.", ["It began in 2015.", "45 companies joined."]);
        t!(number_dotted_date, "Filed 2025.12.15 by staff.", ["Filed 2025.12.15 by staff."]);
        t!(number_list_item, "1. Institute of Regulatory Science", ["1. Institute of Regulatory Science"]);

        // Web and e-mail addresses.
        t!(url_domain, "Visit www.asiae.co.kr for more. Thanks.", ["Visit www.asiae.co.kr for more.", "Thanks."]);
        t!(url_in_brackets, "© The Daily(www.asiae.co.kr). All rights reserved.", ["© The Daily(www.asiae.co.kr).", "All rights reserved."]);
        t!(url_query, "See https://example.org/a?id=3&x=1 now!", ["See https://example.org/a?id=3&x=1 now!"]);
        t!(email, "Write to name@example.com. We reply.", ["Write to name@example.com.", "We reply."]);

        // Quotes and brackets after the terminator.
        t!(quote_closing, "He said \"yes.\" Then he left.", ["He said \"yes.\"", "Then he left."]);
        t!(quote_curly, "She asked, “Is it safe?” The answer was no.", ["She asked, “Is it safe?”", "The answer was no."]);
        t!(quote_single, "He said 'done.' Then he left.", ["He said 'done.'", "Then he left."]);
        t!(quote_lowercase_after, "He said \"yes.\" and left.", ["He said \"yes.\" and left."]);
        t!(quote_two_sentences, "He said \"I agree. We go\" and left.", ["He said \"I agree.", "We go\" and left."]);
        t!(bracket_closing, "(See the annex.) The end.", ["(See the annex.)", "The end."]);

        // Ellipses and repeated marks.
        t!(ellipsis_lowercase, "He paused... then left.", ["He paused... then left."]);
        t!(ellipsis_capital, "Cooperation... Sharing Trends", ["Cooperation...", "Sharing Trends"]);
        t!(ellipsis_char_lowercase, "Wait… what happened?", ["Wait… what happened?"]);
        t!(ellipsis_char_capital, "It ended… The next day came.", ["It ended…", "The next day came."]);
        t!(ellipsis_glued, "Expand Cooperation...Sharing Trends", ["Expand Cooperation...Sharing Trends"]);
        t!(question_exclamation, "Really?! Yes. No!", ["Really?!", "Yes.", "No!"]);
        t!(question_lowercase, "Is it safe? the agency asked.", ["Is it safe?", "the agency asked."]);
        t!(glued_sentence, "It grew in 2015.This year it fell.", ["It grew in 2015.", "This year it fell."]);
    }

    #[rustfmt::skip]
    mod layout {
        // Bullets.
        t!(bullet_mid_line, "He proposed measures: ▲Tax cuts ▲Training ▲Guidelines.", ["He proposed measures:", "▲Tax cuts", "▲Training", "▲Guidelines."]);
        t!(bullet_lines, "• First item\n• Second item", ["• First item", "• Second item"]);
        t!(bullet_same_line, "Menu • News • Sports", ["Menu", "• News", "• Sports"]);
        t!(bullet_note, "자세한 내용 ※참고 자료", ["자세한 내용", "※참고 자료"]);
        t!(bullet_placeholder, "김○○ 씨와 ○○제약이 계약했다.", ["김○○ 씨와 ○○제약이 계약했다."]);
        t!(bullet_middle_dot_in_word, "저작권·인격권 등을 침해한 경우", ["저작권·인격권 등을 침해한 경우"]);
        t!(bullet_middle_dot_at_line_start, "· 첫째 항목\n· 둘째 항목", ["· 첫째 항목", "· 둘째 항목"]);

        // Line breaks and headings.
        t!(newline_heading, "Text Size\nClose\n\nKorea and Japan Expand Cooperation", ["Text Size", "Close", "Korea and Japan Expand Cooperation"]);
        t!(newline_byline, "Oct 12, 2025\nNews\nThe agency met.", ["Oct 12, 2025", "News", "The agency met."]);
        t!(newline_tag_list, "PMDA\nGMP\nMDSAP", ["PMDA", "GMP", "MDSAP"]);
        t!(newline_blank_line, "First paragraph\n\nsecond paragraph", ["First paragraph", "second paragraph"]);
        t!(newline_blank_line_with_spaces, "First part\n  \t\nsecond part", ["First part", "second part"]);
        t!(newline_lowercase_next, "The agency said it would\nreview the data.", ["The agency said it would\nreview the data."]);
        t!(newline_after_terminator, "He left.\nthe end", ["He left.", "the end"]);
        t!(newline_crlf, "First line\r\nSecond line\r\ncontinued here", ["First line", "Second line\r\ncontinued here"]);
        t!(newline_abbreviation_at_end, "Ask Dr.\nKim", ["Ask Dr.", "Kim"]);

        // Hard-wrapped prose.
        t!(wrap_name_connective, "The meeting was attended by officials from the Korea Ministry of Food and\nDrug Safety.", ["The meeting was attended by officials from the Korea Ministry of Food and\nDrug Safety."]);
        t!(wrap_both_long, "Officials from both regulators discussed the mutual recognition of GMP\nInspection Reports and the training programmes planned for next year.", ["Officials from both regulators discussed the mutual recognition of GMP\nInspection Reports and the training programmes planned for next year."]);
        t!(wrap_comma, "The forum covered digital medical products, real-world evidence,\nGMP surveys and training.", ["The forum covered digital medical products, real-world evidence,\nGMP surveys and training."]);
        t!(wrap_short_next_not_joined, "Korea and Japan Unite to Shape the Future of Medical Products\nNews", ["Korea and Japan Unite to Shape the Future of Medical Products", "News"]);
        t!(wrap_short_lines_not_joined, "Ministry of Food and\nDrug Safety", ["Ministry of Food and", "Drug Safety"]);
        t!(wrap_titles_not_joined, "Director-Level Bilateral Meeting on Medical Products Between MFDS and MHLW\nJoint Pharmaceutical Symposium Held by Associations of Both Countries", ["Director-Level Bilateral Meeting on Medical Products Between MFDS and MHLW", "Joint Pharmaceutical Symposium Held by Associations of Both Countries"]);
        t!(wrap_blank_line_not_joined, "The meeting was attended by officials from the Korea Ministry of Food and\n\nDrug Safety.", ["The meeting was attended by officials from the Korea Ministry of Food and", "Drug Safety."]);
        t!(wrap_bullet_not_joined, "The forum proposed the following measures for the industry and\n• Tax incentives for manufacturing innovation in small companies", ["The forum proposed the following measures for the industry and", "• Tax incentives for manufacturing innovation in small companies"]);
    }

    #[rustfmt::skip]
    mod korean {
        // Sentence ends.
        t!(period_space, "식약처는 회의를 열었다. 회의는 도쿄에서 열린다.", ["식약처는 회의를 열었다.", "회의는 도쿄에서 열린다."]);
        t!(period_no_space, "식약처는 회의를 열었다.회의는 도쿄에서 열린다.", ["식약처는 회의를 열었다.", "회의는 도쿄에서 열린다."]);
        t!(polite_endings, "감사합니다. 좋아요. 그렇습니까?네!", ["감사합니다.", "좋아요.", "그렇습니까?", "네!"]);
        t!(period_before_english, "협력을 확대했다. iPhone 사용자도 늘었다.", ["협력을 확대했다.", "iPhone 사용자도 늘었다."]);
        t!(decimal, "생산 규모는 2.14조 원이다. 늘었다.", ["생산 규모는 2.14조 원이다.", "늘었다."]);
        t!(dotted_date, "2025.12.15 발표된 자료다.", ["2025.12.15 발표된 자료다."]);
        t!(email, "메일 주소는 news@example.com입니다. 감사합니다.", ["메일 주소는 news@example.com입니다.", "감사합니다."]);
        t!(abbreviation_particle, "삼성바이오로직스(Samsung Biologics Co., Ltd.)는 밝혔다.", ["삼성바이오로직스(Samsung Biologics Co., Ltd.)는 밝혔다."]);
        t!(initials_particle, "U.S.와 협력한다. 끝났다.", ["U.S.와 협력한다.", "끝났다."]);
        t!(bracket_then_period, "식약처(MFDS).그는 말했다.", ["식약처(MFDS).", "그는 말했다."]);
        t!(ellipsis_glued, "한일 협력 확대…규제 동향 공유", ["한일 협력 확대…규제 동향 공유"]);
        t!(ellipsis_space, "협력 확대... 규제 동향 공유", ["협력 확대... 규제 동향 공유"]);
        t!(semicolon, "협력했다; 그리고 떠났다.", ["협력했다; 그리고 떠났다."]);

        // Quotations.
        t!(quote_rago, "그는 \"협력을 넓히겠다. 교육도 늘리겠다\"라고 말했다. 이어 떠났다.", ["그는 \"협력을 넓히겠다. 교육도 늘리겠다\"라고 말했다.", "이어 떠났다."]);
        t!(quote_period_inside, "그는 \"협력을 강화하겠다.\"라고 밝혔다.", ["그는 \"협력을 강화하겠다.\"라고 밝혔다."]);
        t!(quote_curly_myeo, "그는 “협력이 중요하다. 서두르자”며 웃었다. 이어 떠났다.", ["그는 “협력이 중요하다. 서두르자”며 웃었다.", "이어 떠났다."]);
        t!(quote_go, "업계는 “규제를 완화해야 한다. 지원도 필요하다”고 밝혔다.", ["업계는 “규제를 완화해야 한다. 지원도 필요하다”고 밝혔다."]);
        t!(quote_question_inside, "그는 \"왜 늦었을까? 다시 보자\"며 웃었다.", ["그는 \"왜 늦었을까? 다시 보자\"며 웃었다."]);
        t!(quote_standalone, "그는 말했다. \"좋다.\" 이어 떠났다.", ["그는 말했다.", "\"좋다.\"", "이어 떠났다."]);
        t!(quote_single_marks, "‘CDMO 특별법’이 통과됐다. 업계는 환영했다.", ["‘CDMO 특별법’이 통과됐다.", "업계는 환영했다."]);
        t!(quote_two_in_a_row, "그는 \"좋다. 가자\"라고 했다. 그녀는 \"싫다. 안 간다\"고 했다.", ["그는 \"좋다. 가자\"라고 했다.", "그녀는 \"싫다. 안 간다\"고 했다."]);
    }

    #[rustfmt::skip]
    mod japanese {
        t!(full_stops, "厚生労働省は会議を開いた。PMDAも参加した。", ["厚生労働省は会議を開いた。", "PMDAも参加した。"]);
        t!(quote_to, "彼は「協力を進める。研修も増やす。」と述べた。次に移る。", ["彼は「協力を進める。研修も増やす。」と述べた。", "次に移る。"]);
        t!(quote_sentence, "「行きます。」彼はそう言った。", ["「行きます。」", "彼はそう言った。"]);
        t!(double_quote, "『規制科学』という言葉がある。", ["『規制科学』という言葉がある。"]);
        t!(question_exclamation, "本当ですか？はい！そうです。", ["本当ですか？", "はい！", "そうです。"]);
        t!(full_width_decimal, "売上は３．５％増えた。", ["売上は３．５％増えた。"]);
        t!(year_after_stop, "発表した。2025年に始まる。", ["発表した。", "2025年に始まる。"]);
    }

    #[rustfmt::skip]
    mod chinese {
        t!(stops, "国家药监局发布通知。企业应当遵守！是否有效？是的。", ["国家药监局发布通知。", "企业应当遵守！", "是否有效？", "是的。"]);
        t!(semicolon, "明确监管范围；加强协调。", ["明确监管范围；加强协调。"]);
        t!(quote_then_sentence, "“我们会继续努力。”他说。", ["“我们会继续努力。”", "他说。"]);
        t!(ellipsis, "他说……然后离开了。", ["他说……然后离开了。"]);
        t!(full_width_period, "增长３．５％。这是事实．结束。", ["增长３．５％。", "这是事实．", "结束。"]);
        t!(page_range, "2025;36(15):1832-1836", ["2025;36(15):1832-1836"]);
    }

    #[rustfmt::skip]
    mod mixed {
        t!(korean_then_english, "MFDS와 PMDA는 협력한다. The two agencies met in Tokyo.", ["MFDS와 PMDA는 협력한다.", "The two agencies met in Tokyo."]);
        t!(english_then_korean, "PMDA approved it. 식약처도 승인했다.", ["PMDA approved it.", "식약처도 승인했다."]);
        t!(korean_glued_english, "식약처는 GMP를 강조했다.The agency agreed.", ["식약처는 GMP를 강조했다.", "The agency agreed."]);
        t!(english_then_japanese, "It was signed. 厚労省が発表した。", ["It was signed.", "厚労省が発表した。"]);
        t!(english_label_chinese_title, "VernacularTitle:日韩再生医学“双轨制”监管模式介绍", ["VernacularTitle:日韩再生医学“双轨制”监管模式介绍"]);
    }

    #[rustfmt::skip]
    mod degenerate {
        t!(empty, "", []);
        t!(only_whitespace, " \n\t\u{3000}\n", []);
        t!(only_punctuation, "...", ["..."]);
        t!(trims_whitespace, "  Hello.  ", ["Hello."]);
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
