//! Log records on stderr: the level set by `-v`/`-q`, refined by `RUST_LOG`.

use std::io::Write;
use std::time::{SystemTime, UNIX_EPOCH};

use chrono::DateTime;
use log::LevelFilter;

/// The level of gazette's own records: errors only when `quiet`, else
/// warnings, info (`-v`), debug (`-vv`) or trace (`-vvv`).
#[must_use]
pub fn level(verbose: u8, quiet: bool) -> LevelFilter {
    match (quiet, verbose) {
        (true, _) => LevelFilter::Error,
        (false, 0) => LevelFilter::Warn,
        (false, 1) => LevelFilter::Info,
        (false, 2) => LevelFilter::Debug,
        (false, _) => LevelFilter::Trace,
    }
}

/// Sends log records to stderr, one line each:
/// `gazette: 2025-12-15T09:16:17.123Z INFO ingest::walk: listed 3 input files`.
/// Records of other crates show from warnings on (errors when quiet).
/// `RUST_LOG` directives (`debug`, `gazette::ingest=trace`) apply on top,
/// and `RUST_LOG_STYLE` or `NO_COLOR` turn colours off. A logger set
/// before (a second run in one process) is kept.
pub fn init(verbose: u8, quiet: bool) {
    let own = level(verbose, quiet);
    let mut builder = env_logger::Builder::new();
    builder
        .filter_level(own.min(LevelFilter::Warn))
        .filter_module("gazette", own)
        .parse_env(env_logger::Env::default())
        .target(env_logger::Target::Stderr)
        .format(|out, record| {
            let style = out.default_level_style(record.level());
            let target = record.target();
            let target = target.strip_prefix("gazette::").unwrap_or(target);
            writeln!(
                out,
                "gazette: {} {style}{}{style:#} {target}: {}",
                timestamp(),
                record.level(),
                record.args()
            )
        });
    let _ = builder.try_init();
}

/// The current UTC time to the millisecond, ISO 8601.
fn timestamp() -> String {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
    let secs = i64::try_from(now.as_secs()).unwrap_or(0);
    DateTime::from_timestamp(secs, now.subsec_nanos())
        .unwrap_or_default()
        .format("%Y-%m-%dT%H:%M:%S%.3fZ")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_to_levels() {
        let levels: Vec<_> = [(0, false), (1, false), (2, false), (3, false), (2, true)]
            .into_iter()
            .map(|(verbose, quiet)| level(verbose, quiet))
            .collect();
        assert_eq!(
            levels,
            [
                LevelFilter::Warn,
                LevelFilter::Info,
                LevelFilter::Debug,
                LevelFilter::Trace,
                LevelFilter::Error
            ]
        );
        assert_eq!(timestamp().len(), "2025-12-15T09:16:17.123Z".len());
    }
}
