//! The life of an opaque handle, the same for every type: made into the caller's `*out`, read,
//! reconfigured, written out from, freed. Each export that takes or makes a handle is one call
//! of these, so the pointer checks and the panic boundary are written once.

use crate::boundary::{guard, guard_value, Fail};
use crate::codes::jwtmint_result;
use crate::ptr;

/// The body of a `*_new`: checks `out`, then runs `make` (which reads the other arguments) and
/// hands its value to the caller in `*out`. On any failure `*out` is not written.
///
/// # Safety
/// `out` is NULL or valid for a write of one pointer.
pub(crate) unsafe fn new<T>(
    out: *mut *mut T, make: impl FnOnce() -> Result<T, Fail>,
) -> jwtmint_result {
    guard(|| {
        // SAFETY: this function's contract is what `HandleOut::new` requires.
        let out = unsafe { ptr::HandleOut::new(out)? };
        out.set(make()?);
        Ok(())
    })
}

/// The body of a `*_free`: releases the handle; NULL is a no-op.
///
/// # Safety
/// As [`ptr::free`].
pub(crate) unsafe fn free<T>(handle: *mut T) {
    // SAFETY: this function's contract is `ptr::free`'s.
    guard_value((), || unsafe { ptr::free(handle) });
}

/// The body of an export that returns a plain value read from a handle (a length, a count):
/// `or` for a NULL handle, and for a panic.
///
/// # Safety
/// As [`ptr::handle`].
pub(crate) unsafe fn read<T, R: Copy>(handle: *const T, or: R, read: impl FnOnce(&T) -> R) -> R {
    // SAFETY: this function's contract is `ptr::handle`'s.
    guard_value(or, || unsafe { ptr::handle(handle) }.map_or(or, read))
}

/// The body of an export that works with a handle and writes into the caller's buffer
/// `(out, cap, out_len)`: checks the handle, then the buffer, then runs `body` (which reads the
/// other arguments and fills the [`ptr::Output`]).
///
/// # Safety
/// As [`ptr::handle`] for `handle` and [`ptr::Output::new`] for the buffer.
pub(crate) unsafe fn output<T>(
    handle: *const T, (out, cap, out_len): (*mut u8, usize, *mut usize),
    body: impl FnOnce(&T, ptr::Output) -> Result<(), Fail>,
) -> jwtmint_result {
    guard(|| {
        // SAFETY: this function's contract is what `ptr::handle` and `Output::new` require.
        let (handle, output) =
            unsafe { (ptr::handle(handle)?, ptr::Output::new(out, cap, out_len)?) };
        body(handle, output)
    })
}

/// A handle whose configuration the setters change: a verifier of the core, built by value
/// (`with_leeway(self, …) -> Self`).
pub(crate) trait Configurable {
    /// The core's value the handle holds.
    type Config: Clone;
    /// That value, to be replaced.
    fn config(&mut self) -> &mut Self::Config;
}

/// Makes a handle type [`Configurable`] through its one field.
macro_rules! configurable {
    ($handle:ty, $field:ident: $config:ty) => {
        impl $crate::handle::Configurable for $handle {
            type Config = $config;
            fn config(&mut self) -> &mut $config {
                &mut self.$field
            }
        }
    };
}
pub(crate) use configurable;

/// The body of a setter: replaces the handle's configuration by `change(copy)`. The copy is
/// changed and swapped in as the last step, so a failure or a panic leaves the handle as it
/// was.
///
/// # Safety
/// `handle` is NULL or a live handle of type `T` made by this library, which no other thread
/// uses during the call.
pub(crate) unsafe fn configure<T: Configurable>(
    handle: *mut T, change: impl FnOnce(T::Config) -> Result<T::Config, Fail>,
) -> jwtmint_result {
    guard(|| {
        // SAFETY: this function's contract is what `ptr::handle_mut` requires.
        let config = unsafe { ptr::handle_mut(handle)? }.config();
        *config = change(config.clone())?;
        Ok(())
    })
}
