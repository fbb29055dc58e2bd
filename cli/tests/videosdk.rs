//! `jwtmint videosdk`: tokens compared with ones signed independently (the `hmac` crate) over
//! payloads written out by hand in the member order of Zoom's auth endpoint sample; every
//! flag; every refusal with its code. `videosdk verify` is in videosdk_verify.rs, the secret
//! options in secret.rs.

mod common;

use common::*;

/// `videosdk ARGS --now NOW` with the Video SDK credentials in the environment.
fn videosdk(args: &[&str]) -> Cli {
    jwtmint(["videosdk"])
        .args(args)
        .args(["--now", NOW_ARG])
        .sdk_creds()
}

/// `videosdk --tpc room --role host EXTRA`.
fn room_host(extra: &[&str]) -> Run {
    videosdk(&["--tpc", "room", "--role", "host"])
        .args(extra)
        .run()
}

fn token_line(payload: &str) -> String {
    line(&sdk_token(SDK_SECRET.as_bytes(), payload))
}

#[test]
fn mints_the_required_claims_in_zooms_order() {
    let run = room_host(&[]);
    assert_eq!(run.ok(), token_line(&default_sdk_payload(1, "")));
    assert_eq!(run.stderr, "");
}

#[test]
fn roles_by_name_and_number() {
    for (role, value) in [("host", 1), ("1", 1), ("participant", 0), ("0", 0)] {
        let run = videosdk(&["--tpc", "room", "--role", role]).run();
        assert_eq!(
            run.ok(),
            token_line(&default_sdk_payload(value, "")),
            "{role}"
        );
    }
}

#[test]
fn every_optional_claim_in_zooms_order() {
    // Given in the reverse of the token's order: the order is the sample's, not the flags'.
    let run = videosdk(&[
        "--audio-webrtc-mode",
        "0",
        "--video-webrtc-mode",
        "1",
        "--telemetry-tracking-id",
        "tt-1",
        "--cloud-recording-election",
        "1",
        "--cloud-recording-option",
        "0",
        "--geo-regions",
        "SG,US,DE",
        "--session-key",
        "sk-1",
        "--user-identity",
        "user-42",
        "--tpc",
        "room",
        "--role",
        "participant",
    ])
    .run();
    let extra = concat!(
        r#","user_identity":"user-42","session_key":"sk-1","geo_regions":"SG,US,DE","#,
        r#""cloud_recording_option":0,"cloud_recording_election":1,"#,
        r#""telemetry_tracking_id":"tt-1","video_webrtc_mode":1,"audio_webrtc_mode":0"#
    );
    assert_eq!(run.ok(), token_line(&default_sdk_payload(0, extra)));
}

#[test]
fn each_flag_alone() {
    for (flag, value, extra) in [
        ("--user-identity", "u", r#","user_identity":"u""#),
        ("--session-key", "s", r#","session_key":"s""#),
        ("--geo-regions", "JP", r#","geo_regions":"JP""#),
        (
            "--cloud-recording-option",
            "1",
            r#","cloud_recording_option":1"#,
        ),
        (
            "--cloud-recording-election",
            "0",
            r#","cloud_recording_election":0"#,
        ),
        (
            "--telemetry-tracking-id",
            "t",
            r#","telemetry_tracking_id":"t""#,
        ),
        ("--video-webrtc-mode", "0", r#","video_webrtc_mode":0"#),
        ("--audio-webrtc-mode", "1", r#","audio_webrtc_mode":1"#),
        // Empty optional text is Zoom's to judge; the core lets it through as "".
        ("--user-identity", "", r#","user_identity":"""#),
    ] {
        let run = room_host(&[flag, value]);
        assert_eq!(
            run.ok(),
            token_line(&default_sdk_payload(1, extra)),
            "{flag}"
        );
    }
}

#[test]
fn text_is_escaped_as_json_and_counted_in_utf16_and_times_follow_ttl_and_skew() {
    // 200 "é" are 200 UTF-16 code units (400 UTF-8 bytes): allowed.
    let tpc = "é".repeat(200);
    let cases = [
        (
            vec!["--tpc", &tpc],
            sdk_payload(1, &tpc, NOW - 30, NOW + 7170, ""),
        ),
        // A quote and a backslash are escaped.
        (
            vec!["--tpc", r#"a"b\c"#],
            sdk_payload(1, r#"a\"b\\c"#, NOW - 30, NOW + 7170, ""),
        ),
        (
            vec!["--tpc", "room", "--ttl", "1800", "--skew", "0"],
            sdk_payload(1, "room", NOW, NOW + 1800, ""),
        ),
        (
            vec!["--tpc", "room", "--ttl", "172800"],
            sdk_payload(1, "room", NOW - 30, NOW - 30 + 172_800, ""),
        ),
    ];
    for (args, payload) in cases {
        let run = videosdk(&args).args(["--role", "host"]).run();
        assert_eq!(run.ok(), token_line(&payload), "{args:?}");
    }
}

#[test]
fn now_defaults_to_the_clock() {
    let before = unix_now();
    let run = jwtmint(["videosdk", "--tpc", "room", "--role", "host"])
        .sdk_creds()
        .run();
    let token = run.ok();
    let payload = String::from_utf8(unb64(token.trim_end().split('.').nth(1).unwrap())).unwrap();
    let v: serde_json::Value = serde_json::from_str(&payload).unwrap();
    let iat = v["iat"].as_i64().unwrap();
    assert!(
        (before - 30..=before - 30 + 120).contains(&iat),
        "{payload}"
    );
    assert_eq!(v["exp"].as_i64().unwrap(), iat + 7200);
}

#[test]
fn key_from_the_flag_or_the_environment() {
    let run = room_host(&["--key", "other-key"]);
    let expected = default_sdk_payload(1, "").replace(SDK_KEY, "other-key");
    assert_eq!(run.ok(), token_line(&expected));

    // No key at all; and an empty variable counts as none. The API key is not a fallback.
    for env in [None, Some("")] {
        let mut cli = jwtmint(["videosdk", "--tpc", "r", "--role", "host", "--now", NOW_ARG])
            .env("ZOOM_VIDEO_SDK_SECRET", SDK_SECRET)
            .env("ZOOM_API_KEY", KEY);
        if let Some(v) = env {
            cli = cli.env("ZOOM_VIDEO_SDK_KEY", v);
        }
        let run = cli.run();
        for needle in ["no Video SDK key", "--key", "ZOOM_VIDEO_SDK_KEY"] {
            run.fails_with(2, needle);
        }
    }
}

#[test]
fn values_zoom_refuses_exit_2_with_the_core_code() {
    let long_id = "u".repeat(36);
    let long_key = "k".repeat(37);
    let geo = "[code 602 unknown_geo_region]";
    for (extra, needle) in [
        (&["--ttl", "1799"][..], "lives 1799 s (exp - iat); Zoom accepts 1800 to 172800 s [code 604 lifetime_out_of_range]"),
        (&["--ttl", "172801"], "[code 604 lifetime_out_of_range]"),
        (&["--ttl", "1800", "--skew", "1800"], "invalid skew: must be shorter than the ttl [code 103 invalid_argument]"),
        (&["--user-identity", &long_id], "\"user_identity\" is 36 UTF-16 code units long; Zoom allows 35 [code 601 field_too_long]"),
        (&["--session-key", &long_key], "\"session_key\" is 37 UTF-16 code units long; Zoom allows 36 [code 601 field_too_long]"),
        (&["--geo-regions", "US,XX"], "unknown Video SDK geo region \"XX\""),
        (&["--geo-regions", "us"], geo),
        (&["--geo-regions", "US, DE"], geo),
        (&["--geo-regions", "US,"], geo),
        (&["--geo-regions", ""], geo),
        (&["--geo-regions", "DE,US,DE"], "the Video SDK geo region DE is listed twice [code 603 duplicate_geo_region]"),
    ] {
        room_host(extra).fails_with(2, needle);
    }
    let long_tpc = "t".repeat(201);
    let astral_tpc = format!("{}\u{1F600}", "t".repeat(199)); // 200 characters, 201 units
    for (tpc, needle) in [
        (
            "",
            "the Video SDK field \"tpc\" is empty [code 600 empty_field]",
        ),
        (
            &long_tpc,
            "\"tpc\" is 201 UTF-16 code units long; Zoom allows 200 [code 601 field_too_long]",
        ),
        (&astral_tpc, "\"tpc\" is 201 UTF-16 code units long"),
    ] {
        videosdk(&["--tpc", tpc, "--role", "host"])
            .run()
            .fails_with(2, needle);
    }
    let run = jwtmint([
        "videosdk",
        "--tpc",
        "r",
        "--role",
        "host",
        "--now",
        "9223372036854775807",
    ])
    .sdk_creds()
    .run();
    run.fails_with(2, "[code 104 time_overflow]");
    let run = videosdk(&["--tpc", "room", "--role", "admin"]).run();
    run.fails_with(
        2,
        "invalid role: expected host, participant, 1 or 0 [code 103 invalid_argument]",
    );
    for flag in [
        "--cloud-recording-option",
        "--cloud-recording-election",
        "--video-webrtc-mode",
        "--audio-webrtc-mode",
    ] {
        for bad in ["2", "true", "01", ""] {
            room_host(&[flag, bad]).fails_with(2, "expected 0 or 1");
        }
    }
    for bad in ["--ttl=-1", "--ttl=x", "--ttl=1.5", "--skew=-5"] {
        room_host(&[bad]).fails_with(2, "invalid value");
    }
}

#[test]
fn a_refused_value_is_reported_before_a_missing_secret() {
    let run = jwtmint(["videosdk", "--tpc", "", "--role", "host", "--key", SDK_KEY])
        .now(NOW)
        .run();
    run.fails_with(2, "[code 600 empty_field]");
}

#[test]
fn tpc_and_role_are_required() {
    for args in [
        &["--tpc", "room"][..],
        &["--role", "host"],
        &["--key", SDK_KEY],
    ] {
        videosdk(args)
            .run()
            .fails_with(2, "required arguments were not provided");
    }
    // Nothing at all: the help, on standard error, exit 2.
    jwtmint(["videosdk"])
        .run()
        .shows_usage("Usage: jwtmint videosdk");
    // Minting flags do not mix with the verify subcommand.
    jwtmint(["videosdk", "verify", "--tpc", "room"])
        .run()
        .fails_with(2, "--tpc");
}

#[test]
fn user_key_is_written_after_user_identity_up_to_36_units() {
    let run = room_host(&["--user-key", &"k".repeat(36), "--user-identity", "legacy"]);
    let extra = format!(
        r#","user_identity":"legacy","user_key":"{}""#,
        "k".repeat(36)
    );
    assert_eq!(run.ok(), token_line(&default_sdk_payload(1, &extra)));
    let run = room_host(&["--user-key", &"k".repeat(37)]);
    run.fails_with(2, "[code 601 field_too_long]");
    assert!(run.stdout.is_empty());
}

#[test]
fn a_tpc_zoom_would_treat_differently_is_minted_with_warnings() {
    let run = videosdk(&["--tpc", "Café", "--role", "host"]).run();
    assert_eq!(
        run.ok(),
        token_line(&sdk_payload(1, "Café", NOW - 30, NOW - 30 + 7200, ""))
    );
    assert!(
        run.stderr.contains("warning: tpc has a character outside"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("warning: tpc has upper-case letters"),
        "{}",
        run.stderr
    );
    // A refused token gets no warning, only its error.
    let run = videosdk(&["--tpc", "Café", "--role", "host", "--ttl", "1"]).run();
    assert!(!run.fails(2).contains("warning"));
}
