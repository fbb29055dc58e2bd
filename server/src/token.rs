//! What the token endpoints share: reading the body, asking the endpoint's builder, minting at
//! the server's time, and answering in the shape of Zoom's auth endpoint samples. An endpoint
//! is a [`TokenEndpoint`]; its route is `post(token::handle::<It>)` in `app.rs`.

use std::sync::Arc;

use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use jwtmint::{Error, Key};
use serde_json::{Map, Value};

use crate::app::AppState;
use crate::config::SdkCredentials;
use crate::problems::{Fields, Problems};
use crate::reply;

/// One token endpoint: its credentials, how a request becomes its core builder, and its
/// answer.
pub trait TokenEndpoint {
    /// The core's builder.
    type Builder;

    /// The credentials it signs with, when configured (404 otherwise).
    fn credentials(state: &AppState) -> Option<&SdkCredentials>;

    /// The builder for the request's members (`key` is the SDK key), or every problem of type
    /// found in them.
    fn read(fields: &mut Fields<'_>, key: &str) -> Result<Self::Builder, Problems>;

    /// Mints with the server's skew at `now`: the core checks every rule first.
    fn mint(builder: Self::Builder, skew: u64, secret: &Key, now: i64) -> jwtmint::Result<String>;

    /// The request member a core error is about (the core names the claim).
    fn member_of(e: &Error) -> &'static str;

    /// The 200 body for `token`, signed for `key`.
    fn answer(token: String, key: &str) -> Value;
}

/// The handler of every token endpoint.
pub async fn handle<E: TokenEndpoint>(
    State(state): State<Arc<AppState>>,
    body: Result<Json<Value>, JsonRejection>,
) -> Response {
    let Some(credentials) = E::credentials(&state) else {
        return reply::not_found();
    };
    let members = match object(body) {
        Ok(members) => members,
        Err((status, problems)) => return problems.with_status(status),
    };
    let builder = match E::read(&mut Fields::new(&members), &credentials.app_key) {
        Ok(builder) => builder,
        Err(problems) => return problems.into_response(),
    };
    let now = match (state.clock)() {
        Ok(now) => now,
        Err(e) => return reply::internal(&e),
    };
    match E::mint(builder, state.skew, &credentials.secret, now) {
        Ok(token) => Json(E::answer(token, &credentials.app_key)).into_response(),
        Err(e) => {
            let mut problems = Problems::default();
            problems.core(E::member_of(&e), &e);
            problems.into_response()
        }
    }
}

/// The members of a token request's body: a JSON object. 413 for a body over the limit, 415
/// for one not declared as JSON, 400 for one that is not JSON or not an object; each in the
/// sample's 400 shape, so a client reads all of them the same way.
fn object(
    body: Result<Json<Value>, JsonRejection>,
) -> Result<Map<String, Value>, (StatusCode, Problems)> {
    let (status, reason) = match body {
        Ok(Json(Value::Object(members))) => return Ok(members),
        Ok(Json(_)) => (
            StatusCode::BAD_REQUEST,
            "The request body must be a JSON object".to_owned(),
        ),
        Err(rejection) => (
            match rejection.status() {
                StatusCode::UNPROCESSABLE_ENTITY => StatusCode::BAD_REQUEST,
                status => status,
            },
            rejection.body_text(),
        ),
    };
    let mut problems = Problems::default();
    problems.add("body", reason);
    Err((status, problems))
}
