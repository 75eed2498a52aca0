//! The language of a piece of text, guessed from the scripts of its letters,
//! and the dominant language of a document.
//!
//! Only letters count, by script: Hangul is Korean; Kana, together with the
//! Han letters around it, is Japanese; Han without Kana is Chinese; Latin is
//! English. Digits, punctuation and letters of other scripts do not count.
//! A CJK letter weighs [`CJK_LETTER_WEIGHT`] Latin letters: a Hangul syllable
//! or a Han character carries about as much text as a short Latin word
//! fragment. The CJK language is whichever of Korean, Japanese and Chinese has
//! the most letters. Then, in order:
//!
//! 1. the CJK language wins when it holds more than half of the weight;
//! 2. it also wins, with more letters than the other CJK scripts together,
//!    when every Latin word is an acronym or a name, i.e. no Latin word of
//!    three or more letters is written all in lowercase ("PMDA와 협력",
//!    "MFDS PMDA KPBMA와", "Samsung Biologics와 계약");
//! 3. English wins when Latin holds more than half of the weight;
//! 4. anything else is `Mixed`, and text without letters is `Und`.
//!
//! A document's language weighs its sentences by their letters, unweighted.

use crate::model::{Lang, SentenceSpan};

use crate::script::{Script, script_of};

/// Weight of a Hangul, Kana or Han letter against a Latin letter.
const CJK_LETTER_WEIGHT: usize = 3;

/// Shortest all-lowercase Latin word that marks English prose; shorter ones
/// are mostly units ("mg", "mL" once folded).
const PROSE_WORD_MIN_LETTERS: usize = 3;

/// Language of one piece of text from its scripts.
#[must_use]
pub fn detect_lang(text: &str) -> Lang {
    ScriptCounts::of(text).lang()
}

/// Dominant language of a document from its sentences (weighted by letters);
/// `Mixed` when no language holds most of the text, `Und` when there are no
/// letters.
#[must_use]
pub fn document_lang(text: &str, sentences: &[SentenceSpan]) -> Lang {
    let mut weights = LangWeights::default();
    for sentence in sentences {
        let letters = text
            .get(sentence.span.start..sentence.span.end)
            .map_or(0, |s| ScriptCounts::of(s).letters());
        weights.add(sentence.lang, letters);
    }
    weights.lang()
}

/// The language of a sentence and the number of its letters, counted once
/// for the sentence's language and its weight in the document's.
pub(super) fn lang_and_letters(sentence: &str) -> (Lang, usize) {
    let counts = ScriptCounts::of(sentence);
    (counts.lang(), counts.letters())
}

/// The letters of a document's sentences, summed by language.
#[derive(Debug, Default)]
pub(super) struct LangWeights([usize; Lang::ALL.len()]);

impl LangWeights {
    /// Counts the `letters` of a sentence in `lang`.
    pub(super) fn add(&mut self, lang: Lang, letters: usize) {
        if let Some(slot) = Lang::ALL.iter().position(|&l| l == lang) {
            self.0[slot] += letters;
        }
    }

    /// The language holding most of the letters, `Mixed` when none does,
    /// `Und` when there are no letters.
    pub(super) fn lang(&self) -> Lang {
        let total: usize = self.0.iter().sum();
        if total == 0 {
            return Lang::Und;
        }
        Lang::ALL
            .into_iter()
            .zip(self.0)
            .find(|&(_, weight)| weight * 2 > total)
            .map_or(Lang::Mixed, |(lang, _)| lang)
    }
}

/// Letters of a text counted by script.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct ScriptCounts {
    hangul: usize,
    kana: usize,
    han: usize,
    latin: usize,
    /// True when some Latin word is written all in lowercase.
    has_prose_word: bool,
}

impl ScriptCounts {
    fn of(text: &str) -> ScriptCounts {
        let mut counts = ScriptCounts::default();
        let (mut word_len, mut word_has_capital) = (0, false);
        for c in text.chars() {
            let script = script_of(c);
            if script == Some(Script::Latin) {
                counts.latin += 1;
                word_len += 1;
                word_has_capital |= c.is_uppercase();
                continue;
            }
            counts.has_prose_word |= word_len >= PROSE_WORD_MIN_LETTERS && !word_has_capital;
            (word_len, word_has_capital) = (0, false);
            match script {
                Some(Script::Hangul) => counts.hangul += 1,
                Some(Script::Kana) => counts.kana += 1,
                Some(Script::Han) => counts.han += 1,
                Some(Script::Latin) | None => {}
            }
        }
        counts.has_prose_word |= word_len >= PROSE_WORD_MIN_LETTERS && !word_has_capital;
        counts
    }

    fn letters(self) -> usize {
        self.hangul + self.kana + self.han + self.latin
    }

    /// The CJK language with the most letters, and their number.
    fn cjk(self) -> (Lang, usize) {
        let (kana_or_han, letters) =
            if self.kana > 0 { (Lang::Ja, self.kana + self.han) } else { (Lang::Zh, self.han) };
        if self.hangul >= letters { (Lang::Ko, self.hangul) } else { (kana_or_han, letters) }
    }

    fn lang(self) -> Lang {
        let all_cjk = self.hangul + self.kana + self.han;
        let total = self.latin + all_cjk * CJK_LETTER_WEIGHT;
        let (cjk_lang, cjk_letters) = self.cjk();
        let other_cjk_letters = all_cjk - cjk_letters;
        let names_only = !self.has_prose_word;
        if total == 0 {
            Lang::Und
        } else if cjk_letters * CJK_LETTER_WEIGHT * 2 > total
            || (cjk_letters > other_cjk_letters && names_only)
        {
            cjk_lang
        } else if self.latin * 2 > total {
            Lang::En
        } else {
            Lang::Mixed
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    macro_rules! l {
        ($name:ident, $text:expr, $want:ident) => {
            #[test]
            fn $name() {
                assert_eq!(detect_lang($text), Lang::$want, "{:?}", $text);
            }
        };
    }

    // One script.
    l!(ko_plain, "식품의약품안전처는 회의를 열었다.", Ko);
    l!(en_plain, "The ministry held a meeting.", En);
    l!(ja_kana_and_kanji, "厚生労働省は会議を開いた。", Ja);
    l!(ja_katakana_only, "シンポジウム", Ja);
    l!(zh_han_only, "国家药监局发布通知。", Zh);
    l!(ko_jamo, "ㅋㅋ", Ko);
    l!(en_accented, "Café été", En);
    l!(en_full_width, "ＧＭＰ", En);

    // No letters.
    l!(und_empty, "", Und);
    l!(und_digits_and_punctuation, "2025-12-15 09:16:17 (3.5%)", Und);
    l!(und_other_script, "αβγ", Und);

    // Short sentences: the CJK language over acronyms and names.
    l!(ko_acronym_particle, "PMDA와 협력", Ko);
    l!(ko_acronym_object, "GMP 실사", Ko);
    l!(ko_name_particle, "Samsung과 협력한다", Ko);
    l!(ko_mixed_case_acronym, "mRNA 백신", Ko);
    l!(ko_unit, "5mg 투여", Ko);
    l!(ja_acronym, "PMDAと協力", Ja);
    l!(zh_acronym, "FDA批准", Zh);
    l!(en_prose_with_particle, "MFDS and PMDA와", En);
    l!(ko_acronyms_only, "MFDS PMDA KPBMA와", Ko);
    l!(ko_acronym_list, "FDA, EMA, PMDA 및 MFDS 승인", Ko);
    l!(en_acronyms_only, "FDA EMA PMDA", En);

    // Mixed sentences.
    l!(en_with_korean_name, "The Ministry of Food and Drug Safety (식약처) said so.", En);
    l!(
        ko_with_english_words,
        "식약처는 regulatory science를 강조하며 국제 협력을 확대하겠다고 약속했다",
        Ko
    );
    l!(ko_hangul_outweighs_latin_prose, "식약처는 regulatory science를 강조했다", Ko);
    l!(ko_short_with_english_word, "science 규제과학 체계다", Ko);
    l!(en_prose_with_korean_term, "The term 규제과학 means regulatory science here", En);
    l!(mixed_prose_and_hangul, "safety review 규제과학", Mixed);
    l!(ko_with_hanja, "中 정부는 日과 협력한다", Ko);
    l!(zh_with_hangul_name, "韩国食药处(식약처)表示", Zh);
    l!(ja_with_latin_prose, "厚生労働省とPMDAは新しいguidanceを公表した", Ja);
    l!(mixed_korean_and_japanese, "협력한다 協力する", Mixed);

    #[test]
    fn counts_letters_by_script() {
        let counts = ScriptCounts::of("PMDA와 協力する, 3.5%");
        let want = ScriptCounts { hangul: 1, kana: 2, han: 2, latin: 4, has_prose_word: false };
        assert_eq!(counts, want);
        assert!(ScriptCounts::of("the").has_prose_word);
        assert!(!ScriptCounts::of("mg mL Dr").has_prose_word);
    }

    #[test]
    fn document_language_is_weighted_by_letters() {
        let sentence = |start, end, lang| SentenceSpan { span: Span::new(start, end), lang };
        let text = "Short. 식품의약품안전처는 오늘 회의를 열었다고 밝혔다.";
        let sentences = [sentence(0, 6, Lang::En), sentence(7, text.len(), Lang::Ko)];
        assert_eq!(document_lang(text, &sentences), Lang::Ko);

        let text = "Hello there. 안녕하세요 반갑습니다";
        let sentences = [sentence(0, 12, Lang::En), sentence(13, text.len(), Lang::Ko)];
        assert_eq!(document_lang(text, &sentences), Lang::Mixed, "10 Latin and 10 Hangul letters");

        assert_eq!(document_lang("3.5%", &[sentence(0, 4, Lang::Und)]), Lang::Und);
        assert_eq!(document_lang("", &[]), Lang::Und);
        assert_eq!(document_lang("abc", &[sentence(1, 99, Lang::En)]), Lang::Und, "bad span");
    }
}
