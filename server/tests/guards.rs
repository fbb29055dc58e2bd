//! Who may call and how much: the bearer token, the non-loopback rule, CORS, the body limit,
//! the rate limit, the timeouts, and what the access log leaves out.

mod common;

use std::io::{Read, Write};
use std::time::{Duration, Instant};

use common::{config, config_with, raw_request, read_reply, start, BEARER, SDK_SECRET};
use jwtmint_server::Server;
use zeroize::Zeroizing;

const BODY: &str = r#"{"sessionName":"room-1","role":1}"#;
const ORIGIN: &str = "https://app.example.com";

fn with_bearer() -> jwtmint_server::Config {
    config_with(|c| c.bearer = Some(Zeroizing::new(BEARER.to_owned())))
}

#[test]
fn the_bearer_token_guards_the_token_endpoints_only() {
    let server = start(with_bearer());
    let post = |auth: Option<&str>| {
        let mut headers = vec![("content-type", "application/json")];
        if let Some(a) = auth {
            headers.push(("authorization", a));
        }
        server.send("POST", "/videosdk", &headers, BODY)
    };
    for auth in [
        None,
        Some("Bearer"),
        Some("Bearer "),
        Some("bearer-token-for-tests-0123456789"),
        Some("Basic YTpi"),
        Some("Bearer bearer-token-for-tests-012345678"),
        Some("Bearer bearer-token-for-tests-01234567890"),
        Some("Bearer BEARER-TOKEN-FOR-TESTS-0123456789"),
    ] {
        let reply = post(auth);
        assert_eq!(reply.status, 401, "{auth:?}");
        assert_eq!(reply.header("www-authenticate"), Some("Bearer"));
    }
    let reply = post(Some(&format!("Bearer {BEARER}")));
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert!(reply.json()["signature"].is_string());
    assert_eq!(server.send("GET", "/healthz", &[], "").status, 200);
    // The webhook is authenticated by Zoom's signature, not by the bearer token.
    assert_eq!(server.post_json("/webhook", "{}").status, 401);
    assert!(!server.log_text().contains(BEARER));
}

#[test]
fn a_non_loopback_address_needs_caller_authentication() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let mut open = config();
    open.listen = "0.0.0.0:0".parse().unwrap();
    let err = open.check().unwrap_err().to_string();
    assert!(
        err.contains("--bearer-env") && err.contains("--insecure-no-auth"),
        "{err}"
    );
    let bind = runtime.block_on(Server::bind(open.clone())).err().unwrap();
    assert_eq!(bind.kind(), std::io::ErrorKind::InvalidInput);

    let mut insecure = open.clone();
    insecure.insecure_no_auth = true;
    assert_eq!(insecure.check(), Ok(()));
    let mut both = insecure.clone();
    both.bearer = Some(Zeroizing::new(BEARER.to_owned()));
    assert!(both.check().is_err());
    let mut empty = open.clone();
    empty.bearer = Some(Zeroizing::new(String::new()));
    assert!(empty.check().is_err());

    // Served on every interface with a bearer token: reached over loopback, unauthenticated
    // callers get 401.
    let mut guarded = with_bearer();
    guarded.listen = "0.0.0.0:0".parse().unwrap();
    let server = start(guarded);
    assert!(server.addr.ip().is_unspecified());
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", server.addr.port())).unwrap();
    stream
        .write_all(&raw_request(
            "POST",
            "/videosdk",
            &[("content-type", "application/json")],
            BODY,
        ))
        .unwrap();
    assert_eq!(read_reply(&mut stream).status, 401);
}

#[test]
fn cors_answers_preflights_for_listed_origins_only() {
    let server = start(config_with(|c| c.allow_origins = vec![ORIGIN.to_owned()]));
    let preflight = |origin: &str| {
        server.send(
            "OPTIONS",
            "/videosdk",
            &[
                ("origin", origin),
                ("access-control-request-method", "POST"),
                (
                    "access-control-request-headers",
                    "content-type,authorization",
                ),
            ],
            "",
        )
    };
    let ok = preflight(ORIGIN);
    assert_eq!(ok.status, 200);
    assert_eq!(ok.header("access-control-allow-origin"), Some(ORIGIN));
    let methods = ok.header("access-control-allow-methods").unwrap();
    assert!(methods.contains("POST"), "{methods}");
    let headers = ok.header("access-control-allow-headers").unwrap();
    assert!(headers.contains("content-type") && headers.contains("authorization"));
    let other = preflight("https://evil.example");
    assert_eq!(other.header("access-control-allow-origin"), None);

    // The browser's request after the preflight: a token it can decode.
    let reply = server.send(
        "POST",
        "/videosdk",
        &[("origin", ORIGIN), ("content-type", "application/json")],
        BODY,
    );
    assert_eq!(reply.header("access-control-allow-origin"), Some(ORIGIN));
    let token = reply.json()["signature"].as_str().unwrap().to_owned();
    assert!(common::payload_of(&token).contains(r#""tpc":"room-1""#));
    assert_eq!(token.split('.').count(), 3);
    assert!(token.ends_with(
        common::hs256(SDK_SECRET, &common::payload_of(&token))
            .rsplit('.')
            .next()
            .unwrap()
    ));

    for origin in [
        "https://app.example.com",
        "http://localhost:3000",
        "http://[::1]:8080",
    ] {
        let mut good = config();
        good.allow_origins = vec![origin.into()];
        assert_eq!(good.check(), Ok(()), "{origin}");
    }
    for origin in [
        "https://app.example.com/",
        "https://app.example.com/path",
        "https://app.example.com?x=1",
        "https://user@app.example.com",
        "app.example.com",
        "*",
        "",
        "https://app.example.com\n",
    ] {
        let mut bad = config();
        bad.allow_origins = vec![origin.into()];
        assert!(bad.check().is_err(), "{origin}");
    }
}

#[test]
fn without_origins_there_are_no_cors_headers() {
    let server = start(config());
    let reply = server.send(
        "POST",
        "/videosdk",
        &[("origin", ORIGIN), ("content-type", "application/json")],
        BODY,
    );
    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("access-control-allow-origin"), None);
}

#[test]
fn bodies_over_the_limit_are_413() {
    let server = start(config_with(|c| c.limits.body_bytes = 100));
    let big = format!(
        r#"{{"sessionName":"r","role":1,"pad":"{}"}}"#,
        "x".repeat(200)
    );
    assert_eq!(server.post_json("/videosdk", &big).status, 413);
    assert_eq!(server.post_json("/webhook", &big).status, 413);
    assert_eq!(server.post_json("/videosdk", BODY).status, 200);
}

#[test]
fn clients_over_their_rate_get_429_with_retry_after() {
    let server = start(config_with(|c| c.limits.rate_per_second = 3));
    let statuses: Vec<u16> = (0..6)
        .map(|_| server.post_json("/videosdk", BODY).status)
        .collect();
    assert_eq!(&statuses[..3], [200, 200, 200]);
    assert!(statuses[3..].contains(&429), "{statuses:?}");
    let reply = server.send("GET", "/healthz", &[], "");
    assert_eq!(reply.status, 429);
    assert!(reply.header("retry-after").unwrap().parse::<u64>().unwrap() >= 1);
}

#[test]
fn a_slow_body_gets_408_and_a_slow_or_idle_head_is_closed() {
    let server = start(config_with(|c| {
        c.limits.request_timeout = Duration::from_millis(300);
        c.limits.header_timeout = Duration::from_millis(300);
    }));

    // The head arrives, the body never does: 408 once the request timeout is over.
    let mut stream = server.connect();
    stream
        .write_all(b"POST /videosdk HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 50\r\n\r\n{")
        .unwrap();
    assert_eq!(read_reply(&mut stream).status, 408);

    // Half a head, then silence; and a connection that never says anything: both closed.
    for first in [&b"POST /videosdk HTTP/1.1\r\nhost"[..], b""] {
        let mut stream = server.connect();
        stream.write_all(first).unwrap();
        let started = Instant::now();
        let mut rest = Vec::new();
        let _ = stream.read_to_end(&mut rest);
        assert!(started.elapsed() < Duration::from_secs(5), "{first:?}");
        assert!(!String::from_utf8_lossy(&rest).contains("200 OK"));
    }
}

#[test]
fn heads_too_large_or_with_too_many_headers_are_431() {
    let server = start(config());
    let many: String = (0..200)
        .map(|i| format!("x-filler-{i}: {}\r\n", "a".repeat(40)))
        .collect();
    let big = format!("x-big: {}\r\n", "a".repeat(20 * 1024));
    for extra in [many, big] {
        let mut stream = server.connect();
        // One write: `write!` sends the pieces separately, and the server may answer 431 and
        // close after the first of them, which made a later piece fail with EPIPE.
        let head =
            format!("POST /videosdk HTTP/1.1\r\nhost: x\r\n{extra}content-length: 0\r\n\r\n");
        stream.write_all(head.as_bytes()).unwrap();
        assert_eq!(read_reply(&mut stream).status, 431);
    }
    // Endless header bytes with no end of head: refused at the bound, not read forever.
    let mut stream = server.connect();
    let _ = stream.write_all(&vec![b'a'; 64 * 1024]);
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    assert!(
        answer.is_empty() || answer.starts_with(b"HTTP/1.1 431"),
        "{:?}",
        String::from_utf8_lossy(&answer)
    );
}

#[test]
fn the_access_log_has_no_secret_token_or_body() {
    let server = start(with_bearer());
    let auth = format!("Bearer {BEARER}");
    let reply = server.send(
        "POST",
        "/videosdk?secret=query-value",
        &[
            ("content-type", "application/json"),
            ("authorization", &auth),
        ],
        r#"{"sessionName":"private-room","role":1}"#,
    );
    let token = reply.json()["signature"].as_str().unwrap().to_owned();
    server.send(
        "POST",
        "/videosdk",
        &[("content-type", "application/json")],
        BODY,
    );
    let log = server.log_text();
    let lines: Vec<serde_json::Value> = log
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON lines"))
        .collect();
    assert_eq!(lines[0]["event"], "listening");
    assert_eq!(lines[0]["endpoints"]["POST /videosdk"], true);
    assert_eq!(lines[0]["endpoints"]["POST /meetingsdk"], true);
    let requests: Vec<_> = lines.iter().filter(|l| l.get("status").is_some()).collect();
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0]["path"], "/videosdk");
    assert_eq!(requests[0]["status"], 200);
    assert_eq!(requests[1]["status"], 401);
    assert_eq!(requests[0]["client"], "127.0.0.1");
    for secret in [
        BEARER,
        &*token,
        "private-room",
        "query-value",
        SDK_SECRET,
        token.split('.').nth(2).unwrap(),
    ] {
        assert!(!log.contains(secret), "{secret}");
    }
}
