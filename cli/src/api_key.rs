//! The API key (the token's `iss`): from `--key`, else from `$ZOOM_API_KEY`.

use crate::outcome::{Failure, Outcome};

/// The environment variable holding the API key.
pub const API_KEY_ENV: &str = "ZOOM_API_KEY";

/// `$ZOOM_API_KEY` when set and not empty. An empty variable counts as unset: it is what
/// `export ZOOM_API_KEY=` leaves behind, never a real API key.
pub fn from_env() -> Outcome<Option<String>> {
    match std::env::var_os(API_KEY_ENV) {
        None => Ok(None),
        Some(v) if v.is_empty() => Ok(None),
        Some(v) => v
            .into_string()
            .map(Some)
            .map_err(|_| Failure::usage(format!("${API_KEY_ENV} is not UTF-8 text"))),
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
