//! Zoom webhook requests: checking their signature and answering the URL validation challenge.
//!
//! Zoom signs each request with the app's secret token:
//! `x-zm-signature: v0=<hex(HMAC-SHA256(secret token, "v0:" + x-zm-request-timestamp + ":" + body))>`.

use std::fmt;

use crate::error::{Error, Result};
use crate::key::Key;
use crate::secret::{decode_secret, SecretEncoding};
use crate::time::now;

/// The request header carrying the signature (`v0=` and 64 lower-case hex digits).
pub const SIGNATURE_HEADER: &str = "x-zm-signature";

/// The request header carrying the time of the request, in seconds since the epoch.
pub const TIMESTAMP_HEADER: &str = "x-zm-request-timestamp";

/// How far, in seconds, a request's timestamp may be from `now` (either way) by default: five
/// minutes. This is jwtmint's own choice, not a figure from Zoom (whose documentation and
/// samples check the signature but set no window): long enough for Zoom's retries and
/// ordinary clock drift, short enough that a captured request cannot be replayed for long.
pub const DEFAULT_WEBHOOK_TOLERANCE: u64 = 300;

/// The `event` of the challenge Zoom sends to validate an endpoint URL.
pub const URL_VALIDATION_EVENT: &str = "endpoint.url_validation";

const PREFIX: &[u8] = b"v0=";
const HEX_LEN: usize = 64;
/// `u64::MAX` has 20 digits; longer input is refused before any arithmetic.
const MAX_TIMESTAMP_DIGITS: usize = 20;

/// Checks Zoom webhook requests for one app's secret token.
///
/// Built once from the secret token (the keyed HMAC state is computed here, and `Debug`
/// prints no secret). The token has no length minimum: Zoom chooses it, not you.
///
/// A request is accepted when, in this order:
/// 1. the timestamp header is plain ASCII digits (at most 20) that fit in a `u64`;
/// 2. the signature header is `v0=` followed by exactly 64 lower-case hex digits (lower case
///    only, as Zoom sends it: one request then has exactly one valid signature text, so a
///    replay cache keyed on it cannot be dodged by changing case);
/// 3. the signature matches, compared in constant time;
/// 4. the timestamp is within the tolerance of `now`, in either direction (default 300 s).
///
/// Each failure has its own [`Error`] (codes 620–625).
///
/// ```
/// use jwtmint::zoom::WebhookVerifier;
///
/// let webhook = WebhookVerifier::new("ZOOM_WEBHOOK_SECRET_TOKEN")?;
/// let body = br#"{"event":"session.started","payload":{}}"#;
/// let signature = webhook.sign(1_700_000_000, body);
///
/// webhook.verify_at("1700000000", body, &signature, 1_700_000_060)?;
/// assert!(webhook.verify_at("1700000000", b"{}", &signature, 1_700_000_060).is_err());
/// # Ok::<(), jwtmint::Error>(())
/// ```
#[derive(Clone)]
pub struct WebhookVerifier {
    pub(super) key: Key,
    tolerance: u64,
}

impl fmt::Debug for WebhookVerifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WebhookVerifier")
            .field("secret_token", &format_args!("<redacted>"))
            .field("tolerance", &self.tolerance)
            .finish()
    }
}

impl WebhookVerifier {
    /// A verifier for the app whose webhook secret token is `secret_token`, with the default
    /// tolerance.
    ///
    /// # Errors
    /// [`Error::EmptySecret`] for an empty token.
    pub fn new(secret_token: impl AsRef<[u8]>) -> Result<Self> {
        Ok(WebhookVerifier {
            key: Key::new_any_length(secret_token.as_ref())?,
            tolerance: DEFAULT_WEBHOOK_TOLERANCE,
        })
    }

    /// A verifier for a secret token written as text in `encoding`, for tools that take every
    /// secret the same way (the CLI's `--secret-encoding`). Zoom's secret tokens are plain
    /// text: [`SecretEncoding::Utf8`] gives the same verifier as [`new`](Self::new).
    ///
    /// ```
    /// use jwtmint::{zoom::WebhookVerifier, SecretEncoding};
    ///
    /// let text = WebhookVerifier::new("abc")?;
    /// let hex = WebhookVerifier::from_encoded("616263", SecretEncoding::Hex)?;
    /// assert_eq!(text.sign(1, b"{}"), hex.sign(1, b"{}"));
    /// # Ok::<(), jwtmint::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidSecretEncoding`] when the text is not valid in `encoding`;
    /// [`Error::EmptySecret`] when it decodes to nothing.
    pub fn from_encoded(secret_token: &str, encoding: SecretEncoding) -> Result<Self> {
        Self::new(&*decode_secret(secret_token, encoding)?)
    }

    /// Sets how far, in seconds, a request's timestamp may be from `now`, either way.
    #[must_use]
    pub fn with_tolerance(mut self, seconds: u64) -> Self {
        self.tolerance = seconds;
        self
    }

    /// The tolerance, in seconds.
    #[must_use]
    pub fn tolerance(&self) -> u64 {
        self.tolerance
    }

    /// The `x-zm-signature` value for a request with this timestamp and raw body, for test
    /// harnesses and webhook senders.
    #[must_use]
    pub fn sign(&self, timestamp: u64, body: &[u8]) -> String {
        let mut digits = itoa::Buffer::new();
        let tag = self
            .key
            .tag(&message(digits.format(timestamp).as_bytes(), body));
        let mut out = String::with_capacity(PREFIX.len() + HEX_LEN);
        out.push_str("v0=");
        out.push_str(&base16ct::lower::encode_string(&tag));
        out
    }

    /// Checks a request at `now`: its `x-zm-request-timestamp` header, raw body and
    /// `x-zm-signature` header, as received. Returns the request's timestamp.
    ///
    /// # Errors
    /// [`Error::WebhookTimestampMalformed`], [`Error::WebhookSignaturePrefix`],
    /// [`Error::WebhookSignatureLength`], [`Error::WebhookSignatureEncoding`],
    /// [`Error::WebhookSignatureMismatch`] or [`Error::WebhookTimestampOutOfTolerance`], for
    /// the first rule broken in the order of the type's documentation.
    pub fn verify_at(
        &self,
        timestamp: impl AsRef<[u8]>,
        body: impl AsRef<[u8]>,
        signature: impl AsRef<[u8]>,
        now: i64,
    ) -> Result<u64> {
        let timestamp = timestamp.as_ref();
        let seconds = parse_timestamp(timestamp)?;
        let tag = parse_signature(signature.as_ref())?;
        if !self
            .key
            .verify_tag(&message(timestamp, body.as_ref()), &tag)
        {
            return Err(Error::WebhookSignatureMismatch);
        }
        // i128: the difference of a u64 and an i64 always fits.
        if (i128::from(seconds) - i128::from(now)).unsigned_abs() > u128::from(self.tolerance) {
            return Err(Error::WebhookTimestampOutOfTolerance {
                timestamp: seconds,
                now,
                tolerance: self.tolerance,
            });
        }
        Ok(seconds)
    }

    /// Checks a request against the system clock.
    ///
    /// # Errors
    /// [`Error::Clock`] for an unusable clock; otherwise as [`verify_at`](Self::verify_at).
    pub fn verify(
        &self,
        timestamp: impl AsRef<[u8]>,
        body: impl AsRef<[u8]>,
        signature: impl AsRef<[u8]>,
    ) -> Result<u64> {
        self.verify_at(timestamp, body, signature, now()?)
    }
}

/// The signed message: `v0:<timestamp>:<body>`.
fn message(timestamp: &[u8], body: &[u8]) -> Vec<u8> {
    let mut m = Vec::with_capacity(3 + timestamp.len() + 1 + body.len());
    m.extend_from_slice(b"v0:");
    m.extend_from_slice(timestamp);
    m.push(b':');
    m.extend_from_slice(body);
    m
}

/// Plain ASCII digits, at most 20 of them, within `u64`.
fn parse_timestamp(text: &[u8]) -> Result<u64> {
    if text.is_empty() || text.len() > MAX_TIMESTAMP_DIGITS {
        return Err(Error::WebhookTimestampMalformed);
    }
    text.iter().try_fold(0u64, |acc, &b| {
        if !b.is_ascii_digit() {
            return Err(Error::WebhookTimestampMalformed);
        }
        acc.checked_mul(10)
            .and_then(|v| v.checked_add(u64::from(b - b'0')))
            .ok_or(Error::WebhookTimestampMalformed)
    })
}

/// `v0=` and 64 lower-case hex digits, decoded.
fn parse_signature(text: &[u8]) -> Result<[u8; 32]> {
    let hex = text
        .strip_prefix(PREFIX)
        .ok_or(Error::WebhookSignaturePrefix)?;
    if hex.len() != HEX_LEN {
        return Err(Error::WebhookSignatureLength { len: hex.len() });
    }
    let mut tag = [0u8; 32];
    // base16ct decodes without branching on the digits' values.
    base16ct::lower::decode(hex, &mut tag).map_err(|_| Error::WebhookSignatureEncoding)?;
    Ok(tag)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    // Computed with Python's hmac/hashlib (see tests/zoom_webhook.rs for the script).
    pub(crate) const SECRET: &str = "ZOOM_WEBHOOK_SECRET_TOKEN";
    pub(crate) const BODY: &str = r#"{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1654503849680,"event":"endpoint.url_validation"}"#;
    pub(crate) const SIGNATURE: &str =
        "v0=89802a78f4471ac2b4d938060097ad6c70b85a41cdf00d14425b1c5e641d0918";
    pub(crate) const ENCRYPTED: &str =
        "86b96838c461c5cafc27d6631f663bbfd12746efb4293fc18dce8af8f1aaad30";
    pub(crate) const TS: u64 = 1_700_000_000;
    pub(crate) const NOW: i64 = 1_700_000_000;

    pub(crate) fn verifier() -> WebhookVerifier {
        WebhookVerifier::new(SECRET).unwrap()
    }

    #[test]
    fn the_vector_holds() {
        assert_eq!(verifier().sign(TS, BODY.as_bytes()), SIGNATURE);
        assert_eq!(
            verifier().verify_at("1700000000", BODY, SIGNATURE, NOW),
            Ok(TS)
        );
        let answer = verifier()
            .url_validation_at("1700000000", BODY, SIGNATURE, NOW)
            .unwrap();
        assert_eq!(answer.plain_token(), "qgg8vlvZRS6UYooatFL8Aw");
        assert_eq!(answer.encrypted_token(), ENCRYPTED);
    }

    #[test]
    fn timestamps_are_plain_digits_within_u64() {
        assert_eq!(parse_timestamp(b"0"), Ok(0));
        assert_eq!(parse_timestamp(b"18446744073709551615"), Ok(u64::MAX));
        for bad in [
            &b""[..],
            b" 1700000000",
            b"1700000000 ",
            b"+1700000000",
            b"-1",
            b"1.5",
            b"0x10",
            b"1e9",
            "１７".as_bytes(), // full-width digits
            b"18446744073709551616",
            b"000000000000000000001",
        ] {
            assert_eq!(
                parse_timestamp(bad),
                Err(Error::WebhookTimestampMalformed),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn signature_header_shape() {
        let hex = &SIGNATURE[3..];
        assert_eq!(
            parse_signature(hex.as_bytes()),
            Err(Error::WebhookSignaturePrefix)
        );
        assert_eq!(
            parse_signature(format!("v1={hex}").as_bytes()),
            Err(Error::WebhookSignaturePrefix)
        );
        assert_eq!(
            parse_signature(format!("V0={hex}").as_bytes()),
            Err(Error::WebhookSignaturePrefix)
        );
        assert_eq!(
            parse_signature(format!("v0={}", &hex[..63]).as_bytes()),
            Err(Error::WebhookSignatureLength { len: 63 })
        );
        assert_eq!(
            parse_signature(format!("v0={hex}0").as_bytes()),
            Err(Error::WebhookSignatureLength { len: 65 })
        );
        assert_eq!(
            parse_signature(b"v0="),
            Err(Error::WebhookSignatureLength { len: 0 })
        );
        assert_eq!(
            parse_signature(format!("v0={}", hex.to_uppercase()).as_bytes()),
            Err(Error::WebhookSignatureEncoding)
        );
        assert_eq!(
            parse_signature(format!("v0={}g", &hex[..63]).as_bytes()),
            Err(Error::WebhookSignatureEncoding)
        );
        assert!(parse_signature(SIGNATURE.as_bytes()).is_ok());
    }

    #[test]
    fn tolerance_applies_both_ways_and_is_configurable() {
        let v = verifier();
        assert!(v
            .verify_at("1700000000", BODY, SIGNATURE, NOW + 300)
            .is_ok());
        assert!(v
            .verify_at("1700000000", BODY, SIGNATURE, NOW - 300)
            .is_ok());
        for now in [NOW + 301, NOW - 301, i64::MIN, i64::MAX] {
            assert_eq!(
                v.verify_at("1700000000", BODY, SIGNATURE, now),
                Err(Error::WebhookTimestampOutOfTolerance {
                    timestamp: TS,
                    now,
                    tolerance: 300
                })
            );
        }
        let strict = verifier().with_tolerance(0);
        assert!(strict.verify_at("1700000000", BODY, SIGNATURE, NOW).is_ok());
        assert!(strict
            .verify_at("1700000000", BODY, SIGNATURE, NOW + 1)
            .is_err());
        let lax = verifier().with_tolerance(u64::MAX);
        assert!(lax
            .verify_at("1700000000", BODY, SIGNATURE, i64::MIN)
            .is_ok());
    }

    #[test]
    fn any_change_breaks_the_signature() {
        let v = verifier();
        assert_eq!(
            v.verify_at("1700000001", BODY, SIGNATURE, NOW),
            Err(Error::WebhookSignatureMismatch)
        );
        // Leading zeros are digits too, but they are signed as sent.
        assert_eq!(
            v.verify_at("01700000000", BODY, SIGNATURE, NOW),
            Err(Error::WebhookSignatureMismatch)
        );
        let mut body = BODY.as_bytes().to_vec();
        body.push(b'\n');
        assert_eq!(
            v.verify_at("1700000000", &body, SIGNATURE, NOW),
            Err(Error::WebhookSignatureMismatch)
        );
        let other = WebhookVerifier::new("ZOOM_WEBHOOK_SECRET_TOKEM").unwrap();
        assert_eq!(
            other.verify_at("1700000000", BODY, SIGNATURE, NOW),
            Err(Error::WebhookSignatureMismatch)
        );
    }

    #[test]
    fn empty_secret_is_refused_and_debug_is_redacted() {
        assert_eq!(WebhookVerifier::new("").unwrap_err(), Error::EmptySecret);
        // Short tokens are allowed: Zoom chooses them.
        assert!(WebhookVerifier::new("x").is_ok());
        let dbg = format!("{:?}", verifier());
        assert!(!dbg.contains(SECRET), "{dbg}");
        assert!(dbg.contains("redacted") && dbg.contains("300"), "{dbg}");
    }

    #[test]
    fn encoded_secret_tokens() {
        let hex: String = SECRET.bytes().map(|b| format!("{b:02x}")).collect();
        for (text, encoding) in [
            (SECRET, SecretEncoding::Utf8),
            (SECRET, SecretEncoding::JsrsasignCompat),
            (hex.as_str(), SecretEncoding::Hex),
            (hex.as_str(), SecretEncoding::JsrsasignCompat),
        ] {
            let v = WebhookVerifier::from_encoded(text, encoding).unwrap();
            assert_eq!(v.sign(TS, BODY.as_bytes()), SIGNATURE, "{encoding}");
        }
        assert_eq!(
            WebhookVerifier::from_encoded("zz", SecretEncoding::Hex).unwrap_err(),
            Error::InvalidSecretEncoding { encoding: "hex" }
        );
        assert_eq!(
            WebhookVerifier::from_encoded("", SecretEncoding::Base64).unwrap_err(),
            Error::EmptySecret
        );
        // No length minimum, whatever the encoding.
        assert!(WebhookVerifier::from_encoded("00", SecretEncoding::Hex).is_ok());
    }
}
