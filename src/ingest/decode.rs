//! Bytes to text: BOM sniffing, UTF-8, and detection of legacy CJK encodings.

use encoding_rs::{Encoding, UTF_8};

/// Text decoded from raw bytes, with the encoding that was used.
#[derive(Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// Name of the encoding, e.g. `UTF-8`, `EUC-KR`, `Shift_JIS`, `gb18030`.
    pub encoding: &'static str,
    /// Bytes that were not valid UTF-8 in text that otherwise is, replaced
    /// by U+FFFD.
    pub replaced: Option<Replaced>,
}

/// Invalid sequences replaced by U+FFFD in text read as UTF-8.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Replaced {
    /// Byte offset of the first invalid sequence in the input.
    pub first_offset: usize,
    /// Invalid sequences, each replaced by one U+FFFD.
    pub sequences: usize,
    /// Invalid bytes in all.
    pub bytes: usize,
}

impl Replaced {
    /// The warning a user reads: where, and how much was replaced.
    #[must_use]
    pub fn message(&self) -> String {
        let plural = if self.bytes == 1 { "" } else { "s" };
        format!(
            "invalid UTF-8 at byte {}: {} byte{plural} in {} place{} replaced by U+FFFD; \
             the rest was read as UTF-8",
            self.first_offset,
            self.bytes,
            self.sequences,
            if self.sequences == 1 { "" } else { "s" },
        )
    }
}

/// Share of the non-ASCII bytes that must be valid UTF-8 for text with some
/// invalid bytes to be read as UTF-8 (with replacements) rather than as a
/// legacy encoding: legacy CJK and Latin text forms valid UTF-8 sequences
/// only by chance (well under a fifth of its bytes), while a UTF-8 file with
/// a few corrupted bytes is almost all valid (a corrupted lead byte costs the
/// three bytes of its character).
const MOSTLY_UTF8_PERCENT: usize = 50;

/// Decodes `bytes`: a BOM decides when present; valid UTF-8 is taken as is,
/// without a copy; text that is mostly valid UTF-8 is read as UTF-8 with the
/// invalid bytes replaced (see [`Decoded::replaced`]); otherwise the
/// encoding is guessed (EUC-KR/CP949, Shift_JIS, GB18030, ...).
///
/// # Errors
///
/// Returns a message when the bytes decode to text with malformed sequences
/// in every plausible encoding, or look like binary data.
pub fn decode(bytes: Vec<u8>) -> Result<Decoded, String> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(&bytes) {
        if encoding == UTF_8 {
            return utf8_with_replacements(&bytes[bom_len..], bom_len);
        }
        return strict(encoding, &bytes[bom_len..]);
    }
    if has_nul(&bytes) {
        return Err(BINARY.to_owned());
    }
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return checked(text, UTF_8),
        Err(not_utf8) => not_utf8.into_bytes(),
    };
    let bytes = bytes.as_slice();
    if is_mostly_utf8(bytes) {
        return utf8_with_replacements(bytes, 0);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    strict(guess, bytes)
        .map_err(|_| format!("not valid UTF-8 and not decodable as {} either", guess.name()))
}

/// True when at least [`MOSTLY_UTF8_PERCENT`] of the non-ASCII bytes form
/// valid UTF-8 sequences.
fn is_mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().len() - chunk.valid().bytes().filter(u8::is_ascii).count();
        invalid += chunk.invalid().len();
    }
    valid > 0 && valid * 100 > (valid + invalid) * MOSTLY_UTF8_PERCENT
}

/// UTF-8 with every invalid sequence replaced by U+FFFD; `base` is the
/// offset of `bytes` in the input, for the warning.
fn utf8_with_replacements(bytes: &[u8], base: usize) -> Result<Decoded, String> {
    let mut text = String::with_capacity(bytes.len());
    let mut replaced: Option<Replaced> = None;
    let mut offset = base;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        offset += chunk.valid().len();
        let invalid = chunk.invalid().len();
        if invalid > 0 {
            text.push(char::REPLACEMENT_CHARACTER);
            let r =
                replaced.get_or_insert(Replaced { first_offset: offset, sequences: 0, bytes: 0 });
            r.sequences += 1;
            r.bytes += invalid;
            offset += invalid;
        }
    }
    let mut decoded = checked(text, UTF_8)?;
    decoded.replaced = replaced;
    Ok(decoded)
}

fn strict(encoding: &'static Encoding, bytes: &[u8]) -> Result<Decoded, String> {
    match encoding.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => checked(text.into_owned(), encoding),
        None => Err(format!("malformed {} byte sequence", encoding.name())),
    }
}

const BINARY: &str = "looks like a binary file (contains NUL bytes)";

fn has_nul(bytes: &[u8]) -> bool {
    bytes.contains(&0)
}

fn checked(text: String, encoding: &'static Encoding) -> Result<Decoded, String> {
    if text.contains('\0') {
        return Err(BINARY.to_owned());
    }
    Ok(Decoded { text, encoding: encoding.name(), replaced: None })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(name: &str, text: &str) -> Vec<u8> {
        let encoding = Encoding::for_label(name.as_bytes()).expect("known label");
        let (bytes, _, had_errors) = encoding.encode(text);
        assert!(!had_errors);
        bytes.into_owned()
    }

    #[test]
    fn utf8_plain_and_with_bom() {
        assert_eq!(decode("식약처 GMP".into()).unwrap().text, "식약처 GMP");
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("허가".as_bytes());
        let decoded = decode(bom).unwrap();
        assert_eq!(decoded.text, "허가");
        assert_eq!(decoded.encoding, "UTF-8");
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "PMDA 승인".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(bytes).unwrap().text, "PMDA 승인");
    }

    #[test]
    fn legacy_cjk_encodings_are_detected() {
        let korean = "식품의약품안전처는 올해 바이오의약품 제조소 마흔다섯 곳을 점검한다고 밝혔다. \
                      업계는 규제 합리화를 요구하고 있다.";
        let decoded = decode(encode("euc-kr", korean)).unwrap();
        assert_eq!(decoded.text, korean);
        assert_eq!(decoded.encoding, "EUC-KR");

        let japanese =
            "厚生労働省と医薬品医療機器総合機構は、再生医療等製品の審査について説明した。";
        let decoded = decode(encode("shift_jis", japanese)).unwrap();
        assert_eq!(decoded.text, japanese);
        assert_eq!(decoded.encoding, "Shift_JIS");

        let chinese = "国家药品监督管理局发布了关于细胞治疗产品临床试验的指导原则，企业反应积极。";
        let decoded = decode(encode("gb18030", chinese)).unwrap();
        assert_eq!(decoded.text, chinese);
        assert!(["GBK", "gb18030"].contains(&decoded.encoding), "{}", decoded.encoding);
    }

    #[test]
    fn mostly_utf8_is_read_as_utf8_with_replacements() {
        let cases: &[(&str, usize)] = &[
            ("식약처는 올해 제조소 마흔다섯 곳을 점검한다.", 13),
            ("厚生労働省は審査について説明した。", 6),
            ("The agency\u{2019}s \u{201C}fast track\u{201D} didn\u{2019}t start.", 10),
        ];
        for (text, at) in cases {
            let mut bytes = text.as_bytes().to_vec();
            // A lead byte turned into a stray continuation byte.
            bytes[*at] = 0x80 | (bytes[*at] & 0x3F);
            let decoded = decode(bytes.clone()).unwrap();
            assert_eq!(decoded.encoding, "UTF-8", "{text}");
            let replaced = decoded.replaced.unwrap();
            assert_eq!(replaced.first_offset, *at, "{text}");
            assert_eq!(decoded.text, String::from_utf8_lossy(&bytes), "{text}");
            assert!(decoded.text.contains('\u{FFFD}'));
        }
        let mut bytes = "가나다라마바사".as_bytes().to_vec();
        bytes.insert(3, 0xFF);
        let replaced = decode(bytes).unwrap().replaced.unwrap();
        assert_eq!(replaced, Replaced { first_offset: 3, sequences: 1, bytes: 1 });
        assert_eq!(
            replaced.message(),
            "invalid UTF-8 at byte 3: 1 byte in 1 place replaced by U+FFFD; the rest was read as UTF-8"
        );
    }

    #[test]
    fn a_utf8_bom_with_bad_bytes_keeps_utf8() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice(b"ab");
        bytes.push(0xC3);
        let decoded = decode(bytes).unwrap();
        assert_eq!(decoded.text, "ab\u{FFFD}");
        assert_eq!(decoded.replaced.unwrap().first_offset, 5);
    }

    #[test]
    fn ascii_with_one_legacy_byte_is_still_a_legacy_encoding() {
        let decoded = decode(b"It\x92s approved.".to_vec()).unwrap();
        assert_eq!(decoded.text, "It\u{2019}s approved.");
        assert_eq!(decoded.replaced, None);
    }

    #[test]
    fn binary_is_rejected() {
        let err = decode(vec![0x00, 0x01, 0x02, 0x00]).unwrap_err();
        assert_eq!(err, "looks like a binary file (contains NUL bytes)");
    }
}
