//! `jwtmint videosdk verify`: the core's Video SDK verifier, with the verified payload on
//! standard output.

use jwtmint::zoom::VideoSdkVerifier;
use jwtmint::Error;

use super::verify::{rejection, token_from_stdin_only};
use crate::api_key::{self, VIDEO_SDK_KEY_ENV};
use crate::args::VideoSdkVerifyArgs;
use crate::input::read_token;
use crate::outcome::{Failure, Outcome};

/// Verifies the token and prints its payload JSON, exactly as signed, and a newline.
pub fn run(args: VideoSdkVerifyArgs) -> Outcome {
    let from_stdin = token_from_stdin_only(&args.check, &args.secret)?;
    let (sdk_key, key_from_env) = api_key::required_video_sdk(args.key)?;
    let key = args.secret.load_key()?;
    let now = args.check.clock.now()?;
    let input = read_token(args.check.token, args.check.max_len)?;

    let verifier = VideoSdkVerifier::new(key, &sdk_key)
        .with_leeway(args.check.leeway)
        .with_max_len(args.check.max_len);
    match verifier.verify_at(&input.bytes, now) {
        Ok(_claims) => super::print_verified_payload(verifier.verifier(), &input.bytes, now),
        Err(e @ Error::AppKeyMismatch { .. }) if key_from_env => Err(Failure::token(&e).context(
            &format!("(the expected app_key is ${VIDEO_SDK_KEY_ENV}; use --key to expect another)"),
        )),
        Err(e) => Err(rejection(&e, &input, from_stdin, false)),
    }
}
