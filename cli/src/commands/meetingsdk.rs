//! `jwtmint meetingsdk`: a Meeting SDK token on standard output.

use jwtmint::zoom::MeetingSdkTokenBuilder;

use crate::api_key;
use crate::args::MeetingSdkMintArgs;
use crate::outcome::Outcome;

/// Mints and prints the token followed by a newline.
pub fn run(args: MeetingSdkMintArgs) -> Outcome {
    let sdk_key = api_key::required_meeting_sdk(args.sdk_key)?;
    let mut builder = MeetingSdkTokenBuilder::new(sdk_key)
        .ttl(args.issue.ttl)
        .skew(args.issue.skew);
    if let Some(mn) = args.mn {
        builder = builder.mn(mn);
    }
    if let Some(role) = args.role {
        builder = builder.role(role);
    }
    if let Some(on) = args.video_webrtc_mode {
        builder = builder.video_webrtc_mode(on);
    }
    let now = args.issue.clock.now()?;
    super::print_minted(builder.claims_at(now), &args.issue.secret)
}
