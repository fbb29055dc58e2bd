//! `jwtmint webhook verify | validate | sign`: the core's `WebhookVerifier` on a request
//! given as its two headers and a body file.

use jwtmint::zoom::WebhookVerifier;
use jwtmint::Error;

use crate::args::{WebhookArgs, WebhookCheckArgs, WebhookCommand, WebhookSignArgs};
use crate::body::{body_from_stdin, read_body, Body};
use crate::outcome::{write_stdout, Failure, Outcome};

/// Runs a webhook subcommand.
pub fn run(args: WebhookArgs) -> Outcome {
    match args.command {
        WebhookCommand::Verify(args) => verify(args),
        WebhookCommand::Validate(args) => validate(args),
        WebhookCommand::Sign(args) => sign(args),
    }
}

/// Checks the request; prints `ok`.
fn verify(args: WebhookCheckArgs) -> Outcome {
    let request = Request::read(args)?;
    request
        .verifier
        .verify_at(
            &request.timestamp,
            &request.body.bytes,
            &request.signature,
            request.now,
        )
        .map_err(|e| rejection(&e, &request.body))?;
    write_stdout(b"ok\n")
}

/// Checks an `endpoint.url_validation` request; prints the response JSON.
fn validate(args: WebhookCheckArgs) -> Outcome {
    let request = Request::read(args)?;
    let answer = request
        .verifier
        .url_validation_at(
            &request.timestamp,
            &request.body.bytes,
            &request.signature,
            request.now,
        )
        .map_err(|e| rejection(&e, &request.body))?;
    let mut line = answer.to_json().into_bytes();
    line.push(b'\n');
    write_stdout(&line)
}

/// Prints the `x-zm-signature` value for the timestamp and body.
fn sign(args: WebhookSignArgs) -> Outcome {
    refuse_two_stdin_readers(args.body.as_ref(), args.secret.reads_stdin())?;
    let verifier = args.secret.load_webhook_verifier()?;
    let body = read_body(args.body)?;
    let mut line = verifier.sign(args.timestamp, &body.bytes).into_bytes();
    line.push(b'\n');
    write_stdout(&line)
}

/// A request to check, with the verifier and the time to check it at.
struct Request {
    verifier: WebhookVerifier,
    /// The headers' bytes as given: the core judges them, including text that is not UTF-8.
    timestamp: Vec<u8>,
    signature: Vec<u8>,
    body: Body,
    now: i64,
}

impl Request {
    fn read(args: WebhookCheckArgs) -> Outcome<Self> {
        refuse_two_stdin_readers(args.body.as_ref(), args.secret.reads_stdin())?;
        let verifier = args
            .secret
            .load_webhook_verifier()?
            .with_tolerance(args.tolerance);
        let now = args.clock.now()?;
        let body = read_body(args.body)?;
        Ok(Request {
            verifier,
            timestamp: args.timestamp.into_encoded_bytes(),
            signature: args.signature.into_encoded_bytes(),
            body,
            now,
        })
    }
}

/// The body and the secret cannot both be standard input.
fn refuse_two_stdin_readers(body: Option<&std::path::PathBuf>, secret_on_stdin: bool) -> Outcome {
    if secret_on_stdin && body_from_stdin(body) {
        return Err(Failure::usage(
            "the body and the secret token cannot both come from standard input; name the \
             body file, or give the secret with --secret-env or a --secret-file path",
        ));
    }
    Ok(())
}

/// The failure for a request the core refused, with a hint where a usual mistake explains it.
fn rejection(e: &Error, body: &Body) -> Failure {
    let failure = Failure::token(e);
    match e {
        Error::WebhookSignatureMismatch if body.bytes.ends_with(b"\n") => {
            failure.context(&format!(
                "(the body in {} ends with a newline: the signature covers every byte, so if \
             `echo` or an editor added it, write the body with printf %s or curl \
             --data-binary instead)",
                body.source
            ))
        }
        Error::WebhookTimestampOutOfTolerance { .. } => failure.context(
            "(to check a recorded request, give its time with --now or widen --tolerance)",
        ),
        _ => failure,
    }
}
