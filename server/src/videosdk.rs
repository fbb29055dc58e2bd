//! `POST /videosdk`: the body of Zoom's `videosdk-auth-endpoint-sample` in, `{"signature":
//! "<jwt>"}` out.
//!
//! The members become calls on the core's [`VideoSdkTokenBuilder`], which checks every rule
//! (lengths, lifetime, regions, roles); its refusal is answered in the sample's 400 shape
//! under the member's name. The payload is the sample's, member for member and in its order;
//! `iat` is backdated by the configured skew (0 gives the sample's `iat = now`).

use jwtmint::zoom::{GeoRegion, Role, VideoSdkTokenBuilder};
use jwtmint::{Error, Key};
use serde_json::{json, Value};

use crate::app::AppState;
use crate::config::SdkCredentials;
use crate::problems::{Fields, Problems, StringOrList};
use crate::token::TokenEndpoint;

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

/// `POST /videosdk`.
pub struct VideoSdk;

impl TokenEndpoint for VideoSdk {
    type Builder = VideoSdkTokenBuilder;

    fn credentials(state: &AppState) -> Option<&SdkCredentials> {
        state.video_sdk.as_ref()
    }

    /// The builder for the request's members, or every problem of type found in them.
    fn read(fields: &mut Fields<'_>, key: &str) -> Result<Self::Builder, Problems> {
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

        type B = VideoSdkTokenBuilder;
        Ok(B::new(key, session_name, role)
            .set_if_some(ttl, B::ttl)
            .set_if_some(user_identity, B::user_identity)
            .set_if_some(session_key, B::session_key)
            .set_if_some(geo_regions, B::geo_regions)
            .set_if_some(cloud_recording_option, B::cloud_recording_option)
            .set_if_some(cloud_recording_election, B::cloud_recording_election)
            .set_if_some(telemetry_tracking_id, B::telemetry_tracking_id)
            .set_if_some(video_webrtc_mode, B::video_webrtc_mode)
            .set_if_some(audio_webrtc_mode, B::audio_webrtc_mode))
    }

    fn mint(builder: Self::Builder, skew: u64, secret: &Key, now: i64) -> jwtmint::Result<String> {
        builder.skew(skew).mint_at(secret, now)
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

    fn answer(token: String, _key: &str) -> Value {
        json!({ "signature": token })
    }
}

/// The regions, each parsed by the core; the core's builder then refuses an empty list and
/// repeats.
fn parse_regions(regions: StringOrList) -> jwtmint::Result<Vec<GeoRegion>> {
    match regions {
        StringOrList::String(text) => GeoRegion::parse_list(&text),
        StringOrList::List(items) => items.iter().map(|s| s.parse()).collect(),
    }
}
