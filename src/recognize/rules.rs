//! The recognition rules: for each, a regular expression whose `name` group is
//! the mention, the script whose word boundaries the name must respect, and
//! the words that make a match generic rather than a name.

use aho_corasick::{AhoCorasick, Anchored, MatchKind, StartKind};
use regex_automata::Input;
use regex_automata::meta::Regex;
use regex_automata::util::captures::Captures;
use regex_syntax::hir::HirKind;

use crate::model::{EntityType, Span};

use super::people::{JAPANESE_FAMILY_NAMES, LATIN_FAMILY_NAMES, alternation};

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

/// The word a Latin name may be followed by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum NextWord {
    /// Any word.
    Any,
    /// No capitalised word, which would continue the name ("Hanbit Pharm
    /// Korea").
    NotCapitalised,
    /// No word at all: the name's last word is an adjective as well
    /// ("Medical", "Bio"), so a word after it makes it a description.
    None,
}

/// One rule.
pub(super) struct Rule {
    /// What the rule finds.
    pub(super) entity_type: EntityType,
    /// The expression; its `name` group is the mention.
    regex: Regex,
    /// The index of the `name` group.
    name_group: usize,
    /// The `name` group is the whole match, which the expression finds
    /// without resolving groups.
    name_is_match: bool,
    /// How the name is delimited.
    pub(super) edges: Edges,
    /// Leading words dropped from a match ("The", "根据").
    pub(super) strip_leading: Leading,
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
    /// Which word may follow a Latin name.
    pub(super) next_word: NextWord,
    /// Words no name of the rule contains ("Minister" in "Health Minister
    /// Cho" after "said").
    pub(super) forbidden_words: &'static [&'static str],
    /// The name must hold a listed family name: one of its words in Latin
    /// script ("Kim Jin-gu said"), its start in Hangul or Han ("김하늘",
    /// "王建国"), with a given name of the usual length.
    pub(super) needs_family_name: bool,
    /// The expression matches what comes before the name (a title), so the
    /// name needs no edge of its own there ("局长王明").
    pub(super) context_before: bool,
    /// Words one of which every match contains (never a line break): only
    /// the lines holding one are searched.
    pub(super) needs_one_of: Vec<String>,
}

impl Rule {
    /// A rule with `pattern` and `edges` and no other constraint.
    fn new(entity_type: EntityType, pattern: &str, edges: Edges) -> Rule {
        let regex = Regex::new(pattern).expect("valid rule");
        let name_group = regex
            .group_info()
            .to_index(regex_automata::PatternID::ZERO, "name")
            .expect("every rule has a name group");
        Rule {
            entity_type,
            regex,
            name_group,
            name_is_match: name_is_whole_match(pattern),
            edges,
            strip_leading: Leading::default(),
            generic_names: &[],
            generic_endings: &[],
            forbidden_chars: "",
            ends_before_non_han: false,
            min_chars: 0,
            max_chars: MAX_NAME_CHARS,
            trailing_particles: false,
            next_word: NextWord::Any,
            forbidden_words: &[],
            needs_family_name: false,
            context_before: false,
            needs_one_of: Vec::new(),
        }
    }

    /// The rule, whose every match holds one of the `|`-separated `words`.
    fn needing(mut self, words: &str) -> Rule {
        self.needs_one_of = words.split('|').map(str::to_owned).collect();
        self
    }

    /// Scratch space for [`Rule::find_name`].
    pub(super) fn captures(&self) -> Captures {
        self.regex.create_captures()
    }

    /// The span of the `name` group of the first match starting in `range`
    /// of `text` and ending inside it. The expression sees the text around
    /// `range` for its word boundaries.
    pub(super) fn find_name(
        &self,
        text: &str,
        range: std::ops::Range<usize>,
        captures: &mut Captures,
    ) -> Option<Span> {
        let input = Input::new(text).range(range);
        if self.name_is_match {
            return self.regex.search(&input).map(|name| Span::new(name.start(), name.end()));
        }
        self.regex.search_captures(&input, captures);
        captures.get_group(self.name_group).map(|name| Span::new(name.start, name.end))
    }
}

/// True when the `name` group of `pattern` is all it matches: nothing but
/// word boundaries around it.
fn name_is_whole_match(pattern: &str) -> bool {
    let hir = regex_syntax::parse(pattern).expect("valid rule");
    let parts = match hir.kind() {
        HirKind::Concat(parts) => parts.as_slice(),
        _ => std::slice::from_ref(&hir),
    };
    let mut consuming = parts.iter().filter(|part| !matches!(part.kind(), HirKind::Look(_)));
    let only = consuming.next().filter(|_| consuming.next().is_none());
    only.is_some_and(|part| {
        matches!(part.kind(), HirKind::Capture(group) if group.name.as_deref() == Some("name"))
    })
}

/// Leading words dropped from a match, in one anchored automaton.
#[derive(Default)]
pub(super) struct Leading(Option<AhoCorasick>);

impl Leading {
    fn new(words: &[&str]) -> Leading {
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .start_kind(StartKind::Anchored)
            .build(words)
            .expect("leading words build an automaton");
        Leading(Some(automaton))
    }

    /// `name` without the first of the words it starts with, in their
    /// order, or `None` when it starts with none.
    pub(super) fn strip<'a>(&self, name: &'a str) -> Option<&'a str> {
        let automaton = self.0.as_ref()?;
        let found = automaton.find(aho_corasick::Input::new(name).anchored(Anchored::Yes))?;
        Some(&name[found.end()..])
    }
}

/// A capitalised English word, or an acronym.
const CAP: &str = r"(?:[A-Z][a-z]+(?:-[A-Za-z]+)?|[A-Z]{2,}[a-z]?)";
/// What may join two capitalised words of one name.
const JOIN: &str = r"(?:,? (?:and|&) | (?:of|for|on|the) | )";

/// The last word of an English organization name.
const ENGLISH_ORG_HEADS: &str = "Association|Agency|University|Hospital|Institute|Foundation|Council|Society|Federation|Corporation|Ministry|Division|Bureau|Committee|Commission|Department|Board|Academy";

/// True when `word` may start a sentence before a name without being part
/// of it ("The", "In", "Meanwhile").
pub(super) fn is_leading_word(word: &str) -> bool {
    ENGLISH_LEADING.iter().any(|leading| leading.trim_end() == word)
}

/// True when `word` is the last word of an English organization name
/// ("Association", "University").
pub(super) fn is_english_org_head(word: &str) -> bool {
    ENGLISH_ORG_HEADS.split('|').any(|head| head == word)
}

/// Nouns that end an English company name ("Hanbit Pharm", "Gaon Group").
const COMPANY_NOUNS: &str = "Pharm|Pharma|Group|Holdings|Therapeutics|Biologics|Biosciences|Bioscience|Biopharma|Biopharmaceuticals|Pharmaceuticals|Healthcare|Labs|Laboratories|Biotherapeutics|Genomics|Diagnostics";

/// Adjectives that end an English company name ("Gaon Medical", "Hanbit
/// Bio") when nothing follows them.
const COMPANY_ADJECTIVES: &str = "Medical|Bio|Biotech|Pharmaceutical|Chemical";

/// Words that describe rather than name before a company word ("Korean
/// Medical").
const DESCRIPTIVE_LEADING: &[&str] = &[
    "Korean ",
    "Japanese ",
    "Chinese ",
    "American ",
    "Australian ",
    "British ",
    "European ",
    "Asian ",
    "Global ",
    "International ",
    "National ",
    "General ",
    "Advanced ",
    "Digital ",
    "New ",
    "Other ",
    "Major ",
    "Leading ",
    "Local ",
    "Foreign ",
    "Domestic ",
    "Regional ",
    "Federal ",
    "Private ",
    "Public ",
    "Top ",
    "Big ",
    "Emergency ",
    "Clinical ",
    "Generic ",
];

/// Generic English groups and centres, not names of one body.
const ENGLISH_GENERIC_ORGS: &[&str] = &[
    "Working Group",
    "Study Group",
    "Advisory Group",
    "Expert Group",
    "Interest Group",
    "Task Group",
    "Age Group",
    "Blood Group",
    "Focus Group",
    "Ethnic Group",
    "Control Group",
    "Treatment Group",
    "Placebo Group",
    "Research Group",
    "Support Group",
    "Pressure Group",
    "Peer Group",
    "Risk Group",
    "Patient Group",
    "User Group",
    "Users Group",
    "Special Group",
    "Main Group",
    "Functional Group",
    "Volume Group",
    "Exit Group",
    "Enter Group",
    "Edit Group",
    "New Group",
    "Align Center",
    "Control Center",
    "Help Center",
    "Data Center",
    "Call Center",
    "Service Center",
    "Shopping Center",
    "City Center",
    "Town Center",
    "Community Center",
    "Visitor Center",
    " Says",
    " Said",
    " This",
    " All",
    " However",
    " Also",
    " Meanwhile",
    " Moreover",
    " Therefore",
    " Thus",
];

/// The last word of a Korean organization name.
const KOREAN_ORG_HEADS: &str =
    "협회|학회|대학교|병원|연구원|제약|바이오|위원회|협의회|협의체|진흥원|공단|재단";

/// The last word of a Japanese or Chinese organization name.
const CJK_ORG_HEADS: &str =
    "協会|协会|大学|学会|病院|医院|公司|委員会|委员会|審議会|部会|協議会|研究所|研究院|集团";

/// The most characters of a Hangul, Han or Kana name found by a rule.
const MAX_NAME_CHARS: usize = 24;

/// The most characters of an English name found by a rule.
const MAX_LATIN_NAME_CHARS: usize = 120;

/// Chinese function characters, never inside a name.
const CHINESE_FUNCTION_CHARS: &str =
    "的了是这那被把就而但在由用对面没很也们我你他她它个还又或着过给让此于作";

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
    "특별위원회",
    "상임위원회",
    "윤리위원회",
    "운영위원회",
    "자문위원회",
    "심사위원회",
    "심의위원회",
    "조직위원회",
    "전문위원회",
    "분과위원회",
    "실무위원회",
    "평가위원회",
    "추진위원회",
    "관리위원회",
    "실무협의회",
    "지역협의회",
    "실무협의체",
    "민관협의체",
    "협의체",
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
    "원근법",
    "입체법",
    "체감법",
    "정액법",
    "정률법",
    "맞춤법",
    "미터법",
    "표현법",
    "검사법",
    "입력법",
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
    "输入法",
    "転送法",
    "復活法",
    "回復法",
    "修復法",
    "対処法",
    "検査法",
    "解析法",
    "計算法",
    "変換法",
    "処理法",
    "記法",
    "作成法",
    "使用法",
    "利用法",
    "操作法",
    "設定法",
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
    "伦理委员会",
    "专家委员会",
    "编辑委员会",
    "常务委员会",
    "组织委员会",
    "倫理委員会",
    "審査委員会",
    "専門部会",
    "専門委員会",
    "有识委员会",
    "技术委员会",
    "技術委員会",
    "不同公司",
    "商业公司",
    "大型公司",
    "小型公司",
    "外国公司",
    "国外公司",
    "国内公司",
    "软件公司",
    "技术公司",
    "保险公司",
    "咨询公司",
    "投资公司",
    "管理公司",
    "服务公司",
    "新公司",
    "各公司",
    "第三方公司",
    "一家公司",
    "参与公司",
    "集成公司",
    "软件服务公司",
    "地区协会",
    "デザイン研究所",
];

/// Japanese nouns taking さん that are no names.
const JAPANESE_NOT_NAMES: &[&str] =
    &["患者", "子供", "子ども", "先生", "社員", "店員", "職員", "会員", "住民", "皆様", "家族"];

/// Words that are no part of a person's name in English: titles, and the
/// words of places, media and organizations.
const NOT_IN_ENGLISH_NAMES: &[&str] = &[
    "Minister",
    "President",
    "Director",
    "Chairman",
    "Chairwoman",
    "CEO",
    "Professor",
    "Chief",
    "Vice",
    "Commissioner",
    "Secretary",
    "Senator",
    "Governor",
    "Mayor",
    "Officer",
    "Executive",
    "General",
    "Deputy",
    "Head",
    "Manager",
    "Health",
    "Korea",
    "Korean",
    "Japan",
    "Japanese",
    "China",
    "Chinese",
    "Seoul",
    "Tokyo",
    "Beijing",
    "News",
    "Times",
    "Post",
    "Herald",
    "Journal",
    "Daily",
    "Reuters",
    "Agency",
    "Association",
    "University",
    "Hospital",
    "Institute",
    "Group",
    "Ministry",
    "Council",
    "Committee",
    "Office",
    "Center",
    "Centre",
    "Bureau",
    "Department",
    "Pharm",
    "Pharma",
    "Bio",
    "Biologics",
    "Medical",
    "Inc",
    "Corp",
    "Company",
    "Party",
    "Court",
    "National",
    "International",
    "Global",
    "Street",
    "Road",
    "City",
    "State",
    "North",
    "South",
    "East",
    "West",
    "New",
    "United",
    "Day",
    "Prime",
    "Mr",
    "Ms",
    "Mrs",
    "Dr",
    "Sir",
    "Lord",
    "God",
    "Christ",
    "Saint",
    "St",
    "Parliament",
    "Assembly",
    "Senate",
    "Congress",
    "Union",
    "Bank",
    "Australia",
    "Australian",
    "America",
    "American",
    "Britain",
    "British",
];

/// Titles written before an English name and left out of it ("Prime
/// Minister Lord North", "President General Pervez Musharraf").
const NOBLE_TITLES: &[&str] = &["Lord ", "Lady ", "Sir ", "Dame ", "General ", "King ", "Queen "];

/// Korean role words and honorifics written after a full name.
const KOREAN_ROLES: &str = "처장|차장|교수|대표|대표이사|회장|부회장|원장|장관|차관|의원|기자|사장|부사장|이사장|센터장|국장|과장|청장|총장|박사|연구원|선임연구원|책임연구원|수석연구원|연구위원|위원장|본부장|실장|팀장|단장|소장|부장|대변인|사무총장|총리|대통령|의장|학장|변호사|특파원|애널리스트|전무|상무";

/// Endings of a Hangul word before a role word that show it is no name:
/// particles, 인 ("한국인 교수"), and the last syllables of bodies ("민주당
/// 의원", "연구소 소장").
const KOREAN_NOT_NAME_ENDINGS: &[&str] = &[
    "의", "는", "를", "에", "과", "와", "인", "들", "당", "소", "청", "처", "부", "회", "단", "실",
    "팀", "국", "사", "원장", "측", "여", "며", "고", "면", "게", "로", "만", "히", "하는", "해서",
    "으로", "에서", "에게", "까지", "부터", "위해", "대한", "관한", "통해",
];

/// Japanese titles written after a full name.
const JAPANESE_ROLES: &str = "社長|会長|教授|准教授|理事長|部長|局長|課長|室長|所長|院長|代表|大臣|長官|審議官|委員長|議員|医師|博士|研究員|総裁|知事|市長|専務|常務";

/// Chinese titles written before a name.
const CHINESE_TITLES_BEFORE: &str = "副局长|局长|副主任|主任|院长|董事长|总经理|总裁|教授|研究员|司长|处长|发言人|部长|副部长|理事长|会长|秘书长|所长|首席执行官";

/// Chinese speech verbs after a name.
const CHINESE_SPEECH: &str = "表示|指出|介绍|认为|强调|透露|坦言";

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
    if !joiners.iter().any(|joiner| name.contains(joiner)) {
        return None;
    }
    heads
        .split('|')
        .flat_map(|head| name.match_indices(head).map(move |(at, _)| at + head.len()))
        .filter(|&end| joiners.iter().any(|joiner| name[end..].starts_with(joiner)))
        .min()
}

pub(super) fn rules() -> Vec<Rule> {
    let names = format!("{CAP}(?:{JOIN}{CAP}){{0,6}}");
    let person = r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?(?: [A-Z][a-z]+(?:-[A-Za-z][a-z]+)?){1,2}";
    let speech = "said|says|added|noted|explained|stressed|told";
    let appositive_roles = "director|head|chief|president|vice president|chairman|chairwoman|chair|CEO|chief executive|professor|associate professor|assistant professor|minister|vice minister|commissioner|spokesperson|spokesman|spokeswoman|researcher|senior researcher|analyst|manager|general manager|partner|founder|co-founder|dean|secretary|lawmaker|deputy|team leader|representative|senior vice president|executive vice president";
    let latin_family = alternation(&LATIN_FAMILY_NAMES);
    let japanese_family = alternation(&JAPANESE_FAMILY_NAMES);
    let english_titles = "Professor|Prof\\.|Dr\\.|Minister|Vice Minister|Commissioner|Director|Director General|Chairman|Chairwoman|Chairperson|President|CEO|Rep\\.|Representative|Lawmaker|Senator|Mr\\.|Ms\\.|Mrs\\.";
    let bodies = "Ministry|University|Institute|Association|Agency|Council|Federation|Society|Academy|Division|Bureau|Department|Office|Committee|Commission|Board";
    let role_words = "Professor|Director|CEO|President|Chairman|Chairwoman|Chairperson|Minister|Vice Minister|Commissioner|Chief|Head|Researcher|Manager|Partner|Executive|Secretary|Senior|Deputy|Vice President|Dean|Lawmaker|Representative";
    let chinese_titles =
        "教授|院士|博士|局长|副局长|主任|董事长|总经理|所长|院长|研究员|部长|司长|处长";
    let latin = |entity_type, pattern: String| Rule {
        strip_leading: Leading::new(ENGLISH_LEADING),
        max_chars: MAX_LATIN_NAME_CHARS,
        ..Rule::new(entity_type, &pattern, Edges::Latin)
    };
    let company = |words: &str, next_word| Rule {
        strip_leading: Leading::new(&[ENGLISH_LEADING, DESCRIPTIVE_LEADING].concat()),
        generic_endings: ENGLISH_GENERIC_ORGS,
        next_word,
        ..latin(
            EntityType::Organization,
            format!(r"(?-u:\b)(?P<name>{CAP}(?: {CAP}){{0,3}} (?:{words}))(?-u:\b)"),
        )
        .needing(words)
    };
    let person_rule = |pattern: String| Rule {
        forbidden_words: NOT_IN_ENGLISH_NAMES,
        ..latin(EntityType::Person, pattern)
    };
    let titled = |pattern: String| Rule {
        strip_leading: Leading::new(&[ENGLISH_LEADING, NOBLE_TITLES].concat()),
        ..latin(EntityType::Person, pattern)
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
        .needing(role_words),
        titled(format!(r"(?-u:\b)(?:{english_titles}) (?P<name>{person})(?-u:\b)"))
            .needing(&english_titles.replace('\\', "")),
        // People without a title: bylines, speakers, apposition with a role.
        person_rule(format!(
            r"(?-u:\b)[Bb]y (?P<name>(?:{latin_family}), [A-Z][a-z]+(?:-[A-Za-z][a-z]+)?)(?-u:\b)"
        ))
        .needing("by |By "),
        person_rule(format!(
            r"(?-u:\b)(?:{speech}|according to) (?P<name>{person})(?:[,.;(\n]| (?:of|from|at|who|in)(?-u:\b))"
        ))
        .needing(&format!("{speech}|according to")),
        Rule {
            needs_family_name: true,
            ..person_rule(format!(r"(?-u:\b)(?P<name>{person}) (?:{speech})(?-u:\b)"))
        }
        .needing(speech),
        person_rule(format!(
            r"(?-u:\b)(?P<name>{person}), (?:the |a |an )?(?:{appositive_roles})(?-u:\b)"
        ))
        .needing(appositive_roles),
        // Organizations: companies, "… Association", "Ministry of …".
        latin(
            EntityType::Organization,
            format!(
                r"(?-u:\b)(?P<name>{CAP}(?: {CAP}){{0,4}},? (?:Co\., ?Ltd\.|Inc\.|Corp\.|Ltd\.|Co\.))"
            ),
        )
        .needing("Co.|Inc.|Corp.|Ltd."),
        Rule {
            generic_endings: ENGLISH_GENERIC_ORGS,
            ..latin(
            EntityType::Organization,
            format!(
                r"(?-u:\b)(?P<name>{names} (?:{ENGLISH_ORG_HEADS})(?: (?:of|for|into) (?:the )?{CAP}(?:{JOIN}{CAP}){{0,4}})?(?: Press)?(?: at {CAP}(?: {CAP})?)?)(?-u:\b)"
            ),
        )
        }
        .needing(ENGLISH_ORG_HEADS),
        Rule {
            generic_endings: ENGLISH_GENERIC_ORGS,
            ..latin(
            EntityType::Organization,
            format!(
                r"(?-u:\b)(?P<name>(?:{bodies}) (?:of|for|on) (?:the )?{names}(?: at {CAP}(?: {CAP})?)?)(?-u:\b)"
            ),
        )
        }
        .needing(bodies),
        company(COMPANY_NOUNS, NextWord::NotCapitalised),
        company(COMPANY_ADJECTIVES, NextWord::None),
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
        Rule {
            needs_family_name: true,
            ..hangul(
            EntityType::Person,
            format!(
                r"(?P<name>\p{{Hangul}}{{3,4}})(?: (?:{KOREAN_ROLES})| ?씨)(?:[^\p{{Hangul}}]|$|[은는이가을를의에과와도])"
            ),
            &[],
            KOREAN_NOT_NAME_ENDINGS,
            3,
        )
        }
        .needing(&format!("{KOREAN_ROLES}|씨")),
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
        strip_leading: Leading::new(CHINESE_LEADING),
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
                r"(?P<name>[\p{Han}\p{Katakana}ー]{1,}\p{Han}(?:法律|法|条例))".to_owned(),
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
        Rule {
            needs_family_name: true,
            ..cjk(
            EntityType::Person,
            format!(r"(?P<name>\p{{Han}}{{2,4}})(?:{chinese_titles}|{CHINESE_SPEECH})"),
            &[],
            &[],
            2,
        )
        }
        .needing(&format!("{chinese_titles}|{CHINESE_SPEECH}")),
        Rule {
            context_before: true,
            needs_family_name: true,
            ..cjk(
                EntityType::Person,
                format!(
                    r"(?:{CHINESE_TITLES_BEFORE})(?P<name>\p{{Han}}{{2,4}})(?:{CHINESE_SPEECH}|说|称|[，、：:,])"
                ),
                &[],
                &[],
                2,
            )
        }
        .needing(CHINESE_TITLES_BEFORE),
        cjk(
            EntityType::Person,
            format!(r"(?P<name>(?:{japanese_family})\p{{Han}}{{1,3}})(?:{JAPANESE_ROLES})"),
            &[],
            &[],
            3,
        )
        .needing(JAPANESE_ROLES),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_are_the_whole_match() {
        assert!(name_is_whole_match(r"(?P<name>\p{Hangul}{2,}법)"));
        assert!(name_is_whole_match(r"(?-u:\b)(?P<name>[A-Z][a-z]+ Act)(?-u:\b)"));
        assert!(!name_is_whole_match(r"(?P<name>\p{Han}{2,4})(?:氏|さん)"));
        assert!(!name_is_whole_match(r"(?-u:\b)(?:Dr\.) (?P<name>[A-Z][a-z]+)"));
        assert!(!name_is_whole_match(r"(?P<other>[A-Z]+)"));
    }
}
