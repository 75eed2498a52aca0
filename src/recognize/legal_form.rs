//! A company's legal form written with its name stays in the mention: "…
//! Co., Ltd.", "… Inc.", "(주)…", "…(주)", "株式会社…", "…株式会社",
//! "…有限公司". Organization mentions, from the dictionary or a rule, are
//! widened over the form next to them.

use crate::model::Span;

/// Legal forms written after an English name, after an optional comma.
const LATIN_AFTER: &[&str] = &[
    "Co., Ltd.",
    "Co.,Ltd.",
    "Co. Ltd.",
    "Co., Ltd",
    "Company Limited",
    "Pty Ltd",
    "Pty. Ltd.",
    "Inc.",
    "Corp.",
    "Ltd.",
    "Co.",
    "LLC",
    "GmbH",
    "AG",
    "plc",
    "PLC",
    "S.A.",
    "N.V.",
    "Limited",
    "Corporation",
];

/// Legal forms written right after a name in Hangul, Han or Kana.
const CJK_AFTER: &[&str] = &[
    "(주)",
    "㈜",
    " (주)",
    "株式会社",
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "有限会社",
    "（株）",
    "(株)",
];

/// Legal forms written right before a name.
const BEFORE: &[&str] = &["(주)", "㈜", "(주) ", "㈜ ", "株式会社", "（株）", "(株)"];

/// `span` of an organization name in `text`, widened over a legal form
/// written next to it.
pub(super) fn with_legal_form(text: &str, span: Span) -> Span {
    let name = &text[span.start..span.end];
    let after = &text[span.end..];
    let latin = name.ends_with(|c: char| c.is_ascii_alphanumeric() || c == '.');
    let end = if latin {
        let (comma, rest) = after.strip_prefix(',').map_or((0, after), |rest| (1, rest));
        rest.strip_prefix(' ')
            .and_then(|rest| {
                LATIN_AFTER
                    .iter()
                    .find(|form| rest.starts_with(*form) && ends_word(&rest[form.len()..], form))
            })
            .map_or(span.end, |form| span.end + comma + 1 + form.len())
    } else {
        CJK_AFTER
            .iter()
            .find(|form| after.starts_with(*form) && !name.ends_with(form.trim_start()))
            .map_or(span.end, |form| span.end + form.len())
    };
    let before = &text[..span.start];
    let start = BEFORE
        .iter()
        .find(|form| before.ends_with(*form) && !name.starts_with(form.trim_end()))
        .map_or(span.start, |form| span.start - form.len());
    Span::new(start, end)
}

/// True when `rest`, the text after the legal form `form`, does not continue
/// its last word.
fn ends_word(rest: &str, form: &str) -> bool {
    form.ends_with('.') || !rest.starts_with(|c: char| c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn widened(text: &str, name: &str) -> String {
        let start = text.find(name).unwrap_or_else(|| panic!("{name}"));
        let span = with_legal_form(text, Span::new(start, start + name.len()));
        text[span.start..span.end].to_owned()
    }

    #[test]
    fn legal_forms_join_the_name() {
        for (text, name, expected) in [
            ("Hanbit Pharm Co., Ltd. said", "Hanbit Pharm", "Hanbit Pharm Co., Ltd."),
            ("Gaon Bio, Inc. agreed", "Gaon Bio", "Gaon Bio, Inc."),
            ("Gaon Bio Inc. agreed", "Gaon Bio", "Gaon Bio Inc."),
            ("Gaon Bio Corporation's plant", "Gaon Bio", "Gaon Bio Corporation"),
            ("Gaon Bio AG.", "Gaon Bio", "Gaon Bio AG"),
            ("(주)한빛제약은", "한빛제약", "(주)한빛제약"),
            ("한빛제약(주)는", "한빛제약", "한빛제약(주)"),
            ("株式会社光明製薬は", "光明製薬", "株式会社光明製薬"),
            ("光明製薬株式会社は", "光明製薬", "光明製薬株式会社"),
            ("光明医药有限公司", "光明医药", "光明医药有限公司"),
            // No form, or a word that only starts like one.
            ("Gaon Bio Agency", "Gaon Bio", "Gaon Bio"),
            ("Gaon Bio, Limitedly", "Gaon Bio", "Gaon Bio"),
            ("Gaon Bio and Co. Ltd.", "Gaon Bio", "Gaon Bio"),
        ] {
            assert_eq!(widened(text, name), expected, "{text}");
        }
    }
}
