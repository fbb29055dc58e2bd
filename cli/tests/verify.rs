//! `jwtmint verify`: tokens signed independently; exit 0 with the payload, or exit 1 with
//! `error: <reason> [code N name]`.

mod common;

use common::*;

fn now_arg() -> String {
    NOW.to_string()
}

/// `verify TOKEN --now NOW` with the test credentials.
fn verify(token: &str, extra: &[&str]) -> Run {
    let now = now_arg();
    let mut args = vec!["verify", token, "--now", &now];
    args.extend_from_slice(extra);
    jwtmint(args).creds().run()
}

fn payload_line() -> String {
    format!("{}\n", zoom_payload(KEY, NOW - 30, NOW + 3570))
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
    assert_eq!(verify(&token, &[]).ok(), format!("{payload}\n"));
}

#[test]
fn reads_the_token_from_stdin() {
    let token = default_token();
    for (args, input) in [
        (vec!["verify"], format!("{token}\n")),
        (vec!["verify", "-"], format!("{token}\n")),
        (vec!["verify", "-"], format!("{token}\r\n")),
        (vec!["verify"], token.clone()),
    ] {
        let now = now_arg();
        let mut args = args.clone();
        args.extend(["--now", &now]);
        let run = jwtmint(args).creds().stdin(input.clone()).run();
        assert_eq!(run.ok(), payload_line(), "{input:?}");
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
        let run = jwtmint(["verify", "--now", &now_arg()])
            .creds()
            .stdin(input.clone())
            .run();
        run.fails(1);
        assert!(run.stderr.contains("[code "), "{input:?}: {}", run.stderr);
    }
    // Nothing at all on stdin: say so.
    let run = jwtmint(["verify"]).creds().run();
    assert!(
        run.fails(1).contains("standard input was empty"),
        "{}",
        run.stderr
    );
    // An argument is taken as given: no newline is stripped from it.
    verify(&format!("{token}\n"), &[]).fails(1);
}

#[test]
fn expired_token_is_rejected_with_the_code() {
    // exp = NOW + 3570; with the default leeway of 60 s it is still good until exp + 59.
    let exp = NOW + 3570;
    let now = exp + 60;
    let run = jwtmint(["verify", &default_token(), "--now", &now.to_string()])
        .creds()
        .run();
    let err = run.fails(1);
    assert_eq!(
        err,
        format!("error: the token expired (exp {exp}, now {now}) [code 500 expired]\n")
    );
}

#[test]
fn leeway_applies_to_exp_and_iat() {
    let token = default_token();
    let exp = NOW + 3570;
    let at = |now: i64, leeway: &str| {
        jwtmint([
            "verify",
            &token,
            "--now",
            &now.to_string(),
            "--leeway",
            leeway,
        ])
        .creds()
        .run()
    };
    assert_eq!(at(exp + 59, "60").ok(), payload_line());
    assert!(at(exp + 60, "60").fails(1).contains("[code 500 expired]"));
    assert_eq!(at(exp - 1, "0").ok(), payload_line());
    at(exp, "0").fails(1);
    assert_eq!(at(exp + 999, "1000").ok(), payload_line());

    // iat = NOW - 30: issued in the future before that, beyond the leeway.
    let iat = NOW - 30;
    assert_eq!(at(iat, "0").ok(), payload_line());
    assert!(at(iat - 1, "0")
        .fails(1)
        .contains("[code 502 issued_in_future]"));
    assert_eq!(at(iat - 60, "60").ok(), payload_line());
}

#[test]
fn tampered_token_is_rejected() {
    let token = default_token();
    let parts: Vec<&str> = token.split('.').collect();
    // Another payload under the original signature.
    let forged_payload = b64(zoom_payload("attacker", NOW - 30, NOW + 3570).as_bytes());
    let forged = format!("{}.{}.{}", parts[0], forged_payload, parts[2]);
    let run = jwtmint(["verify", &forged, "--now", &now_arg()])
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
fn wrong_secret_is_rejected() {
    let token = zoom_token(
        b"another-secret-0123456789abcdef0123456789",
        KEY,
        NOW - 30,
        NOW + 3570,
    );
    assert!(verify(&token, &[])
        .fails(1)
        .contains("[code 400 invalid_signature]"));
}

#[test]
fn algorithm_is_decided_by_the_key() {
    let none = format!(
        "{}.{}.",
        b64(br#"{"alg":"none","typ":"JWT"}"#),
        b64(zoom_payload(KEY, NOW - 30, NOW + 3570).as_bytes())
    );
    verify(&none, &[]).fails(1);
    let hs512 = sign(
        SECRET.as_bytes(),
        r#"{"alg":"HS512","typ":"JWT"}"#,
        &zoom_payload(KEY, NOW - 30, NOW + 3570),
    );
    assert!(verify(&hs512, &[])
        .fails(1)
        .contains("[code 301 unsupported_algorithm]"));
}

#[test]
fn malformed_tokens_are_rejected() {
    for (token, code) in [
        ("abc", "[code 201 segment_count]"),
        ("a.b", "[code 201 segment_count]"),
        (".b.c", "[code 202 empty_segment]"),
        ("a*.b.c", "[code 203 invalid_base64]"),
    ] {
        let run = verify(token, &[]);
        assert!(run.fails(1).contains(code), "{token}: {}", run.stderr);
    }
}

#[cfg(unix)]
#[test]
fn a_non_utf8_argument_is_a_rejection_not_a_crash() {
    use std::os::unix::ffi::OsStrExt;
    let arg = std::ffi::OsStr::from_bytes(b"\xff\xfe.a.b");
    let run = jwtmint([
        std::ffi::OsStr::new("verify"),
        arg,
        std::ffi::OsStr::new("--now"),
        std::ffi::OsStr::new("1"),
    ])
    .creds()
    .run();
    run.fails(1);
}

#[test]
fn issuer_is_checked_against_iss_flag() {
    let token = default_token();
    assert_eq!(verify(&token, &["--iss", KEY]).ok(), payload_line());
    let err = verify(&token, &["--iss", "someone-else"])
        .fails(1)
        .to_owned();
    assert!(
        err.contains("[code 505 issuer_mismatch]") && err.contains("someone-else"),
        "{err}"
    );
    assert!(verify(&token, &["--iss", ""]).fails(2).contains("--iss"));
}

#[test]
fn issuer_defaults_to_zoom_api_key_when_set() {
    let token = default_token();
    let now = now_arg();
    // ZOOM_API_KEY of another app: rejected, with a hint where the expectation came from.
    let run = jwtmint(["verify", &token, "--now", &now])
        .env("ZOOM_API_SECRET", SECRET)
        .env("ZOOM_API_KEY", "another-app")
        .run();
    let err = run.fails(1);
    assert!(
        err.contains("[code 505 issuer_mismatch]") && err.contains("ZOOM_API_KEY"),
        "{err}"
    );
    // --iss overrides it.
    let run = jwtmint(["verify", &token, "--now", &now, "--iss", KEY])
        .env("ZOOM_API_SECRET", SECRET)
        .env("ZOOM_API_KEY", "another-app")
        .run();
    assert_eq!(run.ok(), payload_line());
    // Unset (or empty): no issuer check.
    let other = zoom_token(SECRET.as_bytes(), "anyone", NOW - 30, NOW + 3570);
    for key in [None, Some("")] {
        let mut cmd = jwtmint(["verify", &other, "--now", &now]).env("ZOOM_API_SECRET", SECRET);
        if let Some(k) = key {
            cmd = cmd.env("ZOOM_API_KEY", k);
        }
        assert_eq!(
            cmd.run().ok(),
            format!("{}\n", zoom_payload("anyone", NOW - 30, NOW + 3570))
        );
    }
}

#[test]
fn required_claims() {
    // Signed independently without iat.
    let payload = format!(r#"{{"iss":"{KEY}","exp":{}}}"#, NOW + 100);
    let token = sign(SECRET.as_bytes(), HEADER, &payload);
    let err = verify(&token, &[]).fails(1).to_owned();
    assert!(
        err.contains("\"iat\"") && err.contains("[code 503 missing_claim]"),
        "{err}"
    );
    assert_eq!(
        verify(&token, &["--require", ""]).ok(),
        format!("{payload}\n")
    );
    assert_eq!(
        verify(&token, &["--require", "iss,exp"]).ok(),
        format!("{payload}\n")
    );
    assert_eq!(
        verify(&token, &["--require", " exp , iss "]).ok(),
        format!("{payload}\n")
    );
    assert!(verify(&token, &["--require", "sub"])
        .fails(1)
        .contains("\"sub\""));
    verify(&token, &["--require", "iss,,exp"]).fails(2);

    // --require '' still checks what is present. (Without ZOOM_API_KEY: no issuer check.)
    let verify = |token: &str, extra: &[&str]| {
        let now = now_arg();
        let mut args = vec!["verify", token, "--now", &now];
        args.extend_from_slice(extra);
        jwtmint(args).env("ZOOM_API_SECRET", SECRET).run()
    };
    let expired = sign(
        SECRET.as_bytes(),
        HEADER,
        &format!(r#"{{"exp":{}}}"#, NOW - 1000),
    );
    assert!(verify(&expired, &["--require", ""])
        .fails(1)
        .contains("[code 500 expired]"));
    // And a token with no claims at all passes only with --require ''.
    let empty = sign(SECRET.as_bytes(), HEADER, "{}");
    verify(&empty, &[]).fails(1);
    assert_eq!(verify(&empty, &["--require", ""]).ok(), "{}\n");
}

#[test]
fn max_len_limits_the_token() {
    let token = default_token();
    let len = token.len().to_string();
    let shorter = (token.len() - 1).to_string();
    assert_eq!(verify(&token, &["--max-len", &len]).ok(), payload_line());
    let err = verify(&token, &["--max-len", &shorter]).fails(1).to_owned();
    assert!(
        err.contains(&format!(
            "the token is {len} bytes, over the limit of {shorter}"
        )) && err.contains("[code 200 too_long]"),
        "{err}"
    );
    // From stdin the trailing newline does not count against the limit.
    let run = jwtmint(["verify", "--now", &now_arg(), "--max-len", &len])
        .creds()
        .stdin(format!("{token}\r\n"))
        .run();
    assert_eq!(run.ok(), payload_line());
}

#[test]
fn endless_stdin_is_rejected_without_reading_it_all() {
    let run = jwtmint(["verify", "--now", &now_arg()])
        .creds()
        .stdin(vec![b'a'; 4 << 20])
        .run();
    let err = run.fails(1);
    assert!(
        err.contains("longer than the limit of 8192 bytes") && err.contains("[code 200 too_long]"),
        "{err}"
    );
}

#[test]
fn token_and_secret_cannot_both_come_from_stdin() {
    for args in [&["verify"][..], &["verify", "-"]] {
        let mut args = args.to_vec();
        args.extend(["--secret-file", "-"]);
        let run = jwtmint(args).stdin(format!("{SECRET}\n")).run();
        assert!(run.fails(2).contains("standard input"));
    }
}

#[test]
fn without_now_the_clock_is_used() {
    // Minted at the real time by an independent signer: valid now.
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let fresh = zoom_token(SECRET.as_bytes(), KEY, t - 30, t + 3570);
    jwtmint(["verify", &fresh]).creds().run().ok();
    // The fixed-time token of these tests expired long ago.
    assert!(jwtmint(["verify", &default_token()])
        .creds()
        .run()
        .fails(1)
        .contains("[code 500 expired]"));
}

#[test]
fn negative_now_is_accepted() {
    let token = zoom_token(SECRET.as_bytes(), KEY, -100, 100);
    let run = jwtmint(["verify", &token, "--now", "-50"]).creds().run();
    assert_eq!(run.ok(), format!("{}\n", zoom_payload(KEY, -100, 100)));
}
