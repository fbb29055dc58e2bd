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
use crate::outcome::{Failure, Outcome};

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

impl Clock {
    /// `--now` when given, else the system clock (the core's `now`).
    fn now(&self) -> Outcome<i64> {
        match self.fixed {
            Some(now) => Ok(now),
            None => jwtmint::now().map_err(|e| Failure::config(&e)),
        }
    }
}
