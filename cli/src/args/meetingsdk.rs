//! `jwtmint meetingsdk` (mint a Meeting SDK token) and `jwtmint meetingsdk verify`.

use clap::{Args, Subcommand};
use jwtmint::zoom::Role;

use super::videosdk::{parse_flag, parse_role, SdkIssueArgs};
use super::TokenCheckArgs;
use crate::secret::{MeetingSdkSecret, SecretArgs};

pub const MEETINGSDK_HELP: &str = "\
The token a Meeting SDK client signs in with: the header {\"alg\":\"HS256\",\"typ\":\"JWT\"}
and the payload {\"appKey\":SDK_KEY,\"sdkKey\":SDK_KEY,[\"mn\":\"MN\",\"role\":0|1,]
\"iat\":NOW-SKEW,\"exp\":IAT+TTL,\"tokenExp\":EXP[,\"video_webrtc_mode\":0|1]}, in the member
order of Zoom's meetingsdk-auth-endpoint-sample, signed with HMAC-SHA256 under the Meeting SDK
secret. --mn and --role come together (a web SDK token) or not at all (a native SDK token).
Zoom's rules are checked before anything is signed (mn 1 to 20 digits, role 0 or 1, a
lifetime of 1800 to 172800 s); a value they refuse exits 2 with its code. The default skew of
30 s follows the example in Zoom's Meeting SDK documentation; --skew 0 gives exactly the
sample's token. The token is printed followed by a newline.

`jwtmint meetingsdk verify` checks such a token: see `jwtmint meetingsdk verify --help`.

Examples:
  export ZOOM_MEETING_SDK_KEY=your-sdk-key ZOOM_MEETING_SDK_SECRET=your-sdk-secret
  jwtmint meetingsdk --mn 85746065432 --role 0     # join a meeting from the web SDK
  jwtmint meetingsdk                               # a native SDK token
  jwtmint meetingsdk --mn 85746065432 --role 1 --ttl 3600 --video-webrtc-mode 1
  jwtmint meetingsdk --skew 0 --now 1700000000     # iat 1700000000, exp 1700007200
  jwtmint meetingsdk verify \"$TOKEN\"";

pub const MEETINGSDK_VERIFY_HELP: &str = "\
Checks, each failure with its own message and code: every check of `jwtmint verify` (length,
base64url, header, signature, then exp, nbf and iat against the time with the leeway), with
iat, exp and tokenExp required; tokenExp against the time like exp; then the claims' types
and Zoom's documented rules: appKey or sdkKey present (equal when both are), mn (optional)
digits, role (optional) 0 or 1, exp and tokenExp each 1800 s to 48 h after iat. With
--sdk-key, the token's key must be that one. On success prints the payload JSON exactly as
signed, followed by a newline. From standard input, one trailing newline is ignored.

Exit status: 0 valid, 1 rejected (\"error: <reason> [code N name]\" on stderr), 2 usage error.

Examples:
  jwtmint meetingsdk verify \"$TOKEN\"
  jwtmint meetingsdk --mn 123456789 --role 0 | jwtmint meetingsdk verify
  jwtmint meetingsdk verify --sdk-key your-sdk-key --now 1700000000 \"$TOKEN\"";

/// `jwtmint meetingsdk`: minting flags, or the `verify` subcommand.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct MeetingSdkArgs {
    /// `verify`, when given.
    #[command(subcommand)]
    pub command: Option<MeetingSdkCommand>,

    /// The minting flags, when no subcommand is given.
    #[command(flatten)]
    pub mint: MeetingSdkMintArgs,
}

/// The subcommands of `jwtmint meetingsdk`.
#[derive(Debug, Subcommand)]
pub enum MeetingSdkCommand {
    /// Verify a Meeting SDK token and print its payload
    #[command(after_help = MEETINGSDK_VERIFY_HELP)]
    Verify(MeetingSdkVerifyArgs),
}

/// `jwtmint meetingsdk [--mn ... --role ...]`.
#[derive(Debug, Args)]
pub struct MeetingSdkMintArgs {
    /// mn: the meeting or webinar number, digits (needs --role)
    #[arg(long, value_name = "MEETING_NUMBER", requires = "role")]
    pub mn: Option<String>,

    /// role: 1 (host) or 0 (participant); host and participant are accepted too (needs --mn)
    #[arg(long, value_name = "0|1", requires = "mn", value_parser = parse_role)]
    pub role: Option<Role>,

    /// The Meeting SDK key (or client ID), written as appKey and sdkKey
    /// [default: $ZOOM_MEETING_SDK_KEY]
    #[arg(long, value_name = "SDK_KEY")]
    pub sdk_key: Option<String>,

    /// video_webrtc_mode: 1 to use WebRTC for video (Meeting SDK for web)
    #[arg(long, value_name = "0|1", value_parser = parse_flag)]
    pub video_webrtc_mode: Option<bool>,

    /// --ttl (also tokenExp - iat), --skew (0: as Zoom's sample), --now and the secret.
    #[command(flatten)]
    pub issue: SdkIssueArgs<MeetingSdkSecret>,
}

/// `jwtmint meetingsdk verify`.
#[derive(Debug, Args)]
pub struct MeetingSdkVerifyArgs {
    #[command(flatten)]
    pub check: TokenCheckArgs,

    /// The SDK key the token must name (sdkKey, else appKey) [default: any]
    #[arg(long, value_name = "SDK_KEY")]
    pub sdk_key: Option<String>,

    #[command(flatten)]
    pub secret: SecretArgs<MeetingSdkSecret>,
}
