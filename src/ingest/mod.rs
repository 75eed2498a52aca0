//! Ingest: find input files, read them as raw records, and turn each record
//! into a clean [`Document`].
//!
//! Reading ([`read_file`]) is sequential and cheap; parsing ([`parse_record`]:
//! decoding, HTML extraction, JSON, cleaning, boilerplate removal) is what
//! runs in parallel.

pub mod boilerplate;
mod clean;
mod date_field;
mod decode;
mod html;
mod json_array;
mod nesting;
mod parquet_input;
mod url_date;
mod walk;

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use serde_json::Value;
use sha2::{Digest, Sha256};

pub use clean::clean_text;
pub use date_field::parse_date_field;
pub use decode::{Decoded, decode};
pub use json_array::MAX_JSON_FILE_BYTES;
pub use parquet_input::arrow_records;
pub use walk::{InputFile, Listing, STDIN, Skipped, discover};

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
    /// One document per element of an array, or one object (`.json`).
    Json,
    /// One document per row (`.parquet`).
    Parquet,
}

/// The extensions gazette reads when walking a directory, for messages.
pub const EXTENSIONS: &str = ".txt, .jsonl, .ndjson, .json, .html, .htm, .parquet";

impl Format {
    /// The format for a file extension, if gazette reads it when walking a directory.
    #[must_use]
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "txt" | "text" => Some(Format::Text),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "json" => Some(Format::Json),
            "parquet" => Some(Format::Parquet),
            _ => None,
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Format::Text => "text",
            Format::Jsonl => "JSON Lines",
            Format::Html => "HTML",
            Format::Json => "JSON",
            Format::Parquet => "Parquet",
        })
    }
}

/// How an input file is compressed, by its last extension: `.gz` or `.zst`
/// after the format's own (`articles.jsonl.gz`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Compression {
    /// Not compressed.
    #[default]
    None,
    /// gzip (`.gz`), several members allowed.
    Gzip,
    /// Zstandard (`.zst`).
    Zstd,
}

impl Compression {
    /// The compression a path's last extension names.
    #[must_use]
    pub fn of(path: &Path) -> Compression {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("gz" | "gzip") => Compression::Gzip,
            Some("zst" | "zstd") => Compression::Zstd,
            _ => Compression::None,
        }
    }

    /// `path` without the compression's extension.
    #[must_use]
    pub fn strip(self, path: &Path) -> std::path::PathBuf {
        match self {
            Compression::None => path.to_path_buf(),
            _ => path.with_extension(""),
        }
    }

    /// A reader of the uncompressed bytes.
    fn reader<'a>(self, file: impl Read + 'a) -> std::io::Result<Box<dyn Read + 'a>> {
        Ok(match self {
            Compression::None => Box::new(file),
            Compression::Gzip => Box::new(flate2::read::MultiGzDecoder::new(file)),
            Compression::Zstd => Box::new(zstd::Decoder::new(file)?),
        })
    }
}

/// Names of the fields documents are read from: keys of JSON Lines and JSON
/// objects, columns of Parquet files. A dotted name that is not a key (or
/// column) itself reaches into nested objects (or struct columns).
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

/// One unparsed input: a whole file, one line of a JSONL file, one element
/// of a JSON array, or one row of a Parquet file (as a JSON object).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawRecord {
    /// The input path as given or found.
    pub path: String,
    /// The record's 1-based number in a file of several: the line of a JSON
    /// Lines file, the element of a JSON array, the row of a Parquet file.
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
        ErrorRow::new(self.path.clone(), self.line, message)
    }
}

/// The largest document gazette reads, in raw bytes: a file, or one line of
/// a JSONL file. A larger one is an error row and is never read into memory
/// whole; real articles are far smaller, and the bound keeps the memory of a
/// run a few chunks whatever the input.
pub const MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;

/// Reads the records of one input file, streaming JSONL line by line and
/// Parquet a batch of rows at a time; `fields` picks a Parquet file's
/// columns. Each item is a record or an error row naming the file (and line).
pub fn read_file<'a>(
    file: &'a InputFile,
    fields: &JsonlFields,
) -> Box<dyn Iterator<Item = Result<RawRecord, ErrorRow>> + 'a> {
    let path = file.path.display().to_string();
    log::debug!("reading `{path}` as {}", file.format);
    let open = fs_err::File::open(file.read_path()).map_err(|e| {
        ErrorRow::new(path.clone(), None, format!("cannot read file: {}", io_reason(&e)))
    });
    if file.format == Format::Parquet {
        return match open {
            Ok(_) if file.compression != Compression::None => {
                let message = "compressed Parquet file: Parquet compresses its own columns, \
                               read it uncompressed";
                Box::new(std::iter::once(Err(ErrorRow::new(path, None, message))))
            }
            Ok(handle) => parquet_input::read(&path, handle.into_file(), fields),
            Err(error) => Box::new(std::iter::once(Err(error))),
        };
    }
    let handle = match open.and_then(|handle| {
        file.compression
            .reader(handle)
            .map_err(|e| ErrorRow::new(path.clone(), None, format!("cannot decompress file: {e}")))
    }) {
        Ok(handle) => handle,
        Err(error) => return Box::new(std::iter::once(Err(error))),
    };
    // A compressed file's listed size says nothing of its content's.
    let listed_len = if file.compression == Compression::None { file.len } else { 0 };
    match file.format {
        Format::Jsonl => Box::new(JsonlLines {
            path,
            reader: BufReader::new(handle),
            line: 0,
            bytes_read: 0,
            records: 0,
            failed: false,
        }),
        Format::Json => {
            Box::new(json_array::read(&path, &file.path_id, handle, listed_len).into_iter())
        }
        format => {
            let record = read_whole(handle, listed_len)
                .map(|bytes| RawRecord {
                    path: path.clone(),
                    line: None,
                    path_id: Some(file.path_id.clone()),
                    format,
                    bytes,
                })
                .map_err(|message| ErrorRow::new(path, None, message));
            Box::new(std::iter::once(record))
        }
    }
}

/// The bytes of a one-document file, unless it is larger than
/// [`MAX_DOCUMENT_BYTES`].
fn read_whole(handle: impl Read, listed_len: u64) -> Result<Vec<u8>, String> {
    let limit = MAX_DOCUMENT_BYTES as u64;
    if listed_len > limit {
        return Err(too_large("file", listed_len));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(listed_len).unwrap_or(0));
    // One byte past the limit tells a file that grew since it was listed.
    BufReader::new(handle)
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read file: {}", read_reason(&e)))?;
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(too_large("file", bytes.len() as u64));
    }
    Ok(bytes)
}

fn too_large(what: &str, bytes: u64) -> String {
    format!(
        "{what} of {bytes} bytes is larger than the limit of {} MiB for one document; skipped",
        MAX_DOCUMENT_BYTES >> 20
    )
}

/// Why reading failed: a decompressor's own message for corrupt data, else
/// the OS reason.
fn read_reason(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::InvalidData
        | std::io::ErrorKind::InvalidInput
        | std::io::ErrorKind::UnexpectedEof => format!("corrupt or truncated data ({error})"),
        _ => io_reason(error),
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
    /// Bytes read so far, to tell an empty file.
    bytes_read: u64,
    /// Records and error rows given so far.
    records: u64,
    /// A read failed: nothing more is read.
    failed: bool,
}

/// One line of a JSONL file read with a bounded buffer.
enum Line {
    /// The end of the file.
    End,
    /// A line within the limit, in the buffer.
    Read,
    /// A line longer than the limit, skipped: its length in bytes.
    TooLong(u64),
}

/// Reads up to the next `\n` into `buf`, never holding more than
/// [`MAX_DOCUMENT_BYTES`]: the rest of a longer line is read and dropped.
fn read_bounded_line(reader: &mut impl BufRead, buf: &mut Vec<u8>) -> std::io::Result<Line> {
    // The limit is on the record; its line ending (`\r\n`) comes on top.
    const LIMIT: usize = MAX_DOCUMENT_BYTES + 2;
    let mut total = 0u64;
    let mut too_long = false;
    let finish = |total: u64, too_long: bool| match (total, too_long) {
        (0, _) => Line::End,
        (_, true) => Line::TooLong(total),
        _ => Line::Read,
    };
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            return Ok(finish(total, too_long));
        }
        let (piece, done) = match memchr::memchr(b'\n', available) {
            Some(i) => (&available[..=i], true),
            None => (available, false),
        };
        let n = piece.len();
        total += n as u64;
        too_long |= buf.len() + n > LIMIT;
        if too_long {
            buf.clear();
            buf.shrink_to(0);
        } else {
            buf.extend_from_slice(piece);
        }
        reader.consume(n);
        if done {
            return Ok(finish(total, too_long));
        }
    }
}

impl<R: BufRead> JsonlLines<R> {
    fn error(&mut self, line: Option<u32>, message: String) -> Option<Result<RawRecord, ErrorRow>> {
        self.records += 1;
        Some(Err(ErrorRow::new(self.path.clone(), line, message)))
    }
}

impl<R: BufRead> Iterator for JsonlLines<R> {
    type Item = Result<RawRecord, ErrorRow>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        loop {
            let mut bytes = Vec::new();
            let read = read_bounded_line(&mut self.reader, &mut bytes);
            let length = match read {
                Ok(Line::End) if self.records == 0 => {
                    let message =
                        if self.bytes_read == 0 { "empty file" } else { "no JSON lines in file" };
                    return self.error(None, message.to_owned());
                }
                Ok(Line::End) => return None,
                Ok(Line::Read) => bytes.len() as u64,
                Ok(Line::TooLong(length)) => length,
                Err(e) => {
                    // A read error leaves the position unknown: stop here.
                    self.failed = true;
                    let line = Some(self.line + 1);
                    return self.error(line, format!("cannot read line: {}", read_reason(&e)));
                }
            };
            self.line += 1;
            self.bytes_read += length;
            if let Ok(Line::TooLong(length)) = read {
                return self.error(Some(self.line), too_large("line", length));
            }
            while bytes.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                bytes.pop();
            }
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            if self.line == 1 && bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
                bytes.drain(..3);
            }
            self.records += 1;
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
    let mut doc = read_document(&mut record, fields, cleaning.keep_boilerplate)?;
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

/// Hashes the lines of a record's text that may be repeated furniture, for
/// the corpus pre-pass of boilerplate removal: the record read and cleaned as
/// [`parse_record`] reads it, without its content hash or boilerplate removal.
/// `None` for a record [`parse_record`] rejects before removal.
#[must_use]
pub fn line_hashes(mut record: RawRecord, fields: &JsonlFields) -> Option<boilerplate::LineHashes> {
    if record.bytes.is_empty() {
        return None;
    }
    let doc = read_document(&mut record, fields, true).ok()?;
    if doc.text.trim().is_empty() {
        return None;
    }
    let source = boilerplate::source_key(&record.path, record.line.is_some(), doc.url.as_deref());
    Some(boilerplate::hash_lines(&source, &doc.text))
}

/// Decodes and cleans a record into a document whose text still holds its
/// boilerplate; an HTML page's own markup furniture goes unless
/// `keep_boilerplate`.
fn read_document(
    record: &mut RawRecord,
    fields: &JsonlFields,
    keep_boilerplate: bool,
) -> Result<Document, ErrorRow> {
    let mut warnings = Vec::new();
    let mut doc = match record.format {
        Format::Jsonl | Format::Json | Format::Parquet => {
            parse_json(record, fields, &mut warnings)?
        }
        Format::Text => {
            let bytes = std::mem::take(&mut record.bytes);
            let text =
                decode_noting(bytes, &record.path, &mut warnings).map_err(|m| record.error(m))?;
            Document { text: clean_text(text), ..Document::default() }
        }
        Format::Html => {
            let bytes = std::mem::take(&mut record.bytes);
            let text =
                decode_noting(bytes, &record.path, &mut warnings).map_err(|m| record.error(m))?;
            let page = html::extract(&text, keep_boilerplate).map_err(|m| record.error(m))?;
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
    doc.warnings = warnings;
    Ok(doc)
}

/// Decodes bytes, noting in `warnings` the bytes that were replaced.
fn decode_noting(bytes: Vec<u8>, path: &str, warnings: &mut Vec<String>) -> Result<String, String> {
    let decoded = decode(bytes)?;
    if decoded.encoding != "UTF-8" {
        log::debug!("`{path}`: decoded as {}", decoded.encoding);
    }
    if let Some(replaced) = decoded.replaced {
        log::debug!("`{path}`: {}", replaced.message());
        warnings.push(replaced.message());
    }
    Ok(decoded.text)
}

fn parse_json(
    record: &RawRecord,
    fields: &JsonlFields,
    warnings: &mut Vec<String>,
) -> Result<Document, ErrorRow> {
    let parsed = match simdutf8::basic::from_utf8(&record.bytes) {
        Ok(line) => serde_json::from_str(line),
        Err(_) => {
            // A line that is not UTF-8: decoded as a text file would be.
            let line = decode_noting(record.bytes.clone(), &record.path, warnings)
                .map_err(|m| record.error(m))?;
            serde_json::from_str(&line)
        }
    };
    let value: Value = parsed.map_err(|e| record.error(format!("not valid JSON: {e}")))?;
    let Value::Object(mut object) = value else {
        return Err(record.error("expected a JSON object"));
    };
    let text = match take_field(&mut object, &fields.text) {
        Some(Value::String(text)) => clean_text(text),
        Some(_) => return Err(record.error(format!("field `{}` is not a string", fields.text))),
        None => return Err(record.error(format!("missing text field `{}`", fields.text))),
    };
    let mut string = |name: &str| match take_field(&mut object, name) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(clean_text(s.trim().to_owned())),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let (id, title, url) = (string(&fields.id), string(&fields.title), string(&fields.url));
    let published = string(&fields.published).and_then(|value| {
        let date = parse_date_field(&value);
        if date.is_none() {
            warnings.push(format!(
                "field `{}` holds `{value}`, not a date gazette reads; published taken from the \
                 text or left empty",
                fields.published
            ));
        }
        date
    });
    Ok(Document { id: id.unwrap_or_default(), title, url, published, text, ..Document::default() })
}

/// Takes the field at `path` out of a JSON object: a key as it is, else a
/// dotted path into nested objects (`article.body`).
fn take_field(object: &mut serde_json::Map<String, Value>, path: &str) -> Option<Value> {
    if let Some(value) = object.remove(path) {
        return Some(value);
    }
    let (head, rest) = path.split_once('.')?;
    match object.get_mut(head)? {
        Value::Object(inner) => take_field(inner, rest),
        _ => None,
    }
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
    let relative = path.strip_prefix(root).unwrap_or(path);
    let relative = Compression::of(relative).strip(relative).with_extension("");
    let parts: Vec<_> = relative.components().map(|c| c.as_os_str().to_string_lossy()).collect();
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

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
    fn nested_fields_by_dotted_path() {
        let fields = JsonlFields {
            text: "article.body".into(),
            title: "article.meta.headline".into(),
            ..JsonlFields::default()
        };
        let line = br#"{"id": "n1", "article": {"body": "hello", "meta": {"headline": "H"}}}"#;
        let doc = parse_record(record(Format::Jsonl, line), &fields, &Cleaning::default()).unwrap();
        assert_eq!((doc.text.as_str(), doc.title.as_deref()), ("hello", Some("H")));
        let flat = br#"{"article.body": "flat key wins", "article": {"body": "nested"}}"#;
        let doc = parse_record(record(Format::Jsonl, flat), &fields, &Cleaning::default()).unwrap();
        assert_eq!(doc.text, "flat key wins");
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
    fn published_in_other_forms_and_an_unreadable_one_as_a_warning() {
        let doc = parse(Format::Jsonl, br#"{"text": "x", "published": 1765757777}"#).unwrap();
        assert_eq!(doc.published, NaiveDate::from_ymd_opt(2025, 12, 15));
        assert!(doc.warnings.is_empty());
        let doc = parse(Format::Jsonl, br#"{"text": "x", "published": "Dec 15, 2025"}"#).unwrap();
        assert_eq!(doc.published, NaiveDate::from_ymd_opt(2025, 12, 15));
        let doc = parse(Format::Jsonl, br#"{"text": "x", "published": "last week"}"#).unwrap();
        assert_eq!(doc.published, None);
        assert_eq!(
            doc.warnings,
            ["field `published` holds `last week`, not a date gazette reads; published taken \
              from the text or left empty"]
        );
    }

    #[test]
    fn path_ids() {
        assert_eq!(path_id(Path::new("in/ko/a.txt"), Path::new("in")), "ko/a");
        assert_eq!(path_id(Path::new("a.html"), Path::new("")), "a");
    }
}
