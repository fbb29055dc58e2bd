//! The listener: accepts connections, serves each with hyper's HTTP/1.1 (with its header-read
//! timeout), and on shutdown stops accepting, lets in-flight requests finish (up to the
//! grace period) and closes idle connections.

use std::future::Future;
use std::io;
use std::net::SocketAddr;

use axum::extract::ConnectInfo;
use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tower::ServiceExt;

use crate::access_log::event_line;
use crate::config::{Config, ConfigError};

/// The read buffer, and so the largest request head: 16 KiB.
const MAX_HEAD: usize = 16 * 1024;

/// A bound server, ready to [`run`](Self::run).
pub struct Server {
    listener: TcpListener,
    config: Config,
}

impl Server {
    /// Checks `config` ([`Config::check`]) and binds its address.
    ///
    /// # Errors
    /// `InvalidInput` with the [`ConfigError`] for a configuration that cannot be served; the
    /// bind's own error otherwise.
    pub async fn bind(config: Config) -> io::Result<Server> {
        config
            .check()
            .map_err(|e: ConfigError| io::Error::new(io::ErrorKind::InvalidInput, e))?;
        let listener = TcpListener::bind(config.listen).await?;
        Ok(Server { listener, config })
    }

    /// The address it listens on (the port the system chose for port 0).
    ///
    /// # Errors
    /// The socket's error.
    pub fn local_addr(&self) -> io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Serves until `shutdown` completes, then finishes in-flight requests (up to the
    /// configured grace period) and returns. Logs a start line (with the endpoints enabled)
    /// and a stop line.
    ///
    /// # Errors
    /// The socket's error, if it cannot say its own address.
    pub async fn run(self, shutdown: impl Future<Output = ()>) -> io::Result<()> {
        let Server { listener, config } = self;
        let addr = listener.local_addr()?;
        let app = crate::app::router(&config);
        let endpoints: serde_json::Map<String, serde_json::Value> = config
            .endpoints()
            .into_iter()
            .map(|(route, on)| (route.to_owned(), on.into()))
            .collect();
        (config.access_log)(&event_line(
            "listening",
            serde_json::json!({
                "addr": addr.to_string(),
                "endpoints": endpoints,
                "bearer_auth": config.bearer.is_some(),
                "allow_origins": config.allow_origins,
            }),
        ));

        let mut http = http1::Builder::new();
        http.timer(TokioTimer::new())
            .header_read_timeout(config.limits.header_timeout)
            // A request head (line and headers) over 16 KiB, or with more than hyper's 100
            // headers, is answered 431 instead of being buffered.
            .max_buf_size(MAX_HEAD)
            .keep_alive(true);
        let graceful = GracefulShutdown::new();
        tokio::pin!(shutdown);
        loop {
            tokio::select! {
                accepted = listener.accept() => {
                    let (stream, peer) = match accepted {
                        Ok(pair) => pair,
                        // Out of file descriptors, a connection reset before accept, ...:
                        // this connection is lost, the server goes on.
                        Err(_) => {
                            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
                            continue;
                        }
                    };
                    let _ = stream.set_nodelay(true);
                    let service = TowerToHyperService::new(with_peer(app.clone(), peer));
                    let conn = http.serve_connection(TokioIo::new(stream), service);
                    let conn = graceful.watch(conn);
                    tokio::spawn(async move {
                        // A client that goes away mid-request is no error of the server's.
                        let _ = conn.await;
                    });
                }
                () = &mut shutdown => break,
            }
        }
        drop(listener);
        let in_flight = graceful.count();
        let finished = tokio::time::timeout(config.limits.shutdown_grace, graceful.shutdown())
            .await
            .is_ok();
        (config.access_log)(&event_line(
            "stopped",
            serde_json::json!({ "connections_at_shutdown": in_flight, "clean": finished }),
        ));
        Ok(())
    }
}

/// The router with the client's address as a request extension (for the access log and the
/// rate limit), as `into_make_service_with_connect_info` would give it.
fn with_peer(
    app: Router,
    peer: SocketAddr,
) -> impl tower::Service<
    axum::extract::Request<hyper::body::Incoming>,
    Response = axum::response::Response,
    Error = std::convert::Infallible,
    Future = impl Send,
> + Clone {
    app.map_request(
        move |mut request: axum::extract::Request<hyper::body::Incoming>| {
            request.extensions_mut().insert(ConnectInfo(peer));
            request
        },
    )
}

/// Runs a server for `config` on a new multi-threaded runtime until SIGTERM or SIGINT, for a
/// caller without a runtime of its own (the CLI).
///
/// # Errors
/// As [`Server::bind`] and [`Server::run`]; the runtime's or the signal handler's error.
pub fn serve_until_signal(config: Config) -> io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let stop = stop_signal()?;
        Server::bind(config).await?.run(stop).await
    })
}

/// Completes on SIGTERM (what `docker stop`, systemd and Kubernetes send) or SIGINT (Ctrl-C).
#[cfg(unix)]
fn stop_signal() -> io::Result<impl Future<Output = ()>> {
    use tokio::signal::unix::{signal, SignalKind};
    let mut terminate = signal(SignalKind::terminate())?;
    Ok(async move {
        tokio::select! {
            _ = terminate.recv() => {}
            _ = tokio::signal::ctrl_c() => {}
        }
    })
}

/// Completes on Ctrl-C.
#[cfg(not(unix))]
fn stop_signal() -> io::Result<impl Future<Output = ()>> {
    Ok(async {
        let _ = tokio::signal::ctrl_c().await;
    })
}
