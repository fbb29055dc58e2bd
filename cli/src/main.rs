//! `jwtmint`: mint, verify and decode HS256 JWTs for Zoom's Video SDK and Account APIs, and
//! check Zoom's webhook signatures.
//!
//! A thin door onto the `jwtmint` crate: every check on keys, claims and tokens is the
//! core's. This crate only reads arguments, secrets and tokens, and prints results.
//!
//! Exit status: 0 success, 1 token (or webhook request) rejected, 2 usage or configuration
//! error. It never panics, including on a closed standard output.

#![forbid(unsafe_code)]

mod api_key;
mod args;
mod body;
mod claims;
mod commands;
mod input;
mod outcome;
mod secret;
mod secret_kind;

use std::process::ExitCode;

use clap::Parser;

use crate::outcome::Exit;

fn main() -> ExitCode {
    let cli = match args::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version are "errors" with status 0; a failed write (closed stdout)
            // has nowhere to be reported.
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(Exit::Usage as u8));
        }
    };
    match commands::run(cli.command) {
        Ok(()) => Exit::Ok.into(),
        Err(failure) => failure.report().into(),
    }
}
