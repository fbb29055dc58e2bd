//! `jwtmint webhook verify` and `jwtmint webhook validate`: signatures computed with the
//! `hmac` crate, every refusal with its code, the tolerance either way, and the challenge
//! read strictly.

mod common;

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;

use common::*;

const MISMATCH: &str = "[code 625 webhook_signature_mismatch]";

/// `webhook SUB` of the vector's body, signed with the vector's token at `ts`.
fn signed(sub: &str, ts: &str, body: &str, extra: &[&str]) -> Run {
    let sig = webhook_signature(WEBHOOK_TOKEN.as_bytes(), ts, body.as_bytes());
    webhook_check(sub, ts, &sig, body, extra)
}

#[test]
fn verify_accepts_any_body_signed_with_the_token() {
    let body = "{\"event\":\"meeting.started\",\"payload\":{}}\n";
    assert_eq!(signed("verify", "1700000123", body, &[]).ok(), "ok\n");
    // Not JSON at all: verify checks the signature only.
    let body = vec![0xffu8, 0xfe, 0];
    let sig = webhook_signature(WEBHOOK_TOKEN.as_bytes(), TS, &body);
    assert_eq!(webhook_check("verify", TS, &sig, body, &[]).ok(), "ok\n");
}

#[test]
fn every_refusal_exits_1_with_its_code() {
    let hex = &SIGNATURE[3..];
    let upper = format!("v0={}", hex.to_uppercase());
    let short = format!("v0={}", &hex[..63]);
    let long = format!("v0={hex}0");
    let v1 = format!("v1={hex}");
    let not_hex = format!("v0={}g", &hex[..63]);
    let timestamp = "[code 620 webhook_timestamp_malformed]";
    let prefix = "[code 622 webhook_signature_prefix]";
    let length = "[code 623 webhook_signature_length]";
    let encoding = "[code 624 webhook_signature_encoding]";
    let cases = [
        ("", SIGNATURE, timestamp),
        ("-5", SIGNATURE, timestamp),
        ("+1700000000", SIGNATURE, timestamp),
        (" 1700000000", SIGNATURE, timestamp),
        ("1700000000.0", SIGNATURE, timestamp),
        ("18446744073709551616", SIGNATURE, timestamp),
        (TS, hex, prefix),
        (TS, &v1, prefix),
        (TS, "", prefix),
        (
            TS,
            &short,
            "has 63 hex characters after \"v0=\"; expected 64 [code 623 webhook_signature_length]",
        ),
        (TS, &long, length),
        (TS, "v0=", length),
        (TS, &upper, encoding),
        (TS, &not_hex, encoding),
        ("1700000001", SIGNATURE, MISMATCH),
        ("01700000000", SIGNATURE, MISMATCH),
    ];
    for (ts, sig, code) in cases {
        for sub in ["verify", "validate"] {
            webhook_check(sub, ts, sig, BODY, &[]).fails_with(1, code);
        }
    }
}

#[test]
fn header_values_that_are_not_utf8_are_the_core_to_judge() {
    for (ts, sig, code) in [
        (
            OsStr::from_bytes(b"17\xff"),
            OsStr::new(SIGNATURE),
            "[code 620 ",
        ),
        (OsStr::new(TS), OsStr::from_bytes(b"v0=\xff"), "[code 623 "),
    ] {
        let run = webhook("verify")
            .args([
                OsStr::new("--timestamp"),
                ts,
                OsStr::new("--signature"),
                sig,
            ])
            .args(["--now", NOW_ARG])
            .stdin(BODY)
            .run();
        run.fails_with(1, code);
    }
}

#[test]
fn any_change_to_the_body_breaks_the_signature() {
    for body in [
        BODY.replace("qgg8", "qgg9"),
        format!(" {BODY}"),
        BODY[..BODY.len() - 1].to_owned(),
        String::new(),
    ] {
        let run = webhook_check("verify", TS, SIGNATURE, body, &[]);
        assert!(
            !run.fails_with(1, MISMATCH).contains("newline"),
            "{}",
            run.stderr
        );
    }
    // The body is never trimmed; a trailing newline gets a hint.
    for body in [format!("{BODY}\n"), format!("{BODY}\r\n")] {
        let run = webhook_check("verify", TS, SIGNATURE, body, &[]);
        run.fails_with(1, MISMATCH);
        run.fails_with(1, "ends with a newline");
        run.fails_with(1, "printf %s");
    }
    // Another token.
    let run = webhook_check("verify", TS, SIGNATURE, BODY, &["--secret-env", "OTHER"]);
    run.fails(2); // $OTHER is not set: a usage error, not a rejection.
    let run = webhook("verify")
        .args(VECTOR_CHECK)
        .arg("-")
        .env("ZOOM_WEBHOOK_SECRET_TOKEN", "ZOOM_WEBHOOK_SECRET_TOKEM")
        .stdin(BODY)
        .run();
    run.fails_with(1, MISMATCH);
}

#[test]
fn the_timestamp_must_be_within_the_tolerance_either_way() {
    let at = |now: i64, extra: &[&str]| {
        webhook("verify")
            .args(["--timestamp", TS, "--signature", SIGNATURE])
            .now(now)
            .args(extra)
            .arg("-")
            .stdin(BODY)
            .run()
    };
    at(NOW + 300, &[]).ok();
    at(NOW - 300, &[]).ok();
    let run = at(NOW + 301, &[]);
    let err = run.fails_with(1, "--now");
    assert!(
        err.starts_with(&format!(
            "error: the webhook timestamp {TS} is more than 300 s from now ({}) [code 621 webhook_timestamp_out_of_tolerance]",
            NOW + 301
        )) && err.contains("--tolerance"),
        "{err}"
    );
    at(NOW - 301, &[]).fails(1);
    at(NOW + 1, &["--tolerance", "0"]).fails(1);
    at(NOW, &["--tolerance", "0"]).ok();
    at(NOW + 86_400, &["--tolerance", "86400"]).ok();
    at(i64::MIN, &["--tolerance", "18446744073709551615"]).ok();
    // The system clock by default: a 2023 timestamp is stale today.
    let run = webhook("verify")
        .args(["--timestamp", TS, "--signature", SIGNATURE, "-"])
        .stdin(BODY)
        .run();
    run.fails_with(1, "[code 621 ");
    // The signature is checked before the time: a forged stale request says "mismatch".
    at(NOW + 1000, &[]).fails_with(1, "[code 621 ");
    webhook_check("verify", "1600000000", SIGNATURE, BODY, &[]).fails_with(1, "[code 625 ");
    for bad in ["--tolerance=-1", "--tolerance=x"] {
        at(NOW, &[bad]).fails(2);
    }
}

#[test]
fn validate_reads_the_challenge_strictly() {
    // Another plainToken: encryptedToken computed independently.
    let run = signed(
        "validate",
        TS,
        r#"{"event":"endpoint.url_validation","payload":{"plainToken":"abc"}}"#,
        &[],
    );
    assert_eq!(
        run.ok(),
        format!(
            "{{\"plainToken\":\"abc\",\"encryptedToken\":\"{}\"}}\n",
            hmac_hex(WEBHOOK_TOKEN.as_bytes(), b"abc")
        )
    );
    let malformed = "[code 626 webhook_body_malformed]";
    let plain_token = "[code 628 invalid_plain_token]";
    for (body, code) in [
        ("", malformed),
        ("[]", malformed),
        (r#"{"payload":{"plainToken":"x"}}"#, malformed),
        (
            r#"{"event":"endpoint.url_validation","event":"x","payload":{"plainToken":"x"}}"#,
            malformed,
        ),
        (
            r#"{"event":"meeting.started","payload":{"plainToken":"x"}}"#,
            "the webhook event \"meeting.started\" is not \"endpoint.url_validation\" [code 627 unexpected_webhook_event]",
        ),
        (r#"{"event":"endpoint.url_validation","payload":{}}"#, plain_token),
        (r#"{"event":"endpoint.url_validation","payload":{"plainToken":""}}"#, plain_token),
        (r#"{"event":"endpoint.url_validation","payload":{"plainToken":5}}"#, plain_token),
    ] {
        signed("validate", TS, body, &[]).fails_with(1, code);
    }
    // The signature first: an unsigned body is never read.
    webhook_check("validate", TS, SIGNATURE, "not json", &[]).fails_with(1, "[code 625 ");
}
