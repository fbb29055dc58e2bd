//! A minimal Zoom webhook receiver: [`Receiver`] decides what to answer to a request (the
//! part to carry into any web framework), and [`Server`] is a small, strict HTTP/1.1
//! transport over `std::net` for trying it (one request per connection, handled in turn).
//!
//! Shared by `main.rs` (the runnable example) and `tests/webhook_receiver.rs` (which drives
//! it over loopback), so the tested code is the code that runs.

use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream, ToSocketAddrs};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use jwtmint::zoom::{WebhookVerifier, SIGNATURE_HEADER, TIMESTAMP_HEADER, URL_VALIDATION_EVENT};

/// The longest request head (request line and headers) read.
pub const MAX_HEAD: usize = 8 * 1024;

/// The largest body accepted: 1 MiB. Zoom's webhook bodies are a few kilobytes.
pub const MAX_BODY: usize = 1 << 20;

/// How long one connection may take, from accept to the last byte of the request. A client
/// that trickles bytes cannot hold the (single-threaded) server longer than this.
pub const CONNECTION_DEADLINE: Duration = Duration::from_secs(10);

/// The time source: seconds since the epoch. The system clock in `main`, a fixed time in
/// tests.
pub type Clock = Arc<dyn Fn() -> jwtmint::Result<i64> + Send + Sync>;

/// A request header: its name in lower case, and its value's bytes without surrounding
/// blanks.
pub type Header = (String, Vec<u8>);

// ---- The webhook logic --------------------------------------------------------------------

/// What the server answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// The status code.
    pub status: u16,
    /// `application/json` when there is a body.
    pub json: bool,
    /// The body.
    pub body: Vec<u8>,
}

impl Response {
    fn empty(status: u16) -> Self {
        Response {
            status,
            json: false,
            body: Vec::new(),
        }
    }

    fn json(status: u16, body: String) -> Self {
        Response {
            status,
            json: true,
            body: body.into_bytes(),
        }
    }

    /// `{"error": message}`, plus the core's stable `code` and `name` when a core error is the
    /// reason.
    fn error(status: u16, message: &str, core: Option<&jwtmint::Error>) -> Self {
        let body = match core {
            Some(e) => serde_json::json!({"error": message, "code": e.code(), "name": e.name()}),
            None => serde_json::json!({ "error": message }),
        };
        Response::json(status, body.to_string())
    }
}

/// Checks Zoom webhook requests and answers them.
pub struct Receiver {
    verifier: WebhookVerifier,
    clock: Clock,
}

impl Receiver {
    /// A receiver for the app whose secret token `verifier` holds.
    pub fn new(verifier: WebhookVerifier, clock: Clock) -> Self {
        Receiver { verifier, clock }
    }

    /// Answers one `POST` whose headers (names in lower case) and raw body have been read.
    ///
    /// - a missing or repeated `x-zm-request-timestamp` or `x-zm-signature`: 401 or 400;
    /// - a signature or timestamp the core refuses: 401 with `{"error","code","name"}`;
    /// - `endpoint.url_validation`: 200 with `{"plainToken","encryptedToken"}`;
    /// - any other event: 204, and the event's name on standard error.
    pub fn handle(&self, headers: &[Header], body: &[u8]) -> Response {
        let (timestamp, signature) = match (
            header(headers, TIMESTAMP_HEADER),
            header(headers, SIGNATURE_HEADER),
        ) {
            (Ok(Some(t)), Ok(Some(s))) => (t, s),
            (Err(response), _) | (_, Err(response)) => return response,
            (Ok(None), _) => return missing(TIMESTAMP_HEADER),
            (_, Ok(None)) => return missing(SIGNATURE_HEADER),
        };
        let now = match (self.clock)() {
            Ok(now) => now,
            Err(e) => return Response::error(500, &e.to_string(), Some(&e)),
        };
        // The signature first: nothing in the body is read before it is known to be Zoom's.
        if let Err(e) = self.verifier.verify_at(timestamp, body, signature, now) {
            log(&format!("rejected: {e} [code {} {}]", e.code(), e.name()));
            return Response::error(401, &e.to_string(), Some(&e));
        }
        let event = match event_name(body) {
            Some(event) => event,
            None => {
                return Response::error(
                    400,
                    "the body is not a JSON object with an \"event\" string",
                    None,
                )
            }
        };
        if event == URL_VALIDATION_EVENT {
            // The core checks the signature again (a few microseconds) and reads the body
            // strictly: unique member names, payload.plainToken a non-empty string.
            return match self
                .verifier
                .url_validation_at(timestamp, body, signature, now)
            {
                Ok(answer) => {
                    log("answered the endpoint.url_validation challenge");
                    Response::json(200, answer.to_json())
                }
                Err(e) => {
                    log(&format!(
                        "bad challenge: {e} [code {} {}]",
                        e.code(),
                        e.name()
                    ));
                    Response::error(400, &e.to_string(), Some(&e))
                }
            };
        }
        log(&format!("event: {}", printable(&event)));
        Response::empty(204)
    }
}

/// The one value of header `name`; a repeated header is refused (which one would count?).
fn header<'a>(headers: &'a [Header], name: &str) -> Result<Option<&'a [u8]>, Response> {
    let mut found = headers.iter().filter(|(n, _)| n == name);
    match (found.next(), found.next()) {
        (None, _) => Ok(None),
        (Some((_, value)), None) => Ok(Some(value)),
        (Some(_), Some(_)) => Err(Response::error(
            400,
            &format!("the {name} header appears more than once"),
            None,
        )),
    }
}

fn missing(name: &str) -> Response {
    log(&format!("rejected: no {name} header"));
    Response::error(401, &format!("the {name} header is missing"), None)
}

/// The `event` member of a signed body.
fn event_name(body: &[u8]) -> Option<String> {
    let value: serde_json::Value = serde_json::from_slice(body).ok()?;
    value.get("event")?.as_str().map(str::to_owned)
}

/// At most 100 characters, with control characters escaped: an event name is the sender's
/// text, and goes to a terminal.
fn printable(text: &str) -> String {
    let short: String = text.chars().take(100).collect();
    format!("{short:?}")
}

/// Writes a line on standard error; a failed write is ignored (there is nowhere to report it).
fn log(line: &str) {
    let _ = writeln!(io::stderr().lock(), "webhook_receiver: {line}");
}

// ---- The HTTP/1.1 transport ---------------------------------------------------------------

/// A listening server.
pub struct Server {
    listener: TcpListener,
    receiver: Arc<Receiver>,
}

impl Server {
    /// Binds `addr`. Port 0 picks a free port: see [`local_addr`](Self::local_addr).
    pub fn bind(addr: impl ToSocketAddrs, receiver: Receiver) -> io::Result<Self> {
        Ok(Server {
            listener: TcpListener::bind(addr)?,
            receiver: Arc::new(receiver),
        })
    }

    /// The address bound.
    pub fn local_addr(&self) -> io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Serves connections one after the other until `stop` is set (checked after each
    /// accepted connection: to stop a waiting server, set it and connect once).
    pub fn serve(&self, stop: &AtomicBool) {
        for stream in self.listener.incoming() {
            if stop.load(Ordering::SeqCst) {
                break;
            }
            match stream {
                Ok(stream) => {
                    if let Err(e) = serve_connection(stream, &self.receiver) {
                        log(&format!("connection: {e}"));
                    }
                }
                // E.g. out of file descriptors: wait a little instead of spinning.
                Err(e) => {
                    log(&format!("accept: {e}"));
                    std::thread::sleep(Duration::from_millis(50));
                }
            }
        }
    }
}

/// Reads one request, answers it, and closes the connection.
fn serve_connection(mut stream: TcpStream, receiver: &Receiver) -> io::Result<()> {
    let deadline = Instant::now() + CONNECTION_DEADLINE;
    stream.set_write_timeout(Some(Duration::from_secs(5)))?;
    let response = match read_request(&mut stream, deadline) {
        Ok(request) => receiver.handle(&request.headers, &request.body),
        Err(Refusal::Respond(response)) => response,
        Err(Refusal::Io(e)) if e.kind() == io::ErrorKind::UnexpectedEof => {
            // The client left before sending a whole request: no one to answer.
            return Ok(());
        }
        Err(Refusal::Io(e)) if is_timeout(&e) => Response::error(408, "request timeout", None),
        Err(Refusal::Io(e)) => return Err(e),
    };
    write_response(&mut stream, &response)?;
    linger_close(stream);
    Ok(())
}

/// A request read in full.
struct Request {
    headers: Vec<Header>,
    body: Vec<u8>,
}

/// Why no request was handed to the receiver.
enum Refusal {
    /// A request the transport answers itself (405, 411, 413, ...).
    Respond(Response),
    /// The connection failed or timed out.
    Io(io::Error),
}

impl From<io::Error> for Refusal {
    fn from(e: io::Error) -> Self {
        Refusal::Io(e)
    }
}

fn refuse(status: u16, message: &str) -> Refusal {
    Refusal::Respond(Response::error(status, message, None))
}

/// Reads the head (at most [`MAX_HEAD`] bytes), checks it, then reads exactly
/// `Content-Length` bytes of body (at most [`MAX_BODY`]).
fn read_request(stream: &mut TcpStream, deadline: Instant) -> Result<Request, Refusal> {
    let mut buf = Vec::with_capacity(1024);
    let head_end = loop {
        if let Some(at) = find(&buf, b"\r\n\r\n") {
            break at;
        }
        if buf.len() > MAX_HEAD {
            return Err(refuse(431, "the request head is larger than 8 KiB"));
        }
        let mut chunk = [0u8; 1024];
        let n = read_before(stream, &mut chunk, deadline)?;
        if n == 0 {
            return Err(Refusal::Io(io::ErrorKind::UnexpectedEof.into()));
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    if head_end + 4 > MAX_HEAD {
        return Err(refuse(431, "the request head is larger than 8 KiB"));
    }
    let (method, headers) = parse_head(&buf[..head_end])?;
    if method != "POST" {
        return Err(Refusal::Respond(Response::error(
            405,
            "only POST is accepted",
            None,
        )));
    }
    if headers.iter().any(|(n, _)| n == "transfer-encoding") {
        return Err(refuse(
            501,
            "Transfer-Encoding is not supported; send Content-Length",
        ));
    }
    let length = content_length(&headers)?;
    if length > MAX_BODY {
        return Err(refuse(413, "the body is larger than 1 MiB"));
    }
    match headers.iter().find(|(n, _)| n == "expect") {
        Some((_, v)) if v.eq_ignore_ascii_case(b"100-continue") => {
            stream.write_all(b"HTTP/1.1 100 Continue\r\n\r\n")?;
        }
        Some(_) => return Err(refuse(417, "only Expect: 100-continue is supported")),
        None => {}
    }
    let mut body = buf.split_off(head_end + 4);
    // Bytes past the body (a pipelined request) are dropped: the connection closes after one.
    body.truncate(length);
    let start = body.len();
    body.resize(length, 0);
    let mut filled = start;
    while filled < length {
        let n = read_before(stream, &mut body[filled..], deadline)?;
        if n == 0 {
            return Err(Refusal::Io(io::ErrorKind::UnexpectedEof.into()));
        }
        filled += n;
    }
    Ok(Request { headers, body })
}

/// The method and the headers (names in lower case, values without surrounding blanks).
/// Strict, as RFC 9112 allows: CRLF line ends only, no whitespace before a colon, no obsolete
/// line folding, HTTP/1.0 or HTTP/1.1.
fn parse_head(head: &[u8]) -> Result<(String, Vec<Header>), Refusal> {
    let bad = || refuse(400, "malformed request head");
    let mut lines = split(head, b"\r\n");
    let request_line = lines.next().ok_or_else(bad)?;
    let mut parts = request_line.split(|&b| b == b' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad());
    };
    if method.is_empty() || !method.iter().all(|&b| is_token(b)) {
        return Err(bad());
    }
    if target.is_empty() || !target.iter().all(|&b| b.is_ascii_graphic()) {
        return Err(bad());
    }
    match version {
        b"HTTP/1.1" | b"HTTP/1.0" => {}
        v if v.starts_with(b"HTTP/") => {
            return Err(refuse(505, "only HTTP/1.1 and HTTP/1.0 are supported"))
        }
        _ => return Err(bad()),
    }
    let mut headers = Vec::new();
    for line in lines {
        let colon = line.iter().position(|&b| b == b':').ok_or_else(bad)?;
        let (name, value) = (&line[..colon], &line[colon + 1..]);
        if name.is_empty() || !name.iter().all(|&b| is_token(b)) {
            return Err(bad());
        }
        if value.iter().any(|&b| b == b'\r' || b == b'\n' || b == 0) {
            return Err(bad());
        }
        let value = trim_blanks(value);
        headers.push((
            String::from_utf8_lossy(name).to_ascii_lowercase(),
            value.to_vec(),
        ));
    }
    // `method` is token characters, so ASCII.
    Ok((String::from_utf8_lossy(method).into_owned(), headers))
}

/// The one `Content-Length`: required, digits only, not repeated.
fn content_length(headers: &[Header]) -> Result<usize, Refusal> {
    let mut values = headers.iter().filter(|(n, _)| n == "content-length");
    let value = match (values.next(), values.next()) {
        (None, _) => return Err(refuse(411, "Content-Length is required")),
        (Some(_), Some(_)) => return Err(refuse(400, "Content-Length appears more than once")),
        (Some((_, value)), None) => value,
    };
    if value.is_empty() || value.len() > 19 || !value.iter().all(u8::is_ascii_digit) {
        return Err(refuse(400, "Content-Length is not a decimal number"));
    }
    value
        .iter()
        .try_fold(0usize, |n, &d| {
            n.checked_mul(10)?.checked_add(usize::from(d - b'0'))
        })
        .ok_or_else(|| refuse(413, "the body is larger than 1 MiB"))
}

/// One read, waiting no later than `deadline`.
fn read_before(stream: &mut TcpStream, buf: &mut [u8], deadline: Instant) -> io::Result<usize> {
    let left = deadline.saturating_duration_since(Instant::now());
    if left.is_zero() {
        return Err(io::ErrorKind::TimedOut.into());
    }
    stream.set_read_timeout(Some(left))?;
    loop {
        match stream.read(buf) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            other => return other,
        }
    }
}

fn is_timeout(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock
    )
}

fn write_response(stream: &mut TcpStream, response: &Response) -> io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\n",
        response.status,
        reason(response.status)
    );
    if response.status == 405 {
        head.push_str("Allow: POST\r\n");
    }
    // RFC 9110 section 8.6: no Content-Length in a 204.
    if response.status != 204 {
        head.push_str(&format!("Content-Length: {}\r\n", response.body.len()));
    }
    if response.json {
        head.push_str("Content-Type: application/json\r\n");
    }
    head.push_str("Connection: close\r\n\r\n");
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(&response.body);
    stream.write_all(&bytes)?;
    stream.flush()
}

/// Closes after the response: stop sending, then read and drop what the client is still
/// sending (a refused body, for one) for a moment. Closing with unread bytes would make the
/// kernel reset the connection, and the client could lose the response.
fn linger_close(mut stream: TcpStream) {
    let _ = stream.shutdown(Shutdown::Write);
    let _ = stream.set_read_timeout(Some(Duration::from_millis(500)));
    let mut sink = [0u8; 8192];
    let mut drained = 0usize;
    while drained < 2 * MAX_BODY {
        match stream.read(&mut sink) {
            Ok(0) | Err(_) => break,
            Ok(n) => drained += n,
        }
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        204 => "No Content",
        400 => "Bad Request",
        401 => "Unauthorized",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        411 => "Length Required",
        413 => "Content Too Large",
        417 => "Expectation Failed",
        431 => "Request Header Fields Too Large",
        501 => "Not Implemented",
        505 => "HTTP Version Not Supported",
        _ => "Internal Server Error",
    }
}

/// RFC 9110 token characters (header names, methods).
fn is_token(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// Without leading and trailing spaces and tabs.
fn trim_blanks(mut v: &[u8]) -> &[u8] {
    while let [b' ' | b'\t', rest @ ..] = v {
        v = rest;
    }
    while let [rest @ .., b' ' | b'\t'] = v {
        v = rest;
    }
    v
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// `bytes` split at each `sep`.
fn split<'a>(bytes: &'a [u8], sep: &'a [u8]) -> impl Iterator<Item = &'a [u8]> + 'a {
    let mut rest = Some(bytes);
    std::iter::from_fn(move || {
        let current = rest?;
        match find(current, sep) {
            Some(at) => {
                rest = Some(&current[at + sep.len()..]);
                Some(&current[..at])
            }
            None => {
                rest = None;
                Some(current)
            }
        }
    })
}
