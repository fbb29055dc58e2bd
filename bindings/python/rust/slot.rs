//! One native object owned by a Python object: usable until `close()`, then refused.
//!
//! A call takes its own `Arc` of the object for its duration, so `close()` never frees an
//! object under a call in flight (another thread's, when a call runs without the GIL): the
//! object is dropped, and a key's material wiped, when the last call using it ends.

use std::sync::{Arc, Mutex, MutexGuard};

use pyo3::exceptions::PyValueError;
use pyo3::PyResult;

pub struct Slot<T> {
    value: Mutex<Option<Arc<T>>>,
    /// The Python class name, for the "closed" error.
    kind: &'static str,
}

impl<T> Slot<T> {
    pub fn new(value: T, kind: &'static str) -> Self {
        Slot {
            value: Mutex::new(Some(Arc::new(value))),
            kind,
        }
    }

    fn lock(&self) -> MutexGuard<'_, Option<Arc<T>>> {
        // Nothing panics while the lock is held (clone, take); a poisoned lock still holds a
        // consistent Option.
        self.value
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The object, for one call; `ValueError` once closed (as a closed file does).
    pub fn get(&self) -> PyResult<Arc<T>> {
        self.lock()
            .clone()
            .ok_or_else(|| PyValueError::new_err(format!("this {} is closed", self.kind)))
    }

    /// Releases this owner's reference (idempotent); calls in flight keep theirs.
    pub fn close(&self) {
        let taken = self.lock().take();
        // Dropped outside the lock.
        drop(taken);
    }

    pub fn is_closed(&self) -> bool {
        self.lock().is_none()
    }

    /// The `repr` of the class that owns this slot: `<jwtmint.Kind details>`, and ` closed`
    /// once closed. `details` never holds a secret.
    pub fn repr(&self, details: &str) -> String {
        let space = if details.is_empty() { "" } else { " " };
        let state = if self.is_closed() { " closed" } else { "" };
        format!("<jwtmint.{}{space}{details}{state}>", self.kind)
    }
}

/// The methods every class that owns a native object has: `close()`, `closed`, `with`,
/// copies that are the object itself, and no pickling. `$body` holds the class's own methods,
/// so that each class has one `#[pymethods]` block.
macro_rules! owner_class {
    ($class:ident, $kind:literal, { $($body:tt)* }) => {
        #[pyo3::pymethods]
        impl $class {
            /// Releases the native object now (a key's material is wiped once no call uses
            /// it). Idempotent; any later use raises ``ValueError``.
            fn close(&self) {
                self.slot.close();
            }

            /// Whether :meth:`close` has been called.
            #[getter]
            fn closed(&self) -> bool {
                self.slot.is_closed()
            }

            fn __enter__(slf: pyo3::Py<Self>) -> pyo3::Py<Self> {
                slf
            }

            #[pyo3(signature = (*_exc_info))]
            fn __exit__(&self, _exc_info: &pyo3::Bound<'_, pyo3::types::PyTuple>) {
                self.slot.close();
            }

            fn __copy__(slf: pyo3::Py<Self>) -> pyo3::Py<Self> {
                slf
            }

            fn __deepcopy__(slf: pyo3::Py<Self>, _memo: &pyo3::Bound<'_, pyo3::PyAny>) -> pyo3::Py<Self> {
                slf
            }

            fn __reduce__(&self) -> pyo3::PyResult<()> {
                Err(pyo3::exceptions::PyTypeError::new_err(concat!(
                    "a jwtmint.", $kind, " cannot be pickled (its native state cannot leave the process)"
                )))
            }

            $($body)*
        }
    };
}

pub(crate) use owner_class;
