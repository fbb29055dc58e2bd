//! `jwtmint videosdk verify`: tokens signed independently, checked against the SDK key and
//! Zoom's rules. Reading the token, the leeway and the length limit are checked with
//! `jwtmint verify` in verify.rs; the secret options in secret.rs.

mod common;

use common::*;

/// `videosdk verify TOKEN --now NOW EXTRA` with the Video SDK credentials.
fn verify(token: &str, extra: &[&str]) -> Run {
    jwtmint(["videosdk", "verify", token, "--now", NOW_ARG])
        .args(extra)
        .sdk_creds()
        .run()
}

fn signed(payload: &str) -> String {
    sdk_token(SDK_SECRET.as_bytes(), payload)
}

#[test]
fn prints_the_payload_exactly_as_signed() {
    let p = default_sdk_payload(1, r#","geo_regions":"US,DE","cloud_recording_option":1"#);
    assert_eq!(verify(&signed(&p), &[]).ok(), line(&p));
    // Member order, spacing and claims the typed view does not know, as signed.
    let p = format!(
        r#"{{ "exp": {}, "iat": {}, "version": 1, "tpc": "room", "role_type": 0, "app_key": "{SDK_KEY}", "mine": [1, 2.50] }}"#,
        NOW + 3600,
        NOW - 60
    );
    assert_eq!(verify(&signed(&p), &[]).ok(), line(&p));
}

#[test]
fn accepts_what_videosdk_mints() {
    let token = jwtmint(["videosdk", "--tpc", "room", "--role", "participant"])
        .args(["--session-key", "s", "--now", NOW_ARG])
        .sdk_creds()
        .run()
        .ok();
    let run = jwtmint(["videosdk", "verify", "--now", NOW_ARG])
        .sdk_creds()
        .stdin(token)
        .run();
    assert_eq!(
        run.ok(),
        line(&default_sdk_payload(0, r#","session_key":"s""#))
    );
}

#[test]
fn expects_the_sdk_key() {
    let token = signed(&default_sdk_payload(1, ""));
    let run = verify(&token, &["--key", "other-key"]);
    assert_eq!(
        run.fails(1),
        format!(
            "error: the app_key \"{SDK_KEY}\" is not the expected \"other-key\" [code 605 app_key_mismatch]\n"
        )
    );
    let run = jwtmint(["videosdk", "verify", &token, "--now", NOW_ARG])
        .env("ZOOM_VIDEO_SDK_KEY", "env-key")
        .env("ZOOM_VIDEO_SDK_SECRET", SDK_SECRET)
        .run();
    run.fails_with(
        1,
        "[code 605 app_key_mismatch] (the expected app_key is $ZOOM_VIDEO_SDK_KEY; use --key",
    );
    // No key at all is a usage error: a Video SDK token is always checked against one.
    let run = jwtmint(["videosdk", "verify", &token])
        .env("ZOOM_VIDEO_SDK_SECRET", SDK_SECRET)
        .run();
    run.fails_with(2, "no Video SDK key");
}

#[test]
fn refuses_what_zoom_would_refuse() {
    let good = default_sdk_payload(1, "");
    let flipped = {
        let t = signed(&good);
        let (head, mac) = t.rsplit_once('.').unwrap();
        let mut mac = unb64(mac);
        mac[0] ^= 1;
        format!("{head}.{}", b64(&mac))
    };
    let invalid_claim = "[code 606 invalid_video_sdk_claim]";
    let claims_type = "[code 507 claims_type]";
    let cases = [
        // A token the API secret signed, or with one bit of its MAC flipped.
        (
            sign(SECRET.as_bytes(), HEADER, &good),
            "[code 400 invalid_signature]",
        ),
        (flipped, "[code 400 invalid_signature]"),
        // An API token: no app_key, tpc, role_type or version.
        (
            signed(&zoom_payload(KEY, NOW - 30, NOW + 3570)),
            "[code 503 missing_claim]",
        ),
        (
            signed(&good.replace(r#""role_type":1"#, r#""role_type":2"#)),
            invalid_claim,
        ),
        (
            signed(&good.replace(r#""version":1"#, r#""version":2"#)),
            invalid_claim,
        ),
        (
            signed(&good.replace(r#""tpc":"room""#, r#""tpc":7"#)),
            claims_type,
        ),
        (
            signed(&good.replace(r#""tpc":"room""#, r#""tpc":"""#)),
            "[code 600 empty_field]",
        ),
        (
            signed(&default_sdk_payload(1, r#","geo_regions":"US,us""#)),
            "[code 602 unknown_geo_region]",
        ),
        (
            signed(&default_sdk_payload(1, r#","cloud_recording_option":null"#)),
            claims_type,
        ),
        (
            signed(&sdk_payload(1, "room", NOW - 30, NOW - 30 + 172_801, "")),
            "[code 604 lifetime_out_of_range]",
        ),
        ("a.b.c".to_owned(), "[code 203 invalid_base64]"),
    ];
    for (token, needle) in cases {
        verify(&token, &[]).fails_with(1, needle);
    }
}
