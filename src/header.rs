//! The JOSE header: the one jwtmint writes, and the checks on the ones it reads.

use std::fmt;

use serde::de::{self, MapAccess, Visitor};

use crate::claims::not_an_object;
use crate::error::{truncate_for_message, Error, Result, Segment};
use crate::json::{self, add_name, AnyValue, Ctx, NameSeed, NameSet, Scalar, ScalarSeed};

/// The header of every token jwtmint mints, byte for byte as the Zoom sample's
/// `JSON.stringify({alg: "HS256", typ: "JWT"})`.
pub const HEADER_JSON: &str = r#"{"alg":"HS256","typ":"JWT"}"#;

/// [`HEADER_JSON`] in base64url.
pub const HEADER_B64: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";

/// Checks a header segment (still base64url). The header jwtmint itself writes is recognised
/// without decoding; any other is decoded and checked in full.
pub(crate) fn check(segment: &[u8]) -> Result<()> {
    if segment == HEADER_B64.as_bytes() {
        return Ok(());
    }
    let json = crate::base64url::decode(segment, Segment::Header)?;
    check_json(&json)
}

/// Checks decoded header JSON (RFC 7515 §4, RFC 8725 §3.1):
/// an object with unique names; `alg` exactly `"HS256"`; `typ`, when present, `JWT`;
/// no `crit` (no extension is understood), no `cty` (no nested tokens), no `b64` (RFC 7797).
pub(crate) fn check_json(json: &[u8]) -> Result<()> {
    let has_alg = json::scan!(json, Segment::Header, |ctx| HeaderVisitor { ctx })?;
    if has_alg {
        Ok(())
    } else {
        Err(Error::MissingAlgorithm)
    }
}

struct HeaderVisitor<'c> {
    ctx: &'c mut Ctx,
}

impl<'de> Visitor<'de> for HeaderVisitor<'_> {
    /// Whether `alg` was present (it was checked when it was).
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        let ctx = self.ctx;
        ctx.enter()?;
        let mut names = NameSet::new();
        let mut has_alg = false;
        while let Some(name) = map.next_key_seed(NameSeed)? {
            add_name(ctx, &mut names, &name)?;
            match &*name {
                "alg" => {
                    match map.next_value_seed(ScalarSeed { ctx: &mut *ctx })? {
                        Scalar::Str(alg) if alg == "HS256" => {}
                        other => {
                            return Err(ctx.fail(Error::UnsupportedAlgorithm {
                                alg: describe(&other),
                            }))
                        }
                    }
                    has_alg = true;
                }
                "typ" => match map.next_value_seed(ScalarSeed { ctx: &mut *ctx })? {
                    // RFC 7515 §4.1.9: media types are case-insensitive and the
                    // "application/" prefix may be left out.
                    Scalar::Str(t)
                        if t.eq_ignore_ascii_case("JWT")
                            || t.eq_ignore_ascii_case("application/jwt") => {}
                    other => {
                        return Err(ctx.fail(Error::UnsupportedType {
                            typ: describe(&other),
                        }))
                    }
                },
                "crit" => return Err(ctx.fail(Error::CriticalHeader)),
                "cty" => return Err(ctx.fail(Error::UnsupportedHeader { name: "cty" })),
                "b64" => return Err(ctx.fail(Error::UnsupportedHeader { name: "b64" })),
                _ => map.next_value_seed(AnyValue { ctx: &mut *ctx })?,
            }
        }
        Ok(has_alg)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<bool, E> {
        Err(not_an_object(self.ctx))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<bool, E> {
        Err(not_an_object(self.ctx))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<bool, E> {
        Err(not_an_object(self.ctx))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<bool, E> {
        Err(not_an_object(self.ctx))
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<bool, E> {
        Err(not_an_object(self.ctx))
    }
    fn visit_unit<E: de::Error>(self) -> Result<bool, E> {
        Err(not_an_object(self.ctx))
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, _: A) -> Result<bool, A::Error> {
        Err(not_an_object(self.ctx))
    }
}

/// A short, quoted description of a header value for an error message.
fn describe(value: &Scalar<'_>) -> String {
    match value {
        Scalar::Str(s) => format!("{:?}", truncate_for_message(s)),
        Scalar::Int(v) => v.to_string(),
        Scalar::UInt(v) => v.to_string(),
        Scalar::Float(v) => v.to_string(),
        Scalar::Strings(_) => "an array".to_string(),
        Scalar::Other(kind) => (*kind).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_constants_agree() {
        let mut s = String::new();
        crate::base64url::encode_to_string(HEADER_JSON.as_bytes(), &mut s);
        assert_eq!(s, HEADER_B64);
        assert!(check(HEADER_B64.as_bytes()).is_ok());
    }

    #[test]
    fn accepted_headers() {
        for json in [
            r#"{"alg":"HS256"}"#,
            r#"{"typ":"JWT","alg":"HS256"}"#,
            r#"{"alg":"HS256","typ":"jwt"}"#,
            r#"{"alg":"HS256","typ":"application/JWT"}"#,
            r#"{"alg":"HS256","kid":"k1","x":{"y":1}}"#,
            "{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}",
        ] {
            assert_eq!(check_json(json.as_bytes()), Ok(()), "{json}");
        }
    }

    #[test]
    fn rejected_headers() {
        let cases: &[(&str, u32)] = &[
            (r#"{}"#, 300),
            (r#"{"typ":"JWT"}"#, 300),
            (r#"{"alg":"none"}"#, 301),
            (r#"{"alg":"None"}"#, 301),
            (r#"{"alg":"hs256"}"#, 301),
            (r#"{"alg":"HS256 "}"#, 301),
            (r#"{"alg":"HS384"}"#, 301),
            (r#"{"alg":"RS256"}"#, 301),
            (r#"{"alg":null}"#, 301),
            (r#"{"alg":["HS256"]}"#, 301),
            (r#"{"alg":"HS256","typ":"JWS"}"#, 302),
            (r#"{"alg":"HS256","typ":1}"#, 302),
            (r#"{"alg":"HS256","crit":["exp"]}"#, 303),
            (r#"{"alg":"HS256","crit":[]}"#, 303),
            (r#"{"alg":"HS256","cty":"JWT"}"#, 304),
            (r#"{"alg":"HS256","b64":false}"#, 304),
            (r#"{"alg":"HS256","alg":"HS256"}"#, 206),
            (r#"{"alg":"none","alg":"HS256"}"#, 301),
            (r#"{"alg":"HS256","alg":"none"}"#, 206),
            (r#"["HS256"]"#, 205),
            (r#""HS256""#, 205),
            (r#"{"alg":"HS256""#, 204),
        ];
        for (json, code) in cases {
            assert_eq!(
                check_json(json.as_bytes()).map_err(|e| e.code()),
                Err(*code),
                "{json}"
            );
        }
    }
}
