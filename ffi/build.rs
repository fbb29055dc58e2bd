//! Gives libjwtmint.so the soname `libjwtmint.so` on ELF targets, so that programs linked
//! against it by full path (CMake, Go's cgo) record `libjwtmint.so` as what they need rather
//! than the build machine's path.

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if matches!(
        os.as_str(),
        "linux" | "android" | "freebsd" | "netbsd" | "openbsd" | "dragonfly" | "illumos"
    ) {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libjwtmint.so");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
