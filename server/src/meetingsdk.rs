//! `POST /meetingsdk`: the body of Zoom's `meetingsdk-auth-endpoint-sample` in
//! (`meetingNumber`, `role`, `expirationSeconds`, `videoWebRtcMode`), `{"signature": "<jwt>",
//! "sdkKey": "<the SDK key>"}` out.
//!
//! The members become calls on the core's [`MeetingSdkTokenBuilder`], which judges every value
//! (the meeting number's digits, the role, `meetingNumber` and `role` both or neither, the
//! lifetime); its refusal is answered in the sample's 400 shape under the member's name.

use std::sync::Arc;

use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::response::Response;
use axum::Json;
use jwtmint::zoom::MeetingSdkTokenBuilder;
use jwtmint::Error;
use serde_json::{json, Value};

use crate::app::AppState;
use crate::problems::{minted, object, Fields, Problems};
use crate::reply;

/// The handler. Answers 404 when no Meeting SDK credentials are configured.
pub async fn handle(
    State(state): State<Arc<AppState>>,
    body: Result<Json<Value>, JsonRejection>,
) -> Response {
    let Some(credentials) = &state.meeting_sdk else {
        return reply::not_found();
    };
    let members = match object(body) {
        Ok(members) => members,
        Err((status, problems)) => return problems.with_status(status),
    };
    let builder = match read(&mut Fields::new(&members), &credentials.app_key) {
        Ok(builder) => builder.skew(state.skew),
        Err(problems) => return problems.into_response(),
    };
    minted(
        &state,
        |now| builder.mint_at(&credentials.secret, now),
        member_of,
        |token| json!({ "signature": token, "sdkKey": credentials.app_key }),
    )
}

/// The builder for the request's members, or every problem of type found in them.
fn read(fields: &mut Fields<'_>, sdk_key: &str) -> Result<MeetingSdkTokenBuilder, Problems> {
    let meeting_number = fields.digits("meetingNumber");
    let role = fields.integer("role");
    let ttl = fields.integer("expirationSeconds");
    let video_webrtc_mode = fields.flag("videoWebRtcMode");
    let ttl = ttl.and_then(|seconds| fields.seconds("expirationSeconds", seconds));
    if !fields.problems.is_empty() {
        return Err(std::mem::take(&mut fields.problems));
    }
    let mut b = MeetingSdkTokenBuilder::new(sdk_key);
    if let Some(mn) = meeting_number {
        b = b.mn(mn);
    }
    if let Some(role) = role {
        b = b.role_value(role);
    }
    if let Some(seconds) = ttl {
        b = b.ttl(seconds);
    }
    if let Some(on) = video_webrtc_mode {
        b = b.video_webrtc_mode(on);
    }
    Ok(b)
}

/// The request member a builder error is about.
fn member_of(e: &Error) -> &'static str {
    match e {
        Error::InvalidMeetingSdkClaim { claim: "mn", .. } => "meetingNumber",
        Error::InvalidMeetingSdkClaim { claim: "role", .. } => "role",
        Error::MeetingSdkLifetimeOutOfRange { .. } | Error::TimeOverflow => "expirationSeconds",
        _ => "body",
    }
}
