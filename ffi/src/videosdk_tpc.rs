//! What Zoom documents about a Video SDK session name beyond its length: the core's notes as
//! a bit mask, so that every door can warn about the same things.

use jwtmint_core::zoom::{tpc_notes, TpcNote};

use crate::boundary::guard;
use crate::codes::jwtmint_result;
use crate::ptr;

/// The session name has a character outside the set Zoom documents (ASCII letters and digits,
/// space, and `!#$%&()+-:;<=.>?@[]^_{}|~,\`).
pub const JWTMINT_TPC_UNDOCUMENTED_CHARACTER: u32 = 1;
/// The session name has upper-case letters: Zoom converts session names to lower case, so
/// names that differ only in case join the same session.
pub const JWTMINT_TPC_NOT_LOWER_CASE: u32 = 2;

/// Writes into `*notes` the bit mask of what Zoom's documentation says about the session name
/// `tpc` (`tpc_len` bytes of UTF-8) that `jwtmint_videosdk_mint` does not refuse:
/// `JWTMINT_TPC_UNDOCUMENTED_CHARACTER`, `JWTMINT_TPC_NOT_LOWER_CASE`; 0 when nothing applies.
/// For a warning before minting; the token is minted either way.
///
/// Thread-safe. Results: `JWTMINT_OK`; `JWTMINT_NULL_POINTER` when `notes` is NULL or `tpc`
/// is NULL with `tpc_len > 0`; `JWTMINT_INVALID_UTF8`; `JWTMINT_INVALID_ARGUMENT` when
/// `tpc_len` exceeds `PTRDIFF_MAX`; `JWTMINT_PANIC`. Nothing is written on failure.
///
/// # Safety
/// `tpc` is NULL or valid for reads of `tpc_len` bytes; `notes` is NULL or valid for a write
/// of one `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_videosdk_tpc_notes(
    tpc: *const u8, tpc_len: usize, notes: *mut u32,
) -> jwtmint_result {
    guard(|| {
        // SAFETY: this function's contract is what `ptr::Out::new` and `ptr::text` require.
        // `notes` is checked first: a NULL `notes` is JWTMINT_NULL_POINTER whatever `tpc` is.
        let (out, tpc) = unsafe { (ptr::Out::new(notes)?, ptr::text(tpc, tpc_len)?) };
        out.set(
            tpc_notes(tpc)
                .into_iter()
                .map(TpcNote::bit)
                .fold(0, |mask, bit| mask | bit),
        );
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::*;

    #[test]
    fn the_bits_are_the_cores() {
        assert_eq!(
            [
                JWTMINT_TPC_UNDOCUMENTED_CHARACTER,
                JWTMINT_TPC_NOT_LOWER_CASE
            ],
            TpcNote::ALL.map(TpcNote::bit)
        );
        let mut notes = 99;
        for (tpc, want) in [("room 1", 0), ("Room", 2), ("café", 1), ("Café", 3)] {
            // SAFETY: a live string and a live local.
            let rc = unsafe { jwtmint_videosdk_tpc_notes(tpc.as_ptr(), tpc.len(), &mut notes) };
            assert_eq!((rc, notes), (JWTMINT_OK, want), "{tpc}");
        }
        // SAFETY: NULL is checked first; then invalid UTF-8 from a live array.
        unsafe {
            let rc = jwtmint_videosdk_tpc_notes(b"x".as_ptr(), 1, std::ptr::null_mut());
            assert_eq!(rc, JWTMINT_NULL_POINTER);
            notes = 99;
            let rc = jwtmint_videosdk_tpc_notes([0xff].as_ptr(), 1, &mut notes);
            assert_eq!((rc, notes), (JWTMINT_INVALID_UTF8, 99));
        }
    }
}
