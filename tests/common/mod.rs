//! Helpers shared by the integration tests.
#![allow(dead_code)]

use jwtmint::{Key, SecretEncoding};
use serde_json::Value;

/// Reads `tests/vectors/<name>` as JSON and returns its `cases`.
pub fn vector_cases(name: &str) -> Vec<Value> {
    let path = format!("{}/tests/vectors/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let doc: Value = serde_json::from_str(&text).unwrap();
    doc["cases"].as_array().expect("cases").clone()
}

/// The key a vector case describes.
pub fn case_key(case: &Value) -> Key {
    let encoding: SecretEncoding = case["secret_encoding"].as_str().unwrap().parse().unwrap();
    Key::from_encoded(case["secret"].as_str().unwrap(), encoding).unwrap()
}

/// base64url without padding, for building hostile tokens by hand.
pub fn b64(data: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(data)
}

/// HMAC-SHA256 with the `hmac` crate directly, as an independent reference.
pub fn hs256(secret: &[u8], input: &[u8]) -> String {
    use hmac::{KeyInit, Mac};
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(secret).unwrap();
    mac.update(input);
    b64(&mac.finalize().into_bytes())
}

/// A token over arbitrary header and payload bytes, correctly signed with `secret`.
pub fn forge(secret: &[u8], header: &[u8], payload: &[u8]) -> String {
    let input = format!("{}.{}", b64(header), b64(payload));
    let sig = hs256(secret, input.as_bytes());
    format!("{input}.{sig}")
}
