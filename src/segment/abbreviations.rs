//! Words whose period does not end a sentence: listed English abbreviations,
//! times of day, single capital initials and dotted acronyms ("J. Smith",
//! "U.S."). List numbers are in `lists`.
//!
//! Any period followed by a lowercase word already continues the sentence, so
//! "etc." and other abbreviations that end a sentence before a capital need no
//! entry here unless a number or a bracket may follow them ("p. 55").

/// How an abbreviation's period behaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Abbreviation {
    /// Never ends a sentence: titles before a name, "e.g.", "vs.".
    NeverEnds,
    /// Ends a sentence only before a capital or CJK letter, so "No. 5",
    /// "Inc. 2024" and "et al. (2020)" continue.
    EndsBeforeCapital,
    /// An initial or dotted acronym ("J.", "U.S."): ends a sentence only
    /// before a word that starts sentences ("the U.S. How", not "the U.S.
    /// Government" or "Albert I. Jones").
    EndsBeforeStarter,
}

use Abbreviation::{EndsBeforeCapital, EndsBeforeStarter, NeverEnds};

/// The listed abbreviations, sorted, written in lowercase without their final
/// period. A word matches an entry as written or with its first letter
/// capitalised ("dr", "Dr"), never in capitals: "MS." and "CO." are acronyms.
const ABBREVIATIONS: &[(&str, Abbreviation)] = &[
    ("adm", NeverEnds),
    ("ala", EndsBeforeCapital),
    ("approx", EndsBeforeCapital),
    ("apr", EndsBeforeCapital),
    ("ariz", EndsBeforeCapital),
    ("assn", EndsBeforeCapital),
    ("assoc", EndsBeforeCapital),
    ("asst", NeverEnds),
    ("aug", EndsBeforeCapital),
    ("ave", EndsBeforeCapital),
    ("blvd", EndsBeforeCapital),
    ("brig", NeverEnds),
    ("bros", EndsBeforeCapital),
    ("calif", EndsBeforeCapital),
    ("capt", NeverEnds),
    ("cf", NeverEnds),
    ("chap", EndsBeforeCapital),
    ("cmdr", NeverEnds),
    ("co", EndsBeforeCapital),
    ("col", NeverEnds),
    ("colo", EndsBeforeCapital),
    ("conn", EndsBeforeCapital),
    ("corp", EndsBeforeCapital),
    ("cpl", NeverEnds),
    ("dec", EndsBeforeCapital),
    ("dept", EndsBeforeCapital),
    ("dist", EndsBeforeCapital),
    ("dr", NeverEnds),
    ("drs", NeverEnds),
    ("e.g", NeverEnds),
    ("eds", EndsBeforeCapital),
    ("eqs", EndsBeforeCapital),
    ("esp", NeverEnds),
    ("esq", EndsBeforeCapital),
    ("est", EndsBeforeCapital),
    ("etc", EndsBeforeCapital),
    ("ext", EndsBeforeCapital),
    ("feb", EndsBeforeCapital),
    ("fig", EndsBeforeCapital),
    ("figs", EndsBeforeCapital),
    ("fla", EndsBeforeCapital),
    ("fri", EndsBeforeCapital),
    ("gen", NeverEnds),
    ("gov", NeverEnds),
    ("govt", EndsBeforeCapital),
    ("hon", NeverEnds),
    ("hosp", EndsBeforeCapital),
    ("i.e", NeverEnds),
    ("inc", EndsBeforeCapital),
    ("incl", NeverEnds),
    ("inst", EndsBeforeCapital),
    ("intl", EndsBeforeCapital),
    ("jan", EndsBeforeCapital),
    ("jr", EndsBeforeCapital),
    ("jul", EndsBeforeCapital),
    ("jun", EndsBeforeCapital),
    ("lt", NeverEnds),
    ("ltd", EndsBeforeCapital),
    ("maj", NeverEnds),
    ("mar", EndsBeforeCapital),
    ("messrs", NeverEnds),
    ("mfg", EndsBeforeCapital),
    ("mgr", EndsBeforeCapital),
    ("mich", EndsBeforeCapital),
    ("minn", EndsBeforeCapital),
    ("mon", EndsBeforeCapital),
    ("mr", NeverEnds),
    ("mrs", NeverEnds),
    ("ms", NeverEnds),
    ("msgr", NeverEnds),
    ("mt", NeverEnds),
    ("mts", NeverEnds),
    ("no", EndsBeforeCapital),
    ("nos", EndsBeforeCapital),
    ("nov", EndsBeforeCapital),
    ("n°", EndsBeforeCapital),
    ("oct", EndsBeforeCapital),
    ("okla", EndsBeforeCapital),
    ("p", EndsBeforeCapital),
    ("pp", EndsBeforeCapital),
    ("pres", NeverEnds),
    ("prof", NeverEnds),
    ("pvt", NeverEnds),
    ("rep", NeverEnds),
    ("reps", NeverEnds),
    ("rev", NeverEnds),
    ("sen", NeverEnds),
    ("sens", NeverEnds),
    ("sep", EndsBeforeCapital),
    ("sept", EndsBeforeCapital),
    ("sgt", NeverEnds),
    ("sr", EndsBeforeCapital),
    ("st", NeverEnds),
    ("supt", NeverEnds),
    ("tenn", EndsBeforeCapital),
    ("thu", EndsBeforeCapital),
    ("thurs", EndsBeforeCapital),
    ("tue", EndsBeforeCapital),
    ("tues", EndsBeforeCapital),
    ("univ", EndsBeforeCapital),
    ("viz", NeverEnds),
    ("vol", EndsBeforeCapital),
    ("vols", EndsBeforeCapital),
    ("vs", NeverEnds),
    ("wed", EndsBeforeCapital),
];

/// Abbreviations of more than one word, matched as written.
const PHRASES: &[(&str, Abbreviation)] = &[("et al", EndsBeforeCapital)];

/// Times of day ("a.m.", "P.M."): end a sentence before a capital, matched
/// in any case.
const TIMES_OF_DAY: &[&str] = &["a.m", "p.m"];

/// Words that start sentences and hardly ever follow an initial or acronym
/// inside one: after "the U.S." or "and I." they start the next sentence.
const SENTENCE_STARTERS: &[&str] = &[
    "A", "After", "Also", "An", "As", "At", "Being", "But", "Did", "Do", "Does", "For", "He",
    "Her", "His", "How", "However", "I", "If", "In", "It", "Its", "Many", "More", "Most", "My",
    "Our", "She", "So", "Some", "That", "The", "Their", "There", "These", "They", "This", "Those",
    "We", "What", "When", "Where", "Which", "While", "Who", "Why", "You",
];

/// Words that open a phrase of time or place: a sentence so far made of one
/// of them and a few more words ("At 5 a.m.") is not yet a sentence.
const OPENING_PREPOSITIONS: &[&str] =
    &["About", "After", "Around", "At", "Before", "By", "From", "In", "On", "Since", "Until"];

/// Most words in a sentence so far that reads as an opening phrase.
const MAX_OPENING_PHRASE_WORDS: usize = 4;

/// Longest word looked up in the list, in bytes.
const MAX_WORD_BYTES: usize = 8;

/// The abbreviation that `head`, the text before a period, ends with, if any.
pub(super) fn abbreviation_before(head: &str) -> Option<Abbreviation> {
    let word = last_word(head);
    if word.is_empty() {
        return None;
    }
    let piece = word.rsplit('.').next().unwrap_or(word);
    time_of_day(word)
        .or_else(|| listed(word))
        .or_else(|| phrase(head))
        .or_else(|| if piece.len() < word.len() { listed(piece) } else { None })
        .or_else(|| initial(piece))
}

/// True when `word` starts sentences and so ends one after an initial.
pub(super) fn is_sentence_starter(word: &str) -> bool {
    SENTENCE_STARTERS.contains(&word)
}

/// True when `sentence`, the text of a sentence so far, is only an opening
/// phrase of time or place ("At 5 a.m", "By Oct"): too short to end there.
pub(super) fn is_opening_phrase(sentence: &str) -> bool {
    let mut words = sentence.split_whitespace();
    let opens = words.next().is_some_and(|first| OPENING_PREPOSITIONS.contains(&first));
    opens && words.take(MAX_OPENING_PHRASE_WORDS).count() < MAX_OPENING_PHRASE_WORDS
}

/// The trailing run of ASCII letters, periods and number signs of `head`,
/// unless a digit or another letter is glued before it ("3rd", "Adr").
fn last_word(head: &str) -> &str {
    let start = head.trim_end_matches(|c: char| c.is_ascii_alphabetic() || matches!(c, '.' | '°'));
    let word = head.get(start.len()..).unwrap_or_default().trim_start_matches('.');
    let glued = start.chars().next_back().is_some_and(char::is_alphanumeric);
    if glued { "" } else { word }
}

/// For each first byte, the lengths of the listed abbreviations starting with
/// it, as bits: most words are told apart from the list without a search.
static FIRST_BYTE_LENGTHS: [u16; 256] = first_byte_lengths();

const fn first_byte_lengths() -> [u16; 256] {
    let mut table = [0; 256];
    let mut i = 0;
    while i < ABBREVIATIONS.len() {
        let word = ABBREVIATIONS[i].0.as_bytes();
        table[word[0] as usize] |= 1 << word.len();
        i += 1;
    }
    table
}

/// A listed abbreviation, as written or capitalised.
fn listed(word: &str) -> Option<Abbreviation> {
    let first = word.as_bytes().first()?.to_ascii_lowercase();
    if word.len() > MAX_WORD_BYTES
        || FIRST_BYTE_LENGTHS[usize::from(first)] & (1 << word.len()) == 0
    {
        return None;
    }
    let mut key = [0u8; MAX_WORD_BYTES];
    let key = key.get_mut(..word.len())?;
    key.copy_from_slice(word.as_bytes());
    key[0] = key[0].to_ascii_lowercase();
    let key = std::str::from_utf8(key).ok()?;
    let found = ABBREVIATIONS.binary_search_by(|(entry, _)| entry.cmp(&key)).ok()?;
    Some(ABBREVIATIONS[found].1)
}

fn phrase(head: &str) -> Option<Abbreviation> {
    PHRASES.iter().find_map(|&(words, kind)| {
        let rest = head.strip_suffix(words)?;
        (!rest.chars().next_back().is_some_and(char::is_alphanumeric)).then_some(kind)
    })
}

fn time_of_day(word: &str) -> Option<Abbreviation> {
    TIMES_OF_DAY.iter().any(|t| t.eq_ignore_ascii_case(word)).then_some(EndsBeforeCapital)
}

/// A single capital letter: "J." in "J. Smith", the last letter of "U.S.",
/// "U.K." and "Ph.D.".
fn initial(piece: &str) -> Option<Abbreviation> {
    let mut chars = piece.chars();
    let single = chars.next().is_some_and(|c| c.is_ascii_uppercase()) && chars.next().is_none();
    single.then_some(EndsBeforeStarter)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted_lowercase_and_short() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0].0 < w[1].0));
        for (word, _) in ABBREVIATIONS {
            assert!(word.len() <= MAX_WORD_BYTES, "{word}");
            assert!(!word.starts_with(|c: char| c.is_uppercase()), "{word}");
        }
    }

    #[test]
    fn finds_abbreviations_before_a_period() {
        let cases = [
            ("Dr", Some(NeverEnds)),
            ("said Dr", Some(NeverEnds)),
            ("(Prof", Some(NeverEnds)),
            ("asked prof", Some(NeverEnds)),
            ("Drive", None),
            ("Adr", None),
            ("such as e.g", Some(NeverEnds)),
            ("the U.S", Some(EndsBeforeStarter)),
            ("Kim J", Some(EndsBeforeStarter)),
            ("Kim J.-G", Some(EndsBeforeStarter)),
            ("a Ph.D", Some(EndsBeforeStarter)),
            ("FDA", None),
            ("patients with MS", None),
            ("Plan b", None),
            ("in 3D", None),
            ("on 3rd", None),
            ("Kim et al", Some(EndsBeforeCapital)),
            ("Samsung Co., Ltd", Some(EndsBeforeCapital)),
            ("No", Some(EndsBeforeCapital)),
            ("at N°", Some(EndsBeforeCapital)),
            ("see p", Some(EndsBeforeCapital)),
            ("at 6 P.M", Some(EndsBeforeCapital)),
            ("at 5 a.m", Some(EndsBeforeCapital)),
            ("on Oct", Some(EndsBeforeCapital)),
            ("today.Mr", Some(NeverEnds)),
            ("1", None),
            ("in 2025", None),
            ("1234", None),
            ("", None),
        ];
        for (head, want) in cases {
            assert_eq!(abbreviation_before(head), want, "{head:?}");
        }
    }

    #[test]
    fn tells_opening_phrases_and_starters() {
        assert!(is_opening_phrase("At 5 a.m"));
        assert!(is_opening_phrase("By Oct"));
        assert!(!is_opening_phrase("He left the bank at 6 P.M"));
        assert!(!is_opening_phrase("At the end of the day he left at 6 p.m"));
        assert!(is_sentence_starter("How") && !is_sentence_starter("Government"));
    }
}
