//! Run ids, as `runs.run_id` and the part-file names carry them.

use std::time::{SystemTime, UNIX_EPOCH};

use chrono::DateTime;

/// A run id: the UTC start time, the process id and 32 random bits, e.g.
/// `20251215T091617Z-4242-9f1c03aa`. The random part keeps ids unique where
/// process ids repeat (containers, where most runs are process 1).
#[must_use]
pub fn new_run_id() -> String {
    use std::hash::{BuildHasher, Hasher};
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
    let secs = i64::try_from(now.as_secs()).unwrap_or(0);
    let time = DateTime::from_timestamp(secs, 0).unwrap_or_default();
    // std's hasher keys are random per process: a dependency-free source.
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(now.as_nanos());
    let random = hasher.finish() as u32;
    format!("{}-{}-{random:08x}", time.format("%Y%m%dT%H%M%SZ"), std::process::id())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_ids_differ_and_start_with_the_utc_time() {
        let (a, b) = (new_run_id(), new_run_id());
        assert_ne!(a, b);
        let time = a.split('-').next().unwrap();
        assert_eq!(time.len(), "20251215T091617Z".len());
        assert!(time.ends_with('Z') && time.as_bytes()[8] == b'T', "{a}");
        assert_eq!(a.split('-').nth(1), Some(std::process::id().to_string().as_str()));
    }
}
