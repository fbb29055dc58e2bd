//! Key hygiene: no `Debug` output and no error message ever contains the secret, a form of
//! it (hex, base64), or a MAC the attacker should not learn (the correct tag of a forged
//! token, the expected webhook signature), for every type that holds a key and every error
//! that can be triggered while one is in use.

mod common;

use base64::Engine as _;
use common::b64;
use hmac::{KeyInit, Mac};
use jwtmint::zoom::{
    ApiTokenCache, ApiTokenMinter, Role, VideoSdkTokenBuilder, VideoSdkVerifier, WebhookVerifier,
};
use jwtmint::{Error, Key, SecretEncoding, Verifier};
use serde_json::Value;

const NOW: i64 = 1_700_000_000;

/// What must never be printed about `secret`: the secret itself, every 12-byte window of it
/// (a partial leak is a leak), and its hex and base64 spellings.
fn forbidden_forms(secret: &[u8]) -> Vec<String> {
    let mut forms = Vec::new();
    if let Ok(text) = std::str::from_utf8(secret) {
        forms.push(text.to_owned());
        let chars: Vec<char> = text.chars().collect();
        for w in chars.windows(12) {
            forms.push(w.iter().collect());
        }
    }
    forms.push(base16ct::lower::encode_string(secret));
    forms.push(base16ct::upper::encode_string(secret));
    forms.push(base64::engine::general_purpose::STANDARD.encode(secret));
    forms.push(b64(secret));
    forms
}

fn hmac_sha256(key: &[u8], data: &[u8]) -> [u8; 32] {
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(key).unwrap();
    mac.update(data);
    mac.finalize().into_bytes().into()
}

/// Panics when `text` contains any of `forbidden`.
fn assert_clean(what: &str, text: &str, forbidden: &[String]) {
    for f in forbidden {
        assert!(!text.contains(f.as_str()), "{what} leaks {f:?}: {text}");
    }
}

fn assert_error_clean(what: &str, e: &Error, forbidden: &[String]) {
    assert_clean(what, &e.to_string(), forbidden);
    assert_clean(what, &format!("{e:?}"), forbidden);
    assert_clean(what, &format!("{e:#?}"), forbidden);
}

const SECRET: &str = "HYGIENE-s3cret-value-0123456789-abcdefghij";

#[test]
fn debug_of_every_key_holder_is_redacted() {
    let forbidden = forbidden_forms(SECRET.as_bytes());
    let bytes = SECRET.as_bytes();
    let keys = [
        Key::new(bytes).unwrap(),
        Key::from_text(SECRET).unwrap(),
        Key::from_hex(&base16ct::lower::encode_string(bytes)).unwrap(),
        Key::from_base64(&base64::engine::general_purpose::STANDARD.encode(bytes)).unwrap(),
        Key::from_base64url(&b64(bytes)).unwrap(),
        Key::from_encoded(SECRET, SecretEncoding::JsrsasignCompat).unwrap(),
        jwtmint::dangerous::key_allowing_short_secret(&bytes[..8]).unwrap(),
    ];
    for key in &keys {
        assert_clean("Key", &format!("{key:?} {key:#?}"), &forbidden);
    }
    let key = keys[0].clone();
    for v in [
        Verifier::new(key.clone()),
        Verifier::zoom_api(key.clone(), "api-key"),
        Verifier::new(key.clone())
            .with_audience("svc")
            .with_issuer("me"),
    ] {
        assert_clean("Verifier", &format!("{v:?} {v:#?}"), &forbidden);
    }
    let minter = ApiTokenMinter::new("api-key", key.clone()).unwrap();
    assert_clean(
        "ApiTokenMinter",
        &format!("{minter:?} {minter:#?}"),
        &forbidden,
    );

    // The cache holds a live token: a bearer credential, as sensitive as a password for its
    // lifetime. Its Debug must show neither the secret nor the token.
    let cache = ApiTokenCache::new(minter).unwrap();
    let token = cache.token_at(NOW).unwrap();
    let mut with_token = forbidden.clone();
    with_token.push(token.to_string());
    with_token.push(token.rsplit('.').next().unwrap().to_owned());
    assert_clean(
        "ApiTokenCache",
        &format!("{cache:?} {cache:#?}"),
        &with_token,
    );

    let sdk = VideoSdkVerifier::new(key.clone(), "sdk-key");
    assert_clean("VideoSdkVerifier", &format!("{sdk:?} {sdk:#?}"), &forbidden);
    let builder = VideoSdkTokenBuilder::new("sdk-key", "topic", Role::Host);
    assert_clean("VideoSdkTokenBuilder", &format!("{builder:?}"), &forbidden);
    let wh = WebhookVerifier::new(SECRET).unwrap();
    assert_clean("WebhookVerifier", &format!("{wh:?} {wh:#?}"), &forbidden);
}

#[test]
fn key_construction_errors_do_not_echo_the_secret() {
    let forbidden = forbidden_forms(SECRET.as_bytes());
    let short = &SECRET[..31];
    let short_forbidden = forbidden_forms(short.as_bytes());
    let cases: Vec<(&str, Error)> = vec![
        ("weak", Key::from_text(short).unwrap_err()),
        ("weak bytes", Key::new(short.as_bytes()).unwrap_err()),
        ("hex", Key::from_hex(SECRET).unwrap_err()),
        ("base64", Key::from_base64(SECRET).unwrap_err()),
        (
            "base64url",
            Key::from_base64url(&format!("{SECRET}+/")).unwrap_err(),
        ),
        (
            "encoded",
            Key::from_encoded(&format!("{SECRET}!"), SecretEncoding::Hex).unwrap_err(),
        ),
        ("empty", Key::from_text("").unwrap_err()),
    ];
    for (what, e) in &cases {
        assert_error_clean(what, e, &forbidden);
        assert_error_clean(what, e, &short_forbidden);
    }
    // Each kind was really triggered.
    let codes: Vec<u32> = cases.iter().map(|(_, e)| e.code()).collect();
    assert_eq!(codes, [101, 101, 102, 102, 102, 102, 100]);
}

#[test]
fn verification_errors_leak_neither_the_secret_nor_the_correct_mac() {
    // Every adversarial corpus token (all token error codes 200-506), verified under its
    // secret with each verifier option the corpus uses, plus the claims-type error.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut seen = std::collections::BTreeSet::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|x| x != "json") {
            continue;
        }
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let secret = doc["secret"].as_str().unwrap();
        let forbidden_base = forbidden_forms(secret.as_bytes());
        let key = Key::from_text(secret).unwrap();
        for case in doc["cases"].as_array().unwrap() {
            let token = case["token"].as_str().unwrap();
            let mut forbidden = forbidden_base.clone();
            // The tag the token should have carried: learning it would forge the token.
            if let Some(dot) = token.rfind('.') {
                let tag = hmac_sha256(secret.as_bytes(), &token.as_bytes()[..dot]);
                forbidden.push(b64(&tag));
                forbidden.push(base16ct::lower::encode_string(&tag));
            }
            let mut v = Verifier::new(key.clone());
            if let Some(iss) = case["verifier"]["issuer"].as_str() {
                v = v.with_issuer(iss);
            }
            if let Some(aud) = case["verifier"]["audience"].as_str() {
                v = v.with_audience(aud);
            }
            let name = case["name"].as_str().unwrap();
            if let Err(e) = v.verify_at(token, case["now"].as_i64().unwrap()) {
                assert_error_clean(name, &e, &forbidden);
                seen.insert(e.code());
            }
        }
    }
    assert!(
        seen.len() >= 20,
        "only {} distinct errors triggered",
        seen.len()
    );

    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Wants {
        admin: bool,
    }
    let key = Key::from_text(SECRET).unwrap();
    let token = jwtmint::mint_json(&key, format!(r#"{{"exp":{}}}"#, NOW + 10).as_bytes()).unwrap();
    let e = Verifier::new(key)
        .verify_as_at::<Wants>(&token, NOW)
        .unwrap_err();
    assert_eq!(e.code(), 507);
    assert_error_clean("claims type", &e, &forbidden_forms(SECRET.as_bytes()));
}

#[test]
fn webhook_errors_leak_neither_the_secret_nor_the_expected_signature() {
    let wh = WebhookVerifier::new(SECRET).unwrap();
    let body = br#"{"event":"endpoint.url_validation","payload":{"plainToken":"abc"}}"#;
    let ts = "1700000000";
    let mut message = format!("v0:{ts}:").into_bytes();
    message.extend_from_slice(body);
    let expected = format!(
        "v0={}",
        base16ct::lower::encode_string(&hmac_sha256(SECRET.as_bytes(), &message))
    );
    assert_eq!(
        wh.sign(1_700_000_000, body),
        expected,
        "reference disagrees"
    );
    let mut forbidden = forbidden_forms(SECRET.as_bytes());
    forbidden.push(expected[3..].to_owned());
    forbidden.push(expected[3..35].to_owned());

    let wrong = format!("v0={}", "0".repeat(64));
    let cases: Vec<Error> = vec![
        wh.verify_at(ts, body, &wrong, NOW).unwrap_err(),
        wh.verify_at(ts, body, &expected[..40], NOW).unwrap_err(),
        wh.verify_at(ts, body, &expected[3..], NOW).unwrap_err(),
        wh.verify_at(ts, body, expected.to_uppercase().replace("V0", "v0"), NOW)
            .unwrap_err(),
        wh.verify_at("17e8", body, &expected, NOW).unwrap_err(),
        wh.verify_at(ts, body, &expected, NOW + 10_000).unwrap_err(),
        wh.url_validation_at(ts, b"{}", wh.sign(1_700_000_000, b"{}"), NOW)
            .unwrap_err(),
        wh.url_validation_at(
            ts,
            br#"{"event":"x","payload":{"plainToken":"abc"}}"#,
            wh.sign(
                1_700_000_000,
                br#"{"event":"x","payload":{"plainToken":"abc"}}"#,
            ),
            NOW,
        )
        .unwrap_err(),
        wh.url_validation_at(ts, b"{", wh.sign(1_700_000_000, b"{"), NOW)
            .unwrap_err(),
    ];
    for e in &cases {
        assert_error_clean("webhook", e, &forbidden);
    }
    let mut codes: Vec<u32> = cases.iter().map(Error::code).collect();
    codes.sort_unstable();
    codes.dedup();
    assert!(codes.len() >= 7, "{codes:?}");
}

#[test]
fn attacker_text_in_error_messages_is_escaped() {
    // Errors quote what they found in the token; an application that logs them must not be
    // made to log forged lines (CR/LF), terminal escapes or NULs.
    let secret = "log-hygiene-secret-0123456789abcdefghij";
    let key = Key::from_text(secret).unwrap();
    let evil = "x\n2026-01-01 INFO admin logged in\r\u{1b}[2J\u{0}\u{7}";
    let esc = serde_json::to_string(evil).unwrap();
    let sign = |header: String, payload: String| {
        let input = format!("{}.{}", b64(header.as_bytes()), b64(payload.as_bytes()));
        let tag = b64(&hmac_sha256(secret.as_bytes(), input.as_bytes()));
        format!("{input}.{tag}")
    };
    let std_header = r#"{"alg":"HS256","typ":"JWT"}"#.to_owned();
    let exp = format!(r#""exp":{}"#, NOW + 60);
    let tokens = [
        sign(format!(r#"{{"alg":{esc}}}"#), format!("{{{exp}}}")),
        sign(
            format!(r#"{{"alg":"HS256","typ":{esc}}}"#),
            format!("{{{exp}}}"),
        ),
        sign(
            format!(r#"{{"alg":"HS256",{esc}:1,{esc}:2}}"#),
            format!("{{{exp}}}"),
        ),
        sign(std_header.clone(), format!(r#"{{{exp},{esc}:1,{esc}:2}}"#)),
        sign(std_header.clone(), format!(r#"{{{exp},"iss":{esc}}}"#)),
        sign(
            std_header.clone(),
            format!(r#"{{{exp},"iss":"expected-issuer","aud":{esc}}}"#),
        ),
        sign(std_header.clone(), format!(r#"{{{exp}, {esc} }}"#)),
    ];
    let v = Verifier::new(key.clone()).with_issuer("expected-issuer");
    let mut messages = Vec::new();
    for t in &tokens {
        let e = v.verify_at(t, NOW).unwrap_err();
        messages.push((e.code(), e.to_string()));
    }
    let sdk = VideoSdkVerifier::new(key.clone(), "sdk-key");
    let sdk_token = sign(
        std_header,
        format!(
            r#"{{"app_key":{esc},"tpc":"t","role_type":1,"version":1,"iat":{},"exp":{}}}"#,
            NOW - 10,
            NOW + 3600
        ),
    );
    let e = sdk.verify_at(&sdk_token, NOW).unwrap_err();
    messages.push((e.code(), e.to_string()));
    let wh = WebhookVerifier::new(secret).unwrap();
    for body in [
        format!(r#"{{"event":{esc},"payload":{{"plainToken":"a"}}}}"#),
        format!(r#"{{{esc}:1,{esc}:2}}"#),
    ] {
        let signature = wh.sign(1_700_000_000, body.as_bytes());
        let e = wh
            .url_validation_at("1700000000", &body, signature, NOW)
            .unwrap_err();
        messages.push((e.code(), e.to_string()));
    }
    for (code, m) in &messages {
        assert!(
            !m.chars().any(char::is_control),
            "error {code} carries raw control characters: {m:?}"
        );
    }
    let codes: Vec<u32> = messages.iter().map(|(c, _)| *c).collect();
    assert_eq!(codes, [301, 302, 206, 206, 505, 506, 204, 605, 627, 626]);
}
