//! An independent model of what the verifier must decide, written from RFC 7515/7519/8725 and
//! the checks the `Verifier` documents (its numbered list; SECURITY.md) rather than from the
//! code in `src/`: JSON is parsed into a tree that keeps every member
//! (so duplicates can be seen), base64url is the `base64` crate's, the MAC is the `hmac`
//! crate's. The fuzz checks compare jwtmint's verdict and error code with this model.

use std::fmt;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use hmac::{KeyInit, Mac};
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Number;

/// A JSON value with object members kept in order, duplicates included.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Num(Number),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl<'de> de::Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("JSON")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Num(v.into()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Num(v.into()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Json, E> {
        Number::from_f64(v)
            .map(Json::Num)
            .ok_or_else(|| E::custom("not finite"))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Json, E> {
        Ok(Json::Str(v.to_owned()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Arr(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut members = Vec::new();
        while let Some((k, v)) = map.next_entry::<String, Json>()? {
            members.push((k, v));
        }
        Ok(Json::Obj(members))
    }
}

/// jwtmint's nesting limit: arrays and objects at most this deep, the top level counting.
pub const MAX_DEPTH: usize = 16;

fn depth(v: &Json) -> usize {
    match v {
        Json::Arr(items) => 1 + items.iter().map(depth).max().unwrap_or(0),
        Json::Obj(members) => 1 + members.iter().map(|(_, v)| depth(v)).max().unwrap_or(0),
        _ => 0,
    }
}

/// Parses UTF-8 JSON text, whole (trailing whitespace only), nested at most [`MAX_DEPTH`].
pub fn parse(bytes: &[u8]) -> Option<Json> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let v = de::Deserialize::deserialize(&mut de).ok()?;
    de.end().ok()?;
    (depth(&v) <= MAX_DEPTH).then_some(v)
}

/// Whether any object, at any depth, names a member twice.
pub fn has_duplicates(v: &Json) -> bool {
    match v {
        Json::Arr(items) => items.iter().any(has_duplicates),
        Json::Obj(members) => {
            let mut names: Vec<&str> = members.iter().map(|(k, _)| k.as_str()).collect();
            names.sort_unstable();
            names.windows(2).any(|w| w[0] == w[1]) || members.iter().any(|(_, v)| has_duplicates(v))
        }
        _ => false,
    }
}

/// A JSON object with unique names at every depth, or `None`.
pub fn unique_object(bytes: &[u8]) -> Option<Vec<(String, Json)>> {
    let v = parse(bytes)?;
    if has_duplicates(&v) {
        return None;
    }
    match v {
        Json::Obj(m) => Some(m),
        _ => None,
    }
}

fn member<'a>(obj: &'a [(String, Json)], name: &str) -> Option<&'a Json> {
    obj.iter().find(|(k, _)| k == name).map(|(_, v)| v)
}

/// RFC 7515 §4 / RFC 8725 §3.1 for an HS256 key: whether the header is acceptable.
pub fn header_ok(bytes: &[u8]) -> bool {
    let Some(h) = unique_object(bytes) else {
        return false;
    };
    let alg_ok = matches!(member(&h, "alg"), Some(Json::Str(a)) if a == "HS256");
    let typ_ok = match member(&h, "typ") {
        None => true,
        Some(Json::Str(t)) => {
            t.eq_ignore_ascii_case("JWT") || t.eq_ignore_ascii_case("application/jwt")
        }
        Some(_) => false,
    };
    let no_extensions = ["crit", "cty", "b64"]
        .iter()
        .all(|n| member(&h, n).is_none());
    alg_ok && typ_ok && no_extensions
}

/// The registered claims of a well-formed claims set.
#[derive(Debug, Default)]
pub struct Facts {
    pub names: Vec<String>,
    pub iss: Option<String>,
    pub aud: Option<Vec<String>>,
    pub exp: Option<i64>,
    pub nbf: Option<i64>,
    pub iat: Option<i64>,
}

/// A NumericDate: a JSON number within i64, fractions rounded to the stricter side.
fn numeric_date(v: &Json, round_up: bool) -> Option<i64> {
    let Json::Num(n) = v else { return None };
    if let Some(i) = n.as_i64() {
        return Some(i);
    }
    if n.is_u64() {
        return None; // above i64::MAX
    }
    let f = n.as_f64()?;
    let r = if round_up { f.ceil() } else { f.floor() };
    // [-2^63, 2^63): exactly the integral floats that fit an i64.
    if (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&r) {
        Some(r as i64)
    } else {
        None
    }
}

/// RFC 7519 §4.1 typing: the facts of a valid claims set, or `None` when the payload is not
/// a JSON object with unique names and well-typed registered claims.
pub fn claims(bytes: &[u8]) -> Option<Facts> {
    let obj = unique_object(bytes)?;
    let mut f = Facts {
        names: obj.iter().map(|(k, _)| k.clone()).collect(),
        ..Facts::default()
    };
    for (k, v) in &obj {
        match k.as_str() {
            "exp" => f.exp = Some(numeric_date(v, false)?),
            "nbf" => f.nbf = Some(numeric_date(v, true)?),
            "iat" => f.iat = Some(numeric_date(v, true)?),
            "iss" | "sub" | "jti" => {
                let Json::Str(s) = v else { return None };
                if k == "iss" {
                    f.iss = Some(s.clone());
                }
            }
            "aud" => {
                f.aud = Some(match v {
                    Json::Str(s) => vec![s.clone()],
                    Json::Arr(items) => items
                        .iter()
                        .map(|i| match i {
                            Json::Str(s) => Some(s.clone()),
                            _ => None,
                        })
                        .collect::<Option<Vec<_>>>()?,
                    _ => return None,
                })
            }
            _ => {}
        }
    }
    Some(f)
}

/// A verifier's configuration, as the model sees it.
#[derive(Debug, Clone)]
pub struct Rules {
    pub leeway: u64,
    pub max_len: usize,
    pub required: Vec<String>,
    pub issuer: Option<String>,
    pub audience: Option<String>,
}

/// The code the claims checks must give (0: accepted), in the documented order: required
/// claims, issuer, audience, `exp`, `nbf`, `iat`.
pub fn claims_code(f: &Facts, r: &Rules, now: i64) -> u32 {
    if r.required.iter().any(|q| !f.names.contains(q)) {
        return 503;
    }
    if let Some(expected) = &r.issuer {
        match &f.iss {
            None => return 503,
            Some(found) if found != expected => return 505,
            Some(_) => {}
        }
    }
    match (&r.audience, &f.aud) {
        (None, None) => {}
        (Some(_), None) => return 503,
        (None, Some(_)) => return 506,
        (Some(a), Some(list)) => {
            if !list.contains(a) {
                return 506;
            }
        }
    }
    let (now, leeway) = (i128::from(now), i128::from(r.leeway));
    if f.exp.is_some_and(|exp| now >= i128::from(exp) + leeway) {
        return 500;
    }
    if f.nbf.is_some_and(|nbf| i128::from(nbf) > now + leeway) {
        return 501;
    }
    if f.iat.is_some_and(|iat| i128::from(iat) > now + leeway) {
        return 502;
    }
    0
}

/// What the verifier must answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expect {
    /// Exactly this code (0: accepted).
    Code(u32),
    /// Rejected with one of these codes: a structural fault of the header or payload, whose
    /// exact code depends on which fault the scan meets first.
    OneOf(&'static [u32]),
}

impl Expect {
    pub fn admits(&self, code: u32) -> bool {
        match self {
            Expect::Code(c) => *c == code,
            Expect::OneOf(set) => set.contains(&code),
        }
    }
}

/// Codes for a header that is not acceptable.
pub const HEADER_FAULTS: &[u32] = &[204, 205, 206, 300, 301, 302, 303, 304];
/// Codes for a payload that is not a valid claims set.
pub const PAYLOAD_FAULTS: &[u32] = &[204, 205, 206, 504];

/// base64url (RFC 4648 §5) as the `base64` crate decodes it: no padding, canonical.
pub fn b64_decode(text: &[u8]) -> Option<Vec<u8>> {
    URL_SAFE_NO_PAD.decode(text).ok()
}

/// base64url without padding, by the `base64` crate.
pub fn b64(data: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(data)
}

/// HMAC-SHA256 by the `hmac` crate.
pub fn hmac_sha256(key: &[u8], data: &[u8]) -> [u8; 32] {
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(key).expect("any key length");
    mac.update(data);
    mac.finalize().into_bytes().into()
}

/// A token over arbitrary header and payload bytes, correctly signed with `key`.
pub fn sign(key: &[u8], header: &[u8], payload: &[u8]) -> String {
    let input = format!("{}.{}", b64(header), b64(payload));
    let tag = hmac_sha256(key, input.as_bytes());
    format!("{input}.{}", b64(&tag))
}

/// What verifying `token` under `key` and `rules` at `now` must give, derived from the rules
/// alone, in the order the `Verifier`'s documentation lists its checks.
pub fn expect_verify(key: &[u8], token: &[u8], rules: &Rules, now: i64) -> Expect {
    if token.len() > rules.max_len {
        return Expect::Code(200);
    }
    let parts: Vec<&[u8]> = token.split(|&b| b == b'.').collect();
    if parts.len() != 3 {
        return Expect::Code(201);
    }
    if parts.iter().any(|p| p.is_empty()) {
        return Expect::Code(202);
    }
    let (head, body, sig) = (parts[0], parts[1], parts[2]);
    let Some(header) = b64_decode(head) else {
        return Expect::Code(203);
    };
    if !header_ok(&header) {
        return Expect::OneOf(HEADER_FAULTS);
    }
    // The signature: text that is not base64url at all is a base64 fault; base64url of the
    // wrong length cannot be an HS256 MAC.
    let tag = match b64_decode(sig) {
        Some(tag) if tag.len() == 32 => tag,
        Some(_) => return Expect::Code(400),
        None if sig.len() != 43
            && sig.len() % 4 != 1
            && sig
                .iter()
                .all(|c| c.is_ascii_alphanumeric() || *c == b'-' || *c == b'_') =>
        {
            return Expect::Code(400)
        }
        None => return Expect::Code(203),
    };
    let signing_input = &token[..head.len() + 1 + body.len()];
    if hmac_sha256(key, signing_input)[..] != tag[..] {
        return Expect::Code(400);
    }
    let Some(payload) = b64_decode(body) else {
        return Expect::Code(203);
    };
    match claims(&payload) {
        None => Expect::OneOf(PAYLOAD_FAULTS),
        Some(f) => Expect::Code(claims_code(&f, rules, now)),
    }
}
