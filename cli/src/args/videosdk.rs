//! `jwtmint videosdk` (mint a Video SDK session token) and `jwtmint videosdk verify`.

use clap::{Args, Subcommand};
use jwtmint::zoom::{GeoRegion, Role, DEFAULT_SKEW, VIDEO_SDK_DEFAULT_TTL};

use super::{Clock, TokenCheckArgs};

use crate::outcome::with_code;
use crate::secret::{SecretArgs, SecretKind, VideoSdkSecret};

pub const VIDEOSDK_HELP: &str = "\
The token a Video SDK client starts or joins a session with: the header
{\"alg\":\"HS256\",\"typ\":\"JWT\"} and the payload {\"app_key\":SDK_KEY,\"role_type\":1|0,
\"tpc\":NAME,\"version\":1,\"iat\":NOW-SKEW,\"exp\":IAT+TTL}, then the optional claims given,
in the member order of Zoom's auth endpoint sample, signed with HMAC-SHA256 under the Video
SDK secret. Zoom's rules are checked before anything is signed (tpc 1 to 200 UTF-16 code
units, user_identity up to 35, user_key and session_key up to 36, known geo regions, none
twice, a lifetime of 1800 to 172800 s); a value they refuse exits 2 with its code. A tpc
outside the character set Zoom documents, or with upper-case letters (Zoom lower-cases
session names), is minted with a warning on standard error. The token is printed followed
by a newline.

`jwtmint videosdk verify` checks such a token: see `jwtmint videosdk verify --help`.

Examples:
  export ZOOM_VIDEO_SDK_KEY=your-sdk-key ZOOM_VIDEO_SDK_SECRET=your-sdk-secret
  jwtmint videosdk --tpc my-session --role host
  jwtmint videosdk --tpc my-session --role participant --user-key user-42 --ttl 3600
  jwtmint videosdk --tpc my-session --role 1 --geo-regions US,DE --cloud-recording-option 1
  jwtmint videosdk --tpc my-session --role host --now 1700000000   # iat 1699999970, exp 1700007170
  jwtmint videosdk --tpc my-session --role host --secret-file sdk-secret.txt
  jwtmint videosdk --tpc s --role host --secret-encoding jsrsasign  # secret of Zoom's Node sample
  jwtmint videosdk verify \"$TOKEN\"";

pub const VIDEOSDK_VERIFY_HELP: &str = "\
Checks, each failure with its own message and code: every check of `jwtmint verify` (length,
base64url, header, signature, then exp, nbf and iat against the time with the leeway), with
app_key, tpc, role_type, version, iat and exp required; then the claims' types, app_key
equal to the expected SDK key, and Zoom's rules for each claim (the rules `jwtmint videosdk`
mints by). On success prints the payload JSON exactly as signed, followed by a newline.
From standard input, one trailing newline (\\n or \\r\\n) is ignored, nothing else.

Exit status: 0 valid, 1 rejected (\"error: <reason> [code N name]\" on stderr), 2 usage error.

Examples:
  jwtmint videosdk verify \"$TOKEN\"                  # key from $ZOOM_VIDEO_SDK_KEY
  jwtmint videosdk --tpc s --role host | jwtmint videosdk verify
  jwtmint videosdk verify --key your-sdk-key --leeway 0 \"$TOKEN\"
  jwtmint videosdk verify --now 1700000000 \"$TOKEN\" | jq .role_type";

/// `jwtmint videosdk`: minting flags, or the `verify` subcommand.
#[derive(Debug, Args)]
#[command(
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true,
    arg_required_else_help = true
)]
pub struct VideoSdkArgs {
    /// `verify`, when given.
    #[command(subcommand)]
    pub command: Option<VideoSdkCommand>,

    /// The minting flags, when no subcommand is given.
    #[command(flatten)]
    pub mint: VideoSdkMintArgs,
}

/// The subcommands of `jwtmint videosdk`.
#[derive(Debug, Subcommand)]
pub enum VideoSdkCommand {
    /// Verify a Video SDK token and print its payload
    #[command(after_help = VIDEOSDK_VERIFY_HELP)]
    Verify(VideoSdkVerifyArgs),
}

/// The geo regions of `--geo-regions` (a type of its own: clap reads an `Option<Vec<_>>` as
/// a repeated flag).
#[derive(Debug, Clone)]
pub struct GeoRegions(pub Vec<GeoRegion>);

/// `jwtmint videosdk --tpc ... --role ...`.
#[derive(Debug, Args)]
pub struct VideoSdkMintArgs {
    /// The session name (tpc): 1 to 200 UTF-16 code units
    #[arg(long, value_name = "NAME", required = true)]
    pub tpc: Option<String>,

    /// host (role_type 1: the first to join hosts, later ones co-host) or participant
    /// (role_type 0); 1 and 0 are accepted too
    #[arg(long, value_name = "ROLE", required = true, value_parser = parse_role)]
    pub role: Option<Role>,

    /// The Video SDK key, written as app_key [default: $ZOOM_VIDEO_SDK_KEY]
    #[arg(long, value_name = "SDK_KEY")]
    pub key: Option<String>,

    /// user_identity: the user's identifier in your own system, up to 35 UTF-16 code units
    #[arg(long, value_name = "TEXT")]
    pub user_identity: Option<String>,

    /// user_key: the user's identifier, up to 36 UTF-16 code units (the name Zoom documents
    /// today; user_identity is its previous name, still written by Zoom's sample)
    #[arg(long, value_name = "TEXT")]
    pub user_key: Option<String>,

    /// session_key: the session's identifier in your own system, up to 36 UTF-16 code units
    #[arg(long, value_name = "TEXT")]
    pub session_key: Option<String>,

    /// geo_regions: the regions the session's media may use, comma-separated, no spaces
    /// (AU, BR, CA, CN, DE, HK, IN, JP, MX, NL, SG, US)
    #[arg(long, value_name = "LIST", value_parser = parse_geo_regions)]
    pub geo_regions: Option<GeoRegions>,

    /// cloud_recording_option: 1 records each participant's video separately, 0 one combined
    /// recording
    #[arg(long, value_name = "0|1", value_parser = parse_flag)]
    pub cloud_recording_option: Option<bool>,

    /// cloud_recording_election: 1 lets this user be elected to make the cloud recording
    #[arg(long, value_name = "0|1", value_parser = parse_flag)]
    pub cloud_recording_election: Option<bool>,

    /// telemetry_tracking_id: an identifier for Zoom's telemetry of this session
    #[arg(long, value_name = "TEXT")]
    pub telemetry_tracking_id: Option<String>,

    /// video_webrtc_mode: 1 to use WebRTC for video (Video SDK for web)
    #[arg(long, value_name = "0|1", value_parser = parse_flag)]
    pub video_webrtc_mode: Option<bool>,

    /// audio_webrtc_mode: 1 to use WebRTC for audio (Video SDK for web)
    #[arg(long, value_name = "0|1", value_parser = parse_flag)]
    pub audio_webrtc_mode: Option<bool>,

    #[command(flatten)]
    pub issue: SdkIssueArgs<VideoSdkSecret>,
}

/// When an SDK token is issued and with which secret: the flags `videosdk` and `meetingsdk`
/// share (both samples' lifetimes are 1800 to 172800 s, two hours by default).
#[derive(Debug, Args)]
pub struct SdkIssueArgs<K: SecretKind> {
    /// Lifetime in seconds (exp - iat); Zoom accepts 1800 to 172800
    #[arg(long, value_name = "SECONDS", default_value_t = VIDEO_SDK_DEFAULT_TTL)]
    pub ttl: u64,

    /// Seconds iat is backdated, for clocks that run ahead of Zoom's
    #[arg(long, value_name = "SECONDS", default_value_t = DEFAULT_SKEW)]
    pub skew: u64,

    #[command(flatten)]
    pub clock: Clock,

    #[command(flatten)]
    pub secret: SecretArgs<K>,
}

/// `jwtmint videosdk verify`.
#[derive(Debug, Args)]
pub struct VideoSdkVerifyArgs {
    #[command(flatten)]
    pub check: TokenCheckArgs,

    /// The expected app_key, your Video SDK key [default: $ZOOM_VIDEO_SDK_KEY]
    #[arg(long, value_name = "SDK_KEY")]
    pub key: Option<String>,

    #[command(flatten)]
    pub secret: SecretArgs<VideoSdkSecret>,
}

/// The core's `Role` parser, its message with the code.
pub(super) fn parse_role(text: &str) -> Result<Role, String> {
    text.parse::<Role>().map_err(|e| with_code(&e))
}

/// The core's `GeoRegion::parse_list`, its message with the code.
fn parse_geo_regions(text: &str) -> Result<GeoRegions, String> {
    GeoRegion::parse_list(text)
        .map(GeoRegions)
        .map_err(|e| with_code(&e))
}

/// A flag claim: exactly `0` or `1`, as it is written in the token.
pub(super) fn parse_flag(text: &str) -> Result<bool, String> {
    match text {
        "0" => Ok(false),
        "1" => Ok(true),
        _ => Err("expected 0 or 1".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_are_exactly_0_or_1() {
        assert_eq!(parse_flag("0"), Ok(false));
        assert_eq!(parse_flag("1"), Ok(true));
        for bad in ["", "2", "true", "01", " 1", "1 "] {
            assert!(parse_flag(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn parsers_carry_the_core_code() {
        assert!(parse_role("admin").unwrap_err().contains("[code 103 "));
        assert!(parse_geo_regions("US,XX")
            .unwrap_err()
            .contains("[code 602 unknown_geo_region]"));
        assert!(parse_geo_regions("US,US")
            .unwrap_err()
            .contains("[code 603 duplicate_geo_region]"));
    }
}
