//! Turning the caller's raw pointers into Rust values, once, at the top of each export.
//!
//! Every function here that dereferences a pointer is `unsafe` and states what the caller must
//! guarantee; the exported functions pass that duty on to the C caller in the header. NULL is
//! always checked here, never assumed away.

use std::ptr::NonNull;

use crate::boundary::Fail;
use crate::codes::{JWTMINT_BUFFER_TOO_SMALL, JWTMINT_INVALID_UTF8, JWTMINT_NULL_POINTER};

const NULL: Fail = Fail(JWTMINT_NULL_POINTER);

/// The stack buffer [`Output::fill`] mints into first: an API token with a 22-character API
/// key (Zoom's) is about 170 bytes; longer results are minted in place.
const SCRATCH_LEN: usize = 512;

/// A length no Rust slice may have (`slice::from_raw_parts` requires at most `isize::MAX`).
fn too_long(name: &'static str) -> Fail {
    jwtmint_core::Error::InvalidArgument {
        name,
        reason: "length exceeds PTRDIFF_MAX",
    }
    .into()
}

/// Borrows the caller's input bytes `(ptr, len)`. `(NULL, 0)` is the empty input; NULL with a
/// non-zero length is `JWTMINT_NULL_POINTER`.
///
/// # Safety
/// `ptr` is NULL or valid for reads of `len` bytes, which stay unchanged while the returned
/// slice is used.
pub(crate) unsafe fn bytes<'a>(ptr: *const u8, len: usize) -> Result<&'a [u8], Fail> {
    if ptr.is_null() {
        return if len == 0 { Ok(&[]) } else { Err(NULL) };
    }
    if isize::try_from(len).is_err() {
        return Err(too_long("input"));
    }
    // SAFETY: `ptr` is non-NULL and, by this function's contract, valid for reads of `len`
    // bytes that do not change while borrowed; `len <= isize::MAX` was checked above. Any
    // alignment is fine for `u8`.
    Ok(unsafe { std::slice::from_raw_parts(ptr, len) })
}

/// Borrows the caller's input text: as [`bytes`], and then it must be UTF-8
/// (`JWTMINT_INVALID_UTF8` otherwise).
///
/// # Safety
/// As [`bytes`].
pub(crate) unsafe fn text<'a>(ptr: *const u8, len: usize) -> Result<&'a str, Fail> {
    // SAFETY: this function has the same contract as `bytes`.
    let raw = unsafe { bytes(ptr, len) }?;
    std::str::from_utf8(raw).map_err(|_| Fail(JWTMINT_INVALID_UTF8))
}

/// Borrows optional input text: a NULL pointer means absent (`None`), and its length must then
/// be 0 (`JWTMINT_NULL_POINTER` otherwise); any other pointer is read as by [`text`], so a
/// non-NULL pointer with length 0 is the empty text.
///
/// # Safety
/// As [`bytes`].
pub(crate) unsafe fn optional_text<'a>(
    ptr: *const u8, len: usize,
) -> Result<Option<&'a str>, Fail> {
    if ptr.is_null() {
        return if len == 0 { Ok(None) } else { Err(NULL) };
    }
    // SAFETY: this function has the same contract as `text`.
    unsafe { text(ptr, len) }.map(Some)
}

/// Borrows a handle the library made. NULL is `JWTMINT_NULL_POINTER`.
///
/// # Safety
/// `ptr` is NULL or a handle made by this library's `*_new` for type `T`, not yet freed, and
/// not mutated by another thread during the call.
pub(crate) unsafe fn handle<'a, T>(ptr: *const T) -> Result<&'a T, Fail> {
    // SAFETY: by this function's contract a non-NULL `ptr` came from `Box::into_raw` of a live
    // `T` (so it is aligned, initialized and dereferenceable) and no one writes to it meanwhile.
    unsafe { ptr.as_ref() }.ok_or(NULL)
}

/// Borrows a handle the library made, to change it. NULL is `JWTMINT_NULL_POINTER`.
///
/// # Safety
/// As [`handle`], and no other thread uses the handle during the call.
pub(crate) unsafe fn handle_mut<'a, T>(ptr: *mut T) -> Result<&'a mut T, Fail> {
    // SAFETY: as in `handle`; exclusive access is part of this function's contract.
    unsafe { ptr.as_mut() }.ok_or(NULL)
}

/// Frees a handle the library made; NULL is a no-op.
///
/// # Safety
/// `ptr` is NULL or a handle made by this library's `*_new` for type `T`, not yet freed and not
/// used by any other thread, nor ever again after this call.
pub(crate) unsafe fn free<T>(ptr: *mut T) {
    if !ptr.is_null() {
        // SAFETY: by this function's contract `ptr` came from `Box::into_raw(Box<T>)` and is
        // owned by no one else from now on, so turning it back into the Box (and dropping it,
        // which wipes key material) is the one release of that allocation.
        drop(unsafe { Box::from_raw(ptr) });
    }
}

/// Where a new handle is written for the caller (`T **out`).
pub(crate) struct HandleOut<T>(NonNull<*mut T>);

impl<T> HandleOut<T> {
    /// Checks the out-pointer. NULL is `JWTMINT_NULL_POINTER`.
    ///
    /// # Safety
    /// `out` is NULL or valid for a write of one pointer (alignment included) until
    /// [`HandleOut::set`] is called.
    pub(crate) unsafe fn new(out: *mut *mut T) -> Result<Self, Fail> {
        NonNull::new(out).map(HandleOut).ok_or(NULL)
    }

    /// Hands `value` to the caller as a new handle, which the caller now owns.
    pub(crate) fn set(self, value: T) {
        let raw = Box::into_raw(Box::new(value));
        // SAFETY: `HandleOut::new`'s contract makes the non-NULL pointer valid for this write.
        // `write` does not read or drop whatever garbage the caller's variable held.
        unsafe { self.0.as_ptr().write(raw) };
    }
}

/// Where an optional result is written (`T *out`, NULL when the caller does not want it).
pub(crate) struct OptionalOut<T>(Option<NonNull<T>>);

impl<T> OptionalOut<T> {
    /// Takes the out-pointer; NULL is allowed and means "not wanted".
    ///
    /// # Safety
    /// `out` is NULL or valid for a write of one `T` (alignment included) until
    /// [`OptionalOut::set`] is called, and overlaps no input of the call.
    pub(crate) unsafe fn new(out: *mut T) -> Self {
        OptionalOut(NonNull::new(out))
    }

    /// Writes `value` if the caller asked for it.
    pub(crate) fn set(self, value: T) {
        if let Some(out) = self.0 {
            // SAFETY: `OptionalOut::new`'s contract makes the non-NULL pointer valid for this
            // write; `write` does not drop whatever the caller's variable held.
            unsafe { out.as_ptr().write(value) };
        }
    }
}

/// Where a required result is written (`T *out`; NULL is `JWTMINT_NULL_POINTER`).
///
/// The value is written with `ptr::write`, never through a `&mut T`: the caller's variable may
/// be uninitialized, and a reference to it would claim otherwise.
pub(crate) struct Out<T>(NonNull<T>);

impl<T> Out<T> {
    /// Checks the out-pointer. NULL is `JWTMINT_NULL_POINTER`.
    ///
    /// # Safety
    /// `out` is NULL or valid for a write of one `T` (alignment included) until [`Out::set`]
    /// is called, and overlaps no input of the call.
    pub(crate) unsafe fn new(out: *mut T) -> Result<Self, Fail> {
        NonNull::new(out).map(Out).ok_or(NULL)
    }

    /// Writes `value` to the caller's variable.
    pub(crate) fn set(self, value: T) {
        // SAFETY: `Out::new` checked the pointer is non-NULL and its contract makes it valid
        // for this write; `write` neither reads nor drops what the caller's variable held.
        unsafe { self.0.as_ptr().write(value) };
    }
}

/// The caller's output buffer `(out, cap, out_len)`.
///
/// Nothing is written unless the whole result fits: then the bytes, a NUL after them when
/// there is room, and their length (without the NUL) in `*out_len`. When it does not fit, only
/// the size needed goes into `*out_len`. `(NULL, 0)` is a buffer with no room, which is how a
/// caller asks for the size.
pub(crate) struct Output {
    buf: *mut u8,
    cap: usize,
    len: NonNull<usize>,
}

impl Output {
    /// Checks the pointers: `out_len` must not be NULL, nor `buf` when `cap > 0`.
    ///
    /// # Safety
    /// `buf` is NULL or valid for writes of `cap` bytes, `out_len` is NULL or valid for a write
    /// of one `size_t`, until the `Output` is used; neither overlaps an input of the call.
    pub(crate) unsafe fn new(buf: *mut u8, cap: usize, out_len: *mut usize) -> Result<Self, Fail> {
        let len = NonNull::new(out_len).ok_or(NULL)?;
        if buf.is_null() && cap > 0 {
            return Err(NULL);
        }
        if isize::try_from(cap).is_err() {
            return Err(too_long("output capacity"));
        }
        Ok(Output { buf, cap, len })
    }

    fn set_len(&self, n: usize) {
        // SAFETY: `Output::new`'s contract makes `len` valid for a write of a `usize`.
        unsafe { self.len.as_ptr().write(n) };
    }

    /// Writes the NUL after `n` result bytes when the buffer has room, and the length.
    fn finish(&self, n: usize) {
        if n < self.cap {
            // SAFETY: `n < cap`, and `Output::new`'s contract makes `buf` (non-NULL, since
            // `cap > 0`) valid for writes of `cap` bytes. A raw write: no reference is made to
            // memory the caller may not have initialized.
            unsafe { self.buf.add(n).write(0) };
        }
        self.set_len(n);
    }

    /// Runs `write`, the core's "mint into a slice" (such as `mint_into`), for the caller's
    /// buffer: it returns the length it wrote, or the core's `BufferTooSmall { needed }` having
    /// written nothing.
    ///
    /// The caller's memory may be uninitialized, and a Rust reference must never point at
    /// uninitialized bytes, so the caller's buffer is never lent as it is. `write` first runs
    /// on a zeroed scratch buffer on the stack (enough for any token of a usual API key), whose
    /// result is copied out through the raw pointer. Only a result longer than the scratch
    /// that fits in `cap` is written in place: its `needed` bytes are zeroed through the raw
    /// pointer first, and only that now-initialized part is lent. Either way nothing of the
    /// caller's buffer is touched unless the whole result fits, and nothing is allocated.
    pub(crate) fn fill(
        self, write: impl Fn(&mut [u8]) -> jwtmint_core::Result<usize>,
    ) -> Result<(), Fail> {
        let mut scratch = [0u8; SCRATCH_LEN];
        let first = self.cap.min(SCRATCH_LEN);
        match write(&mut scratch[..first]) {
            Ok(n) => self.write(&scratch[..n]),
            Err(jwtmint_core::Error::BufferTooSmall { needed })
                if first < needed && needed <= self.cap =>
            {
                // SAFETY: `0 <= first < needed <= cap`, so `cap > 0`, `buf` is non-NULL and
                // `cap <= isize::MAX` (`Output::new`), and its contract makes `buf` valid for
                // writes of `cap >= needed` bytes, overlapping no input. `write_bytes`
                // initializes the first `needed` bytes through the raw pointer; then they are
                // initialized `u8`s, and this slice is the only live reference to them until
                // `write` returns.
                let dest = unsafe {
                    self.buf.write_bytes(0, needed);
                    std::slice::from_raw_parts_mut(self.buf, needed)
                };
                let n = write(dest)?;
                debug_assert!(n <= needed);
                self.finish(n);
                Ok(())
            }
            Err(jwtmint_core::Error::BufferTooSmall { needed }) => {
                self.set_len(needed);
                Err(Fail(JWTMINT_BUFFER_TOO_SMALL))
            }
            Err(e) => Err(e.into()),
        }
    }

    /// Copies `data` out, on the same terms as [`Output::fill`]: all of it and a NUL when
    /// there is room, else only the size needed into `*out_len`.
    pub(crate) fn write(self, data: &[u8]) -> Result<(), Fail> {
        if data.len() > self.cap {
            self.set_len(data.len());
            return Err(Fail(JWTMINT_BUFFER_TOO_SMALL));
        }
        if !data.is_empty() {
            // SAFETY: `0 < data.len() <= cap`, so `buf` is non-NULL (`Output::new`) and, by its
            // contract, valid for writes of `cap` bytes and overlapping no input such as `data`.
            // A raw copy: no reference is made to the caller's possibly uninitialized memory.
            unsafe { std::ptr::copy_nonoverlapping(data.as_ptr(), self.buf, data.len()) };
        }
        self.finish(data.len());
        Ok(())
    }
}

#[cfg(test)]
#[path = "ptr_tests.rs"]
mod tests;
