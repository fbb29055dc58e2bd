//! The side-by-side numbers are only fair if every library does the same job: this proves that
//! each one's token carries the workload's claims, is accepted by every other library, and
//! that each verifier rejects a forged signature and an expired token.

#[path = "../benches/peers/mod.rs"]
mod peers;

use jwtmint::{zoom::ApiTokenMinter, Verifier};
use jwtmint_bench::{
    exp, iat, key, now, signing_input, zoom_token, ApiClaims, Floor, API_KEY, SECRET,
};
use peers::{JsonWebToken, JwtCompact, JwtSimple, Peer};

fn jwtmint_verify(token: &str) -> Result<ApiClaims, String> {
    Verifier::zoom_api(key(), API_KEY)
        .verify_as_at(token, now())
        .map_err(|e| e.to_string())
}

/// Every library's token and a verifier of each.
fn tokens() -> Vec<(&'static str, String)> {
    vec![
        ("jwtmint", zoom_token()),
        (JsonWebToken::NAME, JsonWebToken::new().mint()),
        (JwtSimple::NAME, JwtSimple::new().mint()),
        (JwtCompact::NAME, JwtCompact::new().mint()),
    ]
}

type VerifyFn = Box<dyn Fn(&str) -> Result<ApiClaims, String>>;

fn verifiers() -> Vec<(&'static str, VerifyFn)> {
    let (jwt, simple, compact) = (JsonWebToken::new(), JwtSimple::new(), JwtCompact::new());
    vec![
        ("jwtmint", Box::new(jwtmint_verify)),
        (JsonWebToken::NAME, Box::new(move |t: &str| jwt.verify(t))),
        (JwtSimple::NAME, Box::new(move |t: &str| simple.verify(t))),
        (JwtCompact::NAME, Box::new(move |t: &str| compact.verify(t))),
    ]
}

#[test]
fn every_library_accepts_every_token_with_the_workload_claims() {
    let expected = ApiClaims {
        iss: API_KEY.to_owned(),
        iat: iat(),
        exp: exp(),
    };
    for (minted_by, token) in tokens() {
        for (name, verify) in verifiers() {
            assert_eq!(
                verify(&token),
                Ok(expected.clone()),
                "{name} verifying {minted_by}'s token {token}"
            );
        }
    }
}

#[test]
fn every_verifier_rejects_a_forgery_and_a_wrong_issuer() {
    let forged = {
        let mut t = zoom_token().into_bytes();
        let i = t.len() - 5;
        t[i] = if t[i] == b'A' { b'B' } else { b'A' };
        String::from_utf8(t).unwrap()
    };
    let other_issuer = ApiTokenMinter::new("someone-else", key())
        .unwrap()
        .mint_at(now())
        .unwrap();
    for (name, verify) in verifiers() {
        assert!(verify(&forged).is_err(), "{name} accepted a forgery");
        assert!(
            verify(&other_issuer).is_err(),
            "{name} accepted another issuer"
        );
    }
}

#[test]
fn every_verifier_rejects_an_expired_token() {
    // Issued two hours before the workload's time: expired an hour ago, beyond any leeway.
    let expired = ApiTokenMinter::new(API_KEY, key())
        .unwrap()
        .mint_at(now() - 7200)
        .unwrap();
    for (name, verify) in verifiers() {
        assert!(
            verify(&expired).is_err(),
            "{name} accepted an expired token"
        );
    }
}

#[test]
fn the_floor_computes_the_tokens_signature() {
    // The floor is the real HMAC of the signing input: its tag is the token's signature.
    use base64::Engine as _;
    let token = zoom_token();
    let tag = Floor::new().tag(signing_input(&token));
    let sig = token.rsplit('.').next().unwrap();
    assert_eq!(
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(tag),
        sig
    );
    assert_eq!(SECRET.len(), 36);
}
