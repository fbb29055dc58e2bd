//! Meeting SDK tokens through the public API: the shared vectors (computed with Python's
//! stdlib by tests/vectors/generate.py, following Zoom's meetingsdk-auth-endpoint-sample), the
//! builder's rules, and the verifier against hand-made tokens signed by an independent HMAC.

mod common;

use common::{case_key, forge, vector_cases};
use jwtmint::zoom::{MeetingSdkTokenBuilder, MeetingSdkVerifier, Role};
use jwtmint::{Error, Key};
use serde_json::Value;

const SECRET: &str = "Zoom-Meeting-SDK-Secret-Of-36-Chars!";
const NOW: i64 = 1_700_000_000;

fn key() -> Key {
    Key::from_text(SECRET).unwrap()
}

/// The builder a vector case describes.
fn builder_of(case: &Value) -> MeetingSdkTokenBuilder {
    let mut b = MeetingSdkTokenBuilder::new(case["sdk_key"].as_str().unwrap())
        .skew(case["skew"].as_u64().unwrap())
        .ttl(case["ttl"].as_u64().unwrap());
    if let Some(mn) = case["mn"].as_str() {
        b = b.mn(mn);
    }
    if let Some(role) = case["role"].as_i64() {
        b = b.role(Role::try_from(role).unwrap());
    }
    if let Some(on) = case["video_webrtc_mode"].as_i64() {
        b = b.video_webrtc_mode(on == 1);
    }
    b
}

#[test]
fn shared_vectors_are_minted_byte_for_byte_and_verify() {
    let cases = vector_cases("meeting_sdk.json");
    assert!(cases.len() >= 6);
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let now = case["now"].as_i64().unwrap();
        let b = builder_of(case);
        assert_eq!(
            serde_json::to_string(&b.claims_at(now).unwrap()).unwrap(),
            case["payload_json"].as_str().unwrap(),
            "{name}"
        );
        let token = b.mint_at(&case_key(case), now).unwrap();
        assert_eq!(token, case["token"].as_str().unwrap(), "{name}");
        let claims = MeetingSdkVerifier::new(case_key(case))
            .expecting_sdk_key(case["sdk_key"].as_str().unwrap())
            .verify_at(&token, now)
            .unwrap();
        assert_eq!(claims, b.claims_at(now).unwrap(), "{name}");
    }
}

fn forged(payload: &str) -> String {
    forge(
        SECRET.as_bytes(),
        br#"{"alg":"HS256","typ":"JWT"}"#,
        payload.as_bytes(),
    )
}

/// A payload with the given members before the three times, which are `iat = NOW` and the
/// given offsets.
fn payload(members: &str, exp_after: i64, token_exp_after: i64) -> String {
    format!(
        r#"{{{members}"iat":{NOW},"exp":{},"tokenExp":{}}}"#,
        NOW + exp_after,
        NOW + token_exp_after
    )
}

#[test]
fn the_verifier_follows_zooms_documented_rules() {
    let v = MeetingSdkVerifier::new(key());
    // Accepted: what the docs allow, beyond what the sample signs.
    for members in [
        r#""sdkKey":"k","#, // no appKey, no mn/role (native)
        r#""appKey":"k","#, // no sdkKey
        r#""appKey":"k","sdkKey":"k","mn":123456789,"role":1,"#, // mn as a number
        r#""sdkKey":"k","mn":"123456789","#, // mn without role
        r#""sdkKey":"k","video_webrtc_mode":0,"#,
    ] {
        let token = forged(&payload(members, 7200, 7200));
        assert!(v.verify_at(&token, NOW).is_ok(), "{members}");
    }
    // tokenExp is a range, not necessarily exp.
    assert!(v
        .verify_at(forged(&payload(r#""sdkKey":"k","#, 172_800, 1800)), NOW)
        .is_ok());
    // Rejected, each with its code.
    for (token, code) in [
        (forged(&payload("", 7200, 7200)), 640), // neither key
        (
            forged(&payload(r#""appKey":"a","sdkKey":"b","#, 7200, 7200)),
            640,
        ),
        (
            forged(&payload(r#""sdkKey":"k","role":2,"#, 7200, 7200)),
            640,
        ),
        (
            forged(&payload(r#""sdkKey":"k","mn":"85-74","#, 7200, 7200)),
            640,
        ),
        (
            forged(&payload(r#""sdkKey":"k","role":"1","#, 7200, 7200)),
            507,
        ),
        (
            forged(&payload(r#""sdkKey":"k","mn":null,"#, 7200, 7200)),
            507,
        ),
        (forged(&payload(r#""sdkKey":"k","#, 1799, 7200)), 641),
        (forged(&payload(r#""sdkKey":"k","#, 7200, 1799)), 641),
        (forged(&payload(r#""sdkKey":"k","#, 172_801, 7200)), 641),
        (forged(&payload(r#""sdkKey":"k","#, 7200, 172_801)), 641),
        (
            forged(&format!(
                r#"{{"sdkKey":"k","iat":{NOW},"exp":{}}}"#,
                NOW + 7200
            )),
            503,
        ),
        (
            forged(&format!(
                r#"{{"sdkKey":"k","iat":{NOW},"tokenExp":{}}}"#,
                NOW + 7200
            )),
            503,
        ),
        (
            forged(&format!(
                r#"{{"sdkKey":"k","exp":{0},"tokenExp":{0}}}"#,
                NOW + 7200
            )),
            503,
        ),
    ] {
        let err = v.verify_at(&token, NOW).unwrap_err();
        assert_eq!(err.code(), code, "{err}");
    }
    // A bad signature, expiry by exp or by tokenExp, and a foreign key.
    let good = MeetingSdkTokenBuilder::new("k")
        .mint_at(&key(), NOW)
        .unwrap();
    let other =
        MeetingSdkVerifier::new(Key::from_text("another-secret-of-32-bytes-or-more").unwrap());
    assert_eq!(
        other.verify_at(&good, NOW).unwrap_err(),
        Error::InvalidSignature
    );
    assert!(matches!(
        v.verify_at(&good, NOW - 30 + 7200 + 60),
        Err(Error::Expired { .. })
    ));
    let token_exp_first = forged(&payload(r#""sdkKey":"k","#, 7200, 1800));
    assert_eq!(
        v.verify_at(&token_exp_first, NOW + 1800 + 60).unwrap_err(),
        Error::Expired {
            exp: NOW + 1800,
            now: NOW + 1860
        }
    );
    assert!(v
        .clone()
        .with_leeway(61)
        .verify_at(&token_exp_first, NOW + 1860)
        .is_ok());
    assert!(matches!(
        v.expecting_sdk_key("z").verify_at(&good, NOW),
        Err(Error::SdkKeyMismatch { .. })
    ));
}

#[test]
fn builder_rules_match_the_samples_request_rules() {
    let b = MeetingSdkTokenBuilder::new("k");
    // Both or neither of mn and role; role is typed (0 or 1) in Rust.
    assert_eq!(
        b.clone().mn("1").mint_at(&key(), NOW).unwrap_err().code(),
        640
    );
    assert_eq!(
        b.clone()
            .role(Role::Host)
            .mint_at(&key(), NOW)
            .unwrap_err()
            .code(),
        640
    );
    // expirationSeconds 1800..172800.
    for (ttl, ok) in [
        (1799, false),
        (1800, true),
        (172_800, true),
        (172_801, false),
    ] {
        assert_eq!(b.clone().ttl(ttl).mint_at(&key(), NOW).is_ok(), ok, "{ttl}");
    }
}
