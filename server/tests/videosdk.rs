//! `POST /videosdk` over real HTTP: the token is the one Zoom's videosdk-auth-endpoint-sample
//! would sign for the same body (its payload logic re-stated below from the sample's
//! documented behaviour, its HMAC from the `hmac` crate), and refusals come in its 400 shape.

mod common;

use common::{
    config, config_with, hs256, payload_of, sample_exp, sample_number, start, NOW, SDK_KEY,
    SDK_SECRET,
};
use serde_json::{json, Value};

/// The sample's payload for a valid body at `iat`: its members in its order, undefined ones
/// left out, numeric strings read as numbers, `geoRegions` joined with commas, `exp = iat +
/// (expirationSeconds or 7200)`, `audio_webrtc_mode` from `audioWebRtcMode ??
/// audioCompatibleMode`.
fn sample_payload(body: &Value, iat: i64) -> String {
    let number = |name: &str| sample_number(body, name);
    let exp = sample_exp(body, iat);
    let geo = body.get("geoRegions").map(|v| match v {
        Value::Array(items) => json!(items
            .iter()
            .map(|i| i.as_str().unwrap())
            .collect::<Vec<_>>()
            .join(",")),
        other => other.clone(),
    });
    // JSON.stringify's order is insertion order; serde_json's map sorts, so a list.
    let mut p: Vec<String> = Vec::new();
    let mut put = |name: &str, value: Option<Value>| {
        if let Some(v) = value {
            p.push(format!("{}:{v}", json!(name)));
        }
    };
    put("app_key", Some(json!(SDK_KEY)));
    put("role_type", number("role"));
    put("tpc", body.get("sessionName").cloned());
    put("version", Some(json!(1)));
    put("iat", Some(json!(iat)));
    put("exp", Some(json!(exp)));
    put("user_identity", body.get("userIdentity").cloned());
    put("session_key", body.get("sessionKey").cloned());
    put("geo_regions", geo);
    put("cloud_recording_option", number("cloudRecordingOption"));
    put("cloud_recording_election", number("cloudRecordingElection"));
    put(
        "telemetry_tracking_id",
        body.get("telemetryTrackingId").cloned(),
    );
    put("video_webrtc_mode", number("videoWebRtcMode"));
    put(
        "audio_webrtc_mode",
        number("audioWebRtcMode").or_else(|| number("audioCompatibleMode")),
    );
    format!("{{{}}}", p.join(","))
}

#[test]
fn tokens_are_the_samples_for_the_same_body() {
    let server = start(config());
    for body in [
        json!({"sessionName": "room-1", "role": 1}),
        json!({"sessionName": "room-1", "role": 0, "expirationSeconds": 1800}),
        json!({
            "sessionName": "support call", "role": "1", "expirationSeconds": "172800",
            "userIdentity": "agent-7", "sessionKey": "sk-1", "geoRegions": "US,DE",
            "cloudRecordingOption": 1, "cloudRecordingElection": "0",
            "telemetryTrackingId": "tt-9", "videoWebRtcMode": 1, "audioWebRtcMode": 0
        }),
        json!({"sessionName": "r", "role": 1, "geoRegions": ["SG", "AU"]}),
        json!({"sessionName": "r", "role": 1, "audioCompatibleMode": 1}),
        json!({"sessionName": "r", "role": 1, "audioCompatibleMode": 1, "audioWebRtcMode": 0}),
        json!({"sessionName": "r", "role": 1, "unknownMember": [1, 2]}),
    ] {
        let reply = server.post_json("/videosdk", &body.to_string());
        assert_eq!(reply.status, 200, "{body}: {}", reply.body);
        assert_eq!(reply.header("content-type"), Some("application/json"));
        let token = reply.json()["signature"].as_str().unwrap().to_owned();
        let expected = hs256(SDK_SECRET, &sample_payload(&body, NOW));
        assert_eq!(token, expected, "{body}: {}", payload_of(&token));
    }
}

#[test]
fn the_default_skew_backdates_iat_by_30_seconds() {
    let server = start(config_with(|c| c.skew = 30));
    let reply = server.post_json("/videosdk", r#"{"sessionName":"r","role":1}"#);
    let token = reply.json()["signature"].as_str().unwrap().to_owned();
    let payload: Value = serde_json::from_str(&payload_of(&token)).unwrap();
    assert_eq!(payload["iat"], NOW - 30);
    assert_eq!(payload["exp"], NOW - 30 + 7200);
}

/// The `errors` of a 400 answer, as (property, code) pairs; code 0 for the server's own.
fn errors(server: &common::TestServer, body: &str) -> Vec<(String, u64)> {
    let reply = server.post_json("/videosdk", body);
    assert_eq!(reply.status, 400, "{body}: {}", reply.body);
    reply.json()["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            assert!(e["reason"].as_str().is_some_and(|r| !r.is_empty()), "{e}");
            (
                e["property"].as_str().unwrap().to_owned(),
                e["code"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

fn pairs(list: &[(&str, u64)]) -> Vec<(String, u64)> {
    list.iter().map(|(p, c)| ((*p).to_owned(), *c)).collect()
}

#[test]
fn type_problems_are_all_reported_in_the_samples_shape() {
    let server = start(config());
    assert_eq!(
        errors(&server, "{}"),
        pairs(&[("role", 0), ("sessionName", 0)])
    );
    let reply = server.post_json("/videosdk", "{}");
    assert_eq!(
        reply.json()["errors"][0]["reason"],
        "Property required, but not present in request body"
    );
    assert_eq!(
        errors(
            &server,
            r#"{"role":"host","sessionName":5,"expirationSeconds":"1800abc","userIdentity":null,
               "geoRegions":[1],"videoWebRtcMode":2,"cloudRecordingOption":1.5}"#
        ),
        pairs(&[
            ("role", 0),
            ("sessionName", 0),
            ("expirationSeconds", 0),
            ("userIdentity", 0),
            ("geoRegions", 0),
            ("cloudRecordingOption", 0),
            ("videoWebRtcMode", 0),
        ])
    );
    assert_eq!(
        errors(
            &server,
            r#"{"role":1,"sessionName":"r","expirationSeconds":-5}"#
        ),
        pairs(&[("expirationSeconds", 0)])
    );
}

#[test]
fn the_cores_refusals_name_the_member_and_carry_the_code() {
    let server = start(config());
    for (body, property, code) in [
        (r#"{"role":2,"sessionName":"r"}"#, "role", 606),
        (r#"{"role":1,"sessionName":""}"#, "sessionName", 600),
        (
            &*format!(r#"{{"role":1,"sessionName":"{}"}}"#, "a".repeat(201)),
            "sessionName",
            601,
        ),
        (
            r#"{"role":1,"sessionName":"r","userIdentity":"123456789012345678901234567890123456"}"#,
            "userIdentity",
            601,
        ),
        (
            r#"{"role":1,"sessionName":"r","sessionKey":"1234567890123456789012345678901234567"}"#,
            "sessionKey",
            601,
        ),
        (
            r#"{"role":1,"sessionName":"r","expirationSeconds":1799}"#,
            "expirationSeconds",
            604,
        ),
        (
            r#"{"role":1,"sessionName":"r","expirationSeconds":172801}"#,
            "expirationSeconds",
            604,
        ),
        (
            r#"{"role":1,"sessionName":"r","geoRegions":"US,XX"}"#,
            "geoRegions",
            602,
        ),
        (
            r#"{"role":1,"sessionName":"r","geoRegions":["US","us"]}"#,
            "geoRegions",
            602,
        ),
        (
            r#"{"role":1,"sessionName":"r","geoRegions":"US,US"}"#,
            "geoRegions",
            603,
        ),
        (
            r#"{"role":1,"sessionName":"r","geoRegions":[]}"#,
            "geoRegions",
            606,
        ),
    ] {
        assert_eq!(errors(&server, body), pairs(&[(property, code)]), "{body}");
    }
}

#[test]
fn bodies_that_are_not_a_json_object_are_refused() {
    let server = start(config());
    for body in ["[1]", "\"x\"", "null", "{", "not json"] {
        let reply = server.post_json("/videosdk", body);
        assert_eq!(reply.status, 400, "{body}");
        assert_eq!(reply.json()["errors"][0]["property"], "body", "{body}");
    }
    let reply = server.send("POST", "/videosdk", &[("content-type", "text/plain")], "{}");
    assert_eq!(reply.status, 415);
    assert_eq!(reply.json()["errors"][0]["property"], "body");
    let reply = server.send("GET", "/videosdk", &[], "");
    assert_eq!(reply.status, 405);
}

#[test]
fn without_credentials_the_endpoint_is_not_found() {
    let server = start(config_with(|c| c.video_sdk = None));
    let reply = server.post_json("/videosdk", r#"{"sessionName":"r","role":1}"#);
    assert_eq!(reply.status, 404);
    assert_eq!(reply.json()["error"], "not found");
    assert_eq!(
        server.send("GET", "/healthz", &[], "").json()["status"],
        "ok"
    );
    assert_eq!(server.post_json("/meetingsdk", "{}").status, 200);
}
