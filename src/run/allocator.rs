//! How soon the allocator gives freed memory back to the system.
//!
//! A run frees buffers the size of a chunk or a row group all the time. By
//! default mimalloc keeps freed pages for a second before returning them,
//! so the peak memory of a run counts every buffer freed within the last
//! second; returning them after a few milliseconds keeps the peak near what
//! is in use (about a fifth lower over the benchmark corpus), at the cost of
//! some system time.

/// mimalloc's `mi_option_purge_delay` (its position in `mi_option_e` of
/// `mimalloc.h`, which `libmimalloc-sys` does not name).
const PURGE_DELAY_OPTION: libmimalloc_sys::mi_option_t = 15;
/// Milliseconds before freed memory goes back to the system.
const PURGE_DELAY_MS: std::ffi::c_long = 10;

/// Sets mimalloc's purge delay to [`PURGE_DELAY_MS`]. Harmless when mimalloc
/// is not the global allocator: its state is then simply unused.
pub(super) fn return_freed_memory_soon() {
    // SAFETY: `mi_option_set` takes any option and value; mimalloc reads
    // options atomically, so setting one while other threads allocate is fine.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY_OPTION, PURGE_DELAY_MS) };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_option_set_is_the_purge_delay() {
        return_freed_memory_soon();
        // SAFETY: reading an option has no precondition.
        let delay = unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY_OPTION) };
        assert_eq!(delay, PURGE_DELAY_MS);
        // The next option, which libmimalloc-sys names, follows it.
        assert_eq!(libmimalloc_sys::mi_option_use_numa_nodes - 1, PURGE_DELAY_OPTION);
    }
}
