//! Strict JSON object scanning on top of `serde_json`.
//!
//! `serde_json` keeps the last of two duplicate member names; JOSE requires unique names
//! (RFC 7515 §4, RFC 7519 §4), so every object is scanned here first, at every depth, without
//! building a value tree. Registered members are read as [`Scalar`]s so that their type is
//! judged by the caller (a malformed `exp` is an error, never "absent"). Nesting is bounded at
//! [`MAX_DEPTH`] (16) levels, below `serde_json`'s own recursion limit, so deep input fails
//! cleanly instead of overflowing the stack.
//!
//! [`flat_object`] (in `flat.rs`) is the fast entry into the same grammar for compact objects of plain
//! members, and [`int`] the one reader of JSON integers both it and the token-prefix fast
//! path ([`crate::prefix`]) use.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use crate::error::{Error, Segment};

mod flat;

pub(crate) use flat::{flat_object, int, FlatValue};

/// Scan state shared by the visitors: which segment, and the first specific error found.
pub(crate) struct Ctx {
    pub segment: Segment,
    pub err: Option<Error>,
    depth: u32,
}

/// The deepest nesting of arrays and objects accepted, the top-level object counting as one.
/// Far above what claims need, and low enough that rejecting deeper input fits a 64 KiB stack
/// even in a debug build (serde_json's own limit, 128, needs about 96 KiB in release).
pub(crate) const MAX_DEPTH: u32 = 16;

impl Ctx {
    pub fn new(segment: Segment) -> Self {
        Ctx {
            segment,
            err: None,
            depth: 0,
        }
    }

    /// Enters one array or object; fails past [`MAX_DEPTH`].
    pub fn enter<E: de::Error>(&mut self) -> Result<(), E> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            let segment = self.segment;
            return Err(self.fail(Error::InvalidJson {
                segment,
                reason: format!("nested deeper than {MAX_DEPTH} levels"),
            }));
        }
        Ok(())
    }

    /// Leaves the array or object last entered.
    pub fn leave(&mut self) {
        self.depth -= 1;
    }

    /// Records a specific error and returns a serde error to unwind the parse with.
    pub fn fail<E: de::Error>(&mut self, e: Error) -> E {
        if self.err.is_none() {
            self.err = Some(e);
        }
        E::custom("jwtmint scan error")
    }

    /// The error to report for a failed parse: the recorded one, else the parser's.
    pub fn into_error(self, e: &serde_json::Error) -> Error {
        self.err.unwrap_or_else(|| Error::InvalidJson {
            segment: self.segment,
            reason: e.to_string(),
        })
    }
}

/// Runs `visitor` over the whole of `json`, refusing trailing data. On failure, pass the
/// error to [`Ctx::into_error`] of the context the visitor borrowed.
pub(crate) fn run<'de, V: Visitor<'de>>(
    json: &'de [u8],
    visitor: V,
) -> Result<V::Value, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_slice(json);
    let value = (&mut de).deserialize_any(visitor)?;
    de.end()?;
    Ok(value)
}

/// Runs a visitor built on a fresh [`Ctx`] for `segment`, mapping failures to [`Error`].
macro_rules! scan {
    ($json:expr, $segment:expr, |$ctx:ident| $visitor:expr) => {{
        let mut ctx = $crate::json::Ctx::new($segment);
        let result = {
            let $ctx = &mut ctx;
            $crate::json::run($json, $visitor)
        };
        result.map_err(|e| ctx.into_error(&e))
    }};
}
pub(crate) use scan;

/// The member names of one JSON object, for duplicate detection: inline while small.
pub(crate) struct NameSet<'de> {
    inline: [Cow<'de, str>; INLINE],
    len: usize,
    spill: Option<HashSet<Cow<'de, str>>>,
}

const INLINE: usize = 8;

impl<'de> NameSet<'de> {
    pub fn new() -> Self {
        NameSet {
            inline: [const { Cow::Borrowed("") }; INLINE],
            len: 0,
            spill: None,
        }
    }

    /// Whether `name` is in the set.
    pub fn contains(&self, name: &str) -> bool {
        match &self.spill {
            Some(set) => set.contains(name),
            None => self.inline[..self.len].iter().any(|n| n == name),
        }
    }

    /// Adds `name`; false when it was already there.
    pub fn insert(&mut self, name: Cow<'de, str>) -> bool {
        if self.contains(&name) {
            return false;
        }
        if let Some(set) = &mut self.spill {
            set.insert(name);
        } else if self.len < INLINE {
            self.inline[self.len] = name;
            self.len += 1;
        } else {
            // Past a few names, hash: a quadratic scan would let a large object cost O(n^2).
            let mut set: HashSet<Cow<'de, str>> =
                self.inline.iter_mut().map(std::mem::take).collect();
            set.insert(name);
            self.spill = Some(set);
        }
        true
    }
}

/// Reads one member name, borrowing it from the input when it has no escapes.
pub(crate) struct NameSeed;

impl<'de> DeserializeSeed<'de> for NameSeed {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(NameSeed)
    }
}

impl<'de> Visitor<'de> for NameSeed {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }
}

/// Adds a member name to `names`, failing with [`Error::DuplicateMember`] on a repeat.
// `&Cow` rather than `&str`: cloning the Cow keeps a borrowed name borrowed.
#[allow(clippy::ptr_arg)]
pub(crate) fn add_name<'de, E: de::Error>(
    ctx: &mut Ctx,
    names: &mut NameSet<'de>,
    name: &Cow<'de, str>,
) -> Result<(), E> {
    if names.insert(name.clone()) {
        Ok(())
    } else {
        let segment = ctx.segment;
        Err(ctx.fail(Error::DuplicateMember {
            segment,
            name: crate::error::truncate_for_message(name),
        }))
    }
}

/// Any JSON value, checked for duplicate names at every depth and otherwise ignored.
pub(crate) struct AnyValue<'c> {
    pub ctx: &'c mut Ctx,
}

impl<'de> DeserializeSeed<'de> for AnyValue<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for AnyValue<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.ctx.enter()?;
        while seq.next_element_seed(AnyValue { ctx: self.ctx })?.is_some() {}
        self.ctx.leave();
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.ctx.enter()?;
        let mut names = NameSet::new();
        while let Some(name) = map.next_key_seed(NameSeed)? {
            add_name(self.ctx, &mut names, &name)?;
            map.next_value_seed(AnyValue { ctx: self.ctx })?;
        }
        self.ctx.leave();
        Ok(())
    }
}

/// Any JSON value, checked as [`AnyValue`] checks it, and kept: the value `serde_json`'s own
/// `Value` reads from the same text, so a verified claims set is parsed once, not twice.
pub(crate) struct ValueSeed<'c> {
    pub ctx: &'c mut Ctx,
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        // As serde_json's own `Value` does (JSON text has no NaN or infinity).
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        self.ctx.enter()?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(ValueSeed { ctx: self.ctx })? {
            items.push(item);
        }
        self.ctx.leave();
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        self.ctx.enter()?;
        let mut names = NameSet::new();
        let mut object = serde_json::Map::new();
        while let Some(name) = map.next_key_seed(NameSeed)? {
            add_name(self.ctx, &mut names, &name)?;
            let value = map.next_value_seed(ValueSeed { ctx: self.ctx })?;
            object.insert(name.into_owned(), value);
        }
        self.ctx.leave();
        Ok(Value::Object(object))
    }
}

/// A member value read for its type: numbers and strings kept, everything else named.
#[derive(Debug, PartialEq)]
pub(crate) enum Scalar<'de> {
    Int(i64),
    UInt(u64),
    Float(f64),
    Str(Cow<'de, str>),
    /// An array whose elements are all strings.
    Strings(Vec<Cow<'de, str>>),
    /// Any other value; the name of its JSON type.
    Other(&'static str),
}

impl Scalar<'_> {
    /// The value `serde_json` reads from the same text; `None` for [`Scalar::Other`], whose
    /// content was checked but not kept (a registered claim holding one is malformed).
    pub fn to_value(&self) -> Option<Value> {
        Some(match self {
            Scalar::Int(v) => Value::from(*v),
            Scalar::UInt(v) => Value::from(*v),
            Scalar::Float(v) => serde_json::Number::from_f64(*v).map_or(Value::Null, Value::Number),
            Scalar::Str(s) => Value::String(s.clone().into_owned()),
            Scalar::Strings(list) => Value::Array(
                list.iter()
                    .map(|s| Value::String(s.clone().into_owned()))
                    .collect(),
            ),
            Scalar::Other(_) => return None,
        })
    }
}

/// Reads one value as a [`Scalar`], checking nested objects for duplicate names.
pub(crate) struct ScalarSeed<'c> {
    pub ctx: &'c mut Ctx,
}

impl<'de> DeserializeSeed<'de> for ScalarSeed<'_> {
    type Value = Scalar<'de>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ScalarSeed<'_> {
    type Value = Scalar<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Scalar::Other("a boolean"))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Scalar::Int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Scalar::UInt(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Scalar::Float(v))
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Scalar::Str(Cow::Borrowed(v)))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Scalar::Str(Cow::Owned(v.to_owned())))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Scalar::Str(Cow::Owned(v)))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Scalar::Other("null"))
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Scalar::Other("null"))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        self.ctx.enter()?;
        let mut strings = Some(Vec::new());
        while let Some(item) = seq.next_element_seed(ScalarSeed { ctx: self.ctx })? {
            match (item, &mut strings) {
                (Scalar::Str(s), Some(list)) => list.push(s),
                _ => strings = None,
            }
        }
        self.ctx.leave();
        Ok(strings.map_or(Scalar::Other("an array"), Scalar::Strings))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        AnyValue { ctx: self.ctx }.visit_map(map)?;
        Ok(Scalar::Other("an object"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn any(json: &str) -> Result<(), Error> {
        scan!(json.as_bytes(), Segment::Payload, |ctx| AnyValue { ctx })
    }

    #[test]
    fn duplicates_are_found_at_every_depth() {
        assert!(any(r#"{"a":1,"b":{"c":[{"d":1,"e":2}]}}"#).is_ok());
        for json in [
            r#"{"a":1,"a":2}"#,
            r#"{"a":{"b":1,"b":1}}"#,
            r#"{"a":[{"b":1,"b":1}]}"#,
            // An escaped name is the same name.
            r#"{"a":1,"\u0061":2}"#,
        ] {
            assert!(
                matches!(any(json), Err(Error::DuplicateMember { ref name, .. }) if name == "a" || name == "b"),
                "{json}"
            );
        }
    }

    #[test]
    fn duplicates_are_found_past_the_inline_names() {
        let mut json = String::from("{");
        for i in 0..40 {
            json.push_str(&format!("\"k{i}\":{i},"));
        }
        json.push_str("\"k3\":0}");
        assert!(matches!(any(&json), Err(Error::DuplicateMember { name, .. }) if name == "k3"));
    }

    #[test]
    fn syntax_errors_and_trailing_data_are_invalid_json() {
        for json in ["{", "{\"a\":1}x", "{\"a\":01}", "{'a':1}", "{\"a\":1,}", ""] {
            assert!(
                matches!(any(json), Err(Error::InvalidJson { .. })),
                "{json}"
            );
        }
    }

    #[test]
    fn deep_nesting_fails_without_overflowing_the_stack() {
        let json = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(matches!(any(&json), Err(Error::InvalidJson { .. })));
    }

    #[test]
    fn lone_surrogates_and_bad_utf8_are_refused() {
        assert!(any(r#"{"a":"\ud800"}"#).is_err());
        let bad = b"{\"a\":\"\xff\"}";
        assert!(scan!(bad, Segment::Payload, |ctx| AnyValue { ctx }).is_err());
    }

    #[test]
    fn scalar_reports_types() {
        let read = |json: &'static str| {
            scan!(json.as_bytes(), Segment::Payload, |ctx| ScalarSeed { ctx }).unwrap()
        };
        assert_eq!(read("5"), Scalar::UInt(5));
        assert_eq!(read("-5"), Scalar::Int(-5));
        assert_eq!(read("1.5"), Scalar::Float(1.5));
        assert_eq!(read("\"x\""), Scalar::Str(Cow::Borrowed("x")));
        assert_eq!(
            read("[\"x\",\"y\"]"),
            Scalar::Strings(vec!["x".into(), "y".into()])
        );
        assert_eq!(read("[\"x\",1]"), Scalar::Other("an array"));
        assert_eq!(read("null"), Scalar::Other("null"));
        assert_eq!(read("true"), Scalar::Other("a boolean"));
        assert_eq!(read("{}"), Scalar::Other("an object"));
    }
}
