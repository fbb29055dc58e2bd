//! The core's errors as the package's exceptions: `jwtmint.errors.from_code(code, message)`
//! picks the class by its one rule; the code and the message (the core's `Display`) are the
//! core's.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;

static FROM_CODE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// The exception for a core error.
pub fn raise(py: Python<'_>, error: &jwtmint::Error) -> PyErr {
    let from_code = match FROM_CODE.get_or_try_init(py, || {
        py.import("jwtmint.errors")?
            .getattr("from_code")
            .map(Bound::unbind)
    }) {
        Ok(from_code) => from_code.bind(py),
        Err(failure) => return failure,
    };
    match from_code.call1((error.code(), error.to_string())) {
        Ok(exception) => PyErr::from_value(exception),
        Err(failure) => failure,
    }
}

/// `Result<T, jwtmint::Error>` into `PyResult<T>`.
pub trait Raise<T> {
    fn or_raise(self, py: Python<'_>) -> PyResult<T>;
}

impl<T> Raise<T> for jwtmint::Result<T> {
    fn or_raise(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|error| raise(py, &error))
    }
}

/// An argument the core would refuse with `InvalidArgument` (103), refused here because its
/// Python value does not fit the Rust type the core takes (an `i64`, a `u64`).
pub fn out_of_range(py: Python<'_>, name: &'static str, reason: &'static str) -> PyErr {
    raise(py, &jwtmint::Error::InvalidArgument { name, reason })
}
