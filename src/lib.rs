//! gazette turns news, press releases and journal abstracts about medical
//! products into Parquet tables.
#![deny(missing_docs)]

pub mod dictionary;
pub mod ingest;
pub mod model;
pub mod offsets;
pub mod segment;
pub mod sink;
