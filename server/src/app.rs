//! The routes and the layers around them.
//!
//! From the outside in: the access log, CORS (so a browser's preflight is answered before any
//! other check), the request timeout (408), the body limit (413), the rate limit (429), then
//! per route the bearer token of the token endpoints (401). A new token endpoint is one more
//! line in [`token_routes`] and its handler (as `/meetingsdk` was).

use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::from_fn_with_state;
use axum::routing::{get, post};
use axum::{Json, Router};
use jwtmint::zoom::WebhookVerifier;
use serde_json::json;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::timeout::TimeoutLayer;

use crate::config::{Clock, Config, SdkCredentials, Sink};
use crate::meetingsdk::MeetingSdk;
use crate::videosdk::VideoSdk;
use crate::{access_log, guard, reply, token, webhook};

/// What the handlers share.
pub struct AppState {
    pub video_sdk: Option<SdkCredentials>,
    pub meeting_sdk: Option<SdkCredentials>,
    pub webhook: Option<WebhookVerifier>,
    pub skew: u64,
    pub clock: Clock,
    pub events: Sink,
}

/// The endpoints that mint tokens: behind the bearer token when one is configured.
fn token_routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/videosdk", post(token::handle::<VideoSdk>))
        .route("/meetingsdk", post(token::handle::<MeetingSdk>))
}

/// The whole application for `config`. Must be called within a tokio runtime (the rate
/// limiter's cleanup is a task).
pub fn router(config: &Config) -> Router {
    let state = Arc::new(AppState {
        video_sdk: config.video_sdk.clone(),
        meeting_sdk: config.meeting_sdk.clone(),
        webhook: config.webhook.clone(),
        skew: config.skew,
        clock: config.clock.clone(),
        events: config.events.clone(),
    });
    let mut tokens = token_routes();
    if let Some(bearer) = &config.bearer {
        let bearer: guard::Bearer = Arc::new(bearer.clone());
        tokens = tokens.route_layer(from_fn_with_state(bearer, guard::require_bearer));
    }
    let mut app = tokens
        .route("/webhook", post(webhook::handle))
        .route(
            "/healthz",
            get(|| async { Json(json!({ "status": "ok" })) }),
        )
        .fallback(|| async { reply::not_found() })
        .method_not_allowed_fallback(|| async {
            reply::error(StatusCode::METHOD_NOT_ALLOWED, "method not allowed")
        })
        .with_state(state);
    if let Some(limiter) = guard::limiter(config.limits.rate_per_second) {
        guard::spawn_cleanup(&limiter);
        app = app.layer(from_fn_with_state(limiter, guard::rate_limit));
    }
    app = app
        .layer(DefaultBodyLimit::max(config.limits.body_bytes))
        .layer(from_fn_with_state(
            config.limits.body_bytes,
            guard::announced_length,
        ))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            config.limits.request_timeout,
        ));
    if let Some(cors) = cors(&config.allow_origins) {
        app = app.layer(cors);
    }
    app.layer(from_fn_with_state(
        config.access_log.clone(),
        access_log::log,
    ))
}

/// CORS for the listed origins only; none: no CORS headers, so browsers on other origins
/// cannot read the answers.
fn cors(origins: &[String]) -> Option<CorsLayer> {
    if origins.is_empty() {
        return None;
    }
    // `Config::check` refused any origin that is not a header value.
    let origins: Vec<HeaderValue> = origins
        .iter()
        .filter_map(|o| HeaderValue::from_str(o).ok())
        .collect();
    Some(
        CorsLayer::new()
            .allow_origin(AllowOrigin::list(origins))
            .allow_methods([Method::GET, Method::POST])
            .allow_headers([header::CONTENT_TYPE, header::AUTHORIZATION])
            .max_age(std::time::Duration::from_secs(600)),
    )
}
