//! `jwtmint webhook sign`, and what every webhook command shares: Zoom's published vector
//! (computed with Python's `hmac`/`hashlib`), other signatures computed with the `hmac`
//! crate, the body read raw and bounded, the secret token, and usage errors. The checks of
//! `verify` and `validate` are in webhook_check.rs; the secret options, for every command, in
//! secret.rs.

mod common;

use common::*;

#[test]
fn the_published_vector() {
    let dir = TempDir::new();
    let path = dir.file("body.json", BODY);
    let file = path.to_str().unwrap();

    for (run, expected) in [
        (
            webhook("sign").args(["--timestamp", TS, file]).run(),
            SIGNATURE.to_owned(),
        ),
        (
            webhook("verify").args(VECTOR_CHECK).arg(file).run(),
            "ok".to_owned(),
        ),
        (
            webhook("validate").args(VECTOR_CHECK).arg(file).run(),
            answer(),
        ),
    ] {
        assert_eq!(run.ok(), line(&expected));
        assert_eq!(run.stderr, "");
    }
}

#[test]
fn the_body_comes_from_a_file_or_stdin() {
    assert_eq!(
        webhook_check("verify", TS, SIGNATURE, BODY, &[]).ok(),
        "ok\n"
    );
    // No argument: standard input too.
    let run = webhook("validate").args(VECTOR_CHECK).stdin(BODY).run();
    assert_eq!(run.ok(), line(&answer()));
    let run = webhook("sign").args(["--timestamp", TS]).stdin(BODY).run();
    assert_eq!(run.ok(), line(SIGNATURE));
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
            let expected = line(&webhook_signature(WEBHOOK_TOKEN.as_bytes(), ts, body));
            let path = dir.file("b", body);
            let run = webhook("sign")
                .args(["--timestamp", ts, path.to_str().unwrap()])
                .run();
            assert_eq!(run.ok(), expected, "{body:?} {ts}");
            let run = webhook("sign")
                .args(["--timestamp", ts, "-"])
                .stdin(body)
                .run();
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
        let run = webhook("sign")
            .arg(format!("--timestamp={bad}"))
            .arg("-")
            .stdin(BODY)
            .run();
        run.fails_with(2, "--timestamp");
    }
    webhook("sign")
        .arg("-")
        .stdin(BODY)
        .run()
        .fails_with(2, "--timestamp");
}

#[test]
fn the_secret_token_has_no_minimum_length() {
    for token in ["x", "short", WEBHOOK_TOKEN] {
        let run = webhook("sign")
            .args(["--timestamp", "1", "-"])
            .env("ZOOM_WEBHOOK_SECRET_TOKEN", token)
            .stdin("{}")
            .run();
        assert_eq!(
            run.ok(),
            line(&webhook_signature(token.as_bytes(), "1", b"{}")),
            "{token}"
        );
    }
    // A short all-hex token under jsrsasign is its decoded bytes; Latin-1 text one byte each.
    for (text, bytes) in [("abcd", vec![0xab, 0xcd]), ("tökén", latin1_bytes("tökén"))] {
        let run = webhook("sign")
            .args(["--timestamp", TS, "--secret-encoding", "jsrsasign"])
            .env("ZOOM_WEBHOOK_SECRET_TOKEN", text)
            .stdin(BODY)
            .run();
        assert_eq!(
            run.ok(),
            line(&webhook_signature(&bytes, TS, BODY.as_bytes()))
        );
    }
    let run = webhook("sign")
        .args(["--timestamp", TS, "--secret-encoding", "hex"])
        .env("ZOOM_WEBHOOK_SECRET_TOKEN", "not-hex")
        .stdin(BODY)
        .run();
    run.fails_with(2, "[code 102 invalid_secret_encoding]");
    run.never_shows("not-hex");
}

#[test]
fn the_body_is_bounded_at_one_mebibyte() {
    let dir = TempDir::new();
    let max = 1 << 20;
    let exact = vec![b'a'; max];
    let path = dir.file("exact", &exact);
    let run = webhook("sign")
        .args(["--timestamp", TS, path.to_str().unwrap()])
        .run();
    assert_eq!(
        run.ok(),
        line(&webhook_signature(WEBHOOK_TOKEN.as_bytes(), TS, &exact))
    );

    let over = dir.file("over", vec![b'a'; max + 1]);
    let run = webhook("sign")
        .args(["--timestamp", TS, over.to_str().unwrap()])
        .run();
    run.fails_with(2, "is longer than 1048576 bytes (1 MiB)");
    for sub in ["verify", "validate"] {
        let run = webhook_check(sub, TS, SIGNATURE, vec![b'a'; 3 * max], &[]);
        run.fails_with(2, "the body in standard input is longer than 1048576 bytes");
    }
    if std::path::Path::new("/dev/zero").exists() {
        let run = webhook("sign").args(["--timestamp", TS, "/dev/zero"]).run();
        run.fails_with(2, "longer than");
    }
}

#[test]
fn unreadable_bodies_are_usage_errors() {
    let dir = TempDir::new();
    let missing = dir.path().join("missing.json");
    for target in [missing.to_str().unwrap(), dir.path().to_str().unwrap()] {
        let run = webhook("sign").args(["--timestamp", TS, target]).run();
        run.fails_with(2, "cannot read the body from the file");
    }
}

#[test]
fn required_flags_and_usage_errors() {
    for (sub, args) in [
        ("verify", &["--signature", SIGNATURE, "-"][..]),
        ("verify", &["--timestamp", TS, "-"]),
        ("validate", &["--timestamp", TS]),
        (
            "verify",
            &["--timestamp", TS, "--signature", SIGNATURE, "a", "b"],
        ),
        (
            "verify",
            &["--timestamp", TS, "--signature", SIGNATURE, "--now", "soon"],
        ),
        ("sign", &["--timestamp", TS, "--signature", SIGNATURE]),
        ("sign", &["--timestamp", TS, "--now", NOW_ARG]),
    ] {
        let run = webhook(sub).args(args).stdin(BODY).run();
        assert!(!run.fails(2).is_empty(), "{sub} {args:?}");
    }
    for args in [&["webhook"][..], &["webhook", "frobnicate"]] {
        let run = jwtmint(args).run();
        assert_eq!(run.code, 2, "{args:?}");
        assert!(run.stdout.is_empty());
    }
}
