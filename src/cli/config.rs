//! From flags to the validated objects a run needs.

use std::path::PathBuf;

use anyhow::Context;

use super::args::ExtractArgs;
use crate::dictionary::Dictionary;
use crate::ingest::JsonlFields;

/// Loads the bundled dictionary (unless `bundled` is false) merged with the
/// given directories.
///
/// # Errors
///
/// Fails with the file and line of the first malformed entry, or when no
/// dictionary is left to load.
pub fn load_dictionary(dirs: &[PathBuf], bundled: bool) -> anyhow::Result<Dictionary> {
    anyhow::ensure!(
        bundled || !dirs.is_empty(),
        "no dictionary: `--no-bundled-dict` needs at least one `--dict DIR`"
    );
    Dictionary::builder()
        .dirs(dirs)
        .bundled(bundled)
        .build()
        .context("cannot load the dictionaries")
}

/// JSONL field names from the flags.
#[must_use]
pub fn jsonl_fields(args: &ExtractArgs) -> JsonlFields {
    JsonlFields {
        id: args.id_field.clone(),
        text: args.text_field.clone(),
        title: args.title_field.clone(),
        url: args.url_field.clone(),
        published: args.published_field.clone(),
    }
}
