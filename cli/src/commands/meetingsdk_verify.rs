//! `jwtmint meetingsdk verify`: the core's Meeting SDK verifier, with the verified payload on
//! standard output.

use jwtmint::zoom::MeetingSdkVerifier;

use super::verify::{rejection, token_from_stdin_only};
use crate::args::MeetingSdkVerifyArgs;
use crate::input::read_token;
use crate::outcome::Outcome;

/// Verifies the token and prints its payload JSON, exactly as signed, and a newline.
pub fn run(args: MeetingSdkVerifyArgs) -> Outcome {
    let from_stdin = token_from_stdin_only(&args.check, &args.secret)?;
    let key = args.secret.load_key()?;
    let now = args.check.clock.now()?;
    let input = read_token(args.check.token, args.check.max_len)?;

    let mut verifier = MeetingSdkVerifier::new(key)
        .with_leeway(args.check.leeway)
        .with_max_len(args.check.max_len);
    if let Some(sdk_key) = args.sdk_key {
        verifier = verifier.expecting_sdk_key(sdk_key);
    }
    match verifier.verify_at(&input.bytes, now) {
        Ok(_claims) => super::print_verified_payload(verifier.verifier(), &input.bytes, now),
        Err(e) => Err(rejection(&e, &input, from_stdin, false)),
    }
}
