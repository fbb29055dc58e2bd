//! One module per command; each returns an [`Outcome`] and prints only through
//! [`crate::outcome`].

mod decode;
mod demo;
mod generated;
mod meetingsdk;
mod meetingsdk_verify;
mod mint;
#[cfg(feature = "serve")]
mod serve;
mod verify;
mod videosdk;
mod videosdk_verify;
mod webhook;

use crate::args::{
    Clock, Command, MeetingSdkArgs, MeetingSdkCommand, VideoSdkArgs, VideoSdkCommand,
};
use crate::outcome::{write_stdout, Failure, Outcome};
use crate::secret::SecretKind;

/// Runs a command.
pub fn run(command: Command) -> Outcome {
    match command {
        Command::Mint(args) => mint::run(args),
        Command::Verify(args) => verify::run(args),
        Command::Decode(args) => decode::run(args),
        Command::Demo(args) => demo::run(args),
        Command::VideoSdk(args) => {
            let VideoSdkArgs { command, mint } = *args;
            match command {
                Some(VideoSdkCommand::Verify(verify)) => videosdk_verify::run(verify),
                None => videosdk::run(mint),
            }
        }
        Command::MeetingSdk(args) => {
            let MeetingSdkArgs { command, mint } = *args;
            match command {
                Some(MeetingSdkCommand::Verify(verify)) => meetingsdk_verify::run(verify),
                None => meetingsdk::run(mint),
            }
        }
        Command::Webhook(args) => webhook::run(args),
        #[cfg(feature = "serve")]
        Command::Serve(args) => serve::run(*args),
        Command::Completions(args) => generated::completions(args.shell),
        Command::Man(args) => generated::man(&args.command),
    }
}

/// The last step of the SDK token commands: claims the core has checked, signed with the
/// secret (read only now, so that a refused value is reported even when the secret is missing
/// too), and printed with a newline.
fn print_minted<K: SecretKind>(
    claims: jwtmint::Result<impl serde::Serialize>,
    secret: &crate::secret::SecretArgs<K>,
) -> Outcome {
    let claims = claims.map_err(|e| Failure::config(&e))?;
    let key = secret.load_key()?;
    let mut line = jwtmint::mint(&key, &claims)
        .map_err(|e| Failure::config(&e))?
        .into_bytes();
    line.push(b'\n');
    write_stdout(&line)
}

/// Prints the payload of a token the SDK verifier has accepted, exactly as signed (member
/// order, spelling, claims the typed view leaves out), as `jwtmint verify` does: the inner
/// verifier returns it for the same token at the same time.
fn print_verified_payload(verifier: &jwtmint::Verifier, token: &[u8], now: i64) -> Outcome {
    let mut payload = verifier
        .verify_payload_at(token, now)
        .map_err(|e| Failure::token(&e))?;
    payload.push(b'\n');
    write_stdout(&payload)
}

impl Clock {
    /// `--now` when given, else the system clock (the core's `now`).
    fn now(&self) -> Outcome<i64> {
        match self.fixed {
            Some(now) => Ok(now),
            None => jwtmint::now().map_err(|e| Failure::config(&e)),
        }
    }
}
