//! The core's claims (JSON values) as Python objects: objects as dicts in the token's member
//! order, arrays as lists, numbers as int or float, as `json.loads` of the same payload gives.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use serde_json::{Map, Value};

pub fn dict<'py>(py: Python<'py>, map: &Map<String, Value>) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    for (name, value) in map {
        dict.set_item(name, object(py, value)?)?;
    }
    Ok(dict)
}

fn object<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(flag) => flag.into_pyobject(py)?.to_owned().into_any(),
        Value::Number(number) => {
            if let Some(int) = number.as_i64() {
                int.into_pyobject(py)?.into_any()
            } else if let Some(int) = number.as_u64() {
                int.into_pyobject(py)?.into_any()
            } else {
                // serde_json holds every other number as a finite f64.
                number
                    .as_f64()
                    .unwrap_or(f64::NAN)
                    .into_pyobject(py)?
                    .into_any()
            }
        }
        Value::String(text) => text.into_pyobject(py)?.into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(object(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => dict(py, map)?.into_any(),
    })
}

/// A value the core serializes (the Zoom claims structs) as a dict, through its JSON form.
pub fn serialized_dict<'py, T: serde::Serialize>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyDict>> {
    match serde_json::to_value(value) {
        Ok(Value::Object(map)) => dict(py, &map),
        Ok(_) => Err(crate::errors::raise(py, &jwtmint::Error::ClaimsNotAnObject)),
        Err(error) => Err(crate::errors::raise(
            py,
            &jwtmint::Error::Serialize {
                reason: error.to_string(),
            },
        )),
    }
}
