//! Who may call: the bearer token of the token endpoints, and the per-client rate limit.

use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

use crate::reply;

/// `Authorization: Bearer <token>` required, compared in constant time.
pub type Bearer = Arc<Zeroizing<String>>;

/// Refuses a request without the configured bearer token: 401 with `WWW-Authenticate`.
pub async fn require_bearer(
    State(expected): State<Bearer>,
    request: Request,
    next: Next,
) -> Response {
    let given = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.as_bytes().strip_prefix(b"Bearer "));
    // `ct_eq` on slices of different lengths is false without comparing; the length of the
    // expected token is not the secret, its bytes are.
    let ok = given.is_some_and(|given| bool::from(given.ct_eq(expected.as_bytes())));
    if ok {
        return next.run(request).await;
    }
    let mut response = reply::error(
        StatusCode::UNAUTHORIZED,
        "this endpoint requires Authorization: Bearer <token>",
    );
    response
        .headers_mut()
        .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    response
}

/// The per-client limiter: requests per second by IP address, with a burst of as many.
pub type Limiter = Arc<DefaultKeyedRateLimiter<IpAddr>>;

/// A limiter for `per_second` requests per second per client; `None` for 0 (no limit).
pub fn limiter(per_second: u32) -> Option<Limiter> {
    NonZeroU32::new(per_second).map(|n| Arc::new(RateLimiter::keyed(Quota::per_second(n))))
}

/// Forgets clients that are back under their limit, every minute, so the table's size
/// follows the clients of the last minute, not every address ever seen.
pub fn spawn_cleanup(limiter: &Limiter) {
    let limiter = Arc::downgrade(limiter);
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(60));
        loop {
            tick.tick().await;
            let Some(limiter) = limiter.upgrade() else {
                return;
            };
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
    });
}

/// 429 with `Retry-After` for a client over its rate.
pub async fn rate_limit(
    State(limiter): State<Limiter>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    request: Request,
    next: Next,
) -> Response {
    match limiter.check_key(&client.ip()) {
        Ok(()) => next.run(request).await,
        Err(not_until) => {
            let wait = not_until.wait_time_from(governor::clock::Clock::now(limiter.clock()));
            let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
            let mut response = reply::error(
                StatusCode::TOO_MANY_REQUESTS,
                "too many requests from this client",
            );
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds.max(1)));
            response.into_response()
        }
    }
}

/// 413 before any body byte is read when the announced `Content-Length` is over the limit
/// (a body that arrives without one is cut at the limit by axum's `DefaultBodyLimit`).
pub async fn announced_length(
    State(limit): State<usize>,
    request: Request,
    next: Next,
) -> Response {
    let announced = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if announced.is_some_and(|n| n > limit as u64) {
        return reply::error(
            StatusCode::PAYLOAD_TOO_LARGE,
            &format!("the request body is larger than {limit} bytes"),
        );
    }
    next.run(request).await
}
