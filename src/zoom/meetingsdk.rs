//! The Meeting SDK JWT: the token a Meeting SDK client signs in with.
//!
//! Zoom documents it at <https://developers.zoom.us/docs/meeting-sdk/auth/>. The payload's
//! member order and the request rules (role 0 or 1, meeting number and role both or neither,
//! a lifetime of 1800 s to 48 h, default 2 h) are those of Zoom's
//! `meetingsdk-auth-endpoint-sample`, so with a skew of 0 a token is byte-identical to the one
//! the sample signs for the same inputs at the same second.

pub use super::meetingsdk_claims::MeetingSdkClaims;
use super::meetingsdk_claims::{check_meeting_number, MEETING_SDK_MAX_TTL, MEETING_SDK_MIN_TTL};
use crate::error::{Error, Result};
use crate::time::issue_times;
use crate::zoom::{Role, DEFAULT_SKEW};

/// The lifetime [`MeetingSdkTokenBuilder`] uses unless told otherwise: two hours, as in Zoom's
/// sample.
pub const MEETING_SDK_DEFAULT_TTL: u64 = 7200;

/// Builds and mints Meeting SDK tokens.
///
/// Setting a value checks nothing; [`claims_at`](Self::claims_at) and the `mint` methods check
/// everything before anything is signed, and fail with the first rule broken.
///
/// Times: `iat = now - skew` (default 30 s, as in the example of Zoom's Meeting SDK
/// documentation, so a server whose clock runs ahead of Zoom's does not issue tokens "from the
/// future"; a skew of 0 is what Zoom's auth endpoint sample does), `exp = iat + ttl` (default
/// 2 h, from 30 min to 48 h) and `tokenExp = exp`.
///
/// ```
/// use jwtmint::zoom::{MeetingSdkTokenBuilder, MeetingSdkVerifier, Role};
/// use jwtmint::Key;
///
/// let key = Key::from_text("my-meeting-sdk-secret-of-36-character")?;
/// let builder = MeetingSdkTokenBuilder::new("my-sdk-key").mn("85746065432").role(Role::Participant);
/// let token = builder.mint_at(&key, 1_700_000_000)?;
///
/// let claims = MeetingSdkVerifier::new(key).verify_at(&token, 1_700_000_000)?;
/// assert_eq!(claims.mn.as_deref(), Some("85746065432"));
/// assert_eq!((claims.iat, claims.exp, claims.token_exp), (1_699_999_970, 1_700_007_170, 1_700_007_170));
/// assert_eq!(
///     serde_json::to_string(&builder.skew(0).claims_at(1_700_000_000)?).unwrap(),
///     r#"{"appKey":"my-sdk-key","sdkKey":"my-sdk-key","mn":"85746065432","role":0,"iat":1700000000,"exp":1700007200,"tokenExp":1700007200}"#
/// );
/// # Ok::<(), jwtmint::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct MeetingSdkTokenBuilder {
    sdk_key: String,
    mn: Option<String>,
    /// As given: [`role_value`](Self::role_value) takes any number, judged when minting.
    role: Option<i64>,
    video_webrtc_mode: Option<bool>,
    ttl: u64,
    skew: u64,
}

impl MeetingSdkTokenBuilder {
    /// A token for `sdk_key` (the Meeting SDK key or client ID), written as both `appKey` and
    /// `sdkKey`. Without [`mn`](Self::mn) and [`role`](Self::role) it is a native-SDK token.
    #[must_use]
    pub fn new(sdk_key: impl Into<String>) -> Self {
        MeetingSdkTokenBuilder {
            sdk_key: sdk_key.into(),
            mn: None,
            role: None,
            video_webrtc_mode: None,
            ttl: MEETING_SDK_DEFAULT_TTL,
            skew: DEFAULT_SKEW,
        }
    }

    /// Sets `mn`, the meeting or webinar number: 1 to 20 ASCII digits. Needs a
    /// [`role`](Self::role) too (checked when minting).
    #[must_use]
    pub fn mn(mut self, number: impl Into<String>) -> Self {
        self.mn = Some(number.into());
        self
    }

    /// Sets `role`: 1 host, 0 participant. Needs an [`mn`](Self::mn) too (checked when
    /// minting).
    #[must_use]
    pub fn role(self, role: Role) -> Self {
        self.role_value(role.value().into())
    }

    /// Sets `role` from a number as a request carries it (Zoom's sample takes a JSON number):
    /// only 0 and 1 are minted, anything else is refused when minting, so doors that receive
    /// numbers need not judge them.
    #[must_use]
    pub fn role_value(mut self, value: i64) -> Self {
        self.role = Some(value);
        self
    }

    /// Sets `video_webrtc_mode` (Meeting SDK for web).
    #[must_use]
    pub fn video_webrtc_mode(mut self, on: bool) -> Self {
        self.video_webrtc_mode = Some(on);
        self
    }

    sdk_builder_methods!(
        "Meeting SDK secret",
        MEETING_SDK_MIN_TTL,
        MEETING_SDK_MAX_TTL,
        MEETING_SDK_DEFAULT_TTL
    );

    /// The claims of a token minted at `now`, checked.
    ///
    /// # Errors
    /// [`Error::InvalidMeetingSdkClaim`] for an empty SDK key, an `mn` that is not 1 to 20
    /// digits, or only one of `mn` and `role`; [`Error::MeetingSdkLifetimeOutOfRange`] for a
    /// ttl out of range; [`Error::InvalidArgument`] for a skew not shorter than the ttl;
    /// [`Error::TimeOverflow`].
    pub fn claims_at(&self, now: i64) -> Result<MeetingSdkClaims> {
        if self.sdk_key.is_empty() {
            return Err(Error::InvalidMeetingSdkClaim {
                claim: "sdkKey",
                expected: "not empty",
            });
        }
        if let Some(mn) = &self.mn {
            check_meeting_number(mn)?;
        }
        if self.mn.is_some() != self.role.is_some() {
            return Err(Error::InvalidMeetingSdkClaim {
                claim: if self.mn.is_some() { "role" } else { "mn" },
                expected: "given with the other of mn and role (both or neither)",
            });
        }
        if !(MEETING_SDK_MIN_TTL..=MEETING_SDK_MAX_TTL).contains(&self.ttl) {
            return Err(Error::MeetingSdkLifetimeOutOfRange {
                claim: "exp",
                seconds: i128::from(self.ttl),
                min: MEETING_SDK_MIN_TTL,
                max: MEETING_SDK_MAX_TTL,
            });
        }
        let role = match self.role {
            None => None,
            Some(value) => {
                Some(
                    Role::try_from(value).map_err(|_| Error::InvalidMeetingSdkClaim {
                        claim: "role",
                        expected: "0 (participant) or 1 (host)",
                    })?,
                )
            }
        };
        let (iat, exp) = issue_times(now, self.skew, self.ttl)?;
        let claims = MeetingSdkClaims {
            app_key: Some(self.sdk_key.clone()),
            sdk_key: Some(self.sdk_key.clone()),
            mn: self.mn.clone(),
            role,
            iat,
            exp,
            token_exp: exp,
            video_webrtc_mode: self.video_webrtc_mode,
        };
        claims.validate()?;
        Ok(claims)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_700_000_000;

    fn json(b: &MeetingSdkTokenBuilder) -> String {
        serde_json::to_string(&b.claims_at(NOW).unwrap()).unwrap()
    }

    #[test]
    fn members_in_the_samples_order() {
        let native = MeetingSdkTokenBuilder::new("k").skew(0);
        assert_eq!(
            json(&native),
            r#"{"appKey":"k","sdkKey":"k","iat":1700000000,"exp":1700007200,"tokenExp":1700007200}"#
        );
        let web = MeetingSdkTokenBuilder::new("k")
            .video_webrtc_mode(true)
            .role(Role::Host)
            .mn("123")
            .ttl(1800);
        assert_eq!(
            json(&web),
            r#"{"appKey":"k","sdkKey":"k","mn":"123","role":1,"iat":1699999970,"exp":1700001770,"tokenExp":1700001770,"video_webrtc_mode":1}"#
        );
    }

    #[test]
    fn rules_are_checked_before_signing() {
        let invalid = |claim, expected| Error::InvalidMeetingSdkClaim { claim, expected };
        let both = "given with the other of mn and role (both or neither)";
        let digits = "a meeting or webinar number: 1 to 20 digits";
        let b = MeetingSdkTokenBuilder::new("k");
        for (builder, err) in [
            (
                MeetingSdkTokenBuilder::new(""),
                invalid("sdkKey", "not empty"),
            ),
            (b.clone().mn("1"), invalid("role", both)),
            (b.clone().role(Role::Host), invalid("mn", both)),
            (b.clone().mn("").role(Role::Host), invalid("mn", digits)),
            (b.clone().mn("12 3").role(Role::Host), invalid("mn", digits)),
            (
                b.clone().mn("1".repeat(21)).role(Role::Host),
                invalid("mn", digits),
            ),
            (
                b.clone().mn("1").role_value(2),
                invalid("role", "0 (participant) or 1 (host)"),
            ),
            (
                b.clone().mn("1").role_value(-1),
                invalid("role", "0 (participant) or 1 (host)"),
            ),
            (
                b.clone().ttl(1799),
                Error::MeetingSdkLifetimeOutOfRange {
                    claim: "exp",
                    seconds: 1799,
                    min: 1800,
                    max: 172_800,
                },
            ),
            (
                b.clone().ttl(1800).skew(1800),
                Error::InvalidArgument {
                    name: "skew",
                    reason: "must be shorter than the ttl",
                },
            ),
        ] {
            assert_eq!(builder.claims_at(NOW).unwrap_err(), err, "{builder:?}");
        }
        assert!(b.clone().ttl(172_800).claims_at(NOW).is_ok());
        assert!(b
            .clone()
            .mn("1".repeat(20))
            .role(Role::Host)
            .claims_at(NOW)
            .is_ok());
        assert_eq!(b.claims_at(i64::MIN).unwrap_err(), Error::TimeOverflow);
    }
}
