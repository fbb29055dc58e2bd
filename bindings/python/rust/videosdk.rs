//! Zoom Video SDK session tokens: minting by Zoom's rules (the core's builder), verifying them.

use jwtmint::zoom::{
    tpc_notes, Role, TpcNote, VideoSdkTokenBuilder, VideoSdkVerifier, DEFAULT_SKEW,
    VIDEO_SDK_DEFAULT_TTL,
};
use jwtmint::{DEFAULT_LEEWAY, DEFAULT_MAX_LEN};
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::convert::{now_or_clock, optional_text, repr_text, text, Int};
use crate::errors::Raise;
use crate::key::require_key;
use crate::slot::Slot;
use crate::verifier::{base, verifier_class};
use crate::zoom_args::{flag, geo_regions, role, RoleArg};

/// A Video SDK session token, byte-identical to the one Zoom's auth endpoint sample makes for
/// the same inputs: ``{"app_key","role_type","tpc","version":1,"iat","exp"}`` followed by the
/// optional claims that are given (``None`` leaves a claim out).
///
/// Args:
///     key: the :class:`Key` made from the Video SDK secret.
///     app_key: the Video SDK key.
///     tpc: the session name, 1 to 200 UTF-16 code units.
///     role: ``"participant"`` (0) or ``"host"`` (1).
///     user_identity: at most 35 UTF-16 code units.
///     user_key: at most 36 UTF-16 code units: the name Zoom documents today for the user's
///         identifier ("previously named user_identity"); written right after it.
///     session_key: at most 36 UTF-16 code units.
///     geo_regions: Zoom region codes (``["US", "DE"]`` or ``"US,DE"``): AU BR CA CN DE HK IN
///         JP MX NL SG US, none twice.
///     cloud_recording_option: True for one cloud recording per participant.
///     cloud_recording_election: True if this user may be elected to cloud-record.
///     telemetry_tracking_id: any text.
///     video_webrtc_mode, audio_webrtc_mode: True if video/audio use WebRTC.
///     ttl: lifetime ``exp - iat`` in seconds, 1800 to 172800 (default 7200).
///     skew: seconds ``iat`` is backdated by (default 30), less than ``ttl``.
///     now: seconds since the Unix epoch (default: the system clock).
///
/// Every rule is the library's: it raises :class:`~jwtmint.ZoomError` (600-619) for a field
/// Zoom refuses, :class:`~jwtmint.InvalidArgument` for ``skew >= ttl``.
///
/// >>> import jwtmint
/// >>> key = jwtmint.Key("my-video-sdk-secret-of-32-bytes-or-more")
/// >>> token = jwtmint.mint_videosdk_token(key, "sdk-key", "session-1", "host", now=1700000000)
/// >>> jwtmint.VideoSdkVerifier(key, "sdk-key").verify(token, now=1700000000)["role_type"]
/// 1
#[pyfunction]
#[pyo3(signature = (
    key, app_key, tpc, role, *, user_identity = None, user_key = None, session_key = None,
    geo_regions = None, cloud_recording_option = None, cloud_recording_election = None,
    telemetry_tracking_id = None, video_webrtc_mode = None, audio_webrtc_mode = None,
    ttl = Int::Fits(VIDEO_SDK_DEFAULT_TTL), skew = Int::Fits(DEFAULT_SKEW), now = None
))]
#[allow(clippy::too_many_arguments)]
pub fn mint_videosdk_token<'py>(
    key: &Bound<'py, PyAny>,
    app_key: &Bound<'py, PyAny>,
    tpc: &Bound<'py, PyAny>,
    role: &Bound<'py, PyAny>,
    user_identity: Option<&Bound<'py, PyAny>>,
    user_key: Option<&Bound<'py, PyAny>>,
    session_key: Option<&Bound<'py, PyAny>>,
    geo_regions: Option<&Bound<'py, PyAny>>,
    cloud_recording_option: Option<&Bound<'py, PyAny>>,
    cloud_recording_election: Option<&Bound<'py, PyAny>>,
    telemetry_tracking_id: Option<&Bound<'py, PyAny>>,
    video_webrtc_mode: Option<&Bound<'py, PyAny>>,
    audio_webrtc_mode: Option<&Bound<'py, PyAny>>,
    ttl: Int<u64>,
    skew: Int<u64>,
    now: Option<Int<i64>>,
) -> PyResult<Bound<'py, PyString>> {
    let py = key.py();
    let key = require_key(key, "key")?.get().slot.get()?;
    let role = match self::role(role)? {
        RoleArg::Named(role) => role,
        RoleArg::Number(number) => Role::try_from(number).or_raise(py)?,
    };
    let mut builder = VideoSdkTokenBuilder::new(
        text(app_key, "app_key")?.into_owned(),
        text(tpc, "tpc")?.into_owned(),
        role,
    )
    .ttl(ttl.seconds(py, "ttl")?)
    .skew(skew.seconds(py, "skew")?);
    if let Some(id) = optional_text(user_identity, "user_identity")? {
        builder = builder.user_identity(id);
    }
    if let Some(id) = optional_text(user_key, "user_key")? {
        builder = builder.user_key(id);
    }
    if let Some(id) = optional_text(session_key, "session_key")? {
        builder = builder.session_key(id);
    }
    if let Some(regions) = geo_regions {
        builder = builder.geo_regions(self::geo_regions(regions)?);
    }
    if let Some(on) = flag(cloud_recording_option, "cloud_recording_option")? {
        builder = builder.cloud_recording_option(on);
    }
    if let Some(on) = flag(cloud_recording_election, "cloud_recording_election")? {
        builder = builder.cloud_recording_election(on);
    }
    if let Some(id) = optional_text(telemetry_tracking_id, "telemetry_tracking_id")? {
        builder = builder.telemetry_tracking_id(id);
    }
    if let Some(on) = flag(video_webrtc_mode, "video_webrtc_mode")? {
        builder = builder.video_webrtc_mode(on);
    }
    if let Some(on) = flag(audio_webrtc_mode, "audio_webrtc_mode")? {
        builder = builder.audio_webrtc_mode(on);
    }
    let now = now_or_clock(py, now)?;
    let token = builder.mint_at(&key, now).or_raise(py)?;
    Ok(PyString::new(py, &token))
}

/// What Zoom documents about the session name ``tpc`` that minting does not refuse, as a bit
/// mask of :data:`TPC_UNDOCUMENTED_CHARACTER` (a character outside ASCII letters and digits,
/// space and ``!#$%&()+-:;<=.>?@[]^_{}|~,\``) and :data:`TPC_NOT_LOWER_CASE` (Zoom
/// lower-cases session names); 0 when nothing applies. For a warning: the token is minted
/// either way.
///
/// >>> import jwtmint
/// >>> jwtmint.videosdk_tpc_notes("Team standup") == jwtmint.TPC_NOT_LOWER_CASE
/// True
#[pyfunction]
pub fn videosdk_tpc_notes(tpc: &Bound<'_, PyAny>) -> PyResult<u32> {
    let tpc = text(tpc, "tpc")?;
    Ok(tpc_notes(&tpc)
        .into_iter()
        .map(TpcNote::bit)
        .fold(0, |mask, bit| mask | bit))
}

/// Verifies Video SDK session tokens of one SDK key: the token checks of :class:`Verifier`,
/// ``app_key``, ``tpc``, ``role_type``, ``version``, ``iat`` and ``exp`` required, ``app_key``
/// equal to the SDK key, and every claim by the rules Zoom's minting follows. Immutable once
/// made; any number of threads may share one.
///
/// Args:
///     key: the :class:`Key` made from the Video SDK secret.
///     app_key: the Video SDK key tokens must carry.
///     leeway: allowance for clock differences, in seconds (default 60).
///     max_len: the longest token accepted, in bytes (default 8192).
#[pyclass(module = "jwtmint", name = "VideoSdkVerifier", frozen, weakref)]
pub struct PyVideoSdkVerifier {
    slot: Slot<VideoSdkVerifier>,
    app_key: String,
}

verifier_class!(PyVideoSdkVerifier, "VideoSdkVerifier", {
    /// Verifies a Video SDK token at the time ``now`` (default: the system clock) and returns
    /// its claims in Zoom's member order, flags as 0 or 1, claims Zoom does not define left
    /// out.
    ///
    /// Raises :class:`~jwtmint.InvalidToken` (2xx-5xx) or :class:`~jwtmint.ZoomError` (6xx:
    /// ``app_key`` mismatch, a claim Zoom would refuse).
    fn verify();

    #[new]
    #[pyo3(signature = (key, app_key, *, leeway = Int::Fits(DEFAULT_LEEWAY), max_len = Int::Fits(DEFAULT_MAX_LEN)))]
    fn new(
        key: &Bound<'_, PyAny>,
        app_key: &Bound<'_, PyAny>,
        leeway: Int<u64>,
        max_len: Int<usize>,
    ) -> PyResult<Self> {
        let (key, leeway, max_len) = base(key, leeway, max_len)?;
        let app_key = text(app_key, "app_key")?.into_owned();
        let verifier = VideoSdkVerifier::new(key, &app_key)
            .with_leeway(leeway)
            .with_max_len(max_len);
        Ok(PyVideoSdkVerifier {
            slot: Slot::new(verifier, "VideoSdkVerifier"),
            app_key,
        })
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        self.slot
            .repr(&format!("app_key={}", repr_text(py, &self.app_key)))
    }
});
