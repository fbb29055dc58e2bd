//! `jwtmint verify`: tokens signed independently; exit 0 with the payload, or exit 1 with
//! `error: <reason> [code N name]`. What it shares with `videosdk verify` (reading the token,
//! the leeway, the length limit) is checked on both here.

mod common;

use common::*;

/// `verify TOKEN --now NOW EXTRA` with the test credentials.
fn verify(token: &str, extra: &[&str]) -> Run {
    jwtmint(["verify", token, "--now", NOW_ARG])
        .args(extra)
        .creds()
        .run()
}

fn payload_line() -> String {
    line(&zoom_payload(KEY, NOW - 30, NOW + 3570))
}

/// A command that verifies tokens, and a token it accepts at NOW.
struct Door {
    command: &'static [&'static str],
    creds: fn(Cli) -> Cli,
    token: String,
    payload: String,
    iat: i64,
    exp: i64,
}

impl Door {
    /// The command with its credentials, and no token argument yet.
    fn cli(&self) -> Cli {
        (self.creds)(jwtmint(self.command))
    }

    /// The command on this door's token at `now`, with `extra` options.
    fn run(&self, now: i64, extra: &[&str]) -> Run {
        self.cli().arg(&self.token).now(now).args(extra).run()
    }

    /// The command on this door's token at `now` with `leeway`.
    fn at(&self, now: i64, leeway: &str) -> Run {
        self.run(now, &["--leeway", leeway])
    }
}

fn doors() -> [Door; 2] {
    let sdk_payload = default_sdk_payload(1, "");
    [
        Door {
            command: &["verify"],
            creds: Cli::creds,
            token: default_token(),
            payload: zoom_payload(KEY, NOW - 30, NOW + 3570),
            iat: NOW - 30,
            exp: NOW + 3570,
        },
        Door {
            command: &["videosdk", "verify"],
            creds: Cli::sdk_creds,
            token: sdk_token(SDK_SECRET.as_bytes(), &sdk_payload),
            payload: sdk_payload,
            iat: NOW - 30,
            exp: NOW - 30 + 7200,
        },
    ]
}

#[test]
fn prints_the_payload_and_a_newline() {
    let run = verify(&default_token(), &[]);
    assert_eq!(run.ok(), payload_line());
    assert_eq!(run.stderr, "");
}

#[test]
fn prints_the_payload_exactly_as_signed() {
    // Member order, spacing and escapes as in the token, not re-serialized.
    let payload = "{ \"exp\": 1700003570 ,\"iss\":\"test-api-key\",\"iat\":1699999970, \
                   \"z\":\"\\u00e9\", \"a\": [1, 2.50] }";
    let token = sign(SECRET.as_bytes(), HEADER, payload);
    assert_eq!(verify(&token, &[]).ok(), line(payload));
}

#[test]
fn reads_the_token_from_stdin() {
    for door in doors() {
        let token = &door.token;
        for (arg, input) in [
            (None, format!("{token}\n")),
            (Some("-"), format!("{token}\n")),
            (Some("-"), format!("{token}\r\n")),
            (None, token.clone()),
        ] {
            let run = door.cli().args(arg).now(NOW).stdin(input.clone()).run();
            assert_eq!(run.ok(), line(&door.payload), "{input:?}");
        }
        // Nothing at all on stdin: say so.
        door.cli().run().fails_with(1, "standard input was empty");
    }
}

#[test]
fn only_one_trailing_newline_is_forgiven_on_stdin() {
    let token = default_token();
    for input in [
        format!("{token}\n\n"),
        format!(" {token}\n"),
        format!("{token} \n"),
        format!("{token}\r"),
        format!("{token}\n\r\n"),
        "\n".to_owned(),
        String::new(),
    ] {
        let run = jwtmint(["verify", "--now", NOW_ARG])
            .creds()
            .stdin(input)
            .run();
        run.fails_with(1, "[code ");
    }
    // An argument is taken as given: no newline is stripped from it.
    verify(&format!("{token}\n"), &[]).fails(1);
}

#[test]
fn leeway_applies_to_exp_and_iat() {
    for door in doors() {
        let (iat, exp) = (door.iat, door.exp);
        let payload = line(&door.payload);
        // With the default leeway of 60 s it is still good until exp + 59.
        assert_eq!(door.at(exp + 59, "60").ok(), payload);
        assert_eq!(
            door.at(exp + 60, "60").fails(1),
            format!(
                "error: the token expired (exp {exp}, now {}) [code 500 expired]\n",
                exp + 60
            )
        );
        assert_eq!(door.at(exp - 1, "0").ok(), payload);
        door.at(exp, "0").fails(1);
        assert_eq!(door.at(exp + 999, "1000").ok(), payload);
        // Issued in the future before iat, beyond the leeway.
        assert_eq!(door.at(iat, "0").ok(), payload);
        door.at(iat - 1, "0")
            .fails_with(1, "[code 502 issued_in_future]");
        door.at(iat - 61, "60")
            .fails_with(1, "[code 502 issued_in_future]");
        assert_eq!(door.at(iat - 60, "60").ok(), payload);
    }
    // The default leeway is 60 s.
    let exp = NOW + 3570;
    let run = jwtmint(["verify", &default_token()])
        .now(exp + 60)
        .creds()
        .run();
    assert_eq!(
        run.fails(1),
        format!(
            "error: the token expired (exp {exp}, now {}) [code 500 expired]\n",
            exp + 60
        )
    );
}

#[test]
fn max_len_limits_the_token() {
    for door in doors() {
        let len = door.token.len().to_string();
        let shorter = (door.token.len() - 1).to_string();
        assert_eq!(
            door.run(NOW, &["--max-len", &len]).ok(),
            line(&door.payload)
        );
        let run = door.run(NOW, &["--max-len", &shorter]);
        run.fails_with(
            1,
            &format!("the token is {len} bytes, over the limit of {shorter}"),
        );
        run.fails_with(1, "[code 200 too_long]");
        // From stdin the trailing newline does not count against the limit.
        let run = door
            .cli()
            .now(NOW)
            .args(["--max-len", &len])
            .stdin(format!("{}\r\n", door.token))
            .run();
        assert_eq!(run.ok(), line(&door.payload));
    }
}

#[test]
fn endless_stdin_is_rejected_without_reading_it_all() {
    let run = jwtmint(["verify", "--now", NOW_ARG])
        .creds()
        .stdin(vec![b'a'; 4 << 20])
        .run();
    run.fails_with(1, "longer than the limit of 8192 bytes");
    run.fails_with(1, "[code 200 too_long]");
}

#[test]
fn tampered_token_is_rejected() {
    let token = default_token();
    let parts: Vec<&str> = token.split('.').collect();
    // Another payload under the original signature.
    let forged_payload = b64(zoom_payload("attacker", NOW - 30, NOW + 3570).as_bytes());
    let forged = format!("{}.{}.{}", parts[0], forged_payload, parts[2]);
    let run = jwtmint(["verify", &forged, "--now", NOW_ARG])
        .env("ZOOM_API_SECRET", SECRET)
        .run();
    assert_eq!(
        run.fails(1),
        "error: the signature does not match [code 400 invalid_signature]\n"
    );

    // Every character of the signature changed in turn.
    let sig = parts[2].as_bytes();
    for i in 0..sig.len() {
        let mut s = sig.to_vec();
        s[i] = if s[i] == b'A' { b'B' } else { b'A' };
        let t = format!(
            "{}.{}.{}",
            parts[0],
            parts[1],
            String::from_utf8(s).unwrap()
        );
        verify(&t, &[]).fails(1);
    }
}

#[test]
fn wrong_key_algorithm_or_shape_is_rejected() {
    let payload = zoom_payload(KEY, NOW - 30, NOW + 3570);
    let none = format!(
        "{}.{}.",
        b64(br#"{"alg":"none","typ":"JWT"}"#),
        b64(payload.as_bytes())
    );
    verify(&none, &[]).fails(1);
    let other_secret = b"another-secret-0123456789abcdef0123456789";
    for (token, code) in [
        (
            sign(other_secret, HEADER, &payload),
            "[code 400 invalid_signature]",
        ),
        // The key decides the algorithm.
        (
            sign(
                SECRET.as_bytes(),
                r#"{"alg":"HS512","typ":"JWT"}"#,
                &payload,
            ),
            "[code 301 unsupported_algorithm]",
        ),
        ("abc".to_owned(), "[code 201 segment_count]"),
        ("a.b".to_owned(), "[code 201 segment_count]"),
        (".b.c".to_owned(), "[code 202 empty_segment]"),
        ("a*.b.c".to_owned(), "[code 203 invalid_base64]"),
    ] {
        verify(&token, &[]).fails_with(1, code);
    }
}

#[cfg(unix)]
#[test]
fn a_non_utf8_argument_is_a_rejection_not_a_crash() {
    use std::os::unix::ffi::OsStrExt;
    let arg = std::ffi::OsStr::from_bytes(b"\xff\xfe.a.b");
    jwtmint(["verify"]).arg(arg).now(1).creds().run().fails(1);
}

#[test]
fn issuer_is_checked_against_iss_flag() {
    let token = default_token();
    assert_eq!(verify(&token, &["--iss", KEY]).ok(), payload_line());
    let run = verify(&token, &["--iss", "someone-else"]);
    run.fails_with(1, "[code 505 issuer_mismatch]");
    run.fails_with(1, "someone-else");
    verify(&token, &["--iss", ""]).fails_with(2, "--iss");
}

#[test]
fn issuer_defaults_to_zoom_api_key_when_set() {
    let token = default_token();
    // ZOOM_API_KEY of another app: rejected, with a hint where the expectation came from.
    let another_app = |extra: &[&str]| {
        jwtmint(["verify", &token, "--now", NOW_ARG])
            .args(extra)
            .env("ZOOM_API_SECRET", SECRET)
            .env("ZOOM_API_KEY", "another-app")
            .run()
    };
    let run = another_app(&[]);
    run.fails_with(1, "[code 505 issuer_mismatch]");
    run.fails_with(1, "ZOOM_API_KEY");
    // --iss overrides it.
    assert_eq!(another_app(&["--iss", KEY]).ok(), payload_line());
    // Unset (or empty): no issuer check.
    let other = zoom_token(SECRET.as_bytes(), "anyone", NOW - 30, NOW + 3570);
    for key in [None, Some("")] {
        let mut cmd = jwtmint(["verify", &other, "--now", NOW_ARG]).env("ZOOM_API_SECRET", SECRET);
        if let Some(k) = key {
            cmd = cmd.env("ZOOM_API_KEY", k);
        }
        assert_eq!(
            cmd.run().ok(),
            line(&zoom_payload("anyone", NOW - 30, NOW + 3570))
        );
    }
}

#[test]
fn required_claims() {
    // Signed independently without iat.
    let payload = format!(r#"{{"iss":"{KEY}","exp":{}}}"#, NOW + 100);
    let token = sign(SECRET.as_bytes(), HEADER, &payload);
    let run = verify(&token, &[]);
    run.fails_with(1, "\"iat\"");
    run.fails_with(1, "[code 503 missing_claim]");
    for list in ["", "iss,exp", " exp , iss "] {
        assert_eq!(
            verify(&token, &["--require", list]).ok(),
            line(&payload),
            "{list:?}"
        );
    }
    verify(&token, &["--require", "sub"]).fails_with(1, "\"sub\"");
    // An empty name is the core's to refuse; the CLI says which option it came from.
    for list in ["iss,,exp", ",", "exp, "] {
        let run = verify(&token, &["--require", list]);
        run.fails_with(2, "--require");
        run.fails_with(2, "[code 103 invalid_argument]");
    }

    // --require '' still checks what is present. (Without ZOOM_API_KEY: no issuer check.)
    let verify = |token: &str, extra: &[&str]| {
        jwtmint(["verify", token, "--now", NOW_ARG])
            .args(extra)
            .env("ZOOM_API_SECRET", SECRET)
            .run()
    };
    let expired = sign(
        SECRET.as_bytes(),
        HEADER,
        &format!(r#"{{"exp":{}}}"#, NOW - 1000),
    );
    verify(&expired, &["--require", ""]).fails_with(1, "[code 500 expired]");
    // And a token with no claims at all passes only with --require ''.
    let empty = sign(SECRET.as_bytes(), HEADER, "{}");
    verify(&empty, &[]).fails(1);
    assert_eq!(verify(&empty, &["--require", ""]).ok(), "{}\n");
}

#[test]
fn without_now_the_clock_is_used() {
    // Minted at the real time by an independent signer: valid now.
    let t = unix_now();
    let fresh = zoom_token(SECRET.as_bytes(), KEY, t - 30, t + 3570);
    jwtmint(["verify", &fresh]).creds().run().ok();
    // The fixed-time token of these tests expired long ago.
    let run = jwtmint(["verify", &default_token()]).creds().run();
    run.fails_with(1, "[code 500 expired]");
}

#[test]
fn negative_now_is_accepted() {
    let token = zoom_token(SECRET.as_bytes(), KEY, -100, 100);
    let run = jwtmint(["verify", &token, "--now", "-50"]).creds().run();
    assert_eq!(run.ok(), line(&zoom_payload(KEY, -100, 100)));
}
