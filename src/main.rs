//! The `gazette` command: a thin wrapper around [`gazette::cli::run`].

use std::process::ExitCode;

/// The pipeline allocates many small strings per document; mimalloc serves
/// them markedly faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    gazette::cli::run(std::env::args_os())
}
