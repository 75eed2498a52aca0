//! How the system allocator serves a run.
//!
//! A run allocates many small strings per document, which glibc's heap
//! serves and reuses well, and buffers of a chunk's or a batch's size, whose
//! sizes vary from one to the next. By default glibc raises the size from
//! which it maps a buffer of its own each time such a buffer is freed, so
//! these buffers come to live in the heap, where the holes they leave
//! fragment it: peak memory then grows with the length of the run. A fixed
//! threshold keeps every large buffer out of the heap, given back when it
//! is freed, and peak memory flat.

/// Allocations of this size and more are mapped on their own and returned
/// to the system when freed.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const MMAP_THRESHOLD_BYTES: std::ffi::c_int = 256 * 1024;

/// Fixes glibc's mmap threshold at [`MMAP_THRESHOLD_BYTES`]. For a process
/// that runs extractions (the `gazette` binary calls it first); it changes
/// the allocator of the whole process, so a library host decides for itself.
/// Does nothing with other C libraries.
pub fn tune_system_allocator() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` takes any parameter and value, and only changes how
    // later allocations are served; it is called before any other thread
    // allocates.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES);
    }
}
