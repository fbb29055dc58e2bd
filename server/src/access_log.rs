//! The access log: one JSON line per request on standard error, for a log shipper.
//!
//! A line carries the time, client address, method, path (never the query string), status
//! and duration. Headers and bodies are never logged: they hold the bearer token, the
//! minted tokens and webhook payloads.

use std::io::Write;
use std::net::SocketAddr;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use serde::Serialize;

use crate::config::Sink;

/// Writes `line` and a newline in one call, ignoring a failed write: a full disk or a closed
/// log pipe must not take the server down, and there is nowhere left to report it.
pub fn write_line(out: &mut impl Write, line: &str) {
    let mut buf = Vec::with_capacity(line.len() + 1);
    buf.extend_from_slice(line.as_bytes());
    buf.push(b'\n');
    let _ = out.write_all(&buf);
}

#[derive(Serialize)]
struct Entry<'a> {
    /// Seconds since the epoch, with milliseconds.
    ts: f64,
    client: String,
    method: &'a str,
    path: &'a str,
    status: u16,
    duration_us: u128,
}

/// The JSON line of one event that is not a request (start, stop), with the same `ts`.
pub fn event_line(event: &str, fields: serde_json::Value) -> String {
    let mut line = serde_json::json!({ "ts": timestamp(), "event": event });
    if let (Some(line), serde_json::Value::Object(fields)) = (line.as_object_mut(), fields) {
        line.extend(fields);
    }
    line.to_string()
}

fn timestamp() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0.0, |d| (d.as_millis() as f64) / 1000.0)
}

/// Logs every request after its answer is ready.
pub async fn log(
    State(sink): State<Sink>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    request: Request,
    next: Next,
) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    let entry = Entry {
        ts: timestamp(),
        client: client.ip().to_string(),
        method: method.as_str(),
        path: &path,
        status: response.status().as_u16(),
        duration_us: started.elapsed().as_micros(),
    };
    if let Ok(line) = serde_json::to_string(&entry) {
        sink(&line);
    }
    response
}
