//! Video SDK session tokens through the public API: vectors computed independently, every
//! builder rule, and the verifier against hand-made tokens.

mod common;

use common::forge;
use jwtmint::zoom::{
    GeoRegion, Role, VideoSdkClaims, VideoSdkTokenBuilder, VideoSdkVerifier, VIDEO_SDK_MAX_TTL,
    VIDEO_SDK_MIN_TTL,
};
use jwtmint::{Error, Key, Verifier};

const SECRET: &str = "Zoom-Video-SDK-Secret-Of-36-Chars-XY";
const APP_KEY: &str = "abcdefghijklmnopqrstuv";
const NOW: i64 = 1_700_000_000;

fn key() -> Key {
    Key::from_text(SECRET).unwrap()
}

// The expected tokens were computed with Python's standard library only:
//
//   import hmac, hashlib, base64, json
//   def b64(x): return base64.urlsafe_b64encode(x).rstrip(b"=").decode()
//   def token(secret, payload):
//       si = b64(b'{"alg":"HS256","typ":"JWT"}') + "." + b64(json.dumps(
//           payload, separators=(",", ":"), ensure_ascii=False).encode())
//       return si + "." + b64(hmac.new(secret, si.encode(), hashlib.sha256).digest())
//   token(b"Zoom-Video-SDK-Secret-Of-36-Chars-XY", {"app_key": "abcdefghijklmnopqrstuv",
//       "role_type": 1, "tpc": "team standup", "version": 1, "iat": 1699999970,
//       "exp": 1700007170})
//   token(b"Zoom-Video-SDK-Secret-Of-36-Chars-XY", {"app_key": "abcdefghijklmnopqrstuv",
//       "role_type": 0, "tpc": "caf\u00e9 \"quoted\" \U0001F600", "version": 1,
//       "iat": 1700000000, "exp": 1700001800, "user_identity": "user-42",
//       "session_key": "sess-7", "geo_regions": "US,DE", "cloud_recording_option": 1,
//       "cloud_recording_election": 0, "telemetry_tracking_id": "trace-1",
//       "video_webrtc_mode": 1, "audio_webrtc_mode": 0})
const REQUIRED_ONLY: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhcHBfa2V5IjoiYWJjZGVmZ2hpamtsbW5vcHFyc3R1diIsInJvbGVfdHlwZSI6MSwidHBjIjoidGVhbSBzdGFuZHVwIiwidmVyc2lvbiI6MSwiaWF0IjoxNjk5OTk5OTcwLCJleHAiOjE3MDAwMDcxNzB9.BRhxZJL_tPo8ZrHsHuvFrcdrT8WyEQ_40NHhfL0HOpo";
const EVERY_FIELD: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhcHBfa2V5IjoiYWJjZGVmZ2hpamtsbW5vcHFyc3R1diIsInJvbGVfdHlwZSI6MCwidHBjIjoiY2Fmw6kgXCJxdW90ZWRcIiDwn5iAIiwidmVyc2lvbiI6MSwiaWF0IjoxNzAwMDAwMDAwLCJleHAiOjE3MDAwMDE4MDAsInVzZXJfaWRlbnRpdHkiOiJ1c2VyLTQyIiwic2Vzc2lvbl9rZXkiOiJzZXNzLTciLCJnZW9fcmVnaW9ucyI6IlVTLERFIiwiY2xvdWRfcmVjb3JkaW5nX29wdGlvbiI6MSwiY2xvdWRfcmVjb3JkaW5nX2VsZWN0aW9uIjowLCJ0ZWxlbWV0cnlfdHJhY2tpbmdfaWQiOiJ0cmFjZS0xIiwidmlkZW9fd2VicnRjX21vZGUiOjEsImF1ZGlvX3dlYnJ0Y19tb2RlIjowfQ.YGf1vmu8yjZxDbxPSMkJWBbh7eiciR5G7QRQrROda20";

fn every_field() -> VideoSdkTokenBuilder {
    // Set in a different order from the token's: the output order is fixed.
    VideoSdkTokenBuilder::new(APP_KEY, "café \"quoted\" \u{1F600}", Role::Participant)
        .audio_webrtc_mode(false)
        .video_webrtc_mode(true)
        .telemetry_tracking_id("trace-1")
        .cloud_recording_election(false)
        .cloud_recording_option(true)
        .geo_regions([GeoRegion::Us, GeoRegion::De])
        .session_key("sess-7")
        .user_identity("user-42")
        .ttl(1800)
        .skew(0)
}

#[test]
fn tokens_match_independently_computed_vectors() {
    let token = VideoSdkTokenBuilder::new(APP_KEY, "team standup", Role::Host)
        .mint_at(&key(), NOW)
        .unwrap();
    assert_eq!(token, REQUIRED_ONLY);
    assert_eq!(every_field().mint_at(&key(), NOW).unwrap(), EVERY_FIELD);
}

#[test]
fn the_verifier_reads_the_vectors_back() {
    let v = VideoSdkVerifier::new(key(), APP_KEY);
    let c = v.verify_at(REQUIRED_ONLY, NOW).unwrap();
    assert_eq!(
        (c.role_type, c.tpc.as_str(), c.iat, c.exp, c.user_identity),
        (Role::Host, "team standup", NOW - 30, NOW - 30 + 7200, None)
    );
    let c = v.verify_at(EVERY_FIELD, NOW).unwrap();
    assert_eq!(c, every_field().claims_at(NOW).unwrap());
    assert_eq!(c.geo_regions, Some(vec![GeoRegion::Us, GeoRegion::De]));
    assert_eq!(c.cloud_recording_option, Some(true));
    assert_eq!(c.audio_webrtc_mode, Some(false));
    // The generic verifier with the typed claims gives the same.
    let typed: VideoSdkClaims = Verifier::new(key()).verify_as_at(EVERY_FIELD, NOW).unwrap();
    assert_eq!(typed, c);
}

#[test]
fn every_builder_rule_refuses_before_signing() {
    let b = |tpc: &str| VideoSdkTokenBuilder::new(APP_KEY, tpc, Role::Host);
    let cases: Vec<(VideoSdkTokenBuilder, Error)> = vec![
        (
            VideoSdkTokenBuilder::new("", "t", Role::Host),
            Error::EmptyField { field: "app_key" },
        ),
        (b(""), Error::EmptyField { field: "tpc" }),
        (
            b(&"x".repeat(201)),
            Error::FieldTooLong {
                field: "tpc",
                len: 201,
                max: 200,
            },
        ),
        (
            b("t").user_identity("u".repeat(36)),
            Error::FieldTooLong {
                field: "user_identity",
                len: 36,
                max: 35,
            },
        ),
        (
            b("t").session_key("é".repeat(37)),
            Error::FieldTooLong {
                field: "session_key",
                len: 37,
                max: 36,
            },
        ),
        (
            b("t").geo_regions([GeoRegion::Hk, GeoRegion::Hk]),
            Error::DuplicateGeoRegion { region: "HK" },
        ),
        (
            b("t").geo_regions([]),
            Error::InvalidVideoSdkClaim {
                claim: "geo_regions",
                expected: "at least one region",
            },
        ),
        (
            b("t").ttl(VIDEO_SDK_MIN_TTL - 1),
            Error::LifetimeOutOfRange {
                seconds: 1799,
                min: 1800,
                max: 172_800,
            },
        ),
        (
            b("t").ttl(VIDEO_SDK_MAX_TTL + 1),
            Error::LifetimeOutOfRange {
                seconds: 172_801,
                min: 1800,
                max: 172_800,
            },
        ),
        (
            b("t").ttl(1800).skew(1800),
            Error::InvalidArgument {
                name: "skew",
                reason: "must be shorter than the ttl",
            },
        ),
    ];
    for (builder, expected) in cases {
        assert_eq!(builder.mint_at(&key(), NOW).unwrap_err(), expected);
        assert!(expected.code() >= 100);
    }
    assert_eq!(
        b("t").mint_at(&key(), i64::MIN).unwrap_err(),
        Error::TimeOverflow
    );
}

#[test]
fn geo_regions_parse_for_the_cli() {
    assert_eq!(
        GeoRegion::parse_list("AU,BR,CA,CN,DE,HK,IN,JP,MX,NL,SG,US").unwrap(),
        GeoRegion::ALL
    );
    assert!(matches!(
        GeoRegion::parse_list("US,IE"),
        Err(Error::UnknownGeoRegion { region }) if region == "IE"
    ));
    assert_eq!(GeoRegion::parse_list("US,US").unwrap_err().code(), 603);
}

fn forged(payload: &str) -> String {
    forge(
        SECRET.as_bytes(),
        br#"{"alg":"HS256","typ":"JWT"}"#,
        payload.as_bytes(),
    )
}

#[test]
fn the_verifier_rejects_hand_made_tokens_zoom_would_reject() {
    let v = VideoSdkVerifier::new(key(), APP_KEY);
    let base = |extra: &str| {
        format!(
            r#"{{"app_key":"{APP_KEY}","tpc":"t","version":1,"iat":{NOW},"exp":{}{extra}}}"#,
            NOW + 3600
        )
    };
    // The baseline (plus a role) is accepted, so each rejection below is the change's.
    assert!(v.verify_at(forged(&base(r#","role_type":0"#)), NOW).is_ok());
    for (extra, code) in [
        ("", 503),                                        // role_type missing
        (r#","role_type":2"#, 606),                       // not 0 or 1
        (r#","role_type":true"#, 507),                    // wrong type
        (r#","role_type":0,"version":0"#, 206),           // duplicate member
        (r#","role_type":0,"geo_regions":"EU""#, 602),    // unknown region
        (r#","role_type":0,"geo_regions":"US,US""#, 603), // repeated region
        (r#","role_type":0,"video_webrtc_mode":2"#, 606), // flag not 0/1
        (r#","role_type":0,"session_key":null"#, 507),    // null is not absent
        (r#","role_type":0,"aud":"x""#, 506),             // an unexpected audience
    ] {
        let err = v.verify_at(forged(&base(extra)), NOW).unwrap_err();
        assert_eq!(err.code(), code, "{extra}: {err}");
    }
    // Lifetime out of range, both ways, and a foreign app_key.
    for (payload, code) in [
        (
            format!(
                r#"{{"app_key":"{APP_KEY}","role_type":1,"tpc":"t","version":1,"iat":{NOW},"exp":{}}}"#,
                NOW + 1799
            ),
            604,
        ),
        (
            format!(
                r#"{{"app_key":"{APP_KEY}","role_type":1,"tpc":"t","version":1,"iat":{NOW},"exp":{}}}"#,
                NOW + 172_801
            ),
            604,
        ),
        (
            format!(
                r#"{{"app_key":"someone-else","role_type":1,"tpc":"t","version":1,"iat":{NOW},"exp":{}}}"#,
                NOW + 3600
            ),
            605,
        ),
    ] {
        let err = v.verify_at(forged(&payload), NOW).unwrap_err();
        assert_eq!(err.code(), code, "{payload}: {err}");
    }
}

#[test]
fn tokens_from_the_future_or_expired_are_rejected() {
    let token = VideoSdkTokenBuilder::new(APP_KEY, "t", Role::Host)
        .mint_at(&key(), NOW)
        .unwrap();
    let v = VideoSdkVerifier::new(key(), APP_KEY);
    assert!(matches!(
        v.verify_at(&token, NOW - 30 - 61),
        Err(Error::IssuedInFuture { .. })
    ));
    assert!(matches!(
        v.verify_at(&token, NOW - 30 + 7200 + 60),
        Err(Error::Expired { .. })
    ));
}

// token(b"Zoom-Video-SDK-Secret-Of-36-Chars-XY", {"app_key": "abcdefghijklmnopqrstuv",
//     "role_type": 0, "tpc": "room", "version": 1, "iat": 1700000000, "exp": 1700001800,
//     "user_identity": "legacy-7", "user_key": "u" * 36, "session_key": "s"})
// with the Python function above: user_key, Zoom's documented name, sits where the sample
// writes user_identity, right after it.
const WITH_USER_KEY: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhcHBfa2V5IjoiYWJjZGVmZ2hpamtsbW5vcHFyc3R1diIsInJvbGVfdHlwZSI6MCwidHBjIjoicm9vbSIsInZlcnNpb24iOjEsImlhdCI6MTcwMDAwMDAwMCwiZXhwIjoxNzAwMDAxODAwLCJ1c2VyX2lkZW50aXR5IjoibGVnYWN5LTciLCJ1c2VyX2tleSI6InV1dXV1dXV1dXV1dXV1dXV1dXV1dXV1dXV1dXV1dXV1dXV1dSIsInNlc3Npb25fa2V5IjoicyJ9.hhlQDkjIXbbtxyKyulKLaZFJBTHNEr42tJRUR1Dse3Y";

#[test]
fn user_key_is_minted_and_verified_with_its_documented_limit() {
    let b = VideoSdkTokenBuilder::new(APP_KEY, "room", Role::Participant)
        .session_key("s")
        .user_key("u".repeat(36))
        .user_identity("legacy-7")
        .ttl(1800)
        .skew(0);
    assert_eq!(b.mint_at(&key(), NOW).unwrap(), WITH_USER_KEY);
    let c = VideoSdkVerifier::new(key(), APP_KEY)
        .verify_at(WITH_USER_KEY, NOW)
        .unwrap();
    assert_eq!(c.user_key.as_deref(), Some("u".repeat(36).as_str()));
    assert_eq!(c.user_identity.as_deref(), Some("legacy-7"));
    // 36 UTF-16 code units, not 35 as for user_identity; an astral character counts two.
    assert_eq!(
        b.clone()
            .user_key(format!("{}\u{1F600}", "u".repeat(35)))
            .mint_at(&key(), NOW)
            .unwrap_err(),
        Error::FieldTooLong {
            field: "user_key",
            len: 37,
            max: 36
        }
    );
    let v = VideoSdkVerifier::new(key(), APP_KEY);
    let too_long = format!(
        r#"{{"app_key":"{APP_KEY}","role_type":0,"tpc":"t","version":1,"iat":{NOW},"exp":{},"user_key":"{}"}}"#,
        NOW + 3600,
        "u".repeat(37)
    );
    assert_eq!(v.verify_at(forged(&too_long), NOW).unwrap_err().code(), 601);
    let null = format!(
        r#"{{"app_key":"{APP_KEY}","role_type":0,"tpc":"t","version":1,"iat":{NOW},"exp":{},"user_key":null}}"#,
        NOW + 3600
    );
    assert_eq!(v.verify_at(forged(&null), NOW).unwrap_err().code(), 507);
}

#[test]
fn tokens_of_zooms_web_sample_stay_rejected_for_the_documented_reasons() {
    // videosdk-web-sample's generateVideoToken writes no version (documented as required)
    // and null cloud-recording fields (null is not "absent"): see the README.
    let v = VideoSdkVerifier::new(key(), APP_KEY);
    let no_version = format!(
        r#"{{"app_key":"{APP_KEY}","tpc":"t","role_type":1,"user_identity":"u","session_key":"","iat":{NOW},"exp":{}}}"#,
        NOW + 7200
    );
    assert_eq!(
        v.verify_at(forged(&no_version), NOW).unwrap_err(),
        Error::MissingClaim {
            claim: "version".into()
        }
    );
    let nulls = format!(
        r#"{{"app_key":"{APP_KEY}","tpc":"t","role_type":1,"version":1,"iat":{NOW},"exp":{},"cloud_recording_option":null}}"#,
        NOW + 7200
    );
    assert_eq!(v.verify_at(forged(&nulls), NOW).unwrap_err().code(), 507);
}
