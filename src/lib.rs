//! gazette turns news, press releases and journal abstracts about medical
//! products — pharmaceutical, biotech and medical-device regulation in Korea,
//! Japan and China — into clean, normalized Parquet tables.
//!
//! Data flows one way through the stages, each a pure function over
//! borrowed text:
//!
//! - [`script`]: scripts and character classes, shared by the stages;
//! - [`ingest`]: find inputs, read, decode, extract HTML text, clean (NFC);
//! - [`segment`]: sentences and their language;
//! - [`dictionary`]: the gazetteer and its Aho-Corasick [`dictionary::Matcher`];
//! - [`recognize`]: organizations, people and laws found by their form;
//! - [`figures`]: numbers, units, money, dates;
//! - [`sink`]: the Parquet tables.
//!
//! [`pipeline::Pipeline`] runs the stages over one document;
//! [`run::run`] runs a whole corpus in parallel and publishes the tables.
//!
//! ```
//! use gazette::dictionary::Dictionary;
//! use gazette::model::Document;
//! use gazette::pipeline::Pipeline;
//!
//! let pipeline = Pipeline::new(Dictionary::load_with_bundled(&[] as &[&str], true)?);
//! let doc = Document {
//!     id: "d1".into(),
//!     text: "식약처는 2025년 7월 17일 GMP 기준 개정안을 발표했다.".into(),
//!     ..Document::default()
//! };
//! let out = pipeline.process(doc);
//! assert_eq!(out.mentions[0].surface, "식약처");
//! assert_eq!(out.mentions[0].entity_id, "org:mfds");
//! assert_eq!(out.figures[0].surface, "2025년 7월 17일");
//! assert_eq!(out.document.published.map(|d| d.to_string()).as_deref(), Some("2025-07-17"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

pub mod cli;
pub mod dictionary;
pub mod figures;
pub mod ingest;
pub mod model;
pub mod offsets;
pub mod pipeline;
pub mod recognize;
pub mod run;
pub mod script;
pub mod segment;
pub mod sink;
pub mod words;
