//! Zoom presets.
//!
//! - The API JWT of the Video SDK and Account APIs: [`ApiTokenMinter`], with
//!   [`Verifier::zoom_api`](crate::Verifier::zoom_api) to check one, and [`ApiTokenCache`] to
//!   share one between the requests of a service.
//! - The Video SDK session JWT a client joins a session with: [`VideoSdkTokenBuilder`],
//!   [`VideoSdkVerifier`], [`VideoSdkClaims`], [`Role`], [`GeoRegion`].
//! - The Meeting SDK JWT a client signs in with: [`MeetingSdkTokenBuilder`],
//!   [`MeetingSdkVerifier`], [`MeetingSdkClaims`].
//! - Webhooks: [`WebhookVerifier`] checks a request's `x-zm-signature` and answers the
//!   `endpoint.url_validation` challenge.
//! - Secrets used with Zoom's Node.js samples:
//!   [`SecretEncoding::JsrsasignCompat`](crate::SecretEncoding::JsrsasignCompat).

#[macro_use]
mod sdk_common;

mod api;
mod cache;
mod geo;
mod meetingsdk;
mod meetingsdk_claims;
mod meetingsdk_verify;
mod url_validation;
mod videosdk;
mod videosdk_claims;
mod videosdk_tpc;
mod videosdk_verify;
mod webhook;

pub use api::{ApiTokenMinter, DEFAULT_SKEW, DEFAULT_TTL, SUGGESTED_MAX_TTL};
pub use cache::{ApiTokenCache, DEFAULT_REFRESH_MARGIN};
pub use geo::GeoRegion;
pub use meetingsdk::{MeetingSdkClaims, MeetingSdkTokenBuilder, MEETING_SDK_DEFAULT_TTL};
pub use meetingsdk_claims::{MEETING_NUMBER_MAX_DIGITS, MEETING_SDK_MAX_TTL, MEETING_SDK_MIN_TTL};
pub use meetingsdk_verify::{MeetingSdkVerifier, MEETING_SDK_REQUIRED_CLAIMS};

display_as_str!(Role, GeoRegion, TpcNote);
pub use url_validation::UrlValidationResponse;
pub use videosdk::{
    Role, VideoSdkClaims, VideoSdkTokenBuilder, SESSION_KEY_MAX_LEN, TPC_MAX_LEN,
    USER_IDENTITY_MAX_LEN, USER_KEY_MAX_LEN, VIDEO_SDK_DEFAULT_TTL, VIDEO_SDK_MAX_TTL,
    VIDEO_SDK_MIN_TTL, VIDEO_SDK_VERSION,
};
pub use videosdk_tpc::{tpc_notes, TpcNote, TPC_DOCUMENTED_SYMBOLS};
pub use videosdk_verify::{VideoSdkVerifier, VIDEO_SDK_REQUIRED_CLAIMS};
pub use webhook::{
    WebhookVerifier, DEFAULT_WEBHOOK_TOLERANCE, SIGNATURE_HEADER, TIMESTAMP_HEADER,
    URL_VALIDATION_EVENT,
};
