//! `jwtmint videosdk` and `jwtmint videosdk verify`: tokens compared with ones signed
//! independently (the `hmac` crate) over payloads written out by hand in the member order of
//! Zoom's auth endpoint sample; every flag; every refusal with its code.

mod common;

use common::*;

const SDK_KEY: &str = "test-sdk-key";
/// 40 bytes, not the API secret of the other tests.
const SDK_SECRET: &str = "test-video-sdk-secret-0123456789abcdefgh";

/// `videosdk ARGS --now NOW` with the Video SDK credentials in the environment.
fn videosdk(args: &[&str]) -> Cli {
    let now = NOW.to_string();
    let mut all = vec!["videosdk"];
    all.extend_from_slice(args);
    all.extend(["--now", &now]);
    jwtmint(all)
        .env("ZOOM_VIDEO_SDK_KEY", SDK_KEY)
        .env("ZOOM_VIDEO_SDK_SECRET", SDK_SECRET)
}

/// The required claims for a role value and times, as Zoom's sample orders them.
fn payload(role: u8, tpc: &str, iat: i64, exp: i64, extra: &str) -> String {
    format!(
        r#"{{"app_key":"{SDK_KEY}","role_type":{role},"tpc":"{tpc}","version":1,"iat":{iat},"exp":{exp}{extra}}}"#
    )
}

/// The default token: skew 30 s, ttl 7200 s.
fn default_payload(role: u8, extra: &str) -> String {
    payload(role, "room", NOW - 30, NOW - 30 + 7200, extra)
}

fn token_line(payload: &str) -> String {
    format!("{}\n", sign(SDK_SECRET.as_bytes(), HEADER, payload))
}

#[test]
fn mints_the_required_claims_in_zooms_order() {
    let run = videosdk(&["--tpc", "room", "--role", "host"]).run();
    assert_eq!(run.ok(), token_line(&default_payload(1, "")));
    assert_eq!(run.stderr, "");
}

#[test]
fn roles_by_name_and_number() {
    for (role, value) in [("host", 1), ("1", 1), ("participant", 0), ("0", 0)] {
        let run = videosdk(&["--tpc", "room", "--role", role]).run();
        assert_eq!(run.ok(), token_line(&default_payload(value, "")), "{role}");
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
    assert_eq!(run.ok(), token_line(&default_payload(0, extra)));
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
        let run = videosdk(&["--tpc", "room", "--role", "host", flag, value]).run();
        assert_eq!(run.ok(), token_line(&default_payload(1, extra)), "{flag}");
    }
}

#[test]
fn non_ascii_text_is_escaped_as_json_and_counted_in_utf16() {
    // 200 "é" are 200 UTF-16 code units (400 UTF-8 bytes): allowed.
    let tpc = "é".repeat(200);
    let run = videosdk(&["--tpc", &tpc, "--role", "host"]).run();
    let expected = payload(1, &tpc, NOW - 30, NOW + 7170, "");
    assert_eq!(run.ok(), token_line(&expected));
    // A quote and a backslash are escaped.
    let run = videosdk(&["--tpc", r#"a"b\c"#, "--role", "host"]).run();
    let expected = payload(1, r#"a\"b\\c"#, NOW - 30, NOW + 7170, "");
    assert_eq!(run.ok(), token_line(&expected));
}

#[test]
fn ttl_and_skew() {
    let run = videosdk(&[
        "--tpc", "room", "--role", "host", "--ttl", "1800", "--skew", "0",
    ])
    .run();
    assert_eq!(
        run.ok(),
        token_line(&payload(1, "room", NOW, NOW + 1800, ""))
    );
    let run = videosdk(&["--tpc", "room", "--role", "host", "--ttl", "172800"]).run();
    assert_eq!(
        run.ok(),
        token_line(&payload(1, "room", NOW - 30, NOW - 30 + 172_800, ""))
    );
}

#[test]
fn now_defaults_to_the_clock() {
    let before = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let run = jwtmint(["videosdk", "--tpc", "room", "--role", "host"])
        .env("ZOOM_VIDEO_SDK_KEY", SDK_KEY)
        .env("ZOOM_VIDEO_SDK_SECRET", SDK_SECRET)
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
    let run = videosdk(&["--tpc", "room", "--role", "host", "--key", "other-key"]).run();
    let expected = default_payload(1, "").replace(SDK_KEY, "other-key");
    assert_eq!(run.ok(), token_line(&expected));

    // No key at all; and an empty variable counts as none. The API key is not a fallback.
    for env in [None, Some("")] {
        let now = NOW.to_string();
        let mut cli = jwtmint(["videosdk", "--tpc", "r", "--role", "host", "--now", &now])
            .env("ZOOM_VIDEO_SDK_SECRET", SDK_SECRET)
            .env("ZOOM_API_KEY", KEY);
        if let Some(v) = env {
            cli = cli.env("ZOOM_VIDEO_SDK_KEY", v);
        }
        let run = cli.run();
        let err = run.fails(2);
        assert!(
            err.contains("no Video SDK key")
                && err.contains("--key")
                && err.contains("ZOOM_VIDEO_SDK_KEY"),
            "{err}"
        );
    }
}

#[test]
fn secret_from_its_own_variable_file_or_stdin() {
    let now = NOW.to_string();
    let base = [
        "videosdk", "--tpc", "room", "--role", "host", "--now", &now, "--key", SDK_KEY,
    ];
    let expected = token_line(&default_payload(1, ""));

    // $ZOOM_API_SECRET is not the Video SDK secret.
    let run = jwtmint(base).env("ZOOM_API_SECRET", SECRET).run();
    let err = run.fails(2);
    assert!(
        err.contains("no Video SDK secret: $ZOOM_VIDEO_SDK_SECRET is not set")
            && err.contains("--secret-env")
            && err.contains("--secret-file"),
        "{err}"
    );

    let mut args = base.to_vec();
    args.extend(["--secret-env", "MY_SDK_SECRET"]);
    let run = jwtmint(&args).env("MY_SDK_SECRET", SDK_SECRET).run();
    assert_eq!(run.ok(), expected);

    let dir = TempDir::new();
    let path = dir.file("s", format!("{SDK_SECRET}\n"));
    let mut args = base.to_vec();
    args.extend(["--secret-file", path.to_str().unwrap()]);
    assert_eq!(jwtmint(&args).run().ok(), expected);

    let mut args = base.to_vec();
    args.extend(["--secret-file", "-"]);
    assert_eq!(jwtmint(&args).stdin(SDK_SECRET).run().ok(), expected);

    let run = jwtmint(base).env("ZOOM_VIDEO_SDK_SECRET", "").run();
    assert!(run
        .fails(2)
        .contains("the Video SDK secret from $ZOOM_VIDEO_SDK_SECRET is empty"));
}

#[test]
fn a_short_secret_is_refused_and_not_shown() {
    let short = "short-video-sdk-secret";
    let run = videosdk(&["--tpc", "room", "--role", "host"])
        .env("ZOOM_VIDEO_SDK_SECRET", short)
        .run();
    let err = run.fails(2);
    assert!(
        err.contains("[code 101 weak_secret]") && err.contains("$ZOOM_VIDEO_SDK_SECRET"),
        "{err}"
    );
    assert!(!err.contains(short), "{err}");
}

#[test]
fn secret_encodings_including_jsrsasign() {
    let bytes = SDK_SECRET.as_bytes();
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    for (encoding, text) in [
        ("hex", hex.clone()),
        ("base64url", b64(bytes)),
        ("jsrsasign", hex),
    ] {
        let run = videosdk(&[
            "--tpc",
            "room",
            "--role",
            "host",
            "--secret-encoding",
            encoding,
        ])
        .env("ZOOM_VIDEO_SDK_SECRET", &text)
        .run();
        assert_eq!(run.ok(), token_line(&default_payload(1, "")), "{encoding}");
    }
    // jsrsasign reads other text one byte per character (Latin-1 here), not as UTF-8.
    let text = "jsrsasign-ÿé-secret-of-node-sample-0123456789";
    let run = videosdk(&[
        "--tpc",
        "room",
        "--role",
        "host",
        "--secret-encoding",
        "jsrsasign",
    ])
    .env("ZOOM_VIDEO_SDK_SECRET", text)
    .run();
    assert_eq!(
        run.ok(),
        format!(
            "{}\n",
            sign(&latin1_bytes(text), HEADER, &default_payload(1, ""))
        )
    );
}

/// Runs `videosdk --tpc room --role host EXTRA` and asserts a usage error containing `needle`.
#[track_caller]
fn refused(extra: &[&str], needle: &str) {
    let mut args = vec!["--tpc", "room", "--role", "host"];
    args.extend_from_slice(extra);
    let run = videosdk(&args).run();
    let err = run.fails(2);
    assert!(err.contains(needle), "{extra:?}: {err}");
}

#[test]
fn values_zoom_refuses_exit_2_with_the_core_code() {
    let long_tpc = "t".repeat(201);
    let astral_tpc = format!("{}\u{1F600}", "t".repeat(199)); // 200 characters, 201 units
    let long_id = "u".repeat(36);
    let long_key = "k".repeat(37);
    for (extra, needle) in [
        (&["--ttl", "1799"][..], "lives 1799 s (exp - iat); Zoom accepts 1800 to 172800 s [code 604 lifetime_out_of_range]"),
        (&["--ttl", "172801"], "[code 604 lifetime_out_of_range]"),
        (&["--ttl", "1800", "--skew", "1800"], "invalid skew: must be shorter than the ttl [code 103 invalid_argument]"),
        (&["--user-identity", &long_id], "\"user_identity\" is 36 UTF-16 code units long; Zoom allows 35 [code 601 field_too_long]"),
        (&["--session-key", &long_key], "\"session_key\" is 37 UTF-16 code units long; Zoom allows 36 [code 601 field_too_long]"),
        (&["--geo-regions", "US,XX"], "unknown Video SDK geo region \"XX\""),
        (&["--geo-regions", "us"], "[code 602 unknown_geo_region]"),
        (&["--geo-regions", "US, DE"], "[code 602 unknown_geo_region]"),
        (&["--geo-regions", "US,"], "[code 602 unknown_geo_region]"),
        (&["--geo-regions", ""], "[code 602 unknown_geo_region]"),
        (&["--geo-regions", "DE,US,DE"], "the Video SDK geo region DE is listed twice [code 603 duplicate_geo_region]"),
    ] {
        refused(extra, needle);
    }
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
        let run = videosdk(&["--tpc", tpc, "--role", "host"]).run();
        assert!(run.fails(2).contains(needle), "{}", run.stderr);
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
    .env("ZOOM_VIDEO_SDK_KEY", SDK_KEY)
    .env("ZOOM_VIDEO_SDK_SECRET", SDK_SECRET)
    .run();
    assert!(
        run.fails(2).contains("[code 104 time_overflow]"),
        "{}",
        run.stderr
    );
    let run = videosdk(&["--tpc", "room", "--role", "admin"]).run();
    assert!(
        run.fails(2).contains(
            "invalid role: expected host, participant, 1 or 0 [code 103 invalid_argument]"
        ),
        "{}",
        run.stderr
    );
    for flag in [
        "--cloud-recording-option",
        "--cloud-recording-election",
        "--video-webrtc-mode",
        "--audio-webrtc-mode",
    ] {
        for bad in ["2", "true", "01", ""] {
            refused(&[flag, bad], "expected 0 or 1");
        }
    }
    for bad in ["--ttl=-1", "--ttl=x", "--ttl=1.5", "--skew=-5"] {
        refused(&[bad], "invalid value");
    }
}

#[test]
fn a_refused_value_is_reported_before_a_missing_secret() {
    let now = NOW.to_string();
    let run = jwtmint([
        "videosdk", "--tpc", "", "--role", "host", "--key", SDK_KEY, "--now", &now,
    ])
    .run();
    assert!(
        run.fails(2).contains("[code 600 empty_field]"),
        "{}",
        run.stderr
    );
}

#[test]
fn tpc_and_role_are_required() {
    for args in [
        &["--tpc", "room"][..],
        &["--role", "host"],
        &["--key", SDK_KEY],
    ] {
        let run = videosdk(args).run();
        let err = run.fails(2);
        assert!(
            err.contains("required arguments were not provided"),
            "{args:?}: {err}"
        );
    }
    // Nothing at all: the help, on standard error, exit 2.
    let run = jwtmint(["videosdk"]).run();
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr.contains("Usage: jwtmint videosdk"),
        "{}",
        run.stderr
    );
    // Minting flags do not mix with the verify subcommand.
    let run = jwtmint(["videosdk", "verify", "--tpc", "room"]).run();
    assert!(run.fails(2).contains("--tpc"), "{}", run.stderr);
}

// ---- videosdk verify -------------------------------------------------------------------

/// `videosdk verify TOKEN --now NOW EXTRA` with the Video SDK credentials.
fn verify(token: &str, extra: &[&str]) -> Run {
    let now = NOW.to_string();
    let mut args = vec!["videosdk", "verify", token, "--now", &now];
    args.extend_from_slice(extra);
    jwtmint(args)
        .env("ZOOM_VIDEO_SDK_KEY", SDK_KEY)
        .env("ZOOM_VIDEO_SDK_SECRET", SDK_SECRET)
        .run()
}

fn signed(payload: &str) -> String {
    sign(SDK_SECRET.as_bytes(), HEADER, payload)
}

#[test]
fn verify_prints_the_payload_exactly_as_signed() {
    let p = default_payload(1, r#","geo_regions":"US,DE","cloud_recording_option":1"#);
    assert_eq!(verify(&signed(&p), &[]).ok(), format!("{p}\n"));
    // Member order, spacing and claims the typed view does not know, as signed.
    let p = format!(
        r#"{{ "exp": {}, "iat": {}, "version": 1, "tpc": "room", "role_type": 0, "app_key": "{SDK_KEY}", "mine": [1, 2.50] }}"#,
        NOW + 3600,
        NOW - 60
    );
    assert_eq!(verify(&signed(&p), &[]).ok(), format!("{p}\n"));
}

#[test]
fn verify_accepts_what_videosdk_mints() {
    let token = videosdk(&[
        "--tpc",
        "room",
        "--role",
        "participant",
        "--session-key",
        "s",
    ])
    .run()
    .ok();
    let run = jwtmint(["videosdk", "verify", "--now", &NOW.to_string()])
        .env("ZOOM_VIDEO_SDK_KEY", SDK_KEY)
        .env("ZOOM_VIDEO_SDK_SECRET", SDK_SECRET)
        .stdin(token)
        .run();
    assert_eq!(
        run.ok(),
        format!("{}\n", default_payload(0, r#","session_key":"s""#))
    );
}

#[test]
fn verify_reads_stdin_and_refuses_two_stdin_readers() {
    let token = signed(&default_payload(1, ""));
    for arg in [None, Some("-")] {
        let now = NOW.to_string();
        let mut args = vec!["videosdk", "verify", "--now", &now];
        args.extend(arg);
        let run = jwtmint(args)
            .env("ZOOM_VIDEO_SDK_KEY", SDK_KEY)
            .env("ZOOM_VIDEO_SDK_SECRET", SDK_SECRET)
            .stdin(format!("{token}\r\n"))
            .run();
        assert_eq!(run.ok(), format!("{}\n", default_payload(1, "")));
    }
    let run = jwtmint(["videosdk", "verify", "--secret-file", "-"])
        .env("ZOOM_VIDEO_SDK_KEY", SDK_KEY)
        .stdin(token)
        .run();
    assert!(run
        .fails(2)
        .contains("cannot both come from standard input"));
    let run = jwtmint(["videosdk", "verify"])
        .env("ZOOM_VIDEO_SDK_KEY", SDK_KEY)
        .env("ZOOM_VIDEO_SDK_SECRET", SDK_SECRET)
        .run();
    assert!(
        run.fails(1).contains("standard input was empty"),
        "{}",
        run.stderr
    );
}

#[test]
fn verify_expects_the_sdk_key() {
    let token = signed(&default_payload(1, ""));
    let run = verify(&token, &["--key", "other-key"]);
    assert_eq!(
        run.fails(1),
        format!(
            "error: the app_key \"{SDK_KEY}\" is not the expected \"other-key\" [code 605 app_key_mismatch]\n"
        )
    );
    let run = jwtmint(["videosdk", "verify", &token, "--now", &NOW.to_string()])
        .env("ZOOM_VIDEO_SDK_KEY", "env-key")
        .env("ZOOM_VIDEO_SDK_SECRET", SDK_SECRET)
        .run();
    let err = run.fails(1);
    assert!(
        err.contains(
            "[code 605 app_key_mismatch] (the expected app_key is $ZOOM_VIDEO_SDK_KEY; use --key"
        ),
        "{err}"
    );
    // No key at all is a usage error: a Video SDK token is always checked against one.
    let run = jwtmint(["videosdk", "verify", &token])
        .env("ZOOM_VIDEO_SDK_SECRET", SDK_SECRET)
        .run();
    assert!(run.fails(2).contains("no Video SDK key"), "{}", run.stderr);
}

#[test]
fn verify_checks_time_with_the_leeway() {
    let token = signed(&default_payload(1, ""));
    let exp = NOW - 30 + 7200;
    let at = |now: i64, leeway: &str| {
        jwtmint([
            "videosdk",
            "verify",
            &token,
            "--now",
            &now.to_string(),
            "--leeway",
            leeway,
        ])
        .env("ZOOM_VIDEO_SDK_KEY", SDK_KEY)
        .env("ZOOM_VIDEO_SDK_SECRET", SDK_SECRET)
        .run()
    };
    at(exp + 59, "60").ok();
    assert_eq!(
        at(exp + 60, "60").fails(1),
        format!(
            "error: the token expired (exp {exp}, now {}) [code 500 expired]\n",
            exp + 60
        )
    );
    at(exp - 1, "0").ok();
    at(exp, "0").fails(1);
    // iat in the future beyond the leeway.
    assert!(at(NOW - 30 - 61, "60")
        .fails(1)
        .contains("[code 502 issued_in_future]"));
}

#[test]
fn verify_refuses_what_zoom_would_refuse() {
    let good = default_payload(1, "");
    let cases = [
        // A token the API secret signed, or with one bit of its MAC flipped.
        (
            sign(SECRET.as_bytes(), HEADER, &good),
            "[code 400 invalid_signature]",
        ),
        (
            {
                let t = signed(&good);
                let (head, mac) = t.rsplit_once('.').unwrap();
                let mut mac = unb64(mac);
                mac[0] ^= 1;
                format!("{head}.{}", b64(&mac))
            },
            "[code 400 invalid_signature]",
        ),
        // An API token: no app_key, tpc, role_type or version.
        (
            signed(&zoom_payload(KEY, NOW - 30, NOW + 3570)),
            "[code 503 missing_claim]",
        ),
        (
            signed(&good.replace(r#""role_type":1"#, r#""role_type":2"#)),
            "[code 606 invalid_video_sdk_claim]",
        ),
        (
            signed(&good.replace(r#""version":1"#, r#""version":2"#)),
            "[code 606 invalid_video_sdk_claim]",
        ),
        (
            signed(&good.replace(r#""tpc":"room""#, r#""tpc":7"#)),
            "[code 507 claims_type]",
        ),
        (
            signed(&good.replace(r#""tpc":"room""#, r#""tpc":"""#)),
            "[code 600 empty_field]",
        ),
        (
            signed(&default_payload(1, r#","geo_regions":"US,us""#)),
            "[code 602 unknown_geo_region]",
        ),
        (
            signed(&default_payload(1, r#","cloud_recording_option":null"#)),
            "[code 507 claims_type]",
        ),
        (
            signed(&payload(1, "room", NOW - 30, NOW - 30 + 172_801, "")),
            "[code 604 lifetime_out_of_range]",
        ),
        ("a.b.c".to_owned(), "[code 203 invalid_base64]"),
    ];
    for (token, needle) in cases {
        let run = verify(&token, &[]);
        assert!(run.fails(1).contains(needle), "{needle}: {}", run.stderr);
    }
}

#[test]
fn verify_max_len_and_secret_options() {
    let token = signed(&default_payload(1, ""));
    let short = (token.len() - 1).to_string();
    assert!(verify(&token, &["--max-len", &short])
        .fails(1)
        .contains("[code 200 too_long]"));
    verify(&token, &["--max-len", &token.len().to_string()]).ok();

    let hex: String = SDK_SECRET.bytes().map(|b| format!("{b:02X}")).collect();
    let run = jwtmint([
        "videosdk",
        "verify",
        &token,
        "--now",
        &NOW.to_string(),
        "--key",
        SDK_KEY,
        "--secret-env",
        "S",
        "--secret-encoding",
        "jsrsasign",
    ])
    .env("S", hex)
    .run();
    assert_eq!(run.ok(), format!("{}\n", default_payload(1, "")));
}

#[test]
fn secrets_never_appear_in_output() {
    let secret = "do-not-print-this-video-sdk-secret-0123456789";
    for args in [
        &["videosdk", "--tpc", "room", "--role", "host"][..],
        &["videosdk", "--tpc", "", "--role", "host"],
        &[
            "videosdk",
            "--tpc",
            "room",
            "--role",
            "host",
            "--secret-encoding",
            "hex",
        ],
        &["videosdk", "verify", "a.b.c"],
    ] {
        let run = jwtmint(args)
            .env("ZOOM_VIDEO_SDK_KEY", SDK_KEY)
            .env("ZOOM_VIDEO_SDK_SECRET", secret)
            .run();
        assert!(
            !run.stderr.contains(secret) && !String::from_utf8_lossy(&run.stdout).contains(secret),
            "{run:?}"
        );
    }
}
