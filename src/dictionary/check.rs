//! Checking dictionary directories: every malformed row and duplicate id, not
//! just the first, plus warnings about names that would match badly.
//!
//! Errors are what [`Dictionary::load`] refuses. Warnings:
//!
//! - a name (after folding) shared by two entities, unless a comment line
//!   `# shared-alias: NAME` in any loaded file marks it as intended;
//! - a name of a single character;
//! - a Latin name, other than a case-exact acronym, that is a common English
//!   word (`lexicons/common-english.txt`);
//! - a Han or Kana name of one or two characters that occurs inside a common
//!   Japanese or Chinese word (`lexicons/common-cjk.txt`).

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::Path;

use super::error::DictionaryError;
use super::fold::fold;
use super::load::{Merged, source_files};
use super::pattern::is_acronym;
use super::{Dictionary, tsv};
use crate::script::{is_han, is_kana};

/// The comment that marks a name as intentionally shared by several entities.
const SHARED_ALIAS_MARKER: &str = "shared-alias:";

/// Common English words, one a line, `#` comments.
const COMMON_ENGLISH: &str = include_str!("lexicons/common-english.txt");

/// Common Japanese and Chinese words, one a line, `#` comments.
const COMMON_CJK: &str = include_str!("lexicons/common-cjk.txt");

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// The dictionary cannot be loaded.
    Error,
    /// The dictionary loads, but a name is likely to match badly.
    Warning,
}

/// One problem found in a dictionary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, starting with the `file:line` it is about.
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{label}: {}", self.message)
    }
}

/// The result of checking dictionary directories.
#[derive(Debug)]
pub struct CheckReport {
    /// Every finding, errors and warnings, in file order.
    pub findings: Vec<Finding>,
    /// The entities of every row that could be read.
    pub dictionary: Dictionary,
}

impl CheckReport {
    /// The number of findings of `severity`.
    #[must_use]
    pub fn count(&self, severity: Severity) -> usize {
        self.findings.iter().filter(|finding| finding.severity == severity).count()
    }
}

/// Checks the bundled dictionary (when `bundled` is true) and the directories
/// `dirs`, merged as [`Dictionary::load_with_bundled`] merges them.
#[must_use]
pub fn check(dirs: &[impl AsRef<Path>], bundled: bool) -> CheckReport {
    let mut findings = Vec::new();
    let mut merged = Merged::default();
    let mut shared = HashSet::new();
    let mut report_error = |error: DictionaryError| {
        findings.push(Finding { severity: Severity::Error, message: error.to_string() });
    };
    for file in source_files(dirs, bundled) {
        let file = match file {
            Ok(file) => file,
            Err(error) => {
                report_error(error);
                continue;
            }
        };
        shared.extend(tsv::comments(&file.text).filter_map(|(_, comment)| {
            comment.trim().strip_prefix(SHARED_ALIAS_MARKER).map(|name| fold(name.trim()))
        }));
        for row in tsv::parse_lines(&file.path, &file.text, file.kind) {
            if let Err(error) = row.and_then(|row| merged.add(&file, row)) {
                report_error(error);
            }
        }
    }
    let locations: Vec<String> = merged
        .entities
        .iter()
        .map(|entity| {
            merged.defined_at.get(&entity.id).map_or_else(String::new, |definition| {
                format!("{}:{}", definition.path.display(), definition.line)
            })
        })
        .collect();
    let dictionary = Dictionary::from_entities(merged.entities);
    findings.extend(name_warnings(&dictionary, &locations, &shared));
    CheckReport { findings, dictionary }
}

/// The warnings about the names of `dict`, whose entity `i` is defined at
/// `locations[i]`; names in `shared` may belong to several entities.
fn name_warnings(
    dict: &Dictionary,
    locations: &[String],
    shared: &HashSet<String>,
) -> Vec<Finding> {
    let english: HashSet<&str> = words(COMMON_ENGLISH).collect();
    let cjk: Vec<&str> = words(COMMON_CJK).collect();
    let mut owners: HashMap<String, usize> = HashMap::new();
    let mut warnings = Vec::new();
    for (i, entity) in dict.entities().iter().enumerate() {
        let location = locations.get(i).map_or("", String::as_str);
        let mut warn = |message: String| {
            warnings.push(Finding {
                severity: Severity::Warning,
                message: format!("{location}: {message}"),
            });
        };
        for name in &entity.aliases {
            let key = fold(name);
            match owners.get(&key) {
                Some(&first) if first != i && !shared.contains(&key) => {
                    let other = &dict.entities()[first];
                    warn(format!(
                        "`{name}` of `{}` is also a name of `{}` ({}); if intended, add the line `# {SHARED_ALIAS_MARKER} {name}`",
                        entity.id,
                        other.id,
                        locations.get(first).map_or("", String::as_str),
                    ));
                }
                Some(_) => {}
                None => {
                    owners.insert(key.clone(), i);
                }
            }
            if name.chars().count() == 1 {
                warn(format!("`{name}` of `{}` is a single character", entity.id));
            } else if name.is_ascii() && !is_acronym(name) && english.contains(key.as_str()) {
                warn(format!(
                    "`{name}` of `{}` is a common English word and matches it in any letter case",
                    entity.id
                ));
            } else if let Some(word) = common_word_containing(name, &cjk) {
                warn(format!("`{name}` of `{}` occurs inside the common word `{word}`", entity.id));
            }
        }
    }
    warnings
}

/// The first of `common` words containing `name`, when `name` is one or two
/// Han or Kana characters.
fn common_word_containing<'w>(name: &str, common: &[&'w str]) -> Option<&'w str> {
    let short = name.chars().count() <= 2;
    let han_or_kana = name.chars().all(|c| is_han(c) || is_kana(c));
    (short && han_or_kana).then(|| common.iter().copied().find(|word| word.contains(name)))?
}

/// The words of a word list: one a line, without blank and `#` comment lines.
fn words(list: &str) -> impl Iterator<Item = &str> {
    list.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with('#'))
}
