//! The command line: commands, flags, help text and examples. The Zoom extras' commands are
//! in their own modules.

mod meetingsdk;
#[cfg(feature = "serve")]
mod serve;
mod videosdk;
mod webhook;

use std::ffi::OsString;

use clap::{Args, Parser, Subcommand};
use jwtmint::zoom::{DEFAULT_SKEW, DEFAULT_TTL};
use jwtmint::{DEFAULT_LEEWAY, DEFAULT_MAX_LEN};

use crate::claims::{parse_claim, Claim};
use crate::secret::{ApiSecret, SecretArgs};
pub use meetingsdk::{MeetingSdkArgs, MeetingSdkCommand, MeetingSdkMintArgs, MeetingSdkVerifyArgs};
#[cfg(feature = "serve")]
pub use serve::ServeArgs;
pub use videosdk::{VideoSdkArgs, VideoSdkCommand, VideoSdkMintArgs, VideoSdkVerifyArgs};
pub use webhook::{WebhookArgs, WebhookCheckArgs, WebhookCommand, WebhookSignArgs};

const ABOUT: &str = "Mint, verify and decode HS256 JSON Web Tokens for Zoom's Video SDK and \
                     Account APIs";

const TOP_HELP: &str = "\
Exit status: 0 success, 1 token or webhook request rejected, 2 usage or configuration error.

Examples:
  jwtmint demo                  # try it: mint, decode and verify with a built-in demo key
  export ZOOM_API_KEY=your-api-key ZOOM_API_SECRET=your-api-secret
  jwtmint mint                  # a Zoom API JWT, valid for one hour
  curl https://api.zoom.us/v2/videosdk/sessions -H \"Authorization: Bearer $(jwtmint mint)\"
  jwtmint verify \"$TOKEN\"       # check the signature and claims, print the payload
  jwtmint decode \"$TOKEN\"       # look inside without verifying
  jwtmint videosdk --tpc my-session --role host   # a Video SDK session token
  jwtmint meetingsdk --mn 85746065432 --role 0     # a Meeting SDK token
  jwtmint webhook verify --timestamp \"$TS\" --signature \"$SIG\" body.json
  jwtmint serve                 # the Video SDK auth endpoint on http://127.0.0.1:4000";

const MINT_HELP: &str = "\
The token is the header {\"alg\":\"HS256\",\"typ\":\"JWT\"} and the payload
{\"iss\":KEY,\"iat\":NOW-SKEW,\"exp\":IAT+TTL} followed by any --claim in order, signed with
HMAC-SHA256 under the API secret, as on Zoom's \"Generate API JWT\" page. It is printed
followed by a newline.

Examples:
  jwtmint mint                                # key from $ZOOM_API_KEY, secret from $ZOOM_API_SECRET
  jwtmint mint --key your-api-key --secret-file secret.txt
  jwtmint mint --ttl 600 --claim role=1 --claim 'name=\"x\"'
  jwtmint mint --now 1700000000               # reproducible: iat 1699999970, exp 1700003570
  pass show zoom/secret | jwtmint mint --secret-file -
  export TOKEN=$(jwtmint mint)";

const VERIFY_HELP: &str = "\
Checks, each failure with its own message and code: the length; three segments of canonical
base64url; the header (alg must be HS256, the key decides the algorithm); the signature; then
the claims: required claims present, the issuer, and exp, nbf and iat against the time with
the leeway. On success prints the payload JSON exactly as signed, followed by a newline.
From standard input, one trailing newline (\\n or \\r\\n) is ignored, nothing else.

Exit status: 0 valid, 1 rejected (\"error: <reason> [code N name]\" on stderr), 2 usage error.

Examples:
  jwtmint verify \"$TOKEN\"
  jwtmint mint | jwtmint verify               # the token from standard input
  jwtmint verify --iss your-api-key --leeway 0 \"$TOKEN\"
  jwtmint verify --require '' \"$TOKEN\"        # require no claim (those present are still checked)
  jwtmint verify --now 1700000000 \"$TOKEN\"";

const DECODE_HELP: &str = "\
Prints {\"header\": ..., \"payload\": ...} with both parts exactly as they are in the token.
Only the shape of those two parts is checked, by the core's unverified decoder: three
dot-separated segments, the header and payload non-empty canonical base64url, each a JSON
object with unique member names, at most 64 KiB in all. The signature segment is not read at
all (it may even be empty, as in an unsigned \"alg\":\"none\" token): the signature is NOT
verified, and anyone can write a token that decodes. Use `jwtmint verify` to trust a token.

Exit status: 0 decoded, 1 malformed, 2 usage error.

Examples:
  jwtmint decode \"$TOKEN\"
  jwtmint mint | jwtmint decode
  jwtmint decode \"$TOKEN\" | jq .payload.exp";

const DEMO_HELP: &str = "\
Mints a Zoom API JWT, shows its decoded parts, verifies it and prints a ready curl command,
all locally: nothing is sent over the network.

By default it uses a built-in DEMO key (API key jwtmint-demo-api-key). Its secret is public,
so Zoom refuses its tokens. When an API key ($ZOOM_API_KEY or --key) and a secret
($ZOOM_API_SECRET, --secret-env or --secret-file) are available, it mints a real token with
them instead, and says so.

Examples:
  jwtmint demo
  ZOOM_API_KEY=your-api-key ZOOM_API_SECRET=your-api-secret jwtmint demo
  jwtmint demo --now 1700000000";

const COMPLETIONS_HELP: &str = "\
Prints the completion script for SHELL on standard output, made from the same definitions as
--help, so it always matches this binary's commands and flags.

Examples:
  jwtmint completions bash > ~/.local/share/bash-completion/completions/jwtmint
  source <(jwtmint completions bash)          # this bash session only
  jwtmint completions zsh > \"${fpath[1]}/_jwtmint\"
  jwtmint completions fish > ~/.config/fish/completions/jwtmint.fish";

const MAN_HELP: &str = "\
Prints the jwtmint(1) manual page in roff, made from the same definitions as --help; with a
command, that command's page (jwtmint-mint(1), jwtmint-webhook-verify(1), ...), which the
page of its parent lists.

Examples:
  jwtmint man | man -l -
  jwtmint man webhook verify | man -l -
  jwtmint man > ~/.local/share/man/man1/jwtmint.1
  jwtmint man mint > ~/.local/share/man/man1/jwtmint-mint.1";

/// `jwtmint`.
#[derive(Debug, Parser)]
#[command(
    name = "jwtmint",
    version,
    about = ABOUT,
    after_help = TOP_HELP,
    propagate_version = true,
    arg_required_else_help = true
)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Mint a Zoom API JWT and print it
    #[command(after_help = MINT_HELP)]
    Mint(MintArgs),
    /// Verify a token and print its payload
    #[command(after_help = VERIFY_HELP)]
    Verify(VerifyArgs),
    /// Show a token's header and payload WITHOUT verifying it
    #[command(after_help = DECODE_HELP)]
    Decode(DecodeArgs),
    /// Walk through minting, decoding and verifying a token (start here)
    #[command(after_help = DEMO_HELP)]
    Demo(DemoArgs),
    /// Mint a Video SDK session token (or `videosdk verify` one)
    #[command(name = "videosdk", after_help = videosdk::VIDEOSDK_HELP)]
    VideoSdk(Box<VideoSdkArgs>),
    /// Mint a Meeting SDK token (or `meetingsdk verify` one)
    #[command(name = "meetingsdk", after_help = meetingsdk::MEETINGSDK_HELP)]
    MeetingSdk(Box<MeetingSdkArgs>),
    /// Verify a Zoom webhook request's signature, answer its URL validation, or sign a body
    #[command(after_help = webhook::WEBHOOK_HELP, arg_required_else_help = true)]
    Webhook(WebhookArgs),
    /// Serve the Video SDK auth endpoint and a webhook receiver over HTTP
    #[cfg(feature = "serve")]
    #[command(after_help = serve::SERVE_HELP)]
    Serve(Box<ServeArgs>),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish)
    #[command(after_help = COMPLETIONS_HELP)]
    Completions(CompletionsArgs),
    /// Print the manual page of jwtmint or of one of its commands (roff)
    #[command(after_help = MAN_HELP)]
    Man(ManArgs),
}

/// `jwtmint mint`.
#[derive(Debug, Args)]
pub struct MintArgs {
    /// The API key, written as the issuer (iss) [default: $ZOOM_API_KEY]
    #[arg(long, value_name = "KEY")]
    pub key: Option<String>,

    /// Lifetime in seconds (exp - iat); more than 3600 works but warns
    #[arg(long, value_name = "SECONDS", default_value_t = DEFAULT_TTL)]
    pub ttl: u64,

    /// Seconds iat is backdated, for clocks that run behind
    #[arg(long, value_name = "SECONDS", default_value_t = DEFAULT_SKEW)]
    pub skew: u64,

    #[command(flatten)]
    pub clock: Clock,

    /// An extra claim, after iss, iat and exp; the value is JSON (role=1, 'name="x"').
    /// Repeatable; kept in order
    #[arg(long = "claim", value_name = "NAME=JSON", value_parser = parse_claim)]
    pub claims: Vec<Claim>,

    #[command(flatten)]
    pub secret: SecretArgs<ApiSecret>,
}

/// `jwtmint verify`.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    #[command(flatten)]
    pub check: TokenCheckArgs,

    /// The expected issuer (iss), your API key [default: $ZOOM_API_KEY when set; otherwise
    /// the issuer is not checked]
    #[arg(long, value_name = "ISSUER")]
    pub iss: Option<String>,

    /// Comma-separated claims that must be present ('' for none)
    #[arg(long, value_name = "LIST", default_value = "iss,iat,exp")]
    pub require: String,

    #[command(flatten)]
    pub secret: SecretArgs<ApiSecret>,
}

/// What every token-verifying command reads (`verify` and `videosdk verify`): the token and
/// the limits the core's verifier takes.
#[derive(Debug, Args)]
pub struct TokenCheckArgs {
    /// The token, or '-' to read it from standard input (also when omitted)
    #[arg(value_name = "TOKEN")]
    pub token: Option<OsString>,

    /// Seconds of clock difference allowed for exp, nbf and iat
    #[arg(long, value_name = "SECONDS", default_value_t = DEFAULT_LEEWAY)]
    pub leeway: u64,

    /// The longest token accepted, in bytes
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_LEN)]
    pub max_len: usize,

    #[command(flatten)]
    pub clock: Clock,
}

/// `jwtmint decode`.
#[derive(Debug, Args)]
pub struct DecodeArgs {
    /// The token, or '-' to read it from standard input (also when omitted)
    #[arg(value_name = "TOKEN")]
    pub token: Option<OsString>,
}

/// `--now`, for every command that reads the time.
#[derive(Debug, Args)]
pub struct Clock {
    /// Act as if the time were EPOCH (seconds since 1970) instead of the system clock
    #[arg(long = "now", value_name = "EPOCH", allow_negative_numbers = true)]
    pub fixed: Option<i64>,
}

/// `jwtmint completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to write the script for
    #[arg(value_name = "SHELL", value_enum)]
    pub shell: clap_complete::Shell,
}

/// `jwtmint man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// The command whose page to print (e.g. `mint`, `webhook verify`) [default: jwtmint's]
    #[arg(value_name = "COMMAND")]
    pub command: Vec<String>,
}

/// `jwtmint demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Your API key, for a real token instead of the demo one [default: $ZOOM_API_KEY]
    #[arg(long, value_name = "KEY")]
    pub key: Option<String>,

    #[command(flatten)]
    pub clock: Clock,

    #[command(flatten)]
    pub secret: SecretArgs<ApiSecret>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
