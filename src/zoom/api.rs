//! The Zoom API JWT: `{"iss": API key, "iat": now - skew, "exp": iat + ttl}` under HS256.

use serde::Serialize;

use crate::error::{Error, Result};
use crate::key::Key;
use crate::prefix::IssuerPrefix;
use crate::time::{issue_times, now};
use crate::verify::Verifier;

/// Seconds `iat` is backdated by default, as in Zoom's sample, to absorb clock skew.
pub const DEFAULT_SKEW: u64 = 30;

/// Default lifetime in seconds: one hour, the longest Zoom suggests.
pub const DEFAULT_TTL: u64 = 3600;

/// The longest lifetime Zoom suggests; longer ones work but are worth a warning.
pub const SUGGESTED_MAX_TTL: u64 = 3600;

/// Mints Zoom API JWTs for one API key and secret.
///
/// The payload is exactly `{"iss":"<API key>","iat":<now - skew>,"exp":<iat + ttl>}` and the
/// header `{"alg":"HS256","typ":"JWT"}`, so a token is byte-identical to the one Zoom's
/// Node.js sample (jsrsasign) makes for the same inputs.
///
/// Everything that is the same for every token of this key is computed once, in
/// [`ApiTokenMinter::new`]: [`mint_into`](Self::mint_into) writes a token into a caller's
/// buffer without allocating.
///
/// ```
/// use jwtmint::{zoom::ApiTokenMinter, Key, Verifier};
///
/// let key = Key::from_text("my-zoom-api-secret-of-36-characters!")?;
/// let minter = ApiTokenMinter::new("my-api-key", key.clone())?;
/// let token = minter.mint_at(1_700_000_000)?;
///
/// let claims = Verifier::zoom_api(key, "my-api-key").verify_at(&token, 1_700_000_000)?;
/// assert_eq!(claims["iat"], 1_700_000_000 - 30);
/// assert_eq!(claims["exp"], 1_700_000_000 - 30 + 3600);
///
/// // No allocation: reuse one buffer for every token.
/// let mut buf = [0u8; 256];
/// let n = minter.mint_into(1_700_000_000, &mut buf)?;
/// assert_eq!(&buf[..n], token.as_bytes());
/// # Ok::<(), jwtmint::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct ApiTokenMinter {
    key: Key,
    api_key: String,
    skew: u64,
    ttl: u64,
    prefix: IssuerPrefix,
}

impl ApiTokenMinter {
    /// A minter for `api_key` (the `iss` claim) signing with `key` (the API secret), with the
    /// default skew (30 s) and lifetime (3600 s).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for an empty API key.
    pub fn new(api_key: &str, key: Key) -> Result<Self> {
        if api_key.is_empty() {
            return Err(Error::InvalidArgument {
                name: "api key",
                reason: "must not be empty",
            });
        }
        let prefix = IssuerPrefix::new(&key, api_key)?;
        Ok(ApiTokenMinter {
            key,
            api_key: api_key.to_owned(),
            skew: DEFAULT_SKEW,
            ttl: DEFAULT_TTL,
            prefix,
        })
    }

    /// Sets how many seconds `iat` is backdated (0 for none).
    #[must_use]
    pub fn with_skew(mut self, seconds: u64) -> Self {
        self.skew = seconds;
        self
    }

    /// Sets the lifetime, `exp - iat`, in seconds.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for 0.
    pub fn with_ttl(mut self, seconds: u64) -> Result<Self> {
        if seconds == 0 {
            return Err(Error::InvalidArgument {
                name: "ttl",
                reason: "must be positive",
            });
        }
        self.ttl = seconds;
        Ok(self)
    }

    /// The API key (`iss`).
    #[must_use]
    pub fn api_key(&self) -> &str {
        &self.api_key
    }

    /// The backdating of `iat`, in seconds.
    #[must_use]
    pub fn skew(&self) -> u64 {
        self.skew
    }

    /// The lifetime, in seconds.
    #[must_use]
    pub fn ttl(&self) -> u64 {
        self.ttl
    }

    /// `(iat, exp)` for a token minted at `now`.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when the skew is not shorter than the lifetime (every token
    /// would be born expired); [`Error::TimeOverflow`] when `now - skew` or `iat + ttl`
    /// overflows.
    pub fn times(&self, now: i64) -> Result<(i64, i64)> {
        issue_times(now, self.skew, self.ttl)
    }

    /// The longest token this minter can produce, for sizing a buffer once.
    #[must_use]
    pub fn max_token_len(&self) -> usize {
        self.prefix.max_token_len()
    }

    /// Mints a token into `out`, returning its length. Allocates nothing.
    ///
    /// # Errors
    /// [`Error::BufferTooSmall`] (with the length needed) when `out` is too small;
    /// [`Error::TimeOverflow`] as in [`times`](Self::times).
    pub fn mint_into(&self, now: i64, out: &mut [u8]) -> Result<usize> {
        let (iat, exp) = self.times(now)?;
        self.prefix.write_token(iat, exp, out)
    }

    /// Mints a token for the time `now` (seconds since the epoch).
    ///
    /// # Errors
    /// [`Error::TimeOverflow`] as in [`times`](Self::times).
    pub fn mint_at(&self, now: i64) -> Result<String> {
        let mut buf = vec![0u8; self.max_token_len()];
        let n = self.mint_into(now, &mut buf)?;
        buf.truncate(n);
        // Base64url output is ASCII.
        String::from_utf8(buf).map_err(|_| Error::Serialize {
            reason: "non-ASCII token".into(),
        })
    }

    /// Mints a token for the current system time.
    ///
    /// # Errors
    /// [`Error::Clock`] for an unusable clock; otherwise as [`mint_at`](Self::mint_at).
    pub fn mint(&self) -> Result<String> {
        self.mint_at(now()?)
    }

    /// Mints a token with more claims after `iss`, `iat` and `exp`, in the order `extra`
    /// serializes them. `extra` must serialize to a JSON object that does not repeat those
    /// three names.
    ///
    /// ```
    /// # use jwtmint::{zoom::ApiTokenMinter, Key};
    /// # let key = Key::from_text("my-zoom-api-secret-of-36-characters!")?;
    /// let minter = ApiTokenMinter::new("my-api-key", key)?;
    /// let extra = serde_json::json!({"scope": "sessions:read"});
    /// let token = minter.mint_with_claims_at(1_700_000_000, &extra)?;
    /// let payload = jwtmint::dangerous::decode_unverified(&token)?.payload_json;
    /// assert_eq!(
    ///     payload,
    ///     r#"{"iss":"my-api-key","iat":1699999970,"exp":1700003570,"scope":"sessions:read"}"#
    /// );
    /// # Ok::<(), jwtmint::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`crate::mint`], and [`Error::DuplicateMember`] when `extra` repeats a name.
    pub fn mint_with_claims_at<T: Serialize + ?Sized>(
        &self,
        now: i64,
        extra: &T,
    ) -> Result<String> {
        #[derive(Serialize)]
        struct WithExtra<'a, T: ?Sized> {
            iss: &'a str,
            iat: i64,
            exp: i64,
            #[serde(flatten)]
            extra: &'a T,
        }
        let (iat, exp) = self.times(now)?;
        crate::mint(
            &self.key,
            &WithExtra {
                iss: &self.api_key,
                iat,
                exp,
                extra,
            },
        )
    }
}

// The generic verifier's constructor for this token kind lives with the kind, so the core's
// `verify` module names no Zoom rule.
impl Verifier {
    /// The verifier for Zoom API JWTs of one API key: `iss`, `iat` and `exp` required, `iss`
    /// must be `api_key`.
    ///
    /// ```
    /// use jwtmint::{zoom::ApiTokenMinter, Error, Key, Verifier};
    ///
    /// let key = Key::from_text("my-zoom-api-secret-of-36-characters!")?;
    /// let token = ApiTokenMinter::new("my-api-key", key.clone())?.mint_at(1_700_000_000)?;
    /// let verifier = Verifier::zoom_api(key, "other-api-key");
    /// let result = verifier.verify_at(&token, 1_700_000_000);
    /// assert!(matches!(result, Err(Error::IssuerMismatch { .. })));
    /// # Ok::<(), jwtmint::Error>(())
    /// ```
    #[must_use]
    pub fn zoom_api(key: Key, api_key: &str) -> Self {
        Verifier::new(key)
            .requiring(&["iss", "iat", "exp"])
            .with_issuer(api_key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Segment;

    const SECRET: &str = "0123456789abcdef0123456789abcdef";

    fn minter(api_key: &str) -> ApiTokenMinter {
        ApiTokenMinter::new(api_key, Key::from_text(SECRET).unwrap()).unwrap()
    }

    fn payload_of(token: &str) -> String {
        let part = token.split('.').nth(1).unwrap();
        String::from_utf8(crate::base64url::decode(part.as_bytes(), Segment::Payload).unwrap())
            .unwrap()
    }

    #[test]
    fn times_follow_skew_and_ttl() {
        let m = minter("k").with_skew(10).with_ttl(100).unwrap();
        assert_eq!(m.times(1000).unwrap(), (990, 1090));
        let m = minter("k").with_skew(0);
        assert_eq!(m.times(1000).unwrap(), (1000, 4600));
    }

    #[test]
    fn overflow_and_zero_ttl_are_refused() {
        assert_eq!(
            minter("k").with_ttl(0).unwrap_err(),
            Error::InvalidArgument {
                name: "ttl",
                reason: "must be positive"
            }
        );
        assert_eq!(minter("k").mint_at(i64::MIN), Err(Error::TimeOverflow));
        assert_eq!(minter("k").mint_at(i64::MAX), Err(Error::TimeOverflow));
        assert_eq!(
            minter("k")
                .with_skew(u64::MAX - 1)
                .with_ttl(u64::MAX)
                .unwrap()
                .mint_at(0),
            Err(Error::TimeOverflow)
        );
        assert!(matches!(
            minter("k").with_skew(3600).mint_at(0),
            Err(Error::InvalidArgument { name: "skew", .. })
        ));
        assert_eq!(
            minter("k").with_ttl(u64::MAX).unwrap().mint_at(0),
            Err(Error::TimeOverflow)
        );
    }

    #[test]
    fn empty_api_key_is_refused() {
        assert!(matches!(
            ApiTokenMinter::new("", Key::from_text(SECRET).unwrap()),
            Err(Error::InvalidArgument {
                name: "api key",
                ..
            })
        ));
    }

    #[test]
    fn short_buffer_reports_the_size_needed_and_writes_nothing() {
        let m = minter("abcdefghijklmnopqrstuv");
        let full = m.mint_at(1_700_000_000).unwrap();
        let mut buf = vec![0xeeu8; full.len() - 1];
        assert_eq!(
            m.mint_into(1_700_000_000, &mut buf),
            Err(Error::BufferTooSmall { needed: full.len() })
        );
        assert!(buf.iter().all(|&b| b == 0xee));
        let mut exact = vec![0u8; full.len()];
        assert_eq!(m.mint_into(1_700_000_000, &mut exact), Ok(full.len()));
        assert_eq!(exact, full.as_bytes());
    }

    #[test]
    fn extra_claims_follow_the_zoom_three_and_may_not_repeat_them() {
        let m = minter("k");
        let token = m
            .mint_with_claims_at(100, &serde_json::json!({"a": 1}))
            .unwrap();
        assert_eq!(
            payload_of(&token),
            r#"{"iss":"k","iat":70,"exp":3670,"a":1}"#
        );
        assert!(matches!(
            m.mint_with_claims_at(100, &serde_json::json!({"iss": "other"})),
            Err(Error::DuplicateMember { .. })
        ));
    }

    #[test]
    fn debug_shows_no_secret() {
        let dbg = format!("{:?}", minter("k"));
        assert!(!dbg.contains(SECRET));
        assert!(dbg.contains("redacted"));
    }
}
