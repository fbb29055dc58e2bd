//! The webhook receiver example (`examples/webhook_receiver/`), driven over loopback with real
//! HTTP requests written byte by byte on a `TcpStream`. Expected signatures are computed with
//! the `hmac` crate here; the challenge's answer is Zoom's published vector, computed with
//! Python's `hmac`/`hashlib`:
//!
//! ```text
//! hmac.new(b"ZOOM_WEBHOOK_SECRET_TOKEN", b"v0:1700000000:" + BODY, hashlib.sha256).hexdigest()
//! hmac.new(b"ZOOM_WEBHOOK_SECRET_TOKEN", b"qgg8vlvZRS6UYooatFL8Aw", hashlib.sha256).hexdigest()
//! ```

#[path = "../examples/webhook_receiver/server.rs"]
mod server;

use std::io::{Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use hmac::{KeyInit, Mac};
use jwtmint::zoom::WebhookVerifier;
use serde_json::Value;

use server::{Receiver, Server, MAX_BODY};

const TOKEN: &str = "ZOOM_WEBHOOK_SECRET_TOKEN";
const TS: &str = "1700000000";
const NOW: i64 = 1_700_000_000;
const BODY: &str = r#"{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1654503849680,"event":"endpoint.url_validation"}"#;
const SIGNATURE: &str = "v0=89802a78f4471ac2b4d938060097ad6c70b85a41cdf00d14425b1c5e641d0918";
const ANSWER: &str = r#"{"plainToken":"qgg8vlvZRS6UYooatFL8Aw","encryptedToken":"86b96838c461c5cafc27d6631f663bbfd12746efb4293fc18dce8af8f1aaad30"}"#;

/// A server running in a thread on 127.0.0.1 at a free port, stopped and joined on drop.
struct Running {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

/// Starts a receiver for `TOKEN` whose clock always says `now`.
fn start(now: i64) -> Running {
    let verifier = WebhookVerifier::new(TOKEN).unwrap();
    let receiver = Receiver::new(verifier, Arc::new(move || Ok(now)));
    let server = Server::bind("127.0.0.1:0", receiver).unwrap();
    let addr = server.local_addr().unwrap();
    assert!(addr.ip().is_loopback(), "{addr}");
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    let thread = std::thread::spawn(move || server.serve(&flag));
    Running {
        addr,
        stop,
        thread: Some(thread),
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wakes the accept call, which then sees the flag.
        let _ = TcpStream::connect(self.addr);
        if let Some(thread) = self.thread.take() {
            let joined = thread.join();
            if !std::thread::panicking() {
                joined.expect("the server thread did not panic");
            }
        }
    }
}

/// A response as read off the wire.
#[derive(Debug)]
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn json(&self) -> Value {
        assert_eq!(
            self.header("content-type"),
            Some("application/json"),
            "{self:?}"
        );
        serde_json::from_slice(&self.body).expect("a JSON body")
    }

    /// Asserts a JSON error carrying the core's code and name.
    #[track_caller]
    fn assert_error(&self, status: u16, code: u32, name: &str) {
        assert_eq!(self.status, status, "{self:?}");
        let json = self.json();
        assert_eq!(json["code"], code, "{json}");
        assert_eq!(json["name"], name, "{json}");
        assert!(
            json["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{json}"
        );
    }
}

/// Sends raw bytes (a write error is ignored: the server may stop reading early) and reads
/// the whole response, skipping an interim `100 Continue`.
fn exchange(addr: SocketAddr, request: &[u8]) -> Reply {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    stream
        .set_write_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let _ = stream.write_all(request);
    let _ = stream.shutdown(Shutdown::Write);
    read_reply(&mut stream)
}

fn read_reply(stream: &mut TcpStream) -> Reply {
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read the response");
    parse_reply(&raw)
}

fn parse_reply(mut raw: &[u8]) -> Reply {
    loop {
        let end = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .unwrap_or_else(|| panic!("no response head in {:?}", String::from_utf8_lossy(raw)));
        let head = std::str::from_utf8(&raw[..end]).unwrap();
        let mut lines = head.split("\r\n");
        let status_line = lines.next().unwrap();
        let mut parts = status_line.splitn(3, ' ');
        assert_eq!(parts.next(), Some("HTTP/1.1"), "{status_line}");
        let status: u16 = parts.next().unwrap().parse().unwrap();
        let rest = &raw[end + 4..];
        if status == 100 {
            raw = rest;
            continue;
        }
        let headers: Vec<(String, String)> = lines
            .map(|l| {
                let (n, v) = l.split_once(':').unwrap();
                (n.to_owned(), v.trim().to_owned())
            })
            .collect();
        let reply = Reply {
            status,
            headers,
            body: rest.to_vec(),
        };
        match reply.header("content-length") {
            Some(len) => assert_eq!(len.parse::<usize>().unwrap(), reply.body.len(), "{reply:?}"),
            None => assert!(status == 204 && reply.body.is_empty(), "{reply:?}"),
        }
        assert_eq!(reply.header("connection"), Some("close"));
        return reply;
    }
}

/// A POST with the given extra header lines and body, and a correct Content-Length.
fn post_request(headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut request = format!(
        "POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    let mut bytes = request.into_bytes();
    bytes.extend_from_slice(body);
    bytes
}

fn post(addr: SocketAddr, headers: &[(&str, &str)], body: &[u8]) -> Reply {
    exchange(addr, &post_request(headers, body))
}

/// `v0=` + hex(HMAC-SHA256(TOKEN, "v0:TS:BODY")), with the `hmac` crate.
fn signature(timestamp: &str, body: &[u8]) -> String {
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(TOKEN.as_bytes()).unwrap();
    mac.update(format!("v0:{timestamp}:").as_bytes());
    mac.update(body);
    let hex: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("v0={hex}")
}

/// A correctly signed POST at `timestamp`.
fn signed(addr: SocketAddr, timestamp: &str, body: &[u8]) -> Reply {
    let sig = signature(timestamp, body);
    post(
        addr,
        &[
            ("x-zm-request-timestamp", timestamp),
            ("x-zm-signature", &sig),
        ],
        body,
    )
}

#[test]
fn the_signature_helper_matches_the_published_vector() {
    assert_eq!(signature(TS, BODY.as_bytes()), SIGNATURE);
}

#[test]
fn answers_the_url_validation_challenge_whatever_the_header_names_case() {
    let server = start(NOW);
    for (timestamp, signature) in [
        ("x-zm-request-timestamp", "x-zm-signature"),
        ("X-Zm-Request-Timestamp", "X-ZM-SIGNATURE"),
    ] {
        let headers = [(timestamp, TS), (signature, SIGNATURE)];
        let reply = post(server.addr, &headers, BODY.as_bytes());
        assert_eq!(reply.status, 200, "{reply:?}");
        assert_eq!(reply.header("content-type"), Some("application/json"));
        assert_eq!(String::from_utf8(reply.body).unwrap(), ANSWER);
    }
}

#[test]
fn a_tampered_body_is_refused_with_401() {
    let server = start(NOW);
    let tampered = BODY.replace("qgg8", "qgg9");
    let with_newline = format!("{BODY}\n");
    let upper = SIGNATURE.to_uppercase().replacen("V0=", "v0=", 1);
    // (timestamp, signature, body, code, name): a tampered body, another timestamp, a
    // malformed signature or timestamp.
    for (ts, signature, body, code, name) in [
        (
            TS,
            SIGNATURE,
            tampered.as_str(),
            625,
            "webhook_signature_mismatch",
        ),
        (
            TS,
            SIGNATURE,
            &with_newline,
            625,
            "webhook_signature_mismatch",
        ),
        (TS, SIGNATURE, "", 625, "webhook_signature_mismatch"),
        (
            "1700000001",
            SIGNATURE,
            BODY,
            625,
            "webhook_signature_mismatch",
        ),
        (TS, &upper, BODY, 624, "webhook_signature_encoding"),
        ("17e8", SIGNATURE, BODY, 620, "webhook_timestamp_malformed"),
    ] {
        let headers = [
            ("x-zm-request-timestamp", ts),
            ("x-zm-signature", signature),
        ];
        post(server.addr, &headers, body.as_bytes()).assert_error(401, code, name);
    }
}

#[test]
fn missing_or_repeated_headers_are_refused() {
    let server = start(NOW);
    for headers in [
        &[("x-zm-signature", SIGNATURE)][..],
        &[("x-zm-request-timestamp", TS)],
        &[],
        &[("x-zm-request-timestamp", ""), ("x-zm-signature", "")],
    ] {
        let reply = post(server.addr, headers, BODY.as_bytes());
        assert_eq!(reply.status, 401, "{headers:?}: {reply:?}");
        let json = reply.json();
        assert!(json["error"].as_str().is_some(), "{json}");
        if headers.len() < 2 {
            assert!(
                json["error"].as_str().unwrap().contains("missing"),
                "{json}"
            );
        }
    }
    let reply = post(
        server.addr,
        &[
            ("x-zm-request-timestamp", TS),
            ("x-zm-signature", SIGNATURE),
            ("x-zm-signature", SIGNATURE),
        ],
        BODY.as_bytes(),
    );
    assert_eq!(reply.status, 400, "{reply:?}");
    assert!(reply.json()["error"]
        .as_str()
        .unwrap()
        .contains("more than once"));
}

#[test]
fn a_stale_or_future_timestamp_is_refused() {
    let server = start(NOW);
    for ts in [NOW - 301, NOW + 301, NOW - 86_400] {
        let ts = ts.to_string();
        let reply = signed(server.addr, &ts, BODY.as_bytes());
        reply.assert_error(401, 621, "webhook_timestamp_out_of_tolerance");
    }
    for ts in [NOW - 300, NOW + 300] {
        let reply = signed(server.addr, &ts.to_string(), BODY.as_bytes());
        assert_eq!(reply.status, 200, "{reply:?}");
    }
    // The published vector, at a clock 10 minutes later.
    let later = start(NOW + 600);
    let reply = post(
        later.addr,
        &[
            ("x-zm-request-timestamp", TS),
            ("x-zm-signature", SIGNATURE),
        ],
        BODY.as_bytes(),
    );
    reply.assert_error(401, 621, "webhook_timestamp_out_of_tolerance");
}

#[test]
fn other_events_get_204() {
    let server = start(NOW);
    let body = br#"{"event":"session.started","event_ts":1700000000000,"payload":{"account_id":"a","object":{"session_name":"room"}}}"#;
    let reply = signed(server.addr, TS, body);
    assert_eq!(reply.status, 204, "{reply:?}");
    assert!(reply.body.is_empty());
}

#[test]
fn signed_bodies_that_are_not_events_or_bad_challenges_get_400() {
    let server = start(NOW);
    for body in [
        &b"not json"[..],
        b"[]",
        br#"{"payload":{}}"#,
        br#"{"event":7}"#,
    ] {
        let reply = signed(server.addr, TS, body);
        assert_eq!(reply.status, 400, "{reply:?}");
        assert!(reply.json()["error"].as_str().is_some());
    }
    for (body, code, name) in [
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
        (
            r#"{"event":"endpoint.url_validation","event":"endpoint.url_validation","payload":{"plainToken":"x"}}"#,
            626,
            "webhook_body_malformed",
        ),
    ] {
        signed(server.addr, TS, body.as_bytes()).assert_error(400, code, name);
    }
}

#[test]
fn oversized_bodies_get_413() {
    let server = start(NOW);
    // Announced only: refused before any body byte is read.
    let head = format!(
        "POST / HTTP/1.1\r\nContent-Length: {}\r\nx-zm-request-timestamp: {TS}\r\n\
         x-zm-signature: {SIGNATURE}\r\n\r\n",
        MAX_BODY + 1
    );
    let reply = exchange(server.addr, head.as_bytes());
    assert_eq!(reply.status, 413, "{reply:?}");
    // Announced and sent.
    let body = vec![b'x'; MAX_BODY + 1];
    let reply = post(server.addr, &[("x-zm-request-timestamp", TS)], &body);
    assert_eq!(reply.status, 413, "{reply:?}");
    // A length no integer holds.
    let head = "POST / HTTP/1.1\r\nContent-Length: 9999999999999999999\r\n\r\n";
    assert_eq!(exchange(server.addr, head.as_bytes()).status, 413);
    // Exactly the limit is read in full and judged: signed, but not JSON.
    let body = vec![b'x'; MAX_BODY];
    let reply = signed(server.addr, TS, &body);
    assert_eq!(reply.status, 400, "{reply:?}");
}

#[test]
fn the_transport_is_strict() {
    let server = start(NOW);
    for (request, status) in [
        (&b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"[..], 405),
        (b"PUT / HTTP/1.1\r\nContent-Length: 0\r\n\r\n", 405),
        (b"POST / HTTP/1.1\r\nHost: x\r\n\r\n", 411),
        (
            b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
            501,
        ),
        (
            b"POST / HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\n{}",
            400,
        ),
        (b"POST / HTTP/1.1\r\nContent-Length: +2\r\n\r\n{}", 400),
        (b"POST / HTTP/1.1\r\nContent-Length: 0x2\r\n\r\n{}", 400),
        (b"POST / HTTP/1.1\r\nContent-Length : 2\r\n\r\n{}", 400),
        (
            b"POST / HTTP/1.1\r\nContent-Length: 2\r\n folded\r\n\r\n{}",
            400,
        ),
        (b"POST / HTTP/1.1\r\nNoColon\r\n\r\n", 400),
        (b"POST  / HTTP/1.1\r\nContent-Length: 0\r\n\r\n", 400),
        (b"POST /\r\nContent-Length: 0\r\n\r\n", 400),
        (b"POST / HTTP/2.0\r\nContent-Length: 0\r\n\r\n", 505),
        (b"POST / FTP/1.0\r\nContent-Length: 0\r\n\r\n", 400),
        (
            b"POST / HTTP/1.1\r\nContent-Length: 0\r\nExpect: magic\r\n\r\n",
            417,
        ),
    ] {
        let reply = exchange(server.addr, request);
        assert_eq!(
            reply.status,
            status,
            "{:?}: {reply:?}",
            String::from_utf8_lossy(request)
        );
    }
    let reply = exchange(server.addr, b"GET / HTTP/1.1\r\n\r\n");
    assert_eq!(reply.header("allow"), Some("POST"));

    // A head over 8 KiB.
    let mut big = b"POST / HTTP/1.1\r\n".to_vec();
    for i in 0..200 {
        big.extend_from_slice(format!("x-filler-{i}: {}\r\n", "a".repeat(40)).as_bytes());
    }
    big.extend_from_slice(b"Content-Length: 0\r\n\r\n");
    assert_eq!(exchange(server.addr, &big).status, 431);
    // Endless header bytes with no end of head: refused at the bound, not read forever.
    let endless = vec![b'a'; 64 * 1024];
    assert_eq!(exchange(server.addr, &endless).status, 431);
    // HTTP/1.0 is accepted.
    let mut request = post_request(
        &[
            ("x-zm-request-timestamp", TS),
            ("x-zm-signature", SIGNATURE),
        ],
        BODY.as_bytes(),
    );
    request.splice(
        0..b"POST /webhook HTTP/1.1".len(),
        b"POST /webhook HTTP/1.0".iter().copied(),
    );
    assert_eq!(exchange(server.addr, &request).status, 200);
}

#[test]
fn expect_100_continue_and_a_body_sent_in_pieces() {
    let server = start(NOW);
    let mut stream = TcpStream::connect(server.addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let head = format!(
        "POST / HTTP/1.1\r\nContent-Length: {}\r\nExpect: 100-continue\r\n\
         x-zm-request-timestamp: {TS}\r\nx-zm-signature: {SIGNATURE}\r\n\r\n",
        BODY.len()
    );
    stream.write_all(head.as_bytes()).unwrap();
    // The interim response comes before any body byte is sent.
    let mut interim = [0u8; 25];
    stream.read_exact(&mut interim).unwrap();
    assert_eq!(&interim, b"HTTP/1.1 100 Continue\r\n\r\n");
    for piece in BODY.as_bytes().chunks(7) {
        stream.write_all(piece).unwrap();
        stream.flush().unwrap();
        std::thread::sleep(Duration::from_millis(2));
    }
    let reply = read_reply(&mut stream);
    assert_eq!(reply.status, 200, "{reply:?}");
    assert_eq!(reply.body, ANSWER.as_bytes());
}

#[test]
fn the_server_survives_clients_that_leave_and_stops_when_told() {
    let server = start(NOW);
    let addr = server.addr;
    // Leaves before the head ends, and in the middle of the body.
    drop(TcpStream::connect(addr).unwrap());
    {
        let mut s = TcpStream::connect(addr).unwrap();
        s.write_all(b"POST / HTTP/1.1\r\nContent-Le").unwrap();
    }
    {
        let mut s = TcpStream::connect(addr).unwrap();
        s.write_all(b"POST / HTTP/1.1\r\nContent-Length: 100\r\n\r\n{\"ev")
            .unwrap();
    }
    // Still serving, request after request.
    for _ in 0..3 {
        let reply = post(
            addr,
            &[
                ("x-zm-request-timestamp", TS),
                ("x-zm-signature", SIGNATURE),
            ],
            BODY.as_bytes(),
        );
        assert_eq!(reply.status, 200, "{reply:?}");
    }
    drop(server);
    // The listener is gone with the server.
    let refused = TcpStream::connect_timeout(&addr, Duration::from_secs(2));
    assert!(refused.is_err(), "still listening after the stop");
}
