//! Secret text and the key bytes it stands for: [`SecretEncoding`], one rule per encoding.
//!
//! Every door (the CLI's `--secret-encoding`, the C ABI, the bindings) names an encoding and
//! hands the text here; none decodes a secret itself.

mod jsrsasign;

use std::str::FromStr;

use zeroize::Zeroizing;

use crate::base64url;
use crate::error::{Error, Result};

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
    /// `src/secret/jsrsasign.rs`.
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

display_as_str!(SecretEncoding);

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
    let bad = || Error::InvalidSecretEncoding {
        encoding: encoding.as_str(),
    };
    match encoding {
        SecretEncoding::JsrsasignCompat => Ok(jsrsasign::secret_bytes(text)),
        SecretEncoding::Utf8 => Ok(Zeroizing::new(text.as_bytes().to_vec())),
        // base16ct decodes without data-dependent branches: the secret's bits do not leak
        // through timing.
        SecretEncoding::Hex => base16ct::mixed::decode_vec(text)
            .map(Zeroizing::new)
            .map_err(|_| bad()),
        SecretEncoding::Base64 => base64url::decode_secret(text.as_bytes(), true).ok_or_else(bad),
        SecretEncoding::Base64Url => {
            base64url::decode_secret(text.as_bytes(), false).ok_or_else(bad)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Key;
    use base64::Engine as _;

    const SECRET: &str = "0123456789abcdef0123456789abcdef";

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

    fn reference(text: &str, standard: bool) -> Option<Vec<u8>> {
        use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
        use base64::engine::DecodePaddingMode;
        const PAD_OPTIONAL: GeneralPurposeConfig =
            GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent);
        let alphabet = if standard {
            &base64::alphabet::STANDARD
        } else {
            &base64::alphabet::URL_SAFE
        };
        GeneralPurpose::new(alphabet, PAD_OPTIONAL)
            .decode(text)
            .ok()
    }

    #[test]
    fn base64_padding_is_optional_but_never_wrong() {
        for (text, ok) in [
            ("Zg", true),
            ("Zg=", true),
            ("Zg==", true),
            ("Zm8", true),
            ("Zm8=", true),
            ("Zm9v", true),
            ("Zg===", false),
            ("Zm8==", false),
            ("Zm9v=", false),
            ("=", false),
            ("Z=g=", false),
            ("Zh", false),
            ("Zm9v\n", false),
        ] {
            for standard in [true, false] {
                let ours = base64url::decode_secret(text.as_bytes(), standard).map(|b| b.to_vec());
                assert_eq!(ours.is_some(), ok, "{text}");
                assert_eq!(ours, reference(text, standard), "{text}");
            }
        }
    }

    proptest::proptest! {
        /// Secret text decodes exactly as the `base64` crate decodes it, padding optional.
        #[test]
        fn base64_secrets_decode_as_the_base64_crate_does(text in "[A-Za-z0-9+/_=-]{0,24}") {
            for standard in [true, false] {
                let ours = base64url::decode_secret(text.as_bytes(), standard).map(|b| b.to_vec());
                proptest::prop_assert_eq!(ours, reference(&text, standard));
            }
        }
    }
}
