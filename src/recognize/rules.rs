//! The recognition rules: for each, a regular expression whose `name` group is
//! the mention, the script whose word boundaries the name must respect, and
//! the words that make a match generic rather than a name.

use regex::Regex;

use crate::model::EntityType;

/// How a name must be delimited from the text around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Edges {
    /// Latin words: delimited by the expression itself.
    Latin,
    /// Hangul: no Hangul before; after, no Hangul other than particles.
    Hangul,
    /// Han and Kana: no Han, Kana or Hangul before (the end needs nothing).
    Cjk,
}

/// One rule.
pub(super) struct Rule {
    /// What the rule finds.
    pub(super) entity_type: EntityType,
    /// The expression; its `name` group is the mention.
    pub(super) regex: Regex,
    /// How the name is delimited.
    pub(super) edges: Edges,
    /// Leading words dropped from a match ("The", "根据").
    pub(super) strip_leading: &'static [&'static str],
    /// Whole names that are generic words, not names ("대학병원").
    pub(super) generic_names: &'static [&'static str],
    /// Endings that make a match a common word ("방법" for "…법").
    pub(super) generic_endings: &'static [&'static str],
    /// Characters no name of the rule contains: Chinese function words ("了",
    /// "的"), which show that a run of Han spans more than a name.
    pub(super) forbidden_chars: &'static str,
    /// The name must not be followed by Han ("…法" then "规定" may be the
    /// middle of a longer word).
    pub(super) ends_before_non_han: bool,
    /// The fewest characters the name may have after stripping.
    pub(super) min_chars: usize,
    /// The most characters the name may have after stripping (the
    /// expressions leave runs of Hangul or Han unbounded, which keeps their
    /// automata small).
    pub(super) max_chars: usize,
    /// The expression may take in Korean particles after the name, to be
    /// dropped ("(주)셀트리온은" → "(주)셀트리온").
    pub(super) trailing_particles: bool,
    /// Words one of which any match contains: a text with none of them is
    /// skipped without running the expression. Empty means no such word.
    pub(super) needs_one_of: Vec<String>,
}

impl Rule {
    /// A rule with `pattern` and `edges` and no other constraint.
    fn new(entity_type: EntityType, pattern: &str, edges: Edges) -> Rule {
        Rule {
            entity_type,
            regex: Regex::new(pattern).expect("valid rule"),
            edges,
            strip_leading: &[],
            generic_names: &[],
            generic_endings: &[],
            forbidden_chars: "",
            ends_before_non_han: false,
            min_chars: 0,
            max_chars: MAX_NAME_CHARS,
            trailing_particles: false,
            needs_one_of: Vec::new(),
        }
    }

    /// The rule, skipped on texts without one of the `|`-separated `words`.
    fn needing(mut self, words: &str) -> Rule {
        self.needs_one_of = words.split('|').map(str::to_owned).collect();
        self
    }

    /// True when `text` may hold a match.
    pub(super) fn may_match(&self, text: &str) -> bool {
        self.needs_one_of.is_empty()
            || self.needs_one_of.iter().any(|word| text.contains(word.as_str()))
    }
}

/// A capitalised English word, or an acronym.
const CAP: &str = r"(?:[A-Z][a-z]+(?:-[A-Za-z]+)?|[A-Z]{2,}[a-z]?)";
/// What may join two capitalised words of one name.
const JOIN: &str = r"(?:,? (?:and|of|for|on|the|&) | )";

/// The last word of an English organization name.
const ENGLISH_ORG_HEADS: &str = "Association|Agency|University|Hospital|Institute|Foundation|Council|Society|Federation|Corporation|Ministry";

/// The last word of a Korean organization name.
const KOREAN_ORG_HEADS: &str = "협회|학회|대학교|병원|연구원|제약|바이오";

/// The last word of a Japanese or Chinese organization name.
const CJK_ORG_HEADS: &str = "協会|协会|大学|学会|病院|医院|公司";

/// The most characters of a Hangul, Han or Kana name found by a rule.
const MAX_NAME_CHARS: usize = 24;

/// The most characters of an English name found by a rule.
const MAX_LATIN_NAME_CHARS: usize = 120;

/// Chinese function characters, never inside a name.
const CHINESE_FUNCTION_CHARS: &str = "的了是这那被把就而但在";

/// Korean words ending in 법 that refer to a law without naming it.
const KOREAN_GENERIC_LAWS: &[&str] = &[
    "특별법",
    "기본법",
    "개정법",
    "시행법",
    "관련법",
    "현행법",
    "해당법",
    "본법",
    "신법",
    "구법",
    "동법",
    "이법",
    "모법",
    "국내법",
    "국제법",
    "하위법",
    "상위법",
    "일반법",
];

/// Words that start a sentence but no name.
const ENGLISH_LEADING: &[&str] = &[
    "The ",
    "This ",
    "That ",
    "These ",
    "A ",
    "An ",
    "In ",
    "At ",
    "By ",
    "For ",
    "From ",
    "With ",
    "Under ",
    "Meanwhile ",
    "Also ",
    "And ",
    "But ",
    "Both ",
    "Its ",
    "Their ",
    "Last ",
    "Next ",
    "On ",
    "Monday ",
    "Tuesday ",
    "Wednesday ",
    "Thursday ",
    "Friday ",
    "Saturday ",
    "Sunday ",
    "January ",
    "February ",
    "March ",
    "April ",
    "May ",
    "June ",
    "July ",
    "August ",
    "September ",
    "October ",
    "November ",
    "December ",
];

/// Chinese words that often come right before a name.
const CHINESE_LEADING: &[&str] = &[
    "根据", "依据", "按照", "通过", "关于", "对于", "由于", "以及", "其中", "目前", "此外", "同时",
    "近日", "日前", "今年", "去年", "在", "与", "和", "及", "对", "由", "据", "按", "为", "向",
    "将", "从", "于", "是", "把", "被", "经", "让", "即", "该", "同", "各", "本", "当", "両", "全",
    "许多", "众多", "多家", "多个", "一些", "部分", "相关", "有关", "其他",
];

/// Generic Korean organization words, not names of one body.
const KOREAN_GENERIC_ORGS: &[&str] = &[
    "대학병원",
    "종합병원",
    "상급종합병원",
    "지역병원",
    "전문병원",
    "요양병원",
    "동물병원",
    "한방병원",
    "치과병원",
    "공공병원",
    "민간병원",
    "대형병원",
    "중소병원",
    "거점병원",
    "협력병원",
    "국내제약",
    "해외제약",
    "국내바이오",
    "해외바이오",
    "레드바이오",
    "그린바이오",
    "화이트바이오",
    "첨단바이오",
    "합성바이오",
    "디지털바이오",
    "글로벌바이오",
    "한국바이오",
    "차세대바이오",
    "국산바이오",
    "선임연구원",
    "책임연구원",
    "수석연구원",
    "주임연구원",
    "객원연구원",
    "박사후연구원",
    "전임연구원",
    "관련협회",
    "관련학회",
    "각협회",
    "주요대학",
    "해외대학",
    "국내대학",
];

/// Korean words ending in 법 that are no law.
const KOREAN_NOT_LAWS: &[&str] = &[
    "방법",
    "요법",
    "기법",
    "치료법",
    "공법",
    "해법",
    "용법",
    "수법",
    "문법",
    "불법",
    "위법",
    "편법",
    "사법",
    "입법",
    "어법",
    "화법",
    "합법",
    "적법",
    "탈법",
    "비법",
    "마법",
    "분석법",
    "제조법",
    "시험법",
    "측정법",
    "진단법",
    "계산법",
    "산출법",
    "평가법",
    "접근법",
    "해결법",
    "활용법",
    "사용법",
    "조리법",
    "작성법",
    "표기법",
    "투여법",
    "헌법",
];

/// Japanese and Chinese words ending in 法 that are no law.
const CJK_NOT_LAWS: &[&str] = &[
    "方法",
    "療法",
    "手法",
    "製法",
    "用法",
    "文法",
    "違法",
    "合法",
    "不法",
    "技法",
    "論法",
    "工法",
    "司法",
    "立法",
    "魔法",
    "製造法",
    "試験法",
    "分析法",
    "測定法",
    "治療法",
    "診断法",
    "解決法",
    "办法",
    "疗法",
    "做法",
    "说法",
    "看法",
    "想法",
    "写法",
    "执法",
    "违法",
    "非法",
    "依法",
    "算法",
    "语法",
    "治疗法",
    "检测法",
    "测定法",
    "检验法",
    "方法论",
    "守法",
    "宪法",
    "憲法",
    "国际法",
    "國際法",
    "国際法",
];

/// Japanese and Chinese generic organization words.
const CJK_GENERIC_ORGS: &[&str] = &[
    "大学病院",
    "総合病院",
    "地域病院",
    "国立大学",
    "私立大学",
    "公立大学",
    "関連学会",
    "业协会",
    "行业协会",
    "相关协会",
    "子公司",
    "母公司",
    "分公司",
    "总公司",
    "大公司",
    "该公司",
    "本公司",
    "上市公司",
    "合资公司",
    "控股公司",
    "科技公司",
    "生物公司",
    "医药公司",
    "制药公司",
    "跨国公司",
    "外资公司",
    "附属医院",
    "综合医院",
    "三甲医院",
];

/// Endings of Korean words before a title that are no names: particles and
/// the suffix 인 ("한국인 교수").
const KOREAN_NOT_NAME_ENDINGS: &[&str] = &["의", "는", "를", "에", "과", "와", "인", "들"];

/// Japanese nouns taking さん that are no names.
const JAPANESE_NOT_NAMES: &[&str] =
    &["患者", "子供", "子ども", "先生", "社員", "店員", "職員", "会員", "住民", "皆様", "家族"];

/// Common Korean surnames, first syllable of a name.
const KOREAN_SURNAMES: &str = "김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부";

/// Common Chinese surnames.
const CHINESE_SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

/// Builds every rule, in priority order: where two matches overlap, the
/// earlier rule's wins.
/// Where the first of two organization names joined by "and" (和, 与, 及, a
/// comma) ends: after the head word of "Nurses Association" in "Nurses
/// Association and Gaon University Hospital", or of 大学 in 大学和协会.
pub(super) fn end_of_first_joined_name(name: &str, edges: Edges) -> Option<usize> {
    let (heads, joiners): (&str, &[&str]) = match edges {
        Edges::Latin => (ENGLISH_ORG_HEADS, &[" and ", ", "]),
        Edges::Cjk => (CJK_ORG_HEADS, &["和", "与", "及", "、", "，"]),
        Edges::Hangul => return None,
    };
    heads
        .split('|')
        .flat_map(|head| name.match_indices(head).map(move |(at, _)| at + head.len()))
        .filter(|&end| joiners.iter().any(|joiner| name[end..].starts_with(joiner)))
        .min()
}

pub(super) fn rules() -> Vec<Rule> {
    let names = format!("{CAP}(?:{JOIN}{CAP}){{0,6}}");
    let person = r"[A-Z][a-z]+(?:-[a-z]+)?(?: [A-Z][a-z]+(?:-[a-z]+)?){1,2}";
    let english_titles = "Professor|Prof\\.|Dr\\.|Minister|Vice Minister|Commissioner|Director|Director General|Chairman|Chairwoman|Chairperson|President|CEO|Rep\\.|Representative|Lawmaker|Senator|Mr\\.|Ms\\.|Mrs\\.";
    let role_words = "Professor|Director|CEO|President|Chairman|Chairwoman|Chairperson|Minister|Vice Minister|Commissioner|Chief|Head|Researcher|Manager|Partner|Executive|Secretary|Senior|Deputy|Vice President|Dean|Lawmaker|Representative";
    let korean_titles = "처장|차장|교수|대표|회장|부회장|원장|장관|차관|의원|기자|사장|이사장|센터장|국장|과장|청장|총장|박사|연구원|위원장";
    let chinese_titles =
        "教授|院士|博士|局长|副局长|主任|董事长|总经理|所长|院长|研究员|部长|司长|处长";
    let latin = |entity_type, pattern: String| Rule {
        strip_leading: ENGLISH_LEADING,
        max_chars: MAX_LATIN_NAME_CHARS,
        ..Rule::new(entity_type, &pattern, Edges::Latin)
    };
    let mut rules = vec![
        // Laws: "Special Act on …", "… Act".
        latin(
            EntityType::Law,
            format!(r"(?-u:\b)(?P<name>(?:Special )?Act on (?:the )?{names})(?-u:\b)"),
        )
        .needing("Act on"),
        latin(EntityType::Law, format!(r"(?-u:\b)(?P<name>{names} Act)(?-u:\b)")).needing(" Act"),
        // People: "Name (Title, …)" and "Title Name".
        latin(
            EntityType::Person,
            format!(r"(?-u:\b)(?P<name>{person}) \((?:{role_words})(?-u:\b)"),
        )
        .needing(" ("),
        latin(
            EntityType::Person,
            format!(r"(?-u:\b)(?:{english_titles}) (?P<name>{person})(?-u:\b)"),
        ),
        // Organizations: companies, "… Association", "Ministry of …".
        latin(
            EntityType::Organization,
            format!(
                r"(?-u:\b)(?P<name>{CAP}(?: {CAP}){{0,4}},? (?:Co\., ?Ltd\.|Inc\.|Corp\.|Ltd\.|Co\.))"
            ),
        )
        .needing("Co.|Inc.|Corp.|Ltd."),
        latin(
            EntityType::Organization,
            format!(
                r"(?-u:\b)(?P<name>{names} (?:{ENGLISH_ORG_HEADS}))(?-u:\b)"
            ),
        )
        .needing(ENGLISH_ORG_HEADS),
        latin(
            EntityType::Organization,
            format!(
                r"(?-u:\b)(?P<name>(?:Ministry|University|Institute|Association|Agency|Council|Federation|Society|Academy) of (?:the )?{names})(?-u:\b)"
            ),
        )
        .needing(" of "),
    ];
    let hangul = |entity_type, pattern: String, generic_names, generic_endings, min_chars| Rule {
        generic_names,
        generic_endings,
        min_chars,
        ..Rule::new(entity_type, &pattern, Edges::Hangul)
    };
    rules.extend([
        hangul(
            EntityType::Law,
            r"(?P<name>\p{Hangul}{2,}법)".to_owned(),
            KOREAN_GENERIC_LAWS,
            KOREAN_NOT_LAWS,
            3,
        )
        .needing("법"),
        hangul(
            EntityType::Person,
            format!(r"(?P<name>[{KOREAN_SURNAMES}]\p{{Hangul}}{{2}}) (?:{korean_titles})"),
            &[],
            KOREAN_NOT_NAME_ENDINGS,
            3,
        )
        .needing(korean_titles),
        Rule {
            trailing_particles: true,
            ..hangul(
                EntityType::Organization,
                r"(?P<name>(?:\(주\)|㈜) ?[\p{Hangul}A-Za-z0-9]{2,})".to_owned(),
                &[],
                &[],
                4,
            )
        }
        .needing("(주)|㈜"),
        hangul(
            EntityType::Organization,
            format!(r"(?P<name>\p{{Hangul}}{{2,}}(?:{KOREAN_ORG_HEADS}))"),
            KOREAN_GENERIC_ORGS,
            &[],
            4,
        )
        .needing(KOREAN_ORG_HEADS),
    ]);
    let cjk = |entity_type, pattern: String, generic_names, generic_endings, min_chars| Rule {
        strip_leading: CHINESE_LEADING,
        generic_names,
        generic_endings,
        forbidden_chars: CHINESE_FUNCTION_CHARS,
        min_chars,
        ..Rule::new(entity_type, &pattern, Edges::Cjk)
    };
    rules.extend([
        Rule {
            ends_before_non_han: true,
            ..cjk(
                EntityType::Law,
                r"(?P<name>[\p{Han}\p{Katakana}ー]{2,}(?:法律|法|条例))".to_owned(),
                &[],
                CJK_NOT_LAWS,
                3,
            )
        }
        .needing("法|条例"),
        cjk(
            EntityType::Person,
            r"(?P<name>\p{Han}{2,4}|[\p{Katakana}ー]{2,10})(?:氏|さん)".to_owned(),
            JAPANESE_NOT_NAMES,
            &[],
            2,
        )
        .needing("氏|さん"),
        cjk(
            EntityType::Person,
            format!(r"(?P<name>[{CHINESE_SURNAMES}]\p{{Han}}{{1,2}})(?:{chinese_titles})"),
            &[],
            &[],
            2,
        )
        .needing(chinese_titles),
        cjk(
            EntityType::Organization,
            r"(?P<name>株式会社[\p{Han}\p{Katakana}ーA-Za-z]{2,}|[\p{Han}\p{Katakana}ー]{2,}株式会社)".to_owned(),
            &[],
            &[],
            6,
        )
        .needing("株式会社"),
        cjk(
            EntityType::Organization,
            format!(r"(?P<name>[\p{{Han}}\p{{Katakana}}ーA-Za-z]{{2,}}(?:{CJK_ORG_HEADS}))"),
            CJK_GENERIC_ORGS,
            &[],
            4,
        )
        .needing(CJK_ORG_HEADS),
    ]);
    rules
}
