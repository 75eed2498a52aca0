//! `.json` inputs: an array of documents, one document (an object), or
//! several objects one after another (JSON Lines saved as `.json`).
//!
//! The file is read whole, so it has its own size limit,
//! [`MAX_JSON_FILE_BYTES`]; each document in it is then one record, split
//! out by a scan of the JSON structure (brackets, braces, strings) and
//! parsed later like a JSON Lines record. A record's `line` is its 1-based
//! element number: in an array its position, for several objects their
//! order. A file holding one object is one document without a line, its id
//! taken from the path like a text file's.

use std::io::Read;
use std::ops::Range;

use super::{Format, RawRecord, decode, read_reason};
use crate::model::ErrorRow;

/// The largest `.json` file gazette reads, in uncompressed bytes. The file
/// is held whole while its documents are read, with at most the same again
/// for its decoded text when it is not UTF-8: a few hundred MiB of memory at
/// worst, on top of a run's few chunks. Larger collections belong in JSON
/// Lines or Parquet, which are read a record at a time.
pub const MAX_JSON_FILE_BYTES: usize = 256 * 1024 * 1024;

/// The records of one `.json` file, read from `handle`.
pub(super) fn read(
    path: &str,
    path_id: &str,
    handle: impl Read,
    listed_len: u64,
) -> Vec<Result<RawRecord, ErrorRow>> {
    let file_error = |message: String| vec![Err(ErrorRow::new(path, None, message))];
    let bytes = match read_limited(handle, listed_len) {
        Ok(bytes) => bytes,
        Err(message) => return file_error(message),
    };
    let text = match utf8_for_scanning(path, bytes) {
        Ok(text) => text,
        Err(message) => return file_error(message),
    };
    let layout = match split(&text) {
        Ok(layout) => layout,
        Err(message) => return file_error(message),
    };
    let record = |line: Option<u32>, path_id: Option<String>, range: Range<usize>| {
        let length = range.len();
        if length > super::MAX_DOCUMENT_BYTES {
            return Err(ErrorRow::new(path, line, super::too_large("element", length as u64)));
        }
        Ok(RawRecord {
            path: path.to_owned(),
            line,
            path_id,
            format: Format::Json,
            bytes: text[range].to_vec(),
        })
    };
    match layout {
        Layout::One(range) => vec![record(None, Some(path_id.to_owned()), range)],
        Layout::Many(ranges) if ranges.is_empty() => {
            file_error("empty JSON array: no document in file".to_owned())
        }
        Layout::Many(ranges) => ranges
            .into_iter()
            .enumerate()
            .map(|(i, range)| record(Some(u32::try_from(i + 1).unwrap_or(u32::MAX)), None, range))
            .collect(),
    }
}

/// The file's bytes, unless it is larger than [`MAX_JSON_FILE_BYTES`].
fn read_limited(handle: impl Read, listed_len: u64) -> Result<Vec<u8>, String> {
    let limit = MAX_JSON_FILE_BYTES as u64;
    if listed_len > limit {
        return Err(too_large(&format!("{listed_len} bytes")));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(listed_len).unwrap_or(0));
    // One byte past the limit tells a larger file (or compressed content).
    handle
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read file: {}", read_reason(&e)))?;
    if bytes.len() > MAX_JSON_FILE_BYTES {
        return Err(too_large(&format!("more than {} bytes", MAX_JSON_FILE_BYTES)));
    }
    if bytes.is_empty() {
        return Err("empty file".to_owned());
    }
    Ok(bytes)
}

fn too_large(size: &str) -> String {
    format!(
        "JSON file of {size} is larger than the limit of {} MiB for a .json file, which is read \
         whole; skipped (as JSON Lines, one document per line, it is read line by line: \
         `jq -c '.[]'`)",
        MAX_JSON_FILE_BYTES >> 20
    )
}

/// Bytes whose JSON structure can be scanned byte by byte: UTF-8 as it is
/// (invalid bytes are left for each record's own decoding, which reports
/// them), other encodings (a UTF-16 BOM, EUC-KR, Shift_JIS, ...) decoded to
/// UTF-8 first, since their bytes can look like `"` or `\`.
fn utf8_for_scanning(path: &str, mut bytes: Vec<u8>) -> Result<Vec<u8>, String> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    if std::str::from_utf8(&bytes).is_ok() {
        return Ok(bytes);
    }
    let decoded = decode(bytes.clone())?;
    if decoded.replaced.is_some() {
        // Mostly UTF-8: each record's decoding says where bytes were replaced.
        return Ok(bytes);
    }
    log::debug!("`{path}`: decoded as {}", decoded.encoding);
    Ok(decoded.text.into_bytes())
}

/// Where a file's documents are.
#[derive(Debug, PartialEq, Eq)]
enum Layout {
    /// One object: the whole file is one document.
    One(Range<usize>),
    /// The elements of an array, or several top-level objects.
    Many(Vec<Range<usize>>),
}

/// Finds the documents of a JSON file without parsing them: the elements of
/// a top-level array, or the top-level values one after another.
fn split(text: &[u8]) -> Result<Layout, String> {
    let start = skip_space(text, 0);
    match text.get(start) {
        None => Err("no JSON value in file".to_owned()),
        Some(b'[') => split_array(text, start),
        Some(b'{') => {
            let mut values = Vec::new();
            let mut at = start;
            while at < text.len() {
                let end = value_end(text, at)?;
                values.push(at..end);
                at = skip_space(text, end);
            }
            Ok(if values.len() == 1 {
                Layout::One(start..text.len())
            } else {
                Layout::Many(values)
            })
        }
        Some(_) => Err(format!(
            "expected a JSON array or object at {}, found `{}`",
            position(text, start),
            char_at(text, start)
        )),
    }
}

fn split_array(text: &[u8], open: usize) -> Result<Layout, String> {
    let mut elements = Vec::new();
    let mut at = skip_space(text, open + 1);
    loop {
        match text.get(at) {
            None => return Err(format!("unclosed array (opened at {})", position(text, open))),
            Some(b']') => break,
            Some(b',') if !elements.is_empty() => at = skip_space(text, at + 1),
            Some(_) if elements.is_empty() => {}
            Some(_) => {
                return Err(format!(
                    "expected `,` or `]` after element {} at {}, found `{}`",
                    elements.len(),
                    position(text, at),
                    char_at(text, at)
                ));
            }
        }
        if text.get(at).is_some_and(|b| matches!(b, b']' | b',')) {
            return Err(format!(
                "missing element {} at {}",
                elements.len() + 1,
                position(text, at)
            ));
        }
        let end = value_end(text, at)?;
        elements.push(at..end);
        at = skip_space(text, end);
    }
    let after = skip_space(text, at + 1);
    if after < text.len() {
        return Err(format!(
            "unexpected `{}` after the array at {}",
            char_at(text, after),
            position(text, after)
        ));
    }
    Ok(Layout::Many(elements))
}

/// The end of the value starting at `start`: past its closing bracket, brace
/// or quote, or before the delimiter that ends a number or literal. Only the
/// nesting is checked; the value itself is parsed with its record.
fn value_end(text: &[u8], start: usize) -> Result<usize, String> {
    if matches!(text[start], b']' | b'}' | b',') {
        return Err(format!("unexpected `{}` at {}", char_at(text, start), position(text, start)));
    }
    let mut depth = 0usize;
    let mut at = start;
    while let Some(&byte) = text.get(at) {
        match byte {
            b'"' => at = string_end(text, at)?,
            b'[' | b'{' => {
                depth += 1;
                at += 1;
            }
            b']' | b'}' if depth == 0 => return Ok(at),
            b']' | b'}' => {
                depth -= 1;
                at += 1;
            }
            b',' | b' ' | b'\t' | b'\r' | b'\n' if depth == 0 => return Ok(at),
            _ => at += 1,
        }
        if depth == 0 && matches!(text[start], b'"' | b'[' | b'{') {
            return Ok(at);
        }
    }
    if depth == 0 {
        Ok(at)
    } else {
        let what = if text[start] == b'[' { "array" } else { "object" };
        Err(format!("unclosed {what} (opened at {})", position(text, start)))
    }
}

/// Past the closing quote of the string whose opening quote is at `open`.
fn string_end(text: &[u8], open: usize) -> Result<usize, String> {
    let mut at = open + 1;
    while let Some(&byte) = text.get(at) {
        match byte {
            b'\\' => at += 2,
            b'"' => return Ok(at + 1),
            _ => at += 1,
        }
    }
    Err(format!("unclosed string (opened at {})", position(text, open)))
}

fn skip_space(text: &[u8], mut at: usize) -> usize {
    while text.get(at).is_some_and(u8::is_ascii_whitespace) {
        at += 1;
    }
    at
}

/// `line L column C` of a byte offset, both 1-based, the column in bytes.
fn position(text: &[u8], offset: usize) -> String {
    let before = &text[..offset.min(text.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let column = offset - before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1) + 1;
    format!("line {line} column {column}")
}

/// The character at a byte offset, for messages.
fn char_at(text: &[u8], offset: usize) -> String {
    String::from_utf8_lossy(&text[offset..text.len().min(offset + 4)])
        .chars()
        .next()
        .map(String::from)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Result<Vec<&str>, String> {
        Ok(match split(text.as_bytes())? {
            Layout::One(range) => vec![&text[range]],
            Layout::Many(ranges) => ranges.into_iter().map(|r| &text[r]).collect(),
        })
    }

    #[test]
    fn splits_arrays_objects_and_object_sequences() {
        let array = "[\n  {\"id\": \"a\", \"text\": \"The board met [twice], then\\\" {voted}.\"},\n  \
                     {\"id\": \"b\", \"tags\": [1, {\"x\": []}]} , 7, \"s\" ]\n";
        assert_eq!(
            pieces(array).unwrap(),
            [
                r#"{"id": "a", "text": "The board met [twice], then\" {voted}."}"#,
                r#"{"id": "b", "tags": [1, {"x": []}]}"#,
                "7",
                "\"s\"",
            ]
        );
        assert_eq!(pieces("[]").unwrap(), Vec::<&str>::new());
        assert_eq!(split(b"[ ]").unwrap(), Layout::Many(vec![]));
        assert_eq!(split(b" {\"a\": 1}\n").unwrap(), Layout::One(1..10));
        assert_eq!(
            pieces("{\"a\": 1}\n{\"b\": [2]}\n\n{}").unwrap(),
            ["{\"a\": 1}", "{\"b\": [2]}", "{}"]
        );
    }

    #[test]
    fn broken_structure_is_one_message_with_its_position() {
        let cases = [
            ("", "no JSON value in file"),
            (
                "  \"just a string\"",
                "expected a JSON array or object at line 1 column 3, found `\"`",
            ),
            (
                "[{\"a\": 1}\n {\"b\": 2}]",
                "expected `,` or `]` after element 1 at line 2 column 2, found `{`",
            ),
            ("[{\"a\": 1},]", "missing element 2 at line 1 column 11"),
            ("[,{}]", "missing element 1 at line 1 column 2"),
            ("[{\"a\": 1}", "unclosed array (opened at line 1 column 1)"),
            ("[{\"a\": [1}", "unclosed object (opened at line 1 column 2)"),
            ("[\n{\"a\": \"x}]", "unclosed string (opened at line 2 column 7)"),
            ("[{}] x", "unexpected `x` after the array at line 1 column 6"),
            ("{\"a\": 1} , {}", "unexpected `,` at line 1 column 10"),
        ];
        for (text, message) in cases {
            assert_eq!(split(text.as_bytes()).unwrap_err(), message, "{text}");
        }
    }

    #[test]
    fn records_are_numbered_by_element() {
        let text = "[{\"text\": \"one\"}, {\"text\": \"two\"}]";
        let records = read("in/a.json", "a", text.as_bytes(), 0);
        let got: Vec<_> = records
            .into_iter()
            .map(|r| {
                let r = r.unwrap();
                (r.line, r.path_id, String::from_utf8(r.bytes).unwrap())
            })
            .collect();
        assert_eq!(
            got,
            [
                (Some(1), None, "{\"text\": \"one\"}".to_owned()),
                (Some(2), None, "{\"text\": \"two\"}".to_owned())
            ]
        );
        let one = read("in/a.json", "a", "\u{FEFF}{\"text\": \"one\"}\n".as_bytes(), 0);
        let one = one.into_iter().next().unwrap().unwrap();
        assert_eq!((one.line, one.path_id.as_deref()), (None, Some("a")));
        assert_eq!(one.bytes, b"{\"text\": \"one\"}\n");
    }

    #[test]
    fn legacy_encodings_are_decoded_before_scanning() {
        // `表` is 0x95 0x5C in Shift_JIS: its second byte is a backslash.
        let text = "[{\"text\": \"厚生労働省の表\"}, {\"text\": \"審査の表\"}]";
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(text);
        let records = read("in/sjis.json", "sjis", &bytes[..], 0);
        let texts: Vec<_> =
            records.into_iter().map(|r| String::from_utf8(r.unwrap().bytes).unwrap()).collect();
        assert_eq!(texts, ["{\"text\": \"厚生労働省の表\"}", "{\"text\": \"審査の表\"}"]);
    }

    #[test]
    fn a_bad_byte_in_utf8_is_a_warning_of_its_element() {
        let mut bytes =
            "[{\"text\": \"식약처는 허가했다.\"}, {\"text\": \"점검했다.\"}]".as_bytes().to_vec();
        // The lead byte of `약`: its two continuation bytes are stray then.
        bytes[14] = 0xFF;
        let records: Vec<_> =
            read("in/a.json", "a", &bytes[..], 0).into_iter().map(Result::unwrap).collect();
        let fields = super::super::JsonlFields::default();
        let cleaning = super::super::Cleaning::keep_all();
        let docs: Vec<_> = records
            .into_iter()
            .map(|r| super::super::parse_record(r, &fields, &cleaning).unwrap())
            .map(|d| (d.source.to_string(), d.text, d.warnings))
            .collect();
        assert_eq!(
            docs,
            [
                (
                    "in/a.json:1".to_owned(),
                    "식\u{FFFD}\u{FFFD}\u{FFFD}처는 허가했다.".to_owned(),
                    vec!["invalid UTF-8 at byte 13: 3 bytes in 3 places replaced by U+FFFD; the rest \
                          was read as UTF-8"
                        .to_owned()]
                ),
                ("in/a.json:2".to_owned(), "점검했다.".to_owned(), vec![]),
            ]
        );
    }

    #[test]
    fn file_errors_name_no_element() {
        let rows = |bytes: &[u8], listed: u64| read("in/a.json", "a", bytes, listed);
        assert_eq!(rows(b"", 0), [Err(ErrorRow::new("in/a.json", None, "empty file"))]);
        assert_eq!(
            rows(b"[]", 0),
            [Err(ErrorRow::new("in/a.json", None, "empty JSON array: no document in file"))]
        );
        let huge = rows(b"[]", MAX_JSON_FILE_BYTES as u64 + 10);
        assert_eq!(
            huge[0].as_ref().unwrap_err().message,
            "JSON file of 268435466 bytes is larger than the limit of 256 MiB for a .json file, \
             which is read whole; skipped (as JSON Lines, one document per line, it is read \
             line by line: `jq -c '.[]'`)"
        );
    }
}
