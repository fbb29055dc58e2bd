//! Strict, unpadded base64url (RFC 7515 §2, RFC 4648 §5).
//!
//! Decoding accepts only the URL-safe alphabet, no padding, no whitespace, and only the
//! canonical encoding (the unused low bits of the last character must be zero), so that every
//! token has exactly one textual form.
//!
//! The one base64 codec of the core: token segments, and secret text in either alphabet
//! ([`decode_secret`]). Written here rather than taken from the `base64` crate because token
//! segments are short and on the hot path: the crate's per-call setup costs more than the
//! work for a 60-byte payload (docs/PERFORMANCE.md has the numbers). Both directions are
//! checked against the `base64` crate on arbitrary input (property tests below and in
//! `src/secret/`, and a differential fuzz target).

use zeroize::Zeroizing;

use crate::error::{Error, Result, Segment};

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// The two characters of each 12-bit value: encoding looks up two of these per 3 bytes
/// instead of four single characters (8 KiB, built at compile time).
/// Each entry holds the first character in its low byte.
const PAIRS: [u16; 4096] = {
    let mut table = [0u16; 4096];
    let mut i = 0;
    while i < 4096 {
        table[i] = u16::from_le_bytes([ALPHABET[i >> 6], ALPHABET[i & 63]]);
        i += 1;
    }
    table
};

/// Character → 6-bit value, or `INVALID`.
const INVALID: u8 = 0xff;
const DECODE: [u8; 256] = {
    let mut table = [INVALID; 256];
    let mut i = 0;
    while i < 64 {
        table[ALPHABET[i] as usize] = i as u8;
        i += 1;
    }
    table
};

/// Length of the base64url text for `n` bytes, without padding.
///
/// ```
/// assert_eq!(jwtmint::encoded_len(32), 43); // an HS256 signature
/// ```
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

/// Length of the bytes `n` characters decode to, or `None` when no valid text has `n`
/// characters.
#[inline]
const fn decoded_len(n: usize) -> Option<usize> {
    match n % 4 {
        0 => Some(n / 4 * 3),
        2 => Some(n / 4 * 3 + 1),
        3 => Some(n / 4 * 3 + 2),
        _ => None,
    }
}

/// Encodes `src` into the front of `dst`, returning how many bytes were written: exactly
/// [`encoded_len`]`(src.len())`, or 0 when `dst` is shorter than that (every caller sizes it
/// first).
#[inline]
pub(crate) fn encode_into(src: &[u8], dst: &mut [u8]) -> usize {
    let n = encoded_len(src.len());
    let Some(dst) = dst.get_mut(..n) else {
        return 0;
    };
    let (groups, rest) = src.as_chunks::<3>();
    let (quads, tail) = dst.as_chunks_mut::<4>();
    for (q, g) in quads.iter_mut().zip(groups) {
        let v = usize::from(g[0]) << 16 | usize::from(g[1]) << 8 | usize::from(g[2]);
        let chars = u32::from(PAIRS[v >> 12]) | u32::from(PAIRS[v & 0xfff]) << 16;
        *q = chars.to_le_bytes();
    }
    match (rest, tail) {
        ([a], [x, y]) => {
            *x = ALPHABET[usize::from(a >> 2)];
            *y = ALPHABET[usize::from(a & 3) << 4];
        }
        ([a, b], [x, y, z]) => {
            *x = ALPHABET[usize::from(a >> 2)];
            *y = ALPHABET[usize::from(a & 3) << 4 | usize::from(b >> 4)];
            *z = ALPHABET[usize::from(b & 15) << 2];
        }
        _ => {}
    }
    n
}

/// Appends the encoding of `src` to `out` (tests and cold paths).
#[cfg(test)]
pub(crate) fn encode_to_string(src: &[u8], out: &mut String) {
    let mut buf = vec![0u8; encoded_len(src.len())];
    encode_into(src, &mut buf);
    out.push_str(std::str::from_utf8(&buf).expect("ASCII"));
}

/// Decodes strict base64url `text` into `out`, which must be exactly
/// `decoded_len(text.len())` long.
fn decode_exact(text: &[u8], out: &mut [u8]) -> Option<()> {
    let (quads, rest) = text.as_chunks::<4>();
    let (triples, tail) = out.as_chunks_mut::<3>();
    if triples.len() != quads.len() {
        return None;
    }
    let mut bad = 0u8;
    for (t, q) in triples.iter_mut().zip(quads) {
        let [a, b, c, d] = q.map(|ch| DECODE[usize::from(ch)]);
        bad |= a | b | c | d;
        let v = u32::from(a) << 18 | u32::from(b) << 12 | u32::from(c) << 6 | u32::from(d);
        *t = [(v >> 16) as u8, (v >> 8) as u8, v as u8];
    }
    // INVALID has its high bit set; every valid value is below 64.
    if bad & 0x80 != 0 {
        return None;
    }
    match (rest, tail) {
        ([], []) => Some(()),
        ([x, y], [o]) => {
            let (a, b) = (DECODE[usize::from(*x)], DECODE[usize::from(*y)]);
            // Canonical: the 4 bits of `b` past the last byte must be zero.
            if (a | b) & 0x80 != 0 || b & 0x0f != 0 {
                return None;
            }
            *o = a << 2 | b >> 4;
            Some(())
        }
        ([x, y, z], [o, p]) => {
            let (a, b, c) = (
                DECODE[usize::from(*x)],
                DECODE[usize::from(*y)],
                DECODE[usize::from(*z)],
            );
            if (a | b | c) & 0x80 != 0 || c & 0x03 != 0 {
                return None;
            }
            *o = a << 2 | b >> 4;
            *p = b << 4 | c >> 2;
            Some(())
        }
        _ => None,
    }
}

/// Decodes strict base64url `text` into the front of `out`, returning the decoded length;
/// `None` when the text is not strict base64url or `out` is too short for it.
pub(crate) fn decode_to_slice(text: &[u8], out: &mut [u8]) -> Option<usize> {
    let n = decoded_len(text.len())?;
    decode_exact(text, out.get_mut(..n)?)?;
    Some(n)
}

/// Decodes one token segment strictly, into `out` (replacing its contents).
pub(crate) fn decode_into(text: &[u8], segment: Segment, out: &mut Vec<u8>) -> Result<()> {
    let bad = || Error::InvalidBase64 { segment };
    let n = decoded_len(text.len()).ok_or_else(bad)?;
    out.clear();
    out.resize(n, 0);
    decode_exact(text, out).ok_or_else(bad)
}

/// Decodes one token segment strictly.
pub(crate) fn decode(text: &[u8], segment: Segment) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    decode_into(text, segment, &mut out)?;
    Ok(out)
}

/// Decodes secret text in base64 (`standard`: `+` and `/`) or base64url (`-` and `_`), with
/// or without `=` padding (up to a whole group, never past it), as keys are pasted. Otherwise
/// as strict as a token segment: one alphabet, no whitespace, canonical last character.
/// The copies it makes are wiped when dropped.
pub(crate) fn decode_secret(text: &[u8], standard: bool) -> Option<Zeroizing<Vec<u8>>> {
    let body = text
        .strip_suffix(b"==")
        .or_else(|| text.strip_suffix(b"="))
        .unwrap_or(text);
    let padding = text.len() - body.len();
    // Padding completes a group of 2 or 3 characters: "Zg=", "Zg==", "Zm8=", never "Zm9v=".
    if padding > 0 && (matches!(body.len() % 4, 0 | 1) || body.len() % 4 + padding > 4) {
        return None;
    }
    // The other alphabet's two characters map onto ours; ours, in the other's text, are
    // invalid.
    let (theirs, ours) = if standard {
        (b"+/", b"-_")
    } else {
        (b"-_", b"+/")
    };
    let mut url = Zeroizing::new(Vec::with_capacity(body.len()));
    for &c in body {
        url.push(match c {
            c if c == ours[0] || c == ours[1] => b'=',
            c if c == theirs[0] => b'-',
            c if c == theirs[1] => b'_',
            c => c,
        });
    }
    let mut out = Zeroizing::new(vec![0u8; decoded_len(url.len())?]);
    decode_exact(&url, &mut out)?;
    Some(out)
}

/// Decodes an HS256 signature segment: strict base64url of exactly 32 bytes.
pub(crate) fn decode_tag(text: &[u8]) -> Result<[u8; 32]> {
    // 43 characters encode 32 bytes; anything else cannot be an HS256 MAC. Text that is not
    // even base64url is reported as such, to point at the actual mistake.
    if text.len() != encoded_len(32) {
        let is_base64url = decoded_len(text.len()).is_some()
            && text.iter().all(|&c| DECODE[usize::from(c)] != INVALID);
        return Err(if is_base64url {
            Error::InvalidSignature
        } else {
            Error::InvalidBase64 {
                segment: Segment::Signature,
            }
        });
    }
    let mut tag = [0u8; 32];
    decode_exact(text, &mut tag).ok_or(Error::InvalidBase64 {
        segment: Segment::Signature,
    })?;
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

    fn reference_decode(s: &str) -> Option<Vec<u8>> {
        use base64::Engine as _;
        base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(s)
            .ok()
    }

    proptest::proptest! {
        #[test]
        fn encoding_matches_the_base64_crate(data in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..300)) {
            use base64::Engine as _;
            let mut ours = String::new();
            encode_to_string(&data, &mut ours);
            proptest::prop_assert_eq!(&ours, &base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&data));
            proptest::prop_assert_eq!(dec(&ours).unwrap(), data);
        }

        #[test]
        fn decoding_agrees_with_the_base64_crate(s in "[A-Za-z0-9_=+/ -]{0,40}") {
            proptest::prop_assert_eq!(dec(&s).ok(), reference_decode(&s));
        }

        #[test]
        fn decoding_agrees_on_arbitrary_bytes(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40)) {
            let ours = decode(&bytes, Segment::Payload).ok();
            let theirs = std::str::from_utf8(&bytes).ok().and_then(reference_decode);
            proptest::prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn long_inputs_encode_as_the_base64_crate_does() {
        use base64::Engine as _;
        let data: Vec<u8> = (0..3000u32).map(|i| (i * 131 + 7) as u8).collect();
        for len in (504..520).chain([1000, 2999, 3000]) {
            let mut ours = String::new();
            encode_to_string(&data[..len], &mut ours);
            assert_eq!(
                ours,
                base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&data[..len]),
                "{len}"
            );
            assert_eq!(dec(&ours).unwrap(), &data[..len]);
        }
    }

    #[test]
    fn short_destination_writes_nothing() {
        let mut dst = [0u8; 3];
        assert_eq!(encode_into(b"abc", &mut dst), 0);
        assert_eq!(dst, [0; 3]);
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
