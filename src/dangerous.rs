//! Things that skip jwtmint's protections, named so that a reviewer sees them.
//!
//! Nothing here checks a signature. Use it to look at a token while debugging, never to
//! decide anything about one.

use crate::base64url;
use crate::claims::Claims;
use crate::error::{Error, Result, Segment};
use crate::json::{self, Scalar, ScalarSeed};
use crate::key::Key;
use crate::verify::split_for_decode;

/// The longest token [`decode_unverified`] reads.
pub const DECODE_MAX_LEN: usize = 64 * 1024;

/// A token's header and claims, decoded but **not verified**: anyone can have written them.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct UnverifiedToken {
    /// The header as a JSON object.
    pub header: Claims,
    /// The claims as a JSON object.
    pub claims: Claims,
    /// The header JSON exactly as in the token.
    pub header_json: String,
    /// The payload JSON exactly as in the token.
    pub payload_json: String,
}

/// Decodes a token's header and claims **without verifying anything but its shape**:
/// three segments, canonical base64url, header and payload JSON objects with unique names.
/// The algorithm, the signature and every claim are ignored; the signature segment may be
/// empty, so that unsigned (`"alg":"none"`) tokens can be inspected too.
///
/// ```
/// let token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJrZXkifQ.c2ln";
/// let t = jwtmint::dangerous::decode_unverified(token)?;
/// assert_eq!(t.claims["iss"], "key");
/// # Ok::<(), jwtmint::Error>(())
/// ```
///
/// # Errors
/// [`Error::TooLong`] past [`DECODE_MAX_LEN`], and the malformed-token errors (2xx).
pub fn decode_unverified(token: impl AsRef<[u8]>) -> Result<UnverifiedToken> {
    let token = token.as_ref();
    if token.len() > DECODE_MAX_LEN {
        return Err(Error::TooLong {
            len: token.len(),
            max: DECODE_MAX_LEN,
        });
    }
    let (head, body) = split_for_decode(token)?;
    let (header, header_json) = object(head, Segment::Header)?;
    let (claims, payload_json) = object(body, Segment::Payload)?;
    Ok(UnverifiedToken {
        header,
        claims,
        header_json,
        payload_json,
    })
}

fn object(segment_text: &[u8], segment: Segment) -> Result<(Claims, String)> {
    let bytes = base64url::decode(segment_text, segment)?;
    match json::scan!(&bytes, segment, |ctx| ScalarSeed { ctx })? {
        Scalar::Other("an object") => {}
        _ => return Err(Error::NotAnObject { segment }),
    }
    let map = serde_json::from_slice(&bytes).map_err(|e| Error::InvalidJson {
        segment,
        reason: e.to_string(),
    })?;
    // The scan above proved the bytes are UTF-8 JSON.
    let text = String::from_utf8(bytes).map_err(|_| Error::InvalidJson {
        segment,
        reason: "not UTF-8".into(),
    })?;
    Ok((map, text))
}

/// Builds a key from a secret shorter than the 32 bytes RFC 7518 §3.2 requires for HS256,
/// for legacy secrets that cannot be rotated yet. Such keys are easier to brute-force.
///
/// # Errors
/// [`Error::EmptySecret`] for an empty secret.
pub fn key_allowing_short_secret(secret: &[u8]) -> Result<Key> {
    Key::new_any_length(secret)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_without_checking_the_signature() {
        let t = decode_unverified("eyJhbGciOiJub25lIn0.eyJleHAiOiIxMjMifQ.").unwrap();
        assert_eq!(t.header["alg"], "none");
        assert_eq!(t.claims["exp"], "123");
        assert_eq!(t.payload_json, r#"{"exp":"123"}"#);
    }

    #[test]
    fn shape_is_still_checked() {
        assert!(matches!(
            decode_unverified("a.b"),
            Err(Error::SegmentCount { .. })
        ));
        assert!(matches!(
            decode_unverified("eyJhIjoxLCJhIjoyfQ.eyJleHAiOjF9.x"),
            Err(Error::DuplicateMember { .. })
        ));
        assert!(matches!(
            decode_unverified("WzFd.eyJleHAiOjF9.x"),
            Err(Error::NotAnObject {
                segment: Segment::Header
            })
        ));
        let long = "a".repeat(DECODE_MAX_LEN + 1);
        assert!(matches!(
            decode_unverified(long),
            Err(Error::TooLong { .. })
        ));
    }

    #[test]
    fn short_secrets_only_here() {
        assert!(Key::new(b"short").is_err());
        assert!(key_allowing_short_secret(b"short").is_ok());
        assert_eq!(
            key_allowing_short_secret(b"").unwrap_err(),
            Error::EmptySecret
        );
    }
}
