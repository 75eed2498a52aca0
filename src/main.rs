//! The `gazette` command: a thin wrapper around [`gazette::cli::run`].

use std::process::ExitCode;

fn main() -> ExitCode {
    gazette::cli::run(std::env::args_os())
}
