//! Plain data passed between the stages: no logic beyond small accessors.
//!
//! Inside a document every span is a pair of **byte** offsets into the cleaned
//! document text (`Document::text`). The pipeline converts them to code-point
//! offsets once, just before the rows leave for the sink.

use std::fmt;

use chrono::NaiveDate;

/// Japanese particles and CJK commas that never end a sentence or a
/// heading: a line break after one is a hard wrap. Shared by text cleaning,
/// which joins such wraps, and the segmenter, which never splits at them.
pub const CJK_CONNECTING_MARKS: &[char] =
    &['の', 'を', 'が', 'に', 'は', 'で', 'と', 'や', '、', '，'];

/// A half-open byte range `start..end` into a document's cleaned text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// Creates a span from byte offsets.
    #[must_use]
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Length in bytes.
    #[must_use]
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// True when `other` lies entirely inside `self`.
    #[must_use]
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    #[must_use]
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// A language label, for a sentence or a whole document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// Korean (Hangul).
    Ko,
    /// English (Latin script).
    En,
    /// Japanese (Kana, with or without Kanji).
    Ja,
    /// Chinese (Han without Kana or Hangul).
    Zh,
    /// Several scripts, none dominant.
    Mixed,
    /// Undetermined (no letters at all).
    Und,
}

impl Lang {
    /// Every label, in table order.
    pub const ALL: [Lang; 6] = [Lang::Ko, Lang::En, Lang::Ja, Lang::Zh, Lang::Mixed, Lang::Und];

    /// The label written to the tables: `ko`, `en`, `ja`, `zh`, `mixed`, `und`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Lang::Ko => "ko",
            Lang::En => "en",
            Lang::Ja => "ja",
            Lang::Zh => "zh",
            Lang::Mixed => "mixed",
            Lang::Und => "und",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a document came from: an input path, and the line for JSONL.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Origin {
    /// The input path as given or found.
    pub path: String,
    /// 1-based line of a JSONL record.
    pub line: Option<u32>,
}

impl fmt::Display for Origin {
    /// `path`, or `path:line` for a JSONL record: the `source` column.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}", self.path),
            None => f.write_str(&self.path),
        }
    }
}

/// A document after ingest: decoded, cleaned and NFC-normalised.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    /// Stable id: the input's own id, else derived from its path or content.
    pub id: String,
    /// Where the document came from.
    pub source: Origin,
    /// Title from the input's metadata or first heading, if any.
    pub title: Option<String>,
    /// URL from the input's metadata, if any.
    pub url: Option<String>,
    /// Publication date from the input's metadata, if any.
    pub published: Option<NaiveDate>,
    /// The cleaned text that every offset points into.
    pub text: String,
    /// Characters removed from the page as boilerplate.
    pub boilerplate_chars: u64,
    /// Hex digest of the raw input bytes.
    pub content_hash: String,
    /// What was repaired while reading: each becomes a warning row of `errors`.
    pub warnings: Vec<String>,
}

/// One sentence: its byte span in the document text and its language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SentenceSpan {
    /// Byte span of the sentence, without surrounding whitespace.
    pub span: Span,
    /// Language from the sentence's scripts.
    pub lang: Lang,
}

/// What kind of thing a dictionary entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    /// Regulators, ministries, associations, companies, universities...
    Organization,
    /// Named people.
    Person,
    /// Acts, regulations, formal agreements and programmes.
    Law,
    /// Domain terms and acronyms (GMP, CDMO, RWE...).
    Term,
    /// Places.
    Place,
    /// Products.
    Product,
}

impl EntityType {
    /// Every type, in table order.
    pub const ALL: [EntityType; 6] = [
        EntityType::Organization,
        EntityType::Person,
        EntityType::Law,
        EntityType::Term,
        EntityType::Place,
        EntityType::Product,
    ];

    /// The label written to the tables.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            EntityType::Organization => "organization",
            EntityType::Person => "person",
            EntityType::Law => "law",
            EntityType::Term => "term",
            EntityType::Place => "place",
            EntityType::Product => "product",
        }
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One canonical entity of the dictionary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// Stable id such as `org:mfds`.
    pub id: String,
    /// Entity type, from the dictionary file it was read from.
    pub entity_type: EntityType,
    /// English canonical name.
    pub canonical: String,
    /// Korean name.
    pub name_ko: Option<String>,
    /// Japanese name.
    pub name_ja: Option<String>,
    /// Chinese name.
    pub name_zh: Option<String>,
    /// ISO 3166 alpha-2 country code; `None` for international bodies and terms.
    pub country: Option<String>,
    /// Every surface form matched: names and aliases, without duplicates.
    pub aliases: Vec<String>,
}

/// Index of an entity in the loaded dictionary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityIdx(pub u32);

/// A dictionary hit in a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntityMatch {
    /// Byte span of the surface (particles excluded).
    pub span: Span,
    /// The entity matched.
    pub entity: EntityIdx,
}

/// The kinds of figures of the output contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FigureKind {
    /// "18%", "18 percent", "3~5%".
    Percent,
    /// Amounts of currency; unit is the ISO 4217 code.
    Money,
    /// A number with a physical unit.
    Quantity,
    /// A number of things; subject is the counted noun.
    Count,
    /// A calendar date.
    Date,
    /// A bare year.
    Year,
    /// A rank: "6th", "제6회".
    Ordinal,
    /// A stage on a scale: "Level 3", "Phase 2".
    Level,
    /// A length of time: "10 years", "3개월".
    Duration,
}

impl FigureKind {
    /// The label written to the tables.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            FigureKind::Percent => "percent",
            FigureKind::Money => "money",
            FigureKind::Quantity => "quantity",
            FigureKind::Count => "count",
            FigureKind::Date => "date",
            FigureKind::Year => "year",
            FigureKind::Ordinal => "ordinal",
            FigureKind::Level => "level",
            FigureKind::Duration => "duration",
        }
    }
}

impl fmt::Display for FigureKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A date as written: the year may be missing until the document date fills it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartialDate {
    /// Year, when the text gives it.
    pub year: Option<i32>,
    /// Month 1–12, when the text gives it (a day alone, "12일", has none).
    pub month: Option<u32>,
    /// Day 1–31.
    pub day: u32,
}

/// A figure found in a document.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// Byte span of the surface.
    pub span: Span,
    /// What the figure is.
    pub kind: FigureKind,
    /// The number, scale words applied; `None` for dates.
    pub value: Option<f64>,
    /// Upper bound of a compact range.
    pub value_max: Option<f64>,
    /// Normalised unit (`%`, ISO currency code, `L`, `year`...).
    pub unit: Option<String>,
    /// Calendar date for kind `date`, once resolved.
    pub date: Option<NaiveDate>,
    /// The date as written, before the year is filled in.
    pub partial_date: Option<PartialDate>,
    /// What the figure counts or qualifies, when the text says so.
    pub subject: Option<String>,
}

impl Figure {
    /// A figure of `kind` with only a span and a value; the other fields empty.
    #[must_use]
    pub fn new(kind: FigureKind, span: Span, value: Option<f64>) -> Self {
        Figure {
            span,
            kind,
            value,
            value_max: None,
            unit: None,
            date: None,
            partial_date: None,
            subject: None,
        }
    }
}

/// A document as written to the `documents` table.
#[derive(Clone, Debug, PartialEq)]
pub struct DocumentRow {
    /// Stable document id.
    pub doc_id: String,
    /// Input path (and line for JSONL).
    pub source: Origin,
    /// Title, if known.
    pub title: Option<String>,
    /// URL, if known.
    pub url: Option<String>,
    /// Dominant language.
    pub lang: Lang,
    /// Publication date: metadata, else the first full date in the text.
    pub published: Option<NaiveDate>,
    /// The cleaned text all offsets point into.
    pub text: String,
    /// Length of `text` in code points.
    pub n_chars: u32,
    /// Number of sentences.
    pub n_sentences: u32,
    /// Characters removed from the page as boilerplate.
    pub boilerplate_chars: u64,
    /// Hex digest of the raw input bytes.
    pub content_hash: String,
}

/// A sentence as written to the `sentences` table (code-point offsets).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SentenceRow {
    /// 0-based position in the document.
    pub sentence_id: u32,
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
    /// Language of the sentence.
    pub lang: Lang,
    /// Where the sentence's text lies in the document's text, in bytes.
    pub bytes: Span,
}

impl SentenceRow {
    /// The sentence's text, a slice of `document_text`.
    #[must_use]
    pub fn text<'t>(&self, document_text: &'t str) -> &'t str {
        document_text.get(self.bytes.start..self.bytes.end).unwrap_or_default()
    }
}

/// Where a mention comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MentionSource {
    /// Found by the dictionary automaton.
    Dictionary,
    /// Found by a rule for names the dictionary lacks.
    Pattern,
    /// An acronym the text defines, with the entity of its full name.
    Acronym,
}

impl MentionSource {
    /// The label written to the tables.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            MentionSource::Dictionary => "dictionary",
            MentionSource::Pattern => "pattern",
            MentionSource::Acronym => "acronym",
        }
    }
}

/// How an entity of the `entities` table was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntityOrigin {
    /// Read from the dictionary.
    Dictionary,
    /// Built by a recognizer for a name the dictionary lacks.
    Pattern,
}

impl EntityOrigin {
    /// The label written to the tables.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            EntityOrigin::Dictionary => "dictionary",
            EntityOrigin::Pattern => "pattern",
        }
    }
}

/// A mention as written to the `mentions` table (code-point offsets).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MentionRow {
    /// Sentence holding the mention.
    pub sentence_id: u32,
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
    /// Exactly `text[start..end]`.
    pub surface: String,
    /// Joins the `entities` table.
    pub entity_id: String,
    /// Type of the entity.
    pub entity_type: EntityType,
    /// Dictionary or pattern.
    pub source: MentionSource,
}

/// A figure as written to the `figures` table (code-point offsets).
#[derive(Clone, Debug, PartialEq)]
pub struct FigureRow {
    /// Sentence holding the figure.
    pub sentence_id: u32,
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
    /// Exactly `text[start..end]`.
    pub surface: String,
    /// The figure itself (its byte span is not written).
    pub figure: Figure,
    /// Entity the figure is about, when one can be tied.
    pub entity_id: Option<String>,
}

/// Everything the pipeline produced for one document; owns its data.
#[derive(Clone, Debug, PartialEq)]
pub struct DocOutput {
    /// The `documents` row.
    pub document: DocumentRow,
    /// The `sentences` rows.
    pub sentences: Vec<SentenceRow>,
    /// The `mentions` rows.
    pub mentions: Vec<MentionRow>,
    /// The `figures` rows.
    pub figures: Vec<FigureRow>,
    /// The entities of this document's `pattern` mentions, once each.
    pub entities: Vec<Entity>,
    /// What was repaired while reading the document: warning rows of `errors`.
    pub warnings: Vec<String>,
}

/// How bad an `errors` row is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ErrorLevel {
    /// The input (or record) was not used.
    #[default]
    Error,
    /// The input was used after a repair the user should know of (bytes
    /// that were not valid UTF-8, say).
    Warning,
}

impl ErrorLevel {
    /// The `level` column's value: `error` or `warning`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorLevel::Error => "error",
            ErrorLevel::Warning => "warning",
        }
    }
}

/// An input that could not be read or parsed, or was repaired, as written
/// to the `errors` table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorRow {
    /// The input path (or URL).
    pub source: String,
    /// 1-based line for JSONL input.
    pub line: Option<u32>,
    /// Whether the input was skipped or used after a repair.
    pub level: ErrorLevel,
    /// What was wrong, in words a user can act on.
    pub message: String,
}

impl ErrorRow {
    /// An error: the input, or its record at `line`, was not used.
    #[must_use]
    pub fn new(source: impl Into<String>, line: Option<u32>, message: impl Into<String>) -> Self {
        ErrorRow { source: source.into(), line, level: ErrorLevel::Error, message: message.into() }
    }

    /// A warning: the input was used after a repair.
    #[must_use]
    pub fn warning(
        source: impl Into<String>,
        line: Option<u32>,
        message: impl Into<String>,
    ) -> Self {
        ErrorRow { level: ErrorLevel::Warning, ..ErrorRow::new(source, line, message) }
    }
}
