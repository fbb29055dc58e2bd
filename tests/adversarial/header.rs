//! Checks 3 and 4 of the `Verifier`: the header, then the MAC.

use super::*;

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
    for header in [r#"["HS256"]"#, r#""HS256""#, "null"] {
        assert_eq!(code(with_header(header)), 205, "{header}");
    }
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
