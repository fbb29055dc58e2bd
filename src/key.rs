//! The HS256 key: built once from the secret, holding the keyed HMAC state.

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use base64::Engine as _;
use zeroize::Zeroizing;

use crate::error::{Error, Result};
use crate::hs256::Midstate;

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
    // The HMAC-SHA256 inner and outer pad states; `Midstate` wipes them on drop.
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

/// How secret text is turned into key bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum SecretEncoding {
    /// The text's UTF-8 bytes (the default, and what Zoom API secrets are).
    #[default]
    Utf8,
    /// Hexadecimal, either case.
    Hex,
    /// Standard base64 alphabet, padding optional.
    Base64,
    /// URL-safe base64 alphabet, padding optional.
    Base64Url,
    /// The way jsrsasign, the library of Zoom's Node.js samples, reads a secret string:
    /// an even-length, all-hex string (either case) as hex, anything else as the low byte of
    /// each UTF-16 code unit (not UTF-8). For secrets that were used with those samples.
    ///
    /// Characters above U+00FF lose their high byte under this rule (`€` becomes `0xAC`, and
    /// `Ā` and `Ȁ` both become `0x00`), so secrets containing them are weaker than they look.
    /// An all-hex secret of even length is decoded, so it needs 64 hex digits to reach the
    /// 32-byte minimum. The exact rule, checked against jsrsasign 11.1.5, is in
    /// `src/zoom/jsrsasign.rs`.
    ///
    /// ```
    /// use jwtmint::{zoom::ApiTokenMinter, Key, SecretEncoding::JsrsasignCompat};
    ///
    /// let mint = |key: Key| -> jwtmint::Result<String> {
    ///     ApiTokenMinter::new("api-key", key)?.mint_at(1_700_000_000)
    /// };
    /// // ASCII that is not hex: its bytes, as with `from_text`.
    /// let text = "my-zoom-api-secret-of-36-characters!";
    /// assert_eq!(
    ///     mint(Key::from_encoded(text, JsrsasignCompat)?)?,
    ///     mint(Key::from_text(text)?)?
    /// );
    /// // Even-length hex: decoded, as with `from_hex` (64 digits give 32 bytes).
    /// let hex = "00112233445566778899aabbccddeeff00112233445566778899AABBCCDDEEFF";
    /// assert_eq!(
    ///     mint(Key::from_encoded(hex, JsrsasignCompat)?)?,
    ///     mint(Key::from_hex(hex)?)?
    /// );
    /// // 36 hex digits are 18 bytes: too short.
    /// assert!(Key::from_encoded(&hex[..36], JsrsasignCompat).is_err());
    /// # Ok::<(), jwtmint::Error>(())
    /// ```
    JsrsasignCompat,
}

impl SecretEncoding {
    /// The encoding's name as the CLI and bindings spell it.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            SecretEncoding::Utf8 => "utf8",
            SecretEncoding::Hex => "hex",
            SecretEncoding::Base64 => "base64",
            SecretEncoding::Base64Url => "base64url",
            SecretEncoding::JsrsasignCompat => "jsrsasign",
        }
    }
}

impl fmt::Display for SecretEncoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for SecretEncoding {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        match s {
            "utf8" | "utf-8" | "text" => Ok(SecretEncoding::Utf8),
            "hex" => Ok(SecretEncoding::Hex),
            "base64" => Ok(SecretEncoding::Base64),
            "base64url" => Ok(SecretEncoding::Base64Url),
            "jsrsasign" => Ok(SecretEncoding::JsrsasignCompat),
            _ => Err(Error::InvalidArgument {
                name: "secret encoding",
                reason: "expected utf8, hex, base64 or base64url (or jsrsasign, for secrets from Zoom's Node.js samples)",
            }),
        }
    }
}

/// Decodes secret text into bytes that are wiped when dropped.
pub(crate) fn decode_secret(text: &str, encoding: SecretEncoding) -> Result<Zeroizing<Vec<u8>>> {
    use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
    use base64::engine::DecodePaddingMode;
    const PAD_OPTIONAL: GeneralPurposeConfig =
        GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent);
    const STANDARD: GeneralPurpose = GeneralPurpose::new(&base64::alphabet::STANDARD, PAD_OPTIONAL);
    const URL_SAFE: GeneralPurpose = GeneralPurpose::new(&base64::alphabet::URL_SAFE, PAD_OPTIONAL);

    let bad = Error::InvalidSecretEncoding {
        encoding: encoding.as_str(),
    };
    let bytes = match encoding {
        SecretEncoding::JsrsasignCompat => return Ok(crate::zoom::jsrsasign_secret_bytes(text)),
        SecretEncoding::Utf8 => text.as_bytes().to_vec(),
        // base16ct decodes without data-dependent branches: the secret's bits do not leak
        // through timing.
        SecretEncoding::Hex => base16ct::mixed::decode_vec(text).map_err(|_| bad)?,
        SecretEncoding::Base64 => STANDARD.decode(text).map_err(|_| bad)?,
        SecretEncoding::Base64Url => URL_SAFE.decode(text).map_err(|_| bad)?,
    };
    Ok(Zeroizing::new(bytes))
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
    fn encodings_decode_to_the_same_key() {
        let bytes = SECRET.as_bytes();
        let hex: String = bytes.iter().map(|b| format!("{b:02X}")).collect();
        let b64 = base64::engine::general_purpose::STANDARD.encode(bytes);
        let b64url = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
        let reference = Key::new(bytes).unwrap().tag(b"message");
        for key in [
            Key::from_hex(&hex).unwrap(),
            Key::from_hex(&hex.to_lowercase()).unwrap(),
            Key::from_base64(&b64).unwrap(),
            Key::from_base64(b64.trim_end_matches('=')).unwrap(),
            Key::from_base64url(&b64url).unwrap(),
            Key::from_encoded(SECRET, SecretEncoding::Utf8).unwrap(),
        ] {
            assert_eq!(key.tag(b"message"), reference);
        }
    }

    #[test]
    fn bad_encodings_are_specific_errors() {
        assert_eq!(
            Key::from_hex("zz").unwrap_err(),
            Error::InvalidSecretEncoding { encoding: "hex" }
        );
        assert_eq!(
            Key::from_hex("abc").unwrap_err(),
            Error::InvalidSecretEncoding { encoding: "hex" }
        );
        assert_eq!(
            Key::from_base64("a-b_").unwrap_err(),
            Error::InvalidSecretEncoding { encoding: "base64" }
        );
        assert_eq!(
            Key::from_base64url("a+b/").unwrap_err(),
            Error::InvalidSecretEncoding {
                encoding: "base64url"
            }
        );
        // An invalid-encoding error never echoes the secret.
        let err = Key::from_hex("secret-value!").unwrap_err().to_string();
        assert!(!err.contains("secret-value"));
    }

    #[test]
    fn encoding_names_round_trip() {
        for e in [
            SecretEncoding::Utf8,
            SecretEncoding::Hex,
            SecretEncoding::Base64,
            SecretEncoding::Base64Url,
            SecretEncoding::JsrsasignCompat,
        ] {
            assert_eq!(e.as_str().parse::<SecretEncoding>().unwrap(), e);
        }
        assert!("rot13".parse::<SecretEncoding>().is_err());
    }

    #[test]
    fn jsrsasign_secrets_follow_jsrsasigns_rule_and_the_length_minimum() {
        let enc = SecretEncoding::JsrsasignCompat;
        // Even-length hex is decoded: the same key as from_hex.
        let hex = "00112233445566778899aabbccddeeff00112233445566778899AABBCCDDEEFF";
        assert_eq!(
            Key::from_encoded(hex, enc).unwrap().tag(b"m"),
            Key::from_hex(hex).unwrap().tag(b"m")
        );
        // Text is one byte per UTF-16 unit: ASCII as itself, é as 0xE9, € as 0xAC.
        let text = "secret-é-€-of-more-than-32-characters";
        let mut expected: Vec<u8> = Vec::new();
        for c in text.chars() {
            expected.push(match c {
                'é' => 0xe9,
                '€' => 0xac,
                c => u8::try_from(c).unwrap(),
            });
        }
        assert_eq!(
            Key::from_encoded(text, enc).unwrap().tag(b"m"),
            Key::new(&expected).unwrap().tag(b"m")
        );
        // The minimum applies to the bytes: 36 hex digits are 18 bytes.
        assert_eq!(
            Key::from_encoded(&hex[..36], enc).unwrap_err(),
            Error::WeakSecret { len: 18, min: 32 }
        );
        // 31 characters of text are 31 bytes even when some are above U+00FF.
        assert_eq!(
            Key::from_encoded(&"€".repeat(31), enc).unwrap_err(),
            Error::WeakSecret { len: 31, min: 32 }
        );
        assert_eq!(Key::from_encoded("", enc).unwrap_err(), Error::EmptySecret);
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
