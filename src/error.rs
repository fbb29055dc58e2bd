//! The one error type of jwtmint, with a stable numeric code per variant.
//!
//! Codes are grouped by what went wrong and are part of the public contract: the C ABI returns
//! them as result codes and every binding exposes them. A code is never reused or renumbered.
//!
//! | range | meaning |
//! |-------|---------|
//! | 0 | success (used by the C ABI only) |
//! | 100–199 | bad input from the caller: key, options, claims to mint |
//! | 200–299 | malformed token: size, segments, base64, JSON |
//! | 300–399 | header rejected |
//! | 400–499 | signature rejected |
//! | 500–599 | claims rejected: time, issuer, audience, presence, type |
//! | 600–619 | Video SDK claims refused: by the builder when minting, by the verifier when verifying |
//! | 620–639 | Zoom webhook request rejected: timestamp, signature, url-validation body |
//! | 640–699 | reserved for further Zoom extras |
//! | 900–999 | reserved for the C ABI (null pointer, panic, ...) |
//!
//! Messages never contain key material or a computed MAC.

use std::fmt;

/// Which of the three dot-separated parts of a compact JWS an error is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Segment {
    /// The JOSE header.
    Header,
    /// The claims set.
    Payload,
    /// The MAC.
    Signature,
}

impl fmt::Display for Segment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Segment::Header => "header",
            Segment::Payload => "payload",
            Segment::Signature => "signature",
        })
    }
}

/// Everything that can go wrong when building a key, minting or verifying.
///
/// Each variant carries the facts of the failure and maps to a stable [`code`](Error::code).
///
/// ```
/// use jwtmint::{Error, Key, Verifier};
///
/// let key = Key::from_text("a-secret-of-at-least-thirty-two-bytes!")?;
/// let err = Verifier::new(key).verify_at("not.a.token", 0).unwrap_err();
/// assert_eq!(err.code(), 203);
/// assert!(matches!(err, Error::InvalidBase64 { .. }));
/// # Ok::<(), jwtmint::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    // ---- 1xx: caller input -------------------------------------------------------------
    /// The secret is empty.
    EmptySecret,
    /// The secret is shorter than RFC 7518 §3.2 allows for HS256 (32 bytes).
    WeakSecret {
        /// Length of the secret given, in bytes.
        len: usize,
        /// The minimum, in bytes.
        min: usize,
    },
    /// The secret text is not valid in the encoding it was declared in.
    InvalidSecretEncoding {
        /// The declared encoding (`hex`, `base64`, ...).
        encoding: &'static str,
    },
    /// An option or argument is out of its allowed range.
    InvalidArgument {
        /// Which argument.
        name: &'static str,
        /// Why it was refused.
        reason: &'static str,
    },
    /// Time arithmetic would overflow (for example `now - skew` or `iat + ttl`).
    TimeOverflow,
    /// The system clock is before the Unix epoch or past what a NumericDate can hold.
    Clock,
    /// The claims to mint do not serialize to a JSON object.
    ClaimsNotAnObject,
    /// The claims to mint could not be serialized.
    Serialize {
        /// The serializer's message.
        reason: String,
    },
    /// The output buffer is too small; `needed` bytes are required.
    BufferTooSmall {
        /// Bytes required.
        needed: usize,
    },

    // ---- 2xx: malformed token ----------------------------------------------------------
    /// The token is longer than the verifier's limit. Checked before any decoding.
    TooLong {
        /// The token's length in bytes.
        len: usize,
        /// The verifier's limit.
        max: usize,
    },
    /// The token does not have exactly three dot-separated segments.
    SegmentCount {
        /// How many segments were found (counting up to four).
        found: usize,
    },
    /// A segment is empty (HS256 tokens have no empty segment).
    EmptySegment {
        /// Which segment.
        segment: Segment,
    },
    /// A segment is not canonical, unpadded base64url.
    InvalidBase64 {
        /// Which segment.
        segment: Segment,
    },
    /// A segment is not valid UTF-8 JSON.
    InvalidJson {
        /// Which segment.
        segment: Segment,
        /// The parser's message (position and kind; never key material).
        reason: String,
    },
    /// A segment's JSON is valid but not an object.
    NotAnObject {
        /// Which segment.
        segment: Segment,
    },
    /// A JSON object in a segment names the same member twice (RFC 7515 §4, RFC 7519 §4).
    DuplicateMember {
        /// Which segment.
        segment: Segment,
        /// The repeated member name.
        name: String,
    },

    // ---- 3xx: header -------------------------------------------------------------------
    /// The header has no `alg`.
    MissingAlgorithm,
    /// The header's `alg` is not `"HS256"`, the only algorithm an HS256 key accepts.
    UnsupportedAlgorithm {
        /// The `alg` found (JSON text, truncated).
        alg: String,
    },
    /// The header's `typ` is present and not `JWT`.
    UnsupportedType {
        /// The `typ` found (JSON text, truncated).
        typ: String,
    },
    /// The header has a `crit` member; jwtmint understands no extension.
    CriticalHeader,
    /// The header has a member jwtmint refuses to process (`cty`: nested JWTs are not
    /// supported).
    UnsupportedHeader {
        /// The member name.
        name: &'static str,
    },

    // ---- 4xx: signature ----------------------------------------------------------------
    /// The MAC does not match (or has the wrong length).
    InvalidSignature,

    // ---- 5xx: claims -------------------------------------------------------------------
    /// `now >= exp + leeway`.
    Expired {
        /// The token's `exp`.
        exp: i64,
        /// The time of the check.
        now: i64,
    },
    /// `nbf > now + leeway`.
    NotYetValid {
        /// The token's `nbf`.
        nbf: i64,
        /// The time of the check.
        now: i64,
    },
    /// `iat > now + leeway`: issued in the future.
    IssuedInFuture {
        /// The token's `iat`.
        iat: i64,
        /// The time of the check.
        now: i64,
    },
    /// A claim the verifier requires is absent.
    MissingClaim {
        /// The claim name.
        claim: String,
    },
    /// A registered claim is present with the wrong type or an out-of-range value
    /// (`"exp": "123"`, `"exp": null`, `"iss": 5`, ...). Never treated as absent.
    MalformedClaim {
        /// The claim name.
        claim: &'static str,
        /// What was expected.
        expected: &'static str,
    },
    /// `iss` is not the expected issuer.
    IssuerMismatch {
        /// The issuer the verifier expects.
        expected: String,
        /// The issuer in the token (truncated).
        found: String,
    },
    /// `aud` is present and does not name the verifier's audience, or is present while the
    /// verifier expects none (RFC 7519 §4.1.3).
    AudienceMismatch,
    /// The verified claims do not deserialize into the caller's type.
    ClaimsType {
        /// The deserializer's message.
        reason: String,
    },

    // ---- 60x: Zoom Video SDK claims ----------------------------------------------------
    /// A Video SDK field that must not be empty is empty (`app_key`, `tpc`).
    EmptyField {
        /// The claim name.
        field: &'static str,
    },
    /// A Video SDK text field is longer than Zoom allows.
    ///
    /// Lengths are counted in UTF-16 code units, as JavaScript's `String.length` (and so
    /// Zoom's own validation sample) counts them: at least the number of characters, two for a
    /// character outside the Basic Multilingual Plane.
    FieldTooLong {
        /// The claim name.
        field: &'static str,
        /// Its length in UTF-16 code units.
        len: usize,
        /// The longest Zoom allows.
        max: usize,
    },
    /// A Video SDK geo region is not one Zoom knows (codes are upper case: `US`, `DE`, ...).
    UnknownGeoRegion {
        /// The region text found (truncated).
        region: String,
    },
    /// A Video SDK geo region is listed twice.
    DuplicateGeoRegion {
        /// The repeated region's code.
        region: &'static str,
    },
    /// A Video SDK token's lifetime, `exp - iat`, is outside Zoom's range (1800 s to 48 h).
    LifetimeOutOfRange {
        /// The lifetime in seconds.
        seconds: i128,
        /// The shortest lifetime Zoom accepts.
        min: u64,
        /// The longest lifetime Zoom accepts.
        max: u64,
    },
    /// A Video SDK token's `app_key` is not the verifier's.
    AppKeyMismatch {
        /// The SDK key the verifier expects.
        expected: String,
        /// The `app_key` in the token (truncated).
        found: String,
    },
    /// A Video SDK claim has a value Zoom does not accept (`role_type` 2, `version` 3, a flag
    /// that is not 0 or 1, an empty `geo_regions`).
    InvalidVideoSdkClaim {
        /// The claim name.
        claim: &'static str,
        /// What was expected.
        expected: &'static str,
    },

    // ---- 62x: Zoom webhooks ------------------------------------------------------------
    /// The `x-zm-request-timestamp` header is not plain ASCII digits (at most 20) or does not
    /// fit in 64 bits.
    WebhookTimestampMalformed,
    /// The webhook's timestamp is further from `now` than the tolerance, in either direction.
    WebhookTimestampOutOfTolerance {
        /// The request's timestamp.
        timestamp: u64,
        /// The time of the check.
        now: i64,
        /// The tolerance, in seconds.
        tolerance: u64,
    },
    /// The `x-zm-signature` header does not start with `v0=`.
    WebhookSignaturePrefix,
    /// The hex after `v0=` is not 64 characters long.
    WebhookSignatureLength {
        /// Its length in bytes.
        len: usize,
    },
    /// The hex after `v0=` is not lower-case hexadecimal.
    WebhookSignatureEncoding,
    /// The webhook signature does not match the request.
    WebhookSignatureMismatch,
    /// The webhook body is not a JSON object with unique member names.
    WebhookBodyMalformed {
        /// What is wrong (parser position, member name; never key material).
        reason: String,
    },
    /// The webhook's `event` is not the one expected (`endpoint.url_validation`).
    UnexpectedWebhookEvent {
        /// The event found (truncated).
        event: String,
    },
    /// The url-validation body's `payload.plainToken` is missing, not a string, or empty.
    InvalidPlainToken {
        /// What is wrong.
        reason: &'static str,
    },
}

impl Error {
    /// The stable numeric code of this error. Never reused, never renumbered.
    #[must_use]
    pub fn code(&self) -> u32 {
        match self {
            Error::EmptySecret => 100,
            Error::WeakSecret { .. } => 101,
            Error::InvalidSecretEncoding { .. } => 102,
            Error::InvalidArgument { .. } => 103,
            Error::TimeOverflow => 104,
            Error::Clock => 105,
            Error::ClaimsNotAnObject => 106,
            Error::Serialize { .. } => 107,
            Error::BufferTooSmall { .. } => 108,
            Error::TooLong { .. } => 200,
            Error::SegmentCount { .. } => 201,
            Error::EmptySegment { .. } => 202,
            Error::InvalidBase64 { .. } => 203,
            Error::InvalidJson { .. } => 204,
            Error::NotAnObject { .. } => 205,
            Error::DuplicateMember { .. } => 206,
            Error::MissingAlgorithm => 300,
            Error::UnsupportedAlgorithm { .. } => 301,
            Error::UnsupportedType { .. } => 302,
            Error::CriticalHeader => 303,
            Error::UnsupportedHeader { .. } => 304,
            Error::InvalidSignature => 400,
            Error::Expired { .. } => 500,
            Error::NotYetValid { .. } => 501,
            Error::IssuedInFuture { .. } => 502,
            Error::MissingClaim { .. } => 503,
            Error::MalformedClaim { .. } => 504,
            Error::IssuerMismatch { .. } => 505,
            Error::AudienceMismatch => 506,
            Error::ClaimsType { .. } => 507,
            Error::EmptyField { .. } => 600,
            Error::FieldTooLong { .. } => 601,
            Error::UnknownGeoRegion { .. } => 602,
            Error::DuplicateGeoRegion { .. } => 603,
            Error::LifetimeOutOfRange { .. } => 604,
            Error::AppKeyMismatch { .. } => 605,
            Error::InvalidVideoSdkClaim { .. } => 606,
            Error::WebhookTimestampMalformed => 620,
            Error::WebhookTimestampOutOfTolerance { .. } => 621,
            Error::WebhookSignaturePrefix => 622,
            Error::WebhookSignatureLength { .. } => 623,
            Error::WebhookSignatureEncoding => 624,
            Error::WebhookSignatureMismatch => 625,
            Error::WebhookBodyMalformed { .. } => 626,
            Error::UnexpectedWebhookEvent { .. } => 627,
            Error::InvalidPlainToken { .. } => 628,
        }
    }

    /// A short, static, stable name for this error's kind (`"expired"`, `"invalid_signature"`),
    /// the same one [`code_name`] gives for its code.
    #[must_use]
    pub fn name(&self) -> &'static str {
        code_name(self.code()).unwrap_or("unknown")
    }

    /// True when the error is about the token (it was rejected), false when it is about the
    /// caller's input or environment (a key, an option, a buffer, the clock).
    ///
    /// The Zoom extras (6xx) count as rejections: of a webhook request, or of Video SDK claims
    /// (a token's when verifying, the ones asked for when minting).
    #[must_use]
    pub fn is_rejection(&self) -> bool {
        self.code() >= 200
    }
}

/// Every code with its stable name and a static description, for the C ABI and bindings.
///
/// The table is the single source of truth for [`code_name`] and [`code_description`].
pub const CODES: &[(u32, &str, &str)] = &[
    (0, "ok", "success"),
    (100, "empty_secret", "the secret is empty"),
    (
        101,
        "weak_secret",
        "the secret is shorter than 32 bytes (RFC 7518 section 3.2)",
    ),
    (
        102,
        "invalid_secret_encoding",
        "the secret is not valid in its declared encoding",
    ),
    (
        103,
        "invalid_argument",
        "an argument is out of its allowed range",
    ),
    (104, "time_overflow", "time arithmetic would overflow"),
    (105, "clock", "the system clock is out of range"),
    (
        106,
        "claims_not_an_object",
        "the claims do not serialize to a JSON object",
    ),
    (107, "serialize", "the claims could not be serialized"),
    (108, "buffer_too_small", "the output buffer is too small"),
    (200, "too_long", "the token is longer than the limit"),
    (
        201,
        "segment_count",
        "the token does not have exactly three segments",
    ),
    (202, "empty_segment", "a token segment is empty"),
    (
        203,
        "invalid_base64",
        "a token segment is not canonical unpadded base64url",
    ),
    (204, "invalid_json", "a token segment is not valid JSON"),
    (205, "not_an_object", "a token segment is not a JSON object"),
    (
        206,
        "duplicate_member",
        "a JSON object names the same member twice",
    ),
    (300, "missing_algorithm", "the header has no alg"),
    (
        301,
        "unsupported_algorithm",
        "the header's alg is not HS256",
    ),
    (302, "unsupported_type", "the header's typ is not JWT"),
    (303, "critical_header", "the header has a crit member"),
    (
        304,
        "unsupported_header",
        "the header has a member that is not supported",
    ),
    (400, "invalid_signature", "the signature does not match"),
    (500, "expired", "the token has expired"),
    (501, "not_yet_valid", "the token is not valid yet (nbf)"),
    (
        502,
        "issued_in_future",
        "the token was issued in the future (iat)",
    ),
    (503, "missing_claim", "a required claim is missing"),
    (
        504,
        "malformed_claim",
        "a registered claim has the wrong type or range",
    ),
    (505, "issuer_mismatch", "the issuer is not the expected one"),
    (
        506,
        "audience_mismatch",
        "the audience is not the expected one",
    ),
    (
        507,
        "claims_type",
        "the claims do not fit the requested type",
    ),
    (600, "empty_field", "a required Video SDK field is empty"),
    (
        601,
        "field_too_long",
        "a Video SDK field is longer than Zoom allows",
    ),
    (
        602,
        "unknown_geo_region",
        "a Video SDK geo region is unknown",
    ),
    (
        603,
        "duplicate_geo_region",
        "a Video SDK geo region is listed twice",
    ),
    (
        604,
        "lifetime_out_of_range",
        "a Video SDK token's lifetime is not between 1800 s and 48 h",
    ),
    (
        605,
        "app_key_mismatch",
        "the Video SDK app_key is not the expected one",
    ),
    (
        606,
        "invalid_video_sdk_claim",
        "a Video SDK claim has a value Zoom does not accept",
    ),
    (
        620,
        "webhook_timestamp_malformed",
        "the webhook timestamp is not plain decimal digits",
    ),
    (
        621,
        "webhook_timestamp_out_of_tolerance",
        "the webhook timestamp is too far from now",
    ),
    (
        622,
        "webhook_signature_prefix",
        "the webhook signature does not start with v0=",
    ),
    (
        623,
        "webhook_signature_length",
        "the webhook signature is not 64 hex characters",
    ),
    (
        624,
        "webhook_signature_encoding",
        "the webhook signature is not lower-case hex",
    ),
    (
        625,
        "webhook_signature_mismatch",
        "the webhook signature does not match",
    ),
    (
        626,
        "webhook_body_malformed",
        "the webhook body is not a JSON object with unique names",
    ),
    (
        627,
        "unexpected_webhook_event",
        "the webhook event is not the expected one",
    ),
    (
        628,
        "invalid_plain_token",
        "the url-validation plainToken is missing or empty",
    ),
];

/// The stable name of a code (`500` → `"expired"`), or `None` for an unknown code.
///
/// ```
/// assert_eq!(jwtmint::code_name(400), Some("invalid_signature"));
/// assert_eq!(jwtmint::code_name(12345), None);
/// ```
#[must_use]
pub fn code_name(code: u32) -> Option<&'static str> {
    CODES.iter().find(|c| c.0 == code).map(|c| c.1)
}

/// A static description of a code, or `None` for an unknown code.
#[must_use]
pub fn code_description(code: u32) -> Option<&'static str> {
    CODES.iter().find(|c| c.0 == code).map(|c| c.2)
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::EmptySecret => f.write_str("the secret is empty"),
            Error::WeakSecret { len, min } => write!(
                f,
                "the secret is {len} bytes; HS256 needs at least {min} (RFC 7518 section 3.2)"
            ),
            Error::InvalidSecretEncoding { encoding } => {
                write!(f, "the secret is not valid {encoding}")
            }
            Error::InvalidArgument { name, reason } => write!(f, "invalid {name}: {reason}"),
            Error::TimeOverflow => f.write_str("time arithmetic overflows"),
            Error::Clock => f.write_str("the system clock is out of range"),
            Error::ClaimsNotAnObject => f.write_str("the claims must serialize to a JSON object"),
            Error::Serialize { reason } => write!(f, "cannot serialize the claims: {reason}"),
            Error::BufferTooSmall { needed } => {
                write!(f, "the output buffer is too small: {needed} bytes needed")
            }
            Error::TooLong { len, max } => {
                write!(f, "the token is {len} bytes, over the limit of {max}")
            }
            Error::SegmentCount { found } => write!(
                f,
                "a JWT has exactly three dot-separated segments; found {}",
                if *found > 3 {
                    "more".to_string()
                } else {
                    found.to_string()
                }
            ),
            Error::EmptySegment { segment } => write!(f, "the {segment} segment is empty"),
            Error::InvalidBase64 { segment } => write!(
                f,
                "the {segment} segment is not canonical unpadded base64url"
            ),
            Error::InvalidJson { segment, reason } => {
                write!(f, "the {segment} is not valid JSON: {reason}")
            }
            Error::NotAnObject { segment } => write!(f, "the {segment} is not a JSON object"),
            Error::DuplicateMember { segment, name } => {
                write!(f, "the {segment} names the member {name:?} more than once")
            }
            Error::MissingAlgorithm => f.write_str("the header has no \"alg\""),
            Error::UnsupportedAlgorithm { alg } => {
                write!(f, "the header's alg {alg} is not \"HS256\"")
            }
            Error::UnsupportedType { typ } => write!(f, "the header's typ {typ} is not \"JWT\""),
            Error::CriticalHeader => {
                f.write_str("the header has a \"crit\" member; no extension is supported")
            }
            Error::UnsupportedHeader { name } => {
                write!(f, "the header member {name:?} is not supported")
            }
            Error::InvalidSignature => f.write_str("the signature does not match"),
            Error::Expired { exp, now } => write!(f, "the token expired (exp {exp}, now {now})"),
            Error::NotYetValid { nbf, now } => {
                write!(f, "the token is not valid yet (nbf {nbf}, now {now})")
            }
            Error::IssuedInFuture { iat, now } => {
                write!(
                    f,
                    "the token was issued in the future (iat {iat}, now {now})"
                )
            }
            Error::MissingClaim { claim } => write!(f, "the required claim {claim:?} is missing"),
            Error::MalformedClaim { claim, expected } => {
                write!(f, "the claim {claim:?} is malformed: expected {expected}")
            }
            Error::IssuerMismatch { expected, found } => {
                write!(f, "the issuer {found:?} is not the expected {expected:?}")
            }
            Error::AudienceMismatch => f.write_str("the audience is not the expected one"),
            Error::ClaimsType { reason } => {
                write!(f, "the claims do not fit the requested type: {reason}")
            }
            Error::EmptyField { field } => write!(f, "the Video SDK field {field:?} is empty"),
            Error::FieldTooLong { field, len, max } => write!(
                f,
                "the Video SDK field {field:?} is {len} UTF-16 code units long; Zoom allows {max}"
            ),
            Error::UnknownGeoRegion { region } => write!(
                f,
                "unknown Video SDK geo region {region:?} (expected one of AU, BR, CA, CN, DE, HK, \
                 IN, JP, MX, NL, SG, US)"
            ),
            Error::DuplicateGeoRegion { region } => {
                write!(f, "the Video SDK geo region {region} is listed twice")
            }
            Error::LifetimeOutOfRange { seconds, min, max } => write!(
                f,
                "a Video SDK token lives {seconds} s (exp - iat); Zoom accepts {min} to {max} s"
            ),
            Error::AppKeyMismatch { expected, found } => {
                write!(f, "the app_key {found:?} is not the expected {expected:?}")
            }
            Error::InvalidVideoSdkClaim { claim, expected } => {
                write!(f, "the Video SDK claim {claim:?} must be {expected}")
            }
            Error::WebhookTimestampMalformed => {
                f.write_str("the webhook timestamp is not plain decimal digits within 64 bits")
            }
            Error::WebhookTimestampOutOfTolerance {
                timestamp,
                now,
                tolerance,
            } => write!(
                f,
                "the webhook timestamp {timestamp} is more than {tolerance} s from now ({now})"
            ),
            Error::WebhookSignaturePrefix => {
                f.write_str("the webhook signature does not start with \"v0=\"")
            }
            Error::WebhookSignatureLength { len } => write!(
                f,
                "the webhook signature has {len} hex characters after \"v0=\"; expected 64"
            ),
            Error::WebhookSignatureEncoding => {
                f.write_str("the webhook signature is not lower-case hexadecimal")
            }
            Error::WebhookSignatureMismatch => f.write_str("the webhook signature does not match"),
            Error::WebhookBodyMalformed { reason } => {
                write!(f, "the webhook body is malformed: {reason}")
            }
            Error::UnexpectedWebhookEvent { event } => write!(
                f,
                "the webhook event {event:?} is not \"endpoint.url_validation\""
            ),
            Error::InvalidPlainToken { reason } => {
                write!(f, "the url-validation payload.plainToken {reason}")
            }
        }
    }
}

impl std::error::Error for Error {}

/// Shorthand for `Result<T, jwtmint::Error>`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Truncates attacker-controlled text placed in an error so messages stay short.
pub(crate) fn truncate_for_message(s: &str) -> String {
    const MAX: usize = 64;
    if s.len() <= MAX {
        return s.to_string();
    }
    let mut end = MAX;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}...", &s[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_named() {
        let mut seen = std::collections::HashSet::new();
        for (code, name, desc) in CODES {
            assert!(seen.insert(*code), "code {code} listed twice");
            assert!(!name.is_empty() && !desc.is_empty());
        }
        let mut names = std::collections::HashSet::new();
        for (_, name, _) in CODES {
            assert!(names.insert(*name), "name {name} listed twice");
        }
    }

    #[test]
    fn every_variant_has_a_listed_code() {
        let samples = [
            Error::EmptySecret,
            Error::WeakSecret { len: 1, min: 32 },
            Error::InvalidSecretEncoding { encoding: "hex" },
            Error::InvalidArgument {
                name: "ttl",
                reason: "must be positive",
            },
            Error::TimeOverflow,
            Error::Clock,
            Error::ClaimsNotAnObject,
            Error::Serialize {
                reason: String::new(),
            },
            Error::BufferTooSmall { needed: 1 },
            Error::TooLong { len: 2, max: 1 },
            Error::SegmentCount { found: 1 },
            Error::EmptySegment {
                segment: Segment::Header,
            },
            Error::InvalidBase64 {
                segment: Segment::Payload,
            },
            Error::InvalidJson {
                segment: Segment::Header,
                reason: String::new(),
            },
            Error::NotAnObject {
                segment: Segment::Payload,
            },
            Error::DuplicateMember {
                segment: Segment::Header,
                name: "alg".into(),
            },
            Error::MissingAlgorithm,
            Error::UnsupportedAlgorithm {
                alg: "\"none\"".into(),
            },
            Error::UnsupportedType {
                typ: "\"x\"".into(),
            },
            Error::CriticalHeader,
            Error::UnsupportedHeader { name: "cty" },
            Error::InvalidSignature,
            Error::Expired { exp: 1, now: 2 },
            Error::NotYetValid { nbf: 2, now: 1 },
            Error::IssuedInFuture { iat: 2, now: 1 },
            Error::MissingClaim {
                claim: "exp".into(),
            },
            Error::MalformedClaim {
                claim: "exp",
                expected: "a number",
            },
            Error::IssuerMismatch {
                expected: "a".into(),
                found: "b".into(),
            },
            Error::AudienceMismatch,
            Error::ClaimsType {
                reason: String::new(),
            },
            Error::EmptyField { field: "tpc" },
            Error::FieldTooLong {
                field: "tpc",
                len: 201,
                max: 200,
            },
            Error::UnknownGeoRegion {
                region: "XX".into(),
            },
            Error::DuplicateGeoRegion { region: "US" },
            Error::LifetimeOutOfRange {
                seconds: 10,
                min: 1800,
                max: 172_800,
            },
            Error::AppKeyMismatch {
                expected: "a".into(),
                found: "b".into(),
            },
            Error::InvalidVideoSdkClaim {
                claim: "version",
                expected: "1",
            },
            Error::WebhookTimestampMalformed,
            Error::WebhookTimestampOutOfTolerance {
                timestamp: 1,
                now: 1000,
                tolerance: 300,
            },
            Error::WebhookSignaturePrefix,
            Error::WebhookSignatureLength { len: 3 },
            Error::WebhookSignatureEncoding,
            Error::WebhookSignatureMismatch,
            Error::WebhookBodyMalformed {
                reason: String::new(),
            },
            Error::UnexpectedWebhookEvent {
                event: "meeting.started".into(),
            },
            Error::InvalidPlainToken {
                reason: "is missing",
            },
        ];
        // One sample per code in the table (minus "ok").
        assert_eq!(samples.len(), CODES.len() - 1);
        // ... and every listed code is some sample's: no two variants share a code.
        let sample_codes: std::collections::HashSet<u32> =
            samples.iter().map(Error::code).collect();
        assert_eq!(
            sample_codes.len(),
            samples.len(),
            "two variants share a code"
        );
        for e in &samples {
            assert!(code_name(e.code()).is_some(), "{e:?} has an unlisted code");
            assert_ne!(e.name(), "unknown");
            assert!(!e.to_string().is_empty());
        }
    }

    #[test]
    fn zoom_extras_stay_in_their_ranges() {
        // 600-619 Video SDK, 620-639 webhooks (see the module documentation).
        for (code, name, _) in CODES {
            if (600..620).contains(code) {
                assert!(
                    !name.starts_with("webhook") && !name.contains("plain_token"),
                    "{name}"
                );
            }
            if (620..640).contains(code) {
                assert!(
                    name.contains("webhook") || name.contains("plain_token"),
                    "{name}"
                );
            }
            assert!(
                !(640..700).contains(code),
                "{code} is in the reserved range"
            );
        }
    }

    #[test]
    fn truncation_respects_char_boundaries() {
        let long = "é".repeat(100);
        let t = truncate_for_message(&long);
        assert!(t.ends_with("..."));
        assert!(t.len() <= 64 + 3);
        assert_eq!(truncate_for_message("short"), "short");
    }
}
