//! One run at a time per output directory.
//!
//! A run holds an exclusive `flock` on `OUT/.gazette.lock` from its start to
//! its end. The kernel releases it when the process ends, however it ends, so
//! a killed run never leaves a stale lock, and it works across PID
//! namespaces (a run inside a container and one outside it), where process
//! ids cannot be compared. The file also names the holder, for the message a
//! second run prints.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use super::SinkError;

/// Name of the lock file inside the output directory.
pub const LOCK_FILE: &str = ".gazette.lock";

/// The held lock of an output directory; released when dropped.
#[derive(Debug)]
pub struct OutputLock {
    out_dir: PathBuf,
    /// Holds the `flock` while open.
    _file: File,
}

impl OutputLock {
    /// Creates the output directory if needed and locks it. When another
    /// run holds it, fails naming that run, or with `wait` blocks until it
    /// ends.
    ///
    /// # Errors
    ///
    /// Fails when the directory or the lock file cannot be created, or
    /// another run holds the lock and `wait` is false.
    pub fn acquire(out_dir: &Path, run_id: &str, wait: bool) -> Result<OutputLock, SinkError> {
        if out_dir.exists() && !out_dir.is_dir() {
            return Err(SinkError::NotADirectory { path: out_dir.to_path_buf() });
        }
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| SinkError::Io { path, source }
        };
        super::publish::recover_interrupted_swap(out_dir);
        std::fs::create_dir_all(out_dir).map_err(io(out_dir))?;
        // Publishing renames the folder: from here on, its absolute path.
        let given = out_dir;
        let out_dir = &std::fs::canonicalize(out_dir).map_err(io(out_dir))?;
        let path = out_dir.join(LOCK_FILE);
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(io(&path))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) if wait => file.lock().map_err(io(&path))?,
            Err(TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                return Err(SinkError::Locked {
                    path: given.to_path_buf(),
                    holder: holder.trim().to_owned(),
                });
            }
            Err(TryLockError::Error(source)) => return Err(SinkError::Io { path, source }),
        }
        // Best effort: the holder's description is for messages only.
        let holder = format!("run {run_id} (process {})", std::process::id());
        let _ = file.set_len(0);
        let _ = file.rewind();
        let _ = file.write_all(holder.as_bytes());
        Ok(OutputLock { out_dir: out_dir.to_path_buf(), _file: file })
    }

    /// The locked output directory, as an absolute path.
    #[must_use]
    pub fn out_dir(&self) -> &Path {
        &self.out_dir
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_names_the_holder_and_the_lock_ends_with_its_holder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let first = OutputLock::acquire(&out, "first", false).unwrap();
        let error = OutputLock::acquire(&out, "second", false).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!(
                "output `{}` is in use by run first (process {}); wait for it to end, or pass \
                 --wait to wait",
                out.display(),
                std::process::id()
            )
        );
        drop(first);
        let second = OutputLock::acquire(&out, "second", false).unwrap();
        assert_eq!(second.out_dir(), out.canonicalize().unwrap());
    }

    #[test]
    fn waiting_takes_the_lock_once_it_is_released() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let first = OutputLock::acquire(&out, "first", false).unwrap();
        let waiter = std::thread::spawn({
            let out = out.clone();
            move || OutputLock::acquire(&out, "second", true).map(|_| ())
        });
        std::thread::sleep(std::time::Duration::from_millis(100));
        assert!(!waiter.is_finished());
        drop(first);
        waiter.join().unwrap().unwrap();
    }
}
