//! The verifier handle: strict HS256 verification under one key and one set of rules.

use jwtmint_core::Verifier;

use crate::boundary::guard;
use crate::codes::jwtmint_result;
use crate::handle::{self, configurable, configure};
use crate::key::jwtmint_key;
use crate::ptr;

/// Verifies HS256 JWTs under one key and one set of rules (RFC 7515/7519/8725, strictly).
///
/// Made by `jwtmint_verifier_new` or `jwtmint_verifier_new_zoom_api`, configured with the
/// `jwtmint_verifier_set_*`, `jwtmint_verifier_require_claim` and
/// `jwtmint_verifier_clear_required_claims` functions, released by `jwtmint_verifier_free`.
///
/// Thread-safety: configure first, then share. `jwtmint_verifier_check` and
/// `jwtmint_verifier_verify` take a `const` verifier and may run on any number of threads at
/// once; the setters change the verifier and must not run while any other thread uses it.
pub struct jwtmint_verifier {
    verifier: Verifier,
}

configurable!(jwtmint_verifier, verifier: Verifier);

/// Makes a verifier with the default rules: leeway 60 s, length limit 8192 bytes, `exp`
/// required, no issuer or audience expected (a token carrying `aud` is then rejected, as
/// RFC 7519 section 4.1.3 requires).
///
/// The verifier keeps its own reference to the key: the key may be freed right after this
/// call. On success `*out` receives a new verifier that the caller owns and must release with
/// `jwtmint_verifier_free`.
///
/// Thread-safe.
///
/// Results:
/// - `JWTMINT_OK`;
/// - `JWTMINT_NULL_POINTER`: `key` or `out` is NULL;
/// - `JWTMINT_PANIC`.
///
/// # Safety
/// `key` is NULL or a live key; `out` is NULL or valid for a write of one pointer.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_verifier_new(
    key: *const jwtmint_key, out: *mut *mut jwtmint_verifier,
) -> jwtmint_result {
    // SAFETY: this function's contract is what `handle::new` and `ptr::handle` require.
    unsafe {
        handle::new(out, || {
            let verifier = Verifier::new(ptr::handle(key)?.key.clone());
            Ok(jwtmint_verifier { verifier })
        })
    }
}

/// Makes the verifier for Zoom API JWTs of one API key: `iss`, `iat` and `exp` required, and
/// `iss` must equal `api_key`; otherwise the default rules of `jwtmint_verifier_new`.
///
/// Ownership as `jwtmint_verifier_new`; the API key is copied. Thread-safe.
///
/// Results:
/// - `JWTMINT_OK`;
/// - `JWTMINT_NULL_POINTER`: `key` or `out` is NULL, or `api_key` is NULL with
///   `api_key_len > 0`;
/// - `JWTMINT_INVALID_UTF8`: the API key is not UTF-8;
/// - `JWTMINT_INVALID_ARGUMENT`: `api_key_len` exceeds `PTRDIFF_MAX`;
/// - `JWTMINT_PANIC`.
///
/// # Safety
/// `key` is NULL or a live key; `api_key` is NULL or valid for reads of `api_key_len` bytes;
/// `out` is NULL or valid for a write of one pointer.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_verifier_new_zoom_api(
    key: *const jwtmint_key, api_key: *const u8, api_key_len: usize,
    out: *mut *mut jwtmint_verifier,
) -> jwtmint_result {
    // SAFETY: this function's contract is what `handle::new`, `ptr::handle` and `ptr::text`
    // require.
    unsafe {
        handle::new(out, || {
            let (key, api_key) = (ptr::handle(key)?, ptr::text(api_key, api_key_len)?);
            let verifier = Verifier::zoom_api(key.key.clone(), api_key);
            Ok(jwtmint_verifier { verifier })
        })
    }
}

/// Releases a verifier. NULL is a no-op.
///
/// No other thread may be using the verifier.
///
/// # Safety
/// `verifier` is NULL or a verifier from `jwtmint_verifier_new*` that has not been freed; it
/// must not be used after this call.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_verifier_free(verifier: *mut jwtmint_verifier) {
    // SAFETY: this function's contract is `handle::free`'s.
    unsafe { handle::free(verifier) }
}

/// Sets the allowance for clock differences, in seconds, applied to `exp`, `nbf` and `iat`
/// (default 60).
///
/// Changes the verifier in place (the caller keeps ownership). Not thread-safe: no other thread
/// may use the verifier during the call.
///
/// Results: `JWTMINT_OK`; `JWTMINT_NULL_POINTER` when `verifier` is NULL; `JWTMINT_PANIC`.
///
/// # Safety
/// `verifier` is NULL or a live verifier.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_verifier_set_leeway(
    verifier: *mut jwtmint_verifier, seconds: u64,
) -> jwtmint_result {
    // SAFETY: this function's contract is `configure`'s.
    unsafe { configure(verifier, |v| Ok(v.with_leeway(seconds))) }
}

/// Sets the longest token accepted, in bytes (default 8192). Longer tokens are rejected with
/// `JWTMINT_TOO_LONG` before anything is decoded.
///
/// Changes the verifier in place (the caller keeps ownership). Not thread-safe: no other thread
/// may use the verifier during the call.
///
/// Results: `JWTMINT_OK`; `JWTMINT_NULL_POINTER` when `verifier` is NULL; `JWTMINT_PANIC`.
///
/// # Safety
/// `verifier` is NULL or a live verifier.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_verifier_set_max_len(
    verifier: *mut jwtmint_verifier, max_len: usize,
) -> jwtmint_result {
    // SAFETY: this function's contract is `configure`'s.
    unsafe { configure(verifier, |v| Ok(v.with_max_len(max_len))) }
}

/// Requires `iss` to be present and equal to the given issuer (`issuer_len` bytes of UTF-8,
/// not NUL-terminated; copied).
///
/// Not thread-safe: no other thread may use the verifier during the call. On failure the
/// verifier is unchanged.
///
/// Results:
/// - `JWTMINT_OK`;
/// - `JWTMINT_NULL_POINTER`: `verifier` is NULL, or `issuer` is NULL with `issuer_len > 0`;
/// - `JWTMINT_INVALID_UTF8`: the issuer is not UTF-8;
/// - `JWTMINT_INVALID_ARGUMENT`: `issuer_len` exceeds `PTRDIFF_MAX`;
/// - `JWTMINT_PANIC`.
///
/// # Safety
/// `verifier` is NULL or a live verifier; `issuer` is NULL or valid for reads of `issuer_len`
/// bytes.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_verifier_set_issuer(
    verifier: *mut jwtmint_verifier, issuer: *const u8, issuer_len: usize,
) -> jwtmint_result {
    // SAFETY: this function's contract covers `configure`'s and `ptr::text`'s.
    unsafe {
        configure(verifier, |v| {
            Ok(v.with_issuer(ptr::text(issuer, issuer_len)?))
        })
    }
}

/// Requires `aud` to be present and to name the given audience (`audience_len` bytes of UTF-8,
/// not NUL-terminated; copied). Without an expected audience, a token carrying `aud` is
/// rejected (RFC 7519 section 4.1.3).
///
/// Not thread-safe: no other thread may use the verifier during the call. On failure the
/// verifier is unchanged.
///
/// Results:
/// - `JWTMINT_OK`;
/// - `JWTMINT_NULL_POINTER`: `verifier` is NULL, or `audience` is NULL with `audience_len > 0`;
/// - `JWTMINT_INVALID_UTF8`: the audience is not UTF-8;
/// - `JWTMINT_INVALID_ARGUMENT`: `audience_len` exceeds `PTRDIFF_MAX`;
/// - `JWTMINT_PANIC`.
///
/// # Safety
/// `verifier` is NULL or a live verifier; `audience` is NULL or valid for reads of
/// `audience_len` bytes.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_verifier_set_audience(
    verifier: *mut jwtmint_verifier, audience: *const u8, audience_len: usize,
) -> jwtmint_result {
    // SAFETY: this function's contract covers `configure`'s and `ptr::text`'s.
    unsafe {
        configure(verifier, |v| {
            Ok(v.with_audience(ptr::text(audience, audience_len)?))
        })
    }
}

/// Adds one claim name (`name_len` bytes of UTF-8, not NUL-terminated; copied) to those that
/// must be present, keeping the others (the default `exp` included). A name already required
/// changes nothing. Claims that are present are always checked, required or not.
///
/// Not thread-safe: no other thread may use the verifier during the call. On failure the
/// verifier is unchanged.
///
/// Results:
/// - `JWTMINT_OK`;
/// - `JWTMINT_NULL_POINTER`: `verifier` is NULL, or `name` is NULL with `name_len > 0`;
/// - `JWTMINT_INVALID_UTF8`: the name is not UTF-8;
/// - `JWTMINT_INVALID_ARGUMENT`: the name is empty, or `name_len` exceeds `PTRDIFF_MAX`;
/// - `JWTMINT_PANIC`.
///
/// # Safety
/// `verifier` is NULL or a live verifier; `name` is NULL or valid for reads of `name_len`
/// bytes.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_verifier_require_claim(
    verifier: *mut jwtmint_verifier, name: *const u8, name_len: usize,
) -> jwtmint_result {
    // SAFETY: this function's contract covers `configure`'s and `ptr::text`'s. The core
    // refuses an empty name; the copy is swapped in only when it accepts.
    unsafe {
        configure(verifier, |v| {
            Ok(v.require_claim(ptr::text(name, name_len)?)?)
        })
    }
}

/// Requires no claim at all (not even the default `exp`). Claims that are present are still
/// checked. Add names back with `jwtmint_verifier_require_claim`.
///
/// Not thread-safe: no other thread may use the verifier during the call.
///
/// Results: `JWTMINT_OK`; `JWTMINT_NULL_POINTER` when `verifier` is NULL; `JWTMINT_PANIC`.
///
/// # Safety
/// `verifier` is NULL or a live verifier.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_verifier_clear_required_claims(
    verifier: *mut jwtmint_verifier,
) -> jwtmint_result {
    // SAFETY: this function's contract is `configure`'s.
    unsafe { configure(verifier, |v| Ok(v.without_required_claims())) }
}

/// Verifies a token (`token_len` bytes, not NUL-terminated) at the time `now` (seconds since
/// the Unix epoch; see `jwtmint_now`), without returning its claims.
///
/// Borrows every argument for the call only. Thread-safe: any number of threads may verify with
/// one verifier at once (while no setter runs).
///
/// Results, in the order the checks run (the first failure is returned):
/// - `JWTMINT_OK`: every check passed;
/// - `JWTMINT_NULL_POINTER`: `verifier` is NULL, or `token` is NULL with `token_len > 0`;
/// - `JWTMINT_INVALID_ARGUMENT`: `token_len` exceeds `PTRDIFF_MAX`;
/// - `JWTMINT_TOO_LONG`: longer than the verifier's limit (checked before any decoding);
/// - `JWTMINT_SEGMENT_COUNT`, `JWTMINT_EMPTY_SEGMENT`, `JWTMINT_INVALID_BASE64`: not three
///   non-empty segments of canonical unpadded base64url;
/// - `JWTMINT_INVALID_JSON`, `JWTMINT_NOT_AN_OBJECT`, `JWTMINT_DUPLICATE_MEMBER`: the header is
///   not a JSON object with unique member names;
/// - `JWTMINT_MISSING_ALGORITHM`, `JWTMINT_UNSUPPORTED_ALGORITHM`, `JWTMINT_UNSUPPORTED_TYPE`,
///   `JWTMINT_CRITICAL_HEADER`, `JWTMINT_UNSUPPORTED_HEADER`: the header is not plain HS256;
/// - `JWTMINT_INVALID_SIGNATURE`: the MAC does not match (checked in constant time, before the
///   payload is read);
/// - `JWTMINT_INVALID_BASE64`, `JWTMINT_INVALID_JSON`, `JWTMINT_NOT_AN_OBJECT`,
///   `JWTMINT_DUPLICATE_MEMBER`, `JWTMINT_MALFORMED_CLAIM`: the payload is not a valid claims
///   set;
/// - `JWTMINT_MISSING_CLAIM`, `JWTMINT_ISSUER_MISMATCH`, `JWTMINT_AUDIENCE_MISMATCH`: required
///   claims, issuer, audience;
/// - `JWTMINT_EXPIRED`, `JWTMINT_NOT_YET_VALID`, `JWTMINT_ISSUED_IN_FUTURE`: `exp`, `nbf`, `iat`
///   against `now` and the leeway;
/// - `JWTMINT_PANIC`.
///
/// # Safety
/// `verifier` is NULL or a live verifier; `token` is NULL or valid for reads of `token_len`
/// bytes.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_verifier_check(
    verifier: *const jwtmint_verifier, token: *const u8, token_len: usize, now: i64,
) -> jwtmint_result {
    guard(|| {
        // SAFETY: this function's contract is what `ptr::handle` and `ptr::bytes` require.
        let (verifier, token) = unsafe { (ptr::handle(verifier)?, ptr::bytes(token, token_len)?) };
        verifier.verifier.verify_payload_at(token, now)?;
        Ok(())
    })
}

/// Verifies a token as `jwtmint_verifier_check` does and, once every check has passed, writes
/// its payload JSON, exactly as it was signed, into the caller's buffer `out` of `cap` bytes.
///
/// On success the payload's length (without the NUL) is written to `*out_len`, and a NUL after
/// it when `cap` leaves room. `JWTMINT_BUFFER_TOO_SMALL` is returned only for a token that
/// passed every check, with only `*out_len` written: the length needed (without the NUL);
/// `(NULL, 0)` asks for it. On any other failure nothing is written. The payload is never
/// longer than the token.
///
/// Borrows every argument for the call only; the caller keeps ownership of the buffer.
/// Thread-safe: any number of threads may verify with one verifier at once (while no setter
/// runs).
///
/// Results: those of `jwtmint_verifier_check`, and
/// - `JWTMINT_NULL_POINTER` also when `out_len` is NULL, or `out` is NULL with `cap > 0`;
/// - `JWTMINT_INVALID_ARGUMENT` also when `cap` exceeds `PTRDIFF_MAX`;
/// - `JWTMINT_BUFFER_TOO_SMALL`: the token is valid; `*out_len` holds the length needed.
///
/// # Safety
/// `verifier` is NULL or a live verifier; `token` is NULL or valid for reads of `token_len`
/// bytes; `out` is NULL or valid for writes of `cap` bytes; `out_len` is NULL or valid for a
/// write of one `size_t`; the outputs overlap neither each other nor the token.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_verifier_verify(
    verifier: *const jwtmint_verifier, token: *const u8, token_len: usize, now: i64, out: *mut u8,
    cap: usize, out_len: *mut usize,
) -> jwtmint_result {
    // SAFETY: this function's contract covers `handle::output`'s and `ptr::bytes`'s.
    unsafe {
        handle::output(verifier, (out, cap, out_len), |v, output| {
            output.write(
                &v.verifier
                    .verify_payload_at(ptr::bytes(token, token_len)?, now)?,
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use std::ptr::null_mut;

    use super::*;
    use crate::codes::*;
    use crate::key::{jwtmint_key_free, jwtmint_key_new};
    use crate::mint::jwtmint_mint_json;

    const SECRET: &[u8] = b"0123456789abcdef0123456789abcdef";
    const NOW: i64 = 1_700_000_000;

    /// The required-claims setters through the C ABI, against tokens that carry `iss` and, for
    /// the second, `exp`.
    #[test]
    fn required_claims_are_added_one_by_one_or_cleared() {
        let mut key = null_mut();
        let mut v = null_mut();
        let mut tokens = [[0_u8; 256]; 2];
        let mut lens = [0_usize; 2];
        let payloads = [
            r#"{"iss":"a"}"#.to_owned(),
            format!(r#"{{"iss":"a","exp":{}}}"#, NOW + 100),
        ];
        // SAFETY: every pointer is to a live local or slice with its own length; the handles
        // are used only while live and freed once.
        unsafe {
            assert_eq!(jwtmint_key_new(SECRET.as_ptr(), SECRET.len(), &mut key), 0);
            for ((payload, token), len) in payloads.iter().zip(&mut tokens).zip(&mut lens) {
                let rc = jwtmint_mint_json(
                    key,
                    payload.as_ptr(),
                    payload.len(),
                    token.as_mut_ptr(),
                    token.len(),
                    len,
                );
                assert_eq!(rc, JWTMINT_OK);
            }
            assert_eq!(jwtmint_verifier_new(key, &mut v), JWTMINT_OK);
            jwtmint_key_free(key);
            let check = |i: usize| jwtmint_verifier_check(v, tokens[i].as_ptr(), lens[i], NOW);
            let require =
                |name: &[u8]| jwtmint_verifier_require_claim(v, name.as_ptr(), name.len());

            // `exp` is required by default, and adding a name keeps it.
            assert_eq!(check(0), JWTMINT_MISSING_CLAIM);
            assert_eq!(require(b"iss"), JWTMINT_OK);
            assert_eq!(require(b"iss"), JWTMINT_OK);
            assert_eq!(check(0), JWTMINT_MISSING_CLAIM);
            assert_eq!(check(1), JWTMINT_OK);
            assert_eq!(jwtmint_verifier_clear_required_claims(v), JWTMINT_OK);
            assert_eq!(check(0), JWTMINT_OK);
            assert_eq!(require(b"jti"), JWTMINT_OK);
            assert_eq!(check(1), JWTMINT_MISSING_CLAIM);

            // Refused names leave the verifier as it was.
            assert_eq!(require(b""), JWTMINT_INVALID_ARGUMENT);
            assert_eq!(
                jwtmint_verifier_require_claim(v, std::ptr::null(), 0),
                JWTMINT_INVALID_ARGUMENT
            );
            assert_eq!(require(b"\xff"), JWTMINT_INVALID_UTF8);
            assert_eq!(
                jwtmint_verifier_require_claim(v, std::ptr::null(), 3),
                JWTMINT_NULL_POINTER
            );
            assert_eq!(check(1), JWTMINT_MISSING_CLAIM);
            assert_eq!(
                jwtmint_verifier_require_claim(null_mut(), b"x".as_ptr(), 1),
                JWTMINT_NULL_POINTER
            );
            assert_eq!(
                jwtmint_verifier_clear_required_claims(null_mut()),
                JWTMINT_NULL_POINTER
            );
            jwtmint_verifier_free(v);
        }
    }
}
