//! Command-line flags, parsed by clap, kept close to what the user types.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::ingest::Format;

/// Turns articles about medical-product regulation into Parquet tables.
#[derive(Debug, Parser)]
#[command(name = "gazette", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract documents, sentences, mentions and figures into Parquet tables.
    Extract(ExtractArgs),
    /// Check or summarise dictionaries.
    Dict(DictArgs),
    /// Merge the small part files of a dataset (rows are unchanged),
    /// publishing the result as one unit.
    Compact(CompactArgs),
}

/// Flags of `gazette compact`.
#[derive(Debug, Args)]
pub struct CompactArgs {
    /// The dataset folder (the output folder of `gazette extract`).
    #[arg(value_name = "DIR")]
    pub output: PathBuf,

    /// Wait for a run that holds the dataset to end, instead of exiting
    /// with status 2.
    #[arg(long)]
    pub wait: bool,

    /// Print nothing but errors.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Flags of `gazette dict`.
#[derive(Debug, Args)]
pub struct DictArgs {
    /// What to do with the dictionaries.
    #[command(subcommand)]
    pub command: DictCommand,
}

/// The `dict` subcommands.
#[derive(Debug, Subcommand)]
pub enum DictCommand {
    /// Report every error and suspicious name, with its file and line.
    Check {
        /// The dictionaries to check.
        #[command(flatten)]
        sources: DictSources,
        /// Fail on warnings too.
        #[arg(long)]
        strict: bool,
    },
    /// Count entities and names per type, script and country.
    Stats {
        /// The dictionaries to count.
        #[command(flatten)]
        sources: DictSources,
    },
}

/// Which dictionaries to load: the bundled one and `--dict` directories.
#[derive(Debug, Args)]
pub struct DictSources {
    /// Extra dictionary directory, merged with the bundled one (repeatable).
    #[arg(long = "dict", value_name = "DIR")]
    pub dicts: Vec<PathBuf>,

    /// Do not load the bundled dictionary; use only the `--dict` directories.
    #[arg(long)]
    pub no_bundled_dict: bool,
}

/// The `--format` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// One document per line, a JSON object.
    Jsonl,
    /// One document per input.
    Txt,
    /// One HTML page per input.
    Html,
    /// An array of JSON objects, one document each, or one object.
    Json,
    /// One document per row of a Parquet file.
    Parquet,
}

impl From<InputFormat> for Format {
    fn from(format: InputFormat) -> Format {
        match format {
            InputFormat::Jsonl => Format::Jsonl,
            InputFormat::Txt => Format::Text,
            InputFormat::Html => Format::Html,
            InputFormat::Json => Format::Json,
            InputFormat::Parquet => Format::Parquet,
        }
    }
}

/// Flags of `gazette extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Input files or directories (walked recursively): .txt, .jsonl, .json,
    /// .html, .parquet; `-` reads standard input.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// Format of inputs named explicitly: standard input, pipes, files
    /// whatever their extension (default: by extension; for a stream, by its
    /// first bytes).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<InputFormat>,

    /// Output directory for the tables.
    #[arg(short, long, value_name = "DIR", default_value = "output")]
    pub output: PathBuf,

    /// Extra dictionary directory, merged with the bundled one (repeatable).
    #[arg(long = "dict", value_name = "DIR")]
    pub dicts: Vec<PathBuf>,

    /// Do not load the bundled dictionary; use only the `--dict` directories.
    #[arg(long)]
    pub no_bundled_dict: bool,

    /// Keep the whole text of every page: no boilerplate removal (menus,
    /// controls, copyright lines, comment rules, tag lists stay).
    #[arg(long)]
    pub keep_boilerplate: bool,

    /// Worker threads (default: one per core).
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,

    /// Wait for another run that holds the output directory to end, instead
    /// of exiting with status 2.
    #[arg(long)]
    pub wait: bool,

    /// Publish a run that read no document (refused by default, so that an
    /// empty or unmounted input folder never replaces the previous tables).
    #[arg(long)]
    pub allow_empty: bool,

    /// Add to the dataset in the output folder instead of replacing it:
    /// documents it holds with the same id and content are skipped, changed
    /// ones replace their rows, new ones are added. When the dictionary or
    /// gazette's version changed since the last run, every document is
    /// extracted again.
    #[arg(long)]
    pub incremental: bool,

    /// Print the run's summary as one JSON object on standard output (also
    /// when the run fails: then with its error).
    #[arg(long)]
    pub json: bool,

    /// Hide the progress bar; the summary is still printed.
    #[arg(long)]
    pub no_progress: bool,

    /// Print nothing but errors: no progress bar, no summary, only error
    /// log records.
    #[arg(short, long, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Log what the run does on stderr: inputs and skipped files (-v), each
    /// file and chunk (-vv), everything (-vvv). `RUST_LOG` refines it.
    #[arg(short, long, action = clap::ArgAction::Count)]
    pub verbose: u8,

    /// JSON field or Parquet column holding the document id.
    #[arg(long, value_name = "NAME", default_value = "id")]
    pub id_field: String,

    /// JSON field or Parquet column holding the document text.
    #[arg(long, value_name = "NAME", default_value = "text")]
    pub text_field: String,

    /// JSON field or Parquet column holding the title.
    #[arg(long, value_name = "NAME", default_value = "title")]
    pub title_field: String,

    /// JSON field or Parquet column holding the URL.
    #[arg(long, value_name = "NAME", default_value = "url")]
    pub url_field: String,

    /// JSON field or Parquet column holding the publication date.
    #[arg(long, value_name = "NAME", default_value = "published")]
    pub published_field: String,
}
