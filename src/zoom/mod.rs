//! Zoom presets: the API JWT of the Video SDK and Account APIs.
//!
//! See [`ApiTokenMinter`] for minting and [`Verifier::zoom_api`](crate::Verifier::zoom_api)
//! for the matching verifier.

mod api;

pub(crate) use api::IssPrefix;
pub use api::{ApiTokenMinter, DEFAULT_SKEW, DEFAULT_TTL, SUGGESTED_MAX_TTL};
