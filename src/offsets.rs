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

/// The code-point offsets of a set of byte offsets of one text, found in
/// one walk over the text whatever the order they are asked in.
#[derive(Debug)]
pub struct CharOffsetTable {
    bytes: Vec<usize>,
    chars: Vec<u32>,
}

impl CharOffsetTable {
    /// The code-point offsets of `bytes`, which must lie on char boundaries
    /// of `text` (they are clamped to its length).
    #[must_use]
    pub fn new(text: &str, mut bytes: Vec<usize>) -> Self {
        bytes.sort_unstable();
        bytes.dedup();
        let mut walk = CharOffsets::new(text);
        let chars = bytes.iter().map(|&byte| walk.char_offset(byte)).collect();
        CharOffsetTable { bytes, chars }
    }

    /// The code-point offset of `byte`, one of the offsets the table was
    /// made for.
    ///
    /// # Panics
    ///
    /// When `byte` was not one of them: a bug in the caller.
    #[must_use]
    pub fn get(&self, byte: usize) -> u32 {
        let index = self.bytes.binary_search(&byte).expect("byte offset known to the table");
        self.chars[index]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_answers_in_any_order() {
        let text = "식약처 PMDA 2025年 é";
        let table = CharOffsetTable::new(text, vec![text.len(), 0, 14, 3, 14]);
        assert_eq!(
            [table.get(3), table.get(0), table.get(text.len()), table.get(14)],
            [1, 0, 16, 8]
        );
    }

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
