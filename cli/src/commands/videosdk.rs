//! `jwtmint videosdk`: a Video SDK session token on standard output.

use jwtmint::zoom::{tpc_notes, VideoSdkTokenBuilder};

use crate::api_key;
use crate::args::VideoSdkMintArgs;
use crate::outcome::{print_warning, Failure, Outcome};

/// Mints and prints the token followed by a newline, after a warning for each of the core's
/// notes on the session name. The claims are checked (the core's
/// `claims_at`) before the secret is read, so a refused value is reported even when the
/// secret is missing too.
pub fn run(args: VideoSdkMintArgs) -> Outcome {
    let (Some(tpc), Some(role)) = (args.tpc, args.role) else {
        // clap requires both when there is no subcommand; this is the belt to its braces.
        return Err(Failure::usage("--tpc and --role are required"));
    };
    let (sdk_key, _) = api_key::required_video_sdk(args.key)?;
    type B = VideoSdkTokenBuilder;
    let builder = B::new(sdk_key, tpc, role)
        .ttl(args.issue.ttl)
        .skew(args.issue.skew)
        .set_if_some(args.user_identity, B::user_identity)
        .set_if_some(args.user_key, B::user_key)
        .set_if_some(args.session_key, B::session_key)
        .set_if_some(args.geo_regions.map(|regions| regions.0), B::geo_regions)
        .set_if_some(args.cloud_recording_option, B::cloud_recording_option)
        .set_if_some(args.cloud_recording_election, B::cloud_recording_election)
        .set_if_some(args.telemetry_tracking_id, B::telemetry_tracking_id)
        .set_if_some(args.video_webrtc_mode, B::video_webrtc_mode)
        .set_if_some(args.audio_webrtc_mode, B::audio_webrtc_mode);
    let now = args.issue.clock.now()?;
    let claims = builder.claims_at(now);
    if let Ok(claims) = &claims {
        for note in tpc_notes(&claims.tpc) {
            print_warning(note.as_str());
        }
    }
    super::print_minted(claims, &args.issue.secret)
}
