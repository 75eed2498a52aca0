//! The recognizers' rules, each with hits and near misses in every language.

use super::*;
use crate::model::Lang;

/// The `(surface, type)` of every name found in `text`, read as one sentence
/// in `lang`, with the byte spans `taken` already claimed by the dictionary.
fn found_in(text: &str, lang: Lang, taken: &[Span]) -> Vec<(String, EntityType)> {
    let sentences = [SentenceSpan { span: Span::new(0, text.len()), lang }];
    Recognizer::new()
        .find(text, &sentences, Claimed { names: taken, terms: &[] })
        .into_iter()
        .map(|m| (text[m.span.start..m.span.end].to_owned(), m.entity.entity_type))
        .collect()
}

/// Checks each `(text, expected surfaces)` case, all of type `entity_type`.
fn check(lang: Lang, entity_type: EntityType, cases: &[(&str, &[&str])]) {
    for &(text, expected) in cases {
        let expected: Vec<(String, EntityType)> =
            expected.iter().map(|&s| (s.to_owned(), entity_type)).collect();
        assert_eq!(found_in(text, lang, &[]), expected, "{text}");
    }
}

#[test]
fn english_organizations() {
    check(
        Lang::En,
        EntityType::Organization,
        &[
            ("Researchers at Hanbit Medical University said", &["Hanbit Medical University"]),
            ("The Korea Cosmetic Association agreed.", &["Korea Cosmetic Association"]),
            (
                "a grant from the Ministry of Oceans and Fisheries",
                &["Ministry of Oceans and Fisheries"],
            ),
            ("shares of Daewon Pharm Co., Ltd. rose", &["Daewon Pharm Co., Ltd."]),
            ("Genexine Inc. said", &["Genexine Inc."]),
            ("the Seoul Metropolitan Hospital and others", &["Seoul Metropolitan Hospital"]),
            // Two organizations joined by "and" are two names, not one.
            (
                "The Hanbit Nurses Association and Gaon University Hospital signed a pact.",
                &["Hanbit Nurses Association", "Gaon University Hospital"],
            ),
            (
                "the Gaon Medical Foundation, Dasan Policy Institute and others",
                &["Gaon Medical Foundation", "Dasan Policy Institute"],
            ),
            // Generic or lowercase references are no names.
            ("the association said", &[]),
            ("The Association said", &[]),
            ("a university hospital in Seoul", &[]),
            ("the ministry of health", &[]),
            ("Ministry officials", &[]),
            // Dates before a name are not part of it.
            ("In March Hanbit Nurses Association said", &["Hanbit Nurses Association"]),
            // Sub-units, "… of …" tails, company words.
            ("the Biologics Approval Division reviewed", &["Biologics Approval Division"]),
            (
                "the Gaon Society for the Study of Cells met",
                &["Gaon Society for the Study of Cells"],
            ),
            ("Then, the Gaon Agency of Health", &["Gaon Agency of Health"]),
            ("Hanbit Press agreed with Daon Pharm.", &["Daon Pharm"]),
            ("Gaon Medical (GM) and Gaon Medical devices", &["Gaon Medical"]),
            ("Korean Medical and Hanbit Group Korea", &[]),
            ("a Volume Group and a Working Group", &[]),
            ("On Monday Gaon Medical Foundation said", &["Gaon Medical Foundation"]),
        ],
    );
}

#[test]
fn english_people_and_laws() {
    check(
        Lang::En,
        EntityType::Person,
        &[
            ("said Professor Mina Seo of the school", &["Mina Seo"]),
            ("Dr. Hae-won Jang presented", &["Hae-won Jang"]),
            ("Jisoo Han (Director of bio policy) said", &["Jisoo Han"]),
            ("Professor Seo said", &[]),
            ("the Director said", &[]),
            // Without a title: bylines, speakers, apposition with a role.
            ("By Kim, Jin-Gu\nSeoul", &["Kim, Jin-Gu"]),
            ("\"We agree,\" said Dana Whitfield, who", &["Dana Whitfield"]),
            ("Dana Whitfield, director of the lab, said", &["Dana Whitfield"]),
            ("Park Ji-hoon said the plan", &["Park Ji-hoon"]),
            ("Dana Whitfield said the plan", &[]),
            ("said Health Minister Lee.", &[]),
            ("New Drug (Phase 3) results", &[]),
        ],
    );
    check(
        Lang::En,
        EntityType::Law,
        &[
            ("under the Medical Device Act, firms", &["Medical Device Act"]),
            (
                "the Special Act on Rare Disease Treatment passed",
                &["Special Act on Rare Disease Treatment"],
            ),
            ("The act passed", &[]),
            ("an act of kindness", &[]),
            ("This Act applies", &[]),
        ],
    );
}

#[test]
fn korean_rules() {
    check(
        Lang::Ko,
        EntityType::Organization,
        &[
            ("한빛의료기기협회는 밝혔다", &["한빛의료기기협회"]),
            ("서울한빛대학교 연구팀", &["서울한빛대학교"]),
            ("한빛병원에서 진료", &["한빛병원"]),
            ("한빛보건협의체는", &["한빛보건협의체"]),
            ("윤리위원회는", &[]),
            ("(주)누리바이오텍은 발표했다", &["(주)누리바이오텍"]),
            ("누리제약의 신약", &["누리제약"]),
            // Generic words, and names inside longer words.
            ("대학병원에서", &[]),
            ("선임연구원은", &[]),
            ("레드바이오 분야", &[]),
            ("한빛병원장은", &[]),
            ("협회는", &[]),
        ],
    );
    check(
        Lang::Ko,
        EntityType::Person,
        &[
            ("김하늘 교수는 말했다", &["김하늘"]),
            ("박서준 대표가", &["박서준"]),
            ("남궁민 의원은", &["남궁민"]),
            ("이가온씨는", &["이가온"]),
            ("민주당 의원", &[]),
            ("위하여 대통령은", &[]),
            ("그는 교수로", &[]),
            ("한국인 교수", &[]),
            ("모두의 대표", &[]),
        ],
    );
    check(
        Lang::Ko,
        EntityType::Law,
        &[
            ("희귀질환관리법에 따라", &["희귀질환관리법"]),
            ("화장품법 개정", &["화장품법"]),
            ("분석방법을", &[]),
            ("치료법은", &[]),
            ("법안", &[]),
            ("약사법인", &[]),
            ("특별법은", &[]),
            ("지방공무원법과 지방공\n무원법", &["지방공무원법"]),
        ],
    );
}

#[test]
fn japanese_rules() {
    check(
        Lang::Ja,
        EntityType::Organization,
        &[
            ("日本再生医療学会は", &["日本再生医療学会"]),
            ("株式会社ナノキャリアが", &["株式会社ナノキャリア"]),
            ("東都医科大学の研究", &["東都医科大学"]),
            ("同協会は", &[]),
            ("、薬事審議会医薬品部会で", &["薬事審議会医薬品部会"]),
            ("大学病院で", &[]),
        ],
    );
    check(
        Lang::Ja,
        EntityType::Person,
        &[
            ("担当の山本一郎氏は", &["山本一郎"]),
            ("、佐藤花子社長が", &["佐藤花子"]),
            ("スミスさんが", &["スミス"]),
            ("患者さんの", &[]),
            ("同氏は", &[]),
        ],
    );
    check(
        Lang::Ja,
        EntityType::Law,
        &[("改正臨床研究法が", &["改正臨床研究法"]), ("新しい方法で", &[]), ("治療法の", &[])],
    );
}

#[test]
fn chinese_rules() {
    check(
        Lang::Zh,
        EntityType::Organization,
        &[
            ("，华东医药公司发布", &["华东医药公司"]),
            ("根据中国药学会的", &["中国药学会"]),
            ("北京协和医院", &["北京协和医院"]),
            ("该公司表示", &[]),
            ("子公司", &[]),
            // Generic heads joined by 和 are no name; a name may hold 和 (协和).
            ("，许多大学和协会参加了会议", &[]),
            ("，华东医药公司和中国药学会签署", &["华东医药公司", "中国药学会"]),
        ],
    );
    check(
        Lang::Zh,
        EntityType::Person,
        &[
            ("，王建国教授表示", &["王建国"]),
            ("大学教授", &[]),
            ("，李明表示", &["李明"]),
            ("局长张伟表示", &["张伟"]),
            ("双方表示", &[]),
        ],
    );
    check(
        Lang::Zh,
        EntityType::Law,
        &[
            ("《疫苗管理法》", &["疫苗管理法"]),
            ("，根据医疗器械监督管理条例", &["医疗器械监督管理条例"]),
            ("管理办法", &[]),
            ("依法", &[]),
            ("，为市场提供了法律基础", &[]),
            ("，药品管理法规定", &[]),
        ],
    );
}

#[test]
fn dictionary_mentions_and_sentence_ends_win() {
    let text = "The Korea Cosmetic Association said";
    assert!(found_in(text, Lang::En, &[Span::new(4, 30)]).is_empty());
    assert!(found_in(text, Lang::En, &[Span::new(10, 18)]).is_empty());
    let sentences = [
        SentenceSpan { span: Span::new(0, 10), lang: Lang::En },
        SentenceSpan { span: Span::new(11, text.len()), lang: Lang::En },
    ];
    assert!(Recognizer::new().find(text, &sentences, Claimed::default()).is_empty());
}

#[test]
fn entities_carry_stable_ids_and_native_names() {
    let text = "한빛병원과 Hanbit Medical University";
    let sentences = [SentenceSpan { span: Span::new(0, text.len()), lang: Lang::Ko }];
    let found = Recognizer::new().find(text, &sentences, Claimed::default());
    let hospital = &found[0].entity;
    assert_eq!(hospital.id, pattern_entity_id(EntityType::Organization, "한빛병원"));
    assert_eq!(hospital.name_ko.as_deref(), Some("한빛병원"));
    assert_eq!(hospital.aliases, ["한빛병원"]);
    let university = &found[1].entity;
    assert_eq!(university.id, "org:x-hanbit-medical-university");
    assert_eq!(university.canonical, "Hanbit Medical University");
    assert_eq!(university.name_ko, None);
}

mod document {
    use super::*;
    use crate::dictionary::testutil::{entity, whole};
    use crate::dictionary::{Dictionary, Matcher};

    fn dictionary() -> Dictionary {
        Dictionary::from_entities(vec![
            entity("org:mfds", "Ministry of Food and Drug Safety", &["MFDS", "식약처"]),
            entity("term:pbm", "pharmacy benefit manager", &["PBM"]),
            entity("org:gaon-institute", "Gaon Health Institute", &[]),
            entity("org:kobia", "Korea Biomedicine Industry Association", &["KoBIA"]),
            entity("org:hanbit", "Hanbit Biologics", &[]),
            Entity {
                country: Some("KR".to_owned()),
                ..entity("org:kr-assembly", "National Assembly", &[])
            },
        ])
    }

    /// `(surface, entity id, method)` of every mention of `text`.
    fn names_in(text: &str) -> Vec<(String, String, &'static str)> {
        let dictionary = dictionary();
        let sentences = whole(text);
        let matches = Matcher::new(&dictionary).find(text, &sentences);
        let names = Recognizer::new().names(text, &sentences, &matches, &dictionary);
        names
            .mentions
            .iter()
            .map(|m| {
                (
                    text[m.span.start..m.span.end].to_owned(),
                    names.entity(&dictionary, m.referent).id.clone(),
                    m.method.as_str(),
                )
            })
            .collect()
    }

    fn expect(expected: &[(&str, &str, &str)]) -> Vec<(String, String, &'static str)> {
        expected
            .iter()
            .map(|&(s, id, method)| {
                let method = match method {
                    "dictionary" => "dictionary",
                    "pattern" => "pattern",
                    _ => "acronym",
                };
                (s.to_owned(), id.to_owned(), method)
            })
            .collect()
    }

    #[test]
    fn a_law_or_organization_name_holds_the_terms_inside_it() {
        let law = "law:x-act-on-the-oversight-of-pharmacy-benefit-managers";
        assert_eq!(
            names_in("The Act on the Oversight of Pharmacy Benefit Managers took effect."),
            expect(&[("Act on the Oversight of Pharmacy Benefit Managers", law, "pattern")])
        );
        assert_eq!(
            names_in("The PBM Act passed."),
            expect(&[("PBM Act", "law:x-pbm-act", "pattern")])
        );
        assert_eq!(
            names_in("Staff of the Pharmacy Benefit Manager Association met."),
            expect(&[(
                "Pharmacy Benefit Manager Association",
                "org:x-pharmacy-benefit-manager-association",
                "pattern"
            )])
        );
    }

    #[test]
    fn no_other_name_holds_a_term_and_no_name_cuts_one() {
        assert_eq!(
            names_in("Director Pharmacy Benefit Manager spoke."),
            expect(&[("Pharmacy Benefit Manager", "term:pbm", "dictionary")])
        );
        assert_eq!(
            names_in("The pharmacy Benefit Manager Act passed."),
            expect(&[("pharmacy Benefit Manager", "term:pbm", "dictionary")])
        );
    }

    #[test]
    fn a_defined_acronym_takes_the_full_names_entity_in_the_whole_document() {
        let company = "org:x-pacific-harbor-medical";
        assert_eq!(
            names_in("PHM grew. Pacific Harbor Medical (PHM) advises firms; PHM said so."),
            expect(&[
                ("PHM", company, "acronym"),
                ("Pacific Harbor Medical", company, "pattern"),
                ("PHM", company, "acronym"),
                ("PHM", company, "acronym"),
            ])
        );
        // Not a term of the dictionary once the text defines it otherwise.
        let bridge = "org:x-pacific-bridge-medical";
        assert_eq!(
            names_in("Pacific Bridge Medical (PBM) said PBM grew."),
            expect(&[
                ("Pacific Bridge Medical", bridge, "pattern"),
                ("PBM", bridge, "acronym"),
                ("PBM", bridge, "acronym"),
            ])
        );
        // The dictionary's full name gives its entity to an unknown acronym.
        assert_eq!(
            names_in("GHI (Gaon Health Institute) and GHI staff"),
            expect(&[
                ("GHI", "org:gaon-institute", "acronym"),
                ("Gaon Health Institute", "org:gaon-institute", "dictionary"),
                ("GHI", "org:gaon-institute", "acronym"),
            ])
        );
        // An acronym the dictionary knows, of the same type, names the full name too.
        assert_eq!(
            names_in("the Korea Biomedical Industry Association (KoBIA) said"),
            expect(&[
                ("Korea Biomedical Industry Association", "org:kobia", "pattern"),
                ("KoBIA", "org:kobia", "dictionary"),
            ])
        );
        assert_eq!(
            names_in("Ministry of Food and Drug Safety (MFDS)"),
            expect(&[
                ("Ministry of Food and Drug Safety", "org:mfds", "dictionary"),
                ("MFDS", "org:mfds", "dictionary"),
            ])
        );
    }

    #[test]
    fn a_shared_name_is_the_dictionarys_only_in_a_document_about_its_country() {
        let assembly = "org:x-national-assembly";
        assert_eq!(
            names_in("Korea's National Assembly met in Seoul."),
            expect(&[("National Assembly", "org:kr-assembly", "dictionary")])
        );
        assert_eq!(
            names_in("Hanoi: Vietnam's National Assembly met."),
            expect(&[("National Assembly", assembly, "pattern")])
        );
    }

    #[test]
    fn legal_forms_stay_in_the_mention() {
        assert_eq!(
            names_in("Hanbit Biologics Co., Ltd. and (주)한빛바이오는"),
            expect(&[
                ("Hanbit Biologics Co., Ltd.", "org:hanbit", "dictionary"),
                (
                    "(주)한빛바이오",
                    &pattern_entity_id(EntityType::Organization, "(주)한빛바이오"),
                    "pattern"
                ),
            ])
        );
    }

    #[test]
    fn a_person_found_once_is_found_again_and_by_family_name() {
        let seo = "person:x-mina-seo";
        assert_eq!(
            names_in(
                "\"It works,\" said Mina Seo, a researcher. She and Mina Seo left, and Seo wrote."
            ),
            expect(&[
                ("Mina Seo", seo, "pattern"),
                ("Mina Seo", seo, "pattern"),
                ("Seo", seo, "pattern")
            ])
        );
        let kim = pattern_entity_id(EntityType::Person, "김하늘");
        assert_eq!(
            names_in("김하늘 교수는 말했다. 김하늘은 또 김 교수가"),
            expect(&[
                ("김하늘", &kim, "pattern"),
                ("김하늘", &kim, "pattern"),
                ("김", &kim, "pattern")
            ])
        );
    }
}

/// Every match holds one of its rule's head words: searching only the lines
/// that hold one finds what searching the whole text finds, on the example
/// corpus and the test inputs.
#[test]
fn lines_with_head_words_hold_every_match() {
    let recognizer = Recognizer::new();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in ["examples", "tests/fixtures/inputs"] {
        for entry in walkdir::WalkDir::new(root.join(dir)).sort_by_file_name() {
            let entry = entry.expect("inputs are readable");
            let Ok(text) = std::fs::read_to_string(entry.path()) else { continue };
            let sentences = [SentenceSpan { span: Span::new(0, text.len()), lang: Lang::Mixed }];
            let whole = vec![vec![Span::new(0, text.len())]; recognizer.rules.len()];
            assert_eq!(
                recognizer.find(&text, &sentences, Claimed::default()),
                recognizer.find_in_lines(&text, &sentences, Claimed::default(), &whole),
                "{}",
                entry.path().display()
            );
        }
    }
}
