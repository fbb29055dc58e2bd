//! `jwtmint meetingsdk`: a Meeting SDK token on standard output.

use jwtmint::zoom::MeetingSdkTokenBuilder;

use crate::api_key;
use crate::args::MeetingSdkMintArgs;
use crate::outcome::Outcome;

/// Mints and prints the token followed by a newline.
pub fn run(args: MeetingSdkMintArgs) -> Outcome {
    let sdk_key = api_key::required_meeting_sdk(args.sdk_key)?;
    type B = MeetingSdkTokenBuilder;
    let builder = B::new(sdk_key)
        .ttl(args.issue.ttl)
        .skew(args.issue.skew)
        .set_if_some(args.mn, B::mn)
        .set_if_some(args.role, B::role)
        .set_if_some(args.video_webrtc_mode, B::video_webrtc_mode);
    let now = args.issue.clock.now()?;
    super::print_minted(builder.claims_at(now), &args.issue.secret)
}
