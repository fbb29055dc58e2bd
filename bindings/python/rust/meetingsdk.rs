//! Zoom Meeting SDK tokens: minting by Zoom's rules (the core's builder), verifying them.

use jwtmint::zoom::{
    MeetingSdkTokenBuilder, MeetingSdkVerifier, DEFAULT_SKEW, MEETING_SDK_DEFAULT_TTL,
};
use jwtmint::{DEFAULT_LEEWAY, DEFAULT_MAX_LEN};
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::convert::{now_or_clock, optional_text, repr_text, text, Int};
use crate::errors::Raise;
use crate::key::require_key;
use crate::slot::Slot;
use crate::verifier::{base, verifier_class};
use crate::zoom_args::{flag, role, RoleArg};

/// A Meeting SDK token in the member order of Zoom's meetingsdk-auth-endpoint-sample:
/// ``{"appKey","sdkKey","mn","role","iat","exp","tokenExp","video_webrtc_mode"}``, the SDK key
/// written as both keys, absent members left out.
///
/// Args:
///     key: the :class:`Key` made from the Meeting SDK secret.
///     sdk_key: the Meeting SDK key (or client ID).
///     mn: the meeting or webinar number, 1 to 20 digits; given with ``role`` (a web SDK
///         token) or not at all (a native SDK token).
///     role: ``"participant"`` (0) or ``"host"`` (1).
///     video_webrtc_mode: True if video uses WebRTC (Meeting SDK for web).
///     ttl: lifetime ``exp - iat`` (also ``tokenExp - iat``), 1800 to 172800 (default 7200).
///     skew: seconds ``iat`` is backdated by (default 30; 0 is exactly Zoom's sample).
///     now: seconds since the Unix epoch (default: the system clock).
///
/// Every rule is the library's: it raises :class:`~jwtmint.MeetingSdkError` (640-659) for a
/// value Zoom refuses, :class:`~jwtmint.InvalidArgument` for ``skew >= ttl``.
///
/// >>> import jwtmint
/// >>> key = jwtmint.Key("my-meeting-sdk-secret-of-32-bytes-or-more")
/// >>> token = jwtmint.mint_meetingsdk_token(key, "sdk-key", mn="123456789", role="host",
/// ...                                       now=1700000000)
/// >>> jwtmint.MeetingSdkVerifier(key).verify(token, now=1700000000)["mn"]
/// '123456789'
#[pyfunction]
#[pyo3(signature = (
    key, sdk_key, *, mn = None, role = None, video_webrtc_mode = None,
    ttl = Int::Fits(MEETING_SDK_DEFAULT_TTL), skew = Int::Fits(DEFAULT_SKEW), now = None
))]
#[allow(clippy::too_many_arguments)]
pub fn mint_meetingsdk_token<'py>(
    key: &Bound<'py, PyAny>,
    sdk_key: &Bound<'py, PyAny>,
    mn: Option<&Bound<'py, PyAny>>,
    role: Option<&Bound<'py, PyAny>>,
    video_webrtc_mode: Option<&Bound<'py, PyAny>>,
    ttl: Int<u64>,
    skew: Int<u64>,
    now: Option<Int<i64>>,
) -> PyResult<Bound<'py, PyString>> {
    let py = key.py();
    let key = require_key(key, "key")?.get().slot.get()?;
    let mut builder = MeetingSdkTokenBuilder::new(text(sdk_key, "sdk_key")?.into_owned())
        .ttl(ttl.seconds(py, "ttl")?)
        .skew(skew.seconds(py, "skew")?);
    if let Some(number) = optional_text(mn, "mn")? {
        builder = builder.mn(number);
    }
    if let Some(value) = role {
        builder = match self::role(value)? {
            RoleArg::Named(role) => builder.role(role),
            // Any number but 0 and 1 is the core's to refuse.
            RoleArg::Number(number) => builder.role_value(number),
        };
    }
    if let Some(on) = flag(video_webrtc_mode, "video_webrtc_mode")? {
        builder = builder.video_webrtc_mode(on);
    }
    let now = now_or_clock(py, now)?;
    let token = builder.mint_at(&key, now).or_raise(py)?;
    Ok(PyString::new(py, &token))
}

/// Verifies Meeting SDK tokens: the token checks of :class:`Verifier` with ``iat``, ``exp``
/// and ``tokenExp`` required, ``tokenExp`` against the time like ``exp``, and Zoom's
/// documented rules (``appKey`` or ``sdkKey``; ``mn`` and ``role`` optional; ``exp`` and
/// ``tokenExp`` 1800 s to 48 h after ``iat``). Immutable once made; threads may share one.
///
/// Args:
///     key: the :class:`Key` made from the Meeting SDK secret.
///     sdk_key: the SDK key tokens must name (``sdkKey``, else ``appKey``); None for any.
///     leeway: allowance for clock differences, in seconds (default 60).
///     max_len: the longest token accepted, in bytes (default 8192).
#[pyclass(module = "jwtmint", name = "MeetingSdkVerifier", frozen, weakref)]
pub struct PyMeetingSdkVerifier {
    slot: Slot<MeetingSdkVerifier>,
    sdk_key: Option<String>,
}

verifier_class!(PyMeetingSdkVerifier, "MeetingSdkVerifier", {
    /// Verifies a Meeting SDK token at the time ``now`` (default: the system clock) and
    /// returns its claims in the sample's member order, ``mn`` as a string of digits.
    ///
    /// Raises :class:`~jwtmint.InvalidToken` (2xx-5xx) or :class:`~jwtmint.MeetingSdkError`
    /// (640-659).
    fn verify();

    #[new]
    #[pyo3(signature = (key, sdk_key = None, *, leeway = Int::Fits(DEFAULT_LEEWAY), max_len = Int::Fits(DEFAULT_MAX_LEN)))]
    fn new(
        key: &Bound<'_, PyAny>,
        sdk_key: Option<&Bound<'_, PyAny>>,
        leeway: Int<u64>,
        max_len: Int<usize>,
    ) -> PyResult<Self> {
        let (key, leeway, max_len) = base(key, leeway, max_len)?;
        let sdk_key = optional_text(sdk_key, "sdk_key")?.map(|key| key.into_owned());
        let mut verifier = MeetingSdkVerifier::new(key)
            .with_leeway(leeway)
            .with_max_len(max_len);
        if let Some(expected) = &sdk_key {
            verifier = verifier.expecting_sdk_key(expected.clone());
        }
        Ok(PyMeetingSdkVerifier {
            slot: Slot::new(verifier, "MeetingSdkVerifier"),
            sdk_key,
        })
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let sdk_key = match &self.sdk_key {
            Some(key) => repr_text(py, key),
            None => "None".to_string(),
        };
        self.slot.repr(&format!("sdk_key={sdk_key}"))
    }
});
