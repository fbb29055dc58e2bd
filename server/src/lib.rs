//! `jwtmint serve`: the auth endpoint every Zoom Video SDK app needs, and a Zoom webhook
//! receiver, over HTTP.
//!
//! A thin door onto the `jwtmint` core, as the CLI is: the request's JSON becomes calls on
//! [`jwtmint::zoom::VideoSdkTokenBuilder`] and [`jwtmint::zoom::WebhookVerifier`], and their
//! errors become HTTP answers. The request and response shapes are those of Zoom's
//! `videosdk-auth-endpoint-sample`, so a client written against it works unchanged:
//!
//! | route | answer |
//! |---|---|
//! | `POST /videosdk` | `200 {"signature": "<jwt>"}`, `400 {"errors": [{"property", "reason"}]}` |
//! | `POST /meetingsdk` | `200 {"signature": "<jwt>", "sdkKey": "..."}`, 400 as above (Zoom's `meetingsdk-auth-endpoint-sample`) |
//! | `POST /webhook` | the `endpoint.url_validation` answer (200), other events 204 and one JSON line on standard output, `401` for a bad signature |
//! | `GET /healthz` | `200 {"status":"ok"}` |
//!
//! An endpoint whose credentials are not configured answers 404. What makes it safe to expose
//! (caller authentication, CORS, limits, timeouts) is in [`Config`].
//!
//! ```no_run
//! use jwtmint_server::{Config, SdkCredentials, Server};
//! use jwtmint::Key;
//!
//! # async fn run() -> std::io::Result<()> {
//! let mut config = Config::new("127.0.0.1:4000".parse().unwrap());
//! let secret = Key::from_text("my-video-sdk-secret-of-36-characters").unwrap();
//! config.video_sdk = Some(SdkCredentials::new("my-sdk-key", secret));
//! let server = Server::bind(config).await?;
//! server.run(async { let _ = tokio::signal::ctrl_c().await; }).await
//! # }
//! ```

#![forbid(unsafe_code)]

mod access_log;
mod app;
mod config;
mod guard;
mod meetingsdk;
mod problems;
mod reply;
mod serve;
mod token;
mod videosdk;
mod webhook;

pub use config::{
    Clock, Config, ConfigError, Limits, SdkCredentials, Sink, DEFAULT_BODY_LIMIT,
    DEFAULT_HEADER_TIMEOUT, DEFAULT_LISTEN, DEFAULT_RATE, DEFAULT_REQUEST_TIMEOUT,
    DEFAULT_SHUTDOWN_GRACE,
};
pub use serve::{serve_until_signal, Server};
