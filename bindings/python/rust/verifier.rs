//! `jwtmint.Verifier`: the core's `Verifier`, configured once; claims back as a dict.

use jwtmint::{Verifier, DEFAULT_LEEWAY, DEFAULT_MAX_LEN};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use crate::convert::{
    data, now_or_clock, optional_text, repr_text, text, type_error, type_name, Int,
};
use crate::errors::Raise;
use crate::key::require_key;
use crate::slot::Slot;
use crate::{gil, to_python};

/// Verifies HS256 JWTs under one key and one set of rules (RFC 7515/7519/8725, strictly).
///
/// Every check is the library's: length limit, three segments of canonical base64url, a plain
/// HS256 header, the MAC (in constant time, before the payload is read), then the claims.
/// ``exp`` is rejected when ``now >= exp + leeway``; ``nbf`` and ``iat`` when they are later
/// than ``now + leeway``; a registered claim of the wrong type is always rejected.
///
/// A verifier is configured here, once, and is immutable afterwards: any number of threads
/// may use one verifier at once.
///
/// Args:
///     key: the :class:`Key` tokens must be signed with.
///     leeway: allowance for clock differences, in seconds (default 60).
///     issuer: when given, ``iss`` must be present and equal to it.
///     audience: when given, ``aud`` must be present and name it; when not, a token that
///         carries ``aud`` is rejected (RFC 7519 section 4.1.3).
///     required: the names of the claims that must be present, a sequence of ``str``
///         (default ``("exp",)``; ``()`` for none). Each name is taken as it is (the library
///         refuses an empty one); a name given twice counts once. Claims that are present are
///         always checked, required or not.
///     max_len: the longest token accepted, in bytes (default 8192), checked before any
///         decoding.
///
/// >>> import jwtmint
/// >>> key = jwtmint.Key("my-zoom-api-secret-of-36-characters!")
/// >>> verifier = jwtmint.Verifier.zoom_api(key, "my-api-key")
/// >>> token = jwtmint.mint_api_token("my-api-key", key, now=1700000000)
/// >>> verifier.verify(token, now=1700000000)
/// {'iss': 'my-api-key', 'iat': 1699999970, 'exp': 1700003570}
#[pyclass(module = "jwtmint", name = "Verifier", frozen, weakref)]
pub struct PyVerifier {
    slot: Slot<Verifier>,
    description: String,
}

/// The claim names of `required`: a sequence of `str`, not a single `str`.
fn claim_names(names: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    if names.is_instance_of::<PyString>() || names.is_instance_of::<PyBytes>() {
        return Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "required must be a sequence of claim names, not a single {}",
            type_name(names)
        )));
    }
    let items = names
        .try_iter()
        .map_err(|_| type_error("required", "a sequence of claim names", names))?;
    items
        .map(|name| Ok(text(&name?, "each name in required")?.into_owned()))
        .collect()
}

fn describe(py: Python<'_>, verifier: &Verifier, required: bool) -> String {
    let mut parts = vec![
        format!("leeway={}", verifier.leeway()),
        format!("max_len={}", verifier.max_len()),
    ];
    if let Some(issuer) = verifier.issuer() {
        parts.push(format!("issuer={}", repr_text(py, issuer)));
    }
    if let Some(audience) = verifier.audience() {
        parts.push(format!("audience={}", repr_text(py, audience)));
    }
    if required {
        let names: Vec<String> = verifier
            .required_claims()
            .iter()
            .map(|name| repr_text(py, name))
            .collect();
        parts.push(format!("required=[{}]", names.join(", ")));
    }
    parts.join(" ")
}

/// What every verifier class starts from: the core key of its `key` argument, and its
/// leeway and length limit as the core's types.
pub fn base(
    key: &Bound<'_, PyAny>,
    leeway: Int<u64>,
    max_len: Int<usize>,
) -> PyResult<(jwtmint::Key, u64, usize)> {
    let py = key.py();
    let key = require_key(key, "key")?;
    let (leeway, max_len) = (leeway.seconds(py, "leeway")?, max_len.size(py, "max_len")?);
    Ok(((*key.get().slot.get()?).clone(), leeway, max_len))
}

/// The verify step of every verifier class: `token` (``str`` or ``bytes``) checked by `verify`
/// at `now` (default: the system clock), the GIL released for long tokens.
pub fn verified<V: Send + Sync, T: Send>(
    slot: &Slot<V>,
    token: &Bound<'_, PyAny>,
    now: Option<Int<i64>>,
    verify: impl FnOnce(&V, &[u8], i64) -> jwtmint::Result<T> + Send,
) -> PyResult<T> {
    let py = token.py();
    let data = data(token, "token")?;
    let now = now_or_clock(py, now)?;
    let verifier = slot.get()?;
    let bytes = data.as_bytes();
    gil::run(py, bytes.len(), || verify(&verifier, bytes, now)).or_raise(py)
}

/// An owner class (`owner_class!`) of a core verifier whose `verify_at(token, now)` returns
/// claims, with the method every verifier class has: `verify(token, now=None)`, the claims as
/// the dict `$to_dict` makes of them (by default `to_python::serialized_dict`, for the SDK
/// presets' typed claims). The body's first item, `fn verify();`, carries the method's
/// docstring (its claims' order and errors are each class's own); the rest of the body is the
/// class's other methods.
macro_rules! verifier_class {
    ($class:ident, $kind:literal, { $($body:tt)* }) => {
        $crate::verifier::verifier_class!($class, $kind, $crate::to_python::serialized_dict, {
            $($body)*
        });
    };
    ($class:ident, $kind:literal, $to_dict:path, {
        $(#[$doc:meta])*
        fn verify();
        $($body:tt)*
    }) => {
        $crate::slot::owner_class!($class, $kind, {
            $(#[$doc])*
            #[pyo3(signature = (token, now = None))]
            fn verify<'py>(
                &self,
                token: &pyo3::Bound<'py, pyo3::PyAny>,
                now: Option<$crate::convert::Int<i64>>,
            ) -> pyo3::PyResult<pyo3::Bound<'py, pyo3::types::PyDict>> {
                let claims = $crate::verifier::verified(&self.slot, token, now, |v, t, now| {
                    v.verify_at(t, now)
                })?;
                $to_dict(token.py(), &claims)
            }

            $($body)*
        });
    };
}

pub(crate) use verifier_class;

verifier_class!(PyVerifier, "Verifier", to_python::dict, {
    /// Verifies ``token`` (``str`` or ``bytes``) at the time ``now`` (seconds since the Unix
    /// epoch; default: the system clock) and returns its claims, in the token's member order,
    /// once every check has passed.
    ///
    /// Raises a subclass of :class:`~jwtmint.InvalidToken` naming the first check that failed:
    /// :class:`~jwtmint.Malformed`, :class:`~jwtmint.InvalidHeader`,
    /// :class:`~jwtmint.InvalidSignature`, :class:`~jwtmint.Expired`, ...
    fn verify();

    #[new]
    #[pyo3(signature = (
        key, *, leeway = Int::Fits(DEFAULT_LEEWAY), issuer = None, audience = None,
        required = None, max_len = Int::Fits(DEFAULT_MAX_LEN)
    ))]
    fn new(
        key: &Bound<'_, PyAny>,
        leeway: Int<u64>,
        issuer: Option<&Bound<'_, PyAny>>,
        audience: Option<&Bound<'_, PyAny>>,
        required: Option<&Bound<'_, PyAny>>,
        max_len: Int<usize>,
    ) -> PyResult<Self> {
        let py = key.py();
        let (key, leeway, max_len) = base(key, leeway, max_len)?;
        let issuer = optional_text(issuer, "issuer")?;
        let audience = optional_text(audience, "audience")?;
        let required = required.map(claim_names).transpose()?;
        let mut verifier = Verifier::new(key).with_leeway(leeway).with_max_len(max_len);
        if let Some(issuer) = issuer {
            verifier = verifier.with_issuer(issuer);
        }
        if let Some(audience) = audience {
            verifier = verifier.with_audience(audience);
        }
        let listed = required.is_some();
        if let Some(names) = required {
            // The list replaces the default; the core judges each name.
            verifier = verifier.without_required_claims();
            for name in names {
                verifier = verifier.require_claim(name).or_raise(py)?;
            }
        }
        let description = describe(py, &verifier, listed);
        Ok(PyVerifier {
            slot: Slot::new(verifier, "Verifier"),
            description,
        })
    }

    /// The verifier for Zoom API JWTs of one API key: ``iss``, ``iat`` and ``exp`` required,
    /// and ``iss`` must equal ``api_key``.
    #[staticmethod]
    #[pyo3(signature = (key, api_key, *, leeway = Int::Fits(DEFAULT_LEEWAY), max_len = Int::Fits(DEFAULT_MAX_LEN)))]
    fn zoom_api(
        key: &Bound<'_, PyAny>,
        api_key: &Bound<'_, PyAny>,
        leeway: Int<u64>,
        max_len: Int<usize>,
    ) -> PyResult<Self> {
        let py = key.py();
        let (key, leeway, max_len) = base(key, leeway, max_len)?;
        let api_key = text(api_key, "api_key")?;
        let verifier = Verifier::zoom_api(key, &api_key)
            .with_leeway(leeway)
            .with_max_len(max_len);
        let description = format!(
            "zoom_api={} {}",
            repr_text(py, &api_key),
            describe(py, &verifier, false)
        );
        Ok(PyVerifier {
            slot: Slot::new(verifier, "Verifier"),
            description,
        })
    }

    /// Verifies ``token`` as :meth:`verify` does, without returning its claims.
    #[pyo3(signature = (token, now = None))]
    fn check(&self, token: &Bound<'_, PyAny>, now: Option<Int<i64>>) -> PyResult<()> {
        verified(&self.slot, token, now, |v, t, now| {
            v.verify_payload_at(t, now).map(|_| ())
        })
    }

    fn __repr__(&self) -> String {
        self.slot.repr(&self.description)
    }
});
