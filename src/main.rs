//! The `gazette` command: a thin wrapper around [`gazette::cli::run`].

use std::process::ExitCode;

fn main() -> ExitCode {
    gazette::run::tune_system_allocator();
    gazette::cli::run(std::env::args_os())
}
