//! Zoom's `endpoint.url_validation` challenge: the request checked as any webhook, its body
//! read strictly, the answer computed with the secret token.

use serde::Serialize;

use super::webhook::{WebhookVerifier, URL_VALIDATION_EVENT};
use crate::error::{truncate_for_message, Error, Result, Segment};
use crate::json::{self, ValueSeed};
use crate::time::now;

impl WebhookVerifier {
    /// Answers Zoom's `endpoint.url_validation` challenge at `now`.
    ///
    /// Checks the request as [`verify_at`](Self::verify_at) does, then reads the body
    /// strictly: a JSON object with unique member names at every depth, `event` exactly
    /// `"endpoint.url_validation"`, and `payload.plainToken` a non-empty string. The answer
    /// carries `encryptedToken = hex(HMAC-SHA256(secret token, plainToken))`.
    ///
    /// ```
    /// use jwtmint::zoom::WebhookVerifier;
    ///
    /// let webhook = WebhookVerifier::new("ZOOM_WEBHOOK_SECRET_TOKEN")?;
    /// let body = br#"{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1654503849680,"event":"endpoint.url_validation"}"#;
    /// let signature = "v0=89802a78f4471ac2b4d938060097ad6c70b85a41cdf00d14425b1c5e641d0918";
    ///
    /// let answer = webhook.url_validation_at("1700000000", body, signature, 1_700_000_000)?;
    /// assert_eq!(
    ///     answer.to_json(),
    ///     r#"{"plainToken":"qgg8vlvZRS6UYooatFL8Aw","encryptedToken":"86b96838c461c5cafc27d6631f663bbfd12746efb4293fc18dce8af8f1aaad30"}"#
    /// );
    /// # Ok::<(), jwtmint::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`verify_at`](Self::verify_at); then [`Error::WebhookBodyMalformed`],
    /// [`Error::UnexpectedWebhookEvent`] or [`Error::InvalidPlainToken`].
    pub fn url_validation_at(
        &self,
        timestamp: impl AsRef<[u8]>,
        body: impl AsRef<[u8]>,
        signature: impl AsRef<[u8]>,
        now: i64,
    ) -> Result<UrlValidationResponse> {
        let body = body.as_ref();
        self.verify_at(timestamp, body, signature, now)?;
        let plain_token = read_plain_token(body)?;
        let encrypted_token = base16ct::lower::encode_string(&self.key.tag(plain_token.as_bytes()));
        Ok(UrlValidationResponse {
            plain_token,
            encrypted_token,
        })
    }

    /// Answers the `endpoint.url_validation` challenge against the system clock.
    ///
    /// # Errors
    /// [`Error::Clock`] for an unusable clock; otherwise as
    /// [`url_validation_at`](Self::url_validation_at).
    pub fn url_validation(
        &self,
        timestamp: impl AsRef<[u8]>,
        body: impl AsRef<[u8]>,
        signature: impl AsRef<[u8]>,
    ) -> Result<UrlValidationResponse> {
        self.url_validation_at(timestamp, body, signature, now()?)
    }
}

/// The answer to an `endpoint.url_validation` challenge: send [`to_json`](Self::to_json) as
/// the response body (`Content-Type: application/json`, status 200).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UrlValidationResponse {
    #[serde(rename = "plainToken")]
    plain_token: String,
    #[serde(rename = "encryptedToken")]
    encrypted_token: String,
}

impl UrlValidationResponse {
    /// The challenge's `plainToken`, echoed back.
    #[must_use]
    pub fn plain_token(&self) -> &str {
        &self.plain_token
    }

    /// `hex(HMAC-SHA256(secret token, plainToken))`, lower case.
    #[must_use]
    pub fn encrypted_token(&self) -> &str {
        &self.encrypted_token
    }

    /// `{"plainToken":"…","encryptedToken":"…"}`, compact, in that order.
    #[must_use]
    pub fn to_json(&self) -> String {
        // Two strings: serializing cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// The `payload.plainToken` of an `endpoint.url_validation` body.
fn read_plain_token(body: &[u8]) -> Result<String> {
    // Read once, with unique member names at every depth: `serde_json` alone would keep the
    // last of two `event`s.
    let value = json::scan!(body, Segment::Payload, |ctx| ValueSeed { ctx }).map_err(|e| {
        Error::WebhookBodyMalformed {
            reason: match e {
                Error::DuplicateMember { name, .. } => {
                    format!("names the member {name:?} more than once")
                }
                Error::InvalidJson { reason, .. } => reason,
                other => other.to_string(),
            },
        }
    })?;
    let Some(object) = value.as_object() else {
        return Err(Error::WebhookBodyMalformed {
            reason: "not a JSON object".into(),
        });
    };
    let malformed = |reason: &str| Error::WebhookBodyMalformed {
        reason: reason.into(),
    };
    let event = match object.get("event") {
        Some(serde_json::Value::String(event)) => event,
        Some(_) => return Err(malformed("\"event\" is not a string")),
        None => return Err(malformed("no \"event\" member")),
    };
    if event != URL_VALIDATION_EVENT {
        return Err(Error::UnexpectedWebhookEvent {
            event: truncate_for_message(event),
        });
    }
    let payload = match object.get("payload") {
        Some(serde_json::Value::Object(payload)) => payload,
        Some(_) => return Err(malformed("\"payload\" is not an object")),
        None => return Err(malformed("no \"payload\" member")),
    };
    match payload.get("plainToken") {
        Some(serde_json::Value::String(token)) if !token.is_empty() => Ok(token.clone()),
        Some(serde_json::Value::String(_)) => Err(Error::InvalidPlainToken { reason: "is empty" }),
        Some(_) => Err(Error::InvalidPlainToken {
            reason: "is not a string",
        }),
        None => Err(Error::InvalidPlainToken {
            reason: "is missing",
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::zoom::webhook::tests::{verifier, BODY, NOW, SIGNATURE, TS};

    fn challenge(body: &str) -> Result<UrlValidationResponse> {
        let v = verifier();
        let sig = v.sign(TS, body.as_bytes());
        v.url_validation_at("1700000000", body, sig, NOW)
    }

    #[test]
    fn url_validation_reads_the_body_strictly() {
        let ok = challenge(r#"{"event":"endpoint.url_validation","payload":{"plainToken":"x"}}"#)
            .unwrap();
        assert_eq!(ok.plain_token(), "x");
        for (body, expected) in [
            ("[]", "WebhookBodyMalformed"),
            ("", "WebhookBodyMalformed"),
            ("{", "WebhookBodyMalformed"),
            (
                r#"{"event":"endpoint.url_validation","payload":{"plainToken":"x"}} x"#,
                "WebhookBodyMalformed",
            ),
            (r#"{"payload":{"plainToken":"x"}}"#, "WebhookBodyMalformed"),
            (
                r#"{"event":5,"payload":{"plainToken":"x"}}"#,
                "WebhookBodyMalformed",
            ),
            (
                r#"{"event":"endpoint.url_validation"}"#,
                "WebhookBodyMalformed",
            ),
            (
                r#"{"event":"endpoint.url_validation","payload":[]}"#,
                "WebhookBodyMalformed",
            ),
            (
                r#"{"event":"endpoint.url_validation","event":"x","payload":{"plainToken":"x"}}"#,
                "WebhookBodyMalformed",
            ),
            (
                r#"{"event":"endpoint.url_validation","payload":{"plainToken":"x","plainToken":"y"}}"#,
                "WebhookBodyMalformed",
            ),
            (
                r#"{"event":"meeting.started","payload":{"plainToken":"x"}}"#,
                "UnexpectedWebhookEvent",
            ),
            (
                r#"{"event":"ENDPOINT.URL_VALIDATION","payload":{"plainToken":"x"}}"#,
                "UnexpectedWebhookEvent",
            ),
            (
                r#"{"event":"endpoint.url_validation","payload":{}}"#,
                "InvalidPlainToken",
            ),
            (
                r#"{"event":"endpoint.url_validation","payload":{"plainToken":""}}"#,
                "InvalidPlainToken",
            ),
            (
                r#"{"event":"endpoint.url_validation","payload":{"plainToken":null}}"#,
                "InvalidPlainToken",
            ),
            (
                r#"{"event":"endpoint.url_validation","payload":{"plainToken":7}}"#,
                "InvalidPlainToken",
            ),
        ] {
            let err = challenge(body).unwrap_err();
            assert!(format!("{err:?}").starts_with(expected), "{body}: {err:?}");
        }
    }

    #[test]
    fn url_validation_checks_the_signature_first() {
        let v = verifier();
        assert_eq!(
            v.url_validation_at("1700000000", "not json", SIGNATURE, NOW),
            Err(Error::WebhookSignatureMismatch)
        );
        assert!(matches!(
            v.url_validation_at("1700000000", BODY, SIGNATURE, NOW + 1000),
            Err(Error::WebhookTimestampOutOfTolerance { .. })
        ));
    }

    #[test]
    fn response_json_escapes_the_token() {
        let answer = challenge(
            r#"{"event":"endpoint.url_validation","payload":{"plainToken":"a\"b\\c\u0001é"}}"#,
        )
        .unwrap();
        assert_eq!(answer.plain_token(), "a\"b\\c\u{1}é");
        let json: serde_json::Value = serde_json::from_str(&answer.to_json()).unwrap();
        assert_eq!(json["plainToken"], "a\"b\\c\u{1}é");
        assert!(answer
            .to_json()
            .starts_with(r#"{"plainToken":"a\"b\\c\u0001é","encryptedToken":""#));
    }
}
