//! The secret options: --secret-env, --secret-file (and '-'), --secret-encoding; every
//! missing, empty, short or badly encoded secret is a usage error that never shows the secret.

mod common;

use common::*;

fn mint(extra: &[&str]) -> Cli {
    let now = NOW.to_string();
    let mut args = vec!["mint", "--key", KEY, "--now", &now];
    args.extend_from_slice(extra);
    jwtmint(args)
}

fn expected_for(secret: &[u8]) -> String {
    format!("{}\n", zoom_token(secret, KEY, NOW - 30, NOW + 3570))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn std_b64(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[test]
fn secret_defaults_to_zoom_api_secret() {
    let run = mint(&[]).env("ZOOM_API_SECRET", SECRET).run();
    assert_eq!(run.ok(), expected_for(SECRET.as_bytes()));
}

#[test]
fn secret_env_names_another_variable() {
    let run = mint(&["--secret-env", "MY_SECRET"])
        .env("MY_SECRET", SECRET)
        .env("ZOOM_API_SECRET", "this-one-must-not-be-used-0123456789")
        .run();
    assert_eq!(run.ok(), expected_for(SECRET.as_bytes()));
}

#[test]
fn a_secret_from_the_environment_is_used_exactly() {
    // No trimming for utf8 text from a variable: the newline is part of the secret.
    let secret = format!("{SECRET}\n");
    let run = mint(&[]).env("ZOOM_API_SECRET", &secret).run();
    assert_eq!(run.ok(), expected_for(secret.as_bytes()));
}

#[test]
fn missing_secret_says_how_to_provide_one() {
    for cmd in [
        mint(&[]),
        jwtmint(["verify", "a.b.c"]),
        jwtmint(["demo", "--key", KEY]),
    ] {
        let run = cmd.run();
        let err = run.fails(2);
        assert!(
            err.contains("ZOOM_API_SECRET")
                && err.contains("--secret-env")
                && err.contains("--secret-file"),
            "{err}"
        );
    }
    let run = mint(&["--secret-env", "NOPE"]).run();
    assert!(run.fails(2).contains("$NOPE is not set"), "{}", run.stderr);
}

#[test]
fn empty_secret_is_a_usage_error() {
    let dir = TempDir::new();
    let empty = dir.file("empty", "");
    let newline = dir.file("newline", "\n");
    let blank_hex = dir.file("blank", " \n\t ");
    for cmd in [
        mint(&[]).env("ZOOM_API_SECRET", ""),
        mint(&["--secret-file", empty.to_str().unwrap()]),
        mint(&["--secret-file", newline.to_str().unwrap()]),
        mint(&[
            "--secret-file",
            blank_hex.to_str().unwrap(),
            "--secret-encoding",
            "hex",
        ]),
        mint(&["--secret-file", "-"]).stdin(""),
    ] {
        let run = cmd.run();
        let err = run.fails(2);
        assert!(
            err.contains("empty") && err.contains("--secret-file"),
            "{err}"
        );
    }
}

#[test]
fn short_secret_is_a_usage_error_with_the_core_message() {
    let short = "only-31-bytes-of-secret-text-xx";
    assert_eq!(short.len(), 31);
    let run = mint(&[]).env("ZOOM_API_SECRET", short).run();
    let err = run.fails(2);
    assert!(
        err.contains("the secret is 31 bytes; HS256 needs at least 32")
            && err.contains("[code 101 weak_secret]")
            && err.contains("$ZOOM_API_SECRET"),
        "{err}"
    );
    assert!(!err.contains(short), "the secret leaked: {err}");

    // 32 bytes is enough.
    let ok = "exactly-32-bytes-of-secret-text!";
    assert_eq!(ok.len(), 32);
    let run = mint(&[]).env("ZOOM_API_SECRET", ok).run();
    assert_eq!(run.ok(), expected_for(ok.as_bytes()));
}

#[test]
fn secret_file_drops_exactly_one_trailing_newline() {
    let dir = TempDir::new();
    for contents in [
        format!("{SECRET}\n"),
        format!("{SECRET}\r\n"),
        SECRET.into(),
    ] {
        let path = dir.file("s", &contents);
        let run = mint(&["--secret-file", path.to_str().unwrap()]).run();
        assert_eq!(run.ok(), expected_for(SECRET.as_bytes()), "{contents:?}");
    }
    // A second newline is part of the secret.
    let path = dir.file("s", format!("{SECRET}\n\n"));
    let run = mint(&["--secret-file", path.to_str().unwrap()]).run();
    assert_eq!(run.ok(), expected_for(format!("{SECRET}\n").as_bytes()));
    // So are spaces.
    let path = dir.file("s", format!(" {SECRET}\n"));
    let run = mint(&["--secret-file", path.to_str().unwrap()]).run();
    assert_eq!(run.ok(), expected_for(format!(" {SECRET}").as_bytes()));
}

#[test]
fn secret_file_wins_over_the_default_variable() {
    let dir = TempDir::new();
    let path = dir.file("s", SECRET);
    let run = mint(&["--secret-file", path.to_str().unwrap()])
        .env("ZOOM_API_SECRET", "not-this-one-0123456789abcdef0123456789")
        .run();
    assert_eq!(run.ok(), expected_for(SECRET.as_bytes()));
}

#[test]
fn secret_from_stdin() {
    let run = mint(&["--secret-file", "-"])
        .stdin(format!("{SECRET}\n"))
        .run();
    assert_eq!(run.ok(), expected_for(SECRET.as_bytes()));
}

#[test]
fn secret_file_errors() {
    let dir = TempDir::new();
    let missing = dir.path().join("missing");
    let run = mint(&["--secret-file", missing.to_str().unwrap()]).run();
    assert!(run.fails(2).contains("cannot read the secret file"));

    let big = dir.file("big", vec![b'a'; 64 * 1024 + 1]);
    let run = mint(&["--secret-file", big.to_str().unwrap()]).run();
    assert!(run.fails(2).contains("longer than"), "{}", run.stderr);

    // Endless input ends too (bounded read).
    let run = mint(&["--secret-file", "-"])
        .stdin(vec![b'a'; 1 << 20])
        .run();
    assert!(run.fails(2).contains("longer than"), "{}", run.stderr);

    let binary = dir.file("bin", [0xff, 0xfe, 0x00, 0x80].repeat(10));
    let run = mint(&["--secret-file", binary.to_str().unwrap()]).run();
    let err = run.fails(2);
    assert!(err.contains("not UTF-8") && err.contains("hex"), "{err}");

    let run = mint(&["--secret-file", dir.path().to_str().unwrap()]).run();
    run.fails(2);
}

#[test]
fn secret_env_and_secret_file_conflict() {
    let run = mint(&["--secret-env", "A", "--secret-file", "b"]).run();
    run.fails(2);
}

#[test]
fn encodings_decode_to_the_same_key() {
    let dir = TempDir::new();
    let bytes = SECRET.as_bytes();
    let upper_hex = hex(bytes).to_uppercase();
    let unpadded = std_b64(bytes).trim_end_matches('=').to_owned();
    for (encoding, text) in [
        ("utf8", SECRET.to_owned()),
        ("hex", hex(bytes)),
        ("hex", upper_hex),
        ("base64", std_b64(bytes)),
        ("base64", unpadded),
        ("base64url", b64(bytes)),
    ] {
        let run = mint(&["--secret-encoding", encoding])
            .env("ZOOM_API_SECRET", &text)
            .run();
        assert_eq!(run.ok(), expected_for(bytes), "{encoding} {text}");

        // From a file, surrounding whitespace is dropped for everything but utf8.
        if encoding != "utf8" {
            let path = dir.file("s", format!("  \t{text}\r\n\n"));
            let run = mint(&[
                "--secret-encoding",
                encoding,
                "--secret-file",
                path.to_str().unwrap(),
            ])
            .run();
            assert_eq!(run.ok(), expected_for(bytes), "{encoding} file");
        }
    }
}

#[test]
fn binary_secrets_through_hex_and_base64() {
    // Bytes that are not UTF-8: only an encoding can carry them.
    let secret: Vec<u8> = (0..40u8).map(|i| i.wrapping_mul(37) ^ 0x9c).collect();
    assert!(std::str::from_utf8(&secret).is_err());
    for (encoding, text) in [("hex", hex(&secret)), ("base64url", b64(&secret))] {
        let run = mint(&["--secret-encoding", encoding])
            .env("ZOOM_API_SECRET", text)
            .run();
        assert_eq!(run.ok(), expected_for(&secret), "{encoding}");
    }
}

#[test]
fn bad_encodings_are_usage_errors() {
    let run = mint(&["--secret-encoding", "rot13"])
        .env("ZOOM_API_SECRET", SECRET)
        .run();
    let err = run.fails(2);
    assert!(
        err.contains("utf8, hex, base64 or base64url") && err.contains("jsrsasign"),
        "{err}"
    );

    let bad_hex = "zz-not-hex-but-long-enough-to-be-a-secret";
    for (encoding, text, name) in [
        ("hex", bad_hex, "hex"),
        ("hex", "abc", "hex"),
        (
            "base64",
            "a-b_a-b_a-b_a-b_a-b_a-b_a-b_a-b_a-b_a-b_",
            "base64",
        ),
        (
            "base64url",
            "a+b/a+b/a+b/a+b/a+b/a+b/a+b/a+b/a+b/a+b/",
            "base64url",
        ),
    ] {
        let run = mint(&["--secret-encoding", encoding])
            .env("ZOOM_API_SECRET", text)
            .run();
        let err = run.fails(2);
        assert!(
            err.contains(&format!("the secret is not valid {name}"))
                && err.contains("[code 102 invalid_secret_encoding]"),
            "{err}"
        );
        assert!(!err.contains(text), "the secret leaked: {err}");
    }

    // Short after decoding: 16 bytes of hex text is 8 bytes of key.
    let run = mint(&["--secret-encoding", "hex"])
        .env("ZOOM_API_SECRET", "00112233445566778899aabbccddeeff")
        .run();
    assert!(run
        .fails(2)
        .contains("the secret is 16 bytes; HS256 needs at least 32"));
}

#[test]
fn secret_options_work_on_verify_and_demo_too() {
    let dir = TempDir::new();
    let path = dir.file("s", format!("{}\n", hex(SECRET.as_bytes())));
    let token = default_token();
    let now = NOW.to_string();
    let run = jwtmint([
        "verify",
        &token,
        "--now",
        &now,
        "--secret-encoding",
        "hex",
        "--secret-file",
        path.to_str().unwrap(),
    ])
    .run();
    assert_eq!(
        run.ok(),
        format!("{}\n", zoom_payload(KEY, NOW - 30, NOW + 3570))
    );

    let run = jwtmint(["verify", &token, "--now", &now, "--secret-env", "S"])
        .env("S", SECRET)
        .run();
    run.ok();

    let run = jwtmint(["demo", "--now", &now, "--secret-file", "-", "--key", KEY])
        .stdin(SECRET)
        .run();
    assert!(run.ok().contains(&token));
}

#[test]
fn secrets_never_appear_in_output() {
    let secret = "do-not-print-me-0123456789abcdef0123456789";
    let now = NOW.to_string();
    for cmd in [
        jwtmint(["mint", "--now", &now]),
        jwtmint(["mint", "--ttl", "0"]),
        jwtmint(["mint", "--claim", "iss=1"]),
        jwtmint(["verify", "a.b.c"]),
        jwtmint(["verify", &default_token()]),
        jwtmint(["demo"]),
        jwtmint(["mint", "--secret-encoding", "hex"]),
    ] {
        let run = cmd
            .env("ZOOM_API_KEY", KEY)
            .env("ZOOM_API_SECRET", secret)
            .run();
        assert!(
            !run.stderr.contains(secret) && !String::from_utf8_lossy(&run.stdout).contains(secret),
            "{run:?}"
        );
    }
}

#[test]
fn jsrsasign_encoding_on_mint_verify_and_demo() {
    // ASCII that is not hex: its bytes. Even-length hex: decoded. Latin-1 text: one byte per
    // character (not its UTF-8 bytes).
    let hex_text = hex(SECRET.as_bytes()).to_uppercase();
    let latin1 = "jsrsasign-secret-ÿéà-of-zoom-node-sample-01";
    for (text, bytes) in [
        (SECRET.to_owned(), SECRET.as_bytes().to_vec()),
        (hex_text, SECRET.as_bytes().to_vec()),
        (latin1.to_owned(), latin1_bytes(latin1)),
    ] {
        let run = mint(&["--secret-encoding", "jsrsasign"])
            .env("ZOOM_API_SECRET", &text)
            .run();
        assert_eq!(run.ok(), expected_for(&bytes), "{text}");

        let token = zoom_token(&bytes, KEY, NOW - 30, NOW + 3570);
        let run = jwtmint([
            "verify",
            &token,
            "--now",
            &NOW.to_string(),
            "--secret-encoding",
            "jsrsasign",
        ])
        .creds()
        .env("ZOOM_API_SECRET", &text)
        .run();
        run.ok();

        let run = jwtmint([
            "demo",
            "--now",
            &NOW.to_string(),
            "--key",
            KEY,
            "--secret-encoding",
            "jsrsasign",
        ])
        .env("ZOOM_API_SECRET", &text)
        .run();
        assert!(run.ok().contains(&token), "{text}");
    }
}

#[test]
fn jsrsasign_text_keeps_its_whitespace() {
    // jsrsasign reads whitespace as part of the text (and text with whitespace is not hex):
    // only one trailing newline from a file is dropped, as for utf8.
    let dir = TempDir::new();
    let text = format!(" {SECRET}\t");
    let run = mint(&["--secret-encoding", "jsrsasign"])
        .env("ZOOM_API_SECRET", &text)
        .run();
    assert_eq!(run.ok(), expected_for(text.as_bytes()));

    let path = dir.file("s", format!("{text}\n"));
    let run = mint(&[
        "--secret-encoding",
        "jsrsasign",
        "--secret-file",
        path.to_str().unwrap(),
    ])
    .run();
    assert_eq!(run.ok(), expected_for(text.as_bytes()));

    // 64 hex digits with a space are text, 65 bytes of it.
    let spaced = format!("{} ", hex(SECRET.as_bytes()));
    let run = mint(&["--secret-encoding", "jsrsasign"])
        .env("ZOOM_API_SECRET", &spaced)
        .run();
    assert_eq!(run.ok(), expected_for(spaced.as_bytes()));
}

#[test]
fn jsrsasign_short_hex_is_refused_after_decoding() {
    // 36 hex digits are 18 bytes of key under jsrsasign's rule.
    let run = mint(&["--secret-encoding", "jsrsasign"])
        .env("ZOOM_API_SECRET", "00112233445566778899aabbccddeeff0011")
        .run();
    assert!(
        run.fails(2)
            .contains("the secret is 18 bytes; HS256 needs at least 32"),
        "{}",
        run.stderr
    );
}
