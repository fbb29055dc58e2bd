//! The verify step the SDK verifier handles share (`jwtmint_videosdk_verifier_verify`,
//! `jwtmint_meetingsdk_verifier_verify`): verify the token with the core's preset, then write
//! the verified claims, re-serialized as compact JSON, into the caller's buffer.

use jwtmint_core::Error;

use crate::boundary::Fail;
use crate::ptr;

/// The body an SDK verifier's verify export gives [`handle::output`](crate::handle::output):
/// `verify(handle, token, now)` makes the claims JSON (see [`json`]), which is written out.
///
/// # Safety
/// `token` is NULL or valid for reads of `token_len` bytes, unchanged until the returned
/// closure has run.
pub(crate) unsafe fn write_claims<T>(
    (token, token_len, now): (*const u8, usize, i64),
    verify: impl FnOnce(&T, &[u8], i64) -> Result<Vec<u8>, Fail>,
) -> impl FnOnce(&T, ptr::Output) -> Result<(), Fail> {
    move |v, output| {
        // SAFETY: this function's contract is `ptr::bytes`'s, for as long as the closure lives.
        let token = unsafe { ptr::bytes(token, token_len)? };
        output.write(&verify(v, token, now)?)
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
