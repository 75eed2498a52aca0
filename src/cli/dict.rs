//! `gazette dict`: checking and summarising dictionaries.
//!
//! `dict check` prints every finding as `error: FILE:LINE: …` or
//! `warning: FILE:LINE: …`, then a count; it exits 1 when there is an error,
//! or a warning with `--strict`, else 0. `dict stats` prints the entities and
//! names per type and script, and the entities per country.

use std::io::Write;
use std::process::ExitCode;

use super::args::{DictArgs, DictCommand, DictSources};
use super::config::load_dictionary;
use crate::dictionary::{Severity, Stats, check};

/// Runs a `dict` subcommand and returns its exit code.
///
/// # Errors
///
/// When there is no dictionary to look at, or `stats` cannot load it.
pub fn run(args: &DictArgs) -> anyhow::Result<ExitCode> {
    match &args.command {
        DictCommand::Check { sources, strict } => {
            ensure_some_dictionary(sources)?;
            let report = check(&sources.dicts, !sources.no_bundled_dict);
            let mut out = std::io::stdout().lock();
            // A closed stdout (`| head`) ends the listing, not the check.
            for finding in &report.findings {
                let _ = writeln!(out, "{finding}");
            }
            let errors = report.count(Severity::Error);
            let warnings = report.count(Severity::Warning);
            let _ = writeln!(
                out,
                "{} entities: {errors} errors, {warnings} warnings",
                report.dictionary.len()
            );
            let failed = errors > 0 || (*strict && warnings > 0);
            Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        DictCommand::Stats { sources } => {
            let dictionary = load_dictionary(&sources.dicts, !sources.no_bundled_dict)?;
            let _ = write!(std::io::stdout().lock(), "{}", Stats::of(&dictionary));
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn ensure_some_dictionary(sources: &DictSources) -> anyhow::Result<()> {
    anyhow::ensure!(
        !sources.no_bundled_dict || !sources.dicts.is_empty(),
        "no dictionary: `--no-bundled-dict` needs at least one `--dict DIR`"
    );
    Ok(())
}
