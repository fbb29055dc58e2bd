//! Registered claims (RFC 7519 §4.1): read strictly from a claims set, present, absent or
//! malformed, and never confused.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, MapAccess, Visitor};

use crate::error::{Error, Result, Segment};
use crate::json::{
    self, add_name, AnyValue, Ctx, FlatValue, NameSeed, NameSet, Scalar, ScalarSeed, ValueSeed,
};

/// A verified or unverified JWT claims set as a JSON object.
pub type Claims = serde_json::Map<String, serde_json::Value>;

/// What the verifier needs from a claims set, read in one pass over its bytes.
#[derive(Default)]
pub(crate) struct Registered<'de> {
    pub iss: Option<Cow<'de, str>>,
    pub aud: Option<Vec<Cow<'de, str>>>,
    pub exp: Option<i64>,
    pub nbf: Option<i64>,
    pub iat: Option<i64>,
    /// The index in `required` of the first claim that is absent.
    pub missing: Option<usize>,
}

/// Scans a claims set: a JSON object with unique names at every depth and well-typed
/// registered claims; notes the first of `required` that is absent.
pub(crate) fn scan<'de>(json: &'de [u8], required: &[String]) -> Result<Registered<'de>> {
    scan_into(json, required, None)
}

/// [`scan`], also filling `claims` with every member when it is given: the one parse of a
/// verified payload (`claims` is what `serde_json` would read from it).
pub(crate) fn scan_into<'de>(
    json: &'de [u8],
    required: &[String],
    mut claims: Option<&mut Claims>,
) -> Result<Registered<'de>> {
    if let Some(registered) = scan_flat(json, required, claims.as_deref_mut()) {
        return Ok(registered);
    }
    // The flat reader may have stopped part-way.
    if let Some(claims) = claims.as_deref_mut() {
        claims.clear();
    }
    json::scan!(json, Segment::Payload, |ctx| ClaimsVisitor {
        ctx,
        required,
        claims
    })
}

/// [`scan`] for a compact object of plain members (see [`json::flat_object`]) whose claims are
/// all well-formed and named once: the same result, read byte by byte. `None` for anything
/// else, including every error, which the full scan then reports.
fn scan_flat<'de>(
    json: &'de [u8],
    required: &[String],
    mut claims: Option<&mut Claims>,
) -> Option<Registered<'de>> {
    // A plain array for the names: flat claims sets are small, and a larger one is left to
    // the full scan (whose name set hashes past a few names).
    const MAX_NAMES: usize = 16;
    let mut names = [""; MAX_NAMES];
    let mut count = 0;
    let mut out = Registered::default();
    json::flat_object(json, |name, value| {
        if count == MAX_NAMES || names[..count].contains(&name) {
            return None;
        }
        names[count] = name;
        count += 1;
        match (name, value) {
            ("exp", FlatValue::Int(v)) => out.exp = Some(v),
            ("nbf", FlatValue::Int(v)) => out.nbf = Some(v),
            ("iat", FlatValue::Int(v)) => out.iat = Some(v),
            ("iss", FlatValue::Str(s)) => out.iss = Some(Cow::Borrowed(s)),
            ("aud", FlatValue::Str(s)) => out.aud = Some(vec![Cow::Borrowed(s)]),
            ("sub" | "jti", FlatValue::Str(_)) => {}
            // A registered claim of another type: malformed, for the full scan to report.
            ("exp" | "nbf" | "iat" | "iss" | "aud" | "sub" | "jti", _) => return None,
            _ => {}
        }
        if let Some(claims) = claims.as_deref_mut() {
            claims.insert(name.to_owned(), value.to_value());
        }
        Some(())
    })?;
    let names = &names[..count];
    out.missing = required.iter().position(|r| !names.contains(&r.as_str()));
    Some(out)
}

struct ClaimsVisitor<'c, 'r, 'm> {
    ctx: &'c mut Ctx,
    required: &'r [String],
    claims: Option<&'m mut Claims>,
}

impl<'de> Visitor<'de> for ClaimsVisitor<'_, '_, '_> {
    type Value = Registered<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let ctx = self.ctx;
        let mut claims = self.claims;
        ctx.enter()?;
        let mut names = NameSet::new();
        let mut out = Registered::default();
        while let Some(name) = map.next_key_seed(NameSeed)? {
            add_name(ctx, &mut names, &name)?;
            if !matches!(
                &*name,
                "exp" | "nbf" | "iat" | "iss" | "sub" | "jti" | "aud"
            ) {
                match claims.as_deref_mut() {
                    Some(claims) => {
                        let value = map.next_value_seed(ValueSeed { ctx: &mut *ctx })?;
                        claims.insert(name.into_owned(), value);
                    }
                    None => map.next_value_seed(AnyValue { ctx: &mut *ctx })?,
                }
                continue;
            }
            let value = map.next_value_seed(ScalarSeed { ctx: &mut *ctx })?;
            if let Some(claims) = claims.as_deref_mut() {
                if let Some(kept) = value.to_value() {
                    claims.insert(name.to_string(), kept);
                }
            }
            match &*name {
                "exp" | "nbf" | "iat" => {
                    // Round towards the stricter side: an `exp` of 10.5 ends at 10, an `nbf`
                    // of 10.5 starts at 11.
                    let (slot, round_up, claim) = match &*name {
                        "exp" => (&mut out.exp, false, "exp"),
                        "nbf" => (&mut out.nbf, true, "nbf"),
                        _ => (&mut out.iat, true, "iat"),
                    };
                    *slot = Some(numeric_date(value, claim, round_up).map_err(|e| ctx.fail(e))?);
                }
                "iss" | "sub" | "jti" => {
                    let claim = match &*name {
                        "iss" => "iss",
                        "sub" => "sub",
                        _ => "jti",
                    };
                    let Scalar::Str(s) = value else {
                        return Err(ctx.fail(Error::MalformedClaim {
                            claim,
                            expected: "a string",
                        }));
                    };
                    if claim == "iss" {
                        out.iss = Some(s);
                    }
                }
                _ => {
                    out.aud = Some(match value {
                        Scalar::Str(s) => vec![s],
                        Scalar::Strings(list) => list,
                        _ => {
                            return Err(ctx.fail(Error::MalformedClaim {
                                claim: "aud",
                                expected: "a string or an array of strings",
                            }))
                        }
                    });
                }
            }
        }
        out.missing = self.required.iter().position(|r| !names.contains(r));
        Ok(out)
    }

    // Anything but an object at the top level.
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Err(not_an_object(self.ctx))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Err(not_an_object(self.ctx))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Err(not_an_object(self.ctx))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Err(not_an_object(self.ctx))
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Err(not_an_object(self.ctx))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Err(not_an_object(self.ctx))
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
        Err(not_an_object(self.ctx))
    }
}

pub(crate) fn not_an_object<E: de::Error>(ctx: &mut Ctx) -> E {
    let segment = ctx.segment;
    ctx.fail(Error::NotAnObject { segment })
}

/// A NumericDate (RFC 7519 §2): a JSON number of seconds since the epoch. Fractions are
/// allowed by the RFC and rounded towards the stricter side; anything else is malformed.
fn numeric_date(value: Scalar<'_>, claim: &'static str, round_up: bool) -> Result<i64> {
    let malformed = || Error::MalformedClaim {
        claim,
        expected: "a NumericDate (a JSON number of seconds within the range of i64)",
    };
    match value {
        Scalar::Int(v) => Ok(v),
        Scalar::UInt(v) => i64::try_from(v).map_err(|_| malformed()),
        Scalar::Float(v) => {
            let r = if round_up { v.ceil() } else { v.floor() };
            // i64::MIN is exactly representable; i64::MAX is not, so compare below 2^63. NaN and
            // the infinities fall outside the range.
            const LIMIT: f64 = 9_223_372_036_854_775_808.0;
            if (-LIMIT..LIMIT).contains(&r) {
                // In range and integral: the cast is exact.
                #[allow(clippy::cast_possible_truncation)]
                Ok(r as i64)
            } else {
                Err(malformed())
            }
        }
        _ => Err(malformed()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan_none(json: &[u8]) -> Result<Registered<'_>> {
        scan(json, &[])
    }

    type Read = (Option<i64>, Option<i64>, Option<i64>, Option<String>);

    fn scan_str(json: &str) -> Result<Read> {
        let r = scan(json.as_bytes(), &[])?;
        Ok((r.exp, r.nbf, r.iat, r.iss.map(|s| s.into_owned())))
    }

    #[test]
    fn registered_claims_are_read() {
        let (exp, nbf, iat, iss) =
            scan_str(r#"{"iss":"key","iat":10,"exp":20,"nbf":5,"x":{"y":[1]}}"#).unwrap();
        assert_eq!(
            (exp, nbf, iat, iss.as_deref()),
            (Some(20), Some(5), Some(10), Some("key"))
        );
        let (exp, nbf, iat, iss) = scan_str("{}").unwrap();
        assert_eq!((exp, nbf, iat, iss), (None, None, None, None));
    }

    #[test]
    fn malformed_registered_claims_are_errors_not_absent() {
        for (json, claim) in [
            (r#"{"exp":"123"}"#, "exp"),
            (r#"{"exp":null}"#, "exp"),
            (r#"{"exp":true}"#, "exp"),
            (r#"{"exp":[1]}"#, "exp"),
            (r#"{"exp":{}}"#, "exp"),
            (r#"{"exp":1e300}"#, "exp"),
            (r#"{"exp":18446744073709551615}"#, "exp"),
            (r#"{"nbf":"1"}"#, "nbf"),
            (r#"{"iat":false}"#, "iat"),
            (r#"{"iss":5}"#, "iss"),
            (r#"{"iss":null}"#, "iss"),
            (r#"{"sub":["a"]}"#, "sub"),
            (r#"{"jti":1}"#, "jti"),
            (r#"{"aud":5}"#, "aud"),
            (r#"{"aud":["a",5]}"#, "aud"),
        ] {
            match scan_str(json) {
                Err(Error::MalformedClaim { claim: c, .. }) => assert_eq!(c, claim, "{json}"),
                other => panic!("{json}: {other:?}"),
            }
        }
    }

    #[test]
    fn fractional_dates_round_to_the_strict_side() {
        let (exp, nbf, iat, _) = scan_str(r#"{"exp":10.5,"nbf":10.5,"iat":10.1}"#).unwrap();
        assert_eq!((exp, nbf, iat), (Some(10), Some(11), Some(11)));
        let (exp, ..) = scan_str(r#"{"exp":-1.5}"#).unwrap();
        assert_eq!(exp, Some(-2));
    }

    #[test]
    fn audience_forms() {
        let r = scan_none(br#"{"aud":"a"}"#).unwrap();
        assert_eq!(r.aud.unwrap(), vec!["a"]);
        let r = scan_none(br#"{"aud":["a","b"]}"#).unwrap();
        assert_eq!(r.aud.unwrap(), vec!["a", "b"]);
        let r = scan_none(br#"{"aud":[]}"#).unwrap();
        assert!(r.aud.unwrap().is_empty());
    }

    #[test]
    fn top_level_must_be_an_object() {
        for json in ["[]", "1", "\"x\"", "null", "true", "1.5", "-1"] {
            assert_eq!(
                scan_none(json.as_bytes()).err(),
                Some(Error::NotAnObject {
                    segment: Segment::Payload
                }),
                "{json}"
            );
        }
    }

    #[test]
    fn duplicate_claims_are_refused() {
        assert!(matches!(
            scan_none(br#"{"exp":1,"exp":2}"#),
            Err(Error::DuplicateMember { .. })
        ));
        assert!(matches!(
            scan_none(br#"{"iss":"a","x":{"k":1,"k":2}}"#),
            Err(Error::DuplicateMember { .. })
        ));
    }

    #[test]
    fn first_missing_required_claim_is_found() {
        let required = ["a".to_string(), "c".to_string(), "b".to_string()];
        let r = scan(br#"{"a":1,"b":2}"#, &required).unwrap();
        assert_eq!(r.missing, Some(1));
        let r = scan(br#"{"a":1,"b":2,"c":3}"#, &required).unwrap();
        assert_eq!(r.missing, None);
    }

    /// The full scan alone, without the flat reader in front of it.
    fn scan_full<'de>(json: &'de [u8], required: &[String]) -> Result<Registered<'de>> {
        json::scan!(json, Segment::Payload, |ctx| ClaimsVisitor {
            ctx,
            required,
            claims: None
        })
    }

    fn same(a: &Registered<'_>, b: &Registered<'_>) -> bool {
        a.iss == b.iss
            && a.aud == b.aud
            && a.exp == b.exp
            && a.nbf == b.nbf
            && a.iat == b.iat
            && a.missing == b.missing
    }

    fn assert_flat_agrees(json: &[u8], required: &[String]) {
        if let Some(flat) = scan_flat(json, required, None) {
            let full = scan_full(json, required);
            assert!(
                full.as_ref().is_ok_and(|full| same(&flat, full)),
                "{}: flat reader accepted, full scan says {:?}",
                String::from_utf8_lossy(json),
                full.err()
            );
        }
    }

    #[test]
    fn flat_reader_takes_the_common_shapes_and_leaves_the_rest() {
        let required = ["iss".to_string(), "exp".to_string(), "x".to_string()];
        for json in [
            r#"{}"#,
            r#"{"iss":"k","iat":1,"exp":2}"#,
            r#"{"iss":"k","iat":-5,"exp":0,"x":true,"y":null,"z":false,"aud":"a","sub":"s"}"#,
            r#"{"jti":"é ü ✓","exp":999999999999999999}"#,
            // The whole i64 range: one integer grammar with the prefix fast path.
            r#"{"exp":1000000000000000000,"iat":-9223372036854775808,"nbf":9223372036854775807}"#,
        ] {
            assert!(
                scan_flat(json.as_bytes(), &required, None).is_some(),
                "{json}"
            );
            assert_flat_agrees(json.as_bytes(), &required);
        }
        for json in [
            r#" {"exp":1}"#,
            r#"{"exp":1} "#,
            r#"{"exp" :1}"#,
            r#"{"exp":1.0}"#,
            r#"{"exp":1e3}"#,
            r#"{"exp":-0}"#,
            r#"{"exp":01}"#,
            r#"{"exp":9223372036854775808}"#,
            r#"{"exp":-9223372036854775809}"#,
            r#"{"exp":"1"}"#,
            r#"{"iss":1}"#,
            r#"{"aud":["a"]}"#,
            r#"{"a":"\u0061"}"#,
            r#"{"a\n":1}"#,
            "{\"a\":\"\t\"}",
            r#"{"a":1,"a":2}"#,
            r#"{"a":{"b":1}}"#,
            r#"{"a":[1]}"#,
            r#"{"a":1,}"#,
            r#"{"a":1}x"#,
            r#"{"a":tru}"#,
            r#"{"a":1"#,
            r#"{"#,
            "",
        ] {
            assert!(
                scan_flat(json.as_bytes(), &required, None).is_none(),
                "{json}"
            );
        }
        assert!(scan_flat(b"{\"a\":\"\xff\"}", &[], None).is_none());
    }

    /// The claims read along with the scan are the ones `serde_json` reads from the text.
    fn assert_claims_are_serde_jsons(json: &[u8]) {
        let mut claims = Claims::new();
        if scan_into(json, &[], Some(&mut claims)).is_ok() {
            let expected: Claims = serde_json::from_slice(json).unwrap();
            assert_eq!(claims, expected, "{}", String::from_utf8_lossy(json));
        }
    }

    #[test]
    fn claims_read_during_the_scan_are_serde_jsons() {
        for json in [
            r#"{}"#,
            r#"{"iss":"k","iat":1,"exp":2,"t":true,"f":false,"n":null,"s":"x"}"#,
            r#"{"exp":10.5,"nbf":-1.25e2,"aud":["a","b"],"sub":"\u00e9\n","jti":"j"}"#,
            r#"{"x":1.5e300,"y":[1,"a",{"b":null},[]],"z":{"w":{"v":0.1}}}"#,
            r#"{"big":18446744073709551616,"neg":-9223372036854775809,"u":18446744073709551615}"#,
            r#"{"aud":"a","a\"b":"c","e":"","m":-0,"k":1E2}"#,
            // The flat reader stops at the last member: the full scan starts afresh.
            r#"{"a":1,"b":2,"c":[3]}"#,
        ] {
            assert!(scan(json.as_bytes(), &[]).is_ok(), "{json}");
            assert_claims_are_serde_jsons(json.as_bytes());
        }
    }

    proptest::proptest! {
        /// Objects built from pieces that are mostly valid and flat, sometimes invalid or
        /// not flat: whenever the flat reader answers, the full scan gives the same claims.
        #[test]
        fn flat_reader_never_disagrees_with_the_full_scan(
            members in proptest::collection::vec(
                (
                    proptest::prop_oneof![
                        4 => "exp|iat|nbf|iss|aud|sub|jti",
                        4 => "[a-z]{1,3}",
                        1 => "[a-c\\\\\"é\t]{0,3}",
                    ],
                    proptest::prop_oneof![
                        4 => "-?[1-9][0-9]{0,19}|0",
                        1 => "-?[0-9]{1,3}[.eE][0-9]{0,2}|-0|0[0-9]",
                        4 => "\"[a-z é✓]{0,4}\"",
                        1 => "\"[a-z\\\\\"\u{1}]{0,4}\"",
                        2 => "true|false|null",
                        1 => "tru|\\[\\]|\\{\\}|[ ,:{}\"0-9a]{0,4}",
                    ],
                ),
                0..6,
            ),
            sep in proptest::prop_oneof![9 => ",", 1 => "[:} ]|, "],
            end in proptest::prop_oneof![9 => "\\}", 1 => "\\} |\\}\\}|"],
        ) {
            let body: Vec<String> = members
                .iter()
                .map(|(name, value)| format!("\"{name}\":{value}"))
                .collect();
            let json = format!("{{{}{end}", body.join(&sep));
            let required = ["iss".to_string(), "exp".to_string()];
            assert_flat_agrees(json.as_bytes(), &required);
            assert_claims_are_serde_jsons(json.as_bytes());
        }
    }
}
