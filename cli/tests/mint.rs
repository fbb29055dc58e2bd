//! `jwtmint mint`: tokens checked against an independent HS256.

mod common;

use common::*;

/// `mint --now NOW EXTRA` with the test credentials.
fn mint(extra: &[&str]) -> Run {
    jwtmint(["mint", "--now", NOW_ARG])
        .args(extra)
        .creds()
        .run()
}

/// The token line for `key` at iat..exp under the test secret.
fn token_line(key: &str, iat: i64, exp: i64) -> String {
    line(&zoom_token(SECRET.as_bytes(), key, iat, exp))
}

#[test]
fn prints_the_zoom_token_and_a_newline() {
    let run = mint(&[]);
    assert_eq!(run.ok(), line(&default_token()));
    assert_eq!(run.stderr, "");
}

#[test]
fn key_flag_or_zoom_api_key() {
    let run = mint(&["--key", "other-key"]);
    assert_eq!(run.ok(), token_line("other-key", NOW - 30, NOW + 3570));
    let run = jwtmint(["mint", "--now", NOW_ARG])
        .env("ZOOM_API_KEY", "env-key")
        .env("ZOOM_API_SECRET", SECRET)
        .run();
    assert_eq!(run.ok(), token_line("env-key", NOW - 30, NOW + 3570));
}

#[test]
fn missing_key_is_a_usage_error_that_says_how_to_give_one() {
    let run = jwtmint(["mint", "--now", NOW_ARG])
        .env("ZOOM_API_SECRET", SECRET)
        .run();
    run.fails_with(2, "--key");
    run.fails_with(2, "ZOOM_API_KEY");

    // An empty variable is no key either.
    let run = jwtmint(["mint"])
        .env("ZOOM_API_KEY", "")
        .env("ZOOM_API_SECRET", SECRET)
        .run();
    run.fails_with(2, "no API key");

    // Neither is an empty flag (the core's message).
    mint(&["--key", ""]).fails_with(2, "api key");
}

#[test]
fn ttl_and_skew_set_iat_and_exp() {
    for (extra, iat, exp) in [
        (&["--ttl", "600", "--skew", "0"][..], NOW, NOW + 600),
        (&["--skew", "100"], NOW - 100, NOW - 100 + 3600),
    ] {
        let run = mint(extra);
        assert_eq!(run.ok(), token_line(KEY, iat, exp), "{extra:?}");
        assert_eq!(run.stderr, "");
    }
}

#[test]
fn ttl_zero_is_a_usage_error() {
    let run = jwtmint(["mint", "--ttl", "0"]).creds().run();
    let err = run.fails(2);
    assert!(err.contains("ttl") && err.contains("[code 103"), "{err}");
}

#[test]
fn ttl_over_an_hour_works_with_a_warning() {
    let run = jwtmint(["mint", "--ttl", "7200", "--now", NOW_ARG])
        .creds()
        .run();
    let expected = zoom_token(SECRET.as_bytes(), KEY, NOW - 30, NOW - 30 + 7200);
    assert_eq!(run.ok(), format!("{expected}\n"));
    assert!(run.stderr.starts_with("warning: "), "{}", run.stderr);
    assert!(
        run.stderr.contains("7200") && run.stderr.contains("3600"),
        "{}",
        run.stderr
    );

    // Exactly the suggested maximum: no warning.
    let run = jwtmint(["mint", "--ttl", "3600"]).creds().run();
    run.ok();
    assert_eq!(run.stderr, "");
}

#[test]
fn bad_numbers_are_usage_errors() {
    for args in [
        &["mint", "--ttl", "-1"][..],
        &["mint", "--ttl", "abc"],
        &["mint", "--skew", "1.5"],
        &["mint", "--now", "soon"],
        &["mint", "--now", "99999999999999999999"],
    ] {
        let run = jwtmint(args).creds().run();
        run.fails(2);
    }
}

#[test]
fn now_may_be_negative() {
    let run = jwtmint(["mint", "--now", "-5", "--skew", "0", "--ttl", "10"])
        .creds()
        .run();
    let expected = zoom_token(SECRET.as_bytes(), KEY, -5, 5);
    assert_eq!(run.ok(), format!("{expected}\n"));
}

#[test]
fn time_overflow_is_a_usage_error() {
    let run = jwtmint(["mint", "--now", &i64::MAX.to_string()])
        .creds()
        .run();
    assert!(run.fails(2).contains("[code 104 time_overflow]"));
}

#[test]
fn without_now_the_token_uses_the_clock() {
    let before = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let token = jwtmint(["mint"]).creds().run().ok();
    let after = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let token = token.trim_end_matches('\n');
    let matches =
        (before..=after).any(|t| token == zoom_token(SECRET.as_bytes(), KEY, t - 30, t + 3570));
    assert!(
        matches,
        "{token} is not a token minted between {before} and {after}"
    );
}

#[test]
fn claims_are_json_and_keep_command_line_order() {
    let run = jwtmint([
        "mint",
        "--now",
        NOW_ARG,
        "--claim",
        "role=1",
        "--claim",
        r#"name="x""#,
        "--claim",
        r#"a={"b":[true,null]}"#,
        "--claim",
        "eq=\"a=b\"",
    ])
    .creds()
    .run();
    let payload = format!(
        r#"{{"iss":"{KEY}","iat":{},"exp":{},"role":1,"name":"x","a":{{"b":[true,null]}},"eq":"a=b"}}"#,
        NOW - 30,
        NOW + 3570
    );
    assert_eq!(
        run.ok(),
        format!("{}\n", sign(SECRET.as_bytes(), HEADER, &payload))
    );
}

#[test]
fn a_claim_value_that_is_not_json_is_a_usage_error_that_says_so() {
    let run = jwtmint(["mint", "--claim", "name=admin"]).creds().run();
    let err = run.fails(2);
    assert!(err.contains("not JSON") && err.contains("name"), "{err}");

    for bad in ["role", "=1", "n=", "n={", "n=1 2"] {
        let run = jwtmint(["mint", "--claim", bad]).creds().run();
        assert!(run.fails(2).contains("--claim"), "{bad}: {}", run.stderr);
    }
}

#[test]
fn repeating_a_registered_claim_is_refused() {
    for claim in ["iss=\"x\"", "iat=1", "exp=2"] {
        let run = jwtmint(["mint", "--claim", claim]).creds().run();
        let err = run.fails(2);
        let name = claim.split('=').next().unwrap();
        assert!(
            err.contains("duplicate_member") && err.contains(&format!("\"{name}\"")),
            "{claim}: {err}"
        );
    }
    let run = jwtmint(["mint", "--claim", "a=1", "--claim", "a=2"])
        .creds()
        .run();
    assert!(run.fails(2).contains("duplicate_member"));
}

#[test]
fn a_malformed_registered_claim_is_refused() {
    // The core checks minted claims as the verifier would: nbf must be a number.
    let run = jwtmint(["mint", "--claim", "nbf=\"tomorrow\""])
        .creds()
        .run();
    assert!(run.fails(2).contains("malformed_claim"), "{}", run.stderr);
}

#[test]
fn there_is_no_secret_value_flag() {
    let run = jwtmint(["mint", "--secret", SECRET])
        .env("ZOOM_API_KEY", KEY)
        .run();
    run.fails(2);
    assert!(run.stderr.contains("--secret"));
}

#[test]
fn minted_tokens_pass_verify() {
    let token = jwtmint(["mint", "--claim", "role=1"]).creds().run().ok();
    let payload = jwtmint(["verify"]).creds().stdin(token).run().ok();
    assert!(payload.contains(r#""role":1}"#), "{payload}");
}
