//! The shared vectors (computed independently by tests/vectors/generate.py) through the Rust API.

mod common;

use common::{case_key, vector_cases};
use jwtmint::{zoom::ApiTokenMinter, Verifier};

#[test]
fn zoom_api_tokens_are_byte_identical() {
    let cases = vector_cases("zoom_api.json");
    assert!(cases.len() >= 10);
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let key = case_key(&case);
        let api_key = case["api_key"].as_str().unwrap();
        let minter = ApiTokenMinter::new(api_key, key.clone())
            .unwrap()
            .with_skew(case["skew"].as_u64().unwrap())
            .with_ttl(case["ttl"].as_u64().unwrap())
            .unwrap();
        let now = case["now"].as_i64().unwrap();
        let token = minter.mint_at(now).unwrap();
        assert_eq!(token, case["token"].as_str().unwrap(), "{name}");

        let mut buf = [0u8; 512];
        let n = minter.mint_into(now, &mut buf).unwrap();
        assert_eq!(&buf[..n], token.as_bytes(), "{name}: buffer path");

        let payload = Verifier::zoom_api(key, api_key)
            .verify_payload_at(&token, now)
            .unwrap();
        assert_eq!(
            payload,
            case["payload_json"].as_str().unwrap().as_bytes(),
            "{name}"
        );
    }
}

#[test]
fn claims_tokens_are_byte_identical() {
    for case in vector_cases("claims.json") {
        let name = case["name"].as_str().unwrap();
        let key = case_key(&case);
        let payload = case["payload_json"].as_str().unwrap();
        let token = jwtmint::mint_json(&key, payload.as_bytes()).unwrap();
        assert_eq!(token, case["token"].as_str().unwrap(), "{name}");
        let verified = Verifier::new(key)
            .without_required_claims()
            .verify_payload_at(&token, 1_700_000_000)
            .unwrap();
        assert_eq!(verified, payload.as_bytes(), "{name}");
    }
}
