//! Minting: Zoom API JWTs (`ApiTokenMinter`, `mint_api_token`) and tokens of any claims (`mint`).

use jwtmint::zoom::{ApiTokenMinter, DEFAULT_SKEW, DEFAULT_TTL};
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::claims_json::claims_json;
use crate::convert::{now_or_clock, repr_text, text, Int};
use crate::errors::Raise;
use crate::gil;
use crate::key::{key_or_secret, require_key};
use crate::slot::{owner_class, Slot};

/// Mints Zoom API JWTs for one API key and secret, as Zoom's Node.js sample does: header
/// ``{"alg":"HS256","typ":"JWT"}``, payload ``{"iss":api_key,"iat":now-skew,"exp":iat+ttl}``,
/// byte for byte.
///
/// The header, the start of the payload and the HMAC state over them are computed once, here;
/// each :meth:`mint` then costs little. A minter may be shared by any number of threads.
///
/// Args:
///     api_key: the Zoom API key (the token's ``iss``).
///     key: the :class:`Key` made from the API secret.
///     skew: seconds to backdate ``iat`` by, to absorb clock differences (default 30).
///     ttl: the token's lifetime, ``exp - iat``, in seconds (default 3600).
///
/// >>> import jwtmint
/// >>> key = jwtmint.Key("my-zoom-api-secret-of-36-characters!")
/// >>> minter = jwtmint.ApiTokenMinter("my-api-key", key)
/// >>> token = minter.mint(now=1700000000)
/// >>> token.split(".")[1]  # {"iss":"my-api-key","iat":1699999970,"exp":1700003570}
/// 'eyJpc3MiOiJteS1hcGkta2V5IiwiaWF0IjoxNjk5OTk5OTcwLCJleHAiOjE3MDAwMDM1NzB9'
#[pyclass(module = "jwtmint", name = "ApiTokenMinter", frozen, weakref)]
pub struct PyApiTokenMinter {
    pub slot: Slot<ApiTokenMinter>,
    /// The core minter's settings, kept for the properties and `repr` after `close()`.
    api_key: String,
    skew: u64,
    ttl: u64,
    max_token_len: usize,
}

/// The core's minter for these arguments.
fn new_minter(
    py: Python<'_>,
    api_key: &Bound<'_, PyAny>,
    key: &jwtmint::Key,
    skew: Int<u64>,
    ttl: Int<u64>,
) -> PyResult<ApiTokenMinter> {
    let api_key = text(api_key, "api_key")?;
    let (skew, ttl) = (skew.seconds(py, "skew")?, ttl.seconds(py, "ttl")?);
    ApiTokenMinter::new(&api_key, key.clone())
        .or_raise(py)?
        .with_skew(skew)
        .with_ttl(ttl)
        .or_raise(py)
}

/// A token the core wrote as bytes, as a `str` (tokens are ASCII).
pub fn token_str<'py>(py: Python<'py>, token: &[u8]) -> PyResult<Bound<'py, PyString>> {
    match std::str::from_utf8(token) {
        Ok(token) if !token.is_empty() => Ok(PyString::new(py, token)),
        _ => Err(PyRuntimeError::new_err(
            "the core wrote no token, or one that is not ASCII",
        )),
    }
}

owner_class!(PyApiTokenMinter, "ApiTokenMinter", {
    #[new]
    #[pyo3(signature = (api_key, key, *, skew = Int::Fits(DEFAULT_SKEW), ttl = Int::Fits(DEFAULT_TTL)))]
    fn new(
        api_key: &Bound<'_, PyAny>,
        key: &Bound<'_, PyAny>,
        skew: Int<u64>,
        ttl: Int<u64>,
    ) -> PyResult<Self> {
        let py = key.py();
        let key = require_key(key, "key")?.get().slot.get()?;
        let minter = new_minter(py, api_key, &key, skew, ttl)?;
        Ok(PyApiTokenMinter {
            api_key: minter.api_key().to_string(),
            skew: minter.skew(),
            ttl: minter.ttl(),
            max_token_len: minter.max_token_len(),
            slot: Slot::new(minter, "ApiTokenMinter"),
        })
    }

    /// A token issued at ``now`` (seconds since the Unix epoch; default: the system clock):
    /// ``iat = now - skew``, ``exp = iat + ttl``.
    ///
    /// Raises :class:`~jwtmint.TimeOverflow` when those times do not fit a 64-bit
    /// NumericDate, :class:`~jwtmint.InvalidArgument` when ``skew >= ttl``.
    #[pyo3(signature = (now = None))]
    fn mint<'py>(&self, py: Python<'py>, now: Option<Int<i64>>) -> PyResult<Bound<'py, PyString>> {
        let now = now_or_clock(py, now)?;
        let minter = self.slot.get()?;
        // A Zoom API token fits this buffer unless the API key is very long.
        let mut buffer = [0u8; 384];
        if minter.max_token_len() <= buffer.len() {
            let len = minter.mint_into(now, &mut buffer).or_raise(py)?;
            let token = buffer.get(..len).unwrap_or_default();
            return token_str(py, token);
        }
        let token = minter.mint_at(now).or_raise(py)?;
        Ok(PyString::new(py, &token))
    }

    /// The Zoom API key (the tokens' ``iss``).
    #[getter]
    fn api_key(&self) -> &str {
        &self.api_key
    }

    /// Seconds ``iat`` is backdated by.
    #[getter]
    fn skew(&self) -> u64 {
        self.skew
    }

    /// The tokens' lifetime in seconds.
    #[getter]
    fn ttl(&self) -> u64 {
        self.ttl
    }

    /// The longest token this minter can write, in bytes.
    #[getter]
    fn max_token_len(&self) -> usize {
        self.max_token_len
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        self.slot.repr(&format!(
            "api_key={} skew={} ttl={}",
            repr_text(py, &self.api_key),
            self.skew,
            self.ttl
        ))
    }
});

/// One Zoom API JWT, without keeping a minter: see :class:`ApiTokenMinter` for the token and
/// the arguments. ``secret`` is a :class:`Key`, or the secret itself (bytes, or text whose
/// UTF-8 bytes are the secret).
///
/// Prefer an :class:`ApiTokenMinter` to mint more than once: this function redoes the
/// per-key work (and, given a secret, derives the key) on every call.
///
/// >>> import jwtmint
/// >>> secret = "my-zoom-api-secret-of-36-characters!"
/// >>> jwtmint.mint_api_token("my-api-key", secret, now=1700000000).split(".")[2]
/// '0SatvsjV2SZUTxJbzAMWF4IqnnexyzOdzJRYobX3xuY'
#[pyfunction]
#[pyo3(signature = (api_key, secret, *, now = None, skew = Int::Fits(DEFAULT_SKEW), ttl = Int::Fits(DEFAULT_TTL)))]
pub fn mint_api_token<'py>(
    py: Python<'py>,
    api_key: &Bound<'py, PyAny>,
    secret: &Bound<'py, PyAny>,
    now: Option<Int<i64>>,
    skew: Int<u64>,
    ttl: Int<u64>,
) -> PyResult<Bound<'py, PyString>> {
    let now = now_or_clock(py, now)?;
    let key = key_or_secret(secret)?;
    let minter = new_minter(py, api_key, &key, skew, ttl)?;
    let token = minter.mint_at(now).or_raise(py)?;
    Ok(PyString::new(py, &token))
}

/// An HS256 JWT whose payload is ``claims``, as compact JSON, under the header
/// ``{"alg":"HS256","typ":"JWT"}``.
///
/// The claims are written exactly as ``json.dumps(claims, separators=(",", ":"),
/// ensure_ascii=False, allow_nan=False)`` writes them, and the library signs those bytes after
/// checking them with the verifier's rules: a member named twice (``{1: .., "1": ..}``) raises
/// :class:`~jwtmint.Malformed`, a registered claim of the wrong type (``"exp": "soon"``)
/// :class:`~jwtmint.MalformedClaim`. Nothing is added: include ``exp`` if the verifier
/// requires it (the default verifier does).
///
/// Raises ``TypeError`` for claims that are not a mapping or hold values JSON cannot hold;
/// :class:`~jwtmint.InvalidInput` (code 107) for NaN or infinite floats and circular
/// references.
///
/// >>> import jwtmint
/// >>> key = jwtmint.Key("my-zoom-api-secret-of-36-characters!")
/// >>> token = jwtmint.mint(key, {"sub": "user-1", "exp": 2000000000})
/// >>> jwtmint.Verifier(key).verify(token, now=1700000000)
/// {'sub': 'user-1', 'exp': 2000000000}
#[pyfunction]
pub fn mint<'py>(
    key: &Bound<'py, PyAny>,
    claims: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyString>> {
    let py = key.py();
    let key = require_key(key, "key")?.get().slot.get()?;
    let payload = claims_json(claims)?;
    let token = gil::run(py, payload.len(), || jwtmint::mint_json(&key, &payload)).or_raise(py)?;
    Ok(PyString::new(py, &token))
}
