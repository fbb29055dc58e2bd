//! Result codes: `0` for success, the core's stable error codes, and the C ABI's own codes in
//! the range the core reserves for it (900–999).
//!
//! The constants are written out because cbindgen reads them from source; the messages are
//! not: [`jwtmint_result_str`] and [`jwtmint_result_name`] serve the core's table
//! (`jwtmint::CODES`) itself, copied at compile time into NUL-terminated static text. A test
//! derives the constants from that table (and `FFI_CODES`): each entry's `JWTMINT_<NAME>` with
//! its number, here and in the header, and no result constant the tables lack.

use std::ffi::{c_char, CStr};

use jwtmint_core::CODES;

use crate::boundary::guard_value;

/// The result of every fallible function: `JWTMINT_OK` (0) or an error code.
///
/// Codes are stable: a number is never reused or renumbered. They are grouped by what went
/// wrong: 1xx the caller's input (key, arguments, buffer), 2xx a malformed token, 3xx a rejected
/// header, 4xx a bad signature, 5xx rejected claims, 6xx the Zoom extras (600–619 Video SDK
/// tokens, 620–639 webhooks), 9xx the C ABI itself (NULL pointer, invalid UTF-8, panic).
/// `jwtmint_result_str` gives a message for each.
pub type jwtmint_result = u32;

/// Success.
pub const JWTMINT_OK: jwtmint_result = 0;
/// The secret is empty.
pub const JWTMINT_EMPTY_SECRET: jwtmint_result = 100;
/// The secret is shorter than 32 bytes (RFC 7518 section 3.2).
pub const JWTMINT_WEAK_SECRET: jwtmint_result = 101;
/// The secret is not valid in its declared encoding.
pub const JWTMINT_INVALID_SECRET_ENCODING: jwtmint_result = 102;
/// An argument is out of its allowed range.
pub const JWTMINT_INVALID_ARGUMENT: jwtmint_result = 103;
/// Time arithmetic would overflow.
pub const JWTMINT_TIME_OVERFLOW: jwtmint_result = 104;
/// The system clock is out of range.
pub const JWTMINT_CLOCK: jwtmint_result = 105;
/// The claims do not serialize to a JSON object.
pub const JWTMINT_CLAIMS_NOT_AN_OBJECT: jwtmint_result = 106;
/// The claims could not be serialized.
pub const JWTMINT_SERIALIZE: jwtmint_result = 107;
/// The output buffer is too small.
pub const JWTMINT_BUFFER_TOO_SMALL: jwtmint_result = 108;
/// The token is longer than the limit.
pub const JWTMINT_TOO_LONG: jwtmint_result = 200;
/// The token does not have exactly three segments.
pub const JWTMINT_SEGMENT_COUNT: jwtmint_result = 201;
/// A token segment is empty.
pub const JWTMINT_EMPTY_SEGMENT: jwtmint_result = 202;
/// A token segment is not canonical unpadded base64url.
pub const JWTMINT_INVALID_BASE64: jwtmint_result = 203;
/// A token segment is not valid JSON.
pub const JWTMINT_INVALID_JSON: jwtmint_result = 204;
/// A token segment is not a JSON object.
pub const JWTMINT_NOT_AN_OBJECT: jwtmint_result = 205;
/// A JSON object names the same member twice.
pub const JWTMINT_DUPLICATE_MEMBER: jwtmint_result = 206;
/// The header has no alg.
pub const JWTMINT_MISSING_ALGORITHM: jwtmint_result = 300;
/// The header's alg is not HS256.
pub const JWTMINT_UNSUPPORTED_ALGORITHM: jwtmint_result = 301;
/// The header's typ is not JWT.
pub const JWTMINT_UNSUPPORTED_TYPE: jwtmint_result = 302;
/// The header has a crit member.
pub const JWTMINT_CRITICAL_HEADER: jwtmint_result = 303;
/// The header has a member that is not supported.
pub const JWTMINT_UNSUPPORTED_HEADER: jwtmint_result = 304;
/// The signature does not match.
pub const JWTMINT_INVALID_SIGNATURE: jwtmint_result = 400;
/// The token has expired.
pub const JWTMINT_EXPIRED: jwtmint_result = 500;
/// The token is not valid yet (nbf).
pub const JWTMINT_NOT_YET_VALID: jwtmint_result = 501;
/// The token was issued in the future (iat).
pub const JWTMINT_ISSUED_IN_FUTURE: jwtmint_result = 502;
/// A required claim is missing.
pub const JWTMINT_MISSING_CLAIM: jwtmint_result = 503;
/// A registered claim has the wrong type or range.
pub const JWTMINT_MALFORMED_CLAIM: jwtmint_result = 504;
/// The issuer is not the expected one.
pub const JWTMINT_ISSUER_MISMATCH: jwtmint_result = 505;
/// The audience is not the expected one.
pub const JWTMINT_AUDIENCE_MISMATCH: jwtmint_result = 506;
/// The claims do not fit the requested type.
pub const JWTMINT_CLAIMS_TYPE: jwtmint_result = 507;
/// A required Video SDK field is empty.
pub const JWTMINT_EMPTY_FIELD: jwtmint_result = 600;
/// A Video SDK field is longer than Zoom allows.
pub const JWTMINT_FIELD_TOO_LONG: jwtmint_result = 601;
/// A Video SDK geo region is unknown.
pub const JWTMINT_UNKNOWN_GEO_REGION: jwtmint_result = 602;
/// A Video SDK geo region is listed twice.
pub const JWTMINT_DUPLICATE_GEO_REGION: jwtmint_result = 603;
/// A Video SDK token's lifetime is not between 1800 s and 48 h.
pub const JWTMINT_LIFETIME_OUT_OF_RANGE: jwtmint_result = 604;
/// The Video SDK app_key is not the expected one.
pub const JWTMINT_APP_KEY_MISMATCH: jwtmint_result = 605;
/// A Video SDK claim has a value Zoom does not accept.
pub const JWTMINT_INVALID_VIDEO_SDK_CLAIM: jwtmint_result = 606;
/// The webhook timestamp is not plain decimal digits.
pub const JWTMINT_WEBHOOK_TIMESTAMP_MALFORMED: jwtmint_result = 620;
/// The webhook timestamp is too far from now.
pub const JWTMINT_WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE: jwtmint_result = 621;
/// The webhook signature does not start with v0=.
pub const JWTMINT_WEBHOOK_SIGNATURE_PREFIX: jwtmint_result = 622;
/// The webhook signature is not 64 hex characters.
pub const JWTMINT_WEBHOOK_SIGNATURE_LENGTH: jwtmint_result = 623;
/// The webhook signature is not lower-case hex.
pub const JWTMINT_WEBHOOK_SIGNATURE_ENCODING: jwtmint_result = 624;
/// The webhook signature does not match.
pub const JWTMINT_WEBHOOK_SIGNATURE_MISMATCH: jwtmint_result = 625;
/// The webhook body is not a JSON object with unique names.
pub const JWTMINT_WEBHOOK_BODY_MALFORMED: jwtmint_result = 626;
/// The webhook event is not the expected one.
pub const JWTMINT_UNEXPECTED_WEBHOOK_EVENT: jwtmint_result = 627;
/// The url-validation plainToken is missing or empty.
pub const JWTMINT_INVALID_PLAIN_TOKEN: jwtmint_result = 628;
/// A Meeting SDK claim has a value Zoom does not accept.
pub const JWTMINT_INVALID_MEETING_SDK_CLAIM: jwtmint_result = 640;
/// A Meeting SDK token's exp or tokenExp is not 1800 s to 48 h after iat.
pub const JWTMINT_MEETING_SDK_LIFETIME_OUT_OF_RANGE: jwtmint_result = 641;
/// The Meeting SDK key is not the expected one.
pub const JWTMINT_SDK_KEY_MISMATCH: jwtmint_result = 642;
/// A required pointer argument is NULL (or an input pointer is NULL with a non-zero length).
pub const JWTMINT_NULL_POINTER: jwtmint_result = 900;
/// A text argument (API key, issuer, audience, claim names, encoded secret) is not valid UTF-8.
pub const JWTMINT_INVALID_UTF8: jwtmint_result = 901;
/// Internal error: a panic was caught at the C boundary. Please report it.
pub const JWTMINT_PANIC: jwtmint_result = 902;

/// The C ABI's own codes, in the range the core reserves for it: `(code, name, description)`,
/// the same shape as the core's table.
const FFI_CODES: &[(u32, &str, &str)] = &[
    (
        JWTMINT_NULL_POINTER,
        "null_pointer",
        "a required pointer argument is NULL",
    ),
    (
        JWTMINT_INVALID_UTF8,
        "invalid_utf8",
        "a text argument is not valid UTF-8",
    ),
    (
        JWTMINT_PANIC,
        "panic",
        "internal error: a panic was caught at the C boundary",
    ),
];

/// Number of known codes: the core's, then the C ABI's.
const COUNT: usize = CODES.len() + FFI_CODES.len();

/// The `i`-th known code's `(code, name, description)`.
const fn entry(i: usize) -> (u32, &'static str, &'static str) {
    if i < CODES.len() {
        CODES[i]
    } else {
        FFI_CODES[i - CODES.len()]
    }
}

/// Which text of an entry a table holds.
#[derive(Clone, Copy)]
enum Field {
    Name,
    Description,
}

const fn text(i: usize, field: Field) -> &'static str {
    let (_, name, description) = entry(i);
    match field {
        Field::Name => name,
        Field::Description => description,
    }
}

/// Bytes needed for every entry's text, each followed by a NUL.
const fn table_len(field: Field) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < COUNT {
        n += text(i, field).len() + 1;
        i += 1;
    }
    n
}

/// Every entry's text, each followed by a NUL, in table order. Evaluated at compile time;
/// a NUL inside a text fails the build.
const fn table<const N: usize>(field: Field) -> [u8; N] {
    let mut out = [0u8; N];
    let mut at = 0;
    let mut i = 0;
    while i < COUNT {
        let bytes = text(i, field).as_bytes();
        let mut j = 0;
        while j < bytes.len() {
            assert!(bytes[j] != 0, "a code's text contains a NUL");
            out[at] = bytes[j];
            at += 1;
            j += 1;
        }
        out[at] = 0;
        at += 1;
        i += 1;
    }
    assert!(at == N);
    out
}

static NAMES: [u8; table_len(Field::Name)] = table(Field::Name);
static DESCRIPTIONS: [u8; table_len(Field::Description)] = table(Field::Description);

/// The static NUL-terminated text of `code`, or `None` for an unknown code.
fn lookup(code: jwtmint_result, field: Field) -> Option<&'static CStr> {
    let all: &'static [u8] = match field {
        Field::Name => &NAMES,
        Field::Description => &DESCRIPTIONS,
    };
    let mut at = 0;
    for i in 0..COUNT {
        if entry(i).0 == code {
            return CStr::from_bytes_until_nul(&all[at..]).ok();
        }
        at += text(i, field).len() + 1;
    }
    None
}

/// The description of `code` (`"the token has expired"`), or a fixed text for an unknown code.
pub(crate) fn description(code: jwtmint_result) -> &'static CStr {
    lookup(code, Field::Description).unwrap_or(c"unknown result code")
}

/// The stable name of `code` (`"expired"`), or `"unknown"`.
pub(crate) fn name(code: jwtmint_result) -> &'static CStr {
    lookup(code, Field::Name).unwrap_or(c"unknown")
}

/// A short English description of a result code (`"the token has expired"`).
///
/// Returns static, NUL-terminated text that is never NULL and never freed: for an unknown code,
/// `"unknown result code"`. The text is the same for every call and carries no detail of a
/// particular failure (no key material, no claim values).
///
/// Thread-safe; cannot fail.
#[no_mangle]
pub extern "C" fn jwtmint_result_str(code: jwtmint_result) -> *const c_char {
    guard_value(c"panic".as_ptr(), || description(code).as_ptr())
}

/// The stable snake_case name of a result code (`"expired"`, `"invalid_signature"`), the same
/// name every binding uses.
///
/// Returns static, NUL-terminated text that is never NULL and never freed: for an unknown code,
/// `"unknown"`.
///
/// Thread-safe; cannot fail.
#[no_mangle]
pub extern "C" fn jwtmint_result_name(code: jwtmint_result) -> *const c_char {
    guard_value(c"panic".as_ptr(), || name(code).as_ptr())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The one table of codes (the core's, then the C ABI's 9xx) against the constants C sees:
    /// each entry `(code, name, _)` is `JWTMINT_<NAME>` = `code` both in this crate's source
    /// and in the header, and neither has a result constant the table lacks.
    #[test]
    #[cfg_attr(miri, ignore = "reads source text, runs no unsafe code")]
    fn the_constants_are_the_code_table() {
        let table: Vec<(String, String)> = (0..COUNT)
            .map(entry)
            .map(|(code, name, _)| (format!("JWTMINT_{}", name.to_uppercase()), code.to_string()))
            .collect();
        let rust = crate::sources::rust_constants();
        let header = crate::sources::header_defines();
        for (constant, code) in &table {
            let in_rust = rust
                .iter()
                .find(|c| c.0 == constant)
                .map(|c| (c.1, c.2.as_str()));
            assert_eq!(
                in_rust,
                Some(("jwtmint_result", code.as_str())),
                "{constant}"
            );
            let in_header = header.iter().find(|d| d.0 == constant).map(|d| d.1);
            assert_eq!(in_header, Some(code.as_str()), "{constant} in the header");
        }
        // No result constant outside the table, in the source or (where every `#define` is
        // one of the source's constants, with its value) in the header.
        for (name, ty, _) in &rust {
            assert!(
                *ty != "jwtmint_result" || table.iter().any(|t| t.0 == *name),
                "{name} is not in the code table"
            );
        }
        for (name, value) in &header {
            let in_rust = rust.iter().find(|c| c.0 == *name).map(|c| c.2.as_str());
            assert_eq!(
                in_rust,
                Some(*value),
                "header's {name} is not a constant of ffi/src"
            );
        }
        assert_eq!(table.len(), CODES.len() + 3);
    }

    #[test]
    fn messages_are_the_core_tables_text() {
        for &(code, name_text, desc) in CODES {
            assert_eq!(description(code).to_str().unwrap(), desc);
            assert_eq!(name(code).to_str().unwrap(), name_text);
            assert_eq!(jwtmint_core::code_description(code), Some(desc));
        }
        assert_eq!(name(JWTMINT_PANIC), c"panic");
        assert_eq!(
            description(JWTMINT_NULL_POINTER),
            c"a required pointer argument is NULL"
        );
    }

    #[test]
    fn ffi_codes_stay_in_their_range_and_never_clash_with_the_core() {
        for &(code, name_text, _) in FFI_CODES {
            assert!((900..1000).contains(&code), "{code}");
            assert!(jwtmint_core::code_name(code).is_none(), "{code} clashes");
            assert!(
                CODES.iter().all(|c| c.1 != name_text),
                "{name_text} clashes"
            );
        }
    }

    #[test]
    fn unknown_codes_get_fixed_never_null_text() {
        for code in [1, 99, 109, 999, 903, u32::MAX] {
            assert_eq!(description(code), c"unknown result code");
            assert_eq!(name(code), c"unknown");
            assert!(!jwtmint_result_str(code).is_null());
            assert!(!jwtmint_result_name(code).is_null());
        }
    }

    #[test]
    fn exported_pointers_are_the_static_text() {
        let p = jwtmint_result_str(JWTMINT_EXPIRED);
        assert_eq!(p, description(JWTMINT_EXPIRED).as_ptr());
        assert_eq!(
            p,
            jwtmint_result_str(JWTMINT_EXPIRED),
            "stable across calls"
        );
        assert_eq!(jwtmint_result_name(JWTMINT_OK), name(JWTMINT_OK).as_ptr());
    }
}
