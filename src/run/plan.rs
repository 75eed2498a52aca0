//! What a run does with the dataset it writes to: replace it, add to it, or
//! extract all of it again.

use crate::sink::{Dataset, Keep, KnownDocuments, PastRun, RunMode, SinkError};

/// Version of gazette written to `runs`: rows of another version are
/// extracted again by an incremental run.
pub const GAZETTE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// How a run treats the published dataset.
#[derive(Debug)]
pub struct Plan {
    /// The `runs.mode` of the run.
    pub mode: RunMode,
    /// What of the dataset the next state keeps.
    pub keep: Keep,
    /// The documents an incremental run skips when they come again
    /// unchanged.
    pub known: KnownDocuments,
    /// Extract again every stored document the inputs do not hold.
    pub rebuild: bool,
    /// Why the run extracts everything again, for the user.
    pub notice: Option<String>,
}

impl Plan {
    /// The plan of a run, `incremental` or not, with the dictionary of
    /// digest `dictionary_hash`.
    ///
    /// # Errors
    ///
    /// Fails when the dataset's documents cannot be read.
    pub fn new(
        dataset: &Dataset,
        incremental: bool,
        dictionary_hash: &str,
    ) -> Result<Plan, SinkError> {
        let full = Plan {
            mode: RunMode::Full,
            keep: Keep::Runs,
            known: KnownDocuments::default(),
            rebuild: false,
            notice: None,
        };
        if !incremental {
            return Ok(full);
        }
        let Some(last) = dataset.last_run() else {
            return Ok(Plan { mode: RunMode::Incremental, keep: Keep::All, ..full });
        };
        if let Some(change) = change_since(last, dictionary_hash) {
            let notice = format!(
                "{change} since the last run ({}): every document of the dataset is extracted \
                 again",
                last.run_id
            );
            return Ok(Plan {
                keep: Keep::RunsAndErrors,
                rebuild: true,
                notice: Some(notice),
                ..full
            });
        }
        Ok(Plan {
            mode: RunMode::Incremental,
            keep: Keep::All,
            known: dataset.known_documents()?,
            ..full
        })
    }
}

/// What changed since `last` that makes its rows stale, if anything.
fn change_since(last: &PastRun, dictionary_hash: &str) -> Option<String> {
    if last.gazette_version != GAZETTE_VERSION {
        Some(format!(
            "gazette's version changed from {} to {GAZETTE_VERSION}",
            last.gazette_version
        ))
    } else if last.dictionary_hash != dictionary_hash {
        Some("the dictionary changed".to_owned())
    } else {
        None
    }
}
