//! From flags to the validated objects a run needs.

use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::Context;
use chrono::DateTime;

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

/// A run id: the UTC start time, the process id and 32 random bits, e.g.
/// `20251215T091617Z-4242-9f1c03aa`. The random part keeps ids unique where
/// process ids repeat (containers, where most runs are process 1).
#[must_use]
pub fn new_run_id() -> String {
    use std::hash::{BuildHasher, Hasher};
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
    let secs = i64::try_from(now.as_secs()).unwrap_or(0);
    let time = DateTime::from_timestamp(secs, 0).unwrap_or_default();
    // std's hasher keys are random per process: a dependency-free source.
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(now.as_nanos());
    let random = hasher.finish() as u32;
    format!("{}-{}-{random:08x}", time.format("%Y%m%dT%H%M%SZ"), std::process::id())
}
