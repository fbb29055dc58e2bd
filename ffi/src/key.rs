//! The key handle: an HS256 key built once from the secret.

use jwtmint_core::{Key, SecretEncoding};

use crate::boundary::Fail;
use crate::codes::jwtmint_result;
use crate::handle;
use crate::ptr;

/// An HS256 key: the keyed HMAC state derived from a secret (the secret itself is not kept).
///
/// Made by `jwtmint_key_new` or `jwtmint_key_new_encoded`, released by `jwtmint_key_free`,
/// which wipes the key material. Immutable: one key may be used by any number of threads at
/// once. Minters and verifiers made from a key keep their own reference to it, so the key may
/// be freed as soon as they are made.
pub struct jwtmint_key {
    pub(crate) key: Key,
}

/// How secret text passed to `jwtmint_key_new_encoded` is turned into key bytes: one of the
/// `JWTMINT_SECRET_*` constants.
pub type jwtmint_secret_encoding = u32;

/// The text's UTF-8 bytes are the secret (what a Zoom API secret is).
pub const JWTMINT_SECRET_UTF8: jwtmint_secret_encoding = 0;
/// Hexadecimal, either case, no separators.
pub const JWTMINT_SECRET_HEX: jwtmint_secret_encoding = 1;
/// Standard base64 alphabet, padding optional.
pub const JWTMINT_SECRET_BASE64: jwtmint_secret_encoding = 2;
/// URL-safe base64 alphabet (as in a JWK `k`), padding optional.
pub const JWTMINT_SECRET_BASE64URL: jwtmint_secret_encoding = 3;
/// The way jsrsasign, the library of Zoom's Node.js samples, reads a secret string: an
/// even-length, all-hex text (either case) is decoded as hex; any other text gives the low
/// byte of each UTF-16 code unit (not its UTF-8 bytes). Only for secrets that were used with
/// those samples: characters above U+00FF lose their high byte, so distinct secrets can give
/// the same key.
pub const JWTMINT_SECRET_JSRSASIGN_COMPAT: jwtmint_secret_encoding = 4;

fn encoding(value: jwtmint_secret_encoding) -> Result<SecretEncoding, Fail> {
    match value {
        JWTMINT_SECRET_UTF8 => Ok(SecretEncoding::Utf8),
        JWTMINT_SECRET_HEX => Ok(SecretEncoding::Hex),
        JWTMINT_SECRET_BASE64 => Ok(SecretEncoding::Base64),
        JWTMINT_SECRET_BASE64URL => Ok(SecretEncoding::Base64Url),
        JWTMINT_SECRET_JSRSASIGN_COMPAT => Ok(SecretEncoding::JsrsasignCompat),
        _ => Err(jwtmint_core::Error::InvalidArgument {
            name: "secret encoding",
            reason: "expected one of the JWTMINT_SECRET_* constants",
        }
        .into()),
    }
}

/// Makes a key from the secret's bytes (for a Zoom API secret: its text, as bytes).
///
/// On success `*out` receives a new key that the caller owns and must release with
/// `jwtmint_key_free`. The secret is not kept: the caller may wipe it right away. The key is
/// immutable and may be shared between threads.
///
/// Thread-safe.
///
/// Results:
/// - `JWTMINT_OK`;
/// - `JWTMINT_NULL_POINTER`: `out` is NULL, or `secret` is NULL with `secret_len > 0`;
/// - `JWTMINT_EMPTY_SECRET`: `secret_len` is 0;
/// - `JWTMINT_WEAK_SECRET`: the secret is shorter than 32 bytes (RFC 7518 section 3.2);
/// - `JWTMINT_INVALID_ARGUMENT`: `secret_len` exceeds `PTRDIFF_MAX`;
/// - `JWTMINT_PANIC`.
///
/// # Safety
/// `secret` is NULL or valid for reads of `secret_len` bytes; `out` is NULL or valid for a
/// write of one pointer.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_key_new(
    secret: *const u8, secret_len: usize, out: *mut *mut jwtmint_key,
) -> jwtmint_result {
    // SAFETY: this function's contract is what `handle::new` and `ptr::bytes` require.
    unsafe {
        handle::new(out, || {
            let key = Key::new(ptr::bytes(secret, secret_len)?)?;
            Ok(jwtmint_key { key })
        })
    }
}

/// Makes a key from secret text in an encoding: `JWTMINT_SECRET_UTF8` (the text's bytes, as
/// `jwtmint_key_new`), `JWTMINT_SECRET_HEX`, `JWTMINT_SECRET_BASE64`,
/// `JWTMINT_SECRET_BASE64URL` or `JWTMINT_SECRET_JSRSASIGN_COMPAT` (the secret as Zoom's
/// Node.js samples read it). The text is not NUL-terminated: its length is `text_len`.
///
/// On success `*out` receives a new key that the caller owns and must release with
/// `jwtmint_key_free`. Neither the text nor the decoded bytes are kept (the decoded copy is
/// wiped before returning).
///
/// Thread-safe.
///
/// Results:
/// - `JWTMINT_OK`;
/// - `JWTMINT_NULL_POINTER`: `out` is NULL, or `text` is NULL with `text_len > 0`;
/// - `JWTMINT_INVALID_ARGUMENT`: `encoding` is not a `JWTMINT_SECRET_*` constant, or
///   `text_len` exceeds `PTRDIFF_MAX`;
/// - `JWTMINT_INVALID_UTF8`: the text is not UTF-8;
/// - `JWTMINT_INVALID_SECRET_ENCODING`: the text is not valid in `encoding`;
/// - `JWTMINT_EMPTY_SECRET`, `JWTMINT_WEAK_SECRET`: as `jwtmint_key_new`, for the decoded bytes;
/// - `JWTMINT_PANIC`.
///
/// # Safety
/// `text` is NULL or valid for reads of `text_len` bytes; `out` is NULL or valid for a write
/// of one pointer.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_key_new_encoded(
    text: *const u8, text_len: usize, encoding: jwtmint_secret_encoding, out: *mut *mut jwtmint_key,
) -> jwtmint_result {
    // SAFETY: this function's contract is what `handle::new` and `ptr::text` require.
    unsafe {
        handle::new(out, || {
            let key = Key::from_encoded(ptr::text(text, text_len)?, self::encoding(encoding)?)?;
            Ok(jwtmint_key { key })
        })
    }
}

/// Releases a key and wipes its key material. NULL is a no-op.
///
/// Minters and verifiers made from the key stay valid. Not thread-safe with respect to `key`:
/// no other thread may be using it.
///
/// # Safety
/// `key` is NULL or a key from `jwtmint_key_new*` that has not been freed; it must not be used
/// after this call.
#[no_mangle]
pub unsafe extern "C" fn jwtmint_key_free(key: *mut jwtmint_key) {
    // SAFETY: this function's contract is `handle::free`'s.
    unsafe { handle::free(key) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::*;

    const SECRET: &[u8] = b"0123456789abcdef0123456789abcdef";

    fn new_key(secret: &[u8]) -> (jwtmint_result, *mut jwtmint_key) {
        let mut out = std::ptr::null_mut();
        // SAFETY: `secret` and `out` are live locals of the right sizes.
        let rc = unsafe { jwtmint_key_new(secret.as_ptr(), secret.len(), &mut out) };
        (rc, out)
    }

    #[test]
    fn keys_are_made_and_freed() {
        let (rc, key) = new_key(SECRET);
        assert_eq!(rc, JWTMINT_OK);
        assert!(!key.is_null());
        // SAFETY: `key` came from `jwtmint_key_new` and is freed once; NULL is a no-op.
        unsafe {
            jwtmint_key_free(key);
            jwtmint_key_free(std::ptr::null_mut());
        }
    }

    #[test]
    fn bad_secrets_and_pointers_give_their_codes_and_write_nothing() {
        let sentinel = std::ptr::dangling_mut::<jwtmint_key>();
        for (secret, len, code) in [
            (SECRET.as_ptr(), 31, JWTMINT_WEAK_SECRET),
            (std::ptr::null(), 0, JWTMINT_EMPTY_SECRET),
            (std::ptr::null(), 32, JWTMINT_NULL_POINTER),
            (SECRET.as_ptr(), usize::MAX, JWTMINT_INVALID_ARGUMENT),
        ] {
            let mut out = sentinel;
            // SAFETY: every (pointer, length) pair is either valid or rejected before use.
            let rc = unsafe { jwtmint_key_new(secret, len, &mut out) };
            assert_eq!(rc, code);
            assert_eq!(out, sentinel, "out written on failure");
        }
        // SAFETY: a NULL `out` is checked before anything is read.
        let rc = unsafe { jwtmint_key_new(SECRET.as_ptr(), 32, std::ptr::null_mut()) };
        assert_eq!(rc, JWTMINT_NULL_POINTER);
    }

    #[test]
    fn encodings_are_checked() {
        let hex = b"30313233343536373839616263646566".repeat(2);
        for (text, enc, code) in [
            (&hex[..], JWTMINT_SECRET_HEX, JWTMINT_OK),
            (SECRET, JWTMINT_SECRET_UTF8, JWTMINT_OK),
            (
                b"zz".as_slice(),
                JWTMINT_SECRET_HEX,
                JWTMINT_INVALID_SECRET_ENCODING,
            ),
            (
                b"a+b/".as_slice(),
                JWTMINT_SECRET_BASE64URL,
                JWTMINT_INVALID_SECRET_ENCODING,
            ),
            // All hex, even length: jsrsasign decodes it, and 32 digits are only 16 bytes.
            (SECRET, JWTMINT_SECRET_JSRSASIGN_COMPAT, JWTMINT_WEAK_SECRET),
            (&hex[..], JWTMINT_SECRET_JSRSASIGN_COMPAT, JWTMINT_OK),
            (
                b"my-zoom-api-secret-of-36-characters!".as_slice(),
                JWTMINT_SECRET_JSRSASIGN_COMPAT,
                JWTMINT_OK,
            ),
            (
                &hex[..36],
                JWTMINT_SECRET_JSRSASIGN_COMPAT,
                JWTMINT_WEAK_SECRET,
            ),
            (SECRET, 5, JWTMINT_INVALID_ARGUMENT),
            (
                b"\xff".as_slice(),
                JWTMINT_SECRET_UTF8,
                JWTMINT_INVALID_UTF8,
            ),
        ] {
            let mut out = std::ptr::null_mut();
            // SAFETY: `text` and `out` are live locals of the right sizes.
            let rc = unsafe { jwtmint_key_new_encoded(text.as_ptr(), text.len(), enc, &mut out) };
            assert_eq!(rc, code);
            assert_eq!(out.is_null(), code != JWTMINT_OK);
            // SAFETY: `out` is NULL or a fresh key, freed once.
            unsafe { jwtmint_key_free(out) };
        }
    }
}
