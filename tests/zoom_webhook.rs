//! Zoom webhook signatures and the URL validation challenge, against values computed with
//! Python's standard library:
//!
//! ```text
//! import hmac, hashlib
//! def sig(secret, ts, body):
//!     return "v0=" + hmac.new(secret, b"v0:" + ts + b":" + body, hashlib.sha256).hexdigest()
//! def encrypted(secret, plain):
//!     return hmac.new(secret, plain, hashlib.sha256).hexdigest()
//! ```

use jwtmint::zoom::{WebhookVerifier, DEFAULT_WEBHOOK_TOLERANCE, URL_VALIDATION_EVENT};
use jwtmint::Error;

const SECRET: &str = "ZOOM_WEBHOOK_SECRET_TOKEN";
const BODY: &str = r#"{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1654503849680,"event":"endpoint.url_validation"}"#;
/// sig(b"ZOOM_WEBHOOK_SECRET_TOKEN", b"1700000000", BODY)
const SIGNATURE: &str = "v0=89802a78f4471ac2b4d938060097ad6c70b85a41cdf00d14425b1c5e641d0918";
/// encrypted(b"ZOOM_WEBHOOK_SECRET_TOKEN", b"qgg8vlvZRS6UYooatFL8Aw")
const ENCRYPTED: &str = "86b96838c461c5cafc27d6631f663bbfd12746efb4293fc18dce8af8f1aaad30";
const NOW: i64 = 1_700_000_000;

fn verifier() -> WebhookVerifier {
    WebhookVerifier::new(SECRET).unwrap()
}

#[test]
fn the_published_vector_holds() {
    assert_eq!(verifier().sign(1_700_000_000, BODY.as_bytes()), SIGNATURE);
    assert_eq!(
        verifier().verify_at("1700000000", BODY, SIGNATURE, NOW),
        Ok(1_700_000_000)
    );
    let answer = verifier()
        .url_validation_at("1700000000", BODY, SIGNATURE, NOW)
        .unwrap();
    assert_eq!(
        answer.to_json(),
        format!(r#"{{"plainToken":"qgg8vlvZRS6UYooatFL8Aw","encryptedToken":"{ENCRYPTED}"}}"#)
    );
    assert_eq!(URL_VALIDATION_EVENT, "endpoint.url_validation");
    assert_eq!(DEFAULT_WEBHOOK_TOLERANCE, 300);
}

#[test]
fn more_independent_vectors() {
    // sig(b"x", b"1", b""): a one-byte secret token is allowed, and an empty body.
    let short = WebhookVerifier::new("x").unwrap();
    let expected = "v0=5cb54b2ba7241b9fd28172758ee9a2e3c8a1a097a135ba081967b13eec4264b9";
    assert_eq!(short.sign(1, b""), expected);
    assert_eq!(short.verify_at("1", b"", expected, 1), Ok(1));

    // A body with non-ASCII text is signed as its raw bytes.
    let body = "{\"event\":\"session.started\",\"payload\":{\"object\":{\"session_name\":\"café \u{1F600}\"}}}";
    let expected = "v0=1f9cf712a14de6451129f653869cd9a22fa1a2099a3214afcb07bc330ccc01a3";
    let v = WebhookVerifier::new(b"s3cr3t-t0ken").unwrap();
    assert_eq!(v.sign(1_712_345_678, body.as_bytes()), expected);
    assert_eq!(
        v.verify_at("1712345678", body, expected, 1_712_345_678),
        Ok(1_712_345_678)
    );

    // encrypted(b"s3cr3t-t0ken", "tok-é".encode()): the plainToken's UTF-8 bytes.
    let challenge = r#"{"event":"endpoint.url_validation","payload":{"plainToken":"tok-é"}}"#;
    let answer = v
        .url_validation_at(
            "1712345678",
            challenge,
            v.sign(1_712_345_678, challenge.as_bytes()),
            1_712_345_678,
        )
        .unwrap();
    assert_eq!(
        answer.encrypted_token(),
        "50dbdeaf9574f41fd163cf1740adbb3ac1bbb818befafe1931958de3eadeda47"
    );
}

#[test]
fn each_malformed_header_has_its_own_error() {
    let v = verifier();
    let hex = &SIGNATURE[3..];
    for (ts, sig, expected) in [
        ("", SIGNATURE.to_string(), Error::WebhookTimestampMalformed),
        (
            "17e8",
            SIGNATURE.to_string(),
            Error::WebhookTimestampMalformed,
        ),
        (
            "-1700000000",
            SIGNATURE.to_string(),
            Error::WebhookTimestampMalformed,
        ),
        (
            " 1700000000",
            SIGNATURE.to_string(),
            Error::WebhookTimestampMalformed,
        ),
        (
            "99999999999999999999",
            SIGNATURE.to_string(),
            Error::WebhookTimestampMalformed,
        ),
        ("1700000000", hex.to_string(), Error::WebhookSignaturePrefix),
        (
            "1700000000",
            format!("sha256={hex}"),
            Error::WebhookSignaturePrefix,
        ),
        (
            "1700000000",
            format!("v0={}", &hex[2..]),
            Error::WebhookSignatureLength { len: 62 },
        ),
        (
            "1700000000",
            format!("v0={hex} "),
            Error::WebhookSignatureLength { len: 65 },
        ),
        (
            "1700000000",
            format!("v0={}", hex.to_ascii_uppercase()),
            Error::WebhookSignatureEncoding,
        ),
        (
            "1700000000",
            format!("v0={}zz", &hex[2..]),
            Error::WebhookSignatureEncoding,
        ),
        (
            "1700000000",
            format!("v0={}", "0".repeat(64)),
            Error::WebhookSignatureMismatch,
        ),
    ] {
        assert_eq!(
            v.verify_at(ts, BODY, &sig, NOW),
            Err(expected.clone()),
            "{ts:?} {sig:?}"
        );
        assert!((620..640).contains(&expected.code()));
    }
}

#[test]
fn every_bit_of_the_signature_matters() {
    let v = verifier();
    let mut tag = [0u8; 32];
    for (i, byte) in tag.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&SIGNATURE[3 + 2 * i..5 + 2 * i], 16).unwrap();
    }
    for bit in 0..256 {
        let mut flipped = tag;
        flipped[bit / 8] ^= 1 << (bit % 8);
        let sig: String = flipped.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(
            v.verify_at("1700000000", BODY, format!("v0={sig}"), NOW),
            Err(Error::WebhookSignatureMismatch),
            "bit {bit}"
        );
    }
}

#[test]
fn stale_and_future_requests_are_rejected_after_the_signature_check() {
    // The tolerance's edges, both ways, are src/zoom/webhook.rs's unit tests.
    let v = verifier();
    for now in [NOW + 301, NOW - 301] {
        assert!(matches!(
            v.verify_at("1700000000", BODY, SIGNATURE, now),
            Err(Error::WebhookTimestampOutOfTolerance { .. })
        ));
    }
    // A forged request with an old timestamp is reported as forged.
    assert_eq!(
        v.verify_at("1600000000", BODY, SIGNATURE, NOW),
        Err(Error::WebhookSignatureMismatch)
    );
    let wide = verifier().with_tolerance(3600);
    assert!(wide
        .verify_at("1700000000", BODY, SIGNATURE, NOW + 3600)
        .is_ok());
}

#[test]
fn the_system_clock_form_rejects_an_old_request() {
    // 1700000000 is November 2023: long past any tolerance.
    assert!(matches!(
        verifier().verify("1700000000", BODY, SIGNATURE),
        Err(Error::WebhookTimestampOutOfTolerance { .. })
    ));
    let now = jwtmint::now().unwrap();
    let ts = u64::try_from(now).unwrap();
    let sig = verifier().sign(ts, BODY.as_bytes());
    assert_eq!(verifier().verify(ts.to_string(), BODY, &sig), Ok(ts));
    assert!(verifier()
        .url_validation(ts.to_string(), BODY, &sig)
        .is_ok());
}

#[test]
fn the_challenge_body_is_read_strictly() {
    let v = verifier();
    let answer = |body: &str| {
        v.url_validation_at(
            "1700000000",
            body,
            v.sign(1_700_000_000, body.as_bytes()),
            NOW,
        )
    };
    for (body, code) in [
        ("null", 626),
        (
            r#"{"event":"endpoint.url_validation","payload":{"plainToken":"a"},"event":"x"}"#,
            626,
        ),
        (r#"{"event":"endpoint.url_validation","payload":"a"}"#, 626),
        (
            r#"{"event":"meeting.ended","payload":{"plainToken":"a"}}"#,
            627,
        ),
        (
            r#"{"event":"endpoint.url_validation","payload":{"plaintoken":"a"}}"#,
            628,
        ),
        (
            r#"{"event":"endpoint.url_validation","payload":{"plainToken":""}}"#,
            628,
        ),
        (
            r#"{"event":"endpoint.url_validation","payload":{"plainToken":["a"]}}"#,
            628,
        ),
    ] {
        assert_eq!(answer(body).unwrap_err().code(), code, "{body}");
    }
    // Other members are ignored; the answer is the same as for the minimal body.
    let a = answer(r#"{"event":"endpoint.url_validation","payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw","x":[{}]},"event_ts":1}"#).unwrap();
    assert_eq!(a.encrypted_token(), ENCRYPTED);
}

#[test]
fn the_secret_token_is_never_printed() {
    let v = verifier();
    assert!(!format!("{v:?}").contains(SECRET));
    let err = v.verify_at("1700000000", BODY, "v0=", NOW).unwrap_err();
    assert!(!err.to_string().contains(SECRET));
    assert_eq!(WebhookVerifier::new("").unwrap_err(), Error::EmptySecret);
}
