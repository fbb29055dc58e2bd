//! `jwtmint meetingsdk` and `jwtmint meetingsdk verify`: tokens compared with ones signed
//! independently (the `hmac` crate) over payloads written out by hand in the member order of
//! Zoom's meetingsdk-auth-endpoint-sample; every flag; every refusal with its exit code; the
//! shared vectors.

mod common;

use common::*;
use serde_json::Value;

/// `meetingsdk ARGS --now NOW` with the Meeting SDK credentials in the environment.
fn meetingsdk(args: &[&str]) -> Run {
    jwtmint(["meetingsdk"])
        .args(args)
        .args(["--now", NOW_ARG])
        .meeting_creds()
        .run()
}

/// The token over `payload`, signed with the test secret, and a newline.
fn token_line(payload: &str) -> String {
    line(&sign(MEETING_SECRET.as_bytes(), HEADER, payload))
}

/// `{"appKey":K,"sdkKey":K,MIDDLE"iat":..,"exp":..,"tokenExp":..TAIL}` for the test key.
fn payload(middle: &str, iat: i64, ttl: i64, tail: &str) -> String {
    let exp = iat + ttl;
    format!(
        r#"{{"appKey":"{MEETING_KEY}","sdkKey":"{MEETING_KEY}",{middle}"iat":{iat},"exp":{exp},"tokenExp":{exp}{tail}}}"#
    )
}

#[test]
fn mints_the_samples_claims_in_the_samples_order() {
    let native = meetingsdk(&[]);
    assert_eq!(native.ok(), token_line(&payload("", NOW - 30, 7200, "")));
    assert_eq!(native.stderr, "");
    for (args, expected) in [
        (
            vec!["--mn", "85746065432", "--role", "0", "--skew", "0"],
            payload(r#""mn":"85746065432","role":0,"#, NOW, 7200, ""),
        ),
        (
            vec![
                "--video-webrtc-mode",
                "1",
                "--role",
                "1",
                "--mn",
                "9",
                "--ttl",
                "1800",
            ],
            payload(
                r#""mn":"9","role":1,"#,
                NOW - 30,
                1800,
                r#","video_webrtc_mode":1"#,
            ),
        ),
        (
            vec!["--ttl", "172800", "--skew", "0", "--video-webrtc-mode", "0"],
            payload("", NOW, 172_800, r#","video_webrtc_mode":0"#),
        ),
        (
            vec!["--role", "host", "--mn", "1"],
            payload(r#""mn":"1","role":1,"#, NOW - 30, 7200, ""),
        ),
    ] {
        assert_eq!(meetingsdk(&args).ok(), token_line(&expected), "{args:?}");
    }
    // --sdk-key wins over the environment.
    let other = jwtmint(["meetingsdk", "--sdk-key", "other", "--skew", "0"])
        .now(NOW)
        .meeting_creds()
        .run();
    assert_eq!(
        other.ok(),
        line(&sign(
            MEETING_SECRET.as_bytes(),
            HEADER,
            &format!(
                r#"{{"appKey":"other","sdkKey":"other","iat":{NOW},"exp":{0},"tokenExp":{0}}}"#,
                NOW + 7200
            )
        ))
    );
}

#[test]
fn bad_values_exit_2_with_nothing_on_stdout() {
    for (args, needle) in [
        (vec!["--mn", "123"], "--role"),
        (vec!["--role", "1"], "--mn"),
        (vec!["--mn", "12a", "--role", "1"], "code 640"),
        (vec!["--mn", "", "--role", "1"], "code 640"),
        (vec!["--mn", "1", "--role", "2"], "--role"),
        (vec!["--ttl", "1799"], "code 641"),
        (vec!["--ttl", "172801"], "code 641"),
        (vec!["--skew", "7200"], "skew"),
        (vec!["--video-webrtc-mode", "2"], "0 or 1"),
        (vec!["--now", "x"], "--now"),
    ] {
        let run = meetingsdk(&args);
        run.fails_with(2, needle);
        assert!(run.stdout.is_empty(), "{args:?}");
    }
    // Without a key or a secret.
    for (set, missing) in [
        (
            ("ZOOM_MEETING_SDK_SECRET", MEETING_SECRET),
            "ZOOM_MEETING_SDK_KEY",
        ),
        (
            ("ZOOM_MEETING_SDK_KEY", MEETING_KEY),
            "ZOOM_MEETING_SDK_SECRET",
        ),
    ] {
        jwtmint(["meetingsdk"])
            .envs(&[set])
            .run()
            .fails_with(2, missing);
    }
}

fn verify(token: &str, extra: &[&str]) -> Run {
    jwtmint(["meetingsdk", "verify", token])
        .args(extra)
        .args(["--now", NOW_ARG])
        .meeting_creds()
        .run()
}

#[test]
fn verify_accepts_zooms_documented_shapes_and_prints_the_payload() {
    for p in [
        payload(r#""mn":"85746065432","role":0,"#, NOW, 7200, ""),
        format!(
            r#"{{"sdkKey":"k","mn":123,"iat":{NOW},"exp":{0},"tokenExp":{0}}}"#,
            NOW + 1800
        ),
        format!(
            r#"{{"appKey":"k","iat":{NOW},"exp":{},"tokenExp":{}}}"#,
            NOW + 172_800,
            NOW + 1800
        ),
    ] {
        let token = sign(MEETING_SECRET.as_bytes(), HEADER, &p);
        assert_eq!(verify(&token, &[]).ok(), line(&p));
    }
}

#[test]
fn verify_rejects_with_exit_1() {
    let t = |p: &str| sign(MEETING_SECRET.as_bytes(), HEADER, p);
    let times = |exp: i64, token_exp: i64| {
        format!(
            r#""iat":{NOW},"exp":{},"tokenExp":{}"#,
            NOW + exp,
            NOW + token_exp
        )
    };
    for (token, needle) in [
        (
            sign(
                b"another-secret-of-at-least-32-bytes!",
                HEADER,
                &payload("", NOW, 7200, ""),
            ),
            "code 400",
        ),
        (t(&payload("", NOW - 7200 - 61, 7200, "")), "code 500"),
        // tokenExp passed while exp has not.
        (
            t(&format!(
                r#"{{"sdkKey":"k","iat":{},"exp":{},"tokenExp":{}}}"#,
                NOW - 1900,
                NOW + 5300,
                NOW - 100
            )),
            "code 500",
        ),
        (
            t(&format!(r#"{{"sdkKey":"k","exp":{}}}"#, NOW + 7200)),
            "code 503",
        ),
        (
            t(&format!(
                r#"{{"sdkKey":"k","iat":{NOW},"tokenExp":{}}}"#,
                NOW + 7200
            )),
            "code 503",
        ),
        (
            t(&format!(
                r#"{{"sdkKey":"k","iat":{NOW},"exp":{}}}"#,
                NOW + 7200
            )),
            "\"tokenExp\"",
        ),
        (t(&format!(r#"{{{}}}"#, times(7200, 7200))), "code 640"),
        (
            t(&format!(
                r#"{{"sdkKey":"k","role":2,{}}}"#,
                times(7200, 7200)
            )),
            "code 640",
        ),
        (
            t(&format!(r#"{{"sdkKey":"k",{}}}"#, times(1799, 7200))),
            "code 641",
        ),
        (
            t(&format!(r#"{{"sdkKey":"k",{}}}"#, times(7200, 172_801))),
            "code 641",
        ),
    ] {
        let run = verify(&token, &[]);
        run.fails_with(1, needle);
        assert!(run.stdout.is_empty());
    }
    let good = t(&payload("", NOW, 7200, ""));
    verify(&good, &["--sdk-key", "someone-else"]).fails_with(1, "code 642");
    assert!(verify(&good, &["--sdk-key", MEETING_KEY]).code == 0);
}

#[test]
fn the_cli_mints_and_verifies_the_shared_vectors() {
    let path = format!(
        "{}/../tests/vectors/meeting_sdk.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let cases = doc["cases"].as_array().unwrap();
    assert!(cases.len() >= 6);
    for case in cases {
        let s = |f: &str| case[f].as_str().unwrap().to_owned();
        let n = |f: &str| case[f].as_i64().unwrap().to_string();
        let mut args = vec![
            "meetingsdk".to_owned(),
            "--sdk-key".into(),
            s("sdk_key"),
            "--skew".into(),
            n("skew"),
            "--ttl".into(),
            n("ttl"),
            "--secret-encoding".into(),
            s("secret_encoding"),
        ];
        if case["mn"].is_string() {
            args.extend(["--mn".into(), s("mn"), "--role".into(), n("role")]);
        }
        if case["video_webrtc_mode"].is_number() {
            args.extend(["--video-webrtc-mode".into(), n("video_webrtc_mode")]);
        }
        let env = |cli: Cli| {
            cli.env("ZOOM_MEETING_SDK_SECRET", s("secret"))
                .now(case["now"].as_i64().unwrap())
        };
        assert_eq!(
            env(jwtmint(&args)).run().ok(),
            line(&s("token")),
            "{}",
            s("name")
        );
        let verified = env(jwtmint(["meetingsdk", "verify", &s("token")]))
            .args(["--secret-encoding", &s("secret_encoding")])
            .run();
        assert_eq!(verified.ok(), line(&s("payload_json")), "{}", s("name"));
    }
}
