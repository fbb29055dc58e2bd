//! What a server is started with: where it listens, the credentials of each endpoint, who may
//! call it, and its limits. Checked once by [`Config::check`], before anything is bound.

use std::fmt;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use jwtmint::zoom::{
    MeetingSdkTokenBuilder, Role, VideoSdkTokenBuilder, WebhookVerifier, MEETING_SDK_MIN_TTL,
    VIDEO_SDK_MIN_TTL,
};
use jwtmint::Key;
use zeroize::Zeroizing;

/// The address `jwtmint serve` listens on by default: loopback only, Zoom's sample's port.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:4000";

/// The largest request body read: 64 KiB. A token request is a few hundred bytes and Zoom's
/// webhook bodies a few kilobytes; Express's own default is 100 KB.
pub const DEFAULT_BODY_LIMIT: usize = 64 * 1024;

/// Requests per second each client (IP address) may make, with a burst of as many.
pub const DEFAULT_RATE: u32 = 20;

/// How long a client may take to send a request's head, and how long an idle keep-alive
/// connection is kept: hyper starts this timer as soon as a connection waits for a request.
pub const DEFAULT_HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// How long reading a request's body and answering it may take (408 after that).
pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// How long in-flight requests are given to finish after SIGTERM or SIGINT.
pub const DEFAULT_SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

/// The time source: seconds since the epoch. The core's `now` unless a test fixes it.
pub type Clock = Arc<dyn Fn() -> jwtmint::Result<i64> + Send + Sync>;

/// Where lines go: the access log (standard error) and webhook events (standard output) by
/// default, a buffer in tests.
pub type Sink = Arc<dyn Fn(&str) + Send + Sync>;

/// An SDK key and secret: the Video SDK's (`app_key`) for `POST /videosdk`, the Meeting SDK's
/// (`appKey`/`sdkKey`) for `POST /meetingsdk`.
#[derive(Clone)]
pub struct SdkCredentials {
    pub(crate) app_key: String,
    pub(crate) secret: Key,
}

impl SdkCredentials {
    /// The SDK key and the key made from the SDK secret.
    #[must_use]
    pub fn new(app_key: impl Into<String>, secret: Key) -> Self {
        SdkCredentials {
            app_key: app_key.into(),
            secret,
        }
    }
}

impl fmt::Debug for SdkCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SdkCredentials")
            .field("app_key", &self.app_key)
            .field("secret", &format_args!("<redacted>"))
            .finish()
    }
}

/// The server's limits.
#[derive(Debug, Clone)]
pub struct Limits {
    /// The largest request body, in bytes (413 above it).
    pub body_bytes: usize,
    /// Requests per second per client IP address, with a burst of as many (429 above it);
    /// 0 turns the limit off.
    pub rate_per_second: u32,
    /// See [`DEFAULT_HEADER_TIMEOUT`].
    pub header_timeout: Duration,
    /// See [`DEFAULT_REQUEST_TIMEOUT`].
    pub request_timeout: Duration,
    /// See [`DEFAULT_SHUTDOWN_GRACE`].
    pub shutdown_grace: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            body_bytes: DEFAULT_BODY_LIMIT,
            rate_per_second: DEFAULT_RATE,
            header_timeout: DEFAULT_HEADER_TIMEOUT,
            request_timeout: DEFAULT_REQUEST_TIMEOUT,
            shutdown_grace: DEFAULT_SHUTDOWN_GRACE,
        }
    }
}

/// Everything a server runs with. Fields left as [`Config::new`] sets them are the safe
/// defaults: no endpoint but `/healthz`, no caller authentication (so loopback only), no CORS.
#[derive(Clone)]
pub struct Config {
    /// Where to listen. A non-loopback address needs [`bearer`](Self::bearer) or
    /// [`insecure_no_auth`](Self::insecure_no_auth).
    pub listen: SocketAddr,
    /// `POST /videosdk` is served when set.
    pub video_sdk: Option<SdkCredentials>,
    /// `POST /meetingsdk` is served when set.
    pub meeting_sdk: Option<SdkCredentials>,
    /// `POST /webhook` is served when set.
    pub webhook: Option<WebhookVerifier>,
    /// When set, the token endpoints require `Authorization: Bearer <this>`, compared in
    /// constant time. `/webhook` is authenticated by Zoom's signature, `/healthz` is open.
    pub bearer: Option<Zeroizing<String>>,
    /// Allows a non-loopback address without [`bearer`](Self::bearer): anyone who reaches
    /// the server can then mint host tokens for any session.
    pub insecure_no_auth: bool,
    /// The origins (`https://app.example.com`) browsers may call from; none: no CORS headers.
    pub allow_origins: Vec<String>,
    /// Seconds `iat` is backdated (the core's default 30; 0 gives Zoom's sample's `iat = now`).
    pub skew: u64,
    /// The limits.
    pub limits: Limits,
    /// The time source.
    pub clock: Clock,
    /// Where the JSON access log lines go (standard error by default).
    pub access_log: Sink,
    /// Where verified webhook events go, one JSON line each (standard output by default).
    pub events: Sink,
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("listen", &self.listen)
            .field("video_sdk", &self.video_sdk)
            .field("meeting_sdk", &self.meeting_sdk)
            .field("webhook", &self.webhook)
            .field("bearer", &self.bearer.as_ref().map(|_| "<redacted>"))
            .field("insecure_no_auth", &self.insecure_no_auth)
            .field("allow_origins", &self.allow_origins)
            .field("skew", &self.skew)
            .field("limits", &self.limits)
            .finish_non_exhaustive()
    }
}

/// Why a configuration cannot be served.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// A configuration listening on `listen` with the safe defaults.
    #[must_use]
    pub fn new(listen: SocketAddr) -> Self {
        Config {
            listen,
            video_sdk: None,
            meeting_sdk: None,
            webhook: None,
            bearer: None,
            insecure_no_auth: false,
            allow_origins: Vec::new(),
            skew: jwtmint::zoom::DEFAULT_SKEW,
            limits: Limits::default(),
            clock: Arc::new(jwtmint::now),
            access_log: Arc::new(|line| {
                crate::access_log::write_line(&mut std::io::stderr(), line)
            }),
            events: Arc::new(|line| crate::access_log::write_line(&mut std::io::stdout(), line)),
        }
    }

    /// Checks what can be checked before binding: caller authentication for a non-loopback
    /// address, the origins, the bearer value, and (the core judging) that the skew leaves the
    /// shortest lifetime of each SDK token usable.
    ///
    /// # Errors
    /// A [`ConfigError`] saying what to change.
    pub fn check(&self) -> Result<(), ConfigError> {
        if self.bearer.is_some() && self.insecure_no_auth {
            return Err(ConfigError(
                "--bearer-env and --insecure-no-auth contradict each other".into(),
            ));
        }
        if !self.listen.ip().is_loopback() && self.bearer.is_none() && !self.insecure_no_auth {
            return Err(ConfigError(format!(
                "{} is not a loopback address: anyone who reaches it could mint host tokens for \
                 any session; require a bearer token with --bearer-env NAME, or accept that \
                 risk with --insecure-no-auth",
                self.listen
            )));
        }
        if self.bearer.as_ref().is_some_and(|b| b.is_empty()) {
            return Err(ConfigError("the bearer token is empty".into()));
        }
        for origin in &self.allow_origins {
            if !is_origin(origin) {
                return Err(ConfigError(format!(
                    "--allow-origin {origin:?} is not an origin (scheme://host[:port], no path)"
                )));
            }
        }
        // The core decides whether this skew fits the shortest lifetime a request may ask.
        let skew_error = |e: jwtmint::Error| ConfigError(format!("--skew {}: {e}", self.skew));
        if self.video_sdk.is_some() {
            VideoSdkTokenBuilder::new("k", "t", Role::Host)
                .ttl(VIDEO_SDK_MIN_TTL)
                .skew(self.skew)
                .claims_at(0)
                .map_err(skew_error)?;
        }
        if self.meeting_sdk.is_some() {
            MeetingSdkTokenBuilder::new("k")
                .ttl(MEETING_SDK_MIN_TTL)
                .skew(self.skew)
                .claims_at(0)
                .map_err(skew_error)?;
        }
        Ok(())
    }

    /// The endpoints this configuration serves, for the startup log.
    #[must_use]
    pub fn endpoints(&self) -> Vec<(&'static str, bool)> {
        vec![
            ("POST /videosdk", self.video_sdk.is_some()),
            ("POST /meetingsdk", self.meeting_sdk.is_some()),
            ("POST /webhook", self.webhook.is_some()),
            ("GET /healthz", true),
        ]
    }
}

/// `scheme://host[:port]`, as a browser sends it in `Origin`: no path, query or trailing `/`.
fn is_origin(text: &str) -> bool {
    let Ok(uri) = text.parse::<axum::http::Uri>() else {
        return false;
    };
    uri.scheme().is_some()
        && uri.authority().is_some_and(|a| !a.as_str().contains('@'))
        && uri.path_and_query().is_none_or(|p| p.as_str() == "/")
        && !text.ends_with('/')
}
