//! `jwtmint decode`: header and payload exactly as in the token, with a warning that nothing
//! was verified.

mod common;

use common::*;

fn expected(header: &str, payload: &str) -> String {
    format!("{{\n  \"header\": {header},\n  \"payload\": {payload}\n}}\n")
}

#[test]
fn prints_header_and_payload_with_a_warning() {
    // No secret in the environment: decoding needs none.
    let payload = zoom_payload(KEY, NOW - 30, NOW + 3570);
    let run = jwtmint(["decode", &default_token()]).run();
    let out = run.ok();
    assert_eq!(out, expected(HEADER, &payload));
    assert!(
        run.stderr.starts_with("warning: ") && run.stderr.contains("NOT verified"),
        "{}",
        run.stderr
    );
    // The output is one JSON document.
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["header"]["alg"], "HS256");
    assert_eq!(doc["payload"]["iss"], KEY);
    assert_eq!(doc["payload"]["exp"], NOW + 3570);
}

#[test]
fn decodes_tokens_it_would_never_verify() {
    // Wrong key, unsigned, odd member order: decode shows them as they are.
    let payload = r#"{"z":1, "iss":"x","exp":"soon"}"#;
    let forged = sign(b"some-other-secret-0123456789abcdef01234", HEADER, payload);
    assert_eq!(
        jwtmint(["decode", &forged]).run().ok(),
        expected(HEADER, payload)
    );
    let header = r#"{"alg":"none"}"#;
    // The signature segment is not read at all: empty (unsigned), or not even base64url.
    for signature in ["", "!!not base64url!!"] {
        let token = format!(
            "{}.{}.{signature}",
            b64(header.as_bytes()),
            b64(payload.as_bytes())
        );
        assert_eq!(
            jwtmint(["decode", &token]).run().ok(),
            expected(header, payload)
        );
    }
}

#[test]
fn reads_stdin() {
    let payload = zoom_payload(KEY, NOW - 30, NOW + 3570);
    for args in [&["decode"][..], &["decode", "-"]] {
        let run = jwtmint(args).stdin(format!("{}\n", default_token())).run();
        assert_eq!(run.ok(), expected(HEADER, &payload));
    }
}

#[test]
fn malformed_is_exit_1() {
    for (token, code) in [
        ("abc", "[code 201 segment_count]"),
        ("a!.b.c", "[code 203 invalid_base64]"),
        ("WzFd.e30.x", "[code 205 not_an_object]"),
    ] {
        let run = jwtmint(["decode", token]).run();
        assert!(run.fails(1).contains(code), "{token}: {}", run.stderr);
        assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    }
    let dup = format!(
        "{}.{}.x",
        b64(br#"{"alg":"HS256","alg":"none"}"#),
        b64(b"{}")
    );
    assert!(jwtmint(["decode", &dup])
        .run()
        .fails(1)
        .contains("duplicate_member"));
    let run = jwtmint(["decode"]).stdin(vec![b'a'; 1 << 20]).run();
    assert!(run.fails(1).contains("[code 200 too_long]"));
}
