//! Where a dictionary name may start and end in the original text: word
//! boundaries for Latin letters and digits, Hangul names followed only by
//! particles, no boundary at all for Han and Kana.

use super::fold::unify_char;
use super::korean::is_particle_run;
use crate::script::{is_hangul, is_hangul_syllable, is_latin_letter};

/// True when a surface starting with `first` may follow `before`, the text
/// up to it.
pub(crate) fn may_start(before: &str, first: char) -> bool {
    let mut back = before.chars().rev();
    let Some(previous) = back.next() else {
        return true;
    };
    if is_ascii_word_char(first) {
        // After `@`, or after a dot that follows a word character, the word is
        // part of an e-mail address or a domain name.
        let in_address =
            previous == '@' || (previous == '.' && back.next().is_some_and(is_ascii_word_char));
        !is_latin_word_char(previous) && !in_address
    } else if is_hangul_syllable(first) {
        !is_hangul(previous)
    } else {
        true
    }
}

/// True when a surface ending with `last` may be followed by `after`, the rest
/// of the text. After a Hangul name, a Hangul run must be one or two particles.
pub(crate) fn may_end(last: char, after: &str) -> bool {
    let Some(next) = after.chars().next() else {
        return true;
    };
    if is_ascii_word_char(last) {
        !is_latin_word_char(next) && next != '@' && !is_domain_dot(after)
    } else if is_hangul_syllable(last) && is_hangul(next) {
        is_particle_run(hangul_prefix(after))
    } else {
        true
    }
}

/// Length in bytes of an English plural `s` starting `after` that may be added
/// to an acronym's surface ("CDMOs"): 1 when it is there and ends a word, else 0.
pub(super) fn plural_suffix_len(after: &str) -> usize {
    match after.strip_prefix('s') {
        Some(rest) if may_end('s', rest) => 1,
        _ => 0,
    }
}

/// True when `text` starts with a dot followed by a word character, as in
/// the `.com` of a domain name.
fn is_domain_dot(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next() == Some('.') && chars.next().is_some_and(is_ascii_word_char)
}

/// The run of Hangul characters at the start of `text`.
fn hangul_prefix(text: &str) -> &str {
    let end = text.char_indices().find(|&(_, c)| !is_hangul(c)).map_or(text.len(), |(i, _)| i);
    text.get(..end).unwrap_or_default()
}

/// ASCII letters and digits, also in their full-width forms.
fn is_ascii_word_char(c: char) -> bool {
    unify_char(c).is_ascii_alphanumeric()
}

/// Characters that continue a Latin-script word: ASCII (and full-width) letters
/// and digits, and the letters of the Latin-1 and Latin Extended blocks.
fn is_latin_word_char(c: char) -> bool {
    is_ascii_word_char(c) || is_latin_letter(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_boundaries() {
        for (before, first, expected) in [
            ("", 'K', true),
            ("a ", 'K', true),
            ("(", 'K', true),
            ("c", 'G', false),
            ("7", 'G', false),
            ("ｃ", 'G', false),
            ("é", 'G', false),
            ("米", 'F', true),
            ("한", 'G', true),
            ("한", '국', false),
            ("ᄒ", '국', false),
            (" ", '국', true),
            ("美", '국', true),
            ("a", '国', true),
            ("の", '厚', true),
            ("name@", 'd', false),
            ("www.", 'd', false),
            ("했다.", 'K', true),
            ("end.", 'K', false),
            ("end. ", 'K', true),
            ("MFDS/", 'M', true),
        ] {
            assert_eq!(may_start(before, first), expected, "{before:?} {first}");
        }
    }

    #[test]
    fn end_boundaries() {
        for (last, after, expected) in [
            ('T', "", true),
            ('T', " is", true),
            ('T', "S", false),
            ('T', "s", false),
            ('T', "'s", true),
            ('T', "’s", true),
            ('T', "ｓ", false),
            ('T', "ñ", false),
            ('T', "는", true),
            ('2', "0", false),
            ('처', "는", true),
            ('처', "에서는 ", true),
            ('처', "장은", false),
            ('처', ".", true),
            ('처', "GMP", true),
            ('省', "は", true),
            ('局', "局長", true),
            ('m', "@dailypharm.com", false),
            ('m', ".com", false),
            ('m', ".kr/news", false),
            ('A', ". Then", true),
            ('A', ".", true),
            ('S', "/MHLW", true),
        ] {
            assert_eq!(may_end(last, after), expected, "{last} {after:?}");
        }
    }

    #[test]
    fn plural_suffix() {
        for (after, expected) in
            [("s", 1), ("s and", 1), ("s,", 1), ("s는", 1), ("sa", 0), ("S", 0), ("'s", 0), ("", 0)]
        {
            assert_eq!(plural_suffix_len(after), expected, "{after:?}");
        }
    }
}
