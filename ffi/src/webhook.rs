//! The webhook handle: checking Zoom webhook requests and answering the URL validation
//! challenge, for one app's secret token.

use jwtmint_core::zoom::WebhookVerifier;

use crate::boundary::guard;
use crate::codes::jwtmint_result;
use crate::handle::{self, configurable, configure};
use crate::ptr;

/// How far, in seconds, a request's timestamp may be from `now` (either way) unless
/// `jwtmint_webhook_set_tolerance` says otherwise: five minutes.
pub const JWTMINT_DEFAULT_WEBHOOK_TOLERANCE: u64 = 300;

/// The length of an `x-zm-signature` value, without a NUL: `v0=` and 64 hex digits. A buffer of
/// `JWTMINT_WEBHOOK_SIGNATURE_LEN + 1` bytes always holds `jwtmint_webhook_sign`'s output and
/// its NUL.
pub const JWTMINT_WEBHOOK_SIGNATURE_LEN: usize = 67;

/// Checks Zoom webhook requests for one app's webhook secret token: the `x-zm-signature`
/// header (`v0=` and the lower-case hex HMAC-SHA256 of `v0:<timestamp>:<body>`) and the
/// `x-zm-request-timestamp` header.
///
/// Made by `jwtmint_webhook_new`, configured with `jwtmint_webhook_set_tolerance`, released by
/// `jwtmint_webhook_free` (which wipes the key material).
///
/// Thread-safety: configure first, then share. `jwtmint_webhook_verify`,
/// `jwtmint_webhook_url_validation` and `jwtmint_webhook_sign` take a `const` handle and may run
/// on any number of threads at once; `jwtmint_webhook_set_tolerance` must not run while any
/// other thread uses the handle.
pub struct jwtmint_webhook {
    verifier: WebhookVerifier,
}

configurable!(jwtmint_webhook, verifier: WebhookVerifier);

/// A request's `x-zm-request-timestamp` value, raw body and `x-zm-signature` value, as
/// `jwtmint_webhook_verify` and `jwtmint_webhook_url_validation` take them.
struct Request<'a> {
    timestamp: &'a [u8],
    body: &'a [u8],
    signature: &'a [u8],
}

impl Request<'_> {
    /// Borrows the caller's three `(pointer, length)` pairs.
    ///
    /// # Safety
    /// Each pair is as [`ptr::bytes`] requires.
    unsafe fn new(
        (timestamp, timestamp_len): (*const u8, usize), (body, body_len): (*const u8, usize),
        (signature, signature_len): (*const u8, usize),
    ) -> Result<Self, crate::boundary::Fail> {
        // SAFETY: this function's contract is `ptr::bytes`'s, for each pair.
        unsafe {
            Ok(Request {
                timestamp: ptr::bytes(timestamp, timestamp_len)?,
                body: ptr::bytes(body, body_len)?,
                signature: ptr::bytes(signature, signature_len)?,
            })
        }
    }
}

/// Makes a webhook verifier from the app's webhook secret token (`secret_len` bytes, as Zoom
/// shows it; any length but 0: Zoom chooses it, not you), with the tolerance
/// `JWTMINT_DEFAULT_WEBHOOK_TOLERANCE` (300 s).
///
/// The secret is not kept: the caller may wipe it right away. On success `*out` receives a new
/// handle that the caller owns and must release with `jwtmint_webhook_free`.
///
/// Thread-safe.
///
/// Results:
/// - `JWTMINT_OK`;
/// - `JWTMINT_NULL_POINTER`: `out` is NULL, or `secret` is NULL with `secret_len > 0`;
/// - `JWTMINT_EMPTY_SECRET`: `secret_len` is 0;
/// - `JWTMINT_INVALID_ARGUMENT`: `secret_len` exceeds `PTRDIFF_MAX`;
/// - `JWTMINT_PANIC`.
///
/// # Safety
/// `secret` is NULL or valid for reads of `secret_len` bytes; `out` is NULL or valid for a
/// write of one pointer.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_webhook_new(
    secret: *const u8, secret_len: usize, out: *mut *mut jwtmint_webhook,
) -> jwtmint_result {
    // SAFETY: this function's contract is what `handle::new` and `ptr::bytes` require.
    unsafe {
        handle::new(out, || {
            let verifier = WebhookVerifier::new(ptr::bytes(secret, secret_len)?)?;
            Ok(jwtmint_webhook { verifier })
        })
    }
}

/// Releases a webhook verifier and wipes its key material. NULL is a no-op.
///
/// No other thread may be using the handle.
///
/// # Safety
/// `webhook` is NULL or a handle from `jwtmint_webhook_new` that has not been freed; it must
/// not be used after this call.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_webhook_free(webhook: *mut jwtmint_webhook) {
    // SAFETY: this function's contract is `handle::free`'s.
    unsafe { handle::free(webhook) }
}

/// Sets how far, in seconds, a request's timestamp may be from `now`, either way (default
/// `JWTMINT_DEFAULT_WEBHOOK_TOLERANCE`, 300). Replayed requests are accepted within this
/// window: keep it short.
///
/// Changes the handle in place. Not thread-safe: no other thread may use the handle during the
/// call.
///
/// Results: `JWTMINT_OK`; `JWTMINT_NULL_POINTER` when `webhook` is NULL; `JWTMINT_PANIC`.
///
/// # Safety
/// `webhook` is NULL or a live webhook verifier.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_webhook_set_tolerance(
    webhook: *mut jwtmint_webhook, seconds: u64,
) -> jwtmint_result {
    // SAFETY: this function's contract is `configure`'s.
    unsafe { configure(webhook, |w| Ok(w.with_tolerance(seconds))) }
}

/// Checks a webhook request at the time `now` (seconds since the Unix epoch; see
/// `jwtmint_now`): its `x-zm-request-timestamp` header value (`timestamp`), raw body (`body`,
/// exactly as received, not re-encoded) and `x-zm-signature` header value (`signature`), none
/// NUL-terminated. On success, writes the request's timestamp to `*out_timestamp` unless
/// `out_timestamp` is NULL; on failure writes nothing.
///
/// Borrows every argument for the call only. Thread-safe (while no setter runs).
///
/// Results, the first failure in this order:
/// - `JWTMINT_OK`;
/// - `JWTMINT_NULL_POINTER`: `webhook` is NULL, or an input is NULL with a non-zero length;
/// - `JWTMINT_INVALID_ARGUMENT`: a length exceeds `PTRDIFF_MAX`;
/// - `JWTMINT_WEBHOOK_TIMESTAMP_MALFORMED`: the timestamp is not 1 to 20 ASCII digits within
///   64 bits (no sign, no spaces);
/// - `JWTMINT_WEBHOOK_SIGNATURE_PREFIX`: the signature does not start with `v0=`;
/// - `JWTMINT_WEBHOOK_SIGNATURE_LENGTH`: `v0=` is not followed by exactly 64 characters;
/// - `JWTMINT_WEBHOOK_SIGNATURE_ENCODING`: they are not lower-case hex digits;
/// - `JWTMINT_WEBHOOK_SIGNATURE_MISMATCH`: the signature does not match (compared in constant
///   time);
/// - `JWTMINT_WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE`: the timestamp is further from `now` than
///   the tolerance;
/// - `JWTMINT_PANIC`.
///
/// # Safety
/// `webhook` is NULL or a live webhook verifier; each input is NULL or valid for reads of its
/// length; `out_timestamp` is NULL or valid for a write of one `uint64_t`.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_webhook_verify(
    webhook: *const jwtmint_webhook, timestamp: *const u8, timestamp_len: usize, body: *const u8,
    body_len: usize, signature: *const u8, signature_len: usize, now: i64, out_timestamp: *mut u64,
) -> jwtmint_result {
    guard(|| {
        // SAFETY: this function's contract is what `ptr::handle`, `Request::new` and
        // `OptionalOut::new` require.
        let (webhook, r, out_timestamp) = unsafe {
            (
                ptr::handle(webhook)?,
                Request::new(
                    (timestamp, timestamp_len),
                    (body, body_len),
                    (signature, signature_len),
                )?,
                ptr::OptionalOut::new(out_timestamp),
            )
        };
        out_timestamp.set(
            webhook
                .verifier
                .verify_at(r.timestamp, r.body, r.signature, now)?,
        );
        Ok(())
    })
}

/// Answers Zoom's `endpoint.url_validation` challenge at the time `now`: checks the request as
/// `jwtmint_webhook_verify` does, then reads the body strictly (a JSON object with unique member
/// names at every depth, `event` exactly `"endpoint.url_validation"`, `payload.plainToken` a
/// non-empty string), and writes the response body
/// `{"plainToken":"…","encryptedToken":"<hex HMAC-SHA256 of plainToken>"}` into the caller's
/// buffer `out` of `cap` bytes. Send it with status 200 and `Content-Type: application/json`.
///
/// Output as in `jwtmint_verifier_verify`: `JWTMINT_BUFFER_TOO_SMALL` only for a request that
/// passed every check, with only `*out_len` written; `(NULL, 0)` asks for the length; on any
/// other failure nothing is written.
///
/// Borrows every argument for the call only. Thread-safe (while no setter runs).
///
/// Results, the first failure in this order:
/// - those of `jwtmint_webhook_verify`, and `JWTMINT_NULL_POINTER` also when `out_len` is
///   NULL or `out` is NULL with `cap > 0`;
/// - `JWTMINT_WEBHOOK_BODY_MALFORMED`: the body is not a JSON object with unique member
///   names, or `event` or `payload` is missing or of the wrong type;
/// - `JWTMINT_UNEXPECTED_WEBHOOK_EVENT`: `event` is another event;
/// - `JWTMINT_INVALID_PLAIN_TOKEN`: `payload.plainToken` is missing, not a string, or empty;
/// - `JWTMINT_BUFFER_TOO_SMALL`: `*out_len` holds the length needed;
/// - `JWTMINT_PANIC`.
///
/// # Safety
/// `webhook` is NULL or a live webhook verifier; each input is NULL or valid for reads of its
/// length; `out` is NULL or valid for writes of `cap` bytes; `out_len` is NULL or valid for a
/// write of one `size_t`; the outputs overlap neither each other nor the inputs.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_webhook_url_validation(
    webhook: *const jwtmint_webhook, timestamp: *const u8, timestamp_len: usize, body: *const u8,
    body_len: usize, signature: *const u8, signature_len: usize, now: i64, out: *mut u8,
    cap: usize, out_len: *mut usize,
) -> jwtmint_result {
    // SAFETY: this function's contract covers `handle::output`'s and `Request::new`'s.
    unsafe {
        handle::output(webhook, (out, cap, out_len), |w, output| {
            let r = Request::new(
                (timestamp, timestamp_len),
                (body, body_len),
                (signature, signature_len),
            )?;
            let answer = w
                .verifier
                .url_validation_at(r.timestamp, r.body, r.signature, now)?;
            output.write(answer.to_json().as_bytes())
        })
    }
}

/// Writes the `x-zm-signature` value of a request with this `timestamp` (seconds since the
/// epoch, as its `x-zm-request-timestamp` header says it in decimal) and raw `body`, for test
/// harnesses and webhook senders: `v0=` and 64 lower-case hex digits,
/// `JWTMINT_WEBHOOK_SIGNATURE_LEN` bytes, into the caller's buffer `out` of `cap` bytes.
///
/// Output as in `jwtmint_api_minter_mint`. Borrows every argument for the call only.
/// Thread-safe (while no setter runs).
///
/// Results:
/// - `JWTMINT_OK`;
/// - `JWTMINT_NULL_POINTER`: `webhook` or `out_len` is NULL, `body` is NULL with
///   `body_len > 0`, or `out` is NULL with `cap > 0`;
/// - `JWTMINT_INVALID_ARGUMENT`: `body_len` or `cap` exceeds `PTRDIFF_MAX`;
/// - `JWTMINT_BUFFER_TOO_SMALL`: `*out_len` holds the length needed (67);
/// - `JWTMINT_PANIC`.
///
/// # Safety
/// `webhook` is NULL or a live webhook verifier; `body` is NULL or valid for reads of
/// `body_len` bytes; `out` is NULL or valid for writes of `cap` bytes; `out_len` is NULL or
/// valid for a write of one `size_t`; the outputs overlap neither each other nor the body.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_webhook_sign(
    webhook: *const jwtmint_webhook, timestamp: u64, body: *const u8, body_len: usize,
    out: *mut u8, cap: usize, out_len: *mut usize,
) -> jwtmint_result {
    // SAFETY: this function's contract covers `handle::output`'s and `ptr::bytes`'s.
    unsafe {
        handle::output(webhook, (out, cap, out_len), |w, output| {
            output.write(
                w.verifier
                    .sign(timestamp, ptr::bytes(body, body_len)?)
                    .as_bytes(),
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constants_are_the_cores() {
        assert_eq!(
            JWTMINT_DEFAULT_WEBHOOK_TOLERANCE,
            jwtmint_core::zoom::DEFAULT_WEBHOOK_TOLERANCE
        );
        let w = WebhookVerifier::new("s").unwrap();
        for ts in [0, u64::MAX] {
            assert_eq!(w.sign(ts, b"").len(), JWTMINT_WEBHOOK_SIGNATURE_LEN);
        }
    }
}
