//! One named test per attack or rule of the checks the `Verifier` documents (its numbered
//! list, in src/verify.rs; SECURITY.md describes the threat model), RFC 7515/7519/8725.
//! Checks 1 and 2 (length, segments and base64url) are here, 3 and 4 (header, signature) in
//! `header.rs`, 5 and 6 (payload, claims) in `claims.rs`.
//!
//! Every hostile token here is correctly signed with the verifier's own key unless the attack
//! is on the signature itself, so each test proves the rule, not the MAC, rejects it.

mod claims;
#[path = "../common/mod.rs"]
mod common;
mod header;

use common::{b64, forge, hs256};
use jwtmint::{Error, Key, Segment, Verifier};

const SECRET: &[u8] = b"adversarial-test-secret-0123456789abcdef";
const NOW: i64 = 1_700_000_000;
const STD_HEADER: &[u8] = br#"{"alg":"HS256","typ":"JWT"}"#;

fn verifier() -> Verifier {
    Verifier::new(Key::new(SECRET).unwrap())
}

fn good_payload() -> String {
    format!(r#"{{"iss":"k","iat":{},"exp":{}}}"#, NOW - 30, NOW + 3600)
}

fn good_token() -> String {
    forge(SECRET, STD_HEADER, good_payload().as_bytes())
}

fn check(token: &str) -> Result<jwtmint::Claims, Error> {
    verifier().verify_at(token, NOW)
}

fn with_payload(payload: &str) -> Result<jwtmint::Claims, Error> {
    check(&forge(SECRET, STD_HEADER, payload.as_bytes()))
}

fn with_header(header: &str) -> Result<jwtmint::Claims, Error> {
    check(&forge(SECRET, header.as_bytes(), good_payload().as_bytes()))
}

/// A token whose payload segment is `body` as given (not encoded), correctly signed.
fn with_body_text(body: &str) -> String {
    let input = format!("{}.{body}", b64(STD_HEADER));
    format!("{input}.{}", hs256(SECRET, input.as_bytes()))
}

fn assert_base64_refused(token: &str, segment: Segment) {
    assert_eq!(
        check(token).unwrap_err(),
        Error::InvalidBase64 { segment },
        "{token}"
    );
}

fn code(r: Result<jwtmint::Claims, Error>) -> u32 {
    r.map(|_| 0).unwrap_or_else(|e| e.code())
}

#[test]
fn baseline_token_is_accepted() {
    assert!(check(&good_token()).is_ok());
}

// ---- 1. length ---------------------------------------------------------------------------

#[test]
fn over_length_token_is_rejected_before_decoding() {
    // Not even base64: the length check must come first.
    let junk = "!".repeat(jwtmint::DEFAULT_MAX_LEN + 1);
    assert_eq!(
        check(&junk).unwrap_err(),
        Error::TooLong {
            len: jwtmint::DEFAULT_MAX_LEN + 1,
            max: jwtmint::DEFAULT_MAX_LEN
        }
    );
}

#[test]
fn length_limit_is_configurable() {
    let token = good_token();
    let v = verifier().with_max_len(token.len() - 1);
    assert!(matches!(
        v.verify_at(&token, NOW),
        Err(Error::TooLong { .. })
    ));
    assert!(verifier()
        .with_max_len(token.len())
        .verify_at(&token, NOW)
        .is_ok());
}

// ---- 2. segments and base64url -----------------------------------------------------------

#[test]
fn two_segments_are_rejected() {
    let t = good_token();
    let two = &t[..t.rfind('.').unwrap()];
    assert_eq!(check(two).unwrap_err(), Error::SegmentCount { found: 2 });
}

#[test]
fn four_segments_are_rejected() {
    assert_eq!(
        check(&format!("{}.x", good_token())).unwrap_err(),
        Error::SegmentCount { found: 4 }
    );
}

#[test]
fn json_serialization_form_is_rejected() {
    let json = format!(
        r#"{{"payload":"{}","signatures":[]}}"#,
        b64(good_payload().as_bytes())
    );
    assert_eq!(code(check(&json)), 201);
}

#[test]
fn empty_signature_is_rejected() {
    // The classic "alg none" shape: header.payload.
    let t = good_token();
    let unsigned = &t[..=t.rfind('.').unwrap()];
    assert_eq!(
        check(unsigned).unwrap_err(),
        Error::EmptySegment {
            segment: Segment::Signature
        }
    );
}

#[test]
fn empty_header_and_payload_are_rejected() {
    let t = good_token();
    let parts: Vec<&str> = t.split('.').collect();
    assert_eq!(code(check(&format!(".{}.{}", parts[1], parts[2]))), 202);
    assert_eq!(code(check(&format!("{}..{}", parts[0], parts[2]))), 202);
}

#[test]
fn padded_base64_is_rejected() {
    // A payload whose base64url needs padding, re-signed with padding included.
    let payload = format!(r#"{{"exp":{},"p":12}}"#, NOW + 60);
    let mut body = b64(payload.as_bytes());
    assert_ne!(
        body.len() % 4,
        0,
        "test needs a payload that would be padded"
    );
    while !body.len().is_multiple_of(4) {
        body.push('=');
    }
    assert_base64_refused(&with_body_text(&body), Segment::Payload);
}

#[test]
fn padded_signature_is_rejected() {
    assert_base64_refused(&format!("{}=", good_token()), Segment::Signature);
}

#[test]
fn standard_alphabet_is_rejected() {
    // Find a payload whose base64url contains '-' or '_' and present it in standard base64.
    for pad in 0..64 {
        let payload = format!(r#"{{"exp":{},"p":"{}"}}"#, NOW + 60, "?".repeat(pad));
        let url = b64(payload.as_bytes());
        if url.contains(['-', '_']) {
            let std = url.replace('-', "+").replace('_', "/");
            assert_base64_refused(&with_body_text(&std), Segment::Payload);
            return;
        }
    }
    panic!("no payload with url-safe characters found");
}

#[test]
fn whitespace_anywhere_is_rejected() {
    let t = good_token();
    let dot = t.find('.').unwrap();
    for bad in [
        format!(" {t}"),
        format!("{t}\n"),
        format!("{}\n{}", &t[..dot], &t[dot..]),
        format!("{} {}", &t[..10], &t[10..]),
    ] {
        assert!(check(&bad).is_err(), "{bad:?}");
    }
}

#[test]
fn non_canonical_trailing_bits_are_rejected() {
    // A 43-character signature carries 2 unused bits in its last character; setting one keeps
    // the decoded bytes equal but makes a second spelling of the same token.
    let t = good_token();
    let last = t.chars().last().unwrap();
    const ALPHABET: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let idx = ALPHABET.find(last).unwrap();
    assert_eq!(idx & 0b11, 0, "canonical encoding has zero trailing bits");
    let twin = ALPHABET.as_bytes()[idx | 1] as char;
    let bad = format!("{}{}", &t[..t.len() - 1], twin);
    assert_eq!(
        check(&bad).unwrap_err(),
        Error::InvalidBase64 {
            segment: Segment::Signature
        }
    );
}

#[test]
fn non_ascii_bytes_are_rejected() {
    let mut bytes = good_token().into_bytes();
    bytes[5] = 0xc3;
    assert!(verifier().verify_at(&bytes, NOW).is_err());
    let mut nul = good_token().into_bytes();
    nul[5] = 0;
    assert!(verifier().verify_at(&nul, NOW).is_err());
}
