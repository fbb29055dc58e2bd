//! `SecretEncoding::JsrsasignCompat` against jsrsasign itself, the library of Zoom's Node.js
//! samples: the same secret string must give byte-identical tokens.
//!
//! Runs `node tests/interop/jsrsasign_sign.js`, which signs with the seed page's exact code
//! shape (`KJUR.jws.JWS.sign("HS256", sHeader, sPayload, secret)`). Needs `node` and the
//! jsrsasign package: `npm ci --prefix tests/interop`, or `JWTMINT_JSRSASIGN_DIR` naming a
//! folder whose `node_modules` holds it. Without them the test prints a SKIP line and passes,
//! unless `JWTMINT_REQUIRE_INTEROP=1` (set it in CI), which makes their absence a failure.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use jwtmint::zoom::{ApiTokenMinter, GeoRegion, Role, VideoSdkTokenBuilder};
use jwtmint::{Key, SecretEncoding};
use serde_json::{json, Value};

const NOW: i64 = 1_700_000_000;
const API_KEY: &str = "abcdefghijklmnopqrstuv";

/// The secrets compared, each chosen for one branch of jsrsasign's rule.
const SECRETS: [(&str, &str); 6] = [
    (
        "even-length hex, mixed case: decoded as hex",
        "00112233445566778899aabbccddeeff00112233445566778899AABBCCDDEEFF",
    ),
    (
        "non-ASCII: é (Latin-1), € and Ω (above U+00FF), an emoji (surrogate pair)",
        "secret-é-€-Ω-😀-of-well-over-thirty-two-units",
    ),
    (
        "plain ASCII, 36 characters",
        "Zoom-Api-Secret-Of-36-Chars-XYZ-1234",
    ),
    (
        "odd-length hex: text",
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0",
    ),
    (
        "0x prefix: text",
        "0x00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
    ),
    (
        "hex with a trailing newline: text",
        "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n",
    ),
];

/// The `node_modules` folder holding jsrsasign, if there is one.
fn jsrsasign_modules() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("JWTMINT_JSRSASIGN_DIR").map(|d| PathBuf::from(d).join("node_modules")),
        Some(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/interop/node_modules")),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|dir| dir.join("jsrsasign/package.json").is_file())
}

fn node_works() -> bool {
    Command::new("node")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Skips (or, with JWTMINT_REQUIRE_INTEROP=1, fails) when node or jsrsasign is missing.
fn setup() -> Option<PathBuf> {
    let missing = if !node_works() {
        "node is not installed"
    } else if let Some(modules) = jsrsasign_modules() {
        return Some(modules);
    } else {
        "jsrsasign is not installed (npm ci --prefix tests/interop, or set JWTMINT_JSRSASIGN_DIR)"
    };
    assert!(
        std::env::var("JWTMINT_REQUIRE_INTEROP").as_deref() != Ok("1"),
        "JWTMINT_REQUIRE_INTEROP=1 but {missing}"
    );
    // Written past the test harness's capture so that the skip is visible.
    let _ = writeln!(
        std::io::stderr(),
        "SKIP zoom_jsrsasign: {missing}; the jsrsasign comparison did not run"
    );
    None
}

/// Tokens jsrsasign makes for `(secret, payload JSON)` cases, header
/// `{"alg":"HS256","typ":"JWT"}`. The payload goes as text so that its member order is kept.
fn jsrsasign_tokens(modules: &PathBuf, cases: &[(&str, String)]) -> Vec<String> {
    let input: Vec<Value> = cases
        .iter()
        .map(|(secret, payload)| {
            json!({"secret": secret, "header": r#"{"alg":"HS256","typ":"JWT"}"#, "payload": payload})
        })
        .collect();
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/interop/jsrsasign_sign.js");
    let mut child = Command::new("node")
        .arg(script)
        .env("NODE_PATH", modules)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run node");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(serde_json::to_string(&input).unwrap().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "jsrsasign_sign.js failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let tokens: Vec<String> = text.lines().map(str::to_owned).collect();
    assert_eq!(tokens.len(), cases.len());
    tokens
}

fn compat_key(secret: &str) -> Key {
    Key::from_encoded(secret, SecretEncoding::JsrsasignCompat).unwrap()
}

#[test]
fn api_tokens_are_byte_identical_to_jsrsasign() {
    let Some(modules) = setup() else { return };
    let (iat, exp) = (NOW - 30, NOW - 30 + 7200);
    let cases: Vec<(&str, String)> = SECRETS
        .iter()
        .map(|(_, secret)| {
            let payload = format!(r#"{{"iss":"{API_KEY}","iat":{iat},"exp":{exp}}}"#);
            (*secret, payload)
        })
        .collect();
    let expected = jsrsasign_tokens(&modules, &cases);
    for ((what, secret), expected) in SECRETS.iter().zip(&expected) {
        let minter = ApiTokenMinter::new(API_KEY, compat_key(secret))
            .unwrap()
            .with_ttl(7200)
            .unwrap();
        assert_eq!(&minter.mint_at(NOW).unwrap(), expected, "{what}");
    }
}

#[test]
fn the_compat_rule_differs_from_utf8_where_jsrsasign_does() {
    let Some(modules) = setup() else { return };
    let cases: Vec<(&str, String)> = SECRETS
        .iter()
        .map(|(_, secret)| {
            let payload = format!(r#"{{"iss":"{API_KEY}","iat":{NOW},"exp":{}}}"#, NOW + 60);
            (*secret, payload)
        })
        .collect();
    let expected = jsrsasign_tokens(&modules, &cases);
    for ((what, secret), expected) in SECRETS.iter().zip(&expected) {
        let utf8 = ApiTokenMinter::new(API_KEY, Key::from_text(secret).unwrap())
            .unwrap()
            .with_skew(0)
            .with_ttl(60)
            .unwrap()
            .mint_at(NOW)
            .unwrap();
        // UTF-8 agrees with jsrsasign exactly for secrets that are ASCII and not read as hex.
        let utf8_should_agree = secret.is_ascii() && !what.starts_with("even-length hex");
        assert_eq!(&utf8 == expected, utf8_should_agree, "{what}");
    }
}

#[test]
fn video_sdk_tokens_match_zooms_sample_shape() {
    let Some(modules) = setup() else { return };
    // Zoom's videosdk-auth-endpoint-sample builds the payload in this member order.
    let payload = format!(
        concat!(
            r#"{{"app_key":"{}","role_type":1,"tpc":"café \"standup\"","version":1,"#,
            r#""iat":{},"exp":{},"user_identity":"user-42","session_key":"sess-7","#,
            r#""geo_regions":"US,DE","cloud_recording_option":0,"cloud_recording_election":1}}"#
        ),
        API_KEY,
        NOW - 30,
        NOW - 30 + 7200
    );
    let secrets = [SECRETS[1].1, SECRETS[2].1];
    let cases: Vec<(&str, String)> = secrets.iter().map(|s| (*s, payload.clone())).collect();
    let expected = jsrsasign_tokens(&modules, &cases);
    for (secret, expected) in secrets.iter().zip(&expected) {
        let token = VideoSdkTokenBuilder::new(API_KEY, "café \"standup\"", Role::Host)
            .user_identity("user-42")
            .session_key("sess-7")
            .geo_regions([GeoRegion::Us, GeoRegion::De])
            .cloud_recording_option(false)
            .cloud_recording_election(true)
            .mint_at(&compat_key(secret), NOW)
            .unwrap();
        assert_eq!(&token, expected, "{secret:?}");
    }
}
