//! Strict, unpadded base64url (RFC 7515 §2, RFC 4648 §5) over the `base64` crate.
//!
//! Decoding accepts only the URL-safe alphabet, no padding, no whitespace, and only the
//! canonical encoding (the unused low bits of the last character must be zero), so that every
//! token has exactly one textual form.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;

use crate::error::{Error, Result, Segment};

/// Length of the base64url text for `n` bytes, without padding.
#[inline]
#[must_use]
pub const fn encoded_len(n: usize) -> usize {
    (n / 3) * 4
        + match n % 3 {
            0 => 0,
            1 => 2,
            _ => 3,
        }
}

/// Encodes `src` into the front of `dst`, returning how many bytes were written.
/// `dst` must hold at least [`encoded_len`]`(src.len())` bytes.
#[inline]
pub(crate) fn encode_into(src: &[u8], dst: &mut [u8]) -> usize {
    // `encode_slice` only fails when `dst` is too small, which every caller sizes first.
    URL_SAFE_NO_PAD.encode_slice(src, dst).unwrap_or(0)
}

/// Appends the encoding of `src` to `out`.
#[inline]
pub(crate) fn encode_to_string(src: &[u8], out: &mut String) {
    URL_SAFE_NO_PAD.encode_string(src, out);
}

/// Decodes one token segment strictly, into `out` (cleared first).
pub(crate) fn decode_into(text: &[u8], segment: Segment, out: &mut Vec<u8>) -> Result<()> {
    out.clear();
    URL_SAFE_NO_PAD
        .decode_vec(text, out)
        .map_err(|_| Error::InvalidBase64 { segment })
}

/// Decodes one token segment strictly.
pub(crate) fn decode(text: &[u8], segment: Segment) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 3);
    decode_into(text, segment, &mut out)?;
    Ok(out)
}

/// Decodes an HS256 signature segment: strict base64url of exactly 32 bytes.
pub(crate) fn decode_tag(text: &[u8]) -> Result<[u8; 32]> {
    // 43 characters encode 32 bytes; anything else cannot be an HS256 MAC.
    if text.len() != encoded_len(32) {
        return Err(Error::InvalidSignature);
    }
    let mut buf = [0u8; 33];
    let n = URL_SAFE_NO_PAD
        .decode_slice(text, &mut buf)
        .map_err(|_| Error::InvalidBase64 {
            segment: Segment::Signature,
        })?;
    let mut tag = [0u8; 32];
    if n != 32 {
        return Err(Error::InvalidSignature);
    }
    tag.copy_from_slice(&buf[..32]);
    Ok(tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Result<Vec<u8>> {
        decode(s.as_bytes(), Segment::Payload)
    }

    #[test]
    fn encoded_len_matches_the_codec() {
        for n in 0..100 {
            let data = vec![0xa5u8; n];
            let mut s = String::new();
            encode_to_string(&data, &mut s);
            assert_eq!(s.len(), encoded_len(n), "n = {n}");
        }
    }

    #[test]
    fn rfc_4648_vectors_without_padding() {
        for (plain, enc) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(dec(enc).unwrap(), plain.as_bytes());
            let mut s = String::new();
            encode_to_string(plain.as_bytes(), &mut s);
            assert_eq!(s, enc);
        }
    }

    #[test]
    fn url_alphabet_only() {
        assert_eq!(dec("-_8").unwrap(), [0xfb, 0xff]);
        assert!(dec("+/8").is_err(), "standard alphabet must be refused");
    }

    #[test]
    fn padding_whitespace_and_noncanonical_forms_are_refused() {
        assert!(dec("Zg==").is_err());
        assert!(dec("Zg=").is_err());
        assert!(dec("Zm9v\n").is_err());
        assert!(dec(" Zm9v").is_err());
        assert!(dec("Zm 9v").is_err());
        // "Zh" decodes to 'f' with a non-zero trailing bit: not canonical.
        assert!(dec("Zh").is_err());
        // One leftover character can never be valid.
        assert!(dec("Zm9vY").is_err());
    }

    #[test]
    fn tag_must_be_32_bytes() {
        let mut s = String::new();
        encode_to_string(&[1u8; 32], &mut s);
        assert_eq!(decode_tag(s.as_bytes()).unwrap(), [1u8; 32]);
        let mut short = String::new();
        encode_to_string(&[1u8; 31], &mut short);
        assert_eq!(decode_tag(short.as_bytes()), Err(Error::InvalidSignature));
        let mut long = String::new();
        encode_to_string(&[1u8; 33], &mut long);
        assert_eq!(decode_tag(long.as_bytes()), Err(Error::InvalidSignature));
        let mut bad = s.into_bytes();
        bad[0] = b'+';
        assert_eq!(
            decode_tag(&bad),
            Err(Error::InvalidBase64 {
                segment: Segment::Signature
            })
        );
    }
}
