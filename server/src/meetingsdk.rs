//! `POST /meetingsdk`: the body of Zoom's `meetingsdk-auth-endpoint-sample` in
//! (`meetingNumber`, `role`, `expirationSeconds`, `videoWebRtcMode`), `{"signature": "<jwt>",
//! "sdkKey": "<the SDK key>"}` out.
//!
//! The members become calls on the core's [`MeetingSdkTokenBuilder`], which judges every value
//! (the meeting number's digits, the role, `meetingNumber` and `role` both or neither, the
//! lifetime); its refusal is answered in the sample's 400 shape under the member's name.

use jwtmint::zoom::MeetingSdkTokenBuilder;
use jwtmint::{Error, Key};
use serde_json::{json, Value};

use crate::app::AppState;
use crate::config::SdkCredentials;
use crate::problems::{Fields, Problems};
use crate::token::TokenEndpoint;

/// `POST /meetingsdk`.
pub struct MeetingSdk;

impl TokenEndpoint for MeetingSdk {
    type Builder = MeetingSdkTokenBuilder;

    fn credentials(state: &AppState) -> Option<&SdkCredentials> {
        state.meeting_sdk.as_ref()
    }

    /// The builder for the request's members, or every problem of type found in them.
    fn read(fields: &mut Fields<'_>, key: &str) -> Result<Self::Builder, Problems> {
        let meeting_number = fields.digits("meetingNumber");
        let role = fields.integer("role");
        let ttl = fields.integer("expirationSeconds");
        let video_webrtc_mode = fields.flag("videoWebRtcMode");
        let ttl = ttl.and_then(|seconds| fields.seconds("expirationSeconds", seconds));
        if !fields.problems.is_empty() {
            return Err(std::mem::take(&mut fields.problems));
        }
        type B = MeetingSdkTokenBuilder;
        Ok(B::new(key)
            .set_if_some(meeting_number, B::mn)
            .set_if_some(role, B::role_value)
            .set_if_some(ttl, B::ttl)
            .set_if_some(video_webrtc_mode, B::video_webrtc_mode))
    }

    fn mint(builder: Self::Builder, skew: u64, secret: &Key, now: i64) -> jwtmint::Result<String> {
        builder.skew(skew).mint_at(secret, now)
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

    /// The sample answers the SDK key too, which the web client needs.
    fn answer(token: String, key: &str) -> Value {
        json!({ "signature": token, "sdkKey": key })
    }
}
