//! A minimal Zoom webhook receiver: checks each request's `x-zm-signature`, answers the
//! `endpoint.url_validation` challenge, and logs other events' names to standard error.
//!
//! ```text
//! export ZOOM_WEBHOOK_SECRET_TOKEN=your-secret-token   # from your app's Feature page
//! cargo run --example webhook_receiver                  # http://127.0.0.1:8080/
//! cargo run --example webhook_receiver -- 9000          # or PORT=9000
//! ```
//!
//! It listens on 127.0.0.1 only: to let Zoom reach it, put a tunnel or reverse proxy with
//! TLS in front. The transport handles one request at a time and exists to try the handler;
//! in a service, call `Receiver::handle` from your web framework instead.

mod server;

use std::process::ExitCode;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use jwtmint::zoom::WebhookVerifier;

use server::{Receiver, Server};

/// The port used when neither an argument nor `$PORT` gives one.
const DEFAULT_PORT: u16 = 8080;

/// The secret token used when `$ZOOM_WEBHOOK_SECRET_TOKEN` is not set. PUBLIC, NOT A SECRET:
/// it is in this source code, so it only lets you try the receiver with requests you sign
/// yourself (`jwtmint webhook sign`).
const DEMO_SECRET_TOKEN: &str = "DEMO-ONLY-public-webhook-secret-token-NOT-SECRET";

fn main() -> ExitCode {
    let port = match port() {
        Ok(port) => port,
        Err(message) => {
            eprintln_safe(&format!("error: {message}"));
            return ExitCode::from(2);
        }
    };
    let secret_token = match std::env::var("ZOOM_WEBHOOK_SECRET_TOKEN") {
        Ok(token) if !token.is_empty() => token,
        _ => {
            eprintln_safe(&format!(
                "warning: $ZOOM_WEBHOOK_SECRET_TOKEN is not set; using the PUBLIC DEMO token \
                 {DEMO_SECRET_TOKEN:?}.\n         Zoom's real requests will be refused (401); \
                 set the variable to your app's secret token."
            ));
            DEMO_SECRET_TOKEN.to_owned()
        }
    };
    let verifier = match WebhookVerifier::new(&secret_token) {
        Ok(verifier) => verifier,
        Err(e) => {
            eprintln_safe(&format!("error: {e}"));
            return ExitCode::from(2);
        }
    };
    let receiver = Receiver::new(verifier, Arc::new(jwtmint::now));
    let server = match Server::bind(("127.0.0.1", port), receiver) {
        Ok(server) => server,
        Err(e) => {
            eprintln_safe(&format!("error: cannot listen on 127.0.0.1:{port}: {e}"));
            return ExitCode::from(2);
        }
    };
    match server.local_addr() {
        Ok(addr) => eprintln_safe(&format!(
            "webhook_receiver: listening on http://{addr}/ (Ctrl-C to stop)"
        )),
        Err(e) => eprintln_safe(&format!("webhook_receiver: listening ({e})")),
    }
    // Never set: the example runs until interrupted.
    server.serve(&AtomicBool::new(false));
    ExitCode::SUCCESS
}

/// The port: the first argument, else `$PORT`, else 8080.
fn port() -> Result<u16, String> {
    let (text, from) = match std::env::args().nth(1) {
        Some(arg) => (arg, "the argument"),
        None => match std::env::var("PORT") {
            Ok(port) => (port, "$PORT"),
            Err(_) => return Ok(DEFAULT_PORT),
        },
    };
    text.parse::<u16>()
        .map_err(|_| format!("{from} {text:?} is not a port number (0 to 65535)"))
}

/// `eprintln!` without its panic on a closed standard error.
fn eprintln_safe(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}
