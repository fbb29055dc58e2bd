//! Claims from Python (a mapping) written as the JSON text `mint` signs: byte for byte what
//! `json.dumps(claims, separators=(",", ":"), ensure_ascii=False, allow_nan=False)` writes (the
//! encoding this package has always documented), without building a Python string first. The
//! core then reads that text with its one strict JSON reader (`mint_json`) and judges it.
//!
//! This is a forced copy of `json.dumps`'s output rules for the values JSON can hold;
//! tests/test_mint_json.py proves it writes what `json.dumps` writes, value kind by value kind.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple};

use crate::convert::type_name;
use crate::errors::raise;

/// Deeper than this is refused as the core refuses claims it cannot serialize (107); it also
/// ends a circular reference. `json.dumps` stops near Python's recursion limit (1000); the
/// core's reader accepts 16 levels, so no token is lost.
const MAX_DEPTH: usize = 256;

/// The claims of `jwtmint.mint` as JSON bytes.
pub fn claims_json(claims: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    let py = claims.py();
    let dict = if let Ok(dict) = claims.cast::<PyDict>() {
        dict.clone()
    } else if claims.is_instance_of::<PyMapping>() {
        // Any mapping, as a dict (what the package has always done).
        py.get_type::<PyDict>()
            .call1((claims,))?
            .cast_into::<PyDict>()?
    } else {
        return Err(PyTypeError::new_err(format!(
            "claims must be a dict (a mapping), not {}",
            type_name(claims)
        )));
    };
    let mut out = Vec::with_capacity(128);
    Writer { out: &mut out }.object(&dict, 0)?;
    Ok(out)
}

struct Writer<'o> {
    out: &'o mut Vec<u8>,
}

fn serialize_error(py: Python<'_>, reason: &str) -> PyErr {
    raise(
        py,
        &jwtmint::Error::Serialize {
            reason: reason.to_string(),
        },
    )
}

static FLOAT_REPR: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static INT_REPR: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// `float.__repr__` or `int.__repr__` of `value` (what `json.dumps` writes for numbers).
fn base_repr(
    cell: &'static PyOnceLock<Py<PyAny>>,
    base: Bound<'_, pyo3::types::PyType>,
    value: &Bound<'_, PyAny>,
) -> PyResult<String> {
    let py = value.py();
    let repr = cell.get_or_try_init(py, || {
        base.getattr(intern!(py, "__repr__")).map(Bound::unbind)
    })?;
    Ok(repr
        .bind(py)
        .call1((value,))?
        .cast_into::<PyString>()?
        .to_cow()?
        .into_owned())
}

impl Writer<'_> {
    fn value(&mut self, value: &Bound<'_, PyAny>, depth: usize) -> PyResult<()> {
        if value.is_none() {
            self.out.extend_from_slice(b"null");
        } else if let Ok(text) = value.cast::<PyString>() {
            self.string(text)?;
        } else if let Ok(flag) = value.cast::<PyBool>() {
            self.out
                .extend_from_slice(if flag.is_true() { b"true" } else { b"false" });
        } else if value.is_instance_of::<PyInt>() {
            self.int(value)?;
        } else if value.is_instance_of::<PyFloat>() {
            self.float(value)?;
        } else if let Ok(list) = value.cast::<PyList>() {
            self.array(list.iter(), depth)?;
        } else if let Ok(tuple) = value.cast::<PyTuple>() {
            self.array(tuple.iter(), depth)?;
        } else if let Ok(dict) = value.cast::<PyDict>() {
            self.object(dict, depth)?;
        } else {
            return Err(PyTypeError::new_err(format!(
                "Object of type {} is not JSON serializable",
                type_name(value)
            )));
        }
        Ok(())
    }

    fn int(&mut self, value: &Bound<'_, PyAny>) -> PyResult<()> {
        match value.extract::<i64>() {
            Ok(number) => self.out.extend_from_slice(number.to_string().as_bytes()),
            Err(_) => {
                let py = value.py();
                let digits = base_repr(&INT_REPR, py.get_type::<PyInt>(), value)?;
                self.out.extend_from_slice(digits.as_bytes());
            }
        }
        Ok(())
    }

    fn float(&mut self, value: &Bound<'_, PyAny>) -> PyResult<()> {
        let py = value.py();
        let number: f64 = value.extract()?;
        if !number.is_finite() {
            return Err(serialize_error(
                py,
                "Out of range float values are not JSON compliant",
            ));
        }
        let text = base_repr(&FLOAT_REPR, py.get_type::<PyFloat>(), value)?;
        self.out.extend_from_slice(text.as_bytes());
        Ok(())
    }

    fn enter(&self, py: Python<'_>, depth: usize) -> PyResult<usize> {
        if depth >= MAX_DEPTH {
            return Err(serialize_error(
                py,
                "the claims nest more than 256 levels deep (or refer to themselves)",
            ));
        }
        Ok(depth + 1)
    }

    fn array<'py>(
        &mut self,
        items: impl Iterator<Item = Bound<'py, PyAny>>,
        depth: usize,
    ) -> PyResult<()> {
        let mut items = items.peekable();
        let Some(first) = items.peek() else {
            self.out.extend_from_slice(b"[]");
            return Ok(());
        };
        let depth = self.enter(first.py(), depth)?;
        self.out.push(b'[');
        for (i, item) in items.enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            self.value(&item, depth)?;
        }
        self.out.push(b']');
        Ok(())
    }

    fn object(&mut self, dict: &Bound<'_, PyDict>, depth: usize) -> PyResult<()> {
        let py = dict.py();
        if dict.is_empty() {
            self.out.extend_from_slice(b"{}");
            return Ok(());
        }
        let depth = self.enter(py, depth)?;
        // A snapshot of the members (PyDict_Items): Python code that runs meanwhile (a
        // finalizer during an allocation, another thread) may change the dict, which PyO3's
        // dict iterator would answer with a panic.
        let items = dict.items();
        self.out.push(b'{');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            let (name, value) = item.extract::<(Bound<'_, PyAny>, Bound<'_, PyAny>)>()?;
            self.name(&name)?;
            self.out.push(b':');
            self.value(&value, depth)?;
        }
        self.out.push(b'}');
        Ok(())
    }

    /// A member name: `json.dumps` writes str keys as they are and turns float, bool, None
    /// and int keys into strings.
    fn name(&mut self, name: &Bound<'_, PyAny>) -> PyResult<()> {
        if let Ok(text) = name.cast::<PyString>() {
            return self.string(text);
        }
        let start = self.out.len();
        if name.is_instance_of::<PyFloat>() {
            self.float(name)?;
        } else if let Ok(flag) = name.cast::<PyBool>() {
            self.out
                .extend_from_slice(if flag.is_true() { b"true" } else { b"false" });
        } else if name.is_none() {
            self.out.extend_from_slice(b"null");
        } else if name.is_instance_of::<PyInt>() {
            self.int(name)?;
        } else {
            return Err(PyTypeError::new_err(format!(
                "keys must be str, int, float, bool or None, not {}",
                type_name(name)
            )));
        }
        // Numbers and literals need no escaping: quote them.
        self.out.insert(start, b'"');
        self.out.push(b'"');
        Ok(())
    }

    fn string(&mut self, text: &Bound<'_, PyString>) -> PyResult<()> {
        let py = text.py();
        // Lone surrogates are written as `surrogatepass` encodes them, as the package has
        // always done: the core then refuses the text as invalid JSON (204).
        let bytes = match text.encode_utf8() {
            Ok(bytes) => bytes,
            Err(_) => text
                .call_method1(intern!(py, "encode"), ("utf-8", "surrogatepass"))?
                .cast_into()
                .map_err(|_| PyValueError::new_err("str.encode did not return bytes"))?,
        };
        self.out.push(b'"');
        for &byte in bytes.as_bytes() {
            match byte {
                b'"' => self.out.extend_from_slice(b"\\\""),
                b'\\' => self.out.extend_from_slice(b"\\\\"),
                b'\n' => self.out.extend_from_slice(b"\\n"),
                b'\r' => self.out.extend_from_slice(b"\\r"),
                b'\t' => self.out.extend_from_slice(b"\\t"),
                0x08 => self.out.extend_from_slice(b"\\b"),
                0x0c => self.out.extend_from_slice(b"\\f"),
                0..=0x1f => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    self.out.extend_from_slice(b"\\u00");
                    self.out.push(HEX[usize::from(byte >> 4)]);
                    self.out.push(HEX[usize::from(byte & 0xf)]);
                }
                _ => self.out.push(byte),
            }
        }
        self.out.push(b'"');
        Ok(())
    }
}
