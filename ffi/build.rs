//! Gives cargo's own cdylib (`cargo build -p jwtmint-ffi`) the soname `libjwtmint.so.<major>`
//! (`libjwtmint.so.0` before 1.0) on ELF targets, so that a program linked against it records
//! that name rather than the build machine's path.
//!
//! The libjwtmint.so that ffi/build-lib.sh and ffi/install.sh ship is not this cdylib: it is
//! linked from the static library with the same soname and the version script
//! `abi/libjwtmint.map` (every export in its version node). A version script cannot be given
//! here: rustc passes its own, unnamed one for a cdylib, and the linker keeps the first.

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let major = std::env::var("CARGO_PKG_VERSION_MAJOR").unwrap_or_else(|_| "0".into());
    if matches!(
        os.as_str(),
        "linux" | "android" | "freebsd" | "netbsd" | "openbsd" | "dragonfly" | "illumos"
    ) {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libjwtmint.so.{major}");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
