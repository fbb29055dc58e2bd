//! `jwtmint._native`: jwtmint's Python door, a PyO3 extension module over the core crate.
//!
//! Each class owns a core object ([`slot::Slot`]); each function converts Python arguments
//! into the core's types ([`convert`]), calls the core, and turns its results into Python
//! objects ([`to_python`]) and its errors into the package's exceptions ([`errors`]). Every
//! rule, check, code, name and message is the core's. The Python modules in `src/jwtmint`
//! (exceptions, re-exports) and `_native.pyi` (types) complete the package.
//!
//! No `unsafe` here: PyO3's macros hold it. No panic is reachable from Python input: nothing
//! here unwraps or `expect`s, slices are taken with `get`, the one indexing is by a nibble into
//! a 16-byte table, and dicts are walked from snapshots (PyO3's dict iterator panics when a
//! dict changes under it).

#![forbid(unsafe_code)]

mod cache;
mod claims_json;
mod convert;
mod errors;
mod gil;
mod key;
mod meetingsdk;
mod minting;
mod slot;
mod to_python;
mod verifier;
mod videosdk;
mod webhook;
mod zoom_args;

use jwtmint::zoom::{self, Role, TpcNote};
use jwtmint::SecretEncoding;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

/// The stable snake_case name of an error code (``"expired"``), or None for a code the core
/// does not know.
#[pyfunction]
fn code_name(code: u32) -> Option<&'static str> {
    jwtmint::code_name(code)
}

/// The core's static English description of an error code, or None for an unknown code.
#[pyfunction]
fn code_description(code: u32) -> Option<&'static str> {
    jwtmint::code_description(code)
}

/// Every code the core knows, as ``(code, name, description)`` tuples.
#[pyfunction]
fn codes() -> Vec<(u32, &'static str, &'static str)> {
    jwtmint::CODES.to_vec()
}

/// The version of the native library inside this package, such as "0.1.0": the workspace's
/// version, which the core crate and this extension share (build-wheel.sh refuses to build
/// when bindings/python/Cargo.toml's copy differs).
#[pyfunction]
fn library_version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

#[pymodule]
#[pyo3(name = "_native")]
fn native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_class::<key::PyKey>()?;
    m.add_class::<minting::PyApiTokenMinter>()?;
    m.add_class::<cache::PyApiTokenCache>()?;
    m.add_class::<verifier::PyVerifier>()?;
    m.add_class::<videosdk::PyVideoSdkVerifier>()?;
    m.add_class::<meetingsdk::PyMeetingSdkVerifier>()?;
    m.add_class::<webhook::PyWebhookVerifier>()?;
    m.add_function(wrap_pyfunction!(minting::mint_api_token, m)?)?;
    m.add_function(wrap_pyfunction!(minting::mint, m)?)?;
    m.add_function(wrap_pyfunction!(videosdk::mint_videosdk_token, m)?)?;
    m.add_function(wrap_pyfunction!(videosdk::videosdk_tpc_notes, m)?)?;
    m.add_function(wrap_pyfunction!(meetingsdk::mint_meetingsdk_token, m)?)?;
    m.add_function(wrap_pyfunction!(code_name, m)?)?;
    m.add_function(wrap_pyfunction!(code_description, m)?)?;
    m.add_function(wrap_pyfunction!(codes, m)?)?;
    m.add_function(wrap_pyfunction!(library_version, m)?)?;

    // The core's defaults and names.
    m.add("DEFAULT_SKEW", zoom::DEFAULT_SKEW)?;
    m.add("DEFAULT_TTL", zoom::DEFAULT_TTL)?;
    m.add("DEFAULT_REFRESH_MARGIN", zoom::DEFAULT_REFRESH_MARGIN)?;
    m.add("DEFAULT_WEBHOOK_TOLERANCE", zoom::DEFAULT_WEBHOOK_TOLERANCE)?;
    m.add("DEFAULT_LEEWAY", jwtmint::DEFAULT_LEEWAY)?;
    m.add("DEFAULT_MAX_LEN", jwtmint::DEFAULT_MAX_LEN)?;
    m.add("VIDEOSDK_DEFAULT_TTL", zoom::VIDEO_SDK_DEFAULT_TTL)?;
    m.add("MEETINGSDK_DEFAULT_TTL", zoom::MEETING_SDK_DEFAULT_TTL)?;
    let encodings = [
        SecretEncoding::Utf8,
        SecretEncoding::Hex,
        SecretEncoding::Base64,
        SecretEncoding::Base64Url,
        SecretEncoding::JsrsasignCompat,
    ]
    .map(SecretEncoding::as_str);
    m.add("SECRET_ENCODINGS", PyTuple::new(py, encodings)?)?;
    let roles = PyDict::new(py);
    for role in [Role::Participant, Role::Host] {
        roles.set_item(role.as_str(), role.value())?;
    }
    m.add("VIDEOSDK_ROLES", roles)?;
    m.add(
        "TPC_UNDOCUMENTED_CHARACTER",
        TpcNote::UndocumentedCharacter.bit(),
    )?;
    m.add("TPC_NOT_LOWER_CASE", TpcNote::NotLowerCase.bit())?;
    Ok(())
}
