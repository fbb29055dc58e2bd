//! One named test per attack or rule of GUIDE section 3 (RFC 7515/7519/8725).
//!
//! Every hostile token here is correctly signed with the verifier's own key unless the attack
//! is on the signature itself, so each test proves the rule, not the MAC, rejects it.

mod common;

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
    let input = format!("{}.{}", b64(STD_HEADER), body);
    let token = format!("{input}.{}", hs256(SECRET, input.as_bytes()));
    assert_eq!(
        check(&token).unwrap_err(),
        Error::InvalidBase64 {
            segment: Segment::Payload
        }
    );
}

#[test]
fn padded_signature_is_rejected() {
    let token = format!("{}=", good_token());
    assert_eq!(
        check(&token).unwrap_err(),
        Error::InvalidBase64 {
            segment: Segment::Signature
        }
    );
}

#[test]
fn standard_alphabet_is_rejected() {
    // Find a payload whose base64url contains '-' or '_' and present it in standard base64.
    for pad in 0..64 {
        let payload = format!(r#"{{"exp":{},"p":"{}"}}"#, NOW + 60, "?".repeat(pad));
        let url = b64(payload.as_bytes());
        if url.contains(['-', '_']) {
            let std = url.replace('-', "+").replace('_', "/");
            let input = format!("{}.{}", b64(STD_HEADER), std);
            let token = format!("{input}.{}", hs256(SECRET, input.as_bytes()));
            assert_eq!(
                check(&token).unwrap_err(),
                Error::InvalidBase64 {
                    segment: Segment::Payload
                }
            );
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

// ---- 3. header -----------------------------------------------------------------------------

#[test]
fn alg_none_is_rejected() {
    assert_eq!(code(with_header(r#"{"alg":"none","typ":"JWT"}"#)), 301);
    assert_eq!(code(with_header(r#"{"alg":"None"}"#)), 301);
    assert_eq!(code(with_header(r#"{"alg":"NONE"}"#)), 301);
}

#[test]
fn alg_missing_is_rejected() {
    assert_eq!(
        with_header(r#"{"typ":"JWT"}"#).unwrap_err(),
        Error::MissingAlgorithm
    );
}

#[test]
fn other_hmac_algorithms_are_rejected_even_when_signed() {
    // The key decides the algorithm: an HS512 header is refused although the MAC is HS256.
    assert_eq!(code(with_header(r#"{"alg":"HS512"}"#)), 301);
    assert_eq!(code(with_header(r#"{"alg":"HS384"}"#)), 301);
}

#[test]
fn asymmetric_algorithm_key_confusion_is_rejected() {
    // RS256/ES256 with the HMAC secret (the public-key-as-HMAC-secret attack) never reaches
    // a MAC check.
    assert_eq!(code(with_header(r#"{"alg":"RS256"}"#)), 301);
    assert_eq!(code(with_header(r#"{"alg":"ES256"}"#)), 301);
}

#[test]
fn alg_case_and_whitespace_variants_are_rejected() {
    assert_eq!(code(with_header(r#"{"alg":"hs256"}"#)), 301);
    assert_eq!(code(with_header(r#"{"alg":" HS256"}"#)), 301);
    assert_eq!(code(with_header(r#"{"alg":"HS256\u0000"}"#)), 301);
}

#[test]
fn alg_of_wrong_type_is_rejected() {
    assert_eq!(code(with_header(r#"{"alg":["HS256"]}"#)), 301);
    assert_eq!(code(with_header(r#"{"alg":null}"#)), 301);
    assert_eq!(code(with_header(r#"{"alg":256}"#)), 301);
}

#[test]
fn duplicate_alg_is_rejected() {
    // Parsers disagreeing on which duplicate wins is an attack surface.
    assert_eq!(code(with_header(r#"{"alg":"none","alg":"HS256"}"#)), 301);
    assert_eq!(code(with_header(r#"{"alg":"HS256","alg":"none"}"#)), 206);
    assert_eq!(code(with_header(r#"{"alg":"HS256","alg":"HS256"}"#)), 206);
}

#[test]
fn crit_is_rejected() {
    assert_eq!(
        with_header(r#"{"alg":"HS256","crit":["b64"],"b64":false}"#).unwrap_err(),
        Error::CriticalHeader
    );
    assert_eq!(
        with_header(r#"{"alg":"HS256","crit":[]}"#).unwrap_err(),
        Error::CriticalHeader
    );
}

#[test]
fn nested_jwt_cty_is_rejected() {
    assert_eq!(
        with_header(r#"{"alg":"HS256","cty":"JWT"}"#).unwrap_err(),
        Error::UnsupportedHeader { name: "cty" }
    );
}

#[test]
fn unencoded_payload_b64_is_rejected() {
    assert_eq!(
        with_header(r#"{"alg":"HS256","b64":false}"#).unwrap_err(),
        Error::UnsupportedHeader { name: "b64" }
    );
}

#[test]
fn wrong_typ_is_rejected() {
    assert_eq!(code(with_header(r#"{"alg":"HS256","typ":"at+jwt"}"#)), 302);
    assert_eq!(code(with_header(r#"{"alg":"HS256","typ":"JWE"}"#)), 302);
    assert_eq!(code(with_header(r#"{"alg":"HS256","typ":null}"#)), 302);
}

#[test]
fn typ_jwt_in_any_case_is_accepted() {
    assert!(with_header(r#"{"alg":"HS256","typ":"jwt"}"#).is_ok());
    assert!(with_header(r#"{"alg":"HS256","typ":"application/jwt"}"#).is_ok());
    assert!(with_header(r#"{"alg":"HS256"}"#).is_ok());
}

#[test]
fn header_that_is_not_an_object_is_rejected() {
    assert_eq!(code(with_header(r#"["HS256"]"#)), 205);
    assert_eq!(code(with_header(r#""HS256""#)), 205);
    assert_eq!(code(with_header("null")), 205);
}

#[test]
fn header_that_is_not_json_is_rejected() {
    assert_eq!(code(with_header(r#"{"alg":"HS256""#)), 204);
    assert_eq!(code(with_header(r#"{alg:"HS256"}"#)), 204);
    assert_eq!(code(with_header(r#"{"alg":"HS256"} "#)), 0); // trailing whitespace is JSON
    assert_eq!(code(with_header(r#"{"alg":"HS256"}x"#)), 204);
}

#[test]
fn header_that_is_not_utf8_is_rejected() {
    let token = forge(
        SECRET,
        b"{\"alg\":\"HS256\",\"x\":\"\xff\"}",
        good_payload().as_bytes(),
    );
    assert_eq!(code(check(&token)), 204);
}

#[test]
fn header_with_jwk_or_jku_cannot_choose_the_key() {
    // An embedded key is ignored; the MAC is still checked under the verifier's key.
    let header =
        br#"{"alg":"HS256","jwk":{"kty":"oct","k":"YXR0YWNrZXI"},"jku":"https://evil.example"}"#;
    let forged = forge(b"attacker", header, good_payload().as_bytes());
    assert_eq!(check(&forged).unwrap_err(), Error::InvalidSignature);
}

// ---- 4. signature ------------------------------------------------------------------------

#[test]
fn wrong_key_is_rejected() {
    let token = forge(
        b"another-secret-of-enough-length-0123456789",
        STD_HEADER,
        good_payload().as_bytes(),
    );
    assert_eq!(check(&token).unwrap_err(), Error::InvalidSignature);
}

#[test]
fn every_bit_flip_of_the_signature_is_rejected() {
    let token = good_token();
    let dot = token.rfind('.').unwrap();
    let sig = &token[dot + 1..];
    let raw = {
        use base64::Engine as _;
        base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(sig)
            .unwrap()
    };
    for i in 0..raw.len() * 8 {
        let mut flipped = raw.clone();
        flipped[i / 8] ^= 1 << (i % 8);
        let bad = format!("{}.{}", &token[..dot], b64(&flipped));
        assert_eq!(check(&bad).unwrap_err(), Error::InvalidSignature, "bit {i}");
    }
}

#[test]
fn truncated_signature_is_rejected() {
    let t = good_token();
    assert_eq!(
        check(&t[..t.len() - 1]).unwrap_err(),
        Error::InvalidSignature
    );
    assert_eq!(
        check(&t[..t.len() - 4]).unwrap_err(),
        Error::InvalidSignature
    );
}

#[test]
fn signature_of_another_token_is_rejected() {
    let a = good_token();
    let b = forge(SECRET, STD_HEADER, br#"{"exp":9999999999,"admin":true}"#);
    let spliced = format!(
        "{}.{}",
        &b[..b.rfind('.').unwrap()],
        &a[a.rfind('.').unwrap() + 1..]
    );
    assert_eq!(check(&spliced).unwrap_err(), Error::InvalidSignature);
}

#[test]
fn mac_is_checked_before_the_payload_is_interpreted() {
    // Garbage payload under a bad MAC reports the MAC, proving no payload parsing happened.
    let input = format!("{}.{}", b64(STD_HEADER), b64(b"this is not json"));
    let token = format!("{input}.{}", b64(&[0u8; 32]));
    assert_eq!(check(&token).unwrap_err(), Error::InvalidSignature);
    let bad_b64 = format!("{}.!!!!.{}", b64(STD_HEADER), b64(&[0u8; 32]));
    assert_eq!(check(&bad_b64).unwrap_err(), Error::InvalidSignature);
}

// ---- 5. payload --------------------------------------------------------------------------

#[test]
fn payload_that_is_not_an_object_is_rejected() {
    for p in ["[]", "1", "\"claims\"", "null", "true"] {
        assert_eq!(
            with_payload(p).unwrap_err(),
            Error::NotAnObject {
                segment: Segment::Payload
            },
            "{p}"
        );
    }
}

#[test]
fn payload_that_is_not_json_is_rejected() {
    assert_eq!(code(with_payload(r#"{"exp":1"#)), 204);
    assert_eq!(code(with_payload(r#"{"exp":1}{}"#)), 204);
    assert_eq!(code(with_payload("{\"exp\":NaN}")), 204);
}

#[test]
fn duplicate_claim_is_rejected() {
    let p = format!(r#"{{"exp":{},"exp":{}}}"#, NOW - 100, NOW + 100);
    assert!(matches!(with_payload(&p), Err(Error::DuplicateMember { name, .. }) if name == "exp"));
}

#[test]
fn duplicate_claim_via_escape_is_rejected() {
    let p = format!(r#"{{"exp":{},"\u0065xp":{}}}"#, NOW - 100, NOW + 100);
    assert_eq!(code(with_payload(&p)), 206);
}

#[test]
fn nested_duplicate_is_rejected() {
    let p = format!(
        r#"{{"exp":{},"ctx":{{"role":"user","role":"admin"}}}}"#,
        NOW + 100
    );
    assert_eq!(code(with_payload(&p)), 206);
}

#[test]
fn exp_as_string_is_malformed_not_absent() {
    assert_eq!(
        with_payload(r#"{"exp":"1700003600"}"#).unwrap_err(),
        Error::MalformedClaim {
            claim: "exp",
            expected: "a NumericDate (a JSON number of seconds within the range of i64)"
        }
    );
}

#[test]
fn exp_null_true_array_object_are_malformed() {
    for v in ["null", "true", "false", "[1]", "{}"] {
        assert_eq!(code(with_payload(&format!(r#"{{"exp":{v}}}"#))), 504, "{v}");
    }
}

#[test]
fn exp_out_of_range_is_malformed() {
    assert_eq!(code(with_payload(r#"{"exp":1e400}"#)), 204); // not a finite JSON number
    assert_eq!(code(with_payload(r#"{"exp":1e300}"#)), 504);
    assert_eq!(code(with_payload(r#"{"exp":18446744073709551616}"#)), 504);
    assert_eq!(code(with_payload(r#"{"exp":9223372036854775808}"#)), 504);
}

#[test]
fn malformed_nbf_and_iat_are_rejected_even_when_not_required() {
    let exp = NOW + 100;
    assert_eq!(
        code(with_payload(&format!(r#"{{"exp":{exp},"nbf":"0"}}"#))),
        504
    );
    assert_eq!(
        code(with_payload(&format!(r#"{{"exp":{exp},"iat":null}}"#))),
        504
    );
}

#[test]
fn malformed_string_claims_are_rejected() {
    let exp = NOW + 100;
    for (claim, v) in [("iss", "1"), ("sub", "{}"), ("jti", "null"), ("aud", "7")] {
        assert_eq!(
            code(with_payload(&format!(r#"{{"exp":{exp},"{claim}":{v}}}"#))),
            504,
            "{claim}"
        );
    }
}

#[test]
fn deeply_nested_payload_is_rejected_without_stack_overflow() {
    let depth = 5000;
    let p = format!(
        r#"{{"exp":{},"x":{}{}}}"#,
        NOW + 100,
        "[".repeat(depth),
        "]".repeat(depth)
    );
    let token = forge(SECRET, STD_HEADER, p.as_bytes());
    let v = verifier().with_max_len(1 << 20);
    assert_eq!(v.verify_at(&token, NOW).map_err(|e| e.code()), Err(204));
}

// ---- 6. claims against time and configuration ----------------------------------------------

#[test]
fn missing_exp_is_rejected_by_default() {
    assert_eq!(
        with_payload(r#"{"iss":"k"}"#).unwrap_err(),
        Error::MissingClaim {
            claim: "exp".into()
        }
    );
}

#[test]
fn expired_token_is_rejected_at_exp_plus_leeway() {
    let exp = NOW - 60;
    let token = forge(SECRET, STD_HEADER, format!(r#"{{"exp":{exp}}}"#).as_bytes());
    // now >= exp + leeway (60): rejected exactly at the boundary.
    assert_eq!(check(&token).unwrap_err(), Error::Expired { exp, now: NOW });
    assert!(verifier().verify_at(&token, NOW - 1).is_ok());
    assert!(verifier().with_leeway(0).verify_at(&token, exp - 1).is_ok());
    assert!(verifier().with_leeway(0).verify_at(&token, exp).is_err());
}

#[test]
fn future_nbf_is_rejected_beyond_leeway() {
    let nbf = NOW + 61;
    let p = format!(r#"{{"exp":{},"nbf":{nbf}}}"#, NOW + 3600);
    assert_eq!(
        with_payload(&p).unwrap_err(),
        Error::NotYetValid { nbf, now: NOW }
    );
    let p = format!(r#"{{"exp":{},"nbf":{}}}"#, NOW + 3600, NOW + 60);
    assert!(with_payload(&p).is_ok());
}

#[test]
fn future_iat_is_rejected_beyond_leeway() {
    let iat = NOW + 61;
    let p = format!(r#"{{"exp":{},"iat":{iat}}}"#, NOW + 3600);
    assert_eq!(
        with_payload(&p).unwrap_err(),
        Error::IssuedInFuture { iat, now: NOW }
    );
    let p = format!(r#"{{"exp":{},"iat":{}}}"#, NOW + 3600, NOW + 60);
    assert!(with_payload(&p).is_ok());
}

#[test]
fn huge_leeway_does_not_overflow() {
    let token = forge(
        SECRET,
        STD_HEADER,
        format!(r#"{{"exp":{}}}"#, i64::MAX).as_bytes(),
    );
    assert!(verifier()
        .with_leeway(u64::MAX)
        .verify_at(&token, i64::MAX)
        .is_ok());
    let token = forge(
        SECRET,
        STD_HEADER,
        format!(r#"{{"exp":{}}}"#, i64::MIN).as_bytes(),
    );
    assert_eq!(code(verifier().verify_at(&token, i64::MAX)), 500);
}

#[test]
fn required_claims_are_configurable() {
    let token = good_token();
    let v = verifier()
        .with_required_claims(["iss", "iat", "exp", "sub"])
        .unwrap();
    assert_eq!(
        v.verify_at(&token, NOW).unwrap_err(),
        Error::MissingClaim {
            claim: "sub".into()
        }
    );
    let none = forge(SECRET, STD_HEADER, br#"{"hello":"world"}"#);
    let v = verifier().without_required_claims();
    assert!(v.verify_at(&none, NOW).is_ok());
}

#[test]
fn wrong_issuer_is_rejected() {
    let v = verifier().with_issuer("expected");
    assert_eq!(
        v.verify_at(good_token(), NOW).unwrap_err(),
        Error::IssuerMismatch {
            expected: "expected".into(),
            found: "k".into()
        }
    );
    let no_iss = forge(
        SECRET,
        STD_HEADER,
        format!(r#"{{"exp":{}}}"#, NOW + 10).as_bytes(),
    );
    assert_eq!(
        v.verify_at(&no_iss, NOW).unwrap_err(),
        Error::MissingClaim {
            claim: "iss".into()
        }
    );
}

#[test]
fn issuer_fast_path_agrees_with_the_generic_path() {
    // The verifier caches the MAC state of its issuer's token prefix; tokens of that issuer
    // in another member order, and tampered ones, must be judged the same.
    let v = verifier().with_issuer("k");
    let reordered = forge(
        SECRET,
        STD_HEADER,
        format!(r#"{{"exp":{},"iss":"k"}}"#, NOW + 10).as_bytes(),
    );
    assert!(v.verify_at(&reordered, NOW).is_ok());
    assert!(v.verify_at(good_token(), NOW).is_ok());
    let forged = forge(
        b"wrong-secret-of-sufficient-length-0123456",
        STD_HEADER,
        good_payload().as_bytes(),
    );
    assert_eq!(
        v.verify_at(&forged, NOW).unwrap_err(),
        Error::InvalidSignature
    );
}

#[test]
fn unexpected_audience_is_rejected() {
    // RFC 7519 4.1.3: a token with "aud" must be rejected by a principal not named in it.
    let p = format!(r#"{{"exp":{},"aud":"other-service"}}"#, NOW + 10);
    assert_eq!(with_payload(&p).unwrap_err(), Error::AudienceMismatch);
    let v = verifier().with_audience("me");
    let token = forge(SECRET, STD_HEADER, p.as_bytes());
    assert_eq!(
        v.verify_at(&token, NOW).unwrap_err(),
        Error::AudienceMismatch
    );
    let ok = forge(
        SECRET,
        STD_HEADER,
        format!(r#"{{"exp":{},"aud":["x","me"]}}"#, NOW + 10).as_bytes(),
    );
    assert!(v.verify_at(&ok, NOW).is_ok());
    assert_eq!(
        v.verify_at(good_token(), NOW).unwrap_err(),
        Error::MissingClaim {
            claim: "aud".into()
        }
    );
}

#[test]
fn claims_type_mismatch_is_reported() {
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Wants {
        admin: bool,
    }
    let err = verifier()
        .verify_as_at::<Wants>(&good_token(), NOW)
        .unwrap_err();
    assert_eq!(err.code(), 507);
}

#[test]
fn errors_never_contain_the_secret() {
    let secret = "a-very-recognisable-secret-value-0123456789";
    let key = Key::from_text(secret).unwrap();
    let v = Verifier::new(key.clone());
    let token = jwtmint::mint(&key, &serde_json::json!({"exp": NOW - 1000})).unwrap();
    let sig = &token[token.rfind('.').unwrap() + 1..];
    for t in [
        token.clone(),
        format!("{}x", &token[..token.len() - 1]),
        "a.b.c".into(),
    ] {
        let err = v.verify_at(&t, NOW).unwrap_err();
        for text in [err.to_string(), format!("{err:?}")] {
            assert!(!text.contains(secret), "{text}");
            assert!(!text.contains(sig), "{text}");
        }
    }
    assert!(!format!("{v:?}").contains(secret));
}
