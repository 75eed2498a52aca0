//! Visible text of an HTML page, with its title and publication date.

use chrono::NaiveDate;
use scraper::{ElementRef, Html, Node, Selector};

/// What an HTML page yields before cleaning.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct HtmlText {
    /// Visible text: one line per block element, blank lines between paragraphs.
    pub text: String,
    /// `og:title`, else `<title>`, else the first `<h1>`.
    pub title: Option<String>,
    /// `article:published_time` (or a similar meta tag, or `<time datetime>`).
    pub published: Option<NaiveDate>,
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

/// Extracts the visible text of an HTML document: the `<article>`
/// elements when the page marks its article, else `<main>`, else the whole
/// page; navigation, scripts, styles and forms never.
#[must_use]
pub fn extract(html: &str) -> HtmlText {
    let page = Html::parse_document(html);
    let mut out = String::with_capacity(html.len() / 2);
    let content = ["article", "main"].into_iter().find_map(|name| {
        let selector = Selector::parse(name).ok()?;
        // Outermost matches only, so that nested articles are not read twice.
        let found: Vec<_> = page
            .select(&selector)
            .filter(|e| {
                !e.ancestors().any(|a| a.value().as_element().is_some_and(|p| p.name() == name))
            })
            .collect();
        (!found.is_empty()).then_some(found)
    });
    match content {
        Some(elements) => elements.into_iter().for_each(|e| walk(e, &mut out, false)),
        None => walk(page.root_element(), &mut out, false),
    }
    HtmlText { text: tidy_lines(&out), title: title(&page), published: published(&page) }
}

fn walk(element: ElementRef<'_>, out: &mut String, in_pre: bool) {
    let name = element.value().name();
    if HIDDEN.contains(&name) || element.value().attr("hidden").is_some() {
        return;
    }
    let block = BLOCKS.contains(&name);
    if block {
        out.push('\n');
    }
    let in_pre = in_pre || name == "pre";
    for child in element.children() {
        match child.value() {
            Node::Text(text) => push_text(out, text, in_pre),
            Node::Element(e) if e.name() == "br" => out.push('\n'),
            Node::Element(_) => {
                if let Some(child) = ElementRef::wrap(child) {
                    walk(child, out, in_pre);
                }
            }
            _ => {}
        }
    }
    if block {
        out.push('\n');
    }
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
        let page = extract(PAGE);
        assert_eq!(
            page.text,
            "Regulators sign pact\n\nThe MFDS and PMDA met\nin Seoul.\n\nOfficials at the meeting"
        );
    }

    #[test]
    fn title_and_date_from_meta() {
        let page = extract(PAGE);
        assert_eq!(page.title.as_deref(), Some("Site | Regulators sign pact"));
        assert_eq!(page.published, NaiveDate::from_ymd_opt(2025, 11, 3));
    }

    #[test]
    fn title_falls_back_to_h1_and_date_to_time_element() {
        let page = extract("<h1>제목</h1><time datetime=\"2024-02-29\">어제</time><p>본문</p>");
        assert_eq!(page.title.as_deref(), Some("제목"));
        assert_eq!(page.published, NaiveDate::from_ymd_opt(2024, 2, 29));
        assert_eq!(page.text, "제목\n\n어제\n\n본문");
    }

    #[test]
    fn article_is_preferred_over_page_furniture() {
        let page = extract(
            "<header>Site name</header><main><article><p>Body.</p></article>\
             <aside>Related</aside></main><footer>(c) Site</footer>",
        );
        assert_eq!(page.text, "Body.");
        let page = extract("<header>Menu</header><main><p>Main body.</p></main><footer>c</footer>");
        assert_eq!(page.text, "Main body.");
        let page = extract("<article><p>Outer.</p><article><p>Inner.</p></article></article>");
        assert_eq!(page.text, "Outer.\n\nInner.");
    }

    #[test]
    fn malformed_html_does_not_fail() {
        let page = extract("<p>open <b>bold <i>both</p> tail");
        assert_eq!(page.text, "open bold both\ntail");
    }
}
