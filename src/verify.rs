//! Strict HS256 verification (RFC 7515, RFC 7519, RFC 8725).

use std::borrow::Cow;
use std::sync::Arc;

use serde::de::DeserializeOwned;

use crate::base64url;
use crate::claims::{self, Claims, Registered};
use crate::error::{truncate_for_message, Error, Result, Segment};
use crate::header;
use crate::key::Key;
use crate::prefix::IssuerPrefix;
use crate::time::now;

/// Default allowance for clock differences, in seconds.
pub const DEFAULT_LEEWAY: u64 = 60;

/// Default length limit for a token, in bytes. A Zoom API JWT is about 170 bytes.
pub const DEFAULT_MAX_LEN: usize = 8 * 1024;

/// Verifies HS256 JWTs under one key and one set of rules.
///
/// Checks, in order, each failing with its own [`Error`]:
/// 1. the length limit, before anything is decoded;
/// 2. exactly three non-empty segments, each canonical unpadded base64url;
/// 3. the header: a JSON object with unique names, `alg` exactly `"HS256"` (the key decides
///    the algorithm, the header can only agree), `typ` if present `JWT`, no `crit`, `cty` or
///    `b64`;
/// 4. the MAC, in constant time, before the payload is looked at;
/// 5. the payload: a JSON object with unique names at every depth, registered claims of the
///    right type (malformed is never "absent");
/// 6. required claims, issuer, audience, then `exp`, `nbf` and `iat` against `now` with the
///    leeway.
///
/// Defaults: leeway 60 s, limit 8 KiB, `exp` required, no issuer or audience expected (a
/// token carrying `aud` is then rejected, as RFC 7519 §4.1.3 requires).
///
/// ```
/// use jwtmint::{zoom::ApiTokenMinter, Error, Key, Verifier};
///
/// let key = Key::from_text("my-zoom-api-secret-of-36-characters!")?;
/// let token = ApiTokenMinter::new("my-api-key", key.clone())?.mint_at(1_700_000_000)?;
///
/// let verifier = Verifier::zoom_api(key, "my-api-key");
/// let claims = verifier.verify_at(&token, 1_700_000_100)?;
/// assert_eq!(claims["iss"], "my-api-key");
///
/// // Two hours later it has expired (the default lifetime is one hour).
/// let err = verifier.verify_at(&token, 1_700_007_200).unwrap_err();
/// assert!(matches!(err, Error::Expired { .. }));
/// # Ok::<(), jwtmint::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Verifier {
    key: Key,
    leeway: u64,
    max_len: usize,
    required: Vec<String>,
    issuer: Option<String>,
    audience: Option<String>,
    /// For tokens of the expected issuer whose payload is exactly `{"iss":…,"iat":…,"exp":…}`
    /// in that order (the shape a Zoom API JWT has), the MAC state after their constant first
    /// bytes; computed once in `with_issuer`.
    prefix: Option<Arc<IssuerPrefix>>,
}

impl Verifier {
    /// A verifier with the default rules (see the type's documentation).
    #[must_use]
    pub fn new(key: Key) -> Self {
        Verifier {
            key,
            leeway: DEFAULT_LEEWAY,
            max_len: DEFAULT_MAX_LEN,
            required: vec!["exp".to_owned()],
            issuer: None,
            audience: None,
            prefix: None,
        }
    }

    /// Sets the allowance for clock differences, in seconds, applied to `exp`, `nbf` and `iat`.
    #[must_use]
    pub fn with_leeway(mut self, seconds: u64) -> Self {
        self.leeway = seconds;
        self
    }

    /// Sets the longest token accepted, in bytes.
    #[must_use]
    pub fn with_max_len(mut self, bytes: usize) -> Self {
        self.max_len = bytes;
        self
    }

    /// Sets the claims that must be present (replacing the default, `exp`). An empty list
    /// requires none; claims that are present are still checked. A name is taken exactly as
    /// given (JSON member names may hold any text) and a repeated name counts once.
    ///
    /// ```
    /// # use jwtmint::{Error, Key, Verifier};
    /// let key = Key::from_text("my-zoom-api-secret-of-36-characters!")?;
    /// let v = Verifier::new(key).with_required_claims(["iss", "exp", "iss"])?;
    /// assert_eq!(v.required_claims(), ["iss", "exp"]);
    /// assert!(matches!(
    ///     v.with_required_claims(["exp", ""]),
    ///     Err(Error::InvalidArgument { name: "required claim", .. })
    /// ));
    /// # Ok::<(), jwtmint::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for an empty name; the verifier is dropped.
    pub fn with_required_claims<I, S>(mut self, names: I) -> Result<Self>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.required.clear();
        for name in names {
            self = self.require_claim(name)?;
        }
        Ok(self)
    }

    /// Adds one claim to those that must be present (keeping the others, the default `exp`
    /// included). Adding a name already required changes nothing.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for an empty name; the verifier is dropped.
    pub fn require_claim(mut self, name: impl Into<String>) -> Result<Self> {
        let name = name.into();
        if name.is_empty() {
            return Err(Error::InvalidArgument {
                name: "required claim",
                reason: "a claim name must not be empty",
            });
        }
        if !self.required.contains(&name) {
            self.required.push(name);
        }
        Ok(self)
    }

    /// [`with_required_claims`](Self::with_required_claims) for the presets' own lists, whose
    /// names are known to be non-empty.
    pub(crate) fn requiring(mut self, names: &[&str]) -> Self {
        debug_assert!(names.iter().all(|n| !n.is_empty()));
        self.required = names.iter().map(|&n| n.to_owned()).collect();
        self
    }

    /// The same verifier with no claim required (not even the default `exp`); claims that
    /// are present are still checked.
    #[must_use]
    pub fn without_required_claims(mut self) -> Self {
        self.required.clear();
        self
    }

    /// Requires `iss` to be present and equal to `issuer`.
    #[must_use]
    pub fn with_issuer(mut self, issuer: impl Into<String>) -> Self {
        let issuer = issuer.into();
        self.prefix = IssuerPrefix::new(&self.key, &issuer).ok().map(Arc::new);
        self.issuer = Some(issuer);
        self
    }

    /// Requires `aud` to be present and to name `audience`.
    #[must_use]
    pub fn with_audience(mut self, audience: impl Into<String>) -> Self {
        self.audience = Some(audience.into());
        self
    }

    /// The leeway, in seconds.
    #[must_use]
    pub fn leeway(&self) -> u64 {
        self.leeway
    }

    /// The length limit, in bytes.
    #[must_use]
    pub fn max_len(&self) -> usize {
        self.max_len
    }

    /// The claims that must be present.
    #[must_use]
    pub fn required_claims(&self) -> &[String] {
        &self.required
    }

    /// The expected issuer, if any.
    #[must_use]
    pub fn issuer(&self) -> Option<&str> {
        self.issuer.as_deref()
    }

    /// The expected audience, if any.
    #[must_use]
    pub fn audience(&self) -> Option<&str> {
        self.audience.as_deref()
    }

    /// Verifies `token` against the system clock and returns its claims.
    ///
    /// # Errors
    /// [`Error::Clock`] for an unusable clock; otherwise as [`verify_at`](Self::verify_at).
    pub fn verify(&self, token: impl AsRef<[u8]>) -> Result<Claims> {
        self.verify_at(token, now()?)
    }

    /// Verifies `token` at the time `now` (seconds since the epoch) and returns its claims.
    ///
    /// # Errors
    /// The first rule the token breaks, as listed in the type's documentation.
    pub fn verify_at(&self, token: impl AsRef<[u8]>, now: i64) -> Result<Claims> {
        let mut claims = Claims::new();
        // A token of the issuer's exact shape: its claims are already known. Any other
        // token's claims were read into `claims` by the check's one parse of the payload.
        if let Verified::IssIatExp { iss, iat, exp, .. } =
            self.check(token.as_ref(), now, Some(&mut claims))?
        {
            claims.insert("iss".into(), iss.to_owned().into());
            claims.insert("iat".into(), iat.into());
            claims.insert("exp".into(), exp.into());
        }
        Ok(claims)
    }

    /// Verifies `token` against the system clock and deserializes its claims into `T`.
    ///
    /// # Errors
    /// [`Error::Clock`] for an unusable clock; otherwise as [`verify_as_at`](Self::verify_as_at).
    pub fn verify_as<T: DeserializeOwned>(&self, token: impl AsRef<[u8]>) -> Result<T> {
        self.verify_as_at(token, now()?)
    }

    /// Verifies `token` at `now` and deserializes its claims into `T`.
    ///
    /// ```
    /// # use jwtmint::{zoom::ApiTokenMinter, Key, Verifier};
    /// #[derive(serde::Deserialize)]
    /// struct ApiClaims { iss: String, exp: i64 }
    ///
    /// # let key = Key::from_text("my-zoom-api-secret-of-36-characters!")?;
    /// # let token = ApiTokenMinter::new("my-api-key", key.clone())?.mint_at(1_700_000_000)?;
    /// let claims: ApiClaims = Verifier::zoom_api(key, "my-api-key").verify_as_at(&token, 1_700_000_000)?;
    /// assert_eq!(claims.iss, "my-api-key");
    /// # Ok::<(), jwtmint::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`verify_at`](Self::verify_at), and [`Error::ClaimsType`] when the verified claims
    /// do not fit `T`.
    pub fn verify_as_at<T: DeserializeOwned>(
        &self,
        token: impl AsRef<[u8]>,
        now: i64,
    ) -> Result<T> {
        let typed = |payload: &[u8]| {
            serde_json::from_slice(payload).map_err(|e| Error::ClaimsType {
                reason: e.to_string(),
            })
        };
        match self.check(token.as_ref(), now, None)? {
            Verified::IssIatExp { body, .. } => {
                // Small enough to decode on the stack (such a payload is ~70 bytes).
                let mut stack = [0u8; 192];
                match base64url::decode_to_slice(body, &mut stack) {
                    Some(n) => typed(&stack[..n]),
                    None => typed(&base64url::decode(body, Segment::Payload)?),
                }
            }
            Verified::Other(payload) => typed(&payload),
        }
    }

    /// Verifies `token` at `now` and returns the payload JSON exactly as it was signed.
    ///
    /// # Errors
    /// As [`verify_at`](Self::verify_at).
    pub fn verify_payload_at(&self, token: impl AsRef<[u8]>, now: i64) -> Result<Vec<u8>> {
        match self.check(token.as_ref(), now, None)? {
            Verified::IssIatExp { body, .. } => base64url::decode(body, Segment::Payload),
            Verified::Other(payload) => Ok(payload),
        }
    }

    /// Every check, in the order the type's documentation lists them. When `claims` is
    /// given, a payload other than the exact `{"iss":…,"iat":…,"exp":…}` of the expected
    /// issuer is read into it as it is checked.
    fn check<'a>(
        &'a self,
        token: &'a [u8],
        now: i64,
        claims: Option<&mut Claims>,
    ) -> Result<Verified<'a>> {
        if token.len() > self.max_len {
            return Err(Error::TooLong {
                len: token.len(),
                max: self.max_len,
            });
        }
        let (head, body, sig) = split(token)?;
        header::check(head)?;
        let tag = base64url::decode_tag(sig)?;
        let signing_input = &token[..head.len() + 1 + body.len()];
        // A token of the expected issuer in the iss, iat, exp order starts with the prefix
        // whose MAC state is cached. Both branches compare in constant time.
        let cached = self
            .prefix
            .as_deref()
            .and_then(|p| Some((p, p.strip(signing_input)?)));
        let valid = match cached {
            Some((p, after)) => p.verify(after, &tag),
            None => self.key.verify_tag(signing_input, &tag),
        };
        if !valid {
            return Err(Error::InvalidSignature);
        }
        // Only now is the payload interpreted.
        if let (Some((p, after)), Some(iss)) = (cached, &self.issuer) {
            // The exact iss, iat, exp shape is read from the end of the segment, with nothing
            // allocated; anything else goes to the general scanner below.
            if let Some((iat, exp)) = p.times_after_prefix(after) {
                let registered = Registered {
                    iss: Some(Cow::Borrowed(iss.as_str())),
                    aud: None,
                    exp: Some(exp),
                    nbf: None,
                    iat: Some(iat),
                    missing: self
                        .required
                        .iter()
                        .position(|r| !matches!(r.as_str(), "iss" | "iat" | "exp")),
                };
                self.check_claims(&registered, now)?;
                return Ok(Verified::IssIatExp {
                    iss,
                    iat,
                    exp,
                    body,
                });
            }
        }
        let payload = base64url::decode(body, Segment::Payload)?;
        let registered = claims::scan_into(&payload, &self.required, claims)?;
        self.check_claims(&registered, now)?;
        Ok(Verified::Other(payload))
    }

    fn check_claims(&self, c: &Registered<'_>, now: i64) -> Result<()> {
        if let Some(i) = c.missing {
            return Err(Error::MissingClaim {
                claim: self.required[i].clone(),
            });
        }
        if let Some(expected) = &self.issuer {
            match &c.iss {
                None => {
                    return Err(Error::MissingClaim {
                        claim: "iss".into(),
                    })
                }
                Some(found) if found != expected => {
                    return Err(Error::IssuerMismatch {
                        expected: expected.clone(),
                        found: truncate_for_message(found),
                    })
                }
                Some(_) => {}
            }
        }
        match (&self.audience, &c.aud) {
            (None, None) => {}
            (Some(_), None) => {
                return Err(Error::MissingClaim {
                    claim: "aud".into(),
                })
            }
            (None, Some(_)) => return Err(Error::AudienceMismatch),
            (Some(expected), Some(list)) => {
                if !list.iter().any(|a| a == expected) {
                    return Err(Error::AudienceMismatch);
                }
            }
        }
        // i128: no sum of an i64 and a u64 overflows it.
        let leeway = i128::from(self.leeway);
        let t = i128::from(now);
        if let Some(exp) = c.exp {
            if t >= i128::from(exp) + leeway {
                return Err(Error::Expired { exp, now });
            }
        }
        if let Some(nbf) = c.nbf {
            if i128::from(nbf) > t + leeway {
                return Err(Error::NotYetValid { nbf, now });
            }
        }
        if let Some(iat) = c.iat {
            if i128::from(iat) > t + leeway {
                return Err(Error::IssuedInFuture { iat, now });
            }
        }
        Ok(())
    }
}

/// A token that passed every check, and what the checks learned of it.
enum Verified<'a> {
    /// A token of the expected issuer, `{"iss":…,"iat":…,"exp":…}` exactly (a Zoom API JWT):
    /// its claims are known without parsing, and `body` is its payload segment (base64url).
    IssIatExp {
        iss: &'a str,
        iat: i64,
        exp: i64,
        body: &'a [u8],
    },
    /// Any other token: its verified payload JSON.
    Other(Vec<u8>),
}

/// Splits a compact JWS into exactly three segments.
fn segments(token: &[u8]) -> Result<[&[u8]; 3]> {
    let mut dots = memchr::memchr_iter(b'.', token);
    match (dots.next(), dots.next(), dots.next()) {
        (Some(a), Some(b), None) => Ok([&token[..a], &token[a + 1..b], &token[b + 1..]]),
        (a, b, c) => Err(Error::SegmentCount {
            found: 1
                + usize::from(a.is_some())
                + usize::from(b.is_some())
                + usize::from(c.is_some()),
        }),
    }
}

/// Fails on the first empty segment among `parts`.
fn non_empty(parts: &[&[u8]]) -> Result<()> {
    const ORDER: [Segment; 3] = [Segment::Header, Segment::Payload, Segment::Signature];
    match parts.iter().position(|p| p.is_empty()) {
        Some(i) => Err(Error::EmptySegment { segment: ORDER[i] }),
        None => Ok(()),
    }
}

/// Splits a compact JWS into its three segments, all non-empty.
pub(crate) fn split(token: &[u8]) -> Result<(&[u8], &[u8], &[u8])> {
    let [head, body, sig] = segments(token)?;
    non_empty(&[head, body, sig])?;
    Ok((head, body, sig))
}

/// Splits a token for unverified decoding: three segments, header and payload non-empty
/// (the signature may be empty, as in an unsigned token). Returns header and payload.
pub(crate) fn split_for_decode(token: &[u8]) -> Result<(&[u8], &[u8])> {
    let [head, body, _] = segments(token)?;
    non_empty(&[head, body])?;
    Ok((head, body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_counts_segments() {
        assert_eq!(split(b"a.b.c").unwrap(), (&b"a"[..], &b"b"[..], &b"c"[..]));
        assert_eq!(split(b"abc"), Err(Error::SegmentCount { found: 1 }));
        assert_eq!(split(b"a.b"), Err(Error::SegmentCount { found: 2 }));
        assert_eq!(split(b"a.b.c.d"), Err(Error::SegmentCount { found: 4 }));
        assert_eq!(split(b"a.b.c.d.e"), Err(Error::SegmentCount { found: 4 }));
        assert_eq!(split(b""), Err(Error::SegmentCount { found: 1 }));
        assert_eq!(
            split(b".b.c"),
            Err(Error::EmptySegment {
                segment: Segment::Header
            })
        );
        assert_eq!(
            split(b"a..c"),
            Err(Error::EmptySegment {
                segment: Segment::Payload
            })
        );
        assert_eq!(
            split(b"a.b."),
            Err(Error::EmptySegment {
                segment: Segment::Signature
            })
        );
    }
}
