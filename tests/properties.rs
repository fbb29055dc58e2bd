//! Property tests: round trips, tamper detection and the codec against a reference.

mod common;

use common::b64;
use jwtmint::{zoom::ApiTokenMinter, Claims, Error, Key, Verifier};
use proptest::prelude::*;
use serde_json::{Map, Value};

const NOW: i64 = 1_700_000_000;

fn key() -> Key {
    Key::from_text("property-test-secret-0123456789abcdef").unwrap()
}

/// Arbitrary JSON values (bounded depth and size), avoiding the registered claim names at the
/// top level so that any object is a valid claims set.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (-1e15f64..1e15).prop_map(Value::from),
        ".*".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(".{0,8}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn claims() -> impl Strategy<Value = Claims> {
    const REGISTERED: [&str; 7] = ["exp", "nbf", "iat", "iss", "sub", "aud", "jti"];
    prop::collection::btree_map(".{0,12}", json_value(), 0..8).prop_map(|m| {
        let mut map: Map<String, Value> = m
            .into_iter()
            .filter(|(k, _)| !REGISTERED.contains(&k.as_str()))
            .collect();
        map.insert("exp".into(), Value::from(NOW + 3600));
        map
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_claims_round_trip(claims in claims()) {
        let token = jwtmint::mint(&key(), &claims).unwrap();
        let back = Verifier::new(key()).verify_at(&token, NOW).unwrap();
        prop_assert_eq!(back, claims);
    }

    #[test]
    fn any_single_bit_change_is_rejected(claims in claims(), pos in any::<prop::sample::Index>(), bit in 0u8..8) {
        let token = jwtmint::mint(&key(), &claims).unwrap();
        let mut bytes = token.into_bytes();
        let i = pos.index(bytes.len());
        bytes[i] ^= 1 << bit;
        prop_assert!(Verifier::new(key()).verify_at(&bytes, NOW).is_err());
    }

    #[test]
    fn any_zoom_token_round_trips(api_key in ".{1,40}", now in -1_000_000_000i64..10_000_000_000, skew in 0u64..1000, extra in 1u64..100_000) {
        let ttl = skew + extra;
        let minter = ApiTokenMinter::new(&api_key, key()).unwrap().with_skew(skew).with_ttl(ttl).unwrap();
        let token = minter.mint_at(now).unwrap();
        let claims = Verifier::zoom_api(key(), &api_key).verify_at(&token, now).unwrap();
        prop_assert_eq!(claims["iss"].as_str(), Some(api_key.as_str()));
        prop_assert_eq!(claims["iat"].as_i64(), Some(now - skew as i64));
        prop_assert_eq!(claims["exp"].as_i64(), Some(now - skew as i64 + ttl as i64));
        // The buffer path writes the same bytes.
        let mut buf = vec![0u8; minter.max_token_len()];
        let n = minter.mint_into(now, &mut buf).unwrap();
        prop_assert_eq!(&buf[..n], token.as_bytes());
    }

    #[test]
    fn codec_agrees_with_the_base64_crate(data in prop::collection::vec(any::<u8>(), 0..200)) {
        // Sign the bytes as a claim value; the payload segment must be exactly the reference
        // base64url of the payload JSON.
        let encoded_json = serde_json::to_vec(&serde_json::json!({"exp": NOW + 10, "d": data})).unwrap();
        let token = jwtmint::mint_json(&key(), &encoded_json).unwrap();
        let body = token.split('.').nth(1).unwrap();
        prop_assert_eq!(body, b64(&encoded_json));
        prop_assert_eq!(jwtmint::encoded_len(data.len()), b64(&data).len());
        let payload = Verifier::new(key()).verify_payload_at(&token, NOW).unwrap();
        prop_assert_eq!(payload, encoded_json);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = Verifier::new(key()).verify_at(&bytes, NOW);
        let _ = jwtmint::dangerous::decode_unverified(&bytes);
    }

    #[test]
    fn arbitrary_segments_never_panic_and_never_verify(h in "[A-Za-z0-9_-]{0,60}", p in "[A-Za-z0-9_-]{0,60}", s in "[A-Za-z0-9_-]{0,60}") {
        let token = format!("{h}.{p}.{s}");
        let r = Verifier::new(key()).verify_at(&token, NOW);
        prop_assert!(r.is_err());
        let code = r.unwrap_err().code();
        prop_assert!((200..500).contains(&code), "code {}", code);
    }
}

#[test]
fn mint_refuses_what_verify_would_reject() {
    for bad in [
        serde_json::json!({"exp": "tomorrow"}),
        serde_json::json!({"exp": null}),
        serde_json::json!({"aud": 5}),
    ] {
        assert!(matches!(
            jwtmint::mint(&key(), &bad),
            Err(Error::MalformedClaim { .. })
        ));
    }
}
