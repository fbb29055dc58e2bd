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
//! | 640–659 | Meeting SDK claims refused: by the builder when minting, by the verifier when verifying |
//! | 660–699 | reserved for further Zoom extras |
//! | 900–999 | reserved for the C ABI (null pointer, panic, ...) |
//!
//! Messages never contain key material or a computed MAC.

mod table;

use std::fmt;

pub use table::{Error, CODES};

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

impl Error {
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
            Error::InvalidMeetingSdkClaim {
                claim: "role",
                expected: "0 or 1",
            },
            Error::MeetingSdkLifetimeOutOfRange {
                claim: "tokenExp",
                seconds: 10,
                min: 1800,
                max: 172_800,
            },
            Error::SdkKeyMismatch {
                expected: "a".into(),
                found: "b".into(),
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
    fn codes_and_names_are_the_published_ones() {
        // The contract the C ABI, the CLI and the bindings publish (include/jwtmint.h and the
        // bindings' error tables); a change here breaks their users.
        const PUBLISHED: &str = "0:ok 100:empty_secret 101:weak_secret \
            102:invalid_secret_encoding 103:invalid_argument 104:time_overflow 105:clock \
            106:claims_not_an_object 107:serialize 108:buffer_too_small 200:too_long \
            201:segment_count 202:empty_segment 203:invalid_base64 204:invalid_json \
            205:not_an_object 206:duplicate_member 300:missing_algorithm \
            301:unsupported_algorithm 302:unsupported_type 303:critical_header \
            304:unsupported_header 400:invalid_signature 500:expired 501:not_yet_valid \
            502:issued_in_future 503:missing_claim 504:malformed_claim 505:issuer_mismatch \
            506:audience_mismatch 507:claims_type 600:empty_field 601:field_too_long \
            602:unknown_geo_region 603:duplicate_geo_region 604:lifetime_out_of_range \
            605:app_key_mismatch 606:invalid_video_sdk_claim 620:webhook_timestamp_malformed \
            621:webhook_timestamp_out_of_tolerance 622:webhook_signature_prefix \
            623:webhook_signature_length 624:webhook_signature_encoding \
            625:webhook_signature_mismatch 626:webhook_body_malformed \
            627:unexpected_webhook_event 628:invalid_plain_token \
            640:invalid_meeting_sdk_claim 641:meeting_sdk_lifetime_out_of_range \
            642:sdk_key_mismatch";
        let listed: Vec<String> = CODES.iter().map(|(c, n, _)| format!("{c}:{n}")).collect();
        assert_eq!(listed.join(" "), PUBLISHED);
    }

    #[test]
    fn zoom_extras_stay_in_their_ranges() {
        // 600-619 Video SDK, 620-639 webhooks, 640-659 Meeting SDK (see the module
        // documentation).
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
            if (640..660).contains(code) {
                assert!(
                    name.contains("meeting_sdk") || name.starts_with("sdk_key"),
                    "{name}"
                );
            }
            assert!(
                !(660..700).contains(code),
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
