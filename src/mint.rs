//! Minting any `Serialize` claims as an HS256 JWT.

use serde::Serialize;

use crate::base64url::{encode_into, encoded_len};
use crate::error::{Error, Result};
use crate::header::HEADER_B64;
use crate::key::Key;

/// Length of the base64url text of an HS256 MAC.
pub(crate) const TAG_B64_LEN: usize = encoded_len(32);

/// Mints an HS256 JWT from any claims that serialize to a JSON object.
///
/// The header is exactly `{"alg":"HS256","typ":"JWT"}`. The claims are checked the way
/// [`Verifier`](crate::Verifier) will check them: a JSON object, no member named twice, and
/// registered claims (`exp`, `nbf`, `iat`, `iss`, `sub`, `aud`, `jti`) of the right type, so
/// jwtmint never signs a token it would itself reject as malformed.
///
/// ```
/// use jwtmint::{mint, Key, Verifier};
/// use serde::Serialize;
///
/// #[derive(Serialize)]
/// struct Claims<'a> { sub: &'a str, exp: i64, admin: bool }
///
/// let key = Key::from_text("an-example-secret-of-32-bytes-or-more")?;
/// let token = mint(&key, &Claims { sub: "user-1", exp: 2_000_000_000, admin: true })?;
/// let claims = Verifier::new(key).verify_at(&token, 1_900_000_000)?;
/// assert_eq!(claims["admin"], true);
/// # Ok::<(), jwtmint::Error>(())
/// ```
///
/// # Errors
/// [`Error::Serialize`] when serialization fails, [`Error::ClaimsNotAnObject`],
/// [`Error::DuplicateMember`] or [`Error::MalformedClaim`] when the claims are not a valid
/// claims set.
pub fn mint<C: Serialize + ?Sized>(key: &Key, claims: &C) -> Result<String> {
    let payload = serde_json::to_vec(claims).map_err(|e| Error::Serialize {
        reason: e.to_string(),
    })?;
    check_claims(&payload)?;
    Ok(sign_payload(key, &payload))
}

/// Mints an HS256 JWT whose payload is exactly the given claims JSON, byte for byte.
///
/// For callers that already hold the claims as JSON text (the C ABI and the bindings). The
/// bytes are checked with the verifier's own scanner before anything is signed: UTF-8 JSON,
/// an object, no member named twice at any depth (checked on the raw bytes, before any parser
/// could merge duplicates), registered claims of the right type. They are then signed as they
/// are, whitespace included.
///
/// ```
/// use jwtmint::{mint_json, Error, Key, Verifier};
///
/// let key = Key::from_text("an-example-secret-of-32-bytes-or-more")?;
/// let token = mint_json(&key, br#"{"sub":"user-1","exp":2000000000}"#)?;
/// let claims = Verifier::new(key.clone()).verify_at(&token, 1_900_000_000)?;
/// assert_eq!(claims["sub"], "user-1");
///
/// let err = mint_json(&key, br#"{"exp":1,"exp":2}"#).unwrap_err();
/// assert!(matches!(err, Error::DuplicateMember { .. }));
/// # Ok::<(), jwtmint::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidJson`] when the bytes are not UTF-8 JSON, [`Error::ClaimsNotAnObject`],
/// [`Error::DuplicateMember`] or [`Error::MalformedClaim`] when they are not a valid claims
/// set.
pub fn mint_json(key: &Key, claims_json: &[u8]) -> Result<String> {
    check_claims(claims_json)?;
    Ok(sign_payload(key, claims_json))
}

/// Checks serialized claims with the verifier's own rules.
pub(crate) fn check_claims(payload: &[u8]) -> Result<()> {
    match crate::claims::scan(payload, &[]) {
        Ok(_) => Ok(()),
        Err(Error::NotAnObject { .. }) => Err(Error::ClaimsNotAnObject),
        Err(e) => Err(e),
    }
}

/// Signs already-checked payload JSON: `B64(header) "." B64(payload) "." B64(MAC)`.
pub(crate) fn sign_payload(key: &Key, payload: &[u8]) -> String {
    let body_end = HEADER_B64.len() + 1 + encoded_len(payload.len());
    let mut token = vec![0u8; body_end + 1 + TAG_B64_LEN];
    token[..HEADER_B64.len()].copy_from_slice(HEADER_B64.as_bytes());
    token[HEADER_B64.len()] = b'.';
    encode_into(payload, &mut token[HEADER_B64.len() + 1..body_end]);
    let tag = key.tag(&token[..body_end]);
    token[body_end] = b'.';
    encode_into(&tag, &mut token[body_end + 1..]);
    // Every byte written is ASCII.
    String::from_utf8(token).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn key() -> Key {
        Key::from_text("0123456789abcdef0123456789abcdef").unwrap()
    }

    #[test]
    fn token_has_the_fixed_header_and_the_compact_payload() {
        let token = mint(&key(), &json!({"sub": "a", "exp": 5})).unwrap();
        let parts: Vec<&str> = token.split('.').collect();
        assert_eq!(parts.len(), 3);
        assert_eq!(parts[0], HEADER_B64);
        let payload =
            crate::base64url::decode(parts[1].as_bytes(), crate::Segment::Payload).unwrap();
        assert_eq!(payload, br#"{"exp":5,"sub":"a"}"#);
        assert_eq!(parts[2].len(), 43);
    }

    #[test]
    fn mint_json_signs_the_given_bytes_after_the_strict_scan() {
        let k = key();
        let json = b"{ \"sub\" : \"a\",\n \"exp\": 5 }";
        let token = mint_json(&k, json).unwrap();
        let body = token.split('.').nth(1).unwrap();
        let payload = crate::base64url::decode(body.as_bytes(), crate::Segment::Payload).unwrap();
        assert_eq!(payload, json);
        assert_eq!(token, sign_payload(&k, json));

        // Duplicates are found on the raw bytes, at any depth.
        for dup in [&br#"{"a":1,"a":2}"#[..], br#"{"x":{"b":1,"b":1}}"#] {
            assert!(matches!(
                mint_json(&k, dup),
                Err(Error::DuplicateMember { .. })
            ));
        }
        assert_eq!(mint_json(&k, b"[1]"), Err(Error::ClaimsNotAnObject));
        assert!(matches!(
            mint_json(&k, br#"{"exp":"5"}"#),
            Err(Error::MalformedClaim { claim: "exp", .. })
        ));
        for bad in [&b""[..], b"{", b"{} {}", b"{\"a\":\"\xff\"}"] {
            assert!(
                matches!(mint_json(&k, bad), Err(Error::InvalidJson { .. })),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn invalid_claims_are_refused_before_signing() {
        let k = key();
        assert_eq!(mint(&k, &json!([1, 2])), Err(Error::ClaimsNotAnObject));
        assert_eq!(mint(&k, &5), Err(Error::ClaimsNotAnObject));
        assert_eq!(mint(&k, "x"), Err(Error::ClaimsNotAnObject));
        assert!(matches!(
            mint(&k, &json!({"exp": "soon"})),
            Err(Error::MalformedClaim { claim: "exp", .. })
        ));
        assert!(matches!(
            mint(&k, &json!({"exp": f64::NAN})),
            Err(Error::MalformedClaim { claim: "exp", .. })
        ));
        let mut map = std::collections::BTreeMap::new();
        map.insert(vec![1u8], 1);
        assert!(matches!(mint(&k, &map), Err(Error::Serialize { .. })));
    }
}
