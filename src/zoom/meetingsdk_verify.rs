//! Verifying Meeting SDK tokens, for servers that receive them.

use crate::error::{truncate_for_message, Error, Result};
use crate::key::Key;
use crate::verify::Verifier;
use crate::zoom::meetingsdk_claims::Wire;
use crate::zoom::sdk_common::read_wire;
use crate::zoom::MeetingSdkClaims;

/// The claims every Meeting SDK token carries (Zoom's documentation: `appKey`/`sdkKey`, `mn`
/// and `role` may each be absent).
pub const MEETING_SDK_REQUIRED_CLAIMS: [&str; 3] = ["iat", "exp", "tokenExp"];

/// Verifies Meeting SDK tokens.
///
/// Every check of [`Verifier`] first (size, encoding, header, the MAC in constant time, then
/// `exp`, `nbf` and `iat` against `now` with the leeway), with `iat`, `exp` and `tokenExp`
/// required; then `tokenExp` against `now` like `exp` ([`Error::Expired`]); the claims' types
/// ([`Error::ClaimsType`]); Zoom's rules of [`MeetingSdkClaims::validate`]; and, when an SDK
/// key is expected, that key ([`Error::SdkKeyMismatch`]).
///
/// ```
/// use jwtmint::zoom::{MeetingSdkTokenBuilder, MeetingSdkVerifier};
/// use jwtmint::{Error, Key};
///
/// let key = Key::from_text("my-meeting-sdk-secret-of-36-character")?;
/// let token = MeetingSdkTokenBuilder::new("sdk-key").mint_at(&key, 1_700_000_000)?;
///
/// let claims = MeetingSdkVerifier::new(key.clone()).verify_at(&token, 1_700_000_000)?;
/// assert_eq!(claims.key(), Some("sdk-key"));
///
/// let err = MeetingSdkVerifier::new(key)
///     .expecting_sdk_key("other-key")
///     .verify_at(&token, 1_700_000_000)
///     .unwrap_err();
/// assert!(matches!(err, Error::SdkKeyMismatch { .. }));
/// # Ok::<(), jwtmint::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct MeetingSdkVerifier {
    inner: Verifier,
    sdk_key: Option<String>,
}

impl MeetingSdkVerifier {
    /// A verifier for tokens signed with `key` (the Meeting SDK secret), of any SDK key, with
    /// the default leeway and length limit of [`Verifier`].
    #[must_use]
    pub fn new(key: Key) -> Self {
        MeetingSdkVerifier {
            inner: Verifier::new(key).requiring(&MEETING_SDK_REQUIRED_CLAIMS),
            sdk_key: None,
        }
    }

    /// Requires the token's `sdkKey` (or, without one, its `appKey`) to be `sdk_key`.
    #[must_use]
    pub fn expecting_sdk_key(mut self, sdk_key: impl Into<String>) -> Self {
        self.sdk_key = Some(sdk_key.into());
        self
    }

    sdk_verifier_methods!(MeetingSdkClaims);

    /// Verifies `token` at `now` (seconds since the epoch) and returns its claims.
    ///
    /// # Errors
    /// The first rule the token breaks, as listed in the type's documentation.
    pub fn verify_at(&self, token: impl AsRef<[u8]>, now: i64) -> Result<MeetingSdkClaims> {
        let payload = self.inner.verify_payload_at(token, now)?;
        let wire: Wire = read_wire(&payload)?;
        let claims = MeetingSdkClaims::try_from(wire)?;
        // The same rule as `exp`'s in `Verifier`: expired once now >= tokenExp + leeway.
        if i128::from(now) >= i128::from(claims.token_exp) + i128::from(self.inner.leeway()) {
            return Err(Error::Expired {
                exp: claims.token_exp,
                now,
            });
        }
        if let (Some(expected), Some(found)) = (&self.sdk_key, claims.key()) {
            if expected != found {
                return Err(Error::SdkKeyMismatch {
                    expected: expected.clone(),
                    found: truncate_for_message(found),
                });
            }
        }
        Ok(claims)
    }
}
