//! When to let other Python threads run during a core call.
//!
//! Releasing and re-taking the GIL costs about as much as minting an API token (measured in
//! bench.py: tenths of a microsecond), so the usual calls (tokens and bodies of a few hundred
//! bytes) keep it. Work over larger inputs (HMAC and JSON over kilobytes) releases it, so
//! threads verifying long tokens or webhook bodies run in parallel.

use pyo3::Python;

/// Inputs of at least this many bytes are handled without the GIL.
pub const RELEASE_AT: usize = 4096;

/// `work()`, without the GIL when `len` is large.
pub fn run<T: Send>(py: Python<'_>, len: usize, work: impl FnOnce() -> T + Send) -> T {
    if len >= RELEASE_AT {
        py.detach(work)
    } else {
        work()
    }
}
