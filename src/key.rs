//! The HS256 key: built once from the secret, holding the keyed HMAC state.

use std::fmt;
use std::sync::Arc;

use crate::error::{Error, Result};
use crate::hs256::Midstate;
use crate::secret::{decode_secret, SecretEncoding};

/// The shortest secret [`Key::new`] accepts: RFC 7518 §3.2 requires an HS256 key of at least
/// the hash's output size, 256 bits.
pub const MIN_SECRET_LEN: usize = 32;

/// An HS256 key.
///
/// Built once from the secret bytes, it keeps only the HMAC state after the key block (the
/// inner and outer pad states), so no mint or verify re-derives it; the secret itself is not
/// kept. The state is as good as the secret for forging tokens, so it is zeroized when the last
/// clone of the key is dropped, and `Debug` never prints it.
///
/// A `Key` is `Send + Sync` and cloning it is a reference-count increment: share it freely
/// between threads.
///
/// ```
/// use jwtmint::Key;
///
/// let key = Key::from_text("my-zoom-api-secret-of-36-characters!")?;
/// assert_eq!(format!("{key:?}"), "Key { alg: \"HS256\", secret: <redacted> }");
///
/// // Short secrets are refused (RFC 7518 section 3.2):
/// assert!(Key::from_text("short").is_err());
/// # Ok::<(), jwtmint::Error>(())
/// ```
#[derive(Clone)]
pub struct Key {
    // The HMAC-SHA256 state after the key blocks; `Midstate` wipes it on drop.
    state: Arc<Midstate>,
}

impl Key {
    /// Builds a key from the secret's bytes.
    ///
    /// # Errors
    /// [`Error::EmptySecret`] for an empty secret, [`Error::WeakSecret`] for one shorter than
    /// [`MIN_SECRET_LEN`] bytes (see [`crate::dangerous::key_allowing_short_secret`] for
    /// legacy secrets).
    pub fn new(secret: &[u8]) -> Result<Self> {
        if secret.len() < MIN_SECRET_LEN && !secret.is_empty() {
            return Err(Error::WeakSecret {
                len: secret.len(),
                min: MIN_SECRET_LEN,
            });
        }
        Self::new_any_length(secret)
    }

    /// Builds a key from secret text used as its UTF-8 bytes, the way PyJWT, jsonwebtoken and
    /// most libraries use a Zoom API secret.
    ///
    /// # Errors
    /// As [`Key::new`].
    pub fn from_text(secret: &str) -> Result<Self> {
        Self::new(secret.as_bytes())
    }

    /// Builds a key from a hexadecimal secret (either case; no separators).
    ///
    /// # Errors
    /// [`Error::InvalidSecretEncoding`] when the text is not hex; otherwise as [`Key::new`].
    pub fn from_hex(secret: &str) -> Result<Self> {
        Self::new(&decode_secret(secret, SecretEncoding::Hex)?)
    }

    /// Builds a key from a standard-alphabet base64 secret (padding optional).
    ///
    /// # Errors
    /// [`Error::InvalidSecretEncoding`] when the text is not base64; otherwise as [`Key::new`].
    pub fn from_base64(secret: &str) -> Result<Self> {
        Self::new(&decode_secret(secret, SecretEncoding::Base64)?)
    }

    /// Builds a key from a base64url secret (padding optional), the form JWK `k` values and the
    /// RFC 7515 examples use.
    ///
    /// ```
    /// // The key of RFC 7515 appendix A.1.
    /// let key = jwtmint::Key::from_base64url(
    ///     "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow",
    /// )?;
    /// # Ok::<(), jwtmint::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidSecretEncoding`] when the text is not base64url; otherwise as
    /// [`Key::new`].
    pub fn from_base64url(secret: &str) -> Result<Self> {
        Self::new(&decode_secret(secret, SecretEncoding::Base64Url)?)
    }

    /// Builds a key from secret text in the given encoding.
    ///
    /// # Errors
    /// As the constructor for that encoding.
    pub fn from_encoded(secret: &str, encoding: SecretEncoding) -> Result<Self> {
        Self::new(&decode_secret(secret, encoding)?)
    }

    /// No length check but the empty one: for [`crate::dangerous`] and the webhook secret.
    pub(crate) fn new_any_length(secret: &[u8]) -> Result<Self> {
        if secret.is_empty() {
            return Err(Error::EmptySecret);
        }
        Ok(Key {
            state: Arc::new(Midstate::new(secret)),
        })
    }

    /// The keyed HMAC state, for absorbing a constant prefix once.
    #[inline]
    pub(crate) fn midstate(&self) -> &Midstate {
        &self.state
    }

    /// HMAC-SHA256 of `data` under this key.
    #[inline]
    pub(crate) fn tag(&self, data: &[u8]) -> [u8; 32] {
        self.state.mac(data)
    }

    /// Whether `tag` is the HMAC-SHA256 of `data` under this key, compared in constant time.
    #[inline]
    pub(crate) fn verify_tag(&self, data: &[u8], tag: &[u8; 32]) -> bool {
        self.state.verify(data, tag)
    }
}

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Key { alg: \"HS256\", secret: <redacted> }")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "0123456789abcdef0123456789abcdef";

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn key_is_send_sync() {
        assert_send_sync::<Key>();
    }

    #[test]
    fn empty_and_short_secrets_are_refused() {
        assert_eq!(Key::new(b"").unwrap_err(), Error::EmptySecret);
        assert_eq!(
            Key::new(&[7; 31]).unwrap_err(),
            Error::WeakSecret { len: 31, min: 32 }
        );
        assert!(Key::new(&[7; 32]).is_ok());
        assert_eq!(Key::from_hex("").unwrap_err(), Error::EmptySecret);
    }

    #[test]
    fn debug_is_redacted() {
        let key = Key::from_text(SECRET).unwrap();
        let dbg = format!("{key:?} {key:#?}");
        assert!(!dbg.contains(SECRET));
        assert!(dbg.contains("redacted"));
    }

    #[test]
    fn tag_matches_rfc_4231_case_6_with_a_long_key() {
        // RFC 4231 test case 6: a 131-byte key (longer than the block, hashed first).
        let key = Key::new(&[0xaa; 131]).unwrap();
        let tag = key.tag(b"Test Using Larger Than Block-Size Key - Hash Key First");
        let expected = "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54";
        let hex: String = tag.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hex, expected);
    }
}
