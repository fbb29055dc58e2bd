//! `jwtmint webhook verify | validate | sign`.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Args, Subcommand};
use jwtmint::zoom::DEFAULT_WEBHOOK_TOLERANCE;

use super::Clock;
use crate::secret::{SecretArgs, WebhookSecret};

pub const WEBHOOK_HELP: &str = "\
Zoom signs each webhook request with your app's secret token:
  x-zm-signature: v0=HEX(HMAC-SHA256(secret token, \"v0:\" + x-zm-request-timestamp + \":\" + body))
These commands check such a request, answer Zoom's endpoint.url_validation challenge, or sign
a body for a test. The body is a file, or standard input ('-' or no argument), read as raw
bytes up to 1 MiB: nothing is trimmed, since the signature covers every byte. The secret
token is read from $ZOOM_WEBHOOK_SECRET_TOKEN (or --secret-env, --secret-file); unlike an
API secret it has no minimum length (Zoom chooses it).

Exit status: 0 valid, 1 rejected (\"error: <reason> [code N name]\" on stderr), 2 usage error.

Examples:
  export ZOOM_WEBHOOK_SECRET_TOKEN=your-secret-token
  jwtmint webhook verify --timestamp \"$TS\" --signature \"$SIG\" body.json
  jwtmint webhook validate --timestamp \"$TS\" --signature \"$SIG\" < body.json
  printf %s \"$BODY\" | jwtmint webhook sign --timestamp \"$(date +%s)\"";

pub const VERIFY_HELP: &str = "\
Checks, in this order, each failure with its own message and code: the timestamp is plain
decimal digits (620); the signature is \"v0=\" (622) and 64 lower-case hex digits (623, 624);
the signature matches, compared in constant time (625); the timestamp is within --tolerance
seconds of now, either way (621). On success prints `ok` followed by a newline; the exit
status alone also tells.

Exit status: 0 valid, 1 rejected (\"error: <reason> [code N name]\" on stderr), 2 usage error
(including a body over 1 MiB).

Examples:
  jwtmint webhook verify --timestamp \"$TS\" --signature \"$SIG\" body.json
  jwtmint webhook verify --timestamp \"$TS\" --signature \"$SIG\" - < body.json
  jwtmint webhook verify --now 1700000000 --timestamp 1700000000 \\
      --signature v0=89802a78f4471ac2b4d938060097ad6c70b85a41cdf00d14425b1c5e641d0918 body.json";

pub const VALIDATE_HELP: &str = "\
Answers Zoom's endpoint.url_validation challenge. Checks the request as `jwtmint webhook
verify` does, then reads the body strictly: a JSON object with unique member names, event
\"endpoint.url_validation\" (627), payload.plainToken a non-empty string (628); anything else
is malformed (626). Prints the response body Zoom expects, followed by a newline:
  {\"plainToken\":\"...\",\"encryptedToken\":\"HEX(HMAC-SHA256(secret token, plainToken))\"}

Exit status: 0 answered, 1 rejected (\"error: <reason> [code N name]\" on stderr), 2 usage
error.

Examples:
  jwtmint webhook validate --timestamp \"$TS\" --signature \"$SIG\" body.json
  jwtmint webhook validate --timestamp \"$TS\" --signature \"$SIG\" < body.json | jq .";

pub const SIGN_HELP: &str = "\
Prints the x-zm-signature value Zoom would send with this timestamp and body (\"v0=\" and 64
lower-case hex digits) followed by a newline: for test harnesses, and to try a webhook
receiver by hand. The timestamp is written as it will be sent in x-zm-request-timestamp:
plain decimal digits, no sign, no leading zeros.

Examples:
  jwtmint webhook sign --timestamp 1700000000 body.json
  printf %s '{\"event\":\"session.started\",\"payload\":{}}' > body.json
  TS=$(date +%s); SIG=$(jwtmint webhook sign --timestamp \"$TS\" body.json)
  curl http://127.0.0.1:8080/ -H \"x-zm-request-timestamp: $TS\" -H \"x-zm-signature: $SIG\" \\
      -H 'content-type: application/json' --data-binary @body.json";

/// `jwtmint webhook`.
#[derive(Debug, Args)]
pub struct WebhookArgs {
    /// What to do with the request.
    #[command(subcommand)]
    pub command: WebhookCommand,
}

/// The subcommands of `jwtmint webhook`.
#[derive(Debug, Subcommand)]
pub enum WebhookCommand {
    /// Check a request's x-zm-signature and timestamp; prints ok
    #[command(after_help = VERIFY_HELP)]
    Verify(WebhookCheckArgs),
    /// Check an endpoint.url_validation request and print the response JSON
    #[command(after_help = VALIDATE_HELP)]
    Validate(WebhookCheckArgs),
    /// Print the x-zm-signature value for a timestamp and body
    #[command(after_help = SIGN_HELP)]
    Sign(WebhookSignArgs),
}

/// `jwtmint webhook verify` and `jwtmint webhook validate`.
#[derive(Debug, Args)]
pub struct WebhookCheckArgs {
    /// The raw request body: a file, or '-' for standard input (also when omitted)
    #[arg(value_name = "BODY-FILE")]
    pub body: Option<PathBuf>,

    /// The x-zm-request-timestamp header, as received
    #[arg(long, value_name = "T", allow_hyphen_values = true)]
    pub timestamp: OsString,

    /// The x-zm-signature header, as received (v0=...)
    #[arg(long, value_name = "S", allow_hyphen_values = true)]
    pub signature: OsString,

    /// How far, in seconds, the timestamp may be from now, either way
    #[arg(long, value_name = "SECONDS", default_value_t = DEFAULT_WEBHOOK_TOLERANCE)]
    pub tolerance: u64,

    #[command(flatten)]
    pub clock: Clock,

    #[command(flatten)]
    pub secret: SecretArgs<WebhookSecret>,
}

/// `jwtmint webhook sign`.
#[derive(Debug, Args)]
pub struct WebhookSignArgs {
    /// The raw request body: a file, or '-' for standard input (also when omitted)
    #[arg(value_name = "BODY-FILE")]
    pub body: Option<PathBuf>,

    /// The x-zm-request-timestamp value to sign, in seconds since 1970 (e.g. $(date +%s))
    #[arg(long, value_name = "T", value_parser = parse_timestamp)]
    pub timestamp: u64,

    #[command(flatten)]
    pub secret: SecretArgs<WebhookSecret>,
}

/// A timestamp exactly as it is sent: the digits `u64` prints, so that the header text and
/// the signed number cannot differ (`+5` or `05` would be signed as `5`).
fn parse_timestamp(text: &str) -> Result<u64, String> {
    match text.parse::<u64>() {
        Ok(n) if n.to_string() == text => Ok(n),
        _ => Err(
            "expected plain decimal digits with no sign or leading zeros, as sent in \
                  x-zm-request-timestamp (e.g. 1700000000)"
                .to_owned(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_written_as_sent() {
        assert_eq!(parse_timestamp("0"), Ok(0));
        assert_eq!(parse_timestamp("1700000000"), Ok(1_700_000_000));
        assert_eq!(parse_timestamp("18446744073709551615"), Ok(u64::MAX));
        // Each text that would be signed as another number ("+5", "05", " 5", ...) is refused
        // through the binary: tests/webhook.rs, sign_takes_the_timestamp_as_it_is_sent.
        assert!(parse_timestamp("05").is_err());
    }
}
