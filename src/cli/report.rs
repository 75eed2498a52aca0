//! Everything the binary prints: progress, per-input errors, the summary and
//! fatal errors. The only module that writes to the terminal.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::model::{ErrorLevel, ErrorRow};
use crate::run::{Observer, RunSummary};
use crate::sink::TABLE_NAMES;

/// Reports a run on stderr: a progress bar on a terminal unless quiet,
/// every input error as it happens.
pub struct Reporter {
    bar: ProgressBar,
    quiet: bool,
    /// Chunks and raw bytes done, for the debug log.
    chunks: AtomicU64,
    bytes: AtomicU64,
}

impl Reporter {
    /// A reporter; the bar is hidden when `quiet`, `no_progress` or stderr
    /// is not a terminal.
    #[must_use]
    pub fn new(quiet: bool, no_progress: bool) -> Self {
        let bar = if quiet || no_progress || !std::io::stderr().is_terminal() {
            ProgressBar::hidden()
        } else {
            let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} [{elapsed_precise}] {wide_bar} {binary_bytes}/{binary_total_bytes} ({binary_bytes_per_sec}, {eta})",
                )
                .expect("valid progress template"),
            );
            bar
        };
        Reporter { bar, quiet, chunks: AtomicU64::new(0), bytes: AtomicU64::new(0) }
    }

    /// Prints the one-line summary of a finished run, unless quiet.
    pub fn summary(&self, summary: &RunSummary, out_dir: &Path) {
        self.bar.finish_and_clear();
        if self.quiet {
            return;
        }
        let rows = &summary.rows;
        #[allow(clippy::cast_precision_loss)]
        let megabytes = summary.bytes as f64 / 1e6;
        say(format_args!(
            "gazette: {} documents, {} sentences, {} mentions, {} figures, {} errors; \
             {megabytes:.1} MB in {:.2} s ({:.1} MB/s) -> `{}`",
            rows.documents,
            rows.sentences,
            rows.mentions,
            rows.figures,
            rows.errors,
            summary.elapsed.as_secs_f64(),
            summary.megabytes_per_second(),
            out_dir.display(),
        ));
        if summary.skipped_unchanged > 0 || summary.replaced > 0 {
            say(format_args!(
                "gazette: {} documents unchanged (skipped), {} replaced",
                summary.skipped_unchanged, summary.replaced
            ));
        }
        if summary.skipped.total() > 0 {
            say(format_args!("gazette: skipped {}", summary.skipped));
        }
    }
}

impl Observer for Reporter {
    fn start(&self, total_bytes: u64) {
        log::debug!("reading inputs of {total_bytes} bytes");
        self.bar.set_length(total_bytes);
    }

    fn advance(&self, bytes: u64) {
        self.bar.inc(bytes);
        let chunk = self.chunks.fetch_add(1, Ordering::Relaxed) + 1;
        let done = self.bytes.fetch_add(bytes, Ordering::Relaxed) + bytes;
        log::debug!("chunk {chunk} processed: {bytes} bytes of records, {done} in all");
    }

    fn error(&self, error: &ErrorRow) {
        let level = match error.level {
            ErrorLevel::Error => "",
            ErrorLevel::Warning => "warning: ",
        };
        self.bar.suspend(|| match error.line {
            Some(line) => {
                say(format_args!("gazette: {}:{line}: {level}{}", error.source, error.message))
            }
            None => say(format_args!("gazette: {}: {level}{}", error.source, error.message)),
        });
    }

    fn notice(&self, message: &str) {
        log::info!("{message}");
        if !self.quiet {
            self.bar.suspend(|| say(format_args!("gazette: {message}")));
        }
    }
}

/// Prints a fatal error with its chain of causes.
pub fn fatal(error: &anyhow::Error) {
    say(format_args!("gazette: error: {error}"));
    for cause in error.chain().skip(1) {
        say(format_args!("  caused by: {cause}"));
    }
}

/// The summary of a finished run as one JSON object: what `--json` prints.
#[must_use]
pub fn json_summary(summary: &RunSummary, run_id: &str, out_dir: &Path) -> serde_json::Value {
    let rows = &summary.rows;
    let tables: serde_json::Map<String, serde_json::Value> = TABLE_NAMES
        .iter()
        .map(|t| ((*t).to_owned(), out_dir.join(t).display().to_string().into()))
        .collect();
    serde_json::json!({
        "status": if summary.failed_inputs() == 0 { "ok" } else { "some_inputs_failed" },
        "exit_code": if summary.failed_inputs() == 0 { 0 } else { 1 },
        "run_id": run_id,
        "output": out_dir.display().to_string(),
        "mode": summary.mode.as_str(),
        "tables": tables,
        "documents": rows.documents,
        "skipped_unchanged": summary.skipped_unchanged,
        "replaced": summary.replaced,
        "sentences": rows.sentences,
        "entities": rows.entities,
        "mentions": rows.mentions,
        "figures": rows.figures,
        "errors": summary.failed_inputs(),
        "warnings": summary.warnings,
        "errors_by_kind": {
            "input": summary.errors_by_kind.input,
            "read": summary.errors_by_kind.read,
            "record": summary.errors_by_kind.record,
            "duplicate_id": summary.errors_by_kind.duplicate_id,
            "internal": summary.errors_by_kind.internal,
        },
        "skipped": {
            "hidden": summary.skipped.hidden,
            "unknown_type": summary.skipped.unknown_type,
            "output": summary.skipped.output,
        },
        "bytes": summary.bytes,
        "seconds": summary.elapsed.as_secs_f64(),
        "mb_per_second": summary.megabytes_per_second(),
    })
}

/// A run that failed before publishing, as one JSON object.
#[must_use]
pub fn json_failure(error: &anyhow::Error, run_id: &str, out_dir: &Path) -> serde_json::Value {
    serde_json::json!({
        "status": "failed",
        "exit_code": 2,
        "run_id": run_id,
        "output": out_dir.display().to_string(),
        "error": format!("{error:#}"),
    })
}

/// Writes a JSON object as one line on stdout; a closed stdout is ignored.
pub fn print_json(value: &serde_json::Value) {
    let _ = writeln!(std::io::stdout().lock(), "{value}");
}

/// Writes one line to stderr. A closed or full stderr (`2>&1 | head -1`)
/// never stops a run: the line is dropped, the tables are still written.
pub fn say(line: std::fmt::Arguments<'_>) {
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}
