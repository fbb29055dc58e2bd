//! `jwtmint webhook verify | validate | sign`: Zoom's published vector (computed with
//! Python's `hmac`/`hashlib`), other signatures computed with the `hmac` crate, every
//! refusal with its code, the body read raw and bounded, and the secret token's options.

mod common;

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;

use common::*;

/// The vector: secret token, timestamp, body, signature and encryptedToken. In Python:
/// `hmac.new(b"ZOOM_WEBHOOK_SECRET_TOKEN", b"v0:1700000000:" + BODY, hashlib.sha256)` and
/// `hmac.new(b"ZOOM_WEBHOOK_SECRET_TOKEN", b"qgg8vlvZRS6UYooatFL8Aw", hashlib.sha256)`.
const TOKEN: &str = "ZOOM_WEBHOOK_SECRET_TOKEN";
const TS: &str = "1700000000";
const BODY: &str = r#"{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1654503849680,"event":"endpoint.url_validation"}"#;
const SIGNATURE: &str = "v0=89802a78f4471ac2b4d938060097ad6c70b85a41cdf00d14425b1c5e641d0918";
const ENCRYPTED: &str = "86b96838c461c5cafc27d6631f663bbfd12746efb4293fc18dce8af8f1aaad30";

fn answer() -> String {
    format!(r#"{{"plainToken":"qgg8vlvZRS6UYooatFL8Aw","encryptedToken":"{ENCRYPTED}"}}"#)
}

/// `webhook SUB ARGS` with `$ZOOM_WEBHOOK_SECRET_TOKEN` set to the vector's token.
fn webhook<S: AsRef<OsStr>>(sub: &str, args: impl IntoIterator<Item = S>) -> Cli {
    let mut all: Vec<std::ffi::OsString> = vec!["webhook".into(), sub.into()];
    all.extend(args.into_iter().map(|a| a.as_ref().to_owned()));
    jwtmint(all).env("ZOOM_WEBHOOK_SECRET_TOKEN", TOKEN)
}

/// `webhook SUB --timestamp TS --signature SIG --now NOW EXTRA -` with the body on stdin.
fn check(sub: &str, ts: &str, sig: &str, body: impl Into<Vec<u8>>, extra: &[&str]) -> Run {
    let now = NOW.to_string();
    let mut args = vec!["--timestamp", ts, "--signature", sig, "--now", &now];
    args.extend_from_slice(extra);
    args.push("-");
    webhook(sub, args).stdin(body).run()
}

#[test]
fn the_published_vector() {
    let dir = TempDir::new();
    let path = dir.file("body.json", BODY);
    let file = path.to_str().unwrap();

    let run = webhook("sign", ["--timestamp", TS, file]).run();
    assert_eq!(run.ok(), format!("{SIGNATURE}\n"));
    assert_eq!(run.stderr, "");

    let now = NOW.to_string();
    let args = [
        "--timestamp",
        TS,
        "--signature",
        SIGNATURE,
        "--now",
        &now,
        file,
    ];
    let run = webhook("verify", args).run();
    assert_eq!(run.ok(), "ok\n");
    assert_eq!(run.stderr, "");

    let run = webhook("validate", args).run();
    assert_eq!(run.ok(), format!("{}\n", answer()));
    assert_eq!(run.stderr, "");
}

#[test]
fn the_body_comes_from_a_file_or_stdin() {
    assert_eq!(check("verify", TS, SIGNATURE, BODY, &[]).ok(), "ok\n");
    // No argument: standard input too.
    let now = NOW.to_string();
    let run = webhook(
        "validate",
        ["--timestamp", TS, "--signature", SIGNATURE, "--now", &now],
    )
    .stdin(BODY)
    .run();
    assert_eq!(run.ok(), format!("{}\n", answer()));
    let run = webhook("sign", ["--timestamp", TS]).stdin(BODY).run();
    assert_eq!(run.ok(), format!("{SIGNATURE}\n"));
}

#[test]
fn sign_matches_an_independent_hmac_for_any_body() {
    let dir = TempDir::new();
    let bodies: [&[u8]; 5] = [
        b"",
        b"{}\n",
        b"  {\"event\":\"session.started\"}\r\n\r\n",
        &[0xff, 0x00, 0xfe, b'\n'],
        "{\"name\":\"café 😀\"}".as_bytes(),
    ];
    for body in bodies {
        for ts in ["0", "1", "1712345678", "18446744073709551615"] {
            let expected = format!("{}\n", webhook_signature(TOKEN.as_bytes(), ts, body));
            let path = dir.file("b", body);
            let run = webhook("sign", ["--timestamp", ts, path.to_str().unwrap()]).run();
            assert_eq!(run.ok(), expected, "{body:?} {ts}");
            let run = webhook("sign", ["--timestamp", ts, "-"]).stdin(body).run();
            assert_eq!(run.ok(), expected, "{body:?} {ts} stdin");
        }
    }
}

#[test]
fn sign_takes_the_timestamp_as_it_is_sent() {
    for bad in [
        "",
        "+5",
        "05",
        "-1",
        " 5",
        "5 ",
        "1e9",
        "1.0",
        "18446744073709551616",
        "x",
    ] {
        let arg = format!("--timestamp={bad}");
        let run = webhook("sign", [arg.as_str(), "-"]).stdin(BODY).run();
        let err = run.fails(2);
        assert!(err.contains("--timestamp"), "{bad:?}: {err}");
    }
    let run = webhook("sign", ["-"]).stdin(BODY).run();
    assert!(run.fails(2).contains("--timestamp"), "{}", run.stderr);
}

#[test]
fn verify_accepts_any_body_signed_with_the_token() {
    let body = b"{\"event\":\"meeting.started\",\"payload\":{}}\n".to_vec();
    let sig = webhook_signature(TOKEN.as_bytes(), "1700000123", &body);
    assert_eq!(check("verify", "1700000123", &sig, body, &[]).ok(), "ok\n");
    // Not JSON at all: verify checks the signature only.
    let body = vec![0xffu8, 0xfe, 0];
    let sig = webhook_signature(TOKEN.as_bytes(), TS, &body);
    assert_eq!(check("verify", TS, &sig, body, &[]).ok(), "ok\n");
}

#[test]
fn every_refusal_exits_1_with_its_code() {
    let hex = &SIGNATURE[3..];
    let upper = format!("v0={}", hex.to_uppercase());
    let short = format!("v0={}", &hex[..63]);
    let long = format!("v0={hex}0");
    let v1 = format!("v1={hex}");
    let bare = hex.to_owned();
    let not_hex = format!("v0={}g", &hex[..63]);
    for (ts, sig, code) in [
        ("", SIGNATURE, "[code 620 webhook_timestamp_malformed]"),
        ("-5", SIGNATURE, "[code 620 webhook_timestamp_malformed]"),
        (
            "+1700000000",
            SIGNATURE,
            "[code 620 webhook_timestamp_malformed]",
        ),
        (
            " 1700000000",
            SIGNATURE,
            "[code 620 webhook_timestamp_malformed]",
        ),
        (
            "1700000000.0",
            SIGNATURE,
            "[code 620 webhook_timestamp_malformed]",
        ),
        (
            "18446744073709551616",
            SIGNATURE,
            "[code 620 webhook_timestamp_malformed]",
        ),
        (TS, &bare, "[code 622 webhook_signature_prefix]"),
        (TS, &v1, "[code 622 webhook_signature_prefix]"),
        (TS, "", "[code 622 webhook_signature_prefix]"),
        (
            TS,
            &short,
            "has 63 hex characters after \"v0=\"; expected 64 [code 623 webhook_signature_length]",
        ),
        (TS, &long, "[code 623 webhook_signature_length]"),
        (TS, "v0=", "[code 623 webhook_signature_length]"),
        (TS, &upper, "[code 624 webhook_signature_encoding]"),
        (TS, &not_hex, "[code 624 webhook_signature_encoding]"),
        (
            "1700000001",
            SIGNATURE,
            "[code 625 webhook_signature_mismatch]",
        ),
        (
            "01700000000",
            SIGNATURE,
            "[code 625 webhook_signature_mismatch]",
        ),
    ] {
        for sub in ["verify", "validate"] {
            let arg_ts = format!("--timestamp={ts}");
            let arg_sig = format!("--signature={sig}");
            let now = NOW.to_string();
            let run = webhook(sub, [arg_ts.as_str(), &arg_sig, "--now", &now, "-"])
                .stdin(BODY)
                .run();
            let err = run.fails(1);
            assert!(err.contains(code), "{sub} {ts:?} {sig:?}: {err}");
        }
    }
}

#[test]
fn header_values_that_are_not_utf8_are_the_core_to_judge() {
    let now = NOW.to_string();
    let run = jwtmint([
        OsStr::new("webhook"),
        OsStr::new("verify"),
        OsStr::new("--timestamp"),
        OsStr::from_bytes(b"17\xff"),
        OsStr::new("--signature"),
        OsStr::new(SIGNATURE),
        OsStr::new("--now"),
        OsStr::new(&now),
    ])
    .env("ZOOM_WEBHOOK_SECRET_TOKEN", TOKEN)
    .stdin(BODY)
    .run();
    assert!(run.fails(1).contains("[code 620 "), "{}", run.stderr);
    let run = jwtmint([
        OsStr::new("webhook"),
        OsStr::new("verify"),
        OsStr::new("--timestamp"),
        OsStr::new(TS),
        OsStr::new("--signature"),
        OsStr::from_bytes(b"v0=\xff"),
        OsStr::new("--now"),
        OsStr::new(&now),
    ])
    .env("ZOOM_WEBHOOK_SECRET_TOKEN", TOKEN)
    .stdin(BODY)
    .run();
    assert!(run.fails(1).contains("[code 623 "), "{}", run.stderr);
}

#[test]
fn any_change_to_the_body_breaks_the_signature() {
    let mismatch = "[code 625 webhook_signature_mismatch]";
    let tampered = BODY.replace("qgg8", "qgg9");
    for body in [
        tampered,
        format!(" {BODY}"),
        BODY[..BODY.len() - 1].to_owned(),
        String::new(),
    ] {
        let err = check("verify", TS, SIGNATURE, body.clone(), &[])
            .fails(1)
            .to_owned();
        assert!(
            err.contains(mismatch) && !err.contains("newline"),
            "{body}: {err}"
        );
    }
    // The body is never trimmed; a trailing newline gets a hint.
    for body in [format!("{BODY}\n"), format!("{BODY}\r\n")] {
        let run = check("verify", TS, SIGNATURE, body, &[]);
        let err = run.fails(1);
        assert!(
            err.contains(mismatch)
                && err.contains("ends with a newline")
                && err.contains("printf %s"),
            "{err}"
        );
    }
    // Another token.
    let run = check("verify", TS, SIGNATURE, BODY, &["--secret-env", "OTHER"]);
    run.fails(2); // $OTHER is not set: a usage error, not a rejection.
    let now = NOW.to_string();
    let run = webhook(
        "verify",
        [
            "--timestamp",
            TS,
            "--signature",
            SIGNATURE,
            "--now",
            &now,
            "-",
        ],
    )
    .env("ZOOM_WEBHOOK_SECRET_TOKEN", "ZOOM_WEBHOOK_SECRET_TOKEM")
    .stdin(BODY)
    .run();
    assert!(run.fails(1).contains(mismatch));
}

#[test]
fn the_timestamp_must_be_within_the_tolerance_either_way() {
    let at = |now: i64, extra: &[&str]| {
        let now = now.to_string();
        let mut args = vec!["--timestamp", TS, "--signature", SIGNATURE, "--now", &now];
        args.extend_from_slice(extra);
        args.push("-");
        webhook("verify", args).stdin(BODY).run()
    };
    at(NOW + 300, &[]).ok();
    at(NOW - 300, &[]).ok();
    let run = at(NOW + 301, &[]);
    let err = run.fails(1);
    assert!(
        err.starts_with(&format!(
            "error: the webhook timestamp {TS} is more than 300 s from now ({}) [code 621 webhook_timestamp_out_of_tolerance]",
            NOW + 301
        )) && err.contains("--now") && err.contains("--tolerance"),
        "{err}"
    );
    at(NOW - 301, &[]).fails(1);
    at(NOW + 1, &["--tolerance", "0"]).fails(1);
    at(NOW, &["--tolerance", "0"]).ok();
    at(NOW + 86_400, &["--tolerance", "86400"]).ok();
    at(i64::MIN, &["--tolerance", "18446744073709551615"]).ok();
    // The system clock by default: a 2023 timestamp is stale today.
    let run = webhook("verify", ["--timestamp", TS, "--signature", SIGNATURE, "-"])
        .stdin(BODY)
        .run();
    assert!(run.fails(1).contains("[code 621 "), "{}", run.stderr);
    // The signature is checked before the time: a forged stale request says "mismatch".
    let run = at(NOW + 1000, &[]);
    assert!(run.fails(1).contains("[code 621 "));
    let forged = check("verify", "1600000000", SIGNATURE, BODY, &[]);
    assert!(forged.fails(1).contains("[code 625 "));
    for bad in ["--tolerance=-1", "--tolerance=x"] {
        at(NOW, &[bad]).fails(2);
    }
}

#[test]
fn validate_reads_the_challenge_strictly() {
    let signed = |body: &str, extra: &[&str]| {
        let sig = webhook_signature(TOKEN.as_bytes(), TS, body.as_bytes());
        check("validate", TS, &sig, body, extra)
    };
    // Another plainToken: encryptedToken computed independently.
    let run = signed(
        r#"{"event":"endpoint.url_validation","payload":{"plainToken":"abc"}}"#,
        &[],
    );
    assert_eq!(
        run.ok(),
        format!(
            "{{\"plainToken\":\"abc\",\"encryptedToken\":\"{}\"}}\n",
            hmac_hex(TOKEN.as_bytes(), b"abc")
        )
    );
    for (body, code) in [
        ("", "[code 626 webhook_body_malformed]"),
        ("[]", "[code 626 webhook_body_malformed]"),
        (r#"{"payload":{"plainToken":"x"}}"#, "[code 626 webhook_body_malformed]"),
        (
            r#"{"event":"endpoint.url_validation","event":"x","payload":{"plainToken":"x"}}"#,
            "[code 626 webhook_body_malformed]",
        ),
        (
            r#"{"event":"meeting.started","payload":{"plainToken":"x"}}"#,
            "the webhook event \"meeting.started\" is not \"endpoint.url_validation\" [code 627 unexpected_webhook_event]",
        ),
        (r#"{"event":"endpoint.url_validation","payload":{}}"#, "[code 628 invalid_plain_token]"),
        (
            r#"{"event":"endpoint.url_validation","payload":{"plainToken":""}}"#,
            "[code 628 invalid_plain_token]",
        ),
        (
            r#"{"event":"endpoint.url_validation","payload":{"plainToken":5}}"#,
            "[code 628 invalid_plain_token]",
        ),
    ] {
        let run = signed(body, &[]);
        assert!(run.fails(1).contains(code), "{body}: {}", run.stderr);
    }
    // The signature first: an unsigned body is never read.
    let run = check("validate", TS, SIGNATURE, "not json", &[]);
    assert!(run.fails(1).contains("[code 625 "), "{}", run.stderr);
}

#[test]
fn the_secret_token_has_no_minimum_length() {
    let body = b"{}";
    for token in ["x", "short", TOKEN] {
        let run = jwtmint(["webhook", "sign", "--timestamp", "1", "-"])
            .env("ZOOM_WEBHOOK_SECRET_TOKEN", token)
            .stdin(&body[..])
            .run();
        assert_eq!(
            run.ok(),
            format!("{}\n", webhook_signature(token.as_bytes(), "1", body)),
            "{token}"
        );
    }
}

#[test]
fn the_secret_token_options() {
    let dir = TempDir::new();
    let body_file = dir.file("body.json", BODY);
    let body = body_file.to_str().unwrap();
    let expected = format!("{SIGNATURE}\n");

    // Its own variable: the API secret is not the webhook secret token.
    let run = jwtmint(["webhook", "sign", "--timestamp", TS, body])
        .env("ZOOM_API_SECRET", SECRET)
        .run();
    let err = run.fails(2);
    assert!(
        err.contains("no webhook secret token: $ZOOM_WEBHOOK_SECRET_TOKEN is not set")
            && err.contains("--secret-env")
            && err.contains("--secret-file"),
        "{err}"
    );
    let run = jwtmint(["webhook", "sign", "--timestamp", TS, body])
        .env("ZOOM_WEBHOOK_SECRET_TOKEN", "")
        .run();
    assert!(run
        .fails(2)
        .contains("the webhook secret token from $ZOOM_WEBHOOK_SECRET_TOKEN is empty"));

    let run = jwtmint([
        "webhook",
        "sign",
        "--timestamp",
        TS,
        "--secret-env",
        "T",
        body,
    ])
    .env("T", TOKEN)
    .run();
    assert_eq!(run.ok(), expected);

    let secret_file = dir.file("token", format!("{TOKEN}\n"));
    let run = jwtmint([
        "webhook",
        "sign",
        "--timestamp",
        TS,
        "--secret-file",
        secret_file.to_str().unwrap(),
        body,
    ])
    .run();
    assert_eq!(run.ok(), expected);

    let run = jwtmint([
        "webhook",
        "sign",
        "--timestamp",
        TS,
        "--secret-file",
        "-",
        body,
    ])
    .stdin(TOKEN)
    .run();
    assert_eq!(run.ok(), expected);

    // The body and the token cannot both be standard input.
    for sub in ["sign", "verify", "validate"] {
        let mut args = vec!["webhook", sub, "--timestamp", TS, "--secret-file", "-"];
        if sub != "sign" {
            args.extend(["--signature", SIGNATURE]);
        }
        let run = jwtmint(args).stdin(TOKEN).run();
        assert!(
            run.fails(2)
                .contains("cannot both come from standard input"),
            "{sub}: {}",
            run.stderr
        );
    }
}

#[test]
fn secret_encodings_including_jsrsasign() {
    let hex: String = TOKEN.bytes().map(|b| format!("{b:02x}")).collect();
    for (encoding, text) in [
        ("utf8", TOKEN.to_owned()),
        ("hex", hex.clone()),
        ("base64url", b64(TOKEN.as_bytes())),
        // jsrsasign: all-hex text of even length is decoded, other ASCII is its bytes.
        ("jsrsasign", hex),
        ("jsrsasign", TOKEN.to_owned()),
    ] {
        let now = NOW.to_string();
        for (sub, expected) in [
            ("sign", format!("{SIGNATURE}\n")),
            ("verify", "ok\n".to_owned()),
            ("validate", format!("{}\n", answer())),
        ] {
            let mut args = vec![
                "webhook",
                sub,
                "--timestamp",
                TS,
                "--secret-encoding",
                encoding,
            ];
            if sub != "sign" {
                args.extend(["--signature", SIGNATURE, "--now", &now]);
            }
            let run = jwtmint(args)
                .env("ZOOM_WEBHOOK_SECRET_TOKEN", &text)
                .stdin(BODY)
                .run();
            assert_eq!(run.ok(), expected, "{sub} {encoding}");
        }
    }
    // A short all-hex token under jsrsasign is its decoded bytes; Latin-1 text one byte each.
    for (text, bytes) in [("abcd", vec![0xab, 0xcd]), ("tökén", latin1_bytes("tökén"))] {
        let run = jwtmint([
            "webhook",
            "sign",
            "--timestamp",
            TS,
            "--secret-encoding",
            "jsrsasign",
        ])
        .env("ZOOM_WEBHOOK_SECRET_TOKEN", text)
        .stdin(BODY)
        .run();
        assert_eq!(
            run.ok(),
            format!("{}\n", webhook_signature(&bytes, TS, BODY.as_bytes()))
        );
    }
    let run = jwtmint([
        "webhook",
        "sign",
        "--timestamp",
        TS,
        "--secret-encoding",
        "hex",
    ])
    .env("ZOOM_WEBHOOK_SECRET_TOKEN", "not-hex")
    .stdin(BODY)
    .run();
    let err = run.fails(2);
    assert!(
        err.contains("[code 102 invalid_secret_encoding]") && !err.contains("not-hex"),
        "{err}"
    );
}

#[test]
fn the_body_is_bounded_at_one_mebibyte() {
    let dir = TempDir::new();
    let max = 1 << 20;
    let exact = vec![b'a'; max];
    let path = dir.file("exact", &exact);
    let run = webhook("sign", ["--timestamp", TS, path.to_str().unwrap()]).run();
    assert_eq!(
        run.ok(),
        format!("{}\n", webhook_signature(TOKEN.as_bytes(), TS, &exact))
    );

    let over = dir.file("over", vec![b'a'; max + 1]);
    let run = webhook("sign", ["--timestamp", TS, over.to_str().unwrap()]).run();
    assert!(
        run.fails(2)
            .contains("is longer than 1048576 bytes (1 MiB)"),
        "{}",
        run.stderr
    );
    let now = NOW.to_string();
    for sub in ["verify", "validate"] {
        let run = webhook(
            sub,
            [
                "--timestamp",
                TS,
                "--signature",
                SIGNATURE,
                "--now",
                &now,
                "-",
            ],
        )
        .stdin(vec![b'a'; 3 * max])
        .run();
        assert!(
            run.fails(2)
                .contains("the body in standard input is longer than 1048576 bytes"),
            "{}",
            run.stderr
        );
    }
    if std::path::Path::new("/dev/zero").exists() {
        let run = webhook("sign", ["--timestamp", TS, "/dev/zero"]).run();
        assert!(run.fails(2).contains("longer than"), "{}", run.stderr);
    }
}

#[test]
fn unreadable_bodies_are_usage_errors() {
    let dir = TempDir::new();
    let missing = dir.path().join("missing.json");
    for target in [missing.to_str().unwrap(), dir.path().to_str().unwrap()] {
        let run = webhook("sign", ["--timestamp", TS, target]).run();
        assert!(
            run.fails(2).contains("cannot read the body from the file"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn required_flags_and_usage_errors() {
    let now = NOW.to_string();
    for (sub, args) in [
        ("verify", vec!["--signature", SIGNATURE, "-"]),
        ("verify", vec!["--timestamp", TS, "-"]),
        ("validate", vec!["--timestamp", TS]),
        (
            "verify",
            vec!["--timestamp", TS, "--signature", SIGNATURE, "a", "b"],
        ),
        (
            "verify",
            vec!["--timestamp", TS, "--signature", SIGNATURE, "--now", "soon"],
        ),
        ("sign", vec!["--timestamp", TS, "--signature", SIGNATURE]),
        ("sign", vec!["--timestamp", TS, "--now", &now]),
    ] {
        let run = webhook(sub, &args).stdin(BODY).run();
        let err = run.fails(2);
        assert!(!err.is_empty(), "{sub} {args:?}");
    }
    for args in [&["webhook"][..], &["webhook", "frobnicate"]] {
        let run = jwtmint(args).run();
        assert_eq!(run.code, 2, "{args:?}");
        assert!(run.stdout.is_empty());
    }
}

#[test]
fn secrets_never_appear_in_output() {
    let secret = "do-not-print-this-webhook-token";
    let now = NOW.to_string();
    for (sub, args) in [
        ("sign", vec!["--timestamp", TS, "-"]),
        (
            "sign",
            vec!["--timestamp", TS, "--secret-encoding", "hex", "-"],
        ),
        (
            "verify",
            vec![
                "--timestamp",
                TS,
                "--signature",
                SIGNATURE,
                "--now",
                &now,
                "-",
            ],
        ),
        (
            "validate",
            vec!["--timestamp", TS, "--signature", SIGNATURE, "-"],
        ),
    ] {
        let run = webhook(sub, &args)
            .env("ZOOM_WEBHOOK_SECRET_TOKEN", secret)
            .stdin(BODY)
            .run();
        assert!(
            !run.stderr.contains(secret) && !String::from_utf8_lossy(&run.stdout).contains(secret),
            "{run:?}"
        );
    }
}
