//! Ingest: find input files, read them as raw records, and turn each record
//! into a clean [`Document`].
//!
//! Reading ([`read_file`]) is sequential and cheap; parsing ([`parse_record`]:
//! decoding, HTML extraction, JSON, cleaning, boilerplate removal) is what
//! runs in parallel.

pub mod boilerplate;
mod clean;
mod decode;
mod html;
mod url_date;
mod walk;

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use chrono::NaiveDate;
use serde_json::Value;
use sha2::{Digest, Sha256};

pub use clean::clean_text;
pub use decode::{Decoded, decode};
pub use walk::{InputFile, discover};

use crate::model::{Document, ErrorRow, Origin};
use boilerplate::RepeatedLines;

/// How much of a page is kept.
#[derive(Clone, Debug, Default)]
pub struct Cleaning {
    /// Keep the whole text: no boilerplate removal.
    pub keep_boilerplate: bool,
    /// Lines repeated across the documents of each source, counted beforehand.
    pub repeated: RepeatedLines,
}

impl Cleaning {
    /// Everything kept: no boilerplate removal.
    #[must_use]
    pub fn keep_all() -> Self {
        Cleaning { keep_boilerplate: true, repeated: RepeatedLines::default() }
    }

    /// Removes the boilerplate of a document's text (or only reads its title
    /// and date line when boilerplate is kept).
    fn strip(&self, text: &str, source: &str) -> boilerplate::Stripped {
        if self.keep_boilerplate {
            boilerplate::keep_all(text)
        } else {
            boilerplate::strip(text, &|line| self.repeated.is_repeated(source, line))
        }
    }
}

/// The input formats gazette reads, chosen by file extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One document per file (`.txt`, and any other extension given explicitly).
    Text,
    /// One document per line (`.jsonl`, `.ndjson`).
    Jsonl,
    /// One document per page (`.html`, `.htm`).
    Html,
}

impl Format {
    /// The format for a file extension, if gazette reads it when walking a directory.
    #[must_use]
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "txt" | "text" => Some(Format::Text),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            _ => None,
        }
    }
}

/// Names of the JSONL fields documents are read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonlFields {
    /// Document id (string or number); a content hash when absent.
    pub id: String,
    /// Document text (required).
    pub text: String,
    /// Optional title.
    pub title: String,
    /// Optional URL.
    pub url: String,
    /// Optional publication date, `YYYY-MM-DD` (a timestamp works too).
    pub published: String,
}

impl Default for JsonlFields {
    fn default() -> Self {
        JsonlFields {
            id: "id".into(),
            text: "text".into(),
            title: "title".into(),
            url: "url".into(),
            published: "published".into(),
        }
    }
}

/// One unparsed input: a whole file, or one line of a JSONL file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawRecord {
    /// The input path as given or found.
    pub path: String,
    /// 1-based line number for JSONL records.
    pub line: Option<u32>,
    /// Document id derived from the path, for one-document files.
    pub path_id: Option<String>,
    /// How to parse `bytes`.
    pub format: Format,
    /// The raw bytes.
    pub bytes: Vec<u8>,
}

impl RawRecord {
    fn error(&self, message: impl Into<String>) -> ErrorRow {
        ErrorRow { source: self.path.clone(), line: self.line, message: message.into() }
    }
}

/// Reads the records of one input file, streaming JSONL line by line. Each
/// item is a record or an error row naming the file (and line).
pub fn read_file(file: &InputFile) -> Box<dyn Iterator<Item = Result<RawRecord, ErrorRow>> + '_> {
    let path = file.path.display().to_string();
    let open = fs_err::File::open(&file.path).map_err(|e| ErrorRow {
        source: path.clone(),
        line: None,
        message: format!("cannot read file: {}", io_reason(&e)),
    });
    let handle = match open {
        Ok(handle) => handle,
        Err(error) => return Box::new(std::iter::once(Err(error))),
    };
    match file.format {
        Format::Jsonl => Box::new(JsonlLines { path, reader: BufReader::new(handle), line: 0 }),
        format => {
            let mut bytes = Vec::with_capacity(usize::try_from(file.len).unwrap_or(0));
            let record = BufReader::new(handle)
                .read_to_end(&mut bytes)
                .map(|_| RawRecord {
                    path: path.clone(),
                    line: None,
                    path_id: Some(file.path_id.clone()),
                    format,
                    bytes,
                })
                .map_err(|e| ErrorRow {
                    source: path,
                    line: None,
                    message: format!("cannot read file: {}", io_reason(&e)),
                });
            Box::new(std::iter::once(record))
        }
    }
}

/// The OS reason of an I/O error, without the path `fs_err` already adds.
fn io_reason(error: &std::io::Error) -> String {
    std::io::Error::from(error.kind()).to_string().to_lowercase()
}

struct JsonlLines<R> {
    path: String,
    reader: R,
    line: u32,
}

impl<R: BufRead> Iterator for JsonlLines<R> {
    type Item = Result<RawRecord, ErrorRow>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let mut bytes = Vec::new();
            match self.reader.read_until(b'\n', &mut bytes) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => {
                    return Some(Err(ErrorRow {
                        source: self.path.clone(),
                        line: Some(self.line + 1),
                        message: format!("cannot read line: {}", io_reason(&e)),
                    }));
                }
            }
            self.line += 1;
            while bytes.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                bytes.pop();
            }
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            if self.line == 1 && bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
                bytes.drain(..3);
            }
            return Some(Ok(RawRecord {
                path: self.path.clone(),
                line: Some(self.line),
                path_id: None,
                format: Format::Jsonl,
                bytes,
            }));
        }
    }
}

/// Turns a raw record into a clean document, its boilerplate removed as
/// `cleaning` says.
///
/// # Errors
///
/// Returns an error row naming the file (and line) when the record cannot be
/// decoded, is not valid JSON, lacks its text, or is empty.
pub fn parse_record(
    mut record: RawRecord,
    fields: &JsonlFields,
    cleaning: &Cleaning,
) -> Result<Document, ErrorRow> {
    if record.bytes.is_empty() {
        return Err(record.error("empty file"));
    }
    let content_hash = hex_digest(&record.bytes);
    let mut doc = match record.format {
        Format::Jsonl => parse_json(&record, fields)?,
        Format::Text => {
            let bytes = std::mem::take(&mut record.bytes);
            let text = decode(bytes).map_err(|m| record.error(m))?.text;
            Document { text: clean_text(text), ..Document::default() }
        }
        Format::Html => {
            let bytes = std::mem::take(&mut record.bytes);
            let text = decode(bytes).map_err(|m| record.error(m))?.text;
            let page = html::extract(&text, cleaning.keep_boilerplate);
            Document {
                title: page.title.map(clean_text),
                published: page.published,
                url: page.url,
                text: clean_text(page.text),
                boilerplate_chars: page.removed_chars,
                ..Document::default()
            }
        }
    };
    let source = boilerplate::source_key(&record.path, record.line.is_some(), doc.url.as_deref());
    let stripped = cleaning.strip(&doc.text, &source);
    if record.format == Format::Text {
        doc.title = stripped.title;
    }
    doc.published = doc
        .published
        .or(stripped.published)
        .or_else(|| doc.url.as_deref().and_then(url_date::date_in_url));
    doc.boilerplate_chars += stripped.removed_chars;
    doc.text = stripped.text;
    if doc.text.trim().is_empty() {
        return Err(record.error("no text in document"));
    }
    doc.source = Origin { path: record.path, line: record.line };
    if doc.id.is_empty() {
        doc.id = record.path_id.unwrap_or_else(|| content_hash[..16].to_owned());
    }
    doc.content_hash = content_hash;
    Ok(doc)
}

fn parse_json(record: &RawRecord, fields: &JsonlFields) -> Result<Document, ErrorRow> {
    let value: Value = serde_json::from_slice(&record.bytes)
        .map_err(|e| record.error(format!("not valid JSON: {e}")))?;
    let Value::Object(mut object) = value else {
        return Err(record.error("expected a JSON object"));
    };
    let text = match object.remove(&fields.text) {
        Some(Value::String(text)) => clean_text(text),
        Some(_) => return Err(record.error(format!("field `{}` is not a string", fields.text))),
        None => return Err(record.error(format!("missing text field `{}`", fields.text))),
    };
    let string = |name: &str| match object.get(name) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(clean_text(s.trim().to_owned())),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    Ok(Document {
        id: string(&fields.id).unwrap_or_default(),
        title: string(&fields.title),
        url: string(&fields.url),
        published: string(&fields.published).as_deref().and_then(parse_date_field),
        text,
        ..Document::default()
    })
}

/// Parses a metadata date: `YYYY-MM-DD`, `YYYY.MM.DD` or `YYYY/MM/DD`, with
/// anything (a clock time, a zone) after it.
#[must_use]
pub fn parse_date_field(value: &str) -> Option<NaiveDate> {
    let head: String =
        value.trim().chars().take(10).map(|c| if c == '.' || c == '/' { '-' } else { c }).collect();
    html::iso_date_prefix(&head)
}

/// Lowercase hex SHA-256 of `bytes`.
#[must_use]
pub fn hex_digest(bytes: &[u8]) -> String {
    use std::fmt::Write;
    Sha256::digest(bytes).iter().fold(String::with_capacity(64), |mut hex, b| {
        let _ = write!(hex, "{b:02x}");
        hex
    })
}

/// The display form of a path relative to `root`, with `/` separators and
/// without extension: the document id of a one-document file.
#[must_use]
pub fn path_id(path: &Path, root: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path).with_extension("");
    let parts: Vec<_> = relative.components().map(|c| c.as_os_str().to_string_lossy()).collect();
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(format: Format, bytes: &[u8]) -> RawRecord {
        RawRecord {
            path: "in/doc.x".into(),
            line: (format == Format::Jsonl).then_some(3),
            path_id: (format != Format::Jsonl).then(|| "doc".into()),
            format,
            bytes: bytes.to_vec(),
        }
    }

    fn parse(format: Format, bytes: &[u8]) -> Result<Document, ErrorRow> {
        parse_record(record(format, bytes), &JsonlFields::default(), &Cleaning::default())
    }

    #[test]
    fn text_file_gets_path_id_title_and_hash() {
        let doc = parse(Format::Text, "\u{FEFF}Headline\r\n\r\nBody text.\r\n".as_bytes()).unwrap();
        assert_eq!(doc.id, "doc");
        assert_eq!(doc.source.to_string(), "in/doc.x");
        assert_eq!(doc.title.as_deref(), Some("Headline"));
        assert_eq!(doc.text, "Headline\n\nBody text.\n");
        assert_eq!(doc.content_hash.len(), 64);
        assert_eq!(
            doc.content_hash,
            hex_digest("\u{FEFF}Headline\r\n\r\nBody text.\r\n".as_bytes())
        );
    }

    #[test]
    fn boilerplate_is_removed_unless_kept() {
        let page = "Text Size\nClose\nHeadline\n2026-01-05 09:00\n\nThe agency approved \
                    the new test kit after a review of the data from three hospitals.\n\n\
                    Copyright 2026 Example Daily\n";
        let doc = parse(Format::Text, page.as_bytes()).unwrap();
        assert_eq!(
            doc.text,
            "Headline\n2026-01-05 09:00\n\nThe agency approved the new test kit after a \
             review of the data from three hospitals."
        );
        assert_eq!(doc.boilerplate_chars, 42);
        assert_eq!(doc.title.as_deref(), Some("Headline"));
        assert_eq!(doc.published, NaiveDate::from_ymd_opt(2026, 1, 5));
        let kept = parse_record(
            record(Format::Text, page.as_bytes()),
            &JsonlFields::default(),
            &Cleaning::keep_all(),
        )
        .unwrap();
        assert_eq!((kept.text.as_str(), kept.boilerplate_chars), (page, 0));
        assert_eq!(kept.title.as_deref(), Some("Text Size"));
    }

    #[test]
    fn jsonl_fields_and_source_line() {
        let line = r#"{"id": 42, "title": "T", "text": "본문", "url": "https://e.x/1", "published": "2025-12-15T09:00:00Z"}"#;
        let doc = parse(Format::Jsonl, line.as_bytes()).unwrap();
        assert_eq!(doc.id, "42");
        assert_eq!(doc.source.to_string(), "in/doc.x:3");
        assert_eq!(doc.title.as_deref(), Some("T"));
        assert_eq!(doc.url.as_deref(), Some("https://e.x/1"));
        assert_eq!(doc.published, NaiveDate::from_ymd_opt(2025, 12, 15));
        assert_eq!(doc.text, "본문");
    }

    #[test]
    fn published_falls_back_to_the_page_then_the_address() {
        let metadata = r#"{"text": "2024-03-02\n본문", "url": "https://e.x/2024/01/05/a", "published": "2023-09-09"}"#;
        let page = r#"{"text": "2024-03-02\n본문", "url": "https://e.x/2024/01/05/a"}"#;
        let address = r#"{"text": "본문", "url": "https://e.x/2024/01/05/a"}"#;
        let neither = r#"{"text": "본문", "url": "https://e.x/news/7467"}"#;
        let published = |line: &str| parse(Format::Jsonl, line.as_bytes()).unwrap().published;
        assert_eq!(published(metadata), NaiveDate::from_ymd_opt(2023, 9, 9));
        assert_eq!(published(page), NaiveDate::from_ymd_opt(2024, 3, 2));
        assert_eq!(published(address), NaiveDate::from_ymd_opt(2024, 1, 5));
        assert_eq!(published(neither), None);
    }

    #[test]
    fn jsonl_without_id_gets_hash_id() {
        let doc = parse(Format::Jsonl, br#"{"text": "x"}"#).unwrap();
        assert_eq!(doc.id, hex_digest(br#"{"text": "x"}"#)[..16]);
    }

    #[test]
    fn configurable_field_names() {
        let fields =
            JsonlFields { id: "uid".into(), text: "body".into(), ..JsonlFields::default() };
        let rec = record(Format::Jsonl, br#"{"uid": "a1", "body": "hello"}"#);
        let doc = parse_record(rec, &fields, &Cleaning::default()).unwrap();
        assert_eq!((doc.id.as_str(), doc.text.as_str()), ("a1", "hello"));
    }

    #[test]
    fn bad_records_name_file_and_line() {
        let cases: &[(Format, &[u8], &str)] = &[
            (
                Format::Jsonl,
                b"{not json",
                "not valid JSON: key must be a string at line 1 column 2",
            ),
            (Format::Jsonl, br#"{"title": "x"}"#, "missing text field `text`"),
            (Format::Jsonl, br#"{"text": 5}"#, "field `text` is not a string"),
            (Format::Jsonl, br"[1, 2]", "expected a JSON object"),
            (Format::Jsonl, br#"{"text": "  "}"#, "no text in document"),
            (Format::Text, b"", "empty file"),
            (Format::Text, b"\n \n", "no text in document"),
            (Format::Text, &[0xFF, 0x00, 0xFE], "looks like a binary file (contains NUL bytes)"),
        ];
        for (format, bytes, message) in cases {
            let err = parse(*format, bytes).unwrap_err();
            assert_eq!(err.source, "in/doc.x");
            assert_eq!(err.line, (*format == Format::Jsonl).then_some(3));
            assert_eq!(err.message, *message, "{bytes:?}");
        }
    }

    #[test]
    fn date_fields() {
        let d = NaiveDate::from_ymd_opt(2025, 7, 17);
        assert_eq!(parse_date_field("2025-07-17"), d);
        assert_eq!(parse_date_field("2025.07.17 10:00"), d);
        assert_eq!(parse_date_field("2025/07/17"), d);
        assert_eq!(parse_date_field("July 17"), None);
        assert_eq!(parse_date_field("2025-02-30"), None);
    }

    #[test]
    fn path_ids() {
        assert_eq!(path_id(Path::new("in/ko/a.txt"), Path::new("in")), "ko/a");
        assert_eq!(path_id(Path::new("a.html"), Path::new("")), "a");
    }
}
