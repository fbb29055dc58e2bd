//! Meeting SDK tokens: minting, and the verifier handle.

use jwtmint_core::zoom::{MeetingSdkTokenBuilder, MeetingSdkVerifier};
use jwtmint_core::Error;

use crate::boundary::Fail;
use crate::codes::jwtmint_result;
use crate::handle::{self, configurable, configure};
use crate::key::jwtmint_key;
use crate::{ptr, sdk_verify};

/// The value of `jwtmint_meetingsdk_mint`'s `role` or `video_webrtc_mode` that leaves the
/// claim out of the token.
pub const JWTMINT_MEETINGSDK_UNSET: i32 = -1;
/// The lifetime (`exp - iat`, seconds) of Zoom's sample: two hours.
pub const JWTMINT_MEETINGSDK_DEFAULT_TTL: u64 = 7200;
/// The shortest lifetime Zoom accepts for a Meeting SDK token: 30 minutes.
pub const JWTMINT_MEETINGSDK_MIN_TTL: u64 = 1800;
/// The longest lifetime Zoom accepts for a Meeting SDK token: 48 hours.
pub const JWTMINT_MEETINGSDK_MAX_TTL: u64 = 172_800;

/// An integer argument that is unset, 0 or 1.
fn three_valued(claim: &'static str, value: i32) -> Result<Option<bool>, Fail> {
    match value {
        JWTMINT_MEETINGSDK_UNSET => Ok(None),
        0 => Ok(Some(false)),
        1 => Ok(Some(true)),
        _ => Err(Error::InvalidMeetingSdkClaim {
            claim,
            expected: "JWTMINT_MEETINGSDK_UNSET (-1), 0 or 1",
        }
        .into()),
    }
}

/// Mints a Meeting SDK token for the time `now` (seconds since the Unix epoch; see
/// `jwtmint_now`), signed with `key` (the Meeting SDK secret), into the caller's buffer `out`
/// of `cap` bytes.
///
/// The payload is, in the member order of Zoom's meetingsdk-auth-endpoint-sample,
/// `{"appKey":SDK_KEY,"sdkKey":SDK_KEY,"mn":"…","role":…,"iat":…,"exp":…,"tokenExp":…,
/// "video_webrtc_mode":…}`: `iat` is `now - skew`, `exp` and `tokenExp` are `iat + ttl`.
/// `mn` (`mn_len` bytes of ASCII digits; NULL leaves it out) and `role` (0 participant, 1
/// host, `JWTMINT_MEETINGSDK_UNSET` to leave it out) come together or not at all: without
/// them the token is for the native SDKs. `video_webrtc_mode` is 0, 1 or
/// `JWTMINT_MEETINGSDK_UNSET`. `ttl` is from 1800 to 172800 (Zoom's sample uses
/// `JWTMINT_MEETINGSDK_DEFAULT_TTL`); `skew` shorter than `ttl` (0 reproduces the sample,
/// `JWTMINT_DEFAULT_SKEW` follows the example of Zoom's documentation). Every rule is checked
/// before anything is signed.
///
/// Output as in `jwtmint_api_minter_mint` (`(NULL, 0)` asks for the length; nothing but
/// `*out_len` is written when the buffer is too small, nothing at all on other failures).
/// Borrows every argument for the call only. Thread-safe.
///
/// Results, the first failure in this order:
/// - `JWTMINT_OK`;
/// - `JWTMINT_NULL_POINTER`: `key` or `out_len` is NULL, `out` is NULL with `cap > 0`, or
///   `sdk_key` is NULL with a non-zero length;
/// - `JWTMINT_INVALID_ARGUMENT`: a length exceeds `PTRDIFF_MAX`, or `skew` is not shorter
///   than `ttl`;
/// - `JWTMINT_INVALID_UTF8`: `sdk_key` or `mn` is not UTF-8;
/// - `JWTMINT_INVALID_MEETING_SDK_CLAIM`: `role` or `video_webrtc_mode` is not -1, 0 or 1, the
///   SDK key is empty, `mn` is not 1 to 20 digits, or only one of `mn` and `role` is given;
/// - `JWTMINT_MEETING_SDK_LIFETIME_OUT_OF_RANGE`: `ttl` is not from 1800 to 172800;
/// - `JWTMINT_TIME_OVERFLOW`: `now - skew` or `iat + ttl` overflows;
/// - `JWTMINT_BUFFER_TOO_SMALL`: `*out_len` holds the length needed;
/// - `JWTMINT_PANIC`.
///
/// # Safety
/// `key` is NULL or a live key; `sdk_key` and `mn` are NULL or valid for reads of their
/// lengths; `out` is NULL or valid for writes of `cap` bytes; `out_len` is NULL or valid for a
/// write of one `size_t`; the outputs overlap neither each other nor the inputs.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn jwtmint_meetingsdk_mint(
    key: *const jwtmint_key, sdk_key: *const u8, sdk_key_len: usize, mn: *const u8, mn_len: usize,
    role: i32, video_webrtc_mode: i32, ttl: u64, skew: u64, now: i64, out: *mut u8, cap: usize,
    out_len: *mut usize,
) -> jwtmint_result {
    // SAFETY: this function's contract covers `handle::output`'s, `ptr::text`'s and
    // `ptr::optional_text`'s.
    unsafe {
        handle::output(key, (out, cap, out_len), |key, output| {
            let (sdk_key, mn) = (
                ptr::text(sdk_key, sdk_key_len)?,
                ptr::optional_text(mn, mn_len)?,
            );
            let mut b = MeetingSdkTokenBuilder::new(sdk_key).ttl(ttl).skew(skew);
            if let Some(mn) = mn {
                b = b.mn(mn);
            }
            // Any other number is the core's to refuse.
            if role != JWTMINT_MEETINGSDK_UNSET {
                b = b.role_value(role.into());
            }
            if let Some(on) = three_valued("video_webrtc_mode", video_webrtc_mode)? {
                b = b.video_webrtc_mode(on);
            }
            output.write(b.mint_at(&key.key, now)?.as_bytes())
        })
    }
}

/// Verifies Meeting SDK tokens under one key (the Meeting SDK secret), of any SDK key or of
/// one.
///
/// Made by `jwtmint_meetingsdk_verifier_new`, configured with the
/// `jwtmint_meetingsdk_verifier_set_*` functions, released by
/// `jwtmint_meetingsdk_verifier_free`.
///
/// Thread-safety: configure first, then share. `jwtmint_meetingsdk_verifier_verify` takes a
/// `const` verifier and may run on any number of threads at once; the setters change the
/// verifier and must not run while any other thread uses it.
pub struct jwtmint_meetingsdk_verifier {
    verifier: MeetingSdkVerifier,
}

configurable!(jwtmint_meetingsdk_verifier, verifier: MeetingSdkVerifier);

/// Makes a verifier of Meeting SDK tokens: leeway 60 s, length limit 8192 bytes, `iat`, `exp`
/// and `tokenExp` required. `sdk_key` (`sdk_key_len` bytes of UTF-8, copied) is the SDK key
/// the tokens must name (`sdkKey`, else `appKey`); NULL accepts any.
///
/// The verifier keeps its own reference to the key: the key may be freed right after this
/// call. On success `*out` receives a new verifier that the caller owns and must release with
/// `jwtmint_meetingsdk_verifier_free`. Thread-safe.
///
/// Results:
/// - `JWTMINT_OK`;
/// - `JWTMINT_NULL_POINTER`: `key` or `out` is NULL;
/// - `JWTMINT_INVALID_UTF8`: the SDK key is not UTF-8;
/// - `JWTMINT_INVALID_ARGUMENT`: `sdk_key_len` exceeds `PTRDIFF_MAX`;
/// - `JWTMINT_PANIC`.
///
/// # Safety
/// `key` is NULL or a live key; `sdk_key` is NULL or valid for reads of `sdk_key_len` bytes;
/// `out` is NULL or valid for a write of one pointer.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_meetingsdk_verifier_new(
    key: *const jwtmint_key, sdk_key: *const u8, sdk_key_len: usize,
    out: *mut *mut jwtmint_meetingsdk_verifier,
) -> jwtmint_result {
    // SAFETY: this function's contract is what `handle::new`, `ptr::handle` and
    // `ptr::optional_text` require.
    unsafe {
        handle::new(out, || {
            let (key, sdk_key) = (ptr::handle(key)?, ptr::optional_text(sdk_key, sdk_key_len)?);
            let mut verifier = MeetingSdkVerifier::new(key.key.clone());
            if let Some(sdk_key) = sdk_key {
                verifier = verifier.expecting_sdk_key(sdk_key);
            }
            Ok(jwtmint_meetingsdk_verifier { verifier })
        })
    }
}

/// Releases a Meeting SDK verifier (NULL: nothing), as `jwtmint_videosdk_verifier_free` does a
/// Video SDK one.
///
/// # Safety
/// As `jwtmint_videosdk_verifier_free`, for a verifier from `jwtmint_meetingsdk_verifier_new`.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_meetingsdk_verifier_free(
    verifier: *mut jwtmint_meetingsdk_verifier,
) {
    // SAFETY: this function's contract is `handle::free`'s.
    unsafe { handle::free(verifier) }
}

/// As `jwtmint_videosdk_verifier_set_leeway`, for a Meeting SDK verifier: the leeway applies
/// to `tokenExp` too.
///
/// # Safety
/// `verifier` is NULL or a live Meeting SDK verifier.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_meetingsdk_verifier_set_leeway(
    verifier: *mut jwtmint_meetingsdk_verifier, seconds: u64,
) -> jwtmint_result {
    // SAFETY: this function's contract is `configure`'s.
    unsafe { configure(verifier, |v| Ok(v.with_leeway(seconds))) }
}

/// As `jwtmint_videosdk_verifier_set_max_len`, for a Meeting SDK verifier.
///
/// # Safety
/// `verifier` is NULL or a live Meeting SDK verifier.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_meetingsdk_verifier_set_max_len(
    verifier: *mut jwtmint_meetingsdk_verifier, max_len: usize,
) -> jwtmint_result {
    // SAFETY: this function's contract is `configure`'s.
    unsafe { configure(verifier, |v| Ok(v.with_max_len(max_len))) }
}

/// Verifies a Meeting SDK token (`token_len` bytes, not NUL-terminated) at the time `now`
/// (seconds since the Unix epoch) and, once every check has passed, writes its claims as
/// compact JSON into the caller's buffer `out` of `cap` bytes.
///
/// The claims JSON is re-serialized from the verified claims: the sample's member order,
/// `mn` as a string of digits (also when the token has it as a number), claims Zoom does not
/// define left out.
///
/// Output, borrowing and threads as for `jwtmint_videosdk_verifier_verify`. Results, the first
/// failure in this order: those of `jwtmint_videosdk_verifier_verify` up to
/// `JWTMINT_CLAIMS_TYPE` (`JWTMINT_MISSING_CLAIM` for a missing `iat`, `exp` or `tokenExp`;
/// `"role":"1"` or `null` is the wrong type); then `JWTMINT_INVALID_MEETING_SDK_CLAIM` or
/// `JWTMINT_MEETING_SDK_LIFETIME_OUT_OF_RANGE` for a claim breaking one of Zoom's documented
/// rules; `JWTMINT_EXPIRED` once `tokenExp` has passed; `JWTMINT_SDK_KEY_MISMATCH` for another
/// SDK key than the verifier's; `JWTMINT_BUFFER_TOO_SMALL` (the token is valid; `*out_len`
/// holds the length needed); `JWTMINT_PANIC`.
///
/// # Safety
/// As `jwtmint_videosdk_verifier_verify`, for a live Meeting SDK verifier.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_meetingsdk_verifier_verify(
    verifier: *const jwtmint_meetingsdk_verifier, token: *const u8, token_len: usize, now: i64,
    out: *mut u8, cap: usize, out_len: *mut usize,
) -> jwtmint_result {
    // SAFETY: this function's contract covers `handle::output`'s and `write_claims`'s.
    unsafe {
        handle::output(
            verifier,
            (out, cap, out_len),
            sdk_verify::write_claims(
                (token, token_len, now),
                |v: &jwtmint_meetingsdk_verifier, t, now| {
                    sdk_verify::json(serde_json::to_vec(&v.verifier.verify_at(t, now)?))
                },
            ),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::*;

    #[test]
    fn constants_are_the_cores() {
        use jwtmint_core::zoom;
        assert_eq!(
            JWTMINT_MEETINGSDK_DEFAULT_TTL,
            zoom::MEETING_SDK_DEFAULT_TTL
        );
        assert_eq!(JWTMINT_MEETINGSDK_MIN_TTL, zoom::MEETING_SDK_MIN_TTL);
        assert_eq!(JWTMINT_MEETINGSDK_MAX_TTL, zoom::MEETING_SDK_MAX_TTL);
    }

    #[test]
    fn integers_are_three_valued() {
        assert_eq!(three_valued("x", -1), Ok(None));
        assert_eq!(three_valued("x", 0), Ok(Some(false)));
        assert_eq!(three_valued("x", 1), Ok(Some(true)));
        for bad in [2, -2, i32::MIN, i32::MAX] {
            assert_eq!(
                three_valued("x", bad),
                Err(Fail(JWTMINT_INVALID_MEETING_SDK_CLAIM))
            );
        }
    }
}
