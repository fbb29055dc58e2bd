//! Shared test helpers: a server on a loopback port in a background runtime, raw HTTP/1.1
//! requests over `std::net` (so a test controls every byte and every pause), and an
//! independent HS256 (the `hmac`, `sha2` and `base64` crates, never jwtmint) for the expected
//! tokens.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use hmac::{Hmac, KeyInit, Mac};
use jwtmint::zoom::WebhookVerifier;
use jwtmint::Key;
use jwtmint_server::{Config, SdkCredentials, Server};
use sha2::Sha256;

/// The Video SDK key and secret (38 bytes) the test servers sign with.
pub const SDK_KEY: &str = "test-sdk-key";
pub const SDK_SECRET: &str = "test-secret-0123456789abcdef0123456789";
/// The Meeting SDK key (signed with the same secret).
pub const MEETING_SDK_KEY: &str = "test-meeting-sdk-key";
/// The webhook secret token of Zoom's documentation example.
pub const WEBHOOK_TOKEN: &str = "ZOOM_WEBHOOK_SECRET_TOKEN";
/// The fixed time of the test servers' clock.
pub const NOW: i64 = 1_700_000_000;
/// A bearer token.
pub const BEARER: &str = "bearer-token-for-tests-0123456789";

/// A running server, stopped when dropped.
pub struct TestServer {
    pub addr: SocketAddr,
    pub log: Arc<Mutex<Vec<String>>>,
    pub events: Arc<Mutex<Vec<String>>>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<std::io::Result<()>>>,
}

/// A configuration with both endpoints, the fixed clock, skew 0 (the sample's `iat = now`),
/// no rate limit, and the sinks `start` fills in.
pub fn config() -> Config {
    let mut config = Config::new("127.0.0.1:0".parse().unwrap());
    let secret = Key::from_text(SDK_SECRET).unwrap();
    config.video_sdk = Some(SdkCredentials::new(SDK_KEY, secret.clone()));
    config.meeting_sdk = Some(SdkCredentials::new(MEETING_SDK_KEY, secret));
    config.webhook = Some(WebhookVerifier::new(WEBHOOK_TOKEN).unwrap());
    config.clock = Arc::new(|| Ok(NOW));
    config.skew = 0;
    config.limits.rate_per_second = 0;
    config
}

/// [`config`] changed by `change`: what a test needs of its own.
pub fn config_with(change: impl FnOnce(&mut Config)) -> Config {
    let mut config = config();
    change(&mut config);
    config
}

/// Starts a server with `config` in a runtime of its own thread.
pub fn start(mut config: Config) -> TestServer {
    let log = Arc::new(Mutex::new(Vec::new()));
    let events = Arc::new(Mutex::new(Vec::new()));
    let (l, e) = (log.clone(), events.clone());
    config.access_log = Arc::new(move |line| l.lock().unwrap().push(line.to_owned()));
    config.events = Arc::new(move |line| e.lock().unwrap().push(line.to_owned()));
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let (ready, bound) = std::sync::mpsc::channel();
    let thread = std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()?;
        runtime.block_on(async move {
            let server = match Server::bind(config).await {
                Ok(server) => server,
                Err(e) => {
                    let _ = ready.send(Err(e.to_string()));
                    return Ok(());
                }
            };
            let _ = ready.send(Ok(server.local_addr()?));
            server
                .run(async {
                    let _ = stopped.await;
                })
                .await
        })
    });
    let addr = bound.recv().unwrap().expect("the server starts");
    TestServer {
        addr,
        log,
        events,
        stop: Some(stop),
        thread: Some(thread),
    }
}

impl TestServer {
    /// Sends SIGTERM's equivalent and waits for `run` to return.
    pub fn shutdown(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            thread.join().unwrap().unwrap();
        }
    }

    /// A request: `method path`, the extra header lines, the body; `Connection: close`.
    pub fn send(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> Reply {
        let mut stream = self.connect();
        stream
            .write_all(&raw_request(method, path, headers, body))
            .unwrap();
        read_reply(&mut stream)
    }

    /// `POST path` with a JSON body.
    pub fn post_json(&self, path: &str, body: &str) -> Reply {
        self.send("POST", path, &[("content-type", "application/json")], body)
    }

    /// A connection with a read timeout, so a test never hangs.
    pub fn connect(&self) -> TcpStream {
        let stream = TcpStream::connect(self.addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        stream
    }

    /// The access log so far, one string.
    pub fn log_text(&self) -> String {
        self.log.lock().unwrap().join("\n")
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// The bytes of a request with `Connection: close` and a `Content-Length`.
pub fn raw_request(method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> Vec<u8> {
    let mut text = format!("{method} {path} HTTP/1.1\r\nhost: localhost\r\nconnection: close\r\n");
    for (name, value) in headers {
        text.push_str(&format!("{name}: {value}\r\n"));
    }
    text.push_str(&format!("content-length: {}\r\n\r\n{body}", body.len()));
    text.into_bytes()
}

/// An answer.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    /// Lower-case names.
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {:?}", self.body))
    }
}

/// Reads an answer to the end of the connection (the requests say `Connection: close`).
pub fn read_reply(stream: &mut TcpStream) -> Reply {
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    parse_reply(&raw)
}

/// Parses a whole HTTP/1.1 answer with a Content-Length (or no body).
pub fn parse_reply(raw: &[u8]) -> Reply {
    let text = String::from_utf8_lossy(raw);
    let (head, body) = text.split_once("\r\n\r\n").expect("a complete answer");
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .map(|l| {
            let (n, v) = l.split_once(':').unwrap();
            (n.to_ascii_lowercase(), v.trim().to_owned())
        })
        .collect();
    Reply {
        status,
        headers,
        body: body.to_owned(),
    }
}

/// HS256 of `payload` (JSON text) with the header every jwtmint token has, computed with the
/// `hmac` crate.
pub fn hs256(secret: &str, payload: &str) -> String {
    let header = URL_SAFE_NO_PAD.encode(r#"{"alg":"HS256","typ":"JWT"}"#);
    let input = format!("{header}.{}", URL_SAFE_NO_PAD.encode(payload));
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(input.as_bytes());
    format!(
        "{input}.{}",
        URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
    )
}

/// The payload JSON text of a token.
pub fn payload_of(token: &str) -> String {
    let part = token.split('.').nth(1).unwrap();
    String::from_utf8(URL_SAFE_NO_PAD.decode(part).unwrap()).unwrap()
}

/// A numeric member as Zoom's samples read it: a string through `parseInt` (the whole
/// decimal integers the tests send), anything else as given.
pub fn sample_number(body: &serde_json::Value, name: &str) -> Option<serde_json::Value> {
    body.get(name).map(|v| match v {
        serde_json::Value::String(s) => serde_json::json!(s.trim().parse::<i64>().unwrap()),
        other => other.clone(),
    })
}

/// The samples' `exp`: `iat + (expirationSeconds or 7200)`.
pub fn sample_exp(body: &serde_json::Value, iat: i64) -> i64 {
    iat + sample_number(body, "expirationSeconds").map_or(7200, |v| v.as_i64().unwrap())
}
