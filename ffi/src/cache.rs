//! The token cache handle: one Zoom API JWT shared by every request of a service, minted again
//! only when it nears its expiry.

use jwtmint_core::zoom::ApiTokenCache;

use crate::boundary::guard;
use crate::codes::jwtmint_result;
use crate::handle;
use crate::mint::jwtmint_api_minter;
use crate::ptr;

/// Seconds before `exp` at which a token cache mints a fresh token, by default.
pub const JWTMINT_DEFAULT_REFRESH_MARGIN: u64 = 60;

/// Hands out the current Zoom API JWT of one minter, minting a new one only when the current
/// one is within the refresh margin of its `exp` (or was issued after the `now` asked about).
///
/// Made by `jwtmint_api_token_cache_new`, released by `jwtmint_api_token_cache_free`.
///
/// Thread-safe: every function but `_free` takes a `const` cache, and any number of threads
/// may call them at once. When the token is stale, one caller mints while the others wait
/// for its token instead of minting their own: one mint per refresh window.
pub struct jwtmint_api_token_cache {
    cache: ApiTokenCache,
}

/// Makes a token cache over a copy of `minter` (same API key, key, skew and ttl): the minter
/// may be freed right after this call. `refresh_margin` is how many seconds before a token's
/// `exp` a new one is minted (`JWTMINT_DEFAULT_REFRESH_MARGIN` is 60).
///
/// On success `*out` receives a new cache that the caller owns and must release with
/// `jwtmint_api_token_cache_free`. Thread-safe.
///
/// Results:
/// - `JWTMINT_OK`;
/// - `JWTMINT_NULL_POINTER`: `minter` or `out` is NULL;
/// - `JWTMINT_INVALID_ARGUMENT`: the minter's skew plus `refresh_margin` is not less than its
///   ttl (a token would be stale as soon as it is minted);
/// - `JWTMINT_PANIC`.
///
/// # Safety
/// `minter` is NULL or a live minter; `out` is NULL or valid for a write of one pointer.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_api_token_cache_new(
    minter: *const jwtmint_api_minter, refresh_margin: u64, out: *mut *mut jwtmint_api_token_cache,
) -> jwtmint_result {
    // SAFETY: this function's contract is what `handle::new` and `ptr::handle` require.
    unsafe {
        handle::new(out, || {
            let minter = ptr::handle(minter)?.minter.clone();
            let cache = ApiTokenCache::with_refresh_margin(minter, refresh_margin)?;
            Ok(jwtmint_api_token_cache { cache })
        })
    }
}

/// Releases a token cache (and its copy of the minter's key). NULL is a no-op.
///
/// No other thread may be using the cache.
///
/// # Safety
/// `cache` is NULL or a cache from `jwtmint_api_token_cache_new` that has not been freed; it
/// must not be used after this call.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_api_token_cache_free(cache: *mut jwtmint_api_token_cache) {
    // SAFETY: this function's contract is `handle::free`'s.
    unsafe { handle::free(cache) }
}

/// Writes the token to use at the time `now` (seconds since the Unix epoch; see
/// `jwtmint_now`) into the caller's buffer `out` of `cap` bytes: the cached token while it is
/// fresh, else a newly minted one, which is cached.
///
/// Output as in `jwtmint_api_minter_mint`: a buffer of
/// `jwtmint_api_minter_max_token_len(minter) + 1` bytes always holds the token and its NUL.
/// When the buffer is too small, only `*out_len` is written (the token is cached all the same,
/// so asking again with a larger buffer returns the same token).
///
/// Borrows every argument for the call only. Thread-safe: any number of threads may ask one
/// cache at once.
///
/// Results:
/// - `JWTMINT_OK`;
/// - `JWTMINT_NULL_POINTER`: `cache` or `out_len` is NULL, or `out` is NULL with `cap > 0`;
/// - `JWTMINT_INVALID_ARGUMENT`: `cap` exceeds `PTRDIFF_MAX`;
/// - `JWTMINT_TIME_OVERFLOW`: minting at `now` overflows a 64-bit time (nothing is cached);
/// - `JWTMINT_BUFFER_TOO_SMALL`: `*out_len` holds the length needed;
/// - `JWTMINT_PANIC`.
///
/// # Safety
/// `cache` is NULL or a live cache; `out` is NULL or valid for writes of `cap` bytes;
/// `out_len` is NULL or valid for a write of one `size_t`; `out` and `out_len` do not overlap.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_api_token_cache_token(
    cache: *const jwtmint_api_token_cache, now: i64, out: *mut u8, cap: usize, out_len: *mut usize,
) -> jwtmint_result {
    // SAFETY: this function's contract is `handle::output`'s.
    unsafe {
        handle::output(cache, (out, cap, out_len), |c, output| {
            output.write(c.cache.token_at(now)?.as_bytes())
        })
    }
}

/// Forgets the cached token, so that the next `jwtmint_api_token_cache_token` mints a new one
/// (for example after Zoom refused the cached one).
///
/// Thread-safe: may run while other threads ask the cache for its token.
///
/// Results: `JWTMINT_OK`; `JWTMINT_NULL_POINTER` when `cache` is NULL; `JWTMINT_PANIC`.
///
/// # Safety
/// `cache` is NULL or a live cache.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_api_token_cache_clear(
    cache: *const jwtmint_api_token_cache,
) -> jwtmint_result {
    guard(|| {
        // SAFETY: the caller guarantees this function's `# Safety` contract, which is what
        // `ptr::handle` requires.
        let cache = unsafe { ptr::handle(cache)? };
        cache.cache.clear();
        Ok(())
    })
}

/// How many tokens the cache has minted so far, for metrics and tests. Returns 0 for a NULL
/// cache.
///
/// Thread-safe.
///
/// # Safety
/// `cache` is NULL or a live cache.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_api_token_cache_mint_count(
    cache: *const jwtmint_api_token_cache,
) -> u64 {
    // SAFETY: this function's contract is `handle::read`'s.
    unsafe { handle::read(cache, 0, |c| c.cache.mint_count()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_margin_is_the_cores() {
        assert_eq!(
            JWTMINT_DEFAULT_REFRESH_MARGIN,
            jwtmint_core::zoom::DEFAULT_REFRESH_MARGIN
        );
    }
}
