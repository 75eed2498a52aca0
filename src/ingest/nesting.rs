//! How deep an HTML page nests, estimated from its tags before it is parsed.
//!
//! An HTML5 tree builder checks the stack of open elements at every start
//! tag, so its time grows with the number of tags times the depth they sit
//! at: a page of 100,000 unclosed `<div>`s takes minutes to parse. Real pages,
//! tag soup included, nest a few dozen levels. One pass over the tags
//! estimates both numbers, so that a page beyond any real one is refused
//! before the parser sees it.

/// Elements that never hold children.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements a parser closes by itself when a sibling starts (or that sit at
/// fixed places): unclosed, they do not nest.
const SELF_CLOSING: &[&str] = &[
    "body", "caption", "colgroup", "dd", "dt", "head", "html", "li", "optgroup", "option", "p",
    "rb", "rp", "rt", "rtc", "tbody", "td", "tfoot", "th", "thead", "tr",
];

/// Elements whose content is text, never tags.
const RAW_TEXT: &[&str] =
    &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"];

/// What a pass over a page's tags found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Nesting {
    /// The deepest level an element would open at.
    pub max_depth: usize,
    /// The sum, over start tags, of the depth each opens at: what a tree
    /// builder's scope checks cost.
    pub work: u64,
}

/// Estimates how `html` nests: start tags of elements that hold children
/// open a level, their end tags close one; comments, doctypes and the
/// content of raw-text elements are passed over.
#[must_use]
pub fn estimate(html: &str) -> Nesting {
    let bytes = html.as_bytes();
    let mut nesting = Nesting::default();
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(offset) = bytes[at..].iter().position(|&b| b == b'<') {
        let tag = at + offset + 1;
        let rest = &bytes[tag..];
        if rest.starts_with(b"!--") {
            at = find(bytes, tag + 3, b"-->").map_or(bytes.len(), |end| end + 3);
            continue;
        }
        if rest.first().is_some_and(|&b| b == b'!' || b == b'?') {
            at = find(bytes, tag, b">").map_or(bytes.len(), |end| end + 1);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = tag + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            at = tag;
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let Some(end) = find(bytes, name_start + name_len, b">") else { break };
        at = end + 1;
        let nests = !VOID.contains(&name.as_str()) && !SELF_CLOSING.contains(&name.as_str());
        if closing {
            depth = depth.saturating_sub(usize::from(nests));
            continue;
        }
        nesting.work += depth as u64;
        let self_closed = bytes[end - 1] == b'/';
        if nests && !self_closed {
            depth += 1;
            nesting.max_depth = nesting.max_depth.max(depth);
        }
        if RAW_TEXT.contains(&name.as_str()) {
            // The content runs to the matching end tag (found case-insensitively).
            at = find_end_tag(bytes, at, &name).unwrap_or(bytes.len());
        }
    }
    nesting
}

/// Offset of the first `needle` in `bytes` at or after `from`.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|i| from + i)
}

/// Offset of `</name` (any case) at or after `from`.
fn find_end_tag(bytes: &[u8], from: usize, name: &str) -> Option<usize> {
    let mut at = from;
    loop {
        let open = find(bytes, at, b"</")?;
        let candidate = bytes.get(open + 2..open + 2 + name.len())?;
        if candidate.eq_ignore_ascii_case(name.as_bytes()) {
            return Some(open);
        }
        at = open + 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth(html: &str) -> usize {
        estimate(html).max_depth
    }

    #[test]
    fn nesting_elements_count_and_their_end_tags_close() {
        assert_eq!(depth("<div><div><span>x</span></div></div>"), 3);
        assert_eq!(depth(&"<div>".repeat(3_500)), 3_500);
        assert_eq!(depth("<DIV class=\"a > b\"><Section>x</section></div>"), 2);
        assert_eq!(depth("</div></div><div>x"), 1);
    }

    #[test]
    fn void_self_closing_and_implicitly_closed_elements_do_not_nest() {
        assert_eq!(depth(&"<p>para".repeat(5_000)), 0);
        assert_eq!(depth(&"<li>item<br><img src=x>".repeat(5_000)), 0);
        assert_eq!(depth(&"<div/>".repeat(100)), 0);
        assert_eq!(depth("<table><tr><td>1<td>2<tr><td>3</table>"), 1);
    }

    #[test]
    fn comments_and_raw_text_hide_their_tags() {
        assert_eq!(depth("<!-- <div><div> --><div>x</div>"), 1);
        assert_eq!(depth("<script>var s = '<div><div><div>';</SCRIPT><div>"), 1);
        assert_eq!(depth("<!doctype html><?xml version='1.0'?><div>"), 1);
        assert_eq!(depth("a < b and c<d"), 0);
    }

    #[test]
    fn work_is_the_depth_summed_over_start_tags() {
        assert_eq!(estimate(&"<div>".repeat(4)).work, 1 + 2 + 3);
        assert_eq!(estimate("<div><p>a<p>b</div>").work, 2);
    }

    #[test]
    fn truncated_tags_end_the_scan() {
        assert_eq!(estimate("<div><span"), Nesting { max_depth: 1, work: 0 });
        assert_eq!(estimate("<!-- open"), Nesting::default());
        assert_eq!(estimate("<script>never closed <div>"), Nesting { max_depth: 1, work: 0 });
    }
}
