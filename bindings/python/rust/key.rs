//! `jwtmint.Key`: the core's `Key`, built once from a secret.

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString, PyType};

use crate::convert::{data, type_error, type_name};
use crate::errors::Raise;
use crate::slot::{owner_class, Slot};

/// An HS256 key: the keyed HMAC state derived once from a secret.
///
/// ``Key(secret)`` takes the secret's bytes, or text whose UTF-8 bytes are the secret (what a
/// Zoom API secret is). The secret must be at least 32 bytes (RFC 7518 section 3.2), else
/// :class:`~jwtmint.WeakSecret` is raised. The library keeps only the derived HMAC state and
/// wipes it on :meth:`close` (or when the key is garbage-collected). Python's own copy of the
/// secret (your ``bytes`` or ``str``) is outside the library's reach.
///
/// A key may be shared by any number of threads. Minters and verifiers made from it keep
/// their own copy of the native key: closing the key does not affect them.
///
/// >>> import jwtmint
/// >>> jwtmint.Key("my-zoom-api-secret-of-36-characters!")
/// <jwtmint.Key>
#[pyclass(module = "jwtmint", name = "Key", frozen, weakref)]
pub struct PyKey {
    pub slot: Slot<jwtmint::Key>,
}

impl PyKey {
    fn wrap(key: jwtmint::Key) -> Self {
        PyKey {
            slot: Slot::new(key, "Key"),
        }
    }
}

/// A `Key` argument (the object), or a `TypeError` naming `what`.
pub fn require_key<'a, 'py>(
    value: &'a Bound<'py, PyAny>,
    what: &str,
) -> PyResult<&'a Bound<'py, PyKey>> {
    value
        .cast::<PyKey>()
        .map_err(|_| type_error(what, "a jwtmint.Key", value))
}

/// The core key of a `Key` argument, or of a secret given in its place.
pub fn key_or_secret(value: &Bound<'_, PyAny>) -> PyResult<std::sync::Arc<jwtmint::Key>> {
    match value.cast::<PyKey>() {
        Ok(key) => key.get().slot.get(),
        Err(_) => Ok(std::sync::Arc::new(new_key(value)?)),
    }
}

fn new_key(secret: &Bound<'_, PyAny>) -> PyResult<jwtmint::Key> {
    let py = secret.py();
    if let Ok(text) = secret.cast::<PyString>() {
        // Text that is not valid Unicode (lone surrogates) raises UnicodeEncodeError.
        let bytes: Bound<'_, PyBytes> = text.encode_utf8()?;
        return jwtmint::Key::new(bytes.as_bytes()).or_raise(py);
    }
    if secret.is_instance_of::<PyBytes>()
        || secret.is_instance_of::<pyo3::types::PyByteArray>()
        || secret.is_instance_of::<pyo3::types::PyMemoryView>()
    {
        let bytes = data(secret, "secret")?;
        return jwtmint::Key::new(bytes.as_bytes()).or_raise(py);
    }
    Err(pyo3::exceptions::PyTypeError::new_err(format!(
        "secret must be bytes or str, not {}",
        type_name(secret)
    )))
}

owner_class!(PyKey, "Key", {
    #[new]
    fn new(secret: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(PyKey::wrap(new_key(secret)?))
    }

    /// A key from secret text in an encoding: ``"utf8"`` (the text's bytes, as ``Key(text)``),
    /// ``"hex"`` (either case), ``"base64"`` or ``"base64url"`` (padding optional), or
    /// ``"jsrsasign"``: the way Zoom's Node.js samples (jsrsasign) read a secret string, for
    /// secrets used with them (an even-length all-hex text is decoded as hex; any other text
    /// gives the low byte of each UTF-16 code unit). The decoded secret must be at least 32
    /// bytes.
    ///
    /// Raises :class:`~jwtmint.InvalidSecretEncoding` when the text is not valid in
    /// ``encoding``, :class:`~jwtmint.WeakSecret` when the secret is too short,
    /// :class:`~jwtmint.InvalidArgument` for an unknown encoding; ``UnicodeError`` for text
    /// that is not valid Unicode (bytes that are not UTF-8, lone surrogates).
    ///
    /// >>> import jwtmint
    /// >>> jwtmint.Key.from_encoded("00112233445566778899aabbccddeeff" * 2, "hex")
    /// <jwtmint.Key>
    #[classmethod]
    #[pyo3(signature = (text, encoding = None))]
    fn from_encoded(
        _cls: &Bound<'_, PyType>,
        text: &Bound<'_, PyAny>,
        encoding: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let py = text.py();
        let encoding = match encoding {
            None => jwtmint::SecretEncoding::Utf8,
            Some(name) => {
                let name = name
                    .cast::<PyString>()
                    .map_err(|_| type_error("encoding", "a str", name))?;
                name.to_cow()?.parse().or_raise(py)?
            }
        };
        let key = if let Ok(text) = text.cast::<PyString>() {
            jwtmint::Key::from_encoded(&text.to_cow()?, encoding)
        } else if let Ok(bytes) = text.cast::<PyBytes>() {
            let text = std::str::from_utf8(bytes.as_bytes()).map_err(|error| {
                pyo3::exceptions::PyUnicodeDecodeError::new_utf8(py, bytes.as_bytes(), error)
                    .map(|error| PyErr::from_value(error.into_any()))
                    .unwrap_or_else(|failure| failure)
            })?;
            jwtmint::Key::from_encoded(text, encoding)
        } else {
            return Err(type_error("text", "str or bytes", text));
        };
        Ok(PyKey::wrap(key.or_raise(py)?))
    }

    fn __repr__(&self) -> String {
        // Never the secret.
        self.slot.repr("")
    }
});
