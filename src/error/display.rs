//! The message of each [`Error`]: the facts of the failure in a sentence, never key
//! material or a computed MAC.

use std::fmt;

use super::Error;

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
