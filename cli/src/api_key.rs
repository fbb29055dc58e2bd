//! The public half of the credentials: the API key (the token's `iss`) from `--key` or
//! `$ZOOM_API_KEY`, the Video SDK key (`app_key`) from `--key` or `$ZOOM_VIDEO_SDK_KEY`, and
//! the Meeting SDK key (`appKey`/`sdkKey`) from `--sdk-key` or `$ZOOM_MEETING_SDK_KEY`.

use crate::outcome::{Failure, Outcome};

/// The environment variable holding the API key.
pub const API_KEY_ENV: &str = "ZOOM_API_KEY";

/// The environment variable holding the Video SDK key.
pub const VIDEO_SDK_KEY_ENV: &str = "ZOOM_VIDEO_SDK_KEY";

/// The environment variable holding the Meeting SDK key.
pub const MEETING_SDK_KEY_ENV: &str = "ZOOM_MEETING_SDK_KEY";

/// `$ZOOM_API_KEY` when set and not empty.
pub fn from_env() -> Outcome<Option<String>> {
    from_var(API_KEY_ENV)
}

/// The variable `name` when set and not empty. An empty variable counts as unset: it is what
/// `export ZOOM_API_KEY=` leaves behind, never a real key.
pub fn from_var(name: &str) -> Outcome<Option<String>> {
    match std::env::var_os(name) {
        None => Ok(None),
        Some(v) if v.is_empty() => Ok(None),
        Some(v) => v
            .into_string()
            .map(Some)
            .map_err(|_| Failure::usage(format!("${name} is not UTF-8 text"))),
    }
}

/// The flag's value, else `$ZOOM_API_KEY`, else a usage error saying how to give one.
pub fn required(flag: Option<String>) -> Outcome<String> {
    match flag {
        Some(key) => Ok(key),
        None => from_env()?.ok_or_else(|| {
            Failure::usage(format!(
                "no API key: pass --key KEY or set {API_KEY_ENV} (the API key from your Zoom app)"
            ))
        }),
    }
}

/// The flag's value, else `$ZOOM_VIDEO_SDK_KEY`, else a usage error saying how to give one.
/// Also says where the key came from, for the hint on an `app_key` mismatch.
pub fn required_video_sdk(flag: Option<String>) -> Outcome<(String, bool)> {
    required_sdk(flag, VIDEO_SDK_KEY_ENV, "--key", "Video SDK")
}

/// The flag's value, else `$ZOOM_MEETING_SDK_KEY`, else a usage error saying how to give one.
pub fn required_meeting_sdk(flag: Option<String>) -> Outcome<String> {
    required_sdk(flag, MEETING_SDK_KEY_ENV, "--sdk-key", "Meeting SDK").map(|(key, _)| key)
}

/// An SDK key from `flag` or the variable `env`, and whether it came from the variable.
fn required_sdk(
    flag: Option<String>,
    env: &str,
    flag_name: &str,
    sdk: &str,
) -> Outcome<(String, bool)> {
    match flag {
        Some(key) => Ok((key, false)),
        None => match from_var(env)? {
            Some(key) => Ok((key, true)),
            None => Err(Failure::usage(format!(
                "no {sdk} key: pass {flag_name} SDK_KEY or set {env} (the SDK key from your \
                 Zoom {sdk} app)"
            ))),
        },
    }
}
