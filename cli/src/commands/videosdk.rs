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
    let mut builder = VideoSdkTokenBuilder::new(sdk_key, tpc, role)
        .ttl(args.issue.ttl)
        .skew(args.issue.skew);
    if let Some(id) = args.user_identity {
        builder = builder.user_identity(id);
    }
    if let Some(key) = args.user_key {
        builder = builder.user_key(key);
    }
    if let Some(key) = args.session_key {
        builder = builder.session_key(key);
    }
    if let Some(regions) = args.geo_regions {
        builder = builder.geo_regions(regions.0);
    }
    if let Some(on) = args.cloud_recording_option {
        builder = builder.cloud_recording_option(on);
    }
    if let Some(on) = args.cloud_recording_election {
        builder = builder.cloud_recording_election(on);
    }
    if let Some(id) = args.telemetry_tracking_id {
        builder = builder.telemetry_tracking_id(id);
    }
    if let Some(on) = args.video_webrtc_mode {
        builder = builder.video_webrtc_mode(on);
    }
    if let Some(on) = args.audio_webrtc_mode {
        builder = builder.audio_webrtc_mode(on);
    }
    let now = args.issue.clock.now()?;
    let claims = builder.claims_at(now);
    if let Ok(claims) = &claims {
        for note in tpc_notes(&claims.tpc) {
            print_warning(note.as_str());
        }
    }
    super::print_minted(claims, &args.issue.secret)
}
