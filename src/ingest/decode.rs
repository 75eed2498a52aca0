//! Bytes to text: BOM sniffing, UTF-8, and detection of legacy CJK encodings.

use encoding_rs::{Encoding, UTF_8};

/// Text decoded from raw bytes, with the encoding that was used.
#[derive(Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// Name of the encoding, e.g. `UTF-8`, `EUC-KR`, `Shift_JIS`, `gb18030`.
    pub encoding: &'static str,
}

/// Decodes `bytes`: a BOM decides when present; valid UTF-8 is taken as is,
/// without a copy;
/// otherwise the encoding is guessed (EUC-KR/CP949, Shift_JIS, GB18030, ...).
///
/// # Errors
///
/// Returns a message when the bytes decode to text with malformed sequences
/// in every plausible encoding, or look like binary data.
pub fn decode(bytes: Vec<u8>) -> Result<Decoded, String> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(&bytes) {
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
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    strict(guess, bytes)
        .map_err(|_| format!("not valid UTF-8 and not decodable as {} either", guess.name()))
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
    Ok(Decoded { text, encoding: encoding.name() })
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
    fn binary_is_rejected() {
        let err = decode(vec![0x00, 0x01, 0x02, 0x00]).unwrap_err();
        assert_eq!(err, "looks like a binary file (contains NUL bytes)");
    }
}
