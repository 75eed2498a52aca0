//! `gazette compact`: merging the small part files that nightly runs add.

use std::process::ExitCode;

use super::args::CompactArgs;
use super::report::say;
use crate::run::new_run_id;
use crate::sink::{OutputLock, compact};

/// Compacts the dataset in the output folder and prints what changed.
///
/// # Errors
///
/// When the folder is not a dataset, another run holds it, or the merged
/// files cannot be written; the dataset is then left as it was.
pub fn run(args: &CompactArgs) -> anyhow::Result<ExitCode> {
    anyhow::ensure!(
        args.output.is_dir(),
        "`{}` is not a gazette dataset folder",
        args.output.display()
    );
    let compaction_id = new_run_id();
    let lock = OutputLock::acquire(&args.output, &compaction_id, args.wait)?;
    let compaction = compact(&lock, &compaction_id)?;
    if !args.quiet {
        let tables: Vec<String> = compaction
            .tables
            .iter()
            .map(|(table, before, after)| format!("{table} {before} -> {after}"))
            .collect();
        say(format_args!(
            "gazette: compacted `{}`, part files: {}",
            args.output.display(),
            tables.join(", ")
        ));
    }
    Ok(ExitCode::SUCCESS)
}
