//! The answers the server writes itself: JSON bodies with their status.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

/// `{"error": message}` with `status`: for what is not a validation error of a token request
/// (not found, too large, too many requests, unauthenticated, ...).
pub fn error(status: StatusCode, message: &str) -> Response {
    (status, Json(json!({ "error": message }))).into_response()
}

/// `{"error", "code", "name"}`: a core error with its stable code, for webhook refusals.
pub fn core_error(status: StatusCode, e: &jwtmint::Error) -> Response {
    (
        status,
        Json(json!({ "error": e.to_string(), "code": e.code(), "name": e.name() })),
    )
        .into_response()
}

/// What an endpoint whose credentials are not configured answers, as for an unknown path.
pub fn not_found() -> Response {
    error(StatusCode::NOT_FOUND, "not found")
}

/// A failure of the server's own, never of the request: the system clock is unusable.
pub fn internal(e: &jwtmint::Error) -> Response {
    core_error(StatusCode::INTERNAL_SERVER_ERROR, e)
}
