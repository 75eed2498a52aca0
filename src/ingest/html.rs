//! Visible text of an HTML page, with its title and publication date.
//!
//! Unless boilerplate is kept, page furniture is left out by its tag context:
//! `<aside>` and `<footer>`, elements whose class or id names furniture
//! (`share-buttons`, `comment-list`, `related`), and link lists (blocks whose
//! text is mostly link text).

use std::collections::HashMap;

use chrono::NaiveDate;
use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};

use super::nesting;

/// What an HTML page yields before cleaning.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct HtmlText {
    /// Visible text: one line per block element, blank lines between paragraphs.
    pub text: String,
    /// `og:title`, else `<title>`, else the first `<h1>`.
    pub title: Option<String>,
    /// `article:published_time` (or a similar meta tag, or `<time datetime>`).
    pub published: Option<NaiveDate>,
    /// The page's own address: `<link rel="canonical">`, else `og:url`.
    pub url: Option<String>,
    /// Characters of the furniture elements left out.
    pub removed_chars: u64,
}

/// Elements whose content is never visible article text.
const HIDDEN: &[&str] = &[
    "script", "style", "noscript", "template", "head", "nav", "svg", "iframe", "object", "canvas",
    "button", "select", "form",
];

/// Elements that start a new line.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
    "time",
];

/// Elements that are furniture by their tag.
const FURNITURE_TAGS: &[&str] = &["aside", "footer"];

/// Words of class names and ids that mark furniture (matched on the parts
/// of a name split at `-` and `_`).
const FURNITURE_NAMES: &[&str] = &[
    "nav",
    "navbar",
    "menu",
    "gnb",
    "lnb",
    "breadcrumb",
    "breadcrumbs",
    "share",
    "sharing",
    "social",
    "sns",
    "comment",
    "comments",
    "reply",
    "related",
    "recommend",
    "recommended",
    "popular",
    "ranking",
    "footer",
    "sidebar",
    "banner",
    "ad",
    "ads",
    "advert",
    "advertisement",
    "cookie",
    "cookies",
    "consent",
    "subscribe",
    "subscription",
    "newsletter",
    "tags",
    "taglist",
    "pagination",
    "pager",
    "login",
    "modal",
    "popup",
    "copyright",
    "toolbar",
];

/// Blocks whose link text is at least this share of their text, in percent,
/// are link lists.
const LINK_LIST_MIN_PERCENT: usize = 60;

/// Elements never judged by link density: the article itself, and headings
/// and captions, which often are one link.
const LINK_EXEMPT: &[&str] =
    &["article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "figure", "a"];

/// Deepest element nesting read. Real pages, tag soup included, stay far
/// below it; a page beyond it is refused rather than read.
pub const MAX_DEPTH: usize = 10_000;

/// Most parsing work a page may need, as estimated by
/// [`nesting::estimate`]: a few seconds of the parser. A page at
/// [`MAX_DEPTH`] with nothing inside needs half of it.
const MAX_NESTING_WORK: u64 = 100_000_000;

/// Extracts the visible text of an HTML document: the `<article>`
/// elements when the page marks its article, else `<main>`, else the whole
/// page; navigation, scripts, styles and forms never, and furniture unless
/// `keep_boilerplate`. Linear in the size of the page, however deep its
/// nesting.
///
/// # Errors
///
/// Returns a message when elements nest deeper than [`MAX_DEPTH`], or so
/// deep for the page's size that parsing it would take minutes.
pub fn extract(html: &str, keep_boilerplate: bool) -> Result<HtmlText, String> {
    let nesting = nesting::estimate(html);
    if nesting.max_depth > MAX_DEPTH {
        return Err(too_deep());
    }
    if nesting.work > MAX_NESTING_WORK {
        return Err("HTML elements nest too deep for the size of the page to be parsed in \
                    bounded time; page skipped"
            .to_owned());
    }
    let page = Html::parse_document(html);
    let subtrees = Subtrees::of(page.tree.root())?;
    let mut walker = Walker {
        out: String::with_capacity(html.len() / 2),
        removed_chars: 0,
        keep_boilerplate,
        subtrees: &subtrees,
    };
    let content = ["article", "main"]
        .into_iter()
        .map(|name| outermost(&page, name))
        .find(|found| !found.is_empty());
    match content {
        Some(elements) => elements.into_iter().for_each(|e| walker.walk(e)),
        None => walker.walk(page.root_element()),
    }
    Ok(HtmlText {
        text: tidy_lines(&walker.out),
        title: title(&page),
        published: published(&page),
        url: first_attr(&page, r#"link[rel="canonical"]"#, "href")
            .or_else(|| first_attr(&page, r#"meta[property="og:url"]"#, "content")),
        removed_chars: walker.removed_chars,
    })
}

fn too_deep() -> String {
    format!("HTML elements nest deeper than {MAX_DEPTH} levels; page skipped")
}

/// The elements named `name` that are not inside another one, in document
/// order: nested articles are read once, with their outer article.
fn outermost<'a>(page: &'a Html, name: &str) -> Vec<ElementRef<'a>> {
    let mut found = Vec::new();
    let mut open = 0usize;
    for edge in page.tree.root().traverse() {
        let (node, opening) = match edge {
            Edge::Open(node) => (node, true),
            Edge::Close(node) => (node, false),
        };
        if node.value().as_element().is_none_or(|e| e.name() != name) {
            continue;
        }
        if opening {
            if open == 0 {
                found.extend(ElementRef::wrap(node));
            }
            open += 1;
        } else {
            open -= 1;
        }
    }
    found
}

/// What the furniture checks need of an element's subtree, computed once
/// for every element, bottom-up.
#[derive(Clone, Copy, Debug, Default)]
struct Subtree {
    /// Characters of its text other than whitespace.
    visible: usize,
    /// Of those, the characters inside links.
    link: usize,
    /// It is or holds the article's main parts (`article`, `main`, `h1`).
    holds_article: bool,
}

struct Subtrees(HashMap<NodeId, Subtree>);

impl Subtrees {
    /// Every element's [`Subtree`], in one pass over the tree.
    fn of(root: ego_tree::NodeRef<'_, Node>) -> Result<Self, String> {
        let mut map = HashMap::new();
        let mut stack: Vec<Subtree> = Vec::new();
        for edge in root.traverse() {
            match edge {
                Edge::Open(_) => {
                    stack.push(Subtree::default());
                    if stack.len() > MAX_DEPTH {
                        return Err(too_deep());
                    }
                }
                Edge::Close(node) => {
                    let mut own = stack.pop().unwrap_or_default();
                    match node.value() {
                        Node::Text(text) => own.visible = non_whitespace(text),
                        Node::Element(e) => {
                            if e.name() == "a" {
                                own.link = own.visible;
                            }
                            own.holds_article |= matches!(e.name(), "article" | "main" | "h1");
                            map.insert(node.id(), own);
                        }
                        _ => {}
                    }
                    if let Some(parent) = stack.last_mut() {
                        parent.visible += own.visible;
                        parent.link += own.link;
                        parent.holds_article |= own.holds_article;
                    }
                }
            }
        }
        Ok(Subtrees(map))
    }

    fn get(&self, element: ElementRef<'_>) -> Subtree {
        self.0.get(&element.id()).copied().unwrap_or_default()
    }
}

fn non_whitespace(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

/// Collects visible text, leaving furniture out unless told to keep it.
struct Walker<'s> {
    out: String,
    removed_chars: u64,
    keep_boilerplate: bool,
    subtrees: &'s Subtrees,
}

impl Walker<'_> {
    /// Appends the visible text of `top`, walking its subtree without
    /// recursion.
    fn walk(&mut self, top: ElementRef<'_>) {
        // The element whose subtree is being left out, until it closes.
        let mut skipping: Option<NodeId> = None;
        let mut pre_depth = 0usize;
        for edge in top.traverse() {
            match edge {
                Edge::Open(node) if skipping.is_none() => match node.value() {
                    Node::Text(text) => push_text(&mut self.out, text, pre_depth > 0),
                    Node::Element(e) if e.name() == "br" => self.out.push('\n'),
                    Node::Element(_) => {
                        let Some(element) = ElementRef::wrap(node) else { continue };
                        if self.left_out(element) {
                            skipping = Some(node.id());
                            continue;
                        }
                        let name = element.value().name();
                        if BLOCKS.contains(&name) {
                            self.out.push('\n');
                        }
                        pre_depth += usize::from(name == "pre");
                    }
                    _ => {}
                },
                Edge::Open(_) => {}
                Edge::Close(node) => {
                    if skipping.is_some() {
                        if skipping == Some(node.id()) {
                            skipping = None;
                        }
                        continue;
                    }
                    if let Node::Element(e) = node.value() {
                        if BLOCKS.contains(&e.name()) {
                            self.out.push('\n');
                        }
                        pre_depth -= usize::from(e.name() == "pre");
                    }
                }
            }
        }
    }

    /// True for an element never read: hidden, or furniture (counted as removed).
    fn left_out(&mut self, element: ElementRef<'_>) -> bool {
        let value = element.value();
        if HIDDEN.contains(&value.name()) || value.attr("hidden").is_some() {
            return true;
        }
        let subtree = self.subtrees.get(element);
        if !self.keep_boilerplate && is_furniture(element, subtree) {
            self.removed_chars += u64::try_from(subtree.visible).unwrap_or(u64::MAX);
            return true;
        }
        false
    }
}

/// True for page furniture: by tag, by class or id, or as a link list.
fn is_furniture(element: ElementRef<'_>, subtree: Subtree) -> bool {
    let value = element.value();
    let name = value.name();
    if FURNITURE_TAGS.contains(&name) {
        return true;
    }
    let named = [value.attr("class"), value.attr("id")]
        .into_iter()
        .flatten()
        .flat_map(str::split_whitespace)
        .flat_map(|n| n.split(['-', '_']))
        .any(|part| FURNITURE_NAMES.contains(&part.to_ascii_lowercase().as_str()));
    if named && !subtree.holds_article {
        return true;
    }
    BLOCKS.contains(&name) && !LINK_EXEMPT.contains(&name) && is_link_list(subtree)
}

/// True when most of the element's text is link text.
fn is_link_list(subtree: Subtree) -> bool {
    subtree.visible > 0 && subtree.link * 100 >= subtree.visible * LINK_LIST_MIN_PERCENT
}

/// Appends a text node, collapsing whitespace runs as a browser would.
fn push_text(out: &mut String, text: &str, in_pre: bool) {
    if in_pre {
        out.push_str(text);
        return;
    }
    let mut last_space = out.ends_with([' ', '\n']);
    for c in text.chars() {
        if c.is_whitespace() && c != '\u{A0}' {
            if !last_space {
                out.push(' ');
                last_space = true;
            }
        } else {
            out.push(c);
            last_space = false;
        }
    }
}

/// Trims every line and keeps at most one blank line between blocks.
fn tidy_lines(raw: &str) -> String {
    let mut text = String::with_capacity(raw.len());
    let mut blank_run = 0;
    for line in raw.lines().map(str::trim) {
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if !text.is_empty() {
            text.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        text.push_str(line);
        blank_run = 0;
    }
    text
}

fn first_text(page: &Html, selector: &str) -> Option<String> {
    let selector = Selector::parse(selector).ok()?;
    let element = page.select(&selector).next()?;
    let text = element.text().collect::<String>();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

fn first_attr(page: &Html, selector: &str, attr: &str) -> Option<String> {
    let selector = Selector::parse(selector).ok()?;
    page.select(&selector)
        .filter_map(|e| e.value().attr(attr))
        .map(str::trim)
        .find(|v| !v.is_empty())
        .map(str::to_owned)
}

fn title(page: &Html) -> Option<String> {
    first_attr(page, r#"meta[property="og:title"]"#, "content")
        .or_else(|| first_text(page, "title"))
        .or_else(|| first_text(page, "h1"))
}

fn published(page: &Html) -> Option<NaiveDate> {
    [
        (r#"meta[property="article:published_time"]"#, "content"),
        (r#"meta[name="pubdate"]"#, "content"),
        (r#"meta[name="date"]"#, "content"),
        ("time[datetime]", "datetime"),
    ]
    .into_iter()
    .find_map(|(selector, attr)| first_attr(page, selector, attr).and_then(|v| iso_date_prefix(&v)))
}

/// Parses the `YYYY-MM-DD` at the start of a timestamp.
#[must_use]
pub fn iso_date_prefix(value: &str) -> Option<NaiveDate> {
    let head = value.get(..10)?;
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html><head>
<title>Site | Regulators sign pact</title>
<meta property="article:published_time" content="2025-11-03T09:20:00+09:00">
<meta property="og:url" content="https://news.example.com/a/1">
<style>p { color: red }</style><script>var x = "hidden text";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Regulators  sign
 pact</h1>
<p>The <b>MFDS</b> and PMDA met<br>in Seoul.</p>
<figure><img src="a.jpg"><figcaption>Officials at the meeting</figcaption></figure>
<p hidden>invisible</p><noscript>enable js</noscript>
</article></body></html>"#;

    #[test]
    fn visible_text_only() {
        let page = extract(PAGE, false).unwrap();
        assert_eq!(
            page.text,
            "Regulators sign pact\n\nThe MFDS and PMDA met\nin Seoul.\n\nOfficials at the meeting"
        );
    }

    #[test]
    fn title_and_date_from_meta() {
        let page = extract(PAGE, false).unwrap();
        assert_eq!(page.title.as_deref(), Some("Site | Regulators sign pact"));
        assert_eq!(page.published, NaiveDate::from_ymd_opt(2025, 11, 3));
        assert_eq!(page.url.as_deref(), Some("https://news.example.com/a/1"));
    }

    #[test]
    fn title_falls_back_to_h1_and_date_to_time_element() {
        let page =
            extract("<h1>제목</h1><time datetime=\"2024-02-29\">어제</time><p>본문</p>", false)
                .unwrap();
        assert_eq!(page.title.as_deref(), Some("제목"));
        assert_eq!(page.published, NaiveDate::from_ymd_opt(2024, 2, 29));
        assert_eq!(page.text, "제목\n\n어제\n\n본문");
        assert_eq!(page.url, None);
    }

    #[test]
    fn canonical_link_is_preferred_over_og_url() {
        let page = extract(
            r#"<link rel="canonical" href="https://a.example/1"><meta property="og:url" content="https://b.example/2"><p>x</p>"#,
            false,
        ).unwrap();
        assert_eq!(page.url.as_deref(), Some("https://a.example/1"));
    }

    #[test]
    fn article_is_preferred_over_page_furniture() {
        let page = extract(
            "<header>Site name</header><main><article><p>Body.</p></article>\
             <aside>Related</aside></main><footer>(c) Site</footer>",
            false,
        )
        .unwrap();
        assert_eq!(page.text, "Body.");
        let page =
            extract("<header>Menu</header><main><p>Main body.</p></main><footer>c</footer>", false)
                .unwrap();
        assert_eq!(page.text, "Main body.");
        let page =
            extract("<article><p>Outer.</p><article><p>Inner.</p></article></article>", false)
                .unwrap();
        assert_eq!(page.text, "Outer.\n\nInner.");
    }

    /// A Korean news page in the style of a portal: the article sits in a
    /// `div`, among menus, share buttons, a related-news list and comments.
    const KOREAN_PORTAL: &str = r#"<html><body>
<div class="gnb"><a href="/">홈</a><a href="/p">정치</a><a href="/e">경제</a></div>
<div id="content">
  <h2 class="headline">식약처, 의료기기 심사 기간 단축</h2>
  <p class="byline">김민지 기자 | 2026.03.04 10:05</p>
  <div class="article-body">
    <p>식품의약품안전처는 의료기기 허가 심사 기간을 <a href="/t/90">90일</a>로 줄인다고 밝혔다.</p>
    <figure><img src="a.jpg" alt="회의 사진"><figcaption>심사 제도 설명회 모습</figcaption></figure>
  </div>
  <div class="share-buttons"><span>공유하기</span> 카카오톡 페이스북</div>
  <ul class="list"><li><a href="/1">다른 기사 제목 하나</a></li><li><a href="/2">다른 기사 제목 둘</a></li></ul>
  <section id="comment-area"><p>댓글 3</p><p>좋은 소식이네요</p></section>
</div>
<footer>ⓒ 예시일보</footer>
</body></html>"#;

    #[test]
    fn furniture_is_left_out_by_tag_context() {
        let page = extract(KOREAN_PORTAL, false).unwrap();
        assert_eq!(
            page.text,
            "식약처, 의료기기 심사 기간 단축\n\n김민지 기자 | 2026.03.04 10:05\n\n\
             식품의약품안전처는 의료기기 허가 심사 기간을 90일로 줄인다고 밝혔다.\n\n\
             심사 제도 설명회 모습"
        );
        let removed = "홈정치경제공유하기카카오톡페이스북다른기사제목하나다른기사제목둘댓글3좋은소식이네요ⓒ예시일보";
        assert_eq!(page.removed_chars, removed.chars().count() as u64);
    }

    #[test]
    fn furniture_is_kept_on_request() {
        let page = extract(KOREAN_PORTAL, true).unwrap();
        assert!(page.text.starts_with("홈정치경제\n\n식약처"), "{}", page.text);
        assert!(page.text.ends_with("ⓒ 예시일보"), "{}", page.text);
        assert_eq!(page.removed_chars, 0);
    }

    #[test]
    fn english_article_keeps_captions_and_inline_links() {
        let page = extract(
            r##"<article><h1><a href="/s">Agencies agree on shared audits</a></h1>
<p>The <a href="/mfds">MFDS</a> and the PMDA will share audit reports from next year.</p>
<div class="social-share"><a href="#">Share</a><a href="#">Tweet</a></div>
<figure><figcaption>Officials sign the agreement</figcaption></figure>
<div class="tags"><a href="/t/1">devices</a> <a href="/t/2">audits</a></div>
<aside><h3>Most read</h3><a href="/x">Another story</a></aside></article>"##,
            false,
        )
        .unwrap();
        assert_eq!(
            page.text,
            "Agencies agree on shared audits\n\nThe MFDS and the PMDA will share audit reports \
             from next year.\n\nOfficials sign the agreement"
        );
    }

    #[test]
    fn malformed_html_does_not_fail() {
        let page = extract("<p>open <b>bold <i>both</p> tail", false).unwrap();
        assert_eq!(page.text, "open bold both\ntail");
    }
}
