//! The secret options: --secret-env, --secret-file (and '-'), --secret-encoding; every
//! missing, empty, short or badly encoded secret is a usage error that never shows the secret.
//! The options are checked on every command that reads a secret (`SECRET_DOORS`), then in
//! depth on `mint`.

mod common;

use common::secret_doors::*;
use common::*;

fn mint(extra: &[&str]) -> Cli {
    jwtmint(["mint", "--key", KEY, "--now", NOW_ARG]).args(extra)
}

fn expected_for(secret: &[u8]) -> String {
    line(&zoom_token(secret, KEY, NOW - 30, NOW + 3570))
}

fn std_b64(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// The other commands' default variables, set to secrets this command must not use.
fn with_other_defaults(cli: Cli, door: &SecretDoor) -> Cli {
    SECRET_DOORS
        .iter()
        .map(|d| d.env)
        .filter(|&env| env != door.env)
        .fold(cli, |cli, env| {
            cli.env(env, "not-this-one-0123456789abcdef0123456789")
        })
}

#[test]
fn every_command_reads_its_own_variable_and_says_how_to_provide_one() {
    let dir = TempDir::new();
    let body = dir.file("body.json", BODY);
    let key = SECRET.as_bytes();
    for door in &SECRET_DOORS {
        let run = door.cli(key, &body).env(door.env, SECRET).run();
        assert_eq!(run.ok(), door.expected(key), "{}", door.name);

        // Another command's variable is not this one's.
        let run = with_other_defaults(door.cli(key, &body), door).run();
        let err = run.fails_with(2, &format!("no {}: ${} is not set", door.what, door.env));
        assert!(
            err.contains("--secret-env") && err.contains("--secret-file"),
            "{}: {err}",
            door.name
        );
        let run = door.cli(key, &body).env(door.env, "").run();
        run.fails_with(2, &format!("the {} from ${} is empty", door.what, door.env));
    }
}

#[test]
fn every_command_takes_secret_env_and_secret_file() {
    let dir = TempDir::new();
    let body = dir.file("body.json", BODY);
    let key = SECRET.as_bytes();
    let text_file = dir.file("secret", format!("{SECRET}\n"));
    let hex_file = dir.file("secret.hex", format!("{}\n", hex(key)));
    let text_file = text_file.to_str().unwrap();
    let hex_file = hex_file.to_str().unwrap();
    for door in &SECRET_DOORS {
        let expected = door.expected(key);
        let cli = || {
            with_other_defaults(door.cli(key, &body), door)
                .env(door.env, "not-this-one-0123456789abcdef0123456789")
        };
        let run = cli()
            .args(["--secret-env", "MY_SECRET"])
            .env("MY_SECRET", SECRET)
            .run();
        assert_eq!(run.ok(), expected, "{} --secret-env", door.name);
        let run = cli().args(["--secret-file", text_file]).run();
        assert_eq!(run.ok(), expected, "{} --secret-file", door.name);
        let run = cli()
            .args(["--secret-file", hex_file, "--secret-encoding", "hex"])
            .run();
        assert_eq!(run.ok(), expected, "{} hex --secret-file", door.name);
        let run = cli().args(["--secret-file", "-"]).stdin(SECRET).run();
        assert_eq!(run.ok(), expected, "{} --secret-file -", door.name);
    }
    let run = mint(&["--secret-env", "NOPE"]).run();
    run.fails_with(2, "$NOPE is not set");
}

#[test]
fn every_command_takes_every_encoding_including_jsrsasign() {
    let dir = TempDir::new();
    let body = dir.file("body.json", BODY);
    let latin1 = "jsrsasign-ÿé-secret-of-node-sample-0123456789";
    let key = SECRET.as_bytes();
    for door in &SECRET_DOORS {
        for (encoding, text, bytes) in [
            ("utf8", SECRET.to_owned(), key.to_vec()),
            ("hex", hex(key), key.to_vec()),
            ("base64url", b64(key), key.to_vec()),
            // jsrsasign: even-length all-hex text is decoded, other text is one byte per
            // character (Latin-1 here), not its UTF-8 bytes.
            ("jsrsasign", hex(key).to_uppercase(), key.to_vec()),
            ("jsrsasign", SECRET.to_owned(), key.to_vec()),
            ("jsrsasign", latin1.to_owned(), latin1_bytes(latin1)),
        ] {
            let run = door
                .cli(&bytes, &body)
                .args(["--secret-encoding", encoding])
                .env(door.env, &text)
                .run();
            assert_eq!(
                run.ok(),
                door.expected(&bytes),
                "{} {encoding} {text}",
                door.name
            );
        }
        let bad = "not-hex-but-long-enough-to-be-a-secret-0123";
        let run = door
            .cli(key, &body)
            .args(["--secret-encoding", "hex"])
            .env(door.env, bad)
            .run();
        run.fails_with(2, "[code 102 invalid_secret_encoding]");
        run.never_shows(bad);
    }
}

#[test]
fn jwt_secrets_need_32_bytes_webhook_secret_tokens_do_not() {
    let dir = TempDir::new();
    let body = dir.file("body.json", BODY);
    let short = "short-video-sdk-secret";
    for door in &SECRET_DOORS {
        let run = door.cli(short.as_bytes(), &body).env(door.env, short).run();
        if door.needs_32_bytes {
            run.fails_with(2, "[code 101 weak_secret]");
            run.fails_with(2, &format!("${}", door.env));
            run.never_shows(short);
        } else {
            assert_eq!(run.ok(), door.expected(short.as_bytes()), "{}", door.name);
        }
    }
}

#[test]
fn a_token_or_body_and_the_secret_cannot_both_come_from_stdin() {
    let signed = ["--timestamp", TS, "--signature", SIGNATURE];
    for args in [
        vec!["verify"],
        vec!["verify", "-"],
        vec!["videosdk", "verify"],
        vec!["webhook", "sign", "--timestamp", TS],
        [&["webhook", "verify"][..], &signed].concat(),
        [&["webhook", "validate"][..], &signed].concat(),
    ] {
        let run = jwtmint(args)
            .args(["--secret-file", "-"])
            .env("ZOOM_VIDEO_SDK_KEY", SDK_KEY)
            .stdin(format!("{SECRET}\n"))
            .run();
        run.fails_with(2, "cannot both come from standard input");
    }
}

#[test]
fn demo_reads_the_api_secret_like_mint() {
    let run = jwtmint(["demo", "--key", KEY]).run();
    let err = run.fails_with(2, "ZOOM_API_SECRET");
    assert!(
        err.contains("--secret-env") && err.contains("--secret-file"),
        "{err}"
    );

    let token = default_token();
    let run = jwtmint(["demo", "--now", NOW_ARG, "--secret-file", "-", "--key", KEY])
        .stdin(SECRET)
        .run();
    assert!(run.ok().contains(&token));

    let latin1 = "jsrsasign-secret-ÿéà-of-zoom-node-sample-01";
    for (text, bytes) in [
        (SECRET.to_owned(), SECRET.as_bytes().to_vec()),
        (
            hex(SECRET.as_bytes()).to_uppercase(),
            SECRET.as_bytes().to_vec(),
        ),
        (latin1.to_owned(), latin1_bytes(latin1)),
    ] {
        let token = zoom_token(&bytes, KEY, NOW - 30, NOW + 3570);
        let run = jwtmint(["demo", "--now", NOW_ARG, "--key", KEY])
            .args(["--secret-encoding", "jsrsasign"])
            .env("ZOOM_API_SECRET", &text)
            .run();
        assert!(run.ok().contains(&token), "{text}");
    }
}

/// `mint --secret-encoding ENCODING` with `text` in `$ZOOM_API_SECRET`.
fn mint_env(encoding: &str, text: &str) -> Run {
    mint(&["--secret-encoding", encoding])
        .env("ZOOM_API_SECRET", text)
        .run()
}

/// `mint --secret-encoding ENCODING --secret-file F` with `contents` in the file F.
fn mint_file(dir: &TempDir, encoding: &str, contents: impl AsRef<[u8]>) -> Run {
    let path = dir.file("s", contents);
    mint(&[
        "--secret-encoding",
        encoding,
        "--secret-file",
        path.to_str().unwrap(),
    ])
    .run()
}

#[test]
fn a_secret_is_the_text_as_its_encoding_and_source_call_for() {
    let dir = TempDir::new();
    let key = SECRET.as_bytes();
    let spaced_hex = format!("{} ", hex(key));
    for (run, expected) in [
        // From a variable, utf8 text is used exactly: the newline is part of the secret.
        (
            mint_env("utf8", &format!("{SECRET}\n")),
            format!("{SECRET}\n"),
        ),
        // From a file, exactly one trailing newline is dropped.
        (
            mint_file(&dir, "utf8", format!("{SECRET}\n")),
            SECRET.to_owned(),
        ),
        (
            mint_file(&dir, "utf8", format!("{SECRET}\r\n")),
            SECRET.to_owned(),
        ),
        (mint_file(&dir, "utf8", SECRET), SECRET.to_owned()),
        (
            mint_file(&dir, "utf8", format!("{SECRET}\n\n")),
            format!("{SECRET}\n"),
        ),
        (
            mint_file(&dir, "utf8", format!(" {SECRET}\n")),
            format!(" {SECRET}"),
        ),
        // jsrsasign reads whitespace as part of the text (and text with whitespace is not
        // hex): only one trailing newline from a file is dropped, as for utf8.
        (
            mint_env("jsrsasign", &format!(" {SECRET}\t")),
            format!(" {SECRET}\t"),
        ),
        (
            mint_file(&dir, "jsrsasign", format!(" {SECRET}\t\n")),
            format!(" {SECRET}\t"),
        ),
        // 64 hex digits with a space are text, 65 bytes of it.
        (mint_env("jsrsasign", &spaced_hex), spaced_hex.clone()),
        // 32 bytes is enough.
        (
            mint_env("utf8", "exactly-32-bytes-of-secret-text!"),
            "exactly-32-bytes-of-secret-text!".to_owned(),
        ),
    ] {
        assert_eq!(run.ok(), expected_for(expected.as_bytes()), "{expected:?}");
    }
    // --secret-file wins over the default variable.
    let path = dir.file("s", SECRET);
    let run = mint(&["--secret-file", path.to_str().unwrap()])
        .env("ZOOM_API_SECRET", "not-this-one-0123456789abcdef0123456789")
        .run();
    assert_eq!(run.ok(), expected_for(key));
}

#[test]
fn encodings_decode_to_the_same_key() {
    let dir = TempDir::new();
    let bytes = SECRET.as_bytes();
    let unpadded = std_b64(bytes).trim_end_matches('=').to_owned();
    for (encoding, text) in [
        ("hex", hex(bytes)),
        ("hex", hex(bytes).to_uppercase()),
        ("base64", std_b64(bytes)),
        ("base64", unpadded),
        ("base64url", b64(bytes)),
    ] {
        assert_eq!(
            mint_env(encoding, &text).ok(),
            expected_for(bytes),
            "{encoding} {text}"
        );
        // From a file, surrounding whitespace is dropped for everything but utf8.
        let run = mint_file(&dir, encoding, format!("  \t{text}\r\n\n"));
        assert_eq!(run.ok(), expected_for(bytes), "{encoding} file");
    }
    // Bytes that are not UTF-8: only an encoding can carry them.
    let secret: Vec<u8> = (0..40u8).map(|i| i.wrapping_mul(37) ^ 0x9c).collect();
    assert!(std::str::from_utf8(&secret).is_err());
    for (encoding, text) in [("hex", hex(&secret)), ("base64url", b64(&secret))] {
        assert_eq!(
            mint_env(encoding, &text).ok(),
            expected_for(&secret),
            "{encoding}"
        );
    }
}

#[test]
fn empty_short_and_unreadable_secrets_are_usage_errors() {
    let dir = TempDir::new();
    for run in [
        mint_env("utf8", ""),
        mint_file(&dir, "utf8", ""),
        mint_file(&dir, "utf8", "\n"),
        mint_file(&dir, "hex", " \n\t "),
        mint(&["--secret-file", "-"]).stdin("").run(),
    ] {
        run.fails_with(2, "empty");
        run.fails_with(2, "--secret-file");
    }

    let short = "only-31-bytes-of-secret-text-xx";
    assert_eq!(short.len(), 31);
    let run = mint_env("utf8", short);
    run.fails_with(2, "the secret is 31 bytes; HS256 needs at least 32");
    run.fails_with(2, "[code 101 weak_secret]");
    run.fails_with(2, "$ZOOM_API_SECRET");
    run.never_shows(short);
    // Short after decoding: 16 bytes of hex text is 8 bytes of key; 36 hex digits are 18
    // bytes under jsrsasign's rule.
    mint_env("hex", "00112233445566778899aabbccddeeff")
        .fails_with(2, "the secret is 16 bytes; HS256 needs at least 32");
    mint_env("jsrsasign", "00112233445566778899aabbccddeeff0011")
        .fails_with(2, "the secret is 18 bytes; HS256 needs at least 32");

    let missing = dir.path().join("missing");
    let run = mint(&["--secret-file", missing.to_str().unwrap()]).run();
    run.fails_with(2, "cannot read the secret file");
    mint_file(&dir, "utf8", vec![b'a'; 64 * 1024 + 1]).fails_with(2, "longer than");
    // Endless input ends too (bounded read).
    let run = mint(&["--secret-file", "-"])
        .stdin(vec![b'a'; 1 << 20])
        .run();
    run.fails_with(2, "longer than");
    let run = mint_file(&dir, "utf8", [0xff, 0xfe, 0x00, 0x80].repeat(10));
    run.fails_with(2, "not UTF-8");
    run.fails_with(2, "hex");
    mint(&["--secret-file", dir.path().to_str().unwrap()])
        .run()
        .fails(2);
    mint(&["--secret-env", "A", "--secret-file", "b"])
        .run()
        .fails(2);
}

#[test]
fn bad_encodings_are_usage_errors() {
    let run = mint_env("rot13", SECRET);
    run.fails_with(2, "utf8, hex, base64 or base64url");
    run.fails_with(2, "jsrsasign");
    for (encoding, text) in [
        ("hex", "zz-not-hex-but-long-enough-to-be-a-secret"),
        ("hex", "abc"),
        ("base64", "a-b_a-b_a-b_a-b_a-b_a-b_a-b_a-b_a-b_a-b_"),
        ("base64url", "a+b/a+b/a+b/a+b/a+b/a+b/a+b/a+b/a+b/a+b/"),
    ] {
        let run = mint_env(encoding, text);
        run.fails_with(2, &format!("the secret is not valid {encoding}"));
        run.fails_with(2, "[code 102 invalid_secret_encoding]");
        run.never_shows(text);
    }
}

#[test]
fn secrets_never_appear_in_output() {
    let secret = "do-not-print-me-0123456789abcdef0123456789";
    let token = default_token();
    let room = ["videosdk", "--tpc", "room", "--role", "host"];
    let sign = ["webhook", "sign", "--timestamp", TS];
    for args in [
        vec!["mint", "--now", NOW_ARG],
        vec!["mint", "--ttl", "0"],
        vec!["mint", "--claim", "iss=1"],
        vec!["verify", "a.b.c"],
        vec!["verify", &token],
        vec!["demo"],
        vec!["mint", "--secret-encoding", "hex"],
        room.to_vec(),
        vec!["videosdk", "--tpc", "", "--role", "host"],
        [&room[..], &["--secret-encoding", "hex"]].concat(),
        vec!["videosdk", "verify", "a.b.c"],
        [&sign[..], &["-"]].concat(),
        [&sign[..], &["--secret-encoding", "hex", "-"]].concat(),
        [&["webhook", "verify"][..], &VECTOR_CHECK, &["-"]].concat(),
        [&["webhook", "validate"][..], &VECTOR_CHECK[..4], &["-"]].concat(),
    ] {
        let cli = SECRET_DOORS
            .iter()
            .fold(jwtmint(&args), |cli, door| cli.env(door.env, secret));
        cli.env("ZOOM_API_KEY", KEY)
            .env("ZOOM_VIDEO_SDK_KEY", SDK_KEY)
            .stdin(BODY)
            .run()
            .never_shows(secret);
    }
}
