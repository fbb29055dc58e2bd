//! Library and ABI versions.

use std::ffi::{c_char, CStr};

use crate::boundary::guard_value;

/// Major version of the library this header belongs to (semantic versioning).
pub const JWTMINT_VERSION_MAJOR: u32 = 0;
/// Minor version of the library this header belongs to.
pub const JWTMINT_VERSION_MINOR: u32 = 1;
/// Patch version of the library this header belongs to.
pub const JWTMINT_VERSION_PATCH: u32 = 0;

/// Version of the C ABI: raised whenever a function, type or constant of this header changes
/// incompatibly (a code's number never changes; new codes and functions do not raise it).
/// Compare it with `jwtmint_abi_version()` to detect a header and library that do not match.
pub const JWTMINT_ABI_VERSION: u32 = 2;

/// The version text of the crate, NUL-terminated at compile time.
const VERSION: &CStr =
    match CStr::from_bytes_with_nul(concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes()) {
        Ok(v) => v,
        Err(_) => panic!("the crate version contains a NUL"),
    };

/// The library's version as text, such as `"0.1.0"`.
///
/// Returns static, NUL-terminated text that is never NULL and never freed. Thread-safe; cannot
/// fail.
#[no_mangle]
pub extern "C" fn jwtmint_version() -> *const c_char {
    guard_value(VERSION.as_ptr(), || VERSION.as_ptr())
}

/// The ABI version of the library that is loaded: compare it with `JWTMINT_ABI_VERSION` to
/// make sure the header you compiled against matches the library you run with.
///
/// Thread-safe; cannot fail.
#[no_mangle]
pub extern "C" fn jwtmint_abi_version() -> u32 {
    guard_value(JWTMINT_ABI_VERSION, || JWTMINT_ABI_VERSION)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_macros_follow_the_crate_version() {
        let part = |s: &str| s.parse::<u32>().unwrap();
        assert_eq!(JWTMINT_VERSION_MAJOR, part(env!("CARGO_PKG_VERSION_MAJOR")));
        assert_eq!(JWTMINT_VERSION_MINOR, part(env!("CARGO_PKG_VERSION_MINOR")));
        assert_eq!(JWTMINT_VERSION_PATCH, part(env!("CARGO_PKG_VERSION_PATCH")));
        assert_eq!(VERSION.to_str().unwrap(), env!("CARGO_PKG_VERSION"));
        assert_eq!(jwtmint_version(), VERSION.as_ptr());
        assert_eq!(jwtmint_abi_version(), JWTMINT_ABI_VERSION);
    }
}
