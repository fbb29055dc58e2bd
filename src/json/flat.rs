//! The flat reader: compact JSON objects of plain members, read byte by byte, as a fast
//! entry into the grammar the `serde_json`-based scan of `mod.rs` judges; and [`int`], the
//! one reader of JSON integers.

use serde_json::Value;

/// A member value of a flat object, as [`flat_object`] reads it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum FlatValue<'de> {
    /// A string without escapes.
    Str(&'de str),
    /// An integer within `i64`, not `-0` (see [`int`]).
    Int(i64),
    /// `true` or `false`.
    Bool(bool),
    /// `null`.
    Null,
}

/// Reads `json` as a compact JSON object whose members are all strings without escapes,
/// short integers or literals (`{"iss":"key","iat":1,"exp":2}`, the shape nearly every JWT
/// payload has), calling `member` for each member in order. `None` when the text has any
/// other form (whitespace, escapes, nested values, fractions, long numbers, anything invalid)
/// or `member` returns `None`: the caller then runs the `serde_json`-based scan, which judges
/// every input and words every error.
///
/// This reader only ever says yes to text that `serde_json` reads as the same members, so
/// the two can never disagree; property tests check this. It exists because `serde_json`'s
/// visitor machinery costs several times the HMAC of a short token.
pub(crate) fn flat_object<'de>(
    json: &'de [u8],
    mut member: impl FnMut(&'de str, FlatValue<'de>) -> Option<()>,
) -> Option<()> {
    let mut rest = json.strip_prefix(b"{")?;
    if rest == b"}" {
        return Some(());
    }
    loop {
        let (name, after) = flat_string(rest)?;
        let after = after.strip_prefix(b":")?;
        let (value, after) = flat_value(after)?;
        member(name, value)?;
        match after.split_first()? {
            (b',', next) => rest = next,
            (b'}', []) => return Some(()),
            _ => return None,
        }
    }
}

/// A string at the start of `s` with no escapes and no control characters, valid UTF-8.
fn flat_string(s: &[u8]) -> Option<(&str, &[u8])> {
    let s = s.strip_prefix(b"\"")?;
    let end = memchr::memchr(b'"', s)?;
    let body = &s[..end];
    // `fold` rather than `all`: no early exit, so the check vectorizes (claims can hold
    // kilobytes of text).
    let plain = body
        .iter()
        .fold(true, |ok, &b| ok & (b >= 0x20) & (b != b'\\'));
    if !plain {
        return None;
    }
    Some((std::str::from_utf8(body).ok()?, &s[end + 1..]))
}

/// A string, a short integer or a literal at the start of `s`, followed by `,` or `}`.
fn flat_value(s: &[u8]) -> Option<(FlatValue<'_>, &[u8])> {
    let (value, rest) = match s.first()? {
        b'"' => {
            let (text, rest) = flat_string(s)?;
            (FlatValue::Str(text), rest)
        }
        b't' => (FlatValue::Bool(true), s.strip_prefix(b"true")?),
        b'f' => (FlatValue::Bool(false), s.strip_prefix(b"false")?),
        b'n' => (FlatValue::Null, s.strip_prefix(b"null")?),
        _ => {
            let (v, rest) = int(s)?;
            (FlatValue::Int(v), rest)
        }
    };
    // Anything but a member separator or the end (a fraction, an exponent) is not flat.
    matches!(rest.first(), Some(b',' | b'}')).then_some((value, rest))
}

/// A JSON integer at the start of `s` that fits an `i64`, and what follows it: JSON's grammar
/// (an optional `-`, no leading zeros), the full `i64` range. `None` for anything else, and
/// for `-0`, which `serde_json` reads as a float. A fraction or exponent after the digits is
/// left in the rest, for the caller to refuse.
pub(crate) fn int(s: &[u8]) -> Option<(i64, &[u8])> {
    let negative = s.first() == Some(&b'-');
    let body = &s[usize::from(negative)..];
    let n = body.iter().take_while(|b| b.is_ascii_digit()).count();
    let digits = &body[..n];
    match digits {
        [] | [b'0', _, ..] => return None,
        [b'0'] if negative => return None,
        _ => {}
    }
    let mut v: i64 = 0;
    for &d in digits {
        // Accumulated on the negative side, so that i64::MIN fits.
        v = v.checked_mul(10)?.checked_sub(i64::from(d - b'0'))?;
    }
    let v = if negative { v } else { v.checked_neg()? };
    Some((v, &body[n..]))
}

impl FlatValue<'_> {
    /// The value `serde_json` reads from the same text.
    pub fn to_value(self) -> Value {
        match self {
            FlatValue::Str(s) => Value::String(s.to_owned()),
            FlatValue::Int(v) => Value::from(v),
            FlatValue::Bool(b) => Value::Bool(b),
            FlatValue::Null => Value::Null,
        }
    }
}
