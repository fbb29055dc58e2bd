//! Verifying Video SDK tokens, for servers that receive them.

use crate::error::{truncate_for_message, Error, Result};
use crate::key::Key;
use crate::verify::Verifier;
use crate::zoom::sdk_common::read_wire;
use crate::zoom::videosdk_claims::Wire;
use crate::zoom::VideoSdkClaims;

/// The claims every Video SDK token carries.
pub const VIDEO_SDK_REQUIRED_CLAIMS: [&str; 6] =
    ["app_key", "tpc", "role_type", "version", "iat", "exp"];

/// Verifies Video SDK tokens of one SDK key.
///
/// Every check of [`Verifier`] first (size, encoding, header, the MAC in constant time, then
/// `exp`, `nbf` and `iat` against `now` with the leeway), with `app_key`, `tpc`, `role_type`,
/// `version`, `iat` and `exp` required; then the claims' types (a wrong type is
/// [`Error::ClaimsType`]), `app_key` equal to the expected SDK key
/// ([`Error::AppKeyMismatch`]), and Zoom's rules of [`VideoSdkClaims::validate`] — the
/// rules the minting side follows, so a token is accepted here exactly when
/// [`VideoSdkTokenBuilder`](crate::zoom::VideoSdkTokenBuilder) could have made it.
///
/// ```
/// use jwtmint::zoom::{Role, VideoSdkTokenBuilder, VideoSdkVerifier};
/// use jwtmint::{Error, Key};
///
/// let key = Key::from_text("my-video-sdk-secret-of-36-characters")?;
/// let token = VideoSdkTokenBuilder::new("sdk-key", "room", Role::Participant)
///     .mint_at(&key, 1_700_000_000)?;
///
/// let claims = VideoSdkVerifier::new(key.clone(), "sdk-key").verify_at(&token, 1_700_000_000)?;
/// assert_eq!(claims.role_type, Role::Participant);
///
/// let err = VideoSdkVerifier::new(key, "other-key").verify_at(&token, 1_700_000_000).unwrap_err();
/// assert!(matches!(err, Error::AppKeyMismatch { .. }));
/// # Ok::<(), jwtmint::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct VideoSdkVerifier {
    inner: Verifier,
    app_key: String,
}

impl VideoSdkVerifier {
    /// A verifier for tokens of `app_key` signed with `key` (the Video SDK secret), with the
    /// default leeway and length limit of [`Verifier`].
    #[must_use]
    pub fn new(key: Key, app_key: &str) -> Self {
        VideoSdkVerifier {
            inner: Verifier::new(key).requiring(&VIDEO_SDK_REQUIRED_CLAIMS),
            app_key: app_key.to_owned(),
        }
    }

    sdk_verifier_methods!(VideoSdkClaims);

    /// The expected SDK key.
    #[must_use]
    pub fn app_key(&self) -> &str {
        &self.app_key
    }

    /// Verifies `token` at `now` (seconds since the epoch) and returns its claims.
    ///
    /// # Errors
    /// The first rule the token breaks, as listed in the type's documentation.
    pub fn verify_at(&self, token: impl AsRef<[u8]>, now: i64) -> Result<VideoSdkClaims> {
        let payload = self.inner.verify_payload_at(token, now)?;
        let wire: Wire = read_wire(&payload)?;
        if wire.app_key != self.app_key {
            return Err(Error::AppKeyMismatch {
                expected: self.app_key.clone(),
                found: truncate_for_message(&wire.app_key),
            });
        }
        VideoSdkClaims::try_from(wire)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::zoom::{Role, VideoSdkTokenBuilder};

    const SECRET: &str = "0123456789abcdef0123456789abcdef";
    const NOW: i64 = 1_700_000_000;

    fn key() -> Key {
        Key::from_text(SECRET).unwrap()
    }

    fn verifier() -> VideoSdkVerifier {
        VideoSdkVerifier::new(key(), "sdk")
    }

    #[test]
    fn accepts_what_the_builder_mints_and_reads_it_back() {
        let b = VideoSdkTokenBuilder::new("sdk", "topic", Role::Host).session_key("s");
        let token = b.mint_at(&key(), NOW).unwrap();
        assert_eq!(
            verifier().verify_at(&token, NOW).unwrap(),
            b.claims_at(NOW).unwrap()
        );
    }

    #[test]
    fn each_required_claim_is_required() {
        for missing in VIDEO_SDK_REQUIRED_CLAIMS {
            let mut claims = serde_json::json!({
                "app_key": "sdk", "role_type": 1, "tpc": "t", "version": 1,
                "iat": NOW, "exp": NOW + 3600,
            });
            claims.as_object_mut().unwrap().remove(missing);
            let token = crate::mint(&key(), &claims).unwrap();
            assert_eq!(
                verifier().verify_at(&token, NOW).unwrap_err(),
                Error::MissingClaim {
                    claim: missing.into()
                },
                "{missing}"
            );
        }
    }

    #[test]
    fn zoom_rules_apply_to_received_tokens() {
        let cases = [
            (
                serde_json::json!({"role_type": 2}),
                Error::InvalidVideoSdkClaim {
                    claim: "role_type",
                    expected: "0 (participant) or 1 (host)",
                },
            ),
            (
                serde_json::json!({"version": 2}),
                Error::InvalidVideoSdkClaim {
                    claim: "version",
                    expected: "1",
                },
            ),
            (
                serde_json::json!({"exp": NOW + 172_801}),
                Error::LifetimeOutOfRange {
                    seconds: 172_801,
                    min: 1800,
                    max: 172_800,
                },
            ),
            (
                serde_json::json!({"tpc": ""}),
                Error::EmptyField { field: "tpc" },
            ),
            (
                serde_json::json!({"app_key": "other"}),
                Error::AppKeyMismatch {
                    expected: "sdk".into(),
                    found: "other".into(),
                },
            ),
        ];
        for (overrides, expected) in cases {
            let mut claims = serde_json::json!({
                "app_key": "sdk", "role_type": 1, "tpc": "t", "version": 1,
                "iat": NOW, "exp": NOW + 3600,
            });
            for (k, v) in overrides.as_object().unwrap() {
                claims[k] = v.clone();
            }
            let token = crate::mint(&key(), &claims).unwrap();
            assert_eq!(
                verifier().verify_at(&token, NOW).unwrap_err(),
                expected,
                "{overrides}"
            );
        }
        // A wrong type is the generic claims-type error.
        let token = crate::mint(
            &key(),
            &serde_json::json!({
                "app_key": "sdk", "role_type": "1", "tpc": "t", "version": 1,
                "iat": NOW, "exp": NOW + 3600,
            }),
        )
        .unwrap();
        assert!(matches!(
            verifier().verify_at(&token, NOW),
            Err(Error::ClaimsType { .. })
        ));
    }

    #[test]
    fn jwt_checks_come_first() {
        let token = VideoSdkTokenBuilder::new("sdk", "t", Role::Host)
            .mint_at(&key(), NOW)
            .unwrap();
        assert!(matches!(
            verifier().verify_at(&token, NOW + 7200 + 60),
            Err(Error::Expired { .. })
        ));
        let other = VideoSdkVerifier::new(Key::new(&[1; 32]).unwrap(), "sdk");
        assert_eq!(
            other.verify_at(&token, NOW).unwrap_err(),
            Error::InvalidSignature
        );
        assert!(matches!(
            verifier().with_max_len(10).verify_at(&token, NOW),
            Err(Error::TooLong { .. })
        ));
        // Leeway is passed through: just past expiry, accepted only with more leeway.
        let late = NOW - 30 + 7200 + 61;
        assert!(verifier().verify_at(&token, late).is_err());
        assert!(verifier().with_leeway(120).verify_at(&token, late).is_ok());
    }
}
