//! An unrelated Rust component of a C program: it allocates, formats and catches a panic, so
//! its archive defines the Rust runtime's symbols (allocator shims, panic machinery,
//! `rust_eh_personality`) that would clash with a libjwtmint.a that exported its own.

use std::ffi::c_ulong;

/// The sum of the decimal digits of `1..=n` written out, computed the roundabout way (text,
/// a vector, a caught panic) so that the runtime is really used. Returns 0 on a panic.
#[no_mangle]
pub extern "C" fn other_rust_digit_sum(n: c_ulong) -> c_ulong {
    std::panic::catch_unwind(|| {
        let text: Vec<String> = (1..=n).map(|i| format!("{i}")).collect();
        let joined = text.join("");
        if joined.is_empty() {
            panic!("nothing to add");
        }
        joined.bytes().map(|b| c_ulong::from(b - b'0')).sum()
    })
    .unwrap_or(0)
}
