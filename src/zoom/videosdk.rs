//! The Video SDK session JWT: the token a client presents to start or join a session.
//!
//! Zoom documents the claims at <https://developers.zoom.us/docs/video-sdk/auth/>; the rules
//! enforced here are the ones Zoom's own auth endpoint sample (`zoom/videosdk-auth-endpoint-sample`)
//! enforces, and the payload's member order is that sample's, so a token is byte-identical to
//! the one the sample makes for the same inputs.

use std::str::FromStr;

use serde::{Serialize, Serializer};

use super::videosdk_claims::check_lifetime;
pub use super::videosdk_claims::VideoSdkClaims;
use crate::error::{Error, Result};
use crate::time::issue_times;
use crate::zoom::{GeoRegion, DEFAULT_SKEW};

/// The shortest lifetime (`exp - iat`) Zoom accepts for a Video SDK token: 30 minutes.
pub const VIDEO_SDK_MIN_TTL: u64 = 1800;

/// The longest lifetime (`exp - iat`) Zoom accepts for a Video SDK token: 48 hours.
pub const VIDEO_SDK_MAX_TTL: u64 = 172_800;

/// The lifetime [`VideoSdkTokenBuilder`] uses unless told otherwise: two hours, as in Zoom's
/// samples.
pub const VIDEO_SDK_DEFAULT_TTL: u64 = 7200;

/// The longest session name (`tpc`), in UTF-16 code units.
pub const TPC_MAX_LEN: usize = 200;

/// The longest `user_identity`, in UTF-16 code units.
pub const USER_IDENTITY_MAX_LEN: usize = 35;

/// The longest `user_key` (the documented name of what Zoom's sample still calls
/// `user_identity`), in UTF-16 code units.
pub const USER_KEY_MAX_LEN: usize = 36;

/// The longest `session_key`, in UTF-16 code units.
pub const SESSION_KEY_MAX_LEN: usize = 36;

/// The only Video SDK token `version` there is.
pub const VIDEO_SDK_VERSION: u32 = 1;

/// A participant's role in a Video SDK session (`role_type`).
///
/// ```
/// use jwtmint::zoom::Role;
///
/// assert_eq!("host".parse::<Role>()?, Role::Host);
/// assert_eq!("0".parse::<Role>()?, Role::Participant);
/// assert_eq!(Role::Host.value(), 1);
/// assert_eq!(Role::try_from(0)?, Role::Participant);
/// assert!(Role::try_from(2).is_err());
/// # Ok::<(), jwtmint::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// `0`: joins as a participant.
    Participant,
    /// `1`: the first to join is the host, later ones co-hosts.
    Host,
}

impl Role {
    /// The `role_type` value: 0 or 1.
    #[must_use]
    pub fn value(self) -> u8 {
        match self {
            Role::Participant => 0,
            Role::Host => 1,
        }
    }

    /// The role's name: `"participant"` or `"host"`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Participant => "participant",
            Role::Host => "host",
        }
    }
}

const ROLE_EXPECTED: &str = "0 (participant) or 1 (host)";

impl TryFrom<i64> for Role {
    type Error = Error;

    /// 0 or 1.
    ///
    /// # Errors
    /// [`Error::InvalidVideoSdkClaim`] for anything else.
    fn try_from(value: i64) -> Result<Self> {
        match value {
            0 => Ok(Role::Participant),
            1 => Ok(Role::Host),
            _ => Err(Error::InvalidVideoSdkClaim {
                claim: "role_type",
                expected: ROLE_EXPECTED,
            }),
        }
    }
}

impl FromStr for Role {
    type Err = Error;

    /// `host` or `1`, `participant` or `0`.
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "host" | "1" => Ok(Role::Host),
            "participant" | "0" => Ok(Role::Participant),
            _ => Err(Error::InvalidArgument {
                name: "role",
                reason: "expected host, participant, 1 or 0",
            }),
        }
    }
}

impl Serialize for Role {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_u8(self.value())
    }
}

/// Builds and mints Video SDK tokens.
///
/// Setting a value checks nothing; [`claims_at`](Self::claims_at) and the `mint` methods
/// check everything ([`VideoSdkClaims::validate`], the lifetime range, the skew, time
/// overflow) before anything is signed, and fail with the first rule broken.
///
/// Times: `iat = now - skew` (default 30 s, as for the API JWT, so a server whose clock is a
/// little ahead of Zoom's does not issue tokens "from the future") and `exp = iat + ttl`
/// (default 2 h, between 30 min and 48 h).
///
/// ```
/// use jwtmint::zoom::{GeoRegion, Role, VideoSdkTokenBuilder, VideoSdkVerifier};
/// use jwtmint::Key;
///
/// let key = Key::from_text("my-video-sdk-secret-of-36-characters")?;
/// let token = VideoSdkTokenBuilder::new("my-sdk-key", "team standup", Role::Host)
///     .user_identity("user-42")
///     .geo_regions([GeoRegion::Us, GeoRegion::De])
///     .mint_at(&key, 1_700_000_000)?;
///
/// let claims = VideoSdkVerifier::new(key, "my-sdk-key").verify_at(&token, 1_700_000_000)?;
/// assert_eq!(claims.tpc, "team standup");
/// assert_eq!(claims.role_type, Role::Host);
/// assert_eq!(claims.exp - claims.iat, 7200);
/// # Ok::<(), jwtmint::Error>(())
/// ```
///
/// A short-lived token that still satisfies Zoom's 30-minute minimum: backdate `iat`.
///
/// ```
/// # use jwtmint::zoom::{Role, VideoSdkTokenBuilder};
/// let claims = VideoSdkTokenBuilder::new("my-sdk-key", "room-1", Role::Participant)
///     .ttl(1800)
///     .skew(1800 - 120) // usable for two minutes from now
///     .claims_at(1_700_000_000)?;
/// assert_eq!(claims.exp, 1_700_000_120);
/// # Ok::<(), jwtmint::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct VideoSdkTokenBuilder {
    /// The claims but `iat` and `exp`.
    template: VideoSdkClaims,
    ttl: u64,
    skew: u64,
}

/// Setters of the builder's flag claims (written 0 or 1): `$name(on)` sets the claim `$name`.
macro_rules! flag_setters {
    ($($(#[$doc:meta])* $name:ident;)*) => {$(
        $(#[$doc])*
        #[must_use]
        pub fn $name(mut self, on: bool) -> Self {
            self.template.$name = Some(on);
            self
        }
    )*};
}

impl VideoSdkTokenBuilder {
    /// A token for `app_key` (the Video SDK key) to join the session `tpc` as `role`.
    #[must_use]
    pub fn new(app_key: impl Into<String>, tpc: impl Into<String>, role: Role) -> Self {
        VideoSdkTokenBuilder {
            template: VideoSdkClaims {
                app_key: app_key.into(),
                role_type: role,
                tpc: tpc.into(),
                version: VIDEO_SDK_VERSION,
                iat: 0,
                exp: 0,
                user_identity: None,
                user_key: None,
                session_key: None,
                geo_regions: None,
                cloud_recording_option: None,
                cloud_recording_election: None,
                telemetry_tracking_id: None,
                video_webrtc_mode: None,
                audio_webrtc_mode: None,
            },
            ttl: VIDEO_SDK_DEFAULT_TTL,
            skew: DEFAULT_SKEW,
        }
    }

    /// Sets `user_identity` (at most 35 UTF-16 code units).
    #[must_use]
    pub fn user_identity(mut self, id: impl Into<String>) -> Self {
        self.template.user_identity = Some(id.into());
        self
    }

    /// Sets `user_key` (at most 36 UTF-16 code units): Zoom's documented name for the user's
    /// identifier, "previously named `user_identity`". Written right after `user_identity`.
    #[must_use]
    pub fn user_key(mut self, key: impl Into<String>) -> Self {
        self.template.user_key = Some(key.into());
        self
    }

    /// Sets `session_key` (at most 36 UTF-16 code units).
    #[must_use]
    pub fn session_key(mut self, key: impl Into<String>) -> Self {
        self.template.session_key = Some(key.into());
        self
    }

    /// Sets `geo_regions` (at least one, no repeats), in the order given.
    #[must_use]
    pub fn geo_regions(mut self, regions: impl IntoIterator<Item = GeoRegion>) -> Self {
        self.template.geo_regions = Some(regions.into_iter().collect());
        self
    }

    /// Sets `telemetry_tracking_id`.
    #[must_use]
    pub fn telemetry_tracking_id(mut self, id: impl Into<String>) -> Self {
        self.template.telemetry_tracking_id = Some(id.into());
        self
    }

    flag_setters! {
        /// Sets `cloud_recording_option`: 1 for one recording per participant, 0 for one
        /// combined recording.
        cloud_recording_option;
        /// Sets `cloud_recording_election`: 1 if this user may be elected to record.
        cloud_recording_election;
        /// Sets `video_webrtc_mode`.
        video_webrtc_mode;
        /// Sets `audio_webrtc_mode`.
        audio_webrtc_mode;
    }

    sdk_builder_methods!(
        "Video SDK secret",
        VIDEO_SDK_MIN_TTL,
        VIDEO_SDK_MAX_TTL,
        VIDEO_SDK_DEFAULT_TTL
    );

    /// The claims of a token minted at `now`, checked.
    ///
    /// # Errors
    /// [`Error::LifetimeOutOfRange`] for a ttl out of range; [`Error::InvalidArgument`] for a
    /// skew not shorter than the ttl (the token would be born expired);
    /// [`Error::TimeOverflow`]; otherwise as [`VideoSdkClaims::validate`].
    pub fn claims_at(&self, now: i64) -> Result<VideoSdkClaims> {
        check_lifetime(i128::from(self.ttl))?;
        let (iat, exp) = issue_times(now, self.skew, self.ttl)?;
        let mut claims = self.template.clone();
        claims.iat = iat;
        claims.exp = exp;
        claims.validate()?;
        Ok(claims)
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// The minting time of the Video SDK unit tests (this module's and the claims').
    pub(in crate::zoom) const NOW: i64 = 1_700_000_000;

    /// The smallest valid builder, which the Video SDK unit tests vary.
    pub(in crate::zoom) fn builder() -> VideoSdkTokenBuilder {
        VideoSdkTokenBuilder::new("sdk-key", "session", Role::Host)
    }

    fn json_of(claims: &VideoSdkClaims) -> String {
        serde_json::to_string(claims).unwrap()
    }

    #[test]
    fn set_if_some_sets_only_what_is_given() {
        let given = builder()
            .set_if_some(Some("ui"), VideoSdkTokenBuilder::user_identity)
            .set_if_some(None::<bool>, VideoSdkTokenBuilder::video_webrtc_mode)
            .claims_at(NOW)
            .unwrap();
        let direct = builder().user_identity("ui").claims_at(NOW).unwrap();
        assert_eq!(json_of(&given), json_of(&direct));
        assert_eq!(given.video_webrtc_mode, None);
    }

    #[test]
    fn required_claims_only_in_zooms_order() {
        let c = builder().claims_at(NOW).unwrap();
        assert_eq!(
            json_of(&c),
            r#"{"app_key":"sdk-key","role_type":1,"tpc":"session","version":1,"iat":1699999970,"exp":1700007170}"#
        );
    }

    #[test]
    fn every_optional_claim_in_zooms_order() {
        let c = VideoSdkTokenBuilder::new("k", "t", Role::Participant)
            .audio_webrtc_mode(false)
            .video_webrtc_mode(true)
            .telemetry_tracking_id("tt")
            .cloud_recording_election(true)
            .cloud_recording_option(false)
            .geo_regions([GeoRegion::Sg, GeoRegion::Us])
            .session_key("sk")
            .user_identity("ui")
            .skew(0)
            .ttl(1800)
            .claims_at(100)
            .unwrap();
        assert_eq!(
            json_of(&c),
            concat!(
                r#"{"app_key":"k","role_type":0,"tpc":"t","version":1,"iat":100,"exp":1900,"#,
                r#""user_identity":"ui","session_key":"sk","geo_regions":"SG,US","#,
                r#""cloud_recording_option":0,"cloud_recording_election":1,"#,
                r#""telemetry_tracking_id":"tt","video_webrtc_mode":1,"audio_webrtc_mode":0}"#
            )
        );
    }

    #[test]
    fn empty_required_fields_are_refused() {
        for (b, field) in [
            (VideoSdkTokenBuilder::new("", "t", Role::Host), "app_key"),
            (VideoSdkTokenBuilder::new("k", "", Role::Host), "tpc"),
        ] {
            assert_eq!(b.claims_at(NOW).unwrap_err(), Error::EmptyField { field });
        }
    }

    #[test]
    fn lengths_are_utf16_code_units() {
        let tpc = |tpc: String| VideoSdkTokenBuilder::new("k", tpc, Role::Host);
        // 200 characters, 201 units: an astral character counts two.
        let astral = format!("{}\u{1F600}", "a".repeat(199));
        // (the longest accepted, one unit longer, the field and its limit)
        for (longest, too_long, field, max) in [
            (tpc("é".repeat(200)), tpc("a".repeat(201)), "tpc", 200),
            (tpc("é".repeat(200)), tpc(astral), "tpc", 200),
            (
                builder().user_identity("u".repeat(35)),
                builder().user_identity("u".repeat(36)),
                "user_identity",
                35,
            ),
            (
                builder().session_key("s".repeat(36)),
                builder().session_key("s".repeat(37)),
                "session_key",
                36,
            ),
        ] {
            assert!(longest.claims_at(NOW).is_ok(), "{field}");
            assert_eq!(
                too_long.claims_at(NOW).unwrap_err(),
                Error::FieldTooLong {
                    field,
                    len: max + 1,
                    max
                }
            );
        }
    }

    #[test]
    fn geo_regions_must_be_non_empty_and_unique() {
        assert_eq!(
            builder().geo_regions([]).claims_at(NOW).unwrap_err(),
            Error::InvalidVideoSdkClaim {
                claim: "geo_regions",
                expected: "at least one region"
            }
        );
        assert_eq!(
            builder()
                .geo_regions([GeoRegion::Us, GeoRegion::Jp, GeoRegion::Us])
                .claims_at(NOW)
                .unwrap_err(),
            Error::DuplicateGeoRegion { region: "US" }
        );
    }

    #[test]
    fn ttl_range_and_skew_are_checked() {
        for ttl in [0, 1, 1799, 172_801, u64::MAX] {
            assert_eq!(
                builder().ttl(ttl).claims_at(NOW).unwrap_err(),
                Error::LifetimeOutOfRange {
                    seconds: i128::from(ttl),
                    min: 1800,
                    max: 172_800
                },
                "{ttl}"
            );
        }
        for ttl in [1800, 172_800] {
            let c = builder().ttl(ttl).claims_at(NOW).unwrap();
            assert_eq!(c.exp - c.iat, i64::try_from(ttl).unwrap());
        }
        assert!(matches!(
            builder().ttl(1800).skew(1800).claims_at(NOW),
            Err(Error::InvalidArgument { name: "skew", .. })
        ));
        let c = builder().ttl(1800).skew(1799).claims_at(NOW).unwrap();
        assert_eq!((c.iat, c.exp), (NOW - 1799, NOW + 1));
    }

    #[test]
    fn time_overflow_is_refused() {
        assert_eq!(
            builder().claims_at(i64::MIN).unwrap_err(),
            Error::TimeOverflow
        );
        assert_eq!(
            builder().claims_at(i64::MAX).unwrap_err(),
            Error::TimeOverflow
        );
    }

    #[test]
    fn role_names_and_values() {
        assert_eq!(Role::Host.to_string(), "host");
        assert_eq!(Role::Participant.to_string(), "participant");
        assert_eq!(Role::Participant.value(), 0);
        for bad in ["Host", "2", "", "admin", " host"] {
            assert!(bad.parse::<Role>().is_err(), "{bad:?}");
        }
        assert!(Role::try_from(i64::MAX).is_err());
    }
}
