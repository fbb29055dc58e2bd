//! Python arguments into the Rust types the core takes, before any core call.
//!
//! Wrong types raise `TypeError` naming the argument. Integers that do not fit the core's type
//! (`i64` seconds since the epoch, `u64` durations) raise the core's `InvalidArgument` (103).
//! Nothing here judges a value the Rust type can carry: that is the core's job.

use std::borrow::Cow;

use pyo3::exceptions::PyTypeError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyByteArray, PyBytes, PyInt, PyMemoryView, PyString};

use crate::errors::{out_of_range, Raise};

/// The name of a value's type, for messages.
pub fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map(|name| name.to_string())
        .unwrap_or_else(|_| "object".to_string())
}

pub fn type_error(what: &str, expected: &str, value: &Bound<'_, PyAny>) -> PyErr {
    PyTypeError::new_err(format!(
        "{what} must be {expected}, not {}",
        type_name(value)
    ))
}

/// An integer: an `int` (not `bool`) or anything with `__index__`, as `operator.index` takes.
pub fn index<'py>(value: &Bound<'py, PyAny>, what: &str) -> PyResult<Bound<'py, PyInt>> {
    if value.is_instance_of::<PyBool>() {
        return Err(type_error(what, "an int", value));
    }
    if let Ok(int) = value.cast::<PyInt>() {
        return Ok(int.clone());
    }
    value
        .call_method0(intern!(value.py(), "__index__"))
        .ok()
        .and_then(|int| int.cast_into::<PyInt>().ok())
        .ok_or_else(|| type_error(what, "an int", value))
}

/// An integer for the core to judge (`i64`), such as a role number.
pub fn int64(value: &Bound<'_, PyAny>, what: &'static str) -> PyResult<i64> {
    index(value, what)?
        .extract::<i64>()
        .map_err(|_| out_of_range(value.py(), what, "must be from -2**63 to 2**63 - 1"))
}

/// A `str`, as UTF-8. Text with lone surrogates is not text: Python's `UnicodeEncodeError`.
pub fn text<'a>(value: &'a Bound<'_, PyAny>, what: &str) -> PyResult<Cow<'a, str>> {
    value
        .cast::<PyString>()
        .map_err(|_| type_error(what, "a str", value))?
        .to_cow()
}

pub fn optional_text<'a>(
    value: Option<&'a Bound<'_, PyAny>>,
    what: &str,
) -> PyResult<Option<Cow<'a, str>>> {
    value.map(|value| text(value, what)).transpose()
}

/// Bytes from Python: borrowed from a `bytes` object, or copied.
pub enum Data<'py> {
    Bytes(Bound<'py, PyBytes>),
    Owned(Vec<u8>),
}

impl Data<'_> {
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Data::Bytes(bytes) => bytes.as_bytes(),
            Data::Owned(bytes) => bytes,
        }
    }
}

/// A `str` (its UTF-8 bytes) or a bytes-like object (`bytes`, `bytearray`, `memoryview`).
///
/// A `str` with lone surrogates becomes the bytes Python's `surrogatepass` writes, so that the
/// core refuses them with its own code (a token that is not base64url, say) rather than this
/// door deciding.
pub fn data<'py>(value: &Bound<'py, PyAny>, what: &str) -> PyResult<Data<'py>> {
    let py = value.py();
    if let Ok(text) = value.cast::<PyString>() {
        return match text.encode_utf8() {
            Ok(bytes) => Ok(Data::Bytes(bytes)),
            Err(_) => Ok(Data::Bytes(
                text.call_method1(intern!(py, "encode"), ("utf-8", "surrogatepass"))?
                    .cast_into::<PyBytes>()?,
            )),
        };
    }
    if let Ok(bytes) = value.cast::<PyBytes>() {
        return Ok(Data::Bytes(bytes.clone()));
    }
    if let Ok(array) = value.cast::<PyByteArray>() {
        return Ok(Data::Owned(array.to_vec()));
    }
    if value.is_instance_of::<PyMemoryView>() {
        let bytes = py.get_type::<PyBytes>().call1((value,))?;
        return Ok(Data::Bytes(bytes.cast_into::<PyBytes>()?));
    }
    Err(type_error(what, "str or bytes", value))
}

/// A Python `repr` of text, for `__repr__`s.
pub fn repr_text(py: Python<'_>, text: &str) -> String {
    PyString::new(py, text)
        .repr()
        .map(|repr| repr.to_string())
        .unwrap_or_default()
}

/// An integer argument extracted by PyO3: a `TypeError` naming the argument for anything that
/// is not an integer (PyO3 adds the name); a value outside `T` kept as such, so that the
/// function raises the core's `InvalidArgument` naming it ([`Int::get`]).
pub enum Int<T> {
    Fits(T),
    OutOfRange,
}

impl<'a, 'py, T> FromPyObject<'a, 'py> for Int<T>
where
    T: pyo3::conversion::FromPyObjectOwned<'py>,
{
    type Error = PyErr;

    fn extract(value: pyo3::Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let int = index(&value, "the argument").map_err(|_| {
            PyTypeError::new_err(format!("expected an int, not {}", type_name(&value)))
        })?;
        let fits: Option<T> = int.extract::<T>().ok();
        Ok(fits.map_or(Int::OutOfRange, Int::Fits))
    }
}

impl Int<u64> {
    /// Seconds (`u64`) or the core's `InvalidArgument` naming `what`.
    pub fn seconds(self, py: Python<'_>, what: &'static str) -> PyResult<u64> {
        match self {
            Int::Fits(value) => Ok(value),
            Int::OutOfRange => Err(out_of_range(py, what, "must be from 0 to 2**64 - 1")),
        }
    }
}

impl Int<usize> {
    pub fn size(self, py: Python<'_>, what: &'static str) -> PyResult<usize> {
        match self {
            Int::Fits(value) => Ok(value),
            Int::OutOfRange => Err(out_of_range(
                py,
                what,
                "must be from 0 to the largest size_t",
            )),
        }
    }
}

/// `now=None` (the default) reads the core's clock; an int is seconds since the epoch.
pub fn now_or_clock(py: Python<'_>, now: Option<Int<i64>>) -> PyResult<i64> {
    match now {
        None => jwtmint::now().or_raise(py),
        Some(Int::Fits(now)) => Ok(now),
        Some(Int::OutOfRange) => Err(out_of_range(py, "now", "must be from -2**63 to 2**63 - 1")),
    }
}
