//! The one declaration of every error: its variant, fields, code, name, description and
//! message.
//!
//! [`error_table!`] turns it into the [`Error`] enum, [`Error::code`], [`CODES`] and
//! `Display`, so each is written once, next to its variant; [`code_name`](super::code_name)
//! and [`code_description`](super::code_description) read [`CODES`]. Messages give the facts
//! of the failure, never key material or a computed MAC.

use std::fmt;

use super::Segment;

/// Declares `Error` from `Variant { fields } = (code, "name", "description") => (message),`
/// entries; the message is `write!` arguments over the variant's fields.
macro_rules! error_table {
    (
        $(#[$enum_meta:meta])*
        pub enum Error {
            $(
                $(#[$meta:meta])*
                $variant:ident $({ $($(#[$field_meta:meta])* $field:ident: $ty:ty),* $(,)? })?
                    = ($code:literal, $name:literal, $description:literal)
                    => ($($message:tt)+),
            )*
        }
    ) => {
        $(#[$enum_meta])*
        pub enum Error {
            $(
                $(#[$meta])*
                $variant $({ $($(#[$field_meta])* $field: $ty),* })?,
            )*
        }

        impl Error {
            /// The stable numeric code of this error. Never reused, never renumbered.
            #[must_use]
            pub fn code(&self) -> u32 {
                match self {
                    $(Error::$variant { .. } => $code,)*
                }
            }
        }

        /// Every code with its stable name and a static description, for the C ABI and
        /// bindings: `0` (success, used by the C ABI only), then one row per [`Error`]
        /// variant, in the order they are declared.
        pub const CODES: &[(u32, &str, &str)] =
            &[(0, "ok", "success"), $(($code, $name, $description),)*];

        impl fmt::Display for Error {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                // A message need not show every field.
                #[allow(unused_variables)]
                match self {
                    $(Error::$variant { $($($field),*)? } => write!(f, $($message)+),)*
                }
            }
        }
    };
}

error_table! {
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
        EmptySecret = (100, "empty_secret", "the secret is empty")
            => ("the secret is empty"),
        /// The secret is shorter than RFC 7518 §3.2 allows for HS256 (32 bytes).
        WeakSecret {
            /// Length of the secret given, in bytes.
            len: usize,
            /// The minimum, in bytes.
            min: usize,
        } = (101, "weak_secret", "the secret is shorter than 32 bytes (RFC 7518 section 3.2)")
            => ("the secret is {len} bytes; HS256 needs at least {min} (RFC 7518 section 3.2)"),
        /// The secret text is not valid in the encoding it was declared in.
        InvalidSecretEncoding {
            /// The declared encoding (`hex`, `base64`, ...).
            encoding: &'static str,
        } = (102, "invalid_secret_encoding", "the secret is not valid in its declared encoding")
            => ("the secret is not valid {encoding}"),
        /// An option or argument is out of its allowed range.
        InvalidArgument {
            /// Which argument.
            name: &'static str,
            /// Why it was refused.
            reason: &'static str,
        } = (103, "invalid_argument", "an argument is out of its allowed range")
            => ("invalid {name}: {reason}"),
        /// Time arithmetic would overflow (for example `now - skew` or `iat + ttl`).
        TimeOverflow = (104, "time_overflow", "time arithmetic would overflow")
            => ("time arithmetic overflows"),
        /// The system clock is before the Unix epoch or past what a NumericDate can hold.
        Clock = (105, "clock", "the system clock is out of range")
            => ("the system clock is out of range"),
        /// The claims to mint do not serialize to a JSON object.
        ClaimsNotAnObject = (106, "claims_not_an_object",
            "the claims do not serialize to a JSON object")
            => ("the claims must serialize to a JSON object"),
        /// The claims to mint could not be serialized.
        Serialize {
            /// The serializer's message.
            reason: String,
        } = (107, "serialize", "the claims could not be serialized")
            => ("cannot serialize the claims: {reason}"),
        /// The output buffer is too small; `needed` bytes are required.
        BufferTooSmall {
            /// Bytes required.
            needed: usize,
        } = (108, "buffer_too_small", "the output buffer is too small")
            => ("the output buffer is too small: {needed} bytes needed"),

        // ---- 2xx: malformed token ----------------------------------------------------------
        /// The token is longer than the verifier's limit. Checked before any decoding.
        TooLong {
            /// The token's length in bytes.
            len: usize,
            /// The verifier's limit.
            max: usize,
        } = (200, "too_long", "the token is longer than the limit")
            => ("the token is {len} bytes, over the limit of {max}"),
        /// The token does not have exactly three dot-separated segments.
        SegmentCount {
            /// How many segments were found (counting up to four).
            found: usize,
        } = (201, "segment_count", "the token does not have exactly three segments")
            => ("a JWT has exactly three dot-separated segments; found {}", if *found > 3 {
                "more".to_string()
            } else {
                found.to_string()
            }),
        /// A segment is empty (HS256 tokens have no empty segment).
        EmptySegment {
            /// Which segment.
            segment: Segment,
        } = (202, "empty_segment", "a token segment is empty")
            => ("the {segment} segment is empty"),
        /// A segment is not canonical, unpadded base64url.
        InvalidBase64 {
            /// Which segment.
            segment: Segment,
        } = (203, "invalid_base64", "a token segment is not canonical unpadded base64url")
            => ("the {segment} segment is not canonical unpadded base64url"),
        /// A segment is not valid UTF-8 JSON.
        InvalidJson {
            /// Which segment.
            segment: Segment,
            /// The parser's message (position and kind; never key material).
            reason: String,
        } = (204, "invalid_json", "a token segment is not valid JSON")
            => ("the {segment} is not valid JSON: {reason}"),
        /// A segment's JSON is valid but not an object.
        NotAnObject {
            /// Which segment.
            segment: Segment,
        } = (205, "not_an_object", "a token segment is not a JSON object")
            => ("the {segment} is not a JSON object"),
        /// A JSON object in a segment names the same member twice (RFC 7515 §4, RFC 7519 §4).
        DuplicateMember {
            /// Which segment.
            segment: Segment,
            /// The repeated member name.
            name: String,
        } = (206, "duplicate_member", "a JSON object names the same member twice")
            => ("the {segment} names the member {name:?} more than once"),

        // ---- 3xx: header -------------------------------------------------------------------
        /// The header has no `alg`.
        MissingAlgorithm = (300, "missing_algorithm", "the header has no alg")
            => ("the header has no \"alg\""),
        /// The header's `alg` is not `"HS256"`, the only algorithm an HS256 key accepts.
        UnsupportedAlgorithm {
            /// The `alg` found (JSON text, truncated).
            alg: String,
        } = (301, "unsupported_algorithm", "the header's alg is not HS256")
            => ("the header's alg {alg} is not \"HS256\""),
        /// The header's `typ` is present and not `JWT`.
        UnsupportedType {
            /// The `typ` found (JSON text, truncated).
            typ: String,
        } = (302, "unsupported_type", "the header's typ is not JWT")
            => ("the header's typ {typ} is not \"JWT\""),
        /// The header has a `crit` member; jwtmint understands no extension.
        CriticalHeader = (303, "critical_header", "the header has a crit member")
            => ("the header has a \"crit\" member; no extension is supported"),
        /// The header has a member jwtmint refuses to process (`cty`: nested JWTs are not
        /// supported).
        UnsupportedHeader {
            /// The member name.
            name: &'static str,
        } = (304, "unsupported_header", "the header has a member that is not supported")
            => ("the header member {name:?} is not supported"),

        // ---- 4xx: signature ----------------------------------------------------------------
        /// The MAC does not match (or has the wrong length).
        InvalidSignature = (400, "invalid_signature", "the signature does not match")
            => ("the signature does not match"),

        // ---- 5xx: claims -------------------------------------------------------------------
        /// `now >= exp + leeway`.
        Expired {
            /// The token's `exp`.
            exp: i64,
            /// The time of the check.
            now: i64,
        } = (500, "expired", "the token has expired")
            => ("the token expired (exp {exp}, now {now})"),
        /// `nbf > now + leeway`.
        NotYetValid {
            /// The token's `nbf`.
            nbf: i64,
            /// The time of the check.
            now: i64,
        } = (501, "not_yet_valid", "the token is not valid yet (nbf)")
            => ("the token is not valid yet (nbf {nbf}, now {now})"),
        /// `iat > now + leeway`: issued in the future.
        IssuedInFuture {
            /// The token's `iat`.
            iat: i64,
            /// The time of the check.
            now: i64,
        } = (502, "issued_in_future", "the token was issued in the future (iat)")
            => ("the token was issued in the future (iat {iat}, now {now})"),
        /// A claim the verifier requires is absent.
        MissingClaim {
            /// The claim name.
            claim: String,
        } = (503, "missing_claim", "a required claim is missing")
            => ("the required claim {claim:?} is missing"),
        /// A registered claim is present with the wrong type or an out-of-range value
        /// (`"exp": "123"`, `"exp": null`, `"iss": 5`, ...). Never treated as absent.
        MalformedClaim {
            /// The claim name.
            claim: &'static str,
            /// What was expected.
            expected: &'static str,
        } = (504, "malformed_claim", "a registered claim has the wrong type or range")
            => ("the claim {claim:?} is malformed: expected {expected}"),
        /// `iss` is not the expected issuer.
        IssuerMismatch {
            /// The issuer the verifier expects.
            expected: String,
            /// The issuer in the token (truncated).
            found: String,
        } = (505, "issuer_mismatch", "the issuer is not the expected one")
            => ("the issuer {found:?} is not the expected {expected:?}"),
        /// `aud` is present and does not name the verifier's audience, or is present while the
        /// verifier expects none (RFC 7519 §4.1.3).
        AudienceMismatch = (506, "audience_mismatch", "the audience is not the expected one")
            => ("the audience is not the expected one"),
        /// The verified claims do not deserialize into the caller's type.
        ClaimsType {
            /// The deserializer's message.
            reason: String,
        } = (507, "claims_type", "the claims do not fit the requested type")
            => ("the claims do not fit the requested type: {reason}"),

        // ---- 60x: Zoom Video SDK claims ----------------------------------------------------
        /// A Video SDK field that must not be empty is empty (`app_key`, `tpc`).
        EmptyField {
            /// The claim name.
            field: &'static str,
        } = (600, "empty_field", "a required Video SDK field is empty")
            => ("the Video SDK field {field:?} is empty"),
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
        } = (601, "field_too_long", "a Video SDK field is longer than Zoom allows")
            => ("the Video SDK field {field:?} is {len} UTF-16 code units long; Zoom allows {max}"),
        /// A Video SDK geo region is not one Zoom knows (codes are upper case: `US`, `DE`, ...).
        UnknownGeoRegion {
            /// The region text found (truncated).
            region: String,
        } = (602, "unknown_geo_region", "a Video SDK geo region is unknown")
            => ("unknown Video SDK geo region {region:?} (expected one of AU, BR, CA, CN, DE, \
                HK, IN, JP, MX, NL, SG, US)"),
        /// A Video SDK geo region is listed twice.
        DuplicateGeoRegion {
            /// The repeated region's code.
            region: &'static str,
        } = (603, "duplicate_geo_region", "a Video SDK geo region is listed twice")
            => ("the Video SDK geo region {region} is listed twice"),
        /// A Video SDK token's lifetime, `exp - iat`, is outside Zoom's range (1800 s to 48 h).
        LifetimeOutOfRange {
            /// The lifetime in seconds.
            seconds: i128,
            /// The shortest lifetime Zoom accepts.
            min: u64,
            /// The longest lifetime Zoom accepts.
            max: u64,
        } = (604, "lifetime_out_of_range",
            "a Video SDK token's lifetime is not between 1800 s and 48 h")
            => ("a Video SDK token lives {seconds} s (exp - iat); Zoom accepts {min} to {max} s"),
        /// A Video SDK token's `app_key` is not the verifier's.
        AppKeyMismatch {
            /// The SDK key the verifier expects.
            expected: String,
            /// The `app_key` in the token (truncated).
            found: String,
        } = (605, "app_key_mismatch", "the Video SDK app_key is not the expected one")
            => ("the app_key {found:?} is not the expected {expected:?}"),
        /// A Video SDK claim has a value Zoom does not accept (`role_type` 2, `version` 3, a flag
        /// that is not 0 or 1, an empty `geo_regions`).
        InvalidVideoSdkClaim {
            /// The claim name.
            claim: &'static str,
            /// What was expected.
            expected: &'static str,
        } = (606, "invalid_video_sdk_claim", "a Video SDK claim has a value Zoom does not accept")
            => ("the Video SDK claim {claim:?} must be {expected}"),

        // ---- 62x: Zoom webhooks ------------------------------------------------------------
        /// The `x-zm-request-timestamp` header is not plain ASCII digits (at most 20) or does not
        /// fit in 64 bits.
        WebhookTimestampMalformed = (620, "webhook_timestamp_malformed",
            "the webhook timestamp is not plain decimal digits")
            => ("the webhook timestamp is not plain decimal digits within 64 bits"),
        /// The webhook's timestamp is further from `now` than the tolerance, in either direction.
        WebhookTimestampOutOfTolerance {
            /// The request's timestamp.
            timestamp: u64,
            /// The time of the check.
            now: i64,
            /// The tolerance, in seconds.
            tolerance: u64,
        } = (621, "webhook_timestamp_out_of_tolerance", "the webhook timestamp is too far from now")
            => ("the webhook timestamp {timestamp} is more than {tolerance} s from now ({now})"),
        /// The `x-zm-signature` header does not start with `v0=`.
        WebhookSignaturePrefix = (622, "webhook_signature_prefix",
            "the webhook signature does not start with v0=")
            => ("the webhook signature does not start with \"v0=\""),
        /// The hex after `v0=` is not 64 characters long.
        WebhookSignatureLength {
            /// Its length in bytes.
            len: usize,
        } = (623, "webhook_signature_length", "the webhook signature is not 64 hex characters")
            => ("the webhook signature has {len} hex characters after \"v0=\"; expected 64"),
        /// The hex after `v0=` is not lower-case hexadecimal.
        WebhookSignatureEncoding = (624, "webhook_signature_encoding",
            "the webhook signature is not lower-case hex")
            => ("the webhook signature is not lower-case hexadecimal"),
        /// The webhook signature does not match the request.
        WebhookSignatureMismatch = (625, "webhook_signature_mismatch",
            "the webhook signature does not match")
            => ("the webhook signature does not match"),
        /// The webhook body is not a JSON object with unique member names.
        WebhookBodyMalformed {
            /// What is wrong (parser position, member name; never key material).
            reason: String,
        } = (626, "webhook_body_malformed",
            "the webhook body is not a JSON object with unique names")
            => ("the webhook body is malformed: {reason}"),
        /// The webhook's `event` is not the one expected (`endpoint.url_validation`).
        UnexpectedWebhookEvent {
            /// The event found (truncated).
            event: String,
        } = (627, "unexpected_webhook_event", "the webhook event is not the expected one")
            => ("the webhook event {event:?} is not \"endpoint.url_validation\""),
        /// The url-validation body's `payload.plainToken` is missing, not a string, or empty.
        InvalidPlainToken {
            /// What is wrong.
            reason: &'static str,
        } = (628, "invalid_plain_token", "the url-validation plainToken is missing or empty")
            => ("the url-validation payload.plainToken {reason}"),

        // ---- 64x: Zoom Meeting SDK claims --------------------------------------------------
        /// A Meeting SDK claim or builder value Zoom does not accept (`role` 2, an `mn` that is
        /// not digits, `mn` without `role`, neither `appKey` nor `sdkKey`, the two different).
        InvalidMeetingSdkClaim {
            /// The claim name.
            claim: &'static str,
            /// What was expected.
            expected: &'static str,
        } = (640, "invalid_meeting_sdk_claim",
            "a Meeting SDK claim has a value Zoom does not accept")
            => ("the Meeting SDK claim {claim:?} must be {expected}"),
        /// A Meeting SDK token's `exp` or `tokenExp` is not 1800 s to 48 h after its `iat`.
        MeetingSdkLifetimeOutOfRange {
            /// `exp` or `tokenExp`.
            claim: &'static str,
            /// The claim minus `iat`, in seconds.
            seconds: i128,
            /// The shortest lifetime Zoom accepts.
            min: u64,
            /// The longest lifetime Zoom accepts.
            max: u64,
        } = (641, "meeting_sdk_lifetime_out_of_range",
            "a Meeting SDK token's exp or tokenExp is not 1800 s to 48 h after iat")
            => ("the Meeting SDK claim {claim:?} is {seconds} s after iat; Zoom accepts {min} to \
                {max} s"),
        /// A Meeting SDK token's `appKey`/`sdkKey` is not the verifier's SDK key.
        SdkKeyMismatch {
            /// The SDK key the verifier expects.
            expected: String,
            /// The key in the token (truncated).
            found: String,
        } = (642, "sdk_key_mismatch", "the Meeting SDK key is not the expected one")
            => ("the Meeting SDK key {found:?} is not the expected {expected:?}"),
    }
}
