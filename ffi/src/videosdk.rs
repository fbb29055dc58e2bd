//! Video SDK session tokens: the options struct, minting, and the verifier handle.

use std::mem::size_of;

use jwtmint_core::zoom::{GeoRegion, Role, VideoSdkTokenBuilder, VideoSdkVerifier};
use jwtmint_core::Error;

use crate::boundary::{guard, Fail};
use crate::codes::{jwtmint_result, JWTMINT_NULL_POINTER};
use crate::handle::{self, configurable, configure};
use crate::key::jwtmint_key;
use crate::mint::JWTMINT_DEFAULT_SKEW;
use crate::{ptr, sdk_verify};

/// `role` of a participant (`role_type` 0).
pub const JWTMINT_VIDEOSDK_ROLE_PARTICIPANT: i32 = 0;
/// `role` of a host (`role_type` 1): the first to join is the host, later ones co-hosts.
pub const JWTMINT_VIDEOSDK_ROLE_HOST: i32 = 1;
/// The value of a `jwtmint_videosdk_options` integer field that is not set: an optional flag
/// left out of the token. `jwtmint_videosdk_options_init` sets the role and every flag to it;
/// minting refuses a role that is still unset.
pub const JWTMINT_VIDEOSDK_UNSET: i32 = -1;
/// The lifetime (`exp - iat`, seconds) `jwtmint_videosdk_options_init` sets: two hours.
pub const JWTMINT_VIDEOSDK_DEFAULT_TTL: u64 = 7200;
/// The shortest lifetime Zoom accepts for a Video SDK token: 30 minutes.
pub const JWTMINT_VIDEOSDK_MIN_TTL: u64 = 1800;
/// The longest lifetime Zoom accepts for a Video SDK token: 48 hours.
pub const JWTMINT_VIDEOSDK_MAX_TTL: u64 = 172_800;

/// What a Video SDK session token carries and how long it lives: the input of
/// `jwtmint_videosdk_mint`.
///
/// Start from `jwtmint_videosdk_options_init(&opts, sizeof opts)`, which sets `struct_size` and
/// the defaults, then set the fields you need. Later versions may add fields at the end of the
/// struct; `struct_size` tells the library which version the caller was compiled with. A
/// struct of the first version (without `user_key`) is still accepted, as if `user_key` were
/// NULL.
///
/// Text fields are `(pointer, length)` pairs of UTF-8, not NUL-terminated, read during
/// `jwtmint_videosdk_mint` only. For the required `app_key` and `tpc`, `(NULL, 0)` is empty
/// (and refused). For the optional ones, a NULL pointer (with length 0) leaves the claim out,
/// while a non-NULL pointer with length 0 sets it to the empty text. Zoom's length limits count
/// UTF-16 code units, as JavaScript's `String.length` does (an emoji counts two).
///
/// The integer flags are `JWTMINT_VIDEOSDK_UNSET` (-1: left out of the token), 0 or 1.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct jwtmint_videosdk_options {
    /// `sizeof(jwtmint_videosdk_options)`, set by `jwtmint_videosdk_options_init`.
    pub struct_size: usize,
    /// The Video SDK key (`app_key`). Required, not empty.
    pub app_key: *const u8,
    /// Length of `app_key` in bytes.
    pub app_key_len: usize,
    /// The session name (`tpc`). Required: 1 to 200 UTF-16 code units.
    pub tpc: *const u8,
    /// Length of `tpc` in bytes.
    pub tpc_len: usize,
    /// `user_identity`, your identifier of the user. Optional: at most 35 UTF-16 code units.
    pub user_identity: *const u8,
    /// Length of `user_identity` in bytes.
    pub user_identity_len: usize,
    /// `session_key`, your identifier of the session. Optional: at most 36 UTF-16 code units.
    pub session_key: *const u8,
    /// Length of `session_key` in bytes.
    pub session_key_len: usize,
    /// `geo_regions`, optional: Zoom's region codes joined by commas, no spaces, none repeated
    /// (`"US,DE"`). The codes: AU BR CA CN DE HK IN JP MX NL SG US.
    pub geo_regions: *const u8,
    /// Length of `geo_regions` in bytes.
    pub geo_regions_len: usize,
    /// `telemetry_tracking_id`, optional.
    pub telemetry_tracking_id: *const u8,
    /// Length of `telemetry_tracking_id` in bytes.
    pub telemetry_tracking_id_len: usize,
    /// The lifetime, `exp - iat`, in seconds: from `JWTMINT_VIDEOSDK_MIN_TTL` (1800) to
    /// `JWTMINT_VIDEOSDK_MAX_TTL` (172800). Default `JWTMINT_VIDEOSDK_DEFAULT_TTL` (7200).
    pub ttl: u64,
    /// How many seconds `iat` is backdated before `now`, to absorb clock differences; shorter
    /// than `ttl`. Default `JWTMINT_DEFAULT_SKEW` (30).
    pub skew: u64,
    /// `role_type`: `JWTMINT_VIDEOSDK_ROLE_PARTICIPANT` or `JWTMINT_VIDEOSDK_ROLE_HOST`.
    /// Required: the default, `JWTMINT_VIDEOSDK_UNSET`, is refused.
    pub role: i32,
    /// `cloud_recording_option`: 1 for one cloud recording per participant, 0 for one combined
    /// recording.
    pub cloud_recording_option: i32,
    /// `cloud_recording_election`: 1 if this user may be elected to make the cloud recording.
    pub cloud_recording_election: i32,
    /// `video_webrtc_mode`: 1 if video uses WebRTC (web SDK).
    pub video_webrtc_mode: i32,
    /// `audio_webrtc_mode`: 1 if audio uses WebRTC (web SDK).
    pub audio_webrtc_mode: i32,
    /// `user_key`, your identifier of the user under the name Zoom documents today (previously
    /// `user_identity`). Optional: at most 36 UTF-16 code units. Added in the second version
    /// of the struct.
    pub user_key: *const u8,
    /// Length of `user_key` in bytes.
    pub user_key_len: usize,
}

/// The size of the current version of the options struct.
const OPTIONS_SIZE: usize = size_of::<jwtmint_videosdk_options>();

/// The size of the first version, which ended with `audio_webrtc_mode` (padded to the
/// struct's alignment, which is where `user_key` starts).
const OPTIONS_SIZE_V1: usize = std::mem::offset_of!(jwtmint_videosdk_options, user_key);

fn check_struct_size(size: usize) -> Result<(), Fail> {
    if size == OPTIONS_SIZE || size == OPTIONS_SIZE_V1 {
        Ok(())
    } else {
        Err(Error::InvalidArgument {
            name: "options struct_size",
            reason: "not sizeof(jwtmint_videosdk_options) of this library's header; \
                     initialize the options with jwtmint_videosdk_options_init",
        }
        .into())
    }
}

impl jwtmint_videosdk_options {
    fn defaults() -> Self {
        jwtmint_videosdk_options {
            struct_size: OPTIONS_SIZE,
            app_key: std::ptr::null(),
            app_key_len: 0,
            tpc: std::ptr::null(),
            tpc_len: 0,
            user_identity: std::ptr::null(),
            user_identity_len: 0,
            session_key: std::ptr::null(),
            session_key_len: 0,
            geo_regions: std::ptr::null(),
            geo_regions_len: 0,
            telemetry_tracking_id: std::ptr::null(),
            telemetry_tracking_id_len: 0,
            ttl: JWTMINT_VIDEOSDK_DEFAULT_TTL,
            skew: JWTMINT_DEFAULT_SKEW,
            role: JWTMINT_VIDEOSDK_UNSET,
            cloud_recording_option: JWTMINT_VIDEOSDK_UNSET,
            cloud_recording_election: JWTMINT_VIDEOSDK_UNSET,
            video_webrtc_mode: JWTMINT_VIDEOSDK_UNSET,
            audio_webrtc_mode: JWTMINT_VIDEOSDK_UNSET,
            user_key: std::ptr::null(),
            user_key_len: 0,
        }
    }

    /// The builder these options describe. Reads the text fields; checks their encoding, the
    /// role, the flags and the region list. Everything else is checked by the core when
    /// minting.
    ///
    /// # Safety
    /// Each text field's `(pointer, length)` is `(NULL, 0)` or valid for reads of `length`
    /// bytes, unchanged during the call.
    unsafe fn builder(&self) -> Result<VideoSdkTokenBuilder, Fail> {
        // SAFETY: this function's contract is what `ptr::text` and `ptr::optional_text`
        // require of each pair.
        let (app_key, tpc, user_identity, user_key, session_key, geo_regions, telemetry) = unsafe {
            (
                ptr::text(self.app_key, self.app_key_len)?,
                ptr::text(self.tpc, self.tpc_len)?,
                ptr::optional_text(self.user_identity, self.user_identity_len)?,
                ptr::optional_text(self.user_key, self.user_key_len)?,
                ptr::optional_text(self.session_key, self.session_key_len)?,
                ptr::optional_text(self.geo_regions, self.geo_regions_len)?,
                ptr::optional_text(self.telemetry_tracking_id, self.telemetry_tracking_id_len)?,
            )
        };
        let role = Role::try_from(i64::from(self.role))?;
        let mut b = VideoSdkTokenBuilder::new(app_key, tpc, role)
            .ttl(self.ttl)
            .skew(self.skew);
        if let Some(id) = user_identity {
            b = b.user_identity(id);
        }
        if let Some(key) = user_key {
            b = b.user_key(key);
        }
        if let Some(key) = session_key {
            b = b.session_key(key);
        }
        if let Some(list) = geo_regions {
            b = b.geo_regions(GeoRegion::parse_list(list)?);
        }
        if let Some(id) = telemetry {
            b = b.telemetry_tracking_id(id);
        }
        if let Some(on) = flag("cloud_recording_option", self.cloud_recording_option)? {
            b = b.cloud_recording_option(on);
        }
        if let Some(on) = flag("cloud_recording_election", self.cloud_recording_election)? {
            b = b.cloud_recording_election(on);
        }
        if let Some(on) = flag("video_webrtc_mode", self.video_webrtc_mode)? {
            b = b.video_webrtc_mode(on);
        }
        if let Some(on) = flag("audio_webrtc_mode", self.audio_webrtc_mode)? {
            b = b.audio_webrtc_mode(on);
        }
        Ok(b)
    }
}

/// An optional flag of the options: unset, 0 or 1.
fn flag(claim: &'static str, value: i32) -> Result<Option<bool>, Fail> {
    match value {
        JWTMINT_VIDEOSDK_UNSET => Ok(None),
        0 => Ok(Some(false)),
        1 => Ok(Some(true)),
        _ => Err(Error::InvalidVideoSdkClaim {
            claim,
            expected: "JWTMINT_VIDEOSDK_UNSET (-1), 0 or 1",
        }
        .into()),
    }
}

/// Copies the caller's options once their `struct_size` is known to be a version this library
/// knows; the fields a first-version struct lacks keep their defaults.
///
/// # Safety
/// `options` is NULL or points to a `jwtmint_videosdk_options` whose leading `struct_size` is
/// readable and, when it is a known version's size, that many bytes are readable and unchanged
/// during the call.
unsafe fn read_options(
    options: *const jwtmint_videosdk_options,
) -> Result<jwtmint_videosdk_options, Fail> {
    if options.is_null() {
        return Err(Fail(JWTMINT_NULL_POINTER));
    }
    // SAFETY: `options` is non-NULL and, by this function's contract, its leading `size_t` is
    // readable (every version of the struct begins with it). `addr_of!` reads that field
    // alone, without making a reference to a struct whose size is not known yet.
    let size = unsafe { std::ptr::addr_of!((*options).struct_size).read() };
    check_struct_size(size)?;
    let mut copy = jwtmint_videosdk_options::defaults();
    // SAFETY: by this function's contract the caller's `size` bytes are readable; `size` is at
    // most `OPTIONS_SIZE`, so they fit in `copy`, a distinct local. Every version is a prefix
    // of the current one, field for field, and the fields are integers and raw pointers, which
    // have no invalid values.
    unsafe {
        std::ptr::copy_nonoverlapping(
            options.cast::<u8>(),
            std::ptr::addr_of_mut!(copy).cast::<u8>(),
            size,
        );
    }
    copy.struct_size = OPTIONS_SIZE;
    Ok(copy)
}

/// Sets `*options` to the defaults, for a caller whose struct is `struct_size` bytes (the
/// current version's, or the first version's, of which only those bytes are written): every
/// text NULL (`app_key` and `tpc` must then be set), `ttl` `JWTMINT_VIDEOSDK_DEFAULT_TTL`
/// (7200), `skew` `JWTMINT_DEFAULT_SKEW` (30), `role` and every flag `JWTMINT_VIDEOSDK_UNSET`.
///
/// Pass `sizeof(jwtmint_videosdk_options)`: `jwtmint_videosdk_options_init(&opts, sizeof opts)`.
/// The size tells the library which version of the struct the caller was compiled with.
///
/// Writes only `*options`, on success. Thread-safe.
///
/// Results:
/// - `JWTMINT_OK`;
/// - `JWTMINT_NULL_POINTER`: `options` is NULL;
/// - `JWTMINT_INVALID_ARGUMENT`: `struct_size` is not the size of a version of the struct this
///   library knows (nothing written);
/// - `JWTMINT_PANIC`.
///
/// # Safety
/// `options` is NULL or valid for writes of `struct_size` bytes.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_videosdk_options_init(
    options: *mut jwtmint_videosdk_options, struct_size: usize,
) -> jwtmint_result {
    guard(|| {
        if options.is_null() {
            return Err(Fail(JWTMINT_NULL_POINTER));
        }
        check_struct_size(struct_size)?;
        let mut defaults = jwtmint_videosdk_options::defaults();
        defaults.struct_size = struct_size;
        // SAFETY: `options` is non-NULL and, by the caller's contract, valid for writes of
        // `struct_size` bytes, which was just checked to be a known version's size (at most the
        // local's). Plain bytes are copied: nothing is read or dropped at the destination.
        unsafe {
            std::ptr::copy_nonoverlapping(
                std::ptr::addr_of!(defaults).cast::<u8>(),
                options.cast::<u8>(),
                struct_size,
            );
        }
        Ok(())
    })
}

/// Mints a Video SDK session token for the time `now` (seconds since the Unix epoch; see
/// `jwtmint_now`), signed with `key` (the Video SDK secret), into the caller's buffer `out` of
/// `cap` bytes.
///
/// The payload is `{"app_key":…,"role_type":…,"tpc":…,"version":1,"iat":…,"exp":…}` (`iat` is
/// `now - skew`, `exp` is `iat + ttl`), followed by the optional claims that are set, in the
/// order of Zoom's auth endpoint sample:
/// `user_identity`, `user_key`, `session_key`, `geo_regions`, `cloud_recording_option`,
/// `cloud_recording_election`, `telemetry_tracking_id`, `video_webrtc_mode`,
/// `audio_webrtc_mode`. Every rule is checked before anything is signed.
///
/// Output as in `jwtmint_api_minter_mint` (`(NULL, 0)` asks for the length; nothing but
/// `*out_len` is written when the buffer is too small, nothing at all on other failures).
/// Borrows every argument for the call only. Thread-safe.
///
/// Results, the first failure in this order:
/// - `JWTMINT_OK`;
/// - `JWTMINT_NULL_POINTER`: `key`, `options` or `out_len` is NULL, `out` is NULL with
///   `cap > 0`, or a text field is NULL with a non-zero length;
/// - `JWTMINT_INVALID_ARGUMENT`: `options->struct_size` is not this version's (options not made
///   by `jwtmint_videosdk_options_init`), a length exceeds `PTRDIFF_MAX`, or `skew` is not
///   shorter than `ttl`;
/// - `JWTMINT_INVALID_UTF8`: a text field is not UTF-8;
/// - `JWTMINT_INVALID_VIDEO_SDK_CLAIM`: `role` is not 0 or 1 (unset included), or a flag is not
///   -1, 0 or 1;
/// - `JWTMINT_UNKNOWN_GEO_REGION`, `JWTMINT_DUPLICATE_GEO_REGION`: the region list has an
///   unknown or empty item (`""`, `"US,"`, `"us"`, `"US, DE"`), or names a region twice;
/// - `JWTMINT_LIFETIME_OUT_OF_RANGE`: `ttl` is not from 1800 to 172800;
/// - `JWTMINT_TIME_OVERFLOW`: `now - skew` or `iat + ttl` overflows;
/// - `JWTMINT_EMPTY_FIELD`: `app_key` or `tpc` is empty;
/// - `JWTMINT_FIELD_TOO_LONG`: `tpc`, `user_identity`, `user_key` or `session_key` is too long;
/// - `JWTMINT_BUFFER_TOO_SMALL`: `*out_len` holds the length needed;
/// - `JWTMINT_PANIC`.
///
/// # Safety
/// `key` is NULL or a live key; `options` is NULL or a struct initialized by
/// `jwtmint_videosdk_options_init` whose text fields are `(NULL, 0)` or valid for reads of
/// their length; `out` is NULL or valid for writes of `cap` bytes; `out_len` is NULL or valid
/// for a write of one `size_t`; the outputs overlap neither each other nor the inputs.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_videosdk_mint(
    key: *const jwtmint_key, options: *const jwtmint_videosdk_options, now: i64, out: *mut u8,
    cap: usize, out_len: *mut usize,
) -> jwtmint_result {
    // SAFETY: this function's contract covers `handle::output`'s and `read_options`'s, which
    // covers `builder`'s.
    unsafe {
        handle::output(key, (out, cap, out_len), |key, output| {
            let token = read_options(options)?.builder()?.mint_at(&key.key, now)?;
            output.write(token.as_bytes())
        })
    }
}

/// Verifies Video SDK session tokens of one SDK key (`app_key`) under one key (the Video SDK
/// secret).
///
/// Made by `jwtmint_videosdk_verifier_new`, configured with the
/// `jwtmint_videosdk_verifier_set_*` functions, released by `jwtmint_videosdk_verifier_free`.
///
/// Thread-safety: configure first, then share. `jwtmint_videosdk_verifier_verify` takes a
/// `const` verifier and may run on any number of threads at once; the setters change the
/// verifier and must not run while any other thread uses it.
pub struct jwtmint_videosdk_verifier {
    verifier: VideoSdkVerifier,
}

configurable!(jwtmint_videosdk_verifier, verifier: VideoSdkVerifier);

/// Makes a verifier of Video SDK tokens for the SDK key `app_key` (`app_key_len` bytes of
/// UTF-8, not NUL-terminated; copied): leeway 60 s, length limit 8192 bytes, and `app_key`,
/// `tpc`, `role_type`, `version`, `iat`, `exp` required. An empty `app_key` matches no token.
///
/// The verifier keeps its own reference to the key: the key may be freed right after this
/// call. On success `*out` receives a new verifier that the caller owns and must release with
/// `jwtmint_videosdk_verifier_free`.
///
/// Thread-safe.
///
/// Results:
/// - `JWTMINT_OK`;
/// - `JWTMINT_NULL_POINTER`: `key` or `out` is NULL, or `app_key` is NULL with
///   `app_key_len > 0`;
/// - `JWTMINT_INVALID_UTF8`: the SDK key is not UTF-8;
/// - `JWTMINT_INVALID_ARGUMENT`: `app_key_len` exceeds `PTRDIFF_MAX`;
/// - `JWTMINT_PANIC`.
///
/// # Safety
/// `key` is NULL or a live key; `app_key` is NULL or valid for reads of `app_key_len` bytes;
/// `out` is NULL or valid for a write of one pointer.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_videosdk_verifier_new(
    key: *const jwtmint_key, app_key: *const u8, app_key_len: usize,
    out: *mut *mut jwtmint_videosdk_verifier,
) -> jwtmint_result {
    // SAFETY: this function's contract is what `handle::new`, `ptr::handle` and `ptr::text`
    // require.
    unsafe {
        handle::new(out, || {
            let (key, app_key) = (ptr::handle(key)?, ptr::text(app_key, app_key_len)?);
            let verifier = VideoSdkVerifier::new(key.key.clone(), app_key);
            Ok(jwtmint_videosdk_verifier { verifier })
        })
    }
}

/// Releases a Video SDK verifier. NULL is a no-op.
///
/// No other thread may be using the verifier.
///
/// # Safety
/// `verifier` is NULL or a verifier from `jwtmint_videosdk_verifier_new` that has not been
/// freed; it must not be used after this call.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_videosdk_verifier_free(verifier: *mut jwtmint_videosdk_verifier) {
    // SAFETY: this function's contract is `handle::free`'s.
    unsafe { handle::free(verifier) }
}

/// Sets the allowance for clock differences, in seconds, applied to `exp`, `nbf` and `iat`
/// (default 60).
///
/// Changes the verifier in place. Not thread-safe: no other thread may use the verifier during
/// the call.
///
/// Results: `JWTMINT_OK`; `JWTMINT_NULL_POINTER` when `verifier` is NULL; `JWTMINT_PANIC`.
///
/// # Safety
/// `verifier` is NULL or a live Video SDK verifier.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_videosdk_verifier_set_leeway(
    verifier: *mut jwtmint_videosdk_verifier, seconds: u64,
) -> jwtmint_result {
    // SAFETY: this function's contract is `configure`'s.
    unsafe { configure(verifier, |v| Ok(v.with_leeway(seconds))) }
}

/// Sets the longest token accepted, in bytes (default 8192). Longer tokens are rejected with
/// `JWTMINT_TOO_LONG` before anything is decoded.
///
/// Changes the verifier in place. Not thread-safe: no other thread may use the verifier during
/// the call.
///
/// Results: `JWTMINT_OK`; `JWTMINT_NULL_POINTER` when `verifier` is NULL; `JWTMINT_PANIC`.
///
/// # Safety
/// `verifier` is NULL or a live Video SDK verifier.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_videosdk_verifier_set_max_len(
    verifier: *mut jwtmint_videosdk_verifier, max_len: usize,
) -> jwtmint_result {
    // SAFETY: this function's contract is `configure`'s.
    unsafe { configure(verifier, |v| Ok(v.with_max_len(max_len))) }
}

/// Verifies a Video SDK token (`token_len` bytes, not NUL-terminated) at the time `now`
/// (seconds since the Unix epoch) and, once every check has passed, writes its claims as
/// compact JSON into the caller's buffer `out` of `cap` bytes.
///
/// The claims JSON is re-serialized from the verified claims, not the signed bytes: Zoom's
/// member order (`app_key`, `role_type`, `tpc`, `version`, `iat`, `exp`, then the optional
/// claims that are present), flags as 0 or 1, and claims Zoom does not define left out.
///
/// Output as in `jwtmint_verifier_verify`: `JWTMINT_BUFFER_TOO_SMALL` is returned only for a
/// token that passed every check, with only `*out_len` written; `(NULL, 0)` asks for the
/// length; on any other failure nothing is written.
///
/// Borrows every argument for the call only. Thread-safe: any number of threads may verify
/// with one verifier at once (while no setter runs).
///
/// Results, the first failure in this order:
/// - `JWTMINT_OK`;
/// - `JWTMINT_NULL_POINTER`: `verifier` or `out_len` is NULL, `token` is NULL with
///   `token_len > 0`, or `out` is NULL with `cap > 0`;
/// - `JWTMINT_INVALID_ARGUMENT`: `token_len` or `cap` exceeds `PTRDIFF_MAX`;
/// - every result of `jwtmint_verifier_check` (length, encoding, header, signature, registered
///   claims, `JWTMINT_MISSING_CLAIM` for a missing Video SDK claim, time);
/// - `JWTMINT_CLAIMS_TYPE`: a Video SDK claim has the wrong JSON type (`"role_type":"1"`,
///   `null` for an optional claim);
/// - `JWTMINT_APP_KEY_MISMATCH`: `app_key` is not the verifier's SDK key;
/// - `JWTMINT_INVALID_VIDEO_SDK_CLAIM`, `JWTMINT_UNKNOWN_GEO_REGION`,
///   `JWTMINT_DUPLICATE_GEO_REGION`, `JWTMINT_EMPTY_FIELD`, `JWTMINT_FIELD_TOO_LONG`,
///   `JWTMINT_LIFETIME_OUT_OF_RANGE`: a claim breaks a rule Zoom's minting follows (the rules
///   of `jwtmint_videosdk_mint`);
/// - `JWTMINT_BUFFER_TOO_SMALL`: the token is valid; `*out_len` holds the length needed;
/// - `JWTMINT_PANIC`.
///
/// # Safety
/// `verifier` is NULL or a live Video SDK verifier; `token` is NULL or valid for reads of
/// `token_len` bytes; `out` is NULL or valid for writes of `cap` bytes; `out_len` is NULL or
/// valid for a write of one `size_t`; the outputs overlap neither each other nor the token.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_videosdk_verifier_verify(
    verifier: *const jwtmint_videosdk_verifier, token: *const u8, token_len: usize, now: i64,
    out: *mut u8, cap: usize, out_len: *mut usize,
) -> jwtmint_result {
    // SAFETY: this function's contract covers `handle::output`'s and `write_claims`'s.
    unsafe {
        handle::output(
            verifier,
            (out, cap, out_len),
            sdk_verify::write_claims(
                (token, token_len, now),
                |v: &jwtmint_videosdk_verifier, t, now| {
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
        assert_eq!(JWTMINT_VIDEOSDK_DEFAULT_TTL, zoom::VIDEO_SDK_DEFAULT_TTL);
        assert_eq!(JWTMINT_VIDEOSDK_MIN_TTL, zoom::VIDEO_SDK_MIN_TTL);
        assert_eq!(JWTMINT_VIDEOSDK_MAX_TTL, zoom::VIDEO_SDK_MAX_TTL);
        assert_eq!(
            Role::try_from(i64::from(JWTMINT_VIDEOSDK_ROLE_HOST)),
            Ok(Role::Host)
        );
        assert_eq!(
            Role::try_from(i64::from(JWTMINT_VIDEOSDK_ROLE_PARTICIPANT)),
            Ok(Role::Participant)
        );
    }

    #[test]
    fn init_checks_the_size_and_writes_nothing_on_failure() {
        let mut opts = jwtmint_videosdk_options::defaults();
        opts.ttl = 1;
        for size in [
            0,
            OPTIONS_SIZE_V1 - 1,
            OPTIONS_SIZE - 1,
            OPTIONS_SIZE + 1,
            usize::MAX,
        ] {
            // SAFETY: `opts` is a live local; a wrong size is refused before any write.
            let rc = unsafe { jwtmint_videosdk_options_init(&mut opts, size) };
            assert_eq!(rc, JWTMINT_INVALID_ARGUMENT, "{size}");
            assert_eq!(opts.ttl, 1);
        }
        // SAFETY: a NULL pointer is checked first.
        let rc = unsafe { jwtmint_videosdk_options_init(std::ptr::null_mut(), OPTIONS_SIZE) };
        assert_eq!(rc, JWTMINT_NULL_POINTER);
        // SAFETY: `opts` is a live local of the size passed.
        let rc = unsafe { jwtmint_videosdk_options_init(&mut opts, OPTIONS_SIZE) };
        assert_eq!(rc, JWTMINT_OK);
        assert_eq!(opts.ttl, 7200);
        assert_eq!(opts.struct_size, OPTIONS_SIZE);
    }

    #[test]
    fn a_first_version_struct_is_read_without_user_key() {
        let mut opts = jwtmint_videosdk_options::defaults();
        let marker = b"set past the first version";
        opts.user_key = marker.as_ptr();
        opts.user_key_len = marker.len();
        // SAFETY: `opts` is a live local, larger than the size passed.
        let rc = unsafe { jwtmint_videosdk_options_init(&mut opts, OPTIONS_SIZE_V1) };
        assert_eq!(rc, JWTMINT_OK);
        assert_eq!(opts.struct_size, OPTIONS_SIZE_V1);
        // Only the first version's bytes were written.
        assert_eq!(opts.user_key, marker.as_ptr());
        // SAFETY: `opts` is a live local; its first-version bytes are read.
        let read = unsafe { read_options(&opts) }.unwrap();
        assert!(read.user_key.is_null());
        assert_eq!((read.ttl, read.role), (7200, JWTMINT_VIDEOSDK_UNSET));
    }

    #[test]
    fn flags_are_three_valued() {
        assert_eq!(flag("x", -1), Ok(None));
        assert_eq!(flag("x", 0), Ok(Some(false)));
        assert_eq!(flag("x", 1), Ok(Some(true)));
        for bad in [2, -2, i32::MIN, i32::MAX] {
            assert_eq!(flag("x", bad), Err(Fail(JWTMINT_INVALID_VIDEO_SDK_CLAIM)));
        }
    }
}
