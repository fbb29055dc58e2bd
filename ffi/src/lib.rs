//! # libjwtmint: the C ABI of jwtmint
//!
//! A thin door onto the core crate: every function converts its C arguments, calls the core's
//! one path, and turns the outcome into a result code. Nothing here re-implements a check.
//!
//! Conventions (see `include/jwtmint.h`, generated from this crate by cbindgen):
//! - opaque handles made by `*_new`, released by `*_free` (NULL is a no-op);
//! - every fallible function returns a [`jwtmint_result`]: `JWTMINT_OK` (0) or one of the core's
//!   stable error codes, or one of this crate's own in the 900–999 range;
//! - inputs are `(const uint8_t *ptr, size_t len)`, with `(NULL, 0)` meaning empty;
//! - outputs go into the caller's `(uint8_t *out, size_t cap, size_t *out_len)`; nothing is
//!   written on failure except the size needed for `JWTMINT_BUFFER_TOO_SMALL`;
//! - every export runs inside one panic boundary (`boundary::guard`);
//! - no global or thread-local state.
//!
//! All of the project's `unsafe` lives in this crate, and almost all of it in `ptr`, which
//! turns the caller's pointers into Rust references once, at the top of each function.
#![deny(unsafe_op_in_unsafe_fn)]
#![warn(missing_docs, clippy::undocumented_unsafe_blocks)]
// The C names (`jwtmint_key`, `jwtmint_result`) are the public contract.
#![allow(non_camel_case_types)]

// The panic boundary turns panics into JWTMINT_PANIC; with panic = "abort" it could not, and
// the header's promise would silently break.
#[cfg(panic = "abort")]
compile_error!(
    "libjwtmint must be built with panic = \"unwind\": its panic boundary catches panics"
);

pub(crate) mod boundary;
pub(crate) mod handle;
pub(crate) mod ptr;
pub(crate) mod sdk_verify;
#[cfg(test)]
mod sources;

// cbindgen writes the header's functions in the order of these modules: the general JWT API
// first, then the Zoom extras.
pub mod codes;
pub mod key;
pub mod mint;
pub mod verify;
pub mod version;

pub mod cache;
pub mod meetingsdk;
pub mod videosdk;
pub mod videosdk_tpc;
pub mod webhook;

pub use cache::*;
pub use codes::*;
pub use key::*;
pub use meetingsdk::*;
pub use mint::*;
pub use verify::*;
pub use version::*;
pub use videosdk::*;
pub use videosdk_tpc::*;
pub use webhook::*;

// The header promises that keys, minters, verifiers, webhook verifiers and token caches may be
// shared between threads (and the configurable ones configured on one thread, then used on
// others): if a change to the core ever made one of them not `Send + Sync`, the build stops
// here.
const _: () = {
    const fn shareable<T: Send + Sync>() {}
    shareable::<jwtmint_key>();
    shareable::<jwtmint_api_minter>();
    shareable::<jwtmint_verifier>();
    shareable::<jwtmint_videosdk_verifier>();
    shareable::<jwtmint_meetingsdk_verifier>();
    shareable::<jwtmint_webhook>();
    shareable::<jwtmint_api_token_cache>();
};
