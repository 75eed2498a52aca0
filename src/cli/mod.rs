//! The command-line front end: parse flags, build the pipeline, run, report.
//!
//! Exit codes: 0 when every input was used, 1 when some inputs failed (they
//! are listed on stderr and in the `errors` table), 2 on usage or fatal
//! errors (nothing is published then).

mod args;
mod config;
mod dict;
mod report;

use std::ffi::OsString;
use std::process::ExitCode;

use clap::Parser;

pub use args::{Cli, Command, DictArgs, DictCommand, DictSources, ExtractArgs};
pub use config::{load_dictionary, new_run_id};

use crate::pipeline::Pipeline;
use crate::run::{RunOptions, run as run_extraction};

/// Runs the binary with the given arguments and returns its exit code.
pub fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return if error.use_stderr() { ExitCode::from(2) } else { ExitCode::SUCCESS };
        }
    };
    let outcome = match cli.command {
        Command::Extract(args) => extract(&args),
        Command::Dict(args) => dict::run(&args),
    };
    outcome.unwrap_or_else(|error| {
        report::fatal(&error);
        ExitCode::from(2)
    })
}

fn extract(args: &ExtractArgs) -> anyhow::Result<ExitCode> {
    // A missing input is a mistake in the command, not bad data: publishing
    // empty tables over the previous output would lose it.
    if let Some(missing) = args.inputs.iter().find(|input| !input.exists()) {
        anyhow::bail!("input `{}` does not exist", missing.display());
    }
    let dictionary = load_dictionary(&args.dicts, !args.no_bundled_dict)?;
    let pipeline = Pipeline::new(dictionary);
    let options = RunOptions {
        inputs: args.inputs.clone(),
        out_dir: args.output.clone(),
        fields: config::jsonl_fields(args),
        keep_boilerplate: args.keep_boilerplate,
        threads: args.threads.map(usize::from),
        run_id: new_run_id(),
    };
    let reporter = report::Reporter::new(args.quiet);
    let summary = run_extraction(&pipeline, &options, &reporter)?;
    reporter.summary(&summary, &options.out_dir);
    Ok(if summary.rows.errors == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
