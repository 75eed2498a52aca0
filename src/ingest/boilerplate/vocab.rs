//! Word lists behind the plain-text boilerplate signals: site controls and
//! section names, phrases that open the furniture after an article, and the
//! vocabulary of comment, privacy and copyright notices.
//!
//! Words are matched on whole lowercased tokens; phrases anywhere in a line,
//! ASCII letters in any case, by one automaton built once. The lists
//! name kinds of page furniture, never the sentences of particular sites.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::script;
use crate::words::WordSet;

/// Tokens of site controls, menus and section names: a short line made of
/// them is navigation ("Text Size", "Close", "본문 바로가기", "Home | News").
#[rustfmt::skip]
const CONTROL_WORDS: &[&str] = &[
    // English controls.
    "home", "menu", "search", "close", "open", "login", "logout", "signin", "signup", "register",
    "subscribe", "share", "print", "email", "e-mail", "top", "back", "next", "previous", "prev",
    "more", "list", "content", "contents", "main", "text", "font", "size", "zoom", "skip",
    "navigation", "live", "copy", "link", "bookmark", "scrap", "like", "comment", "comments",
    "reply", "write", "report", "view", "discover", "read", "related", "articles", "stories",
    "tags", "tag", "join", "follow", "social", "facebook", "twitter", "kakaotalk", "kakao",
    "naver", "instagram", "youtube", "linkedin", "telegram", "whatsapp", "image", "photo",
    // English section names.
    "news", "opinion", "politics", "economy", "business", "world", "society", "culture", "sports",
    "entertainment", "lifestyle", "health", "science", "technology", "tech", "latest", "popular",
    "trending", "video", "videos", "photos", "newsletter", "contact", "about",
    // Korean controls and sections.
    "홈", "메뉴", "검색", "닫기", "열기", "로그인", "로그아웃", "회원가입", "구독", "구독하기", "공유", "공유하기", "인쇄", "프린트",
    "이메일", "맨위로", "위로", "이전", "다음", "목록", "더보기", "글자크기", "글자", "크기", "확대", "축소", "본문", "바로가기",
    "댓글", "좋아요", "스크랩", "기사보내기", "퍼가기", "카카오톡", "페이스북", "트위터", "네이버", "밴드", "링크", "복사", "전체", "뉴스",
    "정치", "경제", "사회", "문화", "국제", "스포츠", "연예", "오피니언", "포토", "영상", "최신", "인기", "이미지", "사진", "관련",
    "기사", "태그",
    // Japanese and Chinese controls.
    "ホーム", "メニュー", "検索", "閉じる", "ログイン", "シェア", "印刷", "トップ", "首页", "菜单", "搜索", "关闭", "登录", "分享",
    "打印", "返回", "顶部",
];

/// Tokens that neither make nor break a control line ("To List", "Join us").
#[rustfmt::skip]
const NEUTRAL_WORDS: &[&str] = &[
    "to", "the", "a", "of", "on", "in", "and", "us", "our", "for", "with", "all", "&",
];

/// Phrases that open the furniture after an article: comment sections,
/// related-article and tag lists, sharing and subscription boxes.
#[rustfmt::skip]
const TAIL_PHRASES: &[&str] = &[
    "comment", "related article", "related news", "related stories", "discover more", "read more",
    "more news", "more stories", "you may also like", "recommended", "most read", "most viewed",
    "tags:", "join us", "follow us", "subscribe", "newsletter", "to list", "댓글", "관련기사", "관련 기사",
    "많이 본", "인기 기사", "추천 기사", "태그", "구독", "コメント", "関連記事", "评论", "相关文章", "相关新闻",
];

/// Phrases of copyright and reprint notices.
#[rustfmt::skip]
const COPYRIGHT_PHRASES: &[&str] = &[
    "©", "ⓒ", "all rights reserved", "무단 전재", "무단전재", "재배포 금지", "재배포금지", "版权所有", "無断転載", "不得转载",
];

/// Words of bylines and reporter lines, which belong to the article.
#[rustfmt::skip]
const BYLINE_WORDS: &[&str] = &[
    "by ", "reporter", "correspondent", "editor", "staff writer", "기자", "특파원", "기자=", "記者",
    "记者", "编辑",
];

/// Vocabulary of comment rules, terms of use, privacy and cookie notices: a
/// long line using it is a notice, not article prose.
#[rustfmt::skip]
const NOTICE_WORDS: &[&str] = &[
    "cookie", "cookies", "privacy", "terms of use", "terms of service", "log in", "sign up",
    "unsubscribe", "password", "rights reserved", "comments", "댓글", "게시물", "게시판", "게재", "삭제", "회원",
    "아이디", "이용자", "약관", "운영자", "개인정보", "쿠키", "무단", "저작권", "로그인", "비밀번호", "コメント", "利用規約", "クッキー",
    "评论", "隐私", "版权",
];

/// How a short line's tokens split between control words and other words:
/// its words lowercased, numbers and neutral words not counted. Counting
/// stops once more than `most` words are counted.
pub(super) fn control_share(line: &str, most: usize) -> (usize, usize) {
    let mut lowered = String::new();
    let words = line
        .split(|c: char| !(script::is_alphanumeric(c) || c == '-' || c == '_'))
        .filter(|t| !t.is_empty() && !t.bytes().all(|b| b.is_ascii_digit()));
    let (mut controls, mut total) = (0, 0);
    for word in words {
        let class = if word.len() > LONGEST_WORD_BYTES {
            None
        } else if word.chars().any(char::is_uppercase) {
            lowered.clear();
            lowered.extend(word.chars().flat_map(char::to_lowercase));
            WORD_CLASSES.get(lowered.as_str())
        } else {
            WORD_CLASSES.get(word)
        };
        match class {
            Some(WordClass::Neutral) => continue,
            Some(WordClass::Control) => controls += 1,
            None => {}
        }
        total += 1;
        if total > most {
            break;
        }
    }
    (controls, total)
}

/// Bytes of the longest control or neutral word: a longer token is neither.
const LONGEST_WORD_BYTES: usize = 24;

/// What a lowercased token says of a short line.
#[derive(Clone, Copy)]
enum WordClass {
    Control,
    Neutral,
}

/// The control and neutral words, for one lookup per token.
static WORD_CLASSES: LazyLock<FxHashMap<&'static str, WordClass>> = LazyLock::new(|| {
    let controls = CONTROL_WORDS.iter().map(|w| (*w, WordClass::Control));
    NEUTRAL_WORDS.iter().map(|w| (*w, WordClass::Neutral)).chain(controls).collect()
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_listed_word_is_longer_than_the_lookup_bound() {
        let longest = CONTROL_WORDS.iter().chain(NEUTRAL_WORDS).map(|w| w.len()).max();
        assert!(longest <= Some(LONGEST_WORD_BYTES), "{longest:?}");
    }

    #[test]
    fn control_shares() {
        assert_eq!(control_share("Home | NEWS | Opinion", 6), (3, 3));
        assert_eq!(control_share("Back to the List 2", 6), (2, 2));
        assert_eq!(control_share("본문 바로가기 Health ministers", 6), (3, 4));
        assert_eq!(control_share("one two three four five six seven eight", 6), (0, 7));
    }
}

/// Which phrase lists a line draws on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Phrases {
    /// A phrase that opens page furniture.
    pub opens_tail: bool,
    /// A copyright or reprint notice.
    pub copyright: bool,
    /// The vocabulary of site notices.
    pub notice_words: bool,
    /// A byline word.
    pub byline: bool,
}

/// One automaton over the four phrase lists, ASCII letters in any case.
static PHRASES: LazyLock<WordSet> = LazyLock::new(|| {
    let lists =
        TAIL_PHRASES.iter().chain(COPYRIGHT_PHRASES).chain(NOTICE_WORDS).chain(BYLINE_WORDS);
    WordSet::new(lists, true)
});

/// The phrase lists `line` draws on, in one pass over it.
pub(super) fn phrases(line: &str) -> Phrases {
    let starts_with_copyright =
        line.get(..9).is_some_and(|head| head.eq_ignore_ascii_case("copyright"));
    let mut found = Phrases { copyright: starts_with_copyright, ..Phrases::default() };
    PHRASES.for_each(line, |id, _| {
        if id < TAIL_PHRASES.len() {
            found.opens_tail = true;
        } else if id < TAIL_PHRASES.len() + COPYRIGHT_PHRASES.len() {
            found.copyright = true;
        } else if id < TAIL_PHRASES.len() + COPYRIGHT_PHRASES.len() + NOTICE_WORDS.len() {
            found.notice_words = true;
        } else {
            found.byline = true;
        }
    });
    found
}
