//! Boilerplate removal from plain text: which lines of a page belong to the
//! article and which are site furniture (menus, controls, copyright lines,
//! comment rules, tag lists, related-article boxes).
//!
//! Each line is judged from signals that hold across sites, never from the
//! text of particular pages:
//!
//! - line level, anywhere: a short line made mostly of control and section
//!   words ("Text Size", "Close", "본문 바로가기"); a lone identifier
//!   (`bar_progress`); a short line without letters (`#`, `• 0`); a
//!   copyright or reprint notice; a line other than prose that repeats
//!   across many documents of the same source ([`RepeatedLines`]);
//! - the tail: once most of the article's prose has been read, a line that
//!   opens page furniture (a comment section, related articles, tags,
//!   sharing, a copyright notice) ends the article, and everything after it
//!   goes; so does the run of short fragments (a tag list) just before it.
//!
//! Prose is a long line with a sentence end that does not use the
//! vocabulary of site notices. The title, byline, date line, body, headings
//! and captions stay. A text with no furniture is returned as it is; when
//! nothing with letters would be left, the text is kept whole.

mod dateline;
mod repeated;
mod vocab;

use chrono::NaiveDate;

pub use dateline::date_in_line;
pub use repeated::{LineHashes, MAX_LINES, RepeatedLines, source_key};

/// Shortest line, in display columns (a CJK or Hangul character takes two),
/// that can be article prose.
const PROSE_MIN_WIDTH: usize = 60;
/// Longest line, in display columns, that can be a control or tail heading.
const HEADING_MAX_WIDTH: usize = 60;
/// Longest copyright notice, in display columns.
const NOTICE_MAX_WIDTH: usize = 300;
/// Longest fragment, in display columns, of a tag list before the tail.
const FRAGMENT_MAX_WIDTH: usize = 80;
/// Most tokens of a control line.
const CONTROL_MAX_TOKENS: usize = 6;
/// Share of control words, in percent, that makes a short line a control line.
const CONTROL_MIN_PERCENT: usize = 60;
/// Share of control words, in percent, of a heading that opens the tail.
const TAIL_HEADING_MIN_PERCENT: usize = 50;
/// Longest line without letters dropped as a counter or a stray mark.
const MARK_MAX_CHARS: usize = 8;
/// Fewest short fragments at the very end that form a tag list on their own.
const FRAGMENT_RUN_MIN: usize = 3;
/// Non-blank lines at the top of the text searched for a title and date line.
const HEADER_LINES: usize = 12;
/// Longest title, in characters.
const TITLE_MAX_CHARS: usize = 200;
/// Marks that open a list item or a caption.
const LIST_MARKERS: &[char] =
    &['•', '·', '▲', '△', '■', '□', '◆', '◇', '●', '○', '▶', '※', '-', '*'];

/// What boilerplate removal left of a text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stripped {
    /// The kept lines, at most one blank line between blocks.
    pub text: String,
    /// Characters of the dropped lines, leading and trailing whitespace aside.
    pub removed_chars: u64,
    /// The first kept line, as the title, when it is short enough.
    pub title: Option<String>,
    /// The first date shown on a header line.
    pub published: Option<NaiveDate>,
}

/// Removes the furniture lines of `text`. `is_repeated` says whether a line
/// repeats across the documents of the text's source.
#[must_use]
pub fn strip(text: &str, is_repeated: &dyn Fn(&str) -> bool) -> Stripped {
    let lines: Vec<Line<'_>> = split_lines(text).map(Line::new).collect();
    let mut keep: Vec<bool> = lines.iter().map(|l| !l.is_furniture(is_repeated)).collect();
    cut_tail(&lines, &mut keep);
    if keep.iter().all(|&k| k) {
        return keep_all(text);
    }
    let kept = join_kept(&lines, &keep);
    if !kept.chars().any(char::is_alphanumeric) {
        return keep_all(text);
    }
    let removed: usize =
        lines.iter().zip(&keep).filter(|(_, k)| !**k).map(|(l, _)| l.trimmed.chars().count()).sum();
    let header = || lines.iter().zip(&keep).filter(|(l, k)| **k && !l.is_blank()).map(|(l, _)| l);
    Stripped {
        title: header().next().and_then(|l| title_of(l.trimmed)),
        published: header().take(HEADER_LINES).find_map(|l| date_in_line(l.trimmed)),
        removed_chars: u64::try_from(removed).unwrap_or(u64::MAX),
        text: kept,
    }
}

/// Hashes the lines of a document from `source` that may be repeated
/// furniture: every non-blank line but prose.
#[must_use]
pub fn hash_lines(source: &str, text: &str) -> LineHashes {
    let candidates = split_lines(text).map(str::trim).filter(|l| !l.is_empty() && !is_prose(l));
    repeated::hash_lines(source, text, candidates)
}

/// The lines of `text` as `text.split('\n')` gives them, line feeds found
/// with SIMD.
fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    let mut start = 0;
    ends.map(move |end| {
        let line = &text[start..end];
        start = end + 1;
        line
    })
}

/// The text as it is, with its title and date line: what `--keep-boilerplate`
/// reads.
#[must_use]
pub fn keep_all(text: &str) -> Stripped {
    let header = || text.lines().map(str::trim).filter(|l| !l.is_empty());
    Stripped {
        text: text.to_owned(),
        removed_chars: 0,
        title: header().next().and_then(title_of),
        published: header().take(HEADER_LINES).find_map(date_in_line),
    }
}

/// Drops everything from the first tail heading read after most of the prose,
/// and the short fragments just before it.
fn cut_tail(lines: &[Line<'_>], keep: &mut [bool]) {
    let prose = |l: &Line<'_>, k: bool| if k && l.prose { l.width } else { 0 };
    let total: usize = lines.iter().zip(keep.iter()).map(|(l, &k)| prose(l, k)).sum();
    let mut read = 0;
    let mut cut = None;
    for (i, line) in lines.iter().enumerate() {
        if read > 0 && read * 2 >= total && line.opens_tail() {
            cut = Some(i);
            break;
        }
        read += prose(line, keep[i]);
    }
    let end = cut.unwrap_or(lines.len());
    keep[end..].iter_mut().for_each(|k| *k = false);
    let fragments: Vec<usize> = (0..end)
        .rev()
        .filter(|&i| keep[i] && !lines[i].is_blank())
        .take_while(|&i| lines[i].is_fragment())
        .collect();
    let prose_before = fragments
        .last()
        .is_some_and(|&first| lines[..first].iter().zip(keep.iter()).any(|(l, &k)| k && l.prose));
    if prose_before && (cut.is_some() || fragments.len() >= FRAGMENT_RUN_MIN) {
        fragments.into_iter().for_each(|i| keep[i] = false);
    }
}

/// The kept lines joined by line feeds, blank runs collapsed to one blank
/// line, no blank lines at either end.
fn join_kept(lines: &[Line<'_>], keep: &[bool]) -> String {
    let mut out = String::new();
    let mut blank_pending = false;
    for (line, _) in lines.iter().zip(keep).filter(|(_, k)| **k) {
        if line.is_blank() {
            blank_pending = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_pending { "\n\n" } else { "\n" });
        }
        out.push_str(line.raw);
        blank_pending = false;
    }
    out
}

/// A header line as a title, without the list marker before it.
fn title_of(line: &str) -> Option<String> {
    let title = line.trim_start_matches(LIST_MARKERS);
    let title = title.trim();
    (!title.is_empty() && title.chars().count() <= TITLE_MAX_CHARS).then(|| title.to_owned())
}

/// Display width of a line: a CJK or Hangul character takes two columns.
fn width(line: &str) -> usize {
    line.chars().map(|c| if c >= '\u{2E80}' { 2 } else { 1 }).sum()
}

/// True when the trimmed `line` is article prose (as [`Line::prose`]),
/// reading its phrases only when its shape allows prose.
fn is_prose(line: &str) -> bool {
    let width = width(line);
    has_prose_shape(line, width) && {
        let phrases = vocab::phrases(line);
        !is_notice(width, &phrases) && !phrases.notice_words
    }
}

/// Long enough for prose, with a sentence end.
fn has_prose_shape(line: &str, width: usize) -> bool {
    width >= PROSE_MIN_WIDTH && has_sentence_end(line)
}

/// True when `line` holds one of `.!?。！？`, found by their UTF-8 bytes: the
/// ASCII marks by `memchr3`, the full-width ones (`E3 80 82`, `EF BC 81`,
/// `EF BC 9F`) by their lead bytes.
fn has_sentence_end(line: &str) -> bool {
    let bytes = line.as_bytes();
    memchr::memchr3(b'.', b'!', b'?', bytes).is_some()
        || memchr::memchr2_iter(0xE3, 0xEF, bytes).any(|at| {
            matches!(
                bytes.get(at..at + 3),
                Some([0xE3, 0x80, 0x82] | [0xEF, 0xBC, 0x81] | [0xEF, 0xBC, 0x9F])
            )
        })
}

/// A copyright or reprint notice: short enough, with a notice phrase.
fn is_notice(width: usize, phrases: &vocab::Phrases) -> bool {
    width <= NOTICE_MAX_WIDTH && phrases.copyright
}

/// One line of the text with the measures the signals use.
struct Line<'a> {
    raw: &'a str,
    trimmed: &'a str,
    width: usize,
    /// Phrase lists the line draws on.
    phrases: vocab::Phrases,
    /// A copyright or reprint notice.
    notice: bool,
    /// Article prose: long, with a sentence end, without the vocabulary of
    /// site notices.
    prose: bool,
}

impl<'a> Line<'a> {
    fn new(raw: &'a str) -> Self {
        let trimmed = raw.trim();
        let width = width(trimmed);
        let phrases = vocab::phrases(trimmed);
        let notice = is_notice(width, &phrases);
        let prose = has_prose_shape(trimmed, width) && !notice && !phrases.notice_words;
        Line { raw, trimmed, width, phrases, notice, prose }
    }

    fn is_blank(&self) -> bool {
        self.trimmed.is_empty()
    }

    /// Percentage of control words among the line's counted tokens, when it
    /// is short enough to be a control line.
    fn control_percent(&self) -> Option<usize> {
        if self.width > HEADING_MAX_WIDTH {
            return None;
        }
        let (controls, total) = vocab::control_share(self.trimmed, CONTROL_MAX_TOKENS);
        (total > 0 && total <= CONTROL_MAX_TOKENS && controls > 0).then(|| controls * 100 / total)
    }

    fn is_furniture(&self, is_repeated: &dyn Fn(&str) -> bool) -> bool {
        if self.is_blank() {
            return false;
        }
        let no_letters = !self.trimmed.chars().any(char::is_alphabetic);
        let identifier = !self.trimmed.contains(char::is_whitespace)
            && self.trimmed.contains('_')
            && self.trimmed.is_ascii();
        (no_letters
            && self.trimmed.chars().count() <= MARK_MAX_CHARS
            && date_in_line(self.trimmed).is_none())
            || identifier
            || self.notice
            || self.control_percent().is_some_and(|p| p >= CONTROL_MIN_PERCENT)
            || (!self.prose && is_repeated(self.trimmed))
    }

    fn opens_tail(&self) -> bool {
        self.notice
            || (self.phrases.opens_tail
                && self.control_percent().is_some_and(|p| p >= TAIL_HEADING_MIN_PERCENT))
    }

    /// A short piece without a sentence end, a list marker or a byline: a
    /// tag, a keyword, a menu entry (a caption starts with a marker or ends a
    /// sentence; a reporter line names the reporter or an e-mail address).
    fn is_fragment(&self) -> bool {
        self.width < FRAGMENT_MAX_WIDTH
            && !self.trimmed.starts_with(LIST_MARKERS)
            && !self.phrases.byline
            && !self.trimmed.contains('@')
            && !self.trimmed.ends_with(['.', '!', '?', '。', '！', '？', '…', '"', '”', '’', ')'])
            && date_in_line(self.trimmed).is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn never(_: &str) -> bool {
        false
    }

    /// An English news page as a scraper saves it: menus on top, the story,
    /// then a tag list, sharing and a copyright line.
    const ENGLISH_PAGE: &str = "\
Skip to content
Home | News | Opinion | Health
Search

Regulators in Seoul and Tokyo agree on faster device reviews
By Jane Park | Reporter | March 4, 2026 10:05

Officials from both agencies met in Osaka on Tuesday and agreed to share inspection reports for 40 device makers.
Photo: delegates at the Osaka meeting

The plan covers class II and class III devices, the ministry said in a statement released after the talks.
\"We want patients to benefit sooner,\" a senior official told reporters at the end of the meeting.

medical devices
inspection
Korea-Japan
Share
Related articles
Device makers welcome the plan
Copyright © 2026 Example Health News. All rights reserved.
";

    /// A Korean news page: controls, the story, a reporter line, then a
    /// comment policy with its own long sentences.
    const KOREAN_PAGE: &str = "\
본문 바로가기
글자크기
닫기

식약처, 일본과 의료기기 심사 협력 확대
기사입력 2026년 3월 4일 오전 10시

식품의약품안전처는 4일 일본 후생노동성과 의료기기 심사 자료를 공유하기로 합의했다고 밝혔다.
양국은 올해 안에 40개 제조사의 실사 보고서를 서로 인정하는 방안을 마련할 예정이다.

▲ 오사카 회의에 참석한 양국 대표단
홍길동 기자 hong@example.kr

공유
댓글 운영원칙
댓글은 실명으로 작성되며 타인의 권리를 침해하는 게시물은 사전 통보 없이 삭제될 수 있습니다.
욕설이나 비방이 담긴 내용
광고성 게시물
ⓒ 예시의약뉴스 무단전재 및 재배포 금지
";

    #[test]
    fn english_page_keeps_the_story_only() {
        let out = strip(ENGLISH_PAGE, &never);
        assert_eq!(
            out.text,
            "Regulators in Seoul and Tokyo agree on faster device reviews\n\
             By Jane Park | Reporter | March 4, 2026 10:05\n\n\
             Officials from both agencies met in Osaka on Tuesday and agreed to share inspection reports for 40 device makers.\n\
             Photo: delegates at the Osaka meeting\n\n\
             The plan covers class II and class III devices, the ministry said in a statement released after the talks.\n\
             \"We want patients to benefit sooner,\" a senior official told reporters at the end of the meeting."
        );
        assert_eq!(
            out.title.as_deref(),
            Some("Regulators in Seoul and Tokyo agree on faster device reviews")
        );
        assert_eq!(out.published, NaiveDate::from_ymd_opt(2026, 3, 4));
        let dropped = "Skip to contentHome | News | Opinion | HealthSearchmedical devicesinspection\
                       Korea-JapanShareRelated articlesDevice makers welcome the plan\
                       Copyright © 2026 Example Health News. All rights reserved.";
        assert_eq!(out.removed_chars, dropped.chars().count() as u64);
    }

    #[test]
    fn korean_page_keeps_the_story_and_caption() {
        let out = strip(KOREAN_PAGE, &never);
        assert_eq!(
            out.text,
            "식약처, 일본과 의료기기 심사 협력 확대\n\
             기사입력 2026년 3월 4일 오전 10시\n\n\
             식품의약품안전처는 4일 일본 후생노동성과 의료기기 심사 자료를 공유하기로 합의했다고 밝혔다.\n\
             양국은 올해 안에 40개 제조사의 실사 보고서를 서로 인정하는 방안을 마련할 예정이다.\n\n\
             ▲ 오사카 회의에 참석한 양국 대표단\n\
             홍길동 기자 hong@example.kr"
        );
        assert_eq!(out.title.as_deref(), Some("식약처, 일본과 의료기기 심사 협력 확대"));
        assert_eq!(out.published, NaiveDate::from_ymd_opt(2026, 3, 4));
    }

    #[test]
    fn line_signals() {
        let dropped = [
            "Text Size",
            "Close",
            "  • 12",
            "#",
            "page_progress",
            "홈 > 뉴스 > 정책",
            "관련 이미지",
            "ⓒ 2026 Example Daily. All rights reserved.",
        ];
        for line in dropped {
            assert!(Line::new(line).is_furniture(&never), "{line:?} is kept");
        }
        let kept = [
            "Health ministers meet in Seoul",
            "A New Era for Device Reviews",
            "2025;36(15):1832-1836",
            "2026-03-04",
            "The copyright act was amended last year.",
            "Public comment period opens",
            "식약처 뉴스",
            "Yifan YANG",
        ];
        for line in kept {
            assert!(!Line::new(line).is_furniture(&never), "{line:?} is dropped");
        }
    }

    #[test]
    fn repeated_lines_go_wherever_they_stand() {
        let text = "Site banner line\nThe agency approved the new test kit after a six month review of the data.";
        let out = strip(text, &|line| line == "Site banner line");
        assert_eq!(
            out.text,
            "The agency approved the new test kit after a six month review of the data."
        );
        assert_eq!(out.removed_chars, 16);
    }

    #[test]
    fn a_tail_heading_before_the_prose_does_not_cut() {
        let text = "Read more\nThe agency approved the new test kit after a six month review.\n\
                    It said more kits would follow in the second half of the year, officials added.";
        let out = strip(text, &never);
        assert!(out.text.starts_with("The agency approved"), "{}", out.text);
        assert!(out.text.ends_with("officials added."), "{}", out.text);
    }

    #[test]
    fn short_lists_in_the_body_stay() {
        let text = "The agency listed three priorities for the year in its annual plan.\n\
                    faster reviews\nshared inspections\ntraining\n\
                    Officials said the plan would be reviewed again in the autumn of next year.";
        assert_eq!(strip(text, &never).text, text);
    }

    #[test]
    fn text_without_article_is_kept_whole() {
        let out = strip("Home\nClose\n", &never);
        assert_eq!((out.text.as_str(), out.removed_chars), ("Home\nClose\n", 0));
    }

    proptest::proptest! {
        #[test]
        fn lines_split_as_std_splits_them(text in "[a\n가\r ]{0,12}|\\PC*") {
            let ours: Vec<&str> = split_lines(&text).collect();
            let std: Vec<&str> = text.split('\n').collect();
            proptest::prop_assert_eq!(ours, std);
        }
    }

    proptest::proptest! {
        #[test]
        fn sentence_ends_are_found_as_by_chars(text in "[a.!?。！？\u{3001}\u{FF01}\u{FF1F}\u{FF0E}가ッ]{0,12}|\\PC*") {
            let by_chars = text.contains(['.', '!', '?', '。', '！', '？']);
            proptest::prop_assert_eq!(has_sentence_end(&text), by_chars);
        }
    }
}
