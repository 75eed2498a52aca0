//! Parsing one dictionary file: comments, the header, then one entity per row,
//! each field checked.

use std::path::Path;

use unicode_normalization::UnicodeNormalization;

use crate::model::Entity;

use super::country::is_country_code;
use super::error::DictionaryError;
use super::format::{FileKind, HEADER};

/// An entity and the 1-based line it was read from.
pub(super) struct Row {
    /// The line.
    pub(super) line: usize,
    /// The entity, its `aliases` holding the `aliases` column only.
    pub(super) entity: Entity,
}

/// Parses `text`, the content of dictionary file `path` holding entities of `kind`.
pub(super) fn parse(path: &Path, text: &str, kind: &FileKind) -> Result<Vec<Row>, DictionaryError> {
    parse_lines(path, text, kind).collect()
}

/// Every row of `text` parsed on its own, in order: a malformed row is an
/// error item and parsing goes on with the next one, except after a missing
/// header, which ends the file.
pub(super) fn parse_lines<'a>(
    path: &'a Path,
    text: &'a str,
    kind: &'a FileKind,
) -> impl Iterator<Item = Result<Row, DictionaryError>> + 'a {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut header_seen = false;
    let mut failed = false;
    (1..)
        .zip(text.lines())
        .filter(|(_, content)| !content.starts_with('#') && !content.trim().is_empty())
        .map_while(move |(line, content)| {
            if failed {
                return None;
            }
            if header_seen {
                Some(Some(parse_row(content, kind, path, line).map(|entity| Row { line, entity })))
            } else if content == HEADER {
                header_seen = true;
                Some(None)
            } else {
                failed = true;
                Some(Some(Err(DictionaryError::Header {
                    path: path.to_path_buf(),
                    line,
                    found: content.to_owned(),
                })))
            }
        })
        .flatten()
}

/// The comment lines of `text` as `(line, text after the "#")`.
pub(super) fn comments(text: &str) -> impl Iterator<Item = (usize, &str)> {
    (1..).zip(text.lines()).filter_map(|(line, content)| {
        content.trim_start_matches('\u{feff}').strip_prefix('#').map(|rest| (line, rest))
    })
}

/// Parses one row at `path:line`.
fn parse_row(
    content: &str,
    kind: &FileKind,
    path: &Path,
    line: usize,
) -> Result<Entity, DictionaryError> {
    let path_buf = || path.to_path_buf();
    let fields: Vec<&str> = content.split('\t').map(str::trim).collect();
    let [id, canonical, name_ko, name_ja, name_zh, country, aliases] =
        <[&str; 7]>::try_from(fields).map_err(|fields| DictionaryError::Fields {
            path: path_buf(),
            line,
            found: fields.len(),
        })?;
    if !is_valid_id(id, kind.id_prefix) {
        return Err(DictionaryError::Id {
            path: path_buf(),
            line,
            id: id.to_owned(),
            prefix: kind.id_prefix,
        });
    }
    if canonical.is_empty() {
        return Err(DictionaryError::EmptyCanonical { path: path_buf(), line, id: id.to_owned() });
    }
    if !country.is_empty() && !is_country_code(country) {
        return Err(DictionaryError::Country {
            path: path_buf(),
            line,
            country: country.to_owned(),
        });
    }
    let Some(aliases) = parse_aliases(aliases) else {
        return Err(DictionaryError::EmptyAlias {
            path: path_buf(),
            line,
            aliases: aliases.to_owned(),
        });
    };
    Ok(Entity {
        id: id.to_owned(),
        entity_type: kind.entity_type,
        canonical: nfc(canonical),
        name_ko: optional(name_ko),
        name_ja: optional(name_ja),
        name_zh: optional(name_zh),
        country: (!country.is_empty()).then(|| country.to_owned()),
        aliases,
    })
}

/// True when `id` is `prefix:slug`, the slug made of lowercase ASCII letters,
/// digits, `-` and `.`.
fn is_valid_id(id: &str, prefix: &str) -> bool {
    id.strip_prefix(prefix).and_then(|rest| rest.strip_prefix(':')).is_some_and(|slug| {
        !slug.is_empty()
            && slug
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
    })
}

/// The `|`-separated aliases of `field`, trimmed; `None` when one is empty.
fn parse_aliases(field: &str) -> Option<Vec<String>> {
    if field.is_empty() {
        return Some(Vec::new());
    }
    field.split('|').map(str::trim).map(|alias| (!alias.is_empty()).then(|| nfc(alias))).collect()
}

/// A name field: `None` when empty.
fn optional(field: &str) -> Option<String> {
    (!field.is_empty()).then(|| nfc(field))
}

/// `s` in Unicode normalisation form C, as the documents are.
fn nfc(s: &str) -> String {
    s.nfc().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntityType;

    const ORGANIZATIONS: FileKind = FileKind {
        file_name: "organizations.tsv",
        entity_type: EntityType::Organization,
        id_prefix: "org",
    };

    fn parse_text(text: &str) -> Result<Vec<Row>, String> {
        parse(Path::new("d/organizations.tsv"), text, &ORGANIZATIONS).map_err(|e| e.to_string())
    }

    fn with_header(rows: &str) -> String {
        format!("{HEADER}\n{rows}")
    }

    #[test]
    fn parses_rows_with_comments_blank_lines_bom_and_crlf() {
        let text = format!(
            "\u{feff}# Regulators\n\n{HEADER}\r\n# Korea\norg:mfds\tMinistry of Food and Drug Safety\t식품의약품안전처\t\t\tKR\tMFDS | 식약처\r\n\norg:who\tWorld Health Organization\t세계보건기구\t世界保健機関\t世界卫生组织\t\t\n"
        );
        let rows = parse_text(&text).unwrap();
        assert_eq!(rows.iter().map(|row| row.line).collect::<Vec<_>>(), [5, 7]);
        assert_eq!(
            rows[0].entity,
            Entity {
                id: "org:mfds".to_owned(),
                entity_type: EntityType::Organization,
                canonical: "Ministry of Food and Drug Safety".to_owned(),
                name_ko: Some("식품의약품안전처".to_owned()),
                name_ja: None,
                name_zh: None,
                country: Some("KR".to_owned()),
                aliases: vec!["MFDS".to_owned(), "식약처".to_owned()],
            }
        );
        assert_eq!(rows[1].entity.name_ja.as_deref(), Some("世界保健機関"));
        assert_eq!(rows[1].entity.name_zh.as_deref(), Some("世界卫生组织"));
        assert_eq!(rows[1].entity.country, None);
        assert!(rows[1].entity.aliases.is_empty());
    }

    #[test]
    fn header_only_and_empty_files_have_no_rows() {
        assert!(parse_text(HEADER).unwrap().is_empty());
        assert!(parse_text("").unwrap().is_empty());
        assert!(parse_text("# nothing yet\n").unwrap().is_empty());
    }

    #[test]
    fn names_are_normalised_to_nfc() {
        // "식약처" written with conjoining jamo.
        let decomposed = "\u{1109}\u{1175}\u{11a8}\u{110b}\u{1163}\u{11a8}\u{110e}\u{1165}";
        let rows =
            parse_text(&with_header(&format!("org:mfds\tMFDS\t{decomposed}\t\t\t\t{decomposed}")))
                .unwrap();
        assert_eq!(rows[0].entity.name_ko.as_deref(), Some("식약처"));
        assert_eq!(rows[0].entity.aliases, ["식약처"]);
    }

    /// Checks that each `(file text, message)` case fails with that message.
    fn assert_errors(cases: &[(String, &str)]) {
        for (text, expected) in cases {
            assert_eq!(parse_text(text).err().as_deref(), Some(*expected), "{text:?}");
        }
    }

    #[test]
    fn header_errors() {
        let expected =
            "expected header `id\\tcanonical\\tname_ko\\tname_ja\\tname_zh\\tcountry\\taliases`";
        assert_errors(&[
            (
                "id\tcanonical\n".to_owned(),
                &format!("d/organizations.tsv:1: {expected}, found `id\\tcanonical`"),
            ),
            (
                format!("# c\n\n{HEADER}\t\n"),
                &format!(
                    "d/organizations.tsv:3: {expected}, found `{}\\t`",
                    HEADER.replace('\t', "\\t")
                ),
            ),
            (
                "org:a\tA\t\t\t\t\t\n".to_owned(),
                &format!("d/organizations.tsv:1: {expected}, found `org:a\\tA\\t\\t\\t\\t\\t`"),
            ),
        ]);
    }

    #[test]
    fn field_count_errors() {
        assert_errors(&[
            (
                with_header("org:a\tA\t\t\tKR\t\n"),
                "d/organizations.tsv:2: expected 7 tab-separated fields, found 6",
            ),
            (
                with_header("org:a\tA\t\t\t\tKR\t\t\n"),
                "d/organizations.tsv:2: expected 7 tab-separated fields, found 8",
            ),
            (
                with_header("# ok\norg:a A\n"),
                "d/organizations.tsv:3: expected 7 tab-separated fields, found 1",
            ),
        ]);
    }

    #[test]
    fn id_errors() {
        let expected = "expected `org:` and a slug of lowercase ASCII letters, digits, `-` or `.`";
        assert_errors(&[
            (
                with_header("org:Mfds\tA\t\t\t\t\t\n"),
                &format!("d/organizations.tsv:2: invalid id `org:Mfds`, {expected}"),
            ),
            (
                with_header("person:a\tA\t\t\t\t\t\n"),
                &format!("d/organizations.tsv:2: invalid id `person:a`, {expected}"),
            ),
            (
                with_header("org:\tA\t\t\t\t\t\n"),
                &format!("d/organizations.tsv:2: invalid id `org:`, {expected}"),
            ),
            (
                with_header("\tA\t\t\t\t\t\n"),
                &format!("d/organizations.tsv:2: invalid id ``, {expected}"),
            ),
            (
                with_header("org:a b\tA\t\t\t\t\t\n"),
                &format!("d/organizations.tsv:2: invalid id `org:a b`, {expected}"),
            ),
        ]);
    }

    #[test]
    fn empty_canonical_error() {
        assert_errors(&[(
            with_header("org:a\t \tＡ\t\t\t\t\n"),
            "d/organizations.tsv:2: empty canonical name for `org:a`",
        )]);
    }

    #[test]
    fn country_errors() {
        let expected = "expected an ISO 3166 alpha-2 code such as `KR`";
        assert_errors(&[
            (
                with_header("org:a\tA\t\t\t\tkr\t\n"),
                &format!("d/organizations.tsv:2: unknown country code `kr`, {expected}"),
            ),
            (
                with_header("org:a\tA\t\t\t\tXX\t\n"),
                &format!("d/organizations.tsv:2: unknown country code `XX`, {expected}"),
            ),
            (
                with_header("org:a\tA\t\t\t\tKOR\t\n"),
                &format!("d/organizations.tsv:2: unknown country code `KOR`, {expected}"),
            ),
        ]);
    }

    #[test]
    fn empty_alias_errors() {
        assert_errors(&[
            (
                with_header("org:a\tA\t\t\t\t\tB||C\n"),
                "d/organizations.tsv:2: empty alias in `B||C`",
            ),
            (with_header("org:a\tA\t\t\t\t\tB|\n"), "d/organizations.tsv:2: empty alias in `B|`"),
            (with_header("org:a\tA\t\t\t\t\t | \n"), "d/organizations.tsv:2: empty alias in `|`"),
        ]);
    }

    #[test]
    fn valid_ids() {
        for (id, expected) in [
            ("org:mfds", true),
            ("org:kr-cdmo.act-2", true),
            ("org:0", true),
            ("org:", false),
            ("org", false),
            ("org:MFDS", false),
            ("org:ü", false),
            ("org:a:b", false),
            ("orgs:a", false),
            (":a", false),
        ] {
            assert_eq!(is_valid_id(id, "org"), expected, "{id}");
        }
    }
}
