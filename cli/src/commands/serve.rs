//! `jwtmint serve`: the flags and the environment become a `jwtmint_server::Config`; the
//! server does the rest.

use std::time::Duration;

use jwtmint_server::{Config, Limits, SdkCredentials};
use zeroize::Zeroizing;

use crate::api_key::{self, MEETING_SDK_KEY_ENV, VIDEO_SDK_KEY_ENV};
use crate::args::ServeArgs;
use crate::outcome::{Failure, Outcome};
use crate::secret::{MeetingSdkSecret, SecretArgs, SecretKind, VideoSdkSecret, WebhookSecret};

/// Serves until SIGTERM or SIGINT.
pub fn run(args: ServeArgs) -> Outcome {
    let mut config = Config::new(args.listen);
    config.video_sdk = credentials::<VideoSdkSecret>(VIDEO_SDK_KEY_ENV, &args)?;
    config.meeting_sdk = credentials::<MeetingSdkSecret>(MEETING_SDK_KEY_ENV, &args)?;
    let webhook = SecretArgs::<WebhookSecret>::default_env(args.secret_encoding);
    if webhook.available() {
        config.webhook = Some(webhook.load_webhook_verifier()?);
    }
    config.bearer = args.bearer_env.as_deref().map(bearer).transpose()?;
    config.insecure_no_auth = args.insecure_no_auth;
    config.allow_origins = args.allow_origins;
    config.skew = args.skew;
    config.limits = Limits {
        body_bytes: args.body_limit,
        rate_per_second: args.rate,
        header_timeout: Duration::from_secs(args.header_timeout),
        request_timeout: Duration::from_secs(args.request_timeout),
        shutdown_grace: Duration::from_secs(args.shutdown_grace),
    };
    config.check().map_err(|e| Failure::usage(e.to_string()))?;
    jwtmint_server::serve_until_signal(config)
        .map_err(|e| Failure::usage(format!("cannot serve on {}: {e}", args.listen)))
}

/// An SDK's credentials when both halves are set ($key_env and the kind's secret variable);
/// one without the other is a mistake.
fn credentials<K: SecretKind>(key_env: &str, args: &ServeArgs) -> Outcome<Option<SdkCredentials>> {
    let secret = SecretArgs::<K>::default_env(args.secret_encoding);
    match (api_key::from_var(key_env)?, secret.available()) {
        (Some(key), true) => Ok(Some(SdkCredentials::new(key, secret.load_key()?))),
        (None, false) => Ok(None),
        (Some(_), false) => Err(Failure::usage(format!(
            "{key_env} is set but not the {}; set both, or neither",
            K::WHAT
        ))),
        (None, true) => Err(Failure::usage(format!(
            "the {} is set but not {key_env}; set both, or neither",
            K::WHAT
        ))),
    }
}

/// The bearer token from the variable `name`: set, not empty, UTF-8.
fn bearer(name: &str) -> Outcome<Zeroizing<String>> {
    match std::env::var(name) {
        Ok(value) if !value.is_empty() => Ok(Zeroizing::new(value)),
        _ => Err(Failure::usage(format!(
            "--bearer-env {name}: ${name} is not set, empty or not UTF-8"
        ))),
    }
}
