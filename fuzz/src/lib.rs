//! Checks for jwtmint's fuzz targets (`fuzz_targets/`).
//!
//! `checks` holds the core's checks and is also compiled into `tests/fuzz_corpus.rs` on
//! stable; `ffi_check` drives the C ABI through the C ABI crate's rlib (`jwtmint_ffi`).

pub mod checks;
pub mod ffi_check;
