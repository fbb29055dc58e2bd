//! The Zoom extras' test data: Video SDK credentials and payloads, and Zoom's published
//! webhook vector.

use super::{hmac_hex, sign, HEADER, NOW};

/// A Video SDK key.
pub const SDK_KEY: &str = "test-sdk-key";
/// 40 bytes, not the API secret of the other tests.
pub const SDK_SECRET: &str = "test-video-sdk-secret-0123456789abcdefgh";

/// The Video SDK payload's required claims for a role value and times, in the member order
/// of Zoom's sample, then `extra` (`,"name":value...`).
pub fn sdk_payload(role: u8, tpc: &str, iat: i64, exp: i64, extra: &str) -> String {
    format!(
        r#"{{"app_key":"{SDK_KEY}","role_type":{role},"tpc":"{tpc}","version":1,"iat":{iat},"exp":{exp}{extra}}}"#
    )
}

/// The default Video SDK payload at NOW: tpc "room", skew 30 s, ttl 7200 s.
pub fn default_sdk_payload(role: u8, extra: &str) -> String {
    sdk_payload(role, "room", NOW - 30, NOW - 30 + 7200, extra)
}

/// A Video SDK token over `payload` under `secret`, signed without jwtmint.
pub fn sdk_token(secret: &[u8], payload: &str) -> String {
    sign(secret, HEADER, payload)
}

/// Zoom's webhook vector: secret token, timestamp, body, signature and encryptedToken. In
/// Python: `hmac.new(b"ZOOM_WEBHOOK_SECRET_TOKEN", b"v0:1700000000:" + BODY, hashlib.sha256)`
/// and `hmac.new(b"ZOOM_WEBHOOK_SECRET_TOKEN", b"qgg8vlvZRS6UYooatFL8Aw", hashlib.sha256)`.
pub const WEBHOOK_TOKEN: &str = "ZOOM_WEBHOOK_SECRET_TOKEN";
/// The vector's timestamp (NOW).
pub const TS: &str = "1700000000";
/// The vector's body: an `endpoint.url_validation` challenge.
pub const BODY: &str = r#"{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1654503849680,"event":"endpoint.url_validation"}"#;
/// The vector's `x-zm-signature`.
pub const SIGNATURE: &str = "v0=89802a78f4471ac2b4d938060097ad6c70b85a41cdf00d14425b1c5e641d0918";
/// The vector's `encryptedToken`.
pub const ENCRYPTED: &str = "86b96838c461c5cafc27d6631f663bbfd12746efb4293fc18dce8af8f1aaad30";
/// The options that check the vector's body as Zoom sent it, at NOW.
pub const VECTOR_CHECK: [&str; 6] = [
    "--timestamp",
    TS,
    "--signature",
    SIGNATURE,
    "--now",
    super::NOW_ARG,
];
/// The vector body's `plainToken`.
pub const PLAIN_TOKEN: &str = "qgg8vlvZRS6UYooatFL8Aw";

/// The answer `webhook validate` prints for the vector (without the newline).
pub fn answer() -> String {
    format!(r#"{{"plainToken":"{PLAIN_TOKEN}","encryptedToken":"{ENCRYPTED}"}}"#)
}

/// The answer to the vector's challenge under another secret token, computed without jwtmint.
pub fn answer_for(secret: &[u8]) -> String {
    format!(
        r#"{{"plainToken":"{PLAIN_TOKEN}","encryptedToken":"{}"}}"#,
        hmac_hex(secret, PLAIN_TOKEN.as_bytes())
    )
}

/// `jwtmint webhook SUB` with the vector's secret token in its variable.
pub fn webhook(sub: &str) -> super::Cli {
    super::jwtmint(["webhook", sub]).webhook_creds()
}

/// `webhook SUB --timestamp TS --signature SIG --now NOW EXTRA -` with `body` on stdin.
pub fn webhook_check(
    sub: &str,
    ts: &str,
    sig: &str,
    body: impl Into<Vec<u8>>,
    extra: &[&str],
) -> super::Run {
    webhook(sub)
        .args([&format!("--timestamp={ts}"), &format!("--signature={sig}")])
        .args(["--now", super::NOW_ARG])
        .args(extra)
        .arg("-")
        .stdin(body)
        .run()
}
