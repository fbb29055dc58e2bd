//! `POST /videosdk`: the body of Zoom's `videosdk-auth-endpoint-sample` in, `{"signature":
//! "<jwt>"}` out.
//!
//! The members become calls on the core's [`VideoSdkTokenBuilder`], which checks every rule
//! (lengths, lifetime, regions, roles); its refusal is answered in the sample's 400 shape
//! under the member's name. The payload is the sample's, member for member and in its order;
//! `iat` is backdated by the configured skew (0 gives the sample's `iat = now`).

use std::sync::Arc;

use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::response::Response;
use axum::Json;
use jwtmint::zoom::{GeoRegion, Role, VideoSdkTokenBuilder};
use jwtmint::Error;
use serde_json::{json, Value};

use crate::app::AppState;
use crate::problems::{minted, object, Fields, Problems, StringOrList};
use crate::reply;

/// The request members and the claim each one becomes, for naming the member a core error is
/// about (the core names the claim).
const MEMBER_OF_CLAIM: [(&str, &str); 10] = [
    ("role_type", "role"),
    ("tpc", "sessionName"),
    ("user_identity", "userIdentity"),
    ("session_key", "sessionKey"),
    ("geo_regions", "geoRegions"),
    ("cloud_recording_option", "cloudRecordingOption"),
    ("cloud_recording_election", "cloudRecordingElection"),
    ("telemetry_tracking_id", "telemetryTrackingId"),
    ("video_webrtc_mode", "videoWebRtcMode"),
    ("audio_webrtc_mode", "audioWebRtcMode"),
];

/// The handler. Answers 404 when no Video SDK credentials are configured.
pub async fn handle(
    State(state): State<Arc<AppState>>,
    body: Result<Json<Value>, JsonRejection>,
) -> Response {
    let Some(credentials) = &state.video_sdk else {
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
        |token| json!({ "signature": token }),
    )
}

/// The builder for the request's members, or every problem of type found in them.
fn read(fields: &mut Fields<'_>, app_key: &str) -> Result<VideoSdkTokenBuilder, Problems> {
    let role = fields.integer("role");
    let role = fields
        .required("role", role)
        .and_then(|value| match Role::try_from(value) {
            Ok(role) => Some(role),
            Err(e) => {
                fields.problems.core("role", &e);
                None
            }
        });
    let session_name = fields.string("sessionName");
    let session_name = fields.required("sessionName", session_name);
    let ttl = fields.integer("expirationSeconds");
    let user_identity = fields.string("userIdentity");
    let session_key = fields.string("sessionKey");
    let geo_regions = fields.string_or_list("geoRegions");
    let cloud_recording_option = fields.flag("cloudRecordingOption");
    let cloud_recording_election = fields.flag("cloudRecordingElection");
    let telemetry_tracking_id = fields.string("telemetryTrackingId");
    let video_webrtc_mode = fields.flag("videoWebRtcMode");
    // The sample's deprecated name for audioWebRtcMode, still honoured when that is absent.
    let audio_compatible_mode = fields.flag("audioCompatibleMode");
    let audio_webrtc_mode = fields.flag("audioWebRtcMode").or(audio_compatible_mode);

    let ttl = ttl.and_then(|seconds| fields.seconds("expirationSeconds", seconds));
    let geo_regions = geo_regions.and_then(|regions| match parse_regions(regions) {
        Ok(list) => Some(list),
        Err(e) => {
            fields.problems.core("geoRegions", &e);
            None
        }
    });
    let (Some(role), Some(session_name)) = (role, session_name) else {
        return Err(std::mem::take(&mut fields.problems));
    };
    if !fields.problems.is_empty() {
        return Err(std::mem::take(&mut fields.problems));
    }

    let mut b = VideoSdkTokenBuilder::new(app_key, session_name, role);
    if let Some(seconds) = ttl {
        b = b.ttl(seconds);
    }
    if let Some(id) = user_identity {
        b = b.user_identity(id);
    }
    if let Some(key) = session_key {
        b = b.session_key(key);
    }
    if let Some(regions) = geo_regions {
        b = b.geo_regions(regions);
    }
    if let Some(on) = cloud_recording_option {
        b = b.cloud_recording_option(on);
    }
    if let Some(on) = cloud_recording_election {
        b = b.cloud_recording_election(on);
    }
    if let Some(id) = telemetry_tracking_id {
        b = b.telemetry_tracking_id(id);
    }
    if let Some(on) = video_webrtc_mode {
        b = b.video_webrtc_mode(on);
    }
    if let Some(on) = audio_webrtc_mode {
        b = b.audio_webrtc_mode(on);
    }
    Ok(b)
}

/// The regions, each parsed by the core; the core's builder then refuses an empty list and
/// repeats.
fn parse_regions(regions: StringOrList) -> jwtmint::Result<Vec<GeoRegion>> {
    match regions {
        StringOrList::String(text) => GeoRegion::parse_list(&text),
        StringOrList::List(items) => items.iter().map(|s| s.parse()).collect(),
    }
}

/// The request member a builder error is about.
fn member_of(e: &Error) -> &'static str {
    let claim = match e {
        Error::EmptyField { field } | Error::FieldTooLong { field, .. } => *field,
        Error::InvalidVideoSdkClaim { claim, .. } => *claim,
        Error::UnknownGeoRegion { .. } | Error::DuplicateGeoRegion { .. } => "geo_regions",
        Error::LifetimeOutOfRange { .. } | Error::TimeOverflow => return "expirationSeconds",
        _ => return "body",
    };
    MEMBER_OF_CLAIM
        .iter()
        .find(|(c, _)| *c == claim)
        .map_or("body", |(_, member)| member)
}
