//! The claims of a Meeting SDK token: their serialized form, Zoom's rules for their values,
//! and the strict reading of a verified token's claims ([`Wire`]).
//!
//! Zoom documents the claims at <https://developers.zoom.us/docs/meeting-sdk/auth/>; the
//! member order is that of Zoom's `meetingsdk-auth-endpoint-sample` (`src/index.js`).

use serde::{Deserialize, Serialize};

use super::sdk_common::{present, serialize_flag};
use crate::error::{Error, Result};
use crate::zoom::Role;

/// The shortest time from `iat` to `exp` or `tokenExp` Zoom accepts: 30 minutes.
pub const MEETING_SDK_MIN_TTL: u64 = 1800;

/// The longest time from `iat` to `exp` or `tokenExp` Zoom accepts: 48 hours.
pub const MEETING_SDK_MAX_TTL: u64 = 172_800;

/// The longest meeting or webinar number jwtmint writes or reads, in digits: every `u64`.
pub const MEETING_NUMBER_MAX_DIGITS: usize = 20;

/// The claims of a Meeting SDK token, in the order they are serialized: `appKey`, `sdkKey`,
/// `mn`, `role`, `iat`, `exp`, `tokenExp`, `video_webrtc_mode`, as in Zoom's auth endpoint
/// sample. Absent optional claims are left out (never `null`).
///
/// Made by [`MeetingSdkTokenBuilder::claims_at`](crate::zoom::MeetingSdkTokenBuilder::claims_at)
/// (which writes the SDK key as both `appKey` and `sdkKey`, as the sample does) and returned by
/// [`MeetingSdkVerifier`](crate::zoom::MeetingSdkVerifier). Following Zoom's documentation,
/// `mn` and `role` are optional (required by the web SDK, not by the native SDKs) and either
/// of `appKey` and `sdkKey` may be absent. `mn` is written as a JSON string of digits, as the
/// sample's README documents `meetingNumber`; a verified token may carry it as a number too.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Wire")]
#[non_exhaustive]
pub struct MeetingSdkClaims {
    /// The Meeting SDK key (or client ID), as `appKey`.
    #[serde(rename = "appKey", skip_serializing_if = "Option::is_none")]
    pub app_key: Option<String>,
    /// The Meeting SDK key (or client ID), as `sdkKey`.
    #[serde(rename = "sdkKey", skip_serializing_if = "Option::is_none")]
    pub sdk_key: Option<String>,
    /// The meeting or webinar number, ASCII digits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mn: Option<String>,
    /// Host (1) or participant (0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// Issued at, seconds since the epoch.
    pub iat: i64,
    /// Expires at, seconds since the epoch.
    pub exp: i64,
    /// When the signature expires, seconds since the epoch.
    #[serde(rename = "tokenExp")]
    pub token_exp: i64,
    /// Whether video uses WebRTC (Meeting SDK for web).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "serialize_flag"
    )]
    pub video_webrtc_mode: Option<bool>,
}

const fn invalid(claim: &'static str, expected: &'static str) -> Error {
    Error::InvalidMeetingSdkClaim { claim, expected }
}

/// `value - iat` within Zoom's range.
fn check_after_iat(claim: &'static str, iat: i64, value: i64) -> Result<()> {
    let seconds = i128::from(value) - i128::from(iat);
    if seconds < i128::from(MEETING_SDK_MIN_TTL) || seconds > i128::from(MEETING_SDK_MAX_TTL) {
        return Err(Error::MeetingSdkLifetimeOutOfRange {
            claim,
            seconds,
            min: MEETING_SDK_MIN_TTL,
            max: MEETING_SDK_MAX_TTL,
        });
    }
    Ok(())
}

/// A meeting or webinar number: 1 to 20 ASCII digits.
pub(super) fn check_meeting_number(mn: &str) -> Result<()> {
    if mn.is_empty()
        || mn.len() > MEETING_NUMBER_MAX_DIGITS
        || !mn.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(invalid("mn", "a meeting or webinar number: 1 to 20 digits"));
    }
    Ok(())
}

impl MeetingSdkClaims {
    /// The SDK key the token names: `sdkKey`, else `appKey`.
    #[must_use]
    pub fn key(&self) -> Option<&str> {
        self.sdk_key.as_deref().or(self.app_key.as_deref())
    }

    /// Checks Zoom's rules: `appKey` or `sdkKey` present, not empty, and equal when both
    /// are; `mn`, if present, 1 to 20 digits; `exp` and `tokenExp` each 1800 s to 48 h after
    /// `iat` (`tokenExp` need not equal `exp`).
    ///
    /// # Errors
    /// [`Error::InvalidMeetingSdkClaim`] or [`Error::MeetingSdkLifetimeOutOfRange`], for the
    /// first rule broken in that order.
    pub fn validate(&self) -> Result<()> {
        match (&self.app_key, &self.sdk_key) {
            (None, None) => return Err(invalid("sdkKey", "present (or appKey)")),
            (Some(a), Some(s)) if a != s => return Err(invalid("appKey", "equal to sdkKey")),
            _ => {}
        }
        if self.key().is_some_and(str::is_empty) {
            return Err(invalid("sdkKey", "not empty"));
        }
        if let Some(mn) = &self.mn {
            check_meeting_number(mn)?;
        }
        check_after_iat("exp", self.iat, self.exp)?;
        check_after_iat("tokenExp", self.iat, self.token_exp)
    }
}

/// `mn` as a token may carry it: the digits as a string, or a number.
#[derive(Deserialize)]
#[serde(untagged)]
enum WireNumber {
    Text(String),
    Number(u64),
}

/// The claims as they may appear in a token, before their values are judged.
#[derive(Deserialize)]
pub(crate) struct Wire {
    #[serde(rename = "appKey", default, deserialize_with = "present")]
    app_key: Option<String>,
    #[serde(rename = "sdkKey", default, deserialize_with = "present")]
    sdk_key: Option<String>,
    #[serde(default, deserialize_with = "present")]
    mn: Option<WireNumber>,
    #[serde(default, deserialize_with = "present")]
    role: Option<i64>,
    iat: i64,
    exp: i64,
    #[serde(rename = "tokenExp")]
    token_exp: i64,
    #[serde(default, deserialize_with = "present")]
    video_webrtc_mode: Option<i64>,
}

impl TryFrom<Wire> for MeetingSdkClaims {
    type Error = Error;

    fn try_from(w: Wire) -> Result<Self> {
        let role = match w.role {
            None => None,
            Some(0) => Some(Role::Participant),
            Some(1) => Some(Role::Host),
            Some(_) => return Err(invalid("role", "0 (participant) or 1 (host)")),
        };
        let video_webrtc_mode = match w.video_webrtc_mode {
            None => None,
            Some(0) => Some(false),
            Some(1) => Some(true),
            Some(_) => return Err(invalid("video_webrtc_mode", "0 or 1")),
        };
        let claims = MeetingSdkClaims {
            app_key: w.app_key,
            sdk_key: w.sdk_key,
            mn: w.mn.map(|mn| match mn {
                WireNumber::Text(digits) => digits,
                WireNumber::Number(n) => n.to_string(),
            }),
            role,
            iat: w.iat,
            exp: w.exp,
            token_exp: w.token_exp,
            video_webrtc_mode,
        };
        claims.validate()?;
        Ok(claims)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(json: &str) -> std::result::Result<MeetingSdkClaims, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    const TIMES: &str = r#""iat":0,"exp":7200,"tokenExp":7200"#;

    #[test]
    fn reading_accepts_what_zoom_documents_as_optional() {
        let native = parse(&format!(r#"{{"appKey":"k",{TIMES}}}"#)).unwrap();
        assert_eq!(
            (native.key(), native.mn.as_deref(), native.role),
            (Some("k"), None, None)
        );
        let web = parse(&format!(r#"{{"sdkKey":"k","mn":123,"role":1,{TIMES}}}"#)).unwrap();
        assert_eq!(web.mn.as_deref(), Some("123"));
        assert_eq!(web.role, Some(Role::Host));
        let ranged = parse(r#"{"sdkKey":"k","iat":0,"exp":172800,"tokenExp":1800}"#).unwrap();
        assert_eq!(ranged.token_exp, 1800);
    }

    #[test]
    fn reading_judges_values() {
        for (json, needle) in [
            (format!(r#"{{{TIMES}}}"#), "sdkKey"),
            (
                format!(r#"{{"appKey":"a","sdkKey":"b",{TIMES}}}"#),
                "equal to sdkKey",
            ),
            (format!(r#"{{"sdkKey":"",{TIMES}}}"#), "not empty"),
            (format!(r#"{{"sdkKey":"k","role":2,{TIMES}}}"#), "\"role\""),
            (
                format!(r#"{{"sdkKey":"k","role":"1",{TIMES}}}"#),
                "invalid type",
            ),
            (format!(r#"{{"sdkKey":"k","mn":"12a",{TIMES}}}"#), "\"mn\""),
            (format!(r#"{{"sdkKey":"k","mn":null,{TIMES}}}"#), "mn"),
            (
                format!(r#"{{"sdkKey":"k","video_webrtc_mode":2,{TIMES}}}"#),
                "video_webrtc",
            ),
            (r#"{"sdkKey":"k","iat":0,"exp":7200}"#.into(), "tokenExp"),
            (
                r#"{"sdkKey":"k","iat":0,"exp":1799,"tokenExp":7200}"#.into(),
                "1799",
            ),
            (
                r#"{"sdkKey":"k","iat":0,"exp":7200,"tokenExp":172801}"#.into(),
                "tokenExp",
            ),
        ] {
            let err = parse(&json).unwrap_err();
            assert!(err.contains(needle), "{json}: {err}");
        }
    }
}
