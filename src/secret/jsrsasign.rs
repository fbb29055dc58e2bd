//! How jsrsasign — the library of Zoom's Node.js samples — turns a secret string into HMAC key
//! bytes, for [`SecretEncoding::JsrsasignCompat`](crate::SecretEncoding::JsrsasignCompat).
//!
//! Zoom's samples call `KJUR.jws.JWS.sign("HS256", sHeader, sPayload, secret)` with the
//! secret as a plain string. jsrsasign (checked in version 11.1.5, `KJUR.crypto.Mac`'s
//! `setPassword`) then reads the string as:
//!
//! - **hex**, when its length is even and it matches `/^[0-9A-Fa-f]+$/` (either case, mixed
//!   allowed; no `0x` prefix, no whitespace, not empty);
//! - otherwise **one byte per UTF-16 code unit, the low 8 bits** (`rstrtohex`): ASCII and
//!   Latin-1 characters (up to U+00FF) give their own code, anything above loses its high
//!   byte (`Ā` U+0100 gives `0x00`, `€` U+20AC gives `0xAC`), and a character outside the
//!   Basic Multilingual Plane gives the low bytes of its two surrogates (`😀` U+1F600 →
//!   `D83D DE00` → `0x3D 0x00`).
//!
//! So an odd-length hex string, or one starting with `0x`, is used as text; and the empty
//! string is an empty key (refused here).
//!
//! The second rule makes characters above U+00FF weak: distinct characters collide (`Ā`, `Ȁ`,
//! `␀` and every other U+xx00 give the same byte), so such a secret holds fewer bits than its
//! length suggests. That is jsrsasign's behaviour, reproduced only so that existing secrets
//! keep working; new secrets should be random ASCII or bytes.

use zeroize::Zeroizing;

/// The key bytes jsrsasign derives from `secret` (see the module documentation).
pub(crate) fn secret_bytes(secret: &str) -> Zeroizing<Vec<u8>> {
    let is_hex = !secret.is_empty()
        && secret.len().is_multiple_of(2)
        && secret.bytes().all(|b| b.is_ascii_hexdigit());
    if is_hex {
        let mut out = Zeroizing::new(vec![0u8; secret.len() / 2]);
        // Cannot fail: the text was just checked. base16ct decodes without branching on the
        // digits' values.
        if base16ct::mixed::decode(secret, &mut out[..]).is_ok() {
            return out;
        }
    }
    // UTF-16 never has more code units than UTF-8 has bytes: reserving `secret.len()` means
    // the buffer is never reallocated, so no unwiped copy of the key is left behind.
    let mut out = Zeroizing::new(Vec::with_capacity(secret.len()));
    out.extend(secret.encode_utf16().map(|unit| unit.to_le_bytes()[0]));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bytes(s: &str) -> Vec<u8> {
        secret_bytes(s).to_vec()
    }

    #[test]
    fn even_length_hex_is_decoded_in_either_case() {
        assert_eq!(bytes("00ff"), [0x00, 0xff]);
        assert_eq!(bytes("ABcd"), [0xab, 0xcd]);
        assert_eq!(
            bytes("0123456789abcdefABCDEF"),
            [0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef, 0xab, 0xcd, 0xef]
        );
    }

    #[test]
    fn everything_else_is_one_byte_per_utf16_unit() {
        // Odd length, a prefix, whitespace, a non-hex letter: text.
        assert_eq!(bytes("abc"), b"abc");
        assert_eq!(bytes("0x00"), b"0x00");
        assert_eq!(bytes("00 ff"), b"00 ff");
        assert_eq!(bytes("00ff\n"), b"00ff\n");
        assert_eq!(bytes("abcg"), b"abcg");
        assert_eq!(bytes(""), b"");
        // Latin-1 keeps its code; above U+00FF only the low byte is left.
        assert_eq!(bytes("é"), [0xe9]);
        assert_eq!(bytes("ÿ"), [0xff]);
        assert_eq!(bytes("Ā"), [0x00]);
        assert_eq!(bytes("€"), [0xac]);
        assert_eq!(bytes("Ȁ"), bytes("Ā"));
        // Outside the BMP: the two surrogates' low bytes.
        assert_eq!(bytes("😀"), [0x3d, 0x00]);
        assert_eq!(bytes("aé€😀"), [b'a', 0xe9, 0xac, 0x3d, 0x00]);
    }

    #[test]
    fn non_ascii_digits_are_not_hex() {
        // Full-width digits are not matched by jsrsasign's ASCII character class.
        assert_eq!(bytes("１２"), [0x11, 0x12]);
    }
}
