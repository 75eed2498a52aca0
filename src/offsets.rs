//! Byte offsets to code-point offsets, the unit of the output tables.

/// Converts byte offsets of one text into code-point offsets. Queries in
/// increasing order cost only the distance walked since the previous one.
#[derive(Debug)]
pub struct CharOffsets<'t> {
    text: &'t str,
    byte: usize,
    chars: usize,
}

impl<'t> CharOffsets<'t> {
    /// A converter positioned at the start of `text`.
    #[must_use]
    pub fn new(text: &'t str) -> Self {
        CharOffsets { text, byte: 0, chars: 0 }
    }

    /// The code-point offset of `byte`, which must lie on a char boundary of
    /// the text (it is clamped to the text's length).
    pub fn char_offset(&mut self, byte: usize) -> u32 {
        let byte = byte.min(self.text.len());
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        let walked = &self.text.as_bytes()[self.byte..byte];
        // Every byte that is not a UTF-8 continuation byte starts a char.
        self.chars += walked.iter().filter(|&&b| (b as i8) >= -0x40).count();
        self.byte = byte;
        u32::try_from(self.chars).unwrap_or(u32::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mixed_script_offsets() {
        let text = "식약처 PMDA 2025年 é";
        let mut offsets = CharOffsets::new(text);
        for (byte, _) in text.char_indices() {
            let expected = text[..byte].chars().count();
            assert_eq!(offsets.char_offset(byte) as usize, expected);
        }
        assert_eq!(offsets.char_offset(text.len()) as usize, text.chars().count());
        // Going backwards restarts the walk.
        assert_eq!(offsets.char_offset(3), 1);
    }
}
