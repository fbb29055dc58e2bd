//! What the Video SDK and Meeting SDK presets share: the builders' lifetime setters and `mint`
//! methods, the verifiers' limits, and the typed reading of a verified payload. Written once
//! here, as macros because the methods belong to each preset's own type and documentation.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serializer};

use crate::error::{Error, Result};

/// A verified payload read into a preset's wire type; a wrong JSON type is
/// [`Error::ClaimsType`].
pub(super) fn read_wire<T: DeserializeOwned>(payload: &[u8]) -> Result<T> {
    serde_json::from_slice(payload).map_err(|e| Error::ClaimsType {
        reason: e.to_string(),
    })
}

/// A flag claim as the samples write it: the number 0 or 1.
pub(super) fn serialize_flag<S: Serializer>(
    flag: &Option<bool>,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    match flag {
        Some(on) => s.serialize_u8(u8::from(*on)),
        None => s.serialize_none(),
    }
}

/// An optional claim that, when present, must have its type: `null` is not "absent".
pub(super) fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> std::result::Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

/// `ttl`, `skew`, `set_if_some`, `mint_at` and `mint` of a builder with `ttl` and `skew` fields and a
/// `claims_at(now)` method. `$secret` names the key in the documentation; `$min`, `$max` and
/// `$default` are the lifetime constants.
macro_rules! sdk_builder_methods {
    ($secret:literal, $min:ident, $max:ident, $default:ident) => {
        #[doc = concat!("Sets the lifetime, `exp - iat`, in seconds: from [`", stringify!($min),
                            "`] to [`", stringify!($max), "`] (checked when minting). Default [`",
                            stringify!($default), "`].")]
        #[must_use]
        pub fn ttl(mut self, seconds: u64) -> Self {
            self.ttl = seconds;
            self
        }

        /// Sets how many seconds `iat` is backdated; must be shorter than the ttl (checked
        /// when minting). Default [`DEFAULT_SKEW`](crate::zoom::DEFAULT_SKEW).
        #[must_use]
        pub fn skew(mut self, seconds: u64) -> Self {
            self.skew = seconds;
            self
        }

        /// Calls `setter` with `value` when there is one, and returns the builder unchanged
        /// when there is none: for callers whose fields are optional (a command's flags, a
        /// request's members), so that building reads as one chain.
        #[must_use]
        pub fn set_if_some<T>(self, value: Option<T>, setter: impl FnOnce(Self, T) -> Self) -> Self {
            match value {
                Some(value) => setter(self, value),
                None => self,
            }
        }

        #[doc = concat!("Mints a token at `now`, signed with `key` (the ", $secret, ").")]
        ///
        /// # Errors
        /// As [`claims_at`](Self::claims_at).
        pub fn mint_at(&self, key: &crate::Key, now: i64) -> crate::Result<String> {
            crate::mint(key, &self.claims_at(now)?)
        }

        /// Mints a token at the current system time.
        ///
        /// # Errors
        /// [`Error::Clock`](crate::Error::Clock) for an unusable clock; otherwise as
        /// [`mint_at`](Self::mint_at).
        pub fn mint(&self, key: &crate::Key) -> crate::Result<String> {
            self.mint_at(key, crate::now()?)
        }
    };
}

/// `with_leeway`, `with_max_len`, `verifier` and `verify` of a verifier whose `inner` field is
/// the [`Verifier`](crate::Verifier) and whose `verify_at` returns `$claims`.
macro_rules! sdk_verifier_methods {
    ($claims:ty) => {
        /// Sets the allowance for clock differences, in seconds.
        #[must_use]
        pub fn with_leeway(mut self, seconds: u64) -> Self {
            self.inner = self.inner.with_leeway(seconds);
            self
        }

        /// Sets the longest token accepted, in bytes.
        #[must_use]
        pub fn with_max_len(mut self, bytes: usize) -> Self {
            self.inner = self.inner.with_max_len(bytes);
            self
        }

        /// The underlying JWT verifier.
        #[must_use]
        pub fn verifier(&self) -> &crate::Verifier {
            &self.inner
        }

        /// Verifies `token` against the system clock and returns its claims.
        ///
        /// # Errors
        /// [`Error::Clock`](crate::Error::Clock) for an unusable clock; otherwise as
        /// [`verify_at`](Self::verify_at).
        pub fn verify(&self, token: impl AsRef<[u8]>) -> crate::Result<$claims> {
            self.verify_at(token, crate::now()?)
        }
    };
}
