//! The per-document pipeline: segment, match, extract figures, and build the
//! rows of the output tables.

use crate::dictionary::{Dictionary, Matcher};
use crate::figures::{self, FigureExtractor};
use crate::model::{
    DocOutput, Document, DocumentRow, FigureRow, MentionRow, SentenceRow, SentenceSpan, Span,
};
use crate::offsets::CharOffsetTable;
use crate::recognize::Recognizer;
use crate::segment;

/// Everything needed to process documents, built once and shared by all
/// threads.
pub struct Pipeline {
    dictionary: Dictionary,
    matcher: Matcher,
    recognizer: Recognizer,
    figures: FigureExtractor,
}

impl Pipeline {
    /// Builds the pipeline around a loaded dictionary.
    #[must_use]
    pub fn new(dictionary: Dictionary) -> Self {
        let matcher = Matcher::new(&dictionary);
        Pipeline {
            dictionary,
            matcher,
            recognizer: Recognizer::new(),
            figures: FigureExtractor::new(),
        }
    }

    /// The dictionary the pipeline matches.
    #[must_use]
    pub fn dictionary(&self) -> &Dictionary {
        &self.dictionary
    }

    /// Runs every stage over one document.
    #[must_use]
    pub fn process(&self, doc: Document) -> DocOutput {
        let text = doc.text.as_str();
        let (sentences, lang) = segment::split_document(text);
        let matches = self.matcher.find(text, &sentences);
        let names = self.recognizer.names(text, &sentences, &matches, &self.dictionary);
        let matches = names.dictionary_matches();
        let mut found = self.figures.extract(text, &sentences, lang);
        let published = doc.published.or_else(|| figures::first_full_date(&found));
        figures::resolve_dates(&mut found, published);
        let links = figures::entity_links(text, &sentences, &found, &matches, |e| {
            self.dictionary.entity(e).entity_type
        });

        let offsets = CharOffsetTable::new(
            text,
            sentences
                .iter()
                .map(|s| s.span)
                .chain(names.mentions.iter().map(|m| m.span))
                .chain(found.iter().map(|f| f.span))
                .flat_map(|span| [span.start, span.end])
                .chain([text.len()])
                .collect(),
        );
        let sentence_rows = sentences
            .iter()
            .enumerate()
            .map(|(i, s)| SentenceRow {
                sentence_id: u32::try_from(i).unwrap_or(u32::MAX),
                start: offsets.get(s.span.start),
                end: offsets.get(s.span.end),
                lang: s.lang,
                bytes: s.span,
            })
            .collect();

        let mentions = names
            .mentions
            .iter()
            .map(|m| {
                let entity = names.entity(&self.dictionary, m.referent);
                MentionRow {
                    sentence_id: sentence_of(&sentences, m.span),
                    start: offsets.get(m.span.start),
                    end: offsets.get(m.span.end),
                    surface: text[m.span.start..m.span.end].to_owned(),
                    entity_id: entity.id.clone(),
                    entity_type: entity.entity_type,
                    source: m.method,
                }
            })
            .collect();

        let figure_rows = found
            .into_iter()
            .zip(links)
            .map(|(f, link)| FigureRow {
                sentence_id: sentence_of(&sentences, f.span),
                start: offsets.get(f.span.start),
                end: offsets.get(f.span.end),
                surface: text[f.span.start..f.span.end].to_owned(),
                figure: f,
                entity_id: link.map(|e| self.dictionary.entity(e).id.clone()),
            })
            .collect();

        let n_chars = offsets.get(text.len());
        DocOutput {
            document: DocumentRow {
                doc_id: doc.id,
                source: doc.source,
                title: doc.title,
                url: doc.url,
                lang,
                published,
                n_chars,
                n_sentences: u32::try_from(sentences.len()).unwrap_or(u32::MAX),
                boilerplate_chars: doc.boilerplate_chars,
                content_hash: doc.content_hash,
                text: doc.text,
            },
            sentences: sentence_rows,
            mentions,
            figures: figure_rows,
            entities: names.entities,
            warnings: doc.warnings,
        }
    }
}

/// Index of the sentence holding `span` (the last one starting at or before it).
fn sentence_of(sentences: &[SentenceSpan], span: Span) -> u32 {
    let index = sentences.partition_point(|s| s.span.start <= span.start).saturating_sub(1);
    u32::try_from(index).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dictionary::Dictionary;

    #[test]
    fn figures_are_tied_to_the_entity_their_clause_names() {
        let dictionary = Dictionary::builder().build().unwrap_or_else(|e| panic!("{e}"));
        let text = "식약처는 45개 기업에 500억원을 지원한다. MFDS and PMDA held the 6th meeting.";
        let doc = Document { id: "d".into(), text: text.into(), ..Document::default() };
        let output = Pipeline::new(dictionary).process(doc);
        let links: Vec<_> =
            output.figures.iter().map(|f| (f.surface.as_str(), f.entity_id.as_deref())).collect();
        assert_eq!(
            links,
            [("45개 기업", Some("org:mfds")), ("500억원", Some("org:mfds")), ("6th", None)]
        );
    }
}
