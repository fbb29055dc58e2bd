//! `jwtmint.WebhookVerifier`: Zoom webhook signatures and the URL validation challenge.

use jwtmint::zoom::{WebhookVerifier, DEFAULT_WEBHOOK_TOLERANCE};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyInt, PyString};

use crate::convert::{data, now_or_clock, Data, Int};
use crate::errors::Raise;
use crate::gil;
use crate::slot::{owner_class, Slot};

/// Checks Zoom webhook requests for one app's webhook secret token: the ``x-zm-signature``
/// header (``v0=`` and the hex HMAC-SHA256 of ``v0:<timestamp>:<body>``, compared in constant
/// time) and the ``x-zm-request-timestamp`` header (within ``tolerance`` seconds of now,
/// either way).
///
/// Immutable once made; any number of threads may share one. The library keeps only the HMAC
/// state derived from the secret, and wipes it on :meth:`close`.
///
/// Args:
///     secret_token: the app's webhook secret token, as Zoom shows it (str or bytes; any
///         length but 0).
///     tolerance: how far the request's timestamp may be from now, in seconds (default 300).
///         Replays are accepted within this window: keep it short.
///
/// >>> import jwtmint
/// >>> webhook = jwtmint.WebhookVerifier("ZOOM_WEBHOOK_SECRET_TOKEN")
/// >>> body = b'{"event":"meeting.started","payload":{}}'
/// >>> signature = webhook.sign(1700000000, body)
/// >>> webhook.verify("1700000000", body, signature, now=1700000010)
/// 1700000000
#[pyclass(module = "jwtmint", name = "WebhookVerifier", frozen, weakref)]
pub struct PyWebhookVerifier {
    slot: Slot<WebhookVerifier>,
    tolerance: u64,
}

/// The `x-zm-request-timestamp` value: its text, or an int written in decimal.
fn timestamp<'py>(value: &Bound<'py, PyAny>) -> PyResult<Data<'py>> {
    if value.is_instance_of::<PyInt>() && !value.is_instance_of::<PyBool>() {
        return Ok(Data::Owned(value.str()?.to_cow()?.as_bytes().to_vec()));
    }
    data(value, "timestamp")
}

/// A request's three header and body values.
struct Request<'py> {
    timestamp: Data<'py>,
    body: Data<'py>,
    signature: Data<'py>,
}

impl<'py> Request<'py> {
    fn new(
        timestamp: &Bound<'py, PyAny>,
        body: &Bound<'py, PyAny>,
        signature: &Bound<'py, PyAny>,
    ) -> PyResult<Self> {
        Ok(Request {
            timestamp: self::timestamp(timestamp)?,
            body: data(body, "body")?,
            signature: data(signature, "signature")?,
        })
    }
}

impl PyWebhookVerifier {
    /// `check` of the request (`timestamp`, `body`, `signature`) at `now` (default: the system
    /// clock), the GIL released for long bodies: the one path of `verify` and
    /// `url_validation`.
    fn checked<T: Send>(
        &self,
        timestamp: &Bound<'_, PyAny>,
        body: &Bound<'_, PyAny>,
        signature: &Bound<'_, PyAny>,
        now: Option<Int<i64>>,
        check: impl FnOnce(&WebhookVerifier, &[u8], &[u8], &[u8], i64) -> jwtmint::Result<T> + Send,
    ) -> PyResult<T> {
        let py = body.py();
        let request = Request::new(timestamp, body, signature)?;
        let now = now_or_clock(py, now)?;
        let verifier = self.slot.get()?;
        let (t, b, s) = (
            request.timestamp.as_bytes(),
            request.body.as_bytes(),
            request.signature.as_bytes(),
        );
        gil::run(py, b.len(), || check(&verifier, t, b, s, now)).or_raise(py)
    }
}

owner_class!(PyWebhookVerifier, "WebhookVerifier", {
    #[new]
    #[pyo3(signature = (secret_token, *, tolerance = Int::Fits(DEFAULT_WEBHOOK_TOLERANCE)))]
    fn new(secret_token: &Bound<'_, PyAny>, tolerance: Int<u64>) -> PyResult<Self> {
        let py = secret_token.py();
        let secret = data(secret_token, "secret_token")?;
        let tolerance = tolerance.seconds(py, "tolerance")?;
        let verifier = WebhookVerifier::new(secret.as_bytes())
            .or_raise(py)?
            .with_tolerance(tolerance);
        Ok(PyWebhookVerifier {
            tolerance: verifier.tolerance(),
            slot: Slot::new(verifier, "WebhookVerifier"),
        })
    }

    /// How far, in seconds, a request's timestamp may be from now.
    #[getter]
    fn tolerance(&self) -> u64 {
        self.tolerance
    }

    /// Checks a request: its ``x-zm-request-timestamp`` header value, its raw body (exactly
    /// the bytes received: pass ``bytes``; a ``str`` is encoded as UTF-8) and its
    /// ``x-zm-signature`` header value, at the time ``now`` (default: the system clock).
    /// Returns the request's timestamp.
    ///
    /// Raises :class:`~jwtmint.ZoomError` (620-625) naming the first check that failed.
    #[pyo3(signature = (timestamp, body, signature, now = None))]
    fn verify(
        &self,
        timestamp: &Bound<'_, PyAny>,
        body: &Bound<'_, PyAny>,
        signature: &Bound<'_, PyAny>,
        now: Option<Int<i64>>,
    ) -> PyResult<u64> {
        self.checked(timestamp, body, signature, now, |v, t, b, s, now| {
            v.verify_at(t, b, s, now)
        })
    }

    /// Answers Zoom's ``endpoint.url_validation`` challenge: checks the request as
    /// :meth:`verify` does, reads the body strictly, and returns the response body,
    /// ``{"plainToken": ..., "encryptedToken": <hex HMAC-SHA256 of plainToken>}``, to send as
    /// JSON with status 200.
    ///
    /// Raises :class:`~jwtmint.ZoomError`: 620-625 as :meth:`verify`, 626 for a body that is
    /// not a JSON object with unique names, 627 for another event, 628 for a missing or empty
    /// ``plainToken``.
    #[pyo3(signature = (timestamp, body, signature, now = None))]
    fn url_validation<'py>(
        &self,
        timestamp: &Bound<'py, PyAny>,
        body: &Bound<'py, PyAny>,
        signature: &Bound<'py, PyAny>,
        now: Option<Int<i64>>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let answer = self.checked(timestamp, body, signature, now, |v, t, b, s, now| {
            v.url_validation_at(t, b, s, now)
        })?;
        let dict = PyDict::new(body.py());
        dict.set_item("plainToken", answer.plain_token())?;
        dict.set_item("encryptedToken", answer.encrypted_token())?;
        Ok(dict)
    }

    /// The ``x-zm-signature`` value of a request with this timestamp (seconds since the epoch)
    /// and raw body: ``v0=`` and 64 lower-case hex digits. For tests and senders.
    fn sign<'py>(
        &self,
        timestamp: Int<u64>,
        body: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyString>> {
        let py = body.py();
        let timestamp = timestamp.seconds(py, "timestamp")?;
        let body = data(body, "body")?;
        let verifier = self.slot.get()?;
        Ok(PyString::new(
            py,
            &verifier.sign(timestamp, body.as_bytes()),
        ))
    }

    fn __repr__(&self) -> String {
        self.slot.repr(&format!("tolerance={}", self.tolerance))
    }
});
