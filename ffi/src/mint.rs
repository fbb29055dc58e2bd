//! Minting: the Zoom API JWT (with a minter handle, or in one call) and arbitrary claims given
//! as JSON.

use jwtmint_core::zoom::ApiTokenMinter;

use crate::boundary::guard;
use crate::codes::jwtmint_result;
use crate::handle;
use crate::key::jwtmint_key;
use crate::ptr;

/// A minter of Zoom API JWTs for one API key and secret: the header, the start of the payload
/// and the HMAC state over them are computed once, when the minter is made, so each token costs
/// little and allocates nothing.
///
/// Made by `jwtmint_api_minter_new`, released by `jwtmint_api_minter_free`. Immutable: one
/// minter may be used by any number of threads at once.
pub struct jwtmint_api_minter {
    pub(crate) minter: ApiTokenMinter,
}

/// Default backdating of `iat`, in seconds, as in Zoom's sample: absorbs clock skew.
pub const JWTMINT_DEFAULT_SKEW: u64 = 30;
/// Default token lifetime (`exp - iat`), in seconds: one hour, the longest Zoom suggests.
pub const JWTMINT_DEFAULT_TTL: u64 = 3600;

/// The minter of `jwtmint_api_minter_new`'s arguments, for it and `jwtmint_mint_api_token`.
///
/// # Safety
/// `key` is NULL or a live key; `api_key` is NULL or valid for reads of `api_key_len` bytes.
unsafe fn new_minter(
    key: *const jwtmint_key, (api_key, api_key_len): (*const u8, usize), skew: u64, ttl: u64,
) -> Result<ApiTokenMinter, crate::boundary::Fail> {
    // SAFETY: this function's contract is what `ptr::handle` and `ptr::text` require.
    let (key, api_key) = unsafe { (ptr::handle(key)?, ptr::text(api_key, api_key_len)?) };
    let minter = ApiTokenMinter::new(api_key, key.key.clone())?;
    Ok(minter.with_skew(skew).with_ttl(ttl)?)
}

/// Makes a minter of Zoom API JWTs: `{"alg":"HS256","typ":"JWT"}` and
/// `{"iss":"<api_key>","iat":<now - skew>,"exp":<iat + ttl>}`, byte-identical to the token of
/// Zoom's Node.js sample for the same inputs. Use `JWTMINT_DEFAULT_SKEW` (30) and
/// `JWTMINT_DEFAULT_TTL` (3600) for Zoom's defaults.
///
/// The minter keeps its own reference to the key and a copy of the API key: both may be freed
/// right after this call. On success `*out` receives a new minter that the caller owns and must
/// release with `jwtmint_api_minter_free`.
///
/// Thread-safe.
///
/// Results:
/// - `JWTMINT_OK`;
/// - `JWTMINT_NULL_POINTER`: `key` or `out` is NULL, or `api_key` is NULL with
///   `api_key_len > 0`;
/// - `JWTMINT_INVALID_UTF8`: the API key is not UTF-8;
/// - `JWTMINT_INVALID_ARGUMENT`: the API key is empty, `ttl` is 0, or `api_key_len` exceeds
///   `PTRDIFF_MAX`;
/// - `JWTMINT_PANIC`.
///
/// # Safety
/// `key` is NULL or a live key; `api_key` is NULL or valid for reads of `api_key_len` bytes;
/// `out` is NULL or valid for a write of one pointer.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_api_minter_new(
    key: *const jwtmint_key, api_key: *const u8, api_key_len: usize, skew: u64, ttl: u64,
    out: *mut *mut jwtmint_api_minter,
) -> jwtmint_result {
    // SAFETY: this function's contract is what `handle::new` and `new_minter` require.
    unsafe {
        handle::new(out, || {
            let minter = new_minter(key, (api_key, api_key_len), skew, ttl)?;
            Ok(jwtmint_api_minter { minter })
        })
    }
}

/// Releases a minter. NULL is a no-op.
///
/// No other thread may be using the minter.
///
/// # Safety
/// `minter` is NULL or a minter from `jwtmint_api_minter_new` that has not been freed; it must
/// not be used after this call.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_api_minter_free(minter: *mut jwtmint_api_minter) {
    // SAFETY: this function's contract is `handle::free`'s.
    unsafe { handle::free(minter) }
}

/// The longest token this minter can produce, in bytes, without the NUL: a buffer of this
/// size plus one always holds a token and its NUL. Returns 0 for a NULL minter.
///
/// Only reads the minter. Thread-safe.
///
/// # Safety
/// `minter` is NULL or a live minter.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_api_minter_max_token_len(
    minter: *const jwtmint_api_minter,
) -> usize {
    // SAFETY: this function's contract is `handle::read`'s.
    unsafe { handle::read(minter, 0, |m| m.minter.max_token_len()) }
}

/// Mints a Zoom API JWT for the time `now` (seconds since the Unix epoch; see `jwtmint_now`)
/// into the caller's buffer `out` of `cap` bytes. Allocates nothing.
///
/// On success the token's length (without the NUL) is written to `*out_len`, and a NUL after
/// the token when `cap` leaves room for it. When the buffer is too small, only `*out_len` is
/// written, with the length needed (without the NUL); `(NULL, 0)` asks for that length.
/// On any other failure nothing is written.
///
/// Borrows every argument for the call only; the caller keeps ownership of the buffer.
/// Thread-safe: any number of threads may mint with one minter at once.
///
/// Results:
/// - `JWTMINT_OK`;
/// - `JWTMINT_NULL_POINTER`: `minter` or `out_len` is NULL, or `out` is NULL with `cap > 0`;
/// - `JWTMINT_BUFFER_TOO_SMALL`: `*out_len` holds the length needed;
/// - `JWTMINT_INVALID_ARGUMENT`: the minter's skew is not shorter than its ttl (every token
///   would be born expired), or `cap` exceeds `PTRDIFF_MAX`;
/// - `JWTMINT_TIME_OVERFLOW`: `now - skew` or `iat + ttl` overflows a 64-bit time;
/// - `JWTMINT_PANIC`.
///
/// # Safety
/// `minter` is NULL or a live minter; `out` is NULL or valid for writes of `cap` bytes;
/// `out_len` is NULL or valid for a write of one `size_t`; `out` and `out_len` do not overlap.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_api_minter_mint(
    minter: *const jwtmint_api_minter, now: i64, out: *mut u8, cap: usize, out_len: *mut usize,
) -> jwtmint_result {
    // SAFETY: this function's contract is `handle::output`'s.
    unsafe {
        handle::output(minter, (out, cap, out_len), |m, output| {
            output.fill(|buf| m.minter.mint_into(now, buf))
        })
    }
}

/// Mints one Zoom API JWT without keeping a minter: as `jwtmint_api_minter_new` followed by
/// `jwtmint_api_minter_mint` (same arguments, same results). Prefer a minter when minting more
/// than once with the same API key: this function redoes the per-key work on every call.
///
/// Nothing is kept; the caller keeps ownership of every argument. Thread-safe.
///
/// Results: those of `jwtmint_api_minter_new` and `jwtmint_api_minter_mint`.
///
/// # Safety
/// `key` is NULL or a live key; `api_key` is NULL or valid for reads of `api_key_len` bytes;
/// `out` is NULL or valid for writes of `cap` bytes; `out_len` is NULL or valid for a write of
/// one `size_t`; the outputs overlap neither each other nor the inputs.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_mint_api_token(
    key: *const jwtmint_key, api_key: *const u8, api_key_len: usize, now: i64, skew: u64, ttl: u64,
    out: *mut u8, cap: usize, out_len: *mut usize,
) -> jwtmint_result {
    guard(|| {
        // SAFETY: this function's contract is what `Output::new` and `new_minter` require.
        let (output, minter) = unsafe {
            let output = ptr::Output::new(out, cap, out_len)?;
            (output, new_minter(key, (api_key, api_key_len), skew, ttl)?)
        };
        output.fill(|buf| minter.mint_into(now, buf))
    })
}

/// Mints an HS256 JWT whose payload is exactly the given claims JSON (`claims_json`,
/// `claims_len` bytes, not NUL-terminated), under the header `{"alg":"HS256","typ":"JWT"}`.
///
/// The JSON is checked with the verifier's own rules before anything is signed: UTF-8 JSON,
/// an object, no member named twice at any depth, registered claims (`exp`, `nbf`, `iat`,
/// `iss`, `sub`, `aud`, `jti`) of the right type. The bytes are signed as given, whitespace
/// included. Nothing is added: include `exp` yourself if the verifier will require it.
///
/// Output as in `jwtmint_api_minter_mint`. Thread-safe; the caller keeps ownership of every
/// argument.
///
/// Results:
/// - `JWTMINT_OK`;
/// - `JWTMINT_NULL_POINTER`: `key` or `out_len` is NULL, `claims_json` is NULL with
///   `claims_len > 0`, or `out` is NULL with `cap > 0`;
/// - `JWTMINT_INVALID_JSON`: the claims are not UTF-8 JSON (the empty input included);
/// - `JWTMINT_CLAIMS_NOT_AN_OBJECT`: the JSON is not an object;
/// - `JWTMINT_DUPLICATE_MEMBER`: an object names a member twice;
/// - `JWTMINT_MALFORMED_CLAIM`: a registered claim has the wrong type (`"exp": "soon"`);
/// - `JWTMINT_BUFFER_TOO_SMALL`: `*out_len` holds the length needed;
/// - `JWTMINT_INVALID_ARGUMENT`: `claims_len` or `cap` exceeds `PTRDIFF_MAX`;
/// - `JWTMINT_PANIC`.
///
/// # Safety
/// `key` is NULL or a live key; `claims_json` is NULL or valid for reads of `claims_len` bytes;
/// `out` is NULL or valid for writes of `cap` bytes; `out_len` is NULL or valid for a write of
/// one `size_t`; the outputs overlap neither each other nor the inputs.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_mint_json(
    key: *const jwtmint_key, claims_json: *const u8, claims_len: usize, out: *mut u8, cap: usize,
    out_len: *mut usize,
) -> jwtmint_result {
    // SAFETY: this function's contract covers `handle::output`'s and `ptr::bytes`'s.
    unsafe {
        handle::output(key, (out, cap, out_len), |key, output| {
            let token = jwtmint_core::mint_json(&key.key, ptr::bytes(claims_json, claims_len)?)?;
            output.write(token.as_bytes())
        })
    }
}

/// The current time from the system clock, in whole seconds since the Unix epoch, written to
/// `*out`: the `now` to pass to the minting and verifying functions.
///
/// Writes only `*out`, on success. Thread-safe.
///
/// Results:
/// - `JWTMINT_OK`;
/// - `JWTMINT_NULL_POINTER`: `out` is NULL;
/// - `JWTMINT_CLOCK`: the clock reads before 1970 or beyond a 64-bit time (nothing written);
/// - `JWTMINT_PANIC`.
///
/// # Safety
/// `out` is NULL or valid for a write of one `int64_t`.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_now(out: *mut i64) -> jwtmint_result {
    guard(|| {
        // SAFETY: the caller guarantees this function's `# Safety` contract, which is what
        // `ptr::Out::new` requires (an `int64_t` the caller owns, which may be uninitialized).
        let out = unsafe { ptr::Out::new(out)? };
        out.set(jwtmint_core::now()?);
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_the_cores() {
        assert_eq!(JWTMINT_DEFAULT_SKEW, jwtmint_core::zoom::DEFAULT_SKEW);
        assert_eq!(JWTMINT_DEFAULT_TTL, jwtmint_core::zoom::DEFAULT_TTL);
    }
}
