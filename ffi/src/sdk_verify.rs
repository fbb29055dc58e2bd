//! The verify step the SDK verifier handles share (`jwtmint_videosdk_verifier_verify`,
//! `jwtmint_meetingsdk_verifier_verify`): verify the token with the core's preset, then write
//! the verified claims, re-serialized as compact JSON, into the caller's buffer.

use jwtmint_core::Error;

use crate::boundary::Fail;
use crate::codes::jwtmint_result;
use crate::handle;
use crate::ptr;

/// The body of an SDK verifier's verify export: `verify(handle, token, now)` gives the claims
/// JSON (see [`json`]), written into `(out, cap, out_len)`.
///
/// # Safety
/// As [`handle::output`] for `handle` and the buffer, and [`ptr::bytes`] for the token.
pub(crate) unsafe fn verify_into<T>(
    handle: *const T,
    (token, token_len, now): (*const u8, usize, i64),
    buffer: (*mut u8, usize, *mut usize),
    verify: impl FnOnce(&T, &[u8], i64) -> Result<Vec<u8>, Fail>,
) -> jwtmint_result {
    // SAFETY: this function's contract covers `handle::output`'s and `ptr::bytes`'s.
    unsafe {
        handle::output(handle, buffer, |v, output| {
            output.write(&verify(v, ptr::bytes(token, token_len)?, now)?)
        })
    }
}

/// Verified claims serialized with `serde_json::to_vec`; a failure (which the claims' types
/// cannot produce) is `JWTMINT_SERIALIZE`.
pub(crate) fn json(serialized: serde_json::Result<Vec<u8>>) -> Result<Vec<u8>, Fail> {
    serialized.map_err(|e| {
        Error::Serialize {
            reason: e.to_string(),
        }
        .into()
    })
}
