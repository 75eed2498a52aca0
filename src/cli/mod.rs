//! The command-line front end: parse flags, build the pipeline, run, report.
//!
//! Exit codes: 0 when every input was used, 1 when some inputs failed (they
//! are listed on stderr and in the `errors` table), 2 on usage or fatal
//! errors (nothing is published then).

mod args;
mod compact;
mod config;
mod dict;
mod logging;
mod report;

use std::ffi::OsString;
use std::process::ExitCode;

use clap::Parser;

pub use args::{Cli, Command, CompactArgs, DictArgs, DictCommand, DictSources, ExtractArgs};
pub use config::load_dictionary;

use crate::pipeline::Pipeline;
use crate::run::{Fault, RunOptions, RunSummary, new_run_id, run as run_extraction};

/// Runs the binary with the given arguments and returns its exit code.
///
/// The code is always 0, 1 or 2: a bug that panics outside the per-document
/// stages (where a panic becomes an error row) is reported as a fatal error,
/// and nothing is published.
pub fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let args: Vec<OsString> = args.into_iter().collect();
    std::panic::catch_unwind(|| run_command(args)).unwrap_or_else(|panic| {
        report::fatal(&anyhow::anyhow!(
            "internal error: {}; nothing was published",
            crate::run::panic_message(panic.as_ref())
        ));
        ExitCode::from(2)
    })
}

fn run_command(args: Vec<OsString>) -> ExitCode {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return if error.use_stderr() { ExitCode::from(2) } else { ExitCode::SUCCESS };
        }
    };
    let outcome = match cli.command {
        Command::Extract(args) => {
            logging::init(args.verbose, args.quiet);
            extract(&args)
        }
        Command::Dict(args) => {
            logging::init(0, false);
            dict::run(&args)
        }
        Command::Compact(args) => {
            logging::init(0, args.quiet);
            compact::run(&args)
        }
    };
    outcome.unwrap_or_else(|error| {
        report::fatal(&error);
        ExitCode::from(2)
    })
}

fn extract(args: &ExtractArgs) -> anyhow::Result<ExitCode> {
    let run_id = new_run_id();
    let outcome = extract_run(args, &run_id);
    if args.json {
        let summary = match &outcome {
            Ok(summary) => report::json_summary(summary, &run_id, &args.output),
            Err(error) => report::json_failure(error, &run_id, &args.output),
        };
        report::print_json(&summary);
    }
    let summary = outcome?;
    Ok(if summary.failed_inputs() == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// Runs `gazette extract` and prints its progress and text summary.
fn extract_run(args: &ExtractArgs, run_id: &str) -> anyhow::Result<RunSummary> {
    // A missing input is a mistake in the command, not bad data: publishing
    // empty tables over the previous output would lose it.
    let stdin = |input: &&std::path::PathBuf| input.as_os_str() == crate::ingest::STDIN;
    if let Some(missing) = args.inputs.iter().filter(|i| !stdin(i)).find(|i| !i.exists()) {
        anyhow::bail!("input `{}` does not exist", missing.display());
    }
    let dictionary = load_dictionary(&args.dicts, !args.no_bundled_dict)?;
    log::info!("dictionary loaded: {} entities", dictionary.entities().len());
    let pipeline = Pipeline::new(dictionary);
    let options = RunOptions {
        inputs: args.inputs.clone(),
        format: args.format.map(Into::into),
        out_dir: args.output.clone(),
        fields: config::jsonl_fields(args),
        keep_boilerplate: args.keep_boilerplate,
        threads: args.threads.map(usize::from),
        run_id: run_id.to_owned(),
        allow_empty: args.allow_empty,
        incremental: args.incremental,
        wait: args.wait,
        fault: std::env::var("GAZETTE_FAULT").ok().as_deref().and_then(Fault::parse),
    };
    let threads = options
        .threads
        .or_else(|| std::thread::available_parallelism().ok().map(usize::from))
        .unwrap_or(1);
    log::info!(
        "run {run_id}: {} input paths, output `{}`, {threads} worker threads",
        options.inputs.len(),
        options.out_dir.display(),
    );
    // Log lines would tear a progress bar: it is hidden when they are asked for.
    let reporter = report::Reporter::new(args.quiet, args.no_progress || args.verbose > 0);
    let summary = run_extraction(&pipeline, &options, &reporter)?;
    let rows = &summary.rows;
    log::info!(
        "published run {run_id} to `{}`: {} documents, {} errors",
        options.out_dir.display(),
        rows.documents,
        rows.errors
    );
    reporter.summary(&summary, &options.out_dir);
    Ok(summary)
}
