//! `POST /webhook`: Zoom's webhook requests, checked by the core's [`WebhookVerifier`] on the
//! raw body.
//!
//! - `endpoint.url_validation` (signed): 200 with the core's `{"plainToken","encryptedToken"}`.
//! - Any other signed event: 204, and the body written as one compact JSON line to the events
//!   sink (standard output), for a pipe or a log shipper.
//! - A missing header: 401 `{"error"}`; a repeated one: 400. A bad signature or timestamp:
//!   401 `{"error","code","name"}` with the core's code (620 to 625).
//! - A signed body the core cannot read as an event: 400, same shape.
//!
//! The core tells the two kinds of signed request apart (its `UnexpectedWebhookEvent` is
//! "verified, but not the challenge"); nothing here reads the event name.
//!
//! [`WebhookVerifier`]: jwtmint::zoom::WebhookVerifier

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use jwtmint::zoom::{SIGNATURE_HEADER, TIMESTAMP_HEADER};
use jwtmint::Error;

use crate::app::AppState;
use crate::reply;

/// The handler. Answers 404 when no webhook secret token is configured.
pub async fn handle(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let Some(verifier) = &state.webhook else {
        return reply::not_found();
    };
    let body = match body {
        Ok(body) => body,
        Err(rejection) => return reply::error(rejection.status(), &rejection.body_text()),
    };
    let (timestamp, signature) = match (
        one(&headers, TIMESTAMP_HEADER),
        one(&headers, SIGNATURE_HEADER),
    ) {
        (Ok(timestamp), Ok(signature)) => (timestamp, signature),
        (Err((status, message)), _) | (_, Err((status, message))) => {
            return reply::error(status, &message)
        }
    };
    let now = match (state.clock)() {
        Ok(now) => now,
        Err(e) => return reply::internal(&e),
    };
    match verifier.url_validation_at(timestamp, &body, signature, now) {
        Ok(answer) => (
            [(axum::http::header::CONTENT_TYPE, "application/json")],
            answer.to_json(),
        )
            .into_response(),
        Err(Error::UnexpectedWebhookEvent { .. }) => event(&state, &body),
        Err(e) if is_signature_error(&e) => reply::core_error(StatusCode::UNAUTHORIZED, &e),
        Err(e) => reply::core_error(StatusCode::BAD_REQUEST, &e),
    }
}

/// The one value of a header Zoom sends once: 401 when it is missing, 400 when it is
/// repeated (which of two signatures would be the one checked?).
fn one<'h>(headers: &'h HeaderMap, name: &str) -> Result<&'h [u8], (StatusCode, String)> {
    let mut values = headers.get_all(name).iter();
    match (values.next(), values.next()) {
        (Some(value), None) => Ok(value.as_bytes()),
        (None, _) => Err((
            StatusCode::UNAUTHORIZED,
            format!("the {name} header is missing"),
        )),
        (Some(_), Some(_)) => Err((
            StatusCode::BAD_REQUEST,
            format!("the {name} header is given more than once"),
        )),
    }
}

/// The timestamp and signature checks, made before the body is read.
fn is_signature_error(e: &Error) -> bool {
    matches!(
        e,
        Error::WebhookTimestampMalformed
            | Error::WebhookSignaturePrefix
            | Error::WebhookSignatureLength { .. }
            | Error::WebhookSignatureEncoding
            | Error::WebhookSignatureMismatch
            | Error::WebhookTimestampOutOfTolerance { .. }
    )
}

/// A verified event: one compact JSON line (Zoom may send the body pretty-printed).
fn event(state: &AppState, body: &[u8]) -> Response {
    match serde_json::from_slice::<serde_json::Value>(body) {
        Ok(value) => {
            (state.events)(&value.to_string());
            StatusCode::NO_CONTENT.into_response()
        }
        // The core has read it as JSON already; this is the belt to its braces.
        Err(e) => reply::error(StatusCode::BAD_REQUEST, &e.to_string()),
    }
}
