//! The claims of a Video SDK token: their serialized form, Zoom's rules for their values,
//! and the strict reading of a verified token's claims ([`Wire`]).

use serde::{Deserialize, Serialize, Serializer};

use super::sdk_common::{present, serialize_flag};
#[cfg(doc)]
use super::videosdk::VideoSdkTokenBuilder;
use super::videosdk::{
    Role, SESSION_KEY_MAX_LEN, TPC_MAX_LEN, USER_IDENTITY_MAX_LEN, USER_KEY_MAX_LEN,
    VIDEO_SDK_MAX_TTL, VIDEO_SDK_MIN_TTL, VIDEO_SDK_VERSION,
};
use crate::error::{Error, Result};
use crate::zoom::GeoRegion;

/// The claims of a Video SDK token, in the order they are serialized.
///
/// Made by [`VideoSdkTokenBuilder::claims_at`] for minting and returned by
/// [`VideoSdkVerifier`](crate::zoom::VideoSdkVerifier) after verification. Optional claims
/// that are `None` are left out of the token (never `null`). Serialized in the member order
/// of Zoom's auth endpoint sample: `app_key`, `role_type`, `tpc`, `version`, `iat`, `exp`,
/// `user_identity`, `user_key`, `session_key`, `geo_regions`, `cloud_recording_option`,
/// `cloud_recording_election`, `telemetry_tracking_id`, `video_webrtc_mode`,
/// `audio_webrtc_mode`. Flags are the numbers 0 and 1; `geo_regions` is the codes joined by
/// commas.
///
/// Deserializing (for example with [`Verifier::verify_as`](crate::Verifier::verify_as))
/// applies every rule of [`validate`](Self::validate) and refuses `null` for optional
/// claims; claims it does not know are ignored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Wire")]
#[non_exhaustive]
pub struct VideoSdkClaims {
    /// The Video SDK key.
    pub app_key: String,
    /// Host or participant.
    pub role_type: Role,
    /// The session name (topic).
    pub tpc: String,
    /// Always [`VIDEO_SDK_VERSION`].
    pub version: u32,
    /// Issued at, seconds since the epoch.
    pub iat: i64,
    /// Expires at, seconds since the epoch.
    pub exp: i64,
    /// An identifier of the user in your own system.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_identity: Option<String>,
    /// An identifier of the user in your own system, under the name Zoom documents today.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_key: Option<String>,
    /// A key identifying the session in your own system.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session_key: Option<String>,
    /// The regions the session's media may use.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "serialize_geo_regions"
    )]
    pub geo_regions: Option<Vec<GeoRegion>>,
    /// Whether cloud recordings are kept per participant (1) or combined (0).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "serialize_flag"
    )]
    pub cloud_recording_option: Option<bool>,
    /// Whether this user may be elected to make the cloud recording.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "serialize_flag"
    )]
    pub cloud_recording_election: Option<bool>,
    /// An identifier for Zoom's telemetry of this session.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub telemetry_tracking_id: Option<String>,
    /// Whether video uses WebRTC (web SDK).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "serialize_flag"
    )]
    pub video_webrtc_mode: Option<bool>,
    /// Whether audio uses WebRTC (web SDK).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "serialize_flag"
    )]
    pub audio_webrtc_mode: Option<bool>,
}

fn serialize_geo_regions<S: Serializer>(
    regions: &Option<Vec<GeoRegion>>,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    match regions {
        Some(list) => s.serialize_str(&GeoRegion::join(list)),
        None => s.serialize_none(),
    }
}

/// Length as JavaScript's `String.length` counts it, which is how Zoom's sample validates.
fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

fn check_len(field: &'static str, value: &str, max: usize) -> Result<()> {
    let len = utf16_len(value);
    if len > max {
        return Err(Error::FieldTooLong { field, len, max });
    }
    Ok(())
}

pub(super) fn check_lifetime(seconds: i128) -> Result<()> {
    if seconds < i128::from(VIDEO_SDK_MIN_TTL) || seconds > i128::from(VIDEO_SDK_MAX_TTL) {
        return Err(Error::LifetimeOutOfRange {
            seconds,
            min: VIDEO_SDK_MIN_TTL,
            max: VIDEO_SDK_MAX_TTL,
        });
    }
    Ok(())
}

impl VideoSdkClaims {
    /// Checks Zoom's rules: `app_key` and `tpc` not empty; `tpc` at most 200, `user_identity`
    /// at most 35, `user_key` and `session_key` at most 36 UTF-16 code units (JavaScript's
    /// `String.length`: a character outside the Basic Multilingual Plane, such as an emoji,
    /// counts two); `version` 1; `geo_regions`, if present, not empty and without repeats;
    /// `exp - iat` from 1800 s to 48 h.
    ///
    /// # Errors
    /// [`Error::EmptyField`], [`Error::FieldTooLong`], [`Error::InvalidVideoSdkClaim`],
    /// [`Error::DuplicateGeoRegion`] or [`Error::LifetimeOutOfRange`], for the first rule
    /// broken in that order.
    pub fn validate(&self) -> Result<()> {
        if self.app_key.is_empty() {
            return Err(Error::EmptyField { field: "app_key" });
        }
        if self.tpc.is_empty() {
            return Err(Error::EmptyField { field: "tpc" });
        }
        check_len("tpc", &self.tpc, TPC_MAX_LEN)?;
        if let Some(id) = &self.user_identity {
            check_len("user_identity", id, USER_IDENTITY_MAX_LEN)?;
        }
        if let Some(key) = &self.user_key {
            check_len("user_key", key, USER_KEY_MAX_LEN)?;
        }
        if let Some(key) = &self.session_key {
            check_len("session_key", key, SESSION_KEY_MAX_LEN)?;
        }
        if self.version != VIDEO_SDK_VERSION {
            return Err(Error::InvalidVideoSdkClaim {
                claim: "version",
                expected: "1",
            });
        }
        if let Some(regions) = &self.geo_regions {
            if regions.is_empty() {
                return Err(Error::InvalidVideoSdkClaim {
                    claim: "geo_regions",
                    expected: "at least one region",
                });
            }
            for (i, region) in regions.iter().enumerate() {
                if regions[..i].contains(region) {
                    return Err(Error::DuplicateGeoRegion {
                        region: region.as_str(),
                    });
                }
            }
        }
        check_lifetime(i128::from(self.exp) - i128::from(self.iat))
    }
}

/// The claims as they may appear in a token, before their values are judged.
#[derive(Deserialize)]
pub(crate) struct Wire {
    pub app_key: String,
    role_type: i64,
    tpc: String,
    version: i64,
    iat: i64,
    exp: i64,
    #[serde(default, deserialize_with = "present")]
    user_identity: Option<String>,
    #[serde(default, deserialize_with = "present")]
    user_key: Option<String>,
    #[serde(default, deserialize_with = "present")]
    session_key: Option<String>,
    #[serde(default, deserialize_with = "present")]
    geo_regions: Option<String>,
    #[serde(default, deserialize_with = "present")]
    cloud_recording_option: Option<i64>,
    #[serde(default, deserialize_with = "present")]
    cloud_recording_election: Option<i64>,
    #[serde(default, deserialize_with = "present")]
    telemetry_tracking_id: Option<String>,
    #[serde(default, deserialize_with = "present")]
    video_webrtc_mode: Option<i64>,
    #[serde(default, deserialize_with = "present")]
    audio_webrtc_mode: Option<i64>,
}

fn flag(claim: &'static str, value: Option<i64>) -> Result<Option<bool>> {
    match value {
        None => Ok(None),
        Some(0) => Ok(Some(false)),
        Some(1) => Ok(Some(true)),
        Some(_) => Err(Error::InvalidVideoSdkClaim {
            claim,
            expected: "0 or 1",
        }),
    }
}

impl TryFrom<Wire> for VideoSdkClaims {
    type Error = Error;

    fn try_from(w: Wire) -> Result<Self> {
        let version = u32::try_from(w.version)
            .ok()
            .filter(|&v| v == VIDEO_SDK_VERSION)
            .ok_or(Error::InvalidVideoSdkClaim {
                claim: "version",
                expected: "1",
            })?;
        let claims = VideoSdkClaims {
            app_key: w.app_key,
            role_type: Role::try_from(w.role_type)?,
            tpc: w.tpc,
            version,
            iat: w.iat,
            exp: w.exp,
            user_identity: w.user_identity,
            user_key: w.user_key,
            session_key: w.session_key,
            geo_regions: w
                .geo_regions
                .as_deref()
                .map(GeoRegion::parse_list)
                .transpose()?,
            cloud_recording_option: flag("cloud_recording_option", w.cloud_recording_option)?,
            cloud_recording_election: flag("cloud_recording_election", w.cloud_recording_election)?,
            telemetry_tracking_id: w.telemetry_tracking_id,
            video_webrtc_mode: flag("video_webrtc_mode", w.video_webrtc_mode)?,
            audio_webrtc_mode: flag("audio_webrtc_mode", w.audio_webrtc_mode)?,
        };
        claims.validate()?;
        Ok(claims)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::zoom::videosdk::tests::{builder, NOW};

    #[test]
    fn validate_checks_version_and_lifetime_of_hand_made_claims() {
        let mut c = builder().claims_at(NOW).unwrap();
        c.version = 2;
        assert_eq!(
            c.validate().unwrap_err(),
            Error::InvalidVideoSdkClaim {
                claim: "version",
                expected: "1"
            }
        );
        c.version = 1;
        c.exp = c.iat - 1;
        assert!(matches!(
            c.validate(),
            Err(Error::LifetimeOutOfRange { seconds: -1, .. })
        ));
        c.iat = i64::MIN;
        c.exp = i64::MAX;
        assert!(matches!(
            c.validate(),
            Err(Error::LifetimeOutOfRange { .. })
        ));
    }

    #[test]
    fn deserializing_judges_values() {
        let base = r#""app_key":"k","tpc":"t","version":1,"iat":0,"exp":1800"#;
        let parse =
            |extra: &str| serde_json::from_str::<VideoSdkClaims>(&format!("{{{base},{extra}}}"));
        let c = parse(r#""role_type":1,"geo_regions":"US,DE","video_webrtc_mode":0,"other":[1]"#)
            .unwrap();
        assert_eq!(c.role_type, Role::Host);
        assert_eq!(c.geo_regions, Some(vec![GeoRegion::Us, GeoRegion::De]));
        assert_eq!(c.video_webrtc_mode, Some(false));
        assert_eq!(c.audio_webrtc_mode, None);
        for (extra, needle) in [
            (r#""role_type":2"#, "role_type"),
            (r#""role_type":-1"#, "role_type"),
            (r#""role_type":"1""#, "invalid type"),
            (r#""role_type":1.0"#, "invalid type"),
            (
                r#""role_type":1,"cloud_recording_option":2"#,
                "cloud_recording_option",
            ),
            (r#""role_type":1,"audio_webrtc_mode":true"#, "invalid type"),
            (
                r#""role_type":1,"user_identity":null"#,
                "invalid type: null",
            ),
            (r#""role_type":1,"geo_regions":"us""#, "geo region"),
            (r#""role_type":1,"geo_regions":"US,US""#, "listed twice"),
            (r#""role_type":1,"geo_regions":"""#, "geo region"),
        ] {
            let err = parse(extra).unwrap_err().to_string();
            assert!(err.contains(needle), "{extra}: {err}");
        }
        let err = serde_json::from_str::<VideoSdkClaims>(
            r#"{"app_key":"k","tpc":"t","version":2,"iat":0,"exp":1800,"role_type":0}"#,
        )
        .unwrap_err();
        assert!(err.to_string().contains("version"), "{err}");
        let err = serde_json::from_str::<VideoSdkClaims>(
            r#"{"app_key":"k","tpc":"t","version":1,"iat":0,"exp":1799,"role_type":0}"#,
        )
        .unwrap_err();
        assert!(err.to_string().contains("1799"), "{err}");
    }

    #[test]
    fn serialize_then_deserialize_round_trips() {
        let c = builder()
            .user_identity("u")
            .session_key("s")
            .geo_regions([GeoRegion::Cn])
            .cloud_recording_option(true)
            .cloud_recording_election(false)
            .telemetry_tracking_id("t")
            .video_webrtc_mode(true)
            .audio_webrtc_mode(true)
            .claims_at(NOW)
            .unwrap();
        let back: VideoSdkClaims =
            serde_json::from_str(&serde_json::to_string(&c).unwrap()).unwrap();
        assert_eq!(back, c);
    }
}
