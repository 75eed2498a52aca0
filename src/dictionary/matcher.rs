//! Finding the mentions of dictionary entities in a document: one Aho-Corasick
//! automaton over the folded text, each hit mapped back to the original text
//! and checked against the case, boundary and sentence rules.

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, Match, MatchKind, StartKind};

use crate::model::{EntityMatch, SentenceSpan, Span};

use super::Dictionary;
use super::boundary::{may_end, may_start, plural_suffix_len};
use super::fold::FoldedText;
use super::pattern::PatternTable;
use super::surname::Surnames;

/// Finds the mentions of a dictionary's entities in documents.
///
/// Built once from a [`Dictionary`], shared by all threads (`Send + Sync`).
#[derive(Debug)]
pub struct Matcher {
    automaton: AhoCorasick,
    patterns: PatternTable,
    surnames: Surnames,
}

impl Matcher {
    /// Builds the automaton over every surface form (`Entity::aliases`) of `dict`.
    ///
    /// # Panics
    ///
    /// When the automaton would need more than 2³¹ states, which no dictionary
    /// that fits in memory reaches.
    #[must_use]
    pub fn new(dict: &Dictionary) -> Matcher {
        let (keys, patterns) = PatternTable::build(dict);
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .start_kind(StartKind::Both)
            .build(&keys)
            .expect("the dictionary automaton fits in 32-bit state ids");
        Matcher { automaton, patterns, surnames: Surnames::of(dict) }
    }

    /// All mentions in `text`, in order, non-overlapping, each inside one of
    /// `sentences` (sorted byte spans into `text`; pass one span covering the
    /// whole text to match without segmentation).
    ///
    /// At each position the longest surface form that passes every rule wins:
    /// ASCII case-insensitive, except single-token acronyms ("PMDA", "mRNA"),
    /// which need their exact letters; Latin names end on a word boundary (an
    /// acronym may take a plural `s`: "CDMOs"); a Hangul name is not preceded
    /// by Hangul and is followed only by particles, which stay out of the span.
    /// A person named in full is then also found by their surname alone later
    /// in the text (see the `surname` module).
    #[must_use]
    pub fn find(&self, text: &str, sentences: &[SentenceSpan]) -> Vec<EntityMatch> {
        let folded = FoldedText::new(text);
        let haystack = Haystack { text, folded: &folded, sentences };
        let mut mentions = Vec::new();
        let mut from = 0;
        while let Some(hit) = self.automaton.find(Input::new(folded.as_str()).range(from..)) {
            if let Some((mention, folded_end)) = self.longest_valid_at(hit, &haystack) {
                mentions.push(mention);
                from = folded_end;
            } else {
                from = resume_after_rejection(folded.as_str(), hit.start());
            }
        }
        self.surnames.add_references(text, &mut mentions, |span| haystack.in_one_sentence(span));
        mentions
    }

    /// The mention starting where `hit` starts, with the folded offset where it
    /// ends: `hit` itself if valid, else the longest valid shorter pattern.
    fn longest_valid_at(
        &self,
        mut hit: Match,
        haystack: &Haystack<'_>,
    ) -> Option<(EntityMatch, usize)> {
        loop {
            if let Some(found) = self.validate(hit, haystack) {
                return Some(found);
            }
            let shorter = hit.start()..hit.end().saturating_sub(1);
            if shorter.is_empty() {
                return None;
            }
            let input = Input::new(haystack.folded.as_str()).range(shorter).anchored(Anchored::Yes);
            hit = self.automaton.find(input)?;
        }
    }

    /// The mention `hit` stands for, with the folded offset where it ends, if
    /// one of its candidates passes the case, boundary and sentence rules.
    fn validate(&self, hit: Match, haystack: &Haystack<'_>) -> Option<(EntityMatch, usize)> {
        let text = haystack.text;
        let start = haystack.folded.original_offset(hit.start());
        let end = haystack.folded.original_offset(hit.end());
        let surface = text.get(start..end)?;
        let first = surface.chars().next()?;
        let last = surface.chars().next_back()?;
        if !may_start(text.get(..start)?, first) {
            return None;
        }
        let after = text.get(end..)?;
        self.patterns.candidates(hit.pattern().as_usize()).iter().find_map(|candidate| {
            if !candidate.accepts_case(surface) {
                return None;
            }
            let plural = if candidate.allows_plural() { plural_suffix_len(after) } else { 0 };
            if plural == 0 && !may_end(last, after) {
                return None;
            }
            let span = Span::new(start, end + plural);
            haystack
                .in_one_sentence(span)
                .then_some((EntityMatch { span, entity: candidate.entity }, hit.end() + plural))
        })
    }
}

/// A document being searched.
struct Haystack<'a> {
    text: &'a str,
    folded: &'a FoldedText,
    sentences: &'a [SentenceSpan],
}

impl Haystack<'_> {
    /// True when `span` lies inside a single sentence.
    fn in_one_sentence(&self, span: Span) -> bool {
        let candidate = self.sentences.partition_point(|sentence| sentence.span.end <= span.start);
        self.sentences.get(candidate).is_some_and(|sentence| sentence.span.contains(span))
    }
}

/// Where to search on after no mention starts at folded offset `start`: the
/// next character, or past the run of ASCII letters and digits starting there,
/// since a hit starting inside that run would follow a letter or digit and fail
/// its start boundary.
fn resume_after_rejection(folded: &str, start: usize) -> usize {
    let rest = folded.get(start..).unwrap_or_default();
    match rest.bytes().position(|byte| !byte.is_ascii_alphanumeric()) {
        Some(0) => start + rest.chars().next().map_or(1, char::len_utf8),
        Some(word_len) => start + word_len,
        None => folded.len(),
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::super::fold::fold;
    use super::super::testutil::{entity, sentence, whole};
    use super::*;

    /// The dictionary of the table-driven tests.
    fn dictionary() -> Dictionary {
        Dictionary::from_entities(vec![
            entity(
                "org:mfds",
                "Ministry of Food and Drug Safety",
                &["MFDS", "식약처", "식품의약품안전처"],
            ),
            entity(
                "org:pmda",
                "Pharmaceuticals and Medical Devices Agency",
                &["PMDA", "医薬品医療機器総合機構"],
            ),
            entity("org:kiet", "Korea Institute for Industrial Economics and Trade", &["KIET"]),
            entity("term:gmp", "Good Manufacturing Practice", &["GMP"]),
            entity(
                "term:cdmo",
                "Contract Development and Manufacturing Organization",
                &["CDMO", "위탁개발생산"],
            ),
            entity("term:adc", "antibody-drug conjugate", &["ADC"]),
            entity("org:kodhia", "Korea Digital Health Industry Association", &["KoDHIA"]),
            entity("term:qbd", "Quality by Design", &["QbD"]),
            entity("term:mrna", "messenger RNA", &["mRNA"]),
            entity(
                "term:ips-cell",
                "induced pluripotent stem cell",
                &["iPS cells", "iPS細胞", "iPS", "人工多能性幹細胞"],
            ),
            entity("org:samsung-biologics", "Samsung Biologics", &["삼성바이오로직스"]),
            entity("org:national-assembly", "National Assembly", &["국회"]),
            entity(
                "org:mhlw",
                "Ministry of Health, Labour and Welfare",
                &["MHLW", "厚生労働省", "厚労省"],
            ),
            entity(
                "org:nmpa",
                "National Medical Products Administration",
                &["NMPA", "国家药品监督管理局", "国家药监局"],
            ),
            entity("org:cde", "Center for Drug Evaluation", &["CDE", "药品审评中心", "药审中心"]),
            entity("law:kr-cdmo-act", "CDMO Special Act", &["CDMO 특별법"]),
            entity("place:kr", "Korea", &["한국"]),
            entity("org:kobio", "Korea Bio", &["한국바이오협회"]),
            entity("org:mol", "Ministry of Labour", &["労働省"]),
            entity("term:rwe", "real-world evidence", &["RWE"]),
            entity(
                "org:kpbma",
                "Korea Pharmaceutical and Bio-Pharma Manufacturers Association",
                &["KPBMA", "한국제약바이오협회", "韓国製薬バイオ協会"],
            ),
            entity(
                "term:biosimilar",
                "biosimilar",
                &["바이오시밀러", "バイオシミラー", "生物类似药", "cell and gene therapy"],
            ),
            entity("term:culture-vessel", "culture flask", &["culture dish"]),
        ])
    }

    /// A mention as `(start byte, surface, entity id)`.
    type Mention = (usize, String, String);

    /// A text and the mentions expected in it, as `(start byte, surface, entity id)`.
    type Case<'a> = (&'a str, &'a [(usize, &'a str, &'a str)]);

    /// Every mention in `text`, read as one sentence.
    fn mentions(text: &str) -> Vec<Mention> {
        mentions_in(text, &whole(text))
    }

    fn mentions_in(text: &str, sentences: &[SentenceSpan]) -> Vec<Mention> {
        let dict = dictionary();
        Matcher::new(&dict)
            .find(text, sentences)
            .into_iter()
            .map(|m| {
                let surface = text[m.span.start..m.span.end].to_owned();
                (m.span.start, surface, dict.entity(m.entity).id.clone())
            })
            .collect()
    }

    /// Runs each `(text, expected mentions)` case.
    fn check(cases: &[Case<'_>]) {
        for &(text, expected) in cases {
            let expected: Vec<Mention> = expected
                .iter()
                .map(|&(start, surface, id)| (start, surface.to_owned(), id.to_owned()))
                .collect();
            assert_eq!(mentions(text), expected, "{text:?}");
        }
    }

    #[test]
    fn english_names_match_ascii_case_insensitively() {
        check(&[
            (
                "The Ministry of Food and Drug Safety said",
                &[(4, "Ministry of Food and Drug Safety", "org:mfds")],
            ),
            (
                "the ministry of food and drug safety said",
                &[(4, "ministry of food and drug safety", "org:mfds")],
            ),
            (
                "MINISTRY OF FOOD AND DRUG SAFETY",
                &[(0, "MINISTRY OF FOOD AND DRUG SAFETY", "org:mfds")],
            ),
            ("Ministry of Food and Drug Safeties", &[]),
            ("the Ministry of Food", &[]),
        ]);
    }

    #[test]
    fn whitespace_dashes_and_width_are_folded() {
        check(&[
            (
                "Ministry of\n Food and\u{a0}Drug\tSafety",
                &[(0, "Ministry of\n Food and\u{a0}Drug\tSafety", "org:mfds")],
            ),
            (
                "Antibody\u{2013}drug conjugate",
                &[(0, "Antibody\u{2013}drug conjugate", "term:adc")],
            ),
            ("ＰＭＤＡ approved", &[(0, "ＰＭＤＡ", "org:pmda")]),
            ("by ＰＭＤＡ．", &[(3, "ＰＭＤＡ", "org:pmda")]),
            ("ＧＭＰｓ", &[]),
        ]);
    }

    #[test]
    fn acronyms_match_case_sensitively() {
        check(&[
            ("KIET reported", &[(0, "KIET", "org:kiet")]),
            ("kiet reported", &[]),
            ("Kiet reported", &[]),
            ("KoDHIA said", &[(0, "KoDHIA", "org:kodhia")]),
            ("KODHIA said", &[]),
            ("kodhia said", &[]),
            ("apply QbD now", &[(6, "QbD", "term:qbd")]),
            ("apply QBD or qbd", &[]),
            ("an mRNA vaccine", &[(3, "mRNA", "term:mrna")]),
            ("an MRNA vaccine", &[]),
            ("iPS research", &[(0, "iPS", "term:ips-cell")]),
            ("ips research", &[]),
        ]);
    }

    #[test]
    fn latin_names_need_word_boundaries() {
        check(&[
            ("KIETS", &[]),
            ("xKIET", &[]),
            ("KIET2", &[]),
            ("cGMPs and cGMP", &[]),
            ("(GMP) rules", &[(1, "GMP", "term:gmp")]),
            ("GMP-compliant", &[(0, "GMP", "term:gmp")]),
            ("éGMP", &[]),
            ("GMPé", &[]),
            ("ｃGMP", &[]),
            ("KIETS and KIET.", &[(10, "KIET", "org:kiet")]),
        ]);
    }

    #[test]
    fn acronym_plurals_are_kept_possessives_are_not() {
        check(&[
            ("CDMOs grew", &[(0, "CDMOs", "term:cdmo")]),
            ("two ADCs.", &[(4, "ADCs", "term:adc")]),
            ("CDMOss", &[]),
            ("CDMOsx", &[]),
            ("mRNAs", &[]),
            ("PMDA's review", &[(0, "PMDA", "org:pmda")]),
            ("PMDA\u{2019}s review", &[(0, "PMDA", "org:pmda")]),
            ("CDMOs는", &[(0, "CDMOs", "term:cdmo")]),
        ]);
    }

    #[test]
    fn hyphen_space_and_joined_variants_match_one_listed_form() {
        let kpbma = "org:kpbma";
        let korea = (0, "Korea", "place:kr");
        check(&[
            (
                "Korea Pharmaceutical and Bio-Pharma Manufacturers Association",
                &[(0, "Korea Pharmaceutical and Bio-Pharma Manufacturers Association", kpbma)],
            ),
            (
                "Korea Pharmaceutical and Bio Pharma Manufacturers Association",
                &[(0, "Korea Pharmaceutical and Bio Pharma Manufacturers Association", kpbma)],
            ),
            (
                "Korea Pharmaceutical and Biopharma Manufacturers Association",
                &[(0, "Korea Pharmaceutical and Biopharma Manufacturers Association", kpbma)],
            ),
            (
                "Korea Pharmaceutical and Bio\u{2011}Pharma Manufacturers Association",
                &[(
                    0,
                    "Korea Pharmaceutical and Bio\u{2011}Pharma Manufacturers Association",
                    kpbma,
                )],
            ),
            ("Korea Pharmaceutical and Bio_Pharma Manufacturers Association", &[korea]),
            ("Korea Pharmaceutical and Bio - Pharma Manufacturers Association", &[korea]),
            ("real world evidence", &[(0, "real world evidence", "term:rwe")]),
            ("realworld evidence", &[(0, "realworld evidence", "term:rwe")]),
            ("real-worlds evidence", &[]),
            ("한국제약바이오협회는", &[(0, "한국제약바이오협회", kpbma)]),
            ("韓国製薬バイオ協会が", &[(0, "韓国製薬バイオ協会", kpbma)]),
        ]);
    }

    #[test]
    fn term_plurals_and_possessives() {
        let biosimilar = "term:biosimilar";
        check(&[
            ("biosimilars are", &[(0, "biosimilars", biosimilar)]),
            ("Biosimilars are", &[(0, "Biosimilars", biosimilar)]),
            ("a biosimilar's price", &[(2, "biosimilar", biosimilar)]),
            ("biosimilars' prices", &[(0, "biosimilars", biosimilar)]),
            ("biosimilarss", &[]),
            ("biosimilarity", &[]),
            ("cell and gene therapies", &[(0, "cell and gene therapies", biosimilar)]),
            ("cell and gene therapys", &[]),
            ("culture dishes", &[(0, "culture dishes", "term:culture-vessel")]),
            ("culture flasks", &[(0, "culture flasks", "term:culture-vessel")]),
            // Names other than terms take no plural.
            ("Korea Bios", &[(0, "Korea", "place:kr")]),
            (
                "PMDA\u{2019}s and KPBMA's reviews",
                &[(0, "PMDA", "org:pmda"), (13, "KPBMA", "org:kpbma")],
            ),
            ("바이오시밀러의 가격", &[(0, "바이오시밀러", biosimilar)]),
            ("바이오시밀러들", &[]),
            ("バイオシミラーの価格", &[(0, "バイオシミラー", biosimilar)]),
            ("生物类似药的价格", &[(0, "生物类似药", biosimilar)]),
        ]);
    }

    #[test]
    fn every_listed_particle_stays_outside_the_surface() {
        for particle in [
            "은", "는", "이", "가", "을", "를", "의", "에", "에서", "와", "과", "로", "으로", "도",
            "만", "까지", "부터", "처럼", "보다", "이며", "등",
        ] {
            let text = format!("국회{particle} 식약처{particle}");
            assert_eq!(
                mentions(&text),
                [
                    (0, "국회".to_owned(), "org:national-assembly".to_owned()),
                    (7 + particle.len(), "식약처".to_owned(), "org:mfds".to_owned())
                ],
                "{text}"
            );
        }
        check(&[("국회의사당", &[]), ("식약처장", &[]), ("식약처다운", &[])]);
    }

    #[test]
    fn longer_names_win_and_shorter_ones_back_up_rejected_hits() {
        check(&[
            ("iPS cells grow", &[(0, "iPS cells", "term:ips-cell")]),
            ("Korea Bio said", &[(0, "Korea Bio", "org:kobio")]),
            // "Korea Bio" fails its end boundary; "Korea" at the same start is valid.
            ("Korea Biotech", &[(0, "Korea", "place:kr")]),
            ("CDMO 특별법을", &[(0, "CDMO 특별법", "law:kr-cdmo-act")]),
            ("CDMO 특별", &[(0, "CDMO", "term:cdmo")]),
        ]);
    }

    #[test]
    fn korean_names_take_particles_outside_the_surface() {
        check(&[
            ("식약처는 밝혔다", &[(0, "식약처", "org:mfds")]),
            ("식약처에서는", &[(0, "식약처", "org:mfds")]),
            ("삼성바이오로직스의 공장", &[(0, "삼성바이오로직스", "org:samsung-biologics")]),
            ("국회에서도 논의", &[(0, "국회", "org:national-assembly")]),
            ("한국과 일본", &[(0, "한국", "place:kr")]),
            ("한국바이오협회는", &[(0, "한국바이오협회", "org:kobio")]),
            ("식품의약품안전처 발표", &[(0, "식품의약품안전처", "org:mfds")]),
            ("식약처(MFDS)는", &[(0, "식약처", "org:mfds"), (10, "MFDS", "org:mfds")]),
            ("위탁개발생산(CDMO)", &[(0, "위탁개발생산", "term:cdmo"), (19, "CDMO", "term:cdmo")]),
            ("CDMO를 CDMO업계", &[(0, "CDMO", "term:cdmo"), (8, "CDMO", "term:cdmo")]),
        ]);
    }

    #[test]
    fn korean_names_inside_longer_words_are_rejected() {
        check(&[
            ("한국인", &[]),
            ("대한국", &[]),
            ("식약처장은", &[]),
            ("국회의원들", &[]),
            ("삼성바이오로직스들의", &[]),
            ("대한국 한국", &[(10, "한국", "place:kr")]),
        ]);
    }

    #[test]
    fn japanese_names_need_no_boundaries() {
        check(&[
            ("厚生労働省は承認した", &[(0, "厚生労働省", "org:mhlw")]),
            ("厚労省とPMDAは", &[(0, "厚労省", "org:mhlw"), (12, "PMDA", "org:pmda")]),
            ("日本のiPS細胞を", &[(9, "iPS細胞", "term:ips-cell")]),
            ("ｉＰＳ細胞", &[(0, "ｉＰＳ細胞", "term:ips-cell")]),
            ("人工多能性幹細胞の研究", &[(0, "人工多能性幹細胞", "term:ips-cell")]),
            ("医薬品医療機器総合機構が", &[(0, "医薬品医療機器総合機構", "org:pmda")]),
        ]);
    }

    #[test]
    fn chinese_names_need_no_boundaries() {
        check(&[
            ("国家药监局发布", &[(0, "国家药监局", "org:nmpa")]),
            (
                "国家药品监督管理局药品审评中心",
                &[(0, "国家药品监督管理局", "org:nmpa"), (27, "药品审评中心", "org:cde")],
            ),
            ("CDE和NMPA", &[(0, "CDE", "org:cde"), (6, "NMPA", "org:nmpa")]),
            ("药审中心", &[(0, "药审中心", "org:cde")]),
            ("药审", &[]),
        ]);
    }

    #[test]
    fn mentions_never_cross_sentence_boundaries() {
        let text = "Ministry of Food and\nDrug Safety. KIET";
        assert_eq!(
            mentions_in(text, &[sentence(0, 20), sentence(21, 33), sentence(34, 38)]),
            [(34, "KIET".to_owned(), "org:kiet".to_owned())]
        );
        // "厚生労働省" crosses the boundary; "労働省" inside it starts the second sentence.
        let text = "厚生労働省";
        assert_eq!(
            mentions_in(text, &[sentence(0, 6), sentence(6, 15)]),
            [(6, "労働省".to_owned(), "org:mol".to_owned())]
        );
        assert_eq!(mentions_in(text, &whole(text)), [(0, text.to_owned(), "org:mhlw".to_owned())]);
        assert!(mentions_in("KIET", &[]).is_empty());
    }

    #[test]
    fn scripts_meet_without_boundaries() {
        check(&[
            ("한국GMP", &[(0, "한국", "place:kr"), (6, "GMP", "term:gmp")]),
            ("GMP한국", &[(0, "GMP", "term:gmp"), (3, "한국", "place:kr")]),
            ("米PMDA", &[(3, "PMDA", "org:pmda")]),
            ("日本のPMDAは", &[(9, "PMDA", "org:pmda")]),
            ("厚労省KIET", &[(0, "厚労省", "org:mhlw"), (9, "KIET", "org:kiet")]),
        ]);
    }

    #[test]
    fn repeated_and_adjacent_mentions() {
        check(&[
            (
                "MFDS MFDS,MFDS",
                &[(0, "MFDS", "org:mfds"), (5, "MFDS", "org:mfds"), (10, "MFDS", "org:mfds")],
            ),
            ("KIET/GMP", &[(0, "KIET", "org:kiet"), (5, "GMP", "term:gmp")]),
            ("厚労省厚労省", &[(0, "厚労省", "org:mhlw"), (9, "厚労省", "org:mhlw")]),
        ]);
    }

    #[test]
    fn exact_case_candidates_are_tried_before_others() {
        let dict = Dictionary::from_entities(vec![
            entity("person:kiet", "Kiet", &[]),
            entity("org:kiet", "Korea Institute for Industrial Economics and Trade", &["KIET"]),
        ]);
        let matcher = Matcher::new(&dict);
        for (text, expected) in
            [("KIET", "org:kiet"), ("Kiet", "person:kiet"), ("kiet", "person:kiet")]
        {
            let found = matcher.find(text, &whole(text));
            let ids: Vec<&str> = found.iter().map(|m| dict.entity(m.entity).id.as_str()).collect();
            assert_eq!(ids, [expected], "{text}");
        }
    }

    #[test]
    fn sentence_edges() {
        let text = "KIET식약처는";
        // Both mentions end exactly where their sentences end; the particle lies outside.
        let spans: Vec<Span> = Matcher::new(&dictionary())
            .find(text, &[sentence(0, 4), sentence(4, 13)])
            .iter()
            .map(|m| m.span)
            .collect();
        assert_eq!(spans, [Span::new(0, 4), Span::new(4, 13)]);
        assert_eq!(
            mentions_in(text, &[sentence(1, 16)]),
            [(4, "식약처".to_owned(), "org:mfds".to_owned())]
        );
    }

    #[test]
    fn an_empty_dictionary_finds_nothing() {
        let matcher = Matcher::new(&Dictionary::default());
        assert!(matcher.find("MFDS 식약처", &whole("MFDS 식약처")).is_empty());
    }

    #[test]
    fn search_resumes_past_words_that_cannot_start_a_mention() {
        for (folded, start, expected) in
            [("kiets gmp", 0, 5), ("kiets", 1, 5), ("-gmp", 0, 1), ("식약처", 0, 3), ("ab", 2, 2)]
        {
            assert_eq!(resume_after_rejection(folded, start), expected, "{folded:?} {start}");
        }
        check(&[
            ("xKIET-GMP", &[(6, "GMP", "term:gmp")]),
            ("KIETSGMP GMP", &[(9, "GMP", "term:gmp")]),
            ("KIETS 식약처", &[(6, "식약처", "org:mfds")]),
        ]);
    }

    #[test]
    fn texts_without_mentions() {
        check(&[("", &[]), (" ", &[]), ("nothing to see here", &[]), ("\u{feff}\u{200b}", &[])]);
    }

    #[test]
    fn matcher_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Matcher>();
    }

    /// Pieces of text that exercise the rules: names, particles, plurals,
    /// boundaries, folded characters, sentence ends.
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            3 => prop::sample::select(vec![
                "MFDS", "식약처", "KIET", "CDMO", "CDMO 특별법", "厚生労働省", "労働省", "iPS細胞",
                "ｉＰＳ", "Ministry of Food and Drug Safety", "는", "에서", "s", "'s", "’", " ", "\n",
                "\u{a0}", "Ａ", "–", ".", "x", "한",
            ])
            .prop_map(str::to_owned),
            1 => any::<String>(),
        ]
    }

    proptest! {
        #[test]
        fn find_returns_ordered_valid_spans(pieces in prop::collection::vec(piece(), 0..16)) {
            let text = pieces.concat();
            let mut sentences = Vec::new();
            let mut start = 0;
            for (dot, _) in text.match_indices('.').chain([(text.len(), "")]) {
                sentences.push(sentence(start, dot));
                start = dot + 1;
            }
            let dict = dictionary();
            let found = Matcher::new(&dict).find(&text, &sentences);
            let mut previous_end = 0;
            for m in found {
                prop_assert!(previous_end <= m.span.start && m.span.start < m.span.end);
                prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
                prop_assert!(sentences.iter().any(|s| s.span.contains(m.span)));
                let surface = fold(&text[m.span.start..m.span.end]);
                let entity = dict.entity(m.entity);
                prop_assert!(entity.aliases.iter().any(|alias| {
                    let alias = fold(alias);
                    surface == alias || surface.strip_suffix('s') == Some(alias.as_str())
                }), "{surface:?} is no surface form of {}", entity.id);
                previous_end = m.span.end;
            }
        }
    }
}
