//! Publishing a run as one unit.
//!
//! The next state of the dataset is built in a hidden sibling of the output
//! folder: the run's new part files, and hard links to the earlier part files
//! it keeps. Once every file and folder is flushed to disk, one
//! `renameat2(RENAME_EXCHANGE)` swaps the two folders, so a reader taking the
//! tables by `OUT/<table>` sees the previous state or the new one, never a
//! mix, whenever the run is killed. The lock file is hard-linked into the new
//! state: the lock a waiting run holds open stays the dataset's lock.
//!
//! Where the file system cannot exchange folders, two renames are used
//! instead (`OUT` to a sibling, the next state to `OUT`); a kill between them
//! leaves `OUT` missing, and the next run puts the previous state back.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::lock::LOCK_FILE;
use super::{SinkError, TABLE_NAMES, io_error, sync};

/// A folder holding the next state of a dataset, swapped in by [`publish`].
///
/// [`publish`]: NextState::publish
#[derive(Debug)]
pub(super) struct NextState {
    out_dir: PathBuf,
    dir: PathBuf,
    /// Pause between the steps of publishing, for the kill tests.
    step_delay: Option<Duration>,
}

/// The hidden sibling of `out_dir` named for `kind` and `run_id`:
/// `.<name>.gazette-<kind>-<run_id>` beside it.
fn sibling(out_dir: &Path, kind: &str, run_id: &str) -> PathBuf {
    out_dir.with_file_name(format!("{}{kind}-{run_id}", sibling_prefix(out_dir)))
}

fn sibling_prefix(out_dir: &Path) -> String {
    let name = out_dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    format!(".{name}.gazette-")
}

/// The siblings of `out_dir` that runs left behind, of `kind` (or every
/// kind when `None`).
fn siblings(out_dir: &Path, kind: Option<&str>) -> Vec<PathBuf> {
    let prefix = sibling_prefix(out_dir) + kind.unwrap_or("");
    let Some(parent) = out_dir.parent() else { return Vec::new() };
    let Ok(entries) = std::fs::read_dir(parent) else { return Vec::new() };
    entries
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
        .map(|e| e.path())
        .collect()
}

/// Removes the folders that killed runs left beside `out_dir`. Only called
/// with the dataset's lock held, so no live run is using one.
pub(super) fn remove_abandoned(out_dir: &Path) {
    for path in siblings(out_dir, None) {
        log::debug!("removing `{}`, left by an interrupted run", path.display());
        let _ = std::fs::remove_dir_all(path);
    }
}

/// Puts the previous state back when a run was killed between the two
/// renames of the fallback publish, which left `out_dir` missing.
pub(super) fn recover_interrupted_swap(out_dir: &Path) {
    if out_dir.exists() {
        return;
    }
    if let Some(previous) = siblings(out_dir, Some("old-")).into_iter().next() {
        log::warn!("restoring `{}` from an interrupted publish", out_dir.display());
        let _ = std::fs::rename(previous, out_dir);
    }
}

/// Refuses an output folder that is a mount point: it cannot be renamed,
/// so a run would do all its work and then fail to publish.
pub(super) fn check_renamable(out_dir: &Path) -> Result<(), SinkError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let parent = out_dir.parent().unwrap_or(out_dir);
        let device = |path: &Path| std::fs::metadata(path).map(|m| m.dev()).map_err(io_error(path));
        if parent == out_dir || device(out_dir)? != device(parent)? {
            return Err(SinkError::MountPoint { path: out_dir.to_path_buf() });
        }
    }
    Ok(())
}

impl NextState {
    /// Creates the next state's folder beside `out_dir` (an absolute path)
    /// with the lock file linked in and one empty folder per table.
    pub(super) fn create(out_dir: &Path, run_id: &str) -> Result<NextState, SinkError> {
        let dir = sibling(out_dir, "next", run_id);
        std::fs::create_dir(&dir).map_err(io_error(&dir))?;
        let next = NextState { out_dir: out_dir.to_path_buf(), dir, step_delay: None };
        let lock = next.dir.join(LOCK_FILE);
        std::fs::hard_link(out_dir.join(LOCK_FILE), &lock).map_err(io_error(&lock))?;
        for table in TABLE_NAMES {
            let path = next.table_dir(table);
            std::fs::create_dir(&path).map_err(io_error(&path))?;
        }
        Ok(next)
    }

    /// Pauses between the steps of publishing; for the kill tests.
    pub(super) fn set_step_delay(&mut self, delay: Duration) {
        self.step_delay = Some(delay);
    }

    /// Waits the test delay, if one is set.
    pub(super) fn pause(&self) {
        if let Some(delay) = self.step_delay {
            std::thread::sleep(delay);
        }
    }

    /// The next state's folder.
    pub(super) fn dir(&self) -> &Path {
        &self.dir
    }

    /// The folder of `table` in the next state.
    pub(super) fn table_dir(&self, table: &str) -> PathBuf {
        self.dir.join(table)
    }

    /// Keeps an earlier part file of `table` unchanged: a hard link, not a copy.
    pub(super) fn keep(&self, table: &str, part: &Path) -> Result<(), SinkError> {
        let target = self.table_dir(table).join(part.file_name().expect("a part file name"));
        std::fs::hard_link(part, &target).map_err(io_error(&target))
    }

    /// Flushes the next state to disk and swaps it in for the published one,
    /// whose folder is then removed.
    pub(super) fn publish(self) -> Result<(), SinkError> {
        for table in TABLE_NAMES {
            sync(&self.table_dir(table))?;
        }
        sync(&self.dir)?;
        self.pause();
        swap(&self.out_dir, &self.dir)?;
        if let Some(parent) = self.out_dir.parent() {
            sync(parent)?;
        }
        log::debug!("published `{}`", self.out_dir.display());
        self.pause();
        Ok(())
        // Dropping `self` removes the folder, which now holds the old state.
    }
}

impl Drop for NextState {
    /// Removes the folder: the unpublished next state, or after publishing
    /// the previous one.
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Exchanges `out_dir` and `next` atomically; falls back to two renames
/// where the file system cannot.
fn swap(out_dir: &Path, next: &Path) -> Result<(), SinkError> {
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        match renameat_with(CWD, out_dir, CWD, next, RenameFlags::EXCHANGE) {
            Ok(()) => return Ok(()),
            Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => {
                log::warn!(
                    "the file system of `{}` cannot exchange folders atomically; publishing with \
                     two renames",
                    out_dir.display()
                );
            }
            Err(e) => return Err(SinkError::Io { path: out_dir.to_path_buf(), source: e.into() }),
        }
    }
    let previous = next.with_file_name(
        next.file_name().expect("a sibling name").to_string_lossy().replacen("-next-", "-old-", 1),
    );
    std::fs::rename(out_dir, &previous).map_err(io_error(out_dir))?;
    std::fs::rename(next, out_dir).map_err(io_error(out_dir))?;
    std::fs::rename(&previous, next).map_err(io_error(next))
}
