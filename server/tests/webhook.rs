//! `POST /webhook` over real HTTP, with the signatures of Zoom's documentation example and
//! signatures computed here with the `hmac` crate.

mod common;

use std::io::{Read, Write};

use common::{config, config_with, start, NOW, WEBHOOK_TOKEN};
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
    let upper = good.to_uppercase().replacen("V0=", "v0=", 1);
    let tampered = CHALLENGE.replace("qgg8", "qgg9");
    let with_newline = format!("{CHALLENGE}\n");
    let (stale, future, old) = (
        (NOW - 301).to_string(),
        (NOW + 301).to_string(),
        (NOW - 86_400).to_string(),
    );
    // (timestamp, signature, body, code, name)
    for (timestamp, signature, body, code, name) in [
        (
            "",
            good.as_str(),
            CHALLENGE,
            620,
            "webhook_timestamp_malformed",
        ),
        (
            "17e8",
            good.as_str(),
            CHALLENGE,
            620,
            "webhook_timestamp_malformed",
        ),
        (ts.as_str(), "", CHALLENGE, 622, "webhook_signature_prefix"),
        (
            ts.as_str(),
            "v1=00",
            CHALLENGE,
            622,
            "webhook_signature_prefix",
        ),
        (
            ts.as_str(),
            "v0=abc",
            CHALLENGE,
            623,
            "webhook_signature_length",
        ),
        (
            ts.as_str(),
            &upper,
            CHALLENGE,
            624,
            "webhook_signature_encoding",
        ),
        (
            ts.as_str(),
            good.as_str(),
            &tampered,
            625,
            "webhook_signature_mismatch",
        ),
        (
            ts.as_str(),
            good.as_str(),
            &with_newline,
            625,
            "webhook_signature_mismatch",
        ),
        (
            ts.as_str(),
            good.as_str(),
            "",
            625,
            "webhook_signature_mismatch",
        ),
        (
            "1700000001",
            good.as_str(),
            CHALLENGE,
            625,
            "webhook_signature_mismatch",
        ),
        (
            stale.as_str(),
            &sign(&stale, CHALLENGE),
            CHALLENGE,
            621,
            "webhook_timestamp_out_of_tolerance",
        ),
        (
            future.as_str(),
            &sign(&future, CHALLENGE),
            CHALLENGE,
            621,
            "webhook_timestamp_out_of_tolerance",
        ),
        (
            old.as_str(),
            &sign(&old, CHALLENGE),
            CHALLENGE,
            621,
            "webhook_timestamp_out_of_tolerance",
        ),
    ] {
        let reply = post(&server, timestamp, signature, body);
        assert_eq!(reply.status, 401, "{timestamp} {signature}: {}", reply.body);
        assert_eq!(reply.json()["code"], code, "{timestamp} {signature}");
        assert_eq!(reply.json()["name"], name, "{timestamp} {signature}");
        assert!(reply.json()["error"].is_string());
    }
    // The edges of the tolerance are inside it.
    for t in [NOW - 300, NOW + 300] {
        let t = t.to_string();
        assert_eq!(
            post(&server, &t, &sign(&t, CHALLENGE), CHALLENGE).status,
            200,
            "{t}"
        );
    }
    assert!(server.events.lock().unwrap().is_empty());
}

#[test]
fn the_published_vector_ten_minutes_later_is_stale() {
    let server = start(config_with(|c| {
        c.clock = std::sync::Arc::new(|| Ok(NOW + 600))
    }));
    let reply = post(&server, &NOW.to_string(), CHALLENGE_SIGNATURE, CHALLENGE);
    assert_eq!(reply.status, 401);
    assert_eq!(reply.json()["code"], 621);
}

#[test]
fn header_names_are_case_insensitive_missing_ones_401_repeated_ones_400() {
    let server = start(config());
    let ts = NOW.to_string();
    let reply = server.send(
        "POST",
        "/webhook",
        &[
            ("X-Zm-Request-Timestamp", &ts),
            ("X-ZM-SIGNATURE", CHALLENGE_SIGNATURE),
        ],
        CHALLENGE,
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.json()["encryptedToken"], ENCRYPTED);
    for headers in [
        &[("x-zm-signature", CHALLENGE_SIGNATURE)][..],
        &[("x-zm-request-timestamp", ts.as_str())],
        &[],
    ] {
        let reply = server.send("POST", "/webhook", headers, CHALLENGE);
        assert_eq!(reply.status, 401, "{headers:?}");
        assert!(
            reply.json()["error"].as_str().unwrap().contains("missing"),
            "{headers:?}"
        );
    }
    let reply = server.send(
        "POST",
        "/webhook",
        &[
            ("x-zm-request-timestamp", &ts),
            ("x-zm-signature", CHALLENGE_SIGNATURE),
            ("x-zm-signature", CHALLENGE_SIGNATURE),
        ],
        CHALLENGE,
    );
    assert_eq!(reply.status, 400);
    assert!(reply.json()["error"]
        .as_str()
        .unwrap()
        .contains("more than once"));
}

#[test]
fn signed_bodies_that_are_not_events_or_bad_challenges_are_400() {
    let server = start(config());
    let ts = NOW.to_string();
    for (body, code, name) in [
        ("not json", 626, "webhook_body_malformed"),
        ("[]", 626, "webhook_body_malformed"),
        (r#"{"payload":{}}"#, 626, "webhook_body_malformed"),
        (r#"{"event":7}"#, 626, "webhook_body_malformed"),
        (
            r#"{"event":"endpoint.url_validation","event":"endpoint.url_validation","payload":{"plainToken":"x"}}"#,
            626,
            "webhook_body_malformed",
        ),
        (
            r#"{"event":"endpoint.url_validation","payload":{}}"#,
            628,
            "invalid_plain_token",
        ),
        (
            r#"{"event":"endpoint.url_validation","payload":{"plainToken":""}}"#,
            628,
            "invalid_plain_token",
        ),
    ] {
        let reply = post(&server, &ts, &sign(&ts, body), body);
        assert_eq!(reply.status, 400, "{body}: {}", reply.body);
        assert_eq!(reply.json()["code"], code, "{body}");
        assert_eq!(reply.json()["name"], name, "{body}");
    }
    assert!(server.events.lock().unwrap().is_empty());
}

#[test]
fn bodies_over_the_limit_are_413_and_the_limit_itself_is_judged() {
    let server = start(config_with(|c| c.limits.body_bytes = 1024));
    let ts = NOW.to_string();
    // Announced only: refused before any body byte is read.
    let mut stream = server.connect();
    write!(
        stream,
        "POST /webhook HTTP/1.1\r\nhost: x\r\ncontent-length: 1025\r\nx-zm-request-timestamp: {ts}\r\nx-zm-signature: {CHALLENGE_SIGNATURE}\r\n\r\n"
    )
    .unwrap();
    assert_eq!(common::read_reply(&mut stream).status, 413);
    let over = "x".repeat(1025);
    assert_eq!(post(&server, &ts, &sign(&ts, &over), &over).status, 413);
    // Exactly the limit is read in full and judged: signed, but not JSON.
    let exact = "x".repeat(1024);
    let reply = post(&server, &ts, &sign(&ts, &exact), &exact);
    assert_eq!(reply.status, 400, "{}", reply.body);
    assert_eq!(reply.json()["code"], 626);
}

#[test]
fn http_1_0_chunked_bodies_expect_100_and_bodies_in_pieces_are_served() {
    let server = start(config());
    let ts = NOW.to_string();
    let mut request = common::raw_request(
        "POST",
        "/webhook",
        &[
            ("x-zm-request-timestamp", &ts),
            ("x-zm-signature", CHALLENGE_SIGNATURE),
        ],
        CHALLENGE,
    );
    request.splice(
        0.."POST /webhook HTTP/1.1".len(),
        b"POST /webhook HTTP/1.0".iter().copied(),
    );
    let mut stream = server.connect();
    stream.write_all(&request).unwrap();
    assert_eq!(common::read_reply(&mut stream).status, 200);

    // Chunked: the signature covers the decoded body.
    let mut stream = server.connect();
    let (a, b) = CHALLENGE.split_at(40);
    write!(
        stream,
        "POST /webhook HTTP/1.1\r\nhost: x\r\nconnection: close\r\ntransfer-encoding: chunked\r\nx-zm-request-timestamp: {ts}\r\nx-zm-signature: {CHALLENGE_SIGNATURE}\r\n\r\n{:x}\r\n{a}\r\n{:x}\r\n{b}\r\n0\r\n\r\n",
        a.len(),
        b.len()
    )
    .unwrap();
    let reply = common::read_reply(&mut stream);
    assert_eq!(reply.status, 200, "{}", reply.body);

    // Expect: 100-continue: the interim answer comes before any body byte is sent; then the
    // body in small pieces.
    let mut stream = server.connect();
    write!(
        stream,
        "POST /webhook HTTP/1.1\r\nhost: x\r\nconnection: close\r\ncontent-length: {}\r\nexpect: 100-continue\r\nx-zm-request-timestamp: {ts}\r\nx-zm-signature: {CHALLENGE_SIGNATURE}\r\n\r\n",
        CHALLENGE.len()
    )
    .unwrap();
    let mut interim = [0u8; 25];
    stream.read_exact(&mut interim).unwrap();
    assert_eq!(&interim, b"HTTP/1.1 100 Continue\r\n\r\n");
    for piece in CHALLENGE.as_bytes().chunks(7) {
        stream.write_all(piece).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    let reply = common::read_reply(&mut stream);
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.json()["encryptedToken"], ENCRYPTED);
}

#[test]
fn other_methods_are_405_and_clients_that_leave_do_no_harm() {
    let server = start(config());
    for method in ["GET", "PUT"] {
        let reply = server.send(method, "/webhook", &[], "");
        assert_eq!(reply.status, 405, "{method}");
    }
    // Leaves before the head ends, and in the middle of the body.
    drop(server.connect());
    server
        .connect()
        .write_all(b"POST /webhook HTTP/1.1\r\nContent-Le")
        .unwrap();
    server
        .connect()
        .write_all(b"POST /webhook HTTP/1.1\r\nhost: x\r\ncontent-length: 100\r\n\r\n{\"ev")
        .unwrap();
    for _ in 0..3 {
        let reply = post(&server, &NOW.to_string(), CHALLENGE_SIGNATURE, CHALLENGE);
        assert_eq!(reply.status, 200);
    }
}

#[test]
fn without_a_secret_token_the_endpoint_is_not_found() {
    let server = start(config_with(|c| c.webhook = None));
    let reply = post(&server, &NOW.to_string(), CHALLENGE_SIGNATURE, CHALLENGE);
    assert_eq!(reply.status, 404);
}
