//! `POST /webhook` over real HTTP, with the signatures of Zoom's documentation example and
//! signatures computed here with the `hmac` crate.

mod common;

use common::{config, start, NOW, WEBHOOK_TOKEN};
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

// Zoom's documented challenge, signed at NOW with WEBHOOK_TOKEN (Python's hmac computed the
// signature and the answer; tests/zoom_webhook.rs at the root has the script).
const CHALLENGE: &str = r#"{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1654503849680,"event":"endpoint.url_validation"}"#;
const CHALLENGE_SIGNATURE: &str =
    "v0=89802a78f4471ac2b4d938060097ad6c70b85a41cdf00d14425b1c5e641d0918";
const ENCRYPTED: &str = "86b96838c461c5cafc27d6631f663bbfd12746efb4293fc18dce8af8f1aaad30";

fn sign(timestamp: &str, body: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(WEBHOOK_TOKEN.as_bytes()).unwrap();
    mac.update(format!("v0:{timestamp}:{body}").as_bytes());
    let tag = mac.finalize().into_bytes();
    format!(
        "v0={}",
        tag.iter().map(|b| format!("{b:02x}")).collect::<String>()
    )
}

fn post(
    server: &common::TestServer,
    timestamp: &str,
    signature: &str,
    body: &str,
) -> common::Reply {
    server.send(
        "POST",
        "/webhook",
        &[
            ("content-type", "application/json"),
            ("x-zm-request-timestamp", timestamp),
            ("x-zm-signature", signature),
        ],
        body,
    )
}

#[test]
fn the_url_validation_challenge_is_answered() {
    let server = start(config());
    let reply = post(&server, &NOW.to_string(), CHALLENGE_SIGNATURE, CHALLENGE);
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.header("content-type"), Some("application/json"));
    assert_eq!(
        reply.json(),
        serde_json::json!({"plainToken": "qgg8vlvZRS6UYooatFL8Aw", "encryptedToken": ENCRYPTED})
    );
    assert!(server.events.lock().unwrap().is_empty());
}

#[test]
fn other_signed_events_are_one_json_line_each_on_the_events_sink() {
    let server = start(config());
    let pretty =
        "{\n  \"event\": \"session.started\",\n  \"payload\": {\"object\": {\"id\": \"s-1\"}}\n}";
    let ts = NOW.to_string();
    let reply = post(&server, &ts, &sign(&ts, pretty), pretty);
    assert_eq!(reply.status, 204, "{}", reply.body);
    assert!(reply.body.is_empty());
    let events = server.events.lock().unwrap().clone();
    assert_eq!(
        events,
        [r#"{"event":"session.started","payload":{"object":{"id":"s-1"}}}"#]
    );
}

#[test]
fn bad_signatures_and_timestamps_are_401_with_the_cores_code() {
    let server = start(config());
    let ts = NOW.to_string();
    let good = sign(&ts, CHALLENGE);
    let stale = (NOW - 301).to_string();
    for (timestamp, signature, body, code) in [
        ("", good.as_str(), CHALLENGE, 620),
        ("17e8", good.as_str(), CHALLENGE, 620),
        (ts.as_str(), "", CHALLENGE, 622),
        (ts.as_str(), "v1=00", CHALLENGE, 622),
        (ts.as_str(), "v0=abc", CHALLENGE, 623),
        (
            ts.as_str(),
            &good.to_uppercase().replace("V0=", "v0="),
            CHALLENGE,
            624,
        ),
        (
            ts.as_str(),
            good.as_str(),
            &CHALLENGE.replace("qgg", "xgg"),
            625,
        ),
        (stale.as_str(), &sign(&stale, CHALLENGE), CHALLENGE, 621),
    ] {
        let reply = post(&server, timestamp, signature, body);
        assert_eq!(reply.status, 401, "{timestamp} {signature}: {}", reply.body);
        assert_eq!(reply.json()["code"], code, "{timestamp} {signature}");
        assert!(reply.json()["name"].is_string());
    }
    assert!(server.events.lock().unwrap().is_empty());
}

#[test]
fn a_signed_challenge_the_core_cannot_read_is_400() {
    let server = start(config());
    let ts = NOW.to_string();
    for (body, code) in [
        (r#"{"event":"endpoint.url_validation","payload":{}}"#, 628),
        (
            r#"{"event":"endpoint.url_validation","payload":{"plainToken":""}}"#,
            628,
        ),
        ("not json", 626),
    ] {
        let reply = post(&server, &ts, &sign(&ts, body), body);
        assert_eq!(reply.status, 400, "{body}: {}", reply.body);
        assert_eq!(reply.json()["code"], code, "{body}");
    }
}

#[test]
fn without_a_secret_token_the_endpoint_is_not_found() {
    let mut c = config();
    c.webhook = None;
    let server = start(c);
    let reply = post(&server, &NOW.to_string(), CHALLENGE_SIGNATURE, CHALLENGE);
    assert_eq!(reply.status, 404);
}
