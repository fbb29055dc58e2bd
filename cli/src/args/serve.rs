//! `jwtmint serve`: the flags of the HTTP server (the server itself is the jwtmint-server
//! crate).

use std::net::SocketAddr;

use clap::Args;
use jwtmint::zoom::DEFAULT_SKEW;
use jwtmint::SecretEncoding;
use jwtmint_server::{DEFAULT_BODY_LIMIT, DEFAULT_LISTEN, DEFAULT_RATE};

use crate::secret::parse_encoding;

pub const SERVE_HELP: &str = "\
Serves the auth endpoints of Zoom's Video SDK and Meeting SDK and a webhook receiver over
HTTP/1.1, with the request and response shapes of Zoom's auth endpoint samples:
  POST /videosdk    {\"sessionName\",\"role\",...} -> 200 {\"signature\":\"<jwt>\"}, 400 {\"errors\":[...]}
  POST /meetingsdk  {\"meetingNumber\",\"role\",...} -> 200 {\"signature\",\"sdkKey\"}, 400 {\"errors\":[...]}
  POST /webhook     Zoom's signed webhooks: url_validation answered, other events one JSON line
                    each on standard output; 401 for a bad signature
  GET  /healthz     200 {\"status\":\"ok\"}
Credentials come from the environment: ZOOM_VIDEO_SDK_KEY and ZOOM_VIDEO_SDK_SECRET enable
/videosdk, ZOOM_MEETING_SDK_KEY and ZOOM_MEETING_SDK_SECRET enable /meetingsdk,
ZOOM_WEBHOOK_SECRET_TOKEN enables /webhook; an endpoint without them answers 404, and the
first log line says which are enabled. The access log is JSON lines on standard error,
never with a header, a body or a token. SIGTERM or SIGINT stops it after in-flight requests.

It listens on loopback only unless told otherwise: a non-loopback --listen needs --bearer-env
(callers of /videosdk and /meetingsdk must send Authorization: Bearer <the variable's value>) or
--insecure-no-auth.

Examples:
  export ZOOM_VIDEO_SDK_KEY=your-sdk-key ZOOM_VIDEO_SDK_SECRET=your-sdk-secret
  jwtmint serve                                   # http://127.0.0.1:4000
  curl -s localhost:4000/videosdk -H 'content-type: application/json' \\
    -d '{\"sessionName\":\"room-1\",\"role\":1}'
  jwtmint serve --allow-origin https://app.example.com
  API_TOKEN=$(openssl rand -hex 32) jwtmint serve --listen 0.0.0.0:4000 --bearer-env API_TOKEN";

/// `jwtmint serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The address and port to listen on
    #[arg(long, value_name = "ADDR:PORT", default_value = DEFAULT_LISTEN)]
    pub listen: SocketAddr,

    /// Require `Authorization: Bearer <value of $NAME>` on /videosdk and /meetingsdk (needed
    /// to listen on a non-loopback address)
    #[arg(long, value_name = "NAME")]
    pub bearer_env: Option<String>,

    /// Listen on a non-loopback address with no caller authentication: anyone who reaches it
    /// can mint host tokens for any session
    #[arg(long, conflicts_with = "bearer_env")]
    pub insecure_no_auth: bool,

    /// A browser origin allowed to call (CORS, preflight answered); repeatable. None: no CORS
    #[arg(long = "allow-origin", value_name = "ORIGIN")]
    pub allow_origins: Vec<String>,

    /// Requests per second per client IP address, with a burst of as many (429 above); 0 for
    /// no limit
    #[arg(long, value_name = "N", default_value_t = DEFAULT_RATE)]
    pub rate: u32,

    /// The largest request body, in bytes (413 above)
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_BODY_LIMIT)]
    pub body_limit: usize,

    /// Seconds a client may take to send a request's head; also how long an idle keep-alive
    /// connection is kept
    #[arg(long, value_name = "SECONDS", default_value_t = 10)]
    pub header_timeout: u64,

    /// Seconds reading a request's body and answering may take (408 above)
    #[arg(long, value_name = "SECONDS", default_value_t = 10)]
    pub request_timeout: u64,

    /// Seconds in-flight requests are given to finish after SIGTERM or SIGINT
    #[arg(long, value_name = "SECONDS", default_value_t = 10)]
    pub shutdown_grace: u64,

    /// Seconds iat is backdated (0: iat = now, as Zoom's sample does)
    #[arg(long, value_name = "SECONDS", default_value_t = DEFAULT_SKEW)]
    pub skew: u64,

    /// How the secret texts become key bytes: utf8, hex, base64, base64url, or jsrsasign (as
    /// Zoom's Node.js samples read a secret string)
    #[arg(
        long,
        value_name = "ENCODING",
        default_value = "utf8",
        value_parser = parse_encoding
    )]
    pub secret_encoding: SecretEncoding,
}
