//! `jwtmint meetingsdk`: a Meeting SDK token on standard output.

use jwtmint::zoom::MeetingSdkTokenBuilder;

use crate::api_key;
use crate::args::MeetingSdkMintArgs;
use crate::outcome::{write_stdout, Failure, Outcome};

/// Mints and prints the token followed by a newline. The claims are checked (the core's
/// `claims_at`) before the secret is read, so a refused value is reported even when the
/// secret is missing too.
pub fn run(args: MeetingSdkMintArgs) -> Outcome {
    let sdk_key = api_key::required_meeting_sdk(args.sdk_key)?;
    let mut builder = MeetingSdkTokenBuilder::new(sdk_key)
        .ttl(args.ttl)
        .skew(args.skew);
    if let Some(mn) = args.mn {
        builder = builder.mn(mn);
    }
    if let Some(role) = args.role {
        builder = builder.role(role);
    }
    if let Some(on) = args.video_webrtc_mode {
        builder = builder.video_webrtc_mode(on);
    }
    let now = args.clock.now()?;
    let claims = builder.claims_at(now).map_err(|e| Failure::config(&e))?;
    let key = args.secret.load_key()?;
    let mut line = jwtmint::mint(&key, &claims)
        .map_err(|e| Failure::config(&e))?
        .into_bytes();
    line.push(b'\n');
    write_stdout(&line)
}
