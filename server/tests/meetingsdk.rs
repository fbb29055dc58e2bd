//! `POST /meetingsdk` over real HTTP: the token is the one Zoom's
//! meetingsdk-auth-endpoint-sample would sign for the same body (its payload logic re-stated
//! below from the sample's documented behaviour, its HMAC from the `hmac` crate), the answer
//! carries `sdkKey` as the sample's does, and refusals come in its 400 shape.

mod common;

use common::{
    config, config_with, hs256, payload_of, sample_exp, sample_number, start, MEETING_SDK_KEY, NOW,
    SDK_SECRET,
};
use serde_json::{json, Value};

/// The sample's payload for a valid body at `iat`: `appKey`, `sdkKey`, `mn`, `role`, `iat`,
/// `exp`, `tokenExp` (= exp), `video_webrtc_mode`, undefined ones left out, numeric strings
/// read as numbers, `exp = iat + (expirationSeconds or 7200)`.
fn sample_payload(body: &Value, iat: i64) -> String {
    let number = |name: &str| sample_number(body, name);
    let exp = sample_exp(body, iat);
    let members = [
        ("appKey", Some(json!(MEETING_SDK_KEY))),
        ("sdkKey", Some(json!(MEETING_SDK_KEY))),
        ("mn", body.get("meetingNumber").cloned()),
        ("role", number("role")),
        ("iat", Some(json!(iat))),
        ("exp", Some(json!(exp))),
        ("tokenExp", Some(json!(exp))),
        ("video_webrtc_mode", number("videoWebRtcMode")),
    ];
    let text: Vec<String> = members
        .iter()
        .filter_map(|(name, v)| v.as_ref().map(|v| format!("{}:{v}", json!(name))))
        .collect();
    format!("{{{}}}", text.join(","))
}

#[test]
fn tokens_are_the_samples_for_the_same_body() {
    let server = start(config());
    for body in [
        json!({}),
        json!({"meetingNumber": "85746065432", "role": 0}),
        json!({"meetingNumber": "123", "role": "1", "expirationSeconds": "1800", "videoWebRtcMode": 1}),
        json!({"expirationSeconds": 172800, "videoWebRtcMode": "0"}),
    ] {
        let reply = server.post_json("/meetingsdk", &body.to_string());
        assert_eq!(reply.status, 200, "{body}: {}", reply.body);
        let json = reply.json();
        assert_eq!(json["sdkKey"], MEETING_SDK_KEY);
        let token = json["signature"].as_str().unwrap();
        let expected = hs256(SDK_SECRET, &sample_payload(&body, NOW));
        assert_eq!(token, expected, "{body}: {}", payload_of(token));
    }
}

#[test]
fn refusals_name_the_member_in_the_samples_shape() {
    let server = start(config());
    for (body, property, code) in [
        (r#"{"meetingNumber":"123"}"#, "role", 640),
        (r#"{"role":1}"#, "meetingNumber", 640),
        (r#"{"meetingNumber":"12a","role":1}"#, "meetingNumber", 640),
        (
            r#"{"meetingNumber":"123456789012345678901","role":1}"#,
            "meetingNumber",
            640,
        ),
        (r#"{"meetingNumber":"123","role":2}"#, "role", 640),
        (r#"{"expirationSeconds":1799}"#, "expirationSeconds", 641),
        (
            r#"{"expirationSeconds":"172801"}"#,
            "expirationSeconds",
            641,
        ),
        (r#"{"expirationSeconds":-1}"#, "expirationSeconds", 0),
        (r#"{"role":"host","meetingNumber":"1"}"#, "role", 0),
        (r#"{"meetingNumber":[1],"role":1}"#, "meetingNumber", 0),
        (r#"{"videoWebRtcMode":2}"#, "videoWebRtcMode", 0),
    ] {
        let reply = server.post_json("/meetingsdk", body);
        assert_eq!(reply.status, 400, "{body}: {}", reply.body);
        let errors = reply.json()["errors"].clone();
        assert_eq!(errors.as_array().unwrap().len(), 1, "{body}: {errors}");
        assert_eq!(errors[0]["property"], property, "{body}");
        assert_eq!(errors[0]["code"].as_u64().unwrap_or(0), code, "{body}");
        assert!(errors[0]["reason"].as_str().is_some_and(|r| !r.is_empty()));
    }
    assert_eq!(server.post_json("/meetingsdk", "[]").status, 400);
}

#[test]
fn without_credentials_the_endpoint_is_not_found() {
    let server = start(config_with(|c| c.meeting_sdk = None));
    assert_eq!(server.post_json("/meetingsdk", "{}").status, 404);
    assert_eq!(
        server
            .post_json("/videosdk", r#"{"sessionName":"r","role":1}"#)
            .status,
        200
    );
}
