//! Names that the bodies of many countries bear ("National Assembly",
//! "Ministry of Health"), and the country a document is about, which tells
//! whether such a name refers to the dictionary's body of one country.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, Match, MatchKind, StartKind};

use crate::dictionary::{may_end, may_start};
use crate::model::{Lang, SentenceSpan};

/// The shared names, lowercase.
static SHARED_NAMES: LazyLock<Vec<String>> = LazyLock::new(|| {
    include_str!("lexicons/shared-names.txt")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(str::to_lowercase)
        .collect()
});

/// The words that name each country, in one automaton.
struct CountryWords {
    automaton: AhoCorasick,
    country_of: Vec<&'static str>,
}

static COUNTRY_WORDS: LazyLock<CountryWords> = LazyLock::new(|| {
    let mut words = Vec::new();
    let mut country_of = Vec::new();
    for line in include_str!("lexicons/country-words.tsv").lines() {
        let Some((country, names)) = line.split_once('\t') else {
            continue;
        };
        if line.starts_with('#') {
            continue;
        }
        for name in names.split('|') {
            assert!(name.starts_with(|c: char| c.is_ascii_uppercase()), "{name}");
            words.push(name);
            country_of.push(country);
        }
    }
    // A few hundred words: a DFA is small and scans fastest.
    let automaton = AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(StartKind::Both)
        .build(&words)
        .expect("country words build");
    CountryWords { automaton, country_of }
});

impl CountryWords {
    /// The country words in `text`, leftmost-longest and not overlapping, as
    /// the automaton's own search finds them. Every word starts with an ASCII
    /// capital, so the search is anchored at each capital instead: most bytes
    /// of a text are no capital.
    fn find_iter<'t>(&'t self, text: &'t str) -> impl Iterator<Item = Match> + 't {
        let bytes = text.as_bytes();
        let mut from = 0;
        std::iter::from_fn(move || {
            while let Some(offset) = bytes[from..].iter().position(u8::is_ascii_uppercase) {
                let start = from + offset;
                let input = Input::new(text).range(start..).anchored(Anchored::Yes);
                match self.automaton.find(input) {
                    Some(hit) => {
                        from = hit.end();
                        return Some(hit);
                    }
                    None => from = start + 1,
                }
            }
            None
        })
    }
}

/// True when `word` names a country, its people or its capital ("Korean",
/// "Afghan", "Seoul").
pub(super) fn is_country_word(word: &str) -> bool {
    let words = &*COUNTRY_WORDS;
    words.automaton.find(word).is_some_and(|hit| hit.start() == 0 && hit.end() == word.len())
}

/// The byte length of the shortest shared name.
static SHORTEST_SHARED_NAME: LazyLock<usize> =
    LazyLock::new(|| SHARED_NAMES.iter().map(String::len).min().unwrap_or(0));

/// True when `surface` is a name many countries' bodies bear.
pub(super) fn is_shared_name(surface: &str) -> bool {
    // Normalising shortens a name that can match (the shared names are
    // ASCII): most mentions are too short to need it ("FDA", "식약처").
    if surface.len() < *SHORTEST_SHARED_NAME {
        return false;
    }
    let mut normalised = surface.split_whitespace().collect::<Vec<_>>().join(" ");
    if normalised.is_ascii() {
        normalised.make_ascii_lowercase();
    } else {
        normalised = normalised.to_lowercase();
    }
    let name = normalised.strip_prefix("the ").unwrap_or(&normalised);
    SHARED_NAMES.iter().any(|shared| shared == name)
}

/// What a document says of countries, to tell which it is about: read once,
/// asked for any country.
pub(super) enum CountryFocus {
    /// Written in the language of this country.
    Language(&'static str),
    /// In another language: how often each country is named.
    Named(HashMap<&'static str, usize>),
}

impl CountryFocus {
    /// Reads the document `text`, split into `sentences`.
    pub(super) fn of(text: &str, sentences: &[SentenceSpan]) -> CountryFocus {
        let mut bytes_by_lang: HashMap<Lang, usize> = HashMap::new();
        for sentence in sentences {
            *bytes_by_lang.entry(sentence.lang).or_default() +=
                sentence.span.end - sentence.span.start;
        }
        let main_lang =
            bytes_by_lang.into_iter().max_by_key(|&(_, bytes)| bytes).map(|(lang, _)| lang);
        let language_country = match main_lang {
            Some(Lang::Ko) => Some("KR"),
            Some(Lang::Ja) => Some("JP"),
            Some(Lang::Zh) => Some("CN"),
            _ => None,
        };
        if let Some(of_language) = language_country {
            return CountryFocus::Language(of_language);
        }
        let words = &*COUNTRY_WORDS;
        let mut counts: HashMap<&'static str, usize> = HashMap::new();
        for hit in words.find_iter(text) {
            let word = &text[hit.start()..hit.end()];
            let (Some(first), Some(last)) = (word.chars().next(), word.chars().next_back()) else {
                continue;
            };
            if may_start(&text[..hit.start()], first) && may_end(last, &text[hit.end()..]) {
                *counts.entry(words.country_of[hit.pattern().as_usize()]).or_default() += 1;
            }
        }
        CountryFocus::Named(counts)
    }

    /// True when the document is about `country`: written in its language
    /// (Korean for `KR`, Japanese for `JP`, Chinese for `CN`), or naming it
    /// at least as often as any other country.
    pub(super) fn is_about(&self, country: &str) -> bool {
        match self {
            CountryFocus::Language(of_language) => *of_language == country,
            CountryFocus::Named(counts) => {
                let most = counts.values().copied().max().unwrap_or(0);
                most > 0 && counts.get(country) == Some(&most)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn about(text: &str, lang: Lang, country: &str) -> bool {
        CountryFocus::of(text, &[SentenceSpan { span: Span::new(0, text.len()), lang }])
            .is_about(country)
    }

    #[test]
    fn shared_names_ignore_case_spaces_and_the() {
        assert!(is_shared_name("National Assembly"));
        assert!(is_shared_name("the national  Assembly"));
        assert!(!is_shared_name("National Assembly Budget Office"));
        assert!(is_country_word("Afghan"));
        assert!(!is_country_word("Afghans of"));
    }

    #[test]
    fn a_document_is_about_its_language_or_the_country_it_names_most() {
        assert!(about("국회는 법안을 통과시켰다", Lang::Ko, "KR"));
        assert!(!about("国会で可決された", Lang::Ja, "KR"));
        assert!(about("Korea's National Assembly passed it in Seoul.", Lang::En, "KR"));
        assert!(!about(
            "Vietnam's National Assembly met in Hanoi; Korea sent a note.",
            Lang::En,
            "KR"
        ));
        assert!(!about("North Korea and Pyongyang: North Korea's assembly.", Lang::En, "KR"));
        assert!(!about("The National Assembly met.", Lang::En, "KR"));
    }
}
