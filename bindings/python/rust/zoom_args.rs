//! Arguments the Zoom token functions share: roles, optional flags, region lists.

use std::str::FromStr;

use jwtmint::zoom::{GeoRegion, Role};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyString};

use crate::convert::{int64, text, type_error};
use crate::errors::Raise;

/// A role given by name (`"participant"`, `"host"`) or number: the core reads either.
pub enum RoleArg {
    Named(Role),
    Number(i64),
}

pub fn role(value: &Bound<'_, PyAny>) -> PyResult<RoleArg> {
    if let Ok(name) = value.cast::<PyString>() {
        return Ok(RoleArg::Named(
            Role::from_str(&name.to_cow()?).or_raise(value.py())?,
        ));
    }
    Ok(RoleArg::Number(int64(value, "role")?))
}

/// An optional flag: `None` (left out), or a `bool`.
pub fn flag(value: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<Option<bool>> {
    match value {
        None => Ok(None),
        Some(value) => value
            .cast::<PyBool>()
            .map(|flag| Some(flag.is_true()))
            .map_err(|_| type_error(what, "a bool or None", value)),
    }
}

/// Zoom region codes: `"US,DE"` or a sequence of codes, read by the core.
pub fn geo_regions(value: &Bound<'_, PyAny>) -> PyResult<Vec<GeoRegion>> {
    let py = value.py();
    let list = if let Ok(text) = value.cast::<PyString>() {
        text.to_cow()?.into_owned()
    } else if value.is_instance_of::<PyBytes>() {
        return Err(type_error(
            "geo_regions",
            "a str or a sequence of str",
            value,
        ));
    } else {
        let items = value
            .try_iter()
            .map_err(|_| type_error("geo_regions", "a str or a sequence of str", value))?;
        let mut codes = Vec::new();
        for item in items {
            codes.push(text(&item?, "each of geo_regions")?.into_owned());
        }
        codes.join(",")
    };
    GeoRegion::parse_list(&list).or_raise(py)
}
