//! Mutations of valid tokens are always rejected, and no input panics.
//!
//! Each property starts from a token the verifier accepts (minted by jwtmint for arbitrary
//! claims, or a Zoom API token) and changes it the way a forger or a sloppy encoder would:
//! bit flips anywhere, swapped, duplicated, truncated or extended segments, case changes,
//! whitespace, and re-encodings (padding, the standard alphabet) — the latter also correctly
//! re-signed (with the `hmac` crate), so that the encoding rule itself must reject them.
//! `tests/properties.rs` covers single bit flips of generic tokens and arbitrary bytes; this
//! file covers every other mutation.

mod common;

use common::{b64, hs256};
use jwtmint::{zoom::ApiTokenMinter, Error, Key, Verifier};
use proptest::prelude::*;
use serde_json::{json, Value};

const SECRET: &[u8] = b"mutation-test-secret-0123456789abcdef";
const NOW: i64 = 1_700_000_000;
const API_KEY: &str = "mutation-api-key";

fn key() -> Key {
    Key::new(SECRET).unwrap()
}

/// A valid token, and the verifier that accepts it at `NOW`.
#[derive(Debug, Clone)]
struct Valid {
    token: String,
    zoom: bool,
}

impl Valid {
    fn verifier(&self) -> Verifier {
        if self.zoom {
            Verifier::zoom_api(key(), API_KEY)
        } else {
            Verifier::new(key())
        }
    }

    fn segments(&self) -> Vec<String> {
        self.token.split('.').map(str::to_owned).collect()
    }
}

fn valid_token() -> impl Strategy<Value = Valid> {
    let generic = (
        prop::collection::btree_map("[a-z]{1,6}", any::<i32>(), 0..5),
        ".{0,40}",
        1i64..100_000,
    )
        .prop_map(|(extra, text, ttl)| {
            let mut claims = serde_json::Map::new();
            for (k, v) in extra {
                claims.insert(format!("x_{k}"), Value::from(v));
            }
            claims.insert("note".into(), Value::from(text));
            claims.insert("exp".into(), json!(NOW + ttl));
            let token = jwtmint::mint(&key(), &claims).unwrap();
            Valid { token, zoom: false }
        });
    let zoom = (-3000i64..=0).prop_map(|offset| {
        let minter = ApiTokenMinter::new(API_KEY, key()).unwrap();
        Valid {
            token: minter.mint_at(NOW + offset).unwrap(),
            zoom: true,
        }
    });
    prop_oneof![generic, zoom]
}

fn code(v: &Verifier, token: &[u8]) -> u32 {
    let a = v
        .verify_at(token, NOW)
        .map(|_| 0)
        .unwrap_or_else(|e| e.code());
    let b = v
        .verify_payload_at(token, NOW)
        .map(|_| 0)
        .unwrap_or_else(|e| e.code());
    let c = v
        .verify_as_at::<Value>(token, NOW)
        .map(|_| 0)
        .unwrap_or_else(|e| e.code());
    assert_eq!(a, b, "verify_at and verify_payload_at disagree");
    assert_eq!(a, c, "verify_at and verify_as_at disagree");
    // The unverified decoder must not panic on it either.
    let _ = jwtmint::dangerous::decode_unverified(token);
    a
}

/// Rejected before any claim is looked at (a forger cannot reach the claims checks).
fn assert_rejected_structurally(v: &Verifier, token: &[u8]) -> Result<(), TestCaseError> {
    let c = code(v, token);
    prop_assert!(
        (200..=400).contains(&c),
        "mutated token got {} ({:?})",
        c,
        String::from_utf8_lossy(token)
    );
    Ok(())
}

/// Re-signs header and payload segment texts as given, with the `hmac` crate.
fn resign(head: &str, body: &str) -> String {
    let input = format!("{head}.{body}");
    let sig = hs256(SECRET, input.as_bytes());
    format!("{input}.{sig}")
}

fn padded(segment: &str) -> String {
    let mut s = segment.to_owned();
    while !s.len().is_multiple_of(4) {
        s.push('=');
    }
    s
}

fn standard_alphabet(segment: &str) -> String {
    segment.replace('-', "+").replace('_', "/")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn baseline_is_accepted(t in valid_token()) {
        prop_assert_eq!(code(&t.verifier(), t.token.as_bytes()), 0);
    }

    #[test]
    fn bit_flips_anywhere_are_rejected(
        t in valid_token(),
        flips in prop::collection::vec((any::<prop::sample::Index>(), 0u8..8), 1..4),
    ) {
        let mut bytes = t.token.clone().into_bytes();
        for (i, bit) in flips {
            let i = i.index(bytes.len());
            bytes[i] ^= 1 << bit;
        }
        prop_assume!(bytes != t.token.as_bytes());
        assert_rejected_structurally(&t.verifier(), &bytes)?;
    }

    #[test]
    fn segment_swaps_and_duplicates_are_rejected(t in valid_token(), which in 0usize..10) {
        let s = t.segments();
        let (h, p, g) = (&s[0], &s[1], &s[2]);
        let mutated = match which {
            0 => format!("{p}.{h}.{g}"),
            1 => format!("{h}.{g}.{p}"),
            2 => format!("{g}.{p}.{h}"),
            3 => format!("{h}.{h}.{g}"),
            4 => format!("{h}.{p}.{p}"),
            5 => format!("{h}.{p}.{p}.{g}"),
            6 => format!("{h}.{h}.{p}.{g}"),
            7 => format!("{h}.{p}.{g}.{g}"),
            8 => format!("{}.{}", t.token, t.token),
            _ => format!("{h}.{p}{p}.{g}"),
        };
        assert_rejected_structurally(&t.verifier(), mutated.as_bytes())?;
    }

    #[test]
    fn truncations_are_rejected(t in valid_token(), cut in any::<prop::sample::Index>()) {
        let n = cut.index(t.token.len());
        assert_rejected_structurally(&t.verifier(), &t.token.as_bytes()[..n])?;
    }

    #[test]
    fn extensions_are_rejected(
        t in valid_token(),
        tail in prop::collection::vec(any::<u8>(), 1..20),
        at_front in any::<bool>(),
    ) {
        let mut bytes = Vec::new();
        if at_front {
            bytes.extend_from_slice(&tail);
            bytes.extend_from_slice(t.token.as_bytes());
        } else {
            bytes.extend_from_slice(t.token.as_bytes());
            bytes.extend_from_slice(&tail);
        }
        assert_rejected_structurally(&t.verifier(), &bytes)?;
    }

    #[test]
    fn insertions_and_deletions_are_rejected(
        t in valid_token(),
        at in any::<prop::sample::Index>(),
        ch in prop::sample::select(vec![' ', '\n', '\t', '\r', '=', '+', '/', '-', '_', 'A', '.', '\\', '\0']),
        delete in any::<bool>(),
    ) {
        let mut s: Vec<char> = t.token.chars().collect();
        let i = at.index(s.len());
        if delete {
            s.remove(i);
        } else {
            s.insert(i, ch);
        }
        let mutated: String = s.into_iter().collect();
        assert_rejected_structurally(&t.verifier(), mutated.as_bytes())?;
    }

    #[test]
    fn case_changes_are_rejected(t in valid_token(), at in any::<prop::sample::Index>(), whole in 0u8..3) {
        let mutated = match whole {
            0 => t.token.to_uppercase(),
            1 => t.token.to_lowercase(),
            _ => {
                // Swap the case of the first letter at or after a random position.
                let mut b = t.token.clone().into_bytes();
                let start = at.index(b.len());
                let Some(i) = (start..b.len()).chain(0..start).find(|&i| b[i].is_ascii_alphabetic()) else {
                    return Ok(());
                };
                b[i] ^= 0x20;
                String::from_utf8(b).unwrap()
            }
        };
        prop_assume!(mutated != t.token);
        assert_rejected_structurally(&t.verifier(), mutated.as_bytes())?;
    }

    #[test]
    fn reencodings_are_rejected_even_when_resigned(t in valid_token(), segment in 0usize..3, std in any::<bool>()) {
        let s = t.segments();
        let reencode = |x: &str| if std { standard_alphabet(x) } else { padded(x) };
        let mut parts = s.clone();
        parts[segment] = reencode(&s[segment]);
        prop_assume!(parts[segment] != s[segment]);
        let v = t.verifier();
        // As is: the MAC or the encoding rejects it.
        assert_rejected_structurally(&v, parts.join(".").as_bytes())?;
        // Correctly re-signed over the re-encoded text: only the encoding rule is left.
        if segment < 2 {
            let token = resign(&parts[0], &parts[1]);
            prop_assert_eq!(code(&v, token.as_bytes()), 203, "{}", token);
        }
    }

    #[test]
    fn resigning_with_another_key_is_rejected(t in valid_token(), other in prop::collection::vec(any::<u8>(), 0..80)) {
        prop_assume!(other != SECRET);
        let s = t.segments();
        let input = format!("{}.{}", s[0], s[1]);
        let token = format!("{input}.{}", hs256(&other, input.as_bytes()));
        // Keys equal after HMAC's zero padding are the same key (see SECURITY.md).
        let mut padded_other = other.clone();
        padded_other.resize(64.max(other.len()), 0);
        let mut padded_secret = SECRET.to_vec();
        padded_secret.resize(64, 0);
        prop_assume!(other.len() > 64 || padded_other != padded_secret);
        prop_assert_eq!(code(&t.verifier(), token.as_bytes()), 400);
    }

    #[test]
    fn claims_edits_resigned_under_the_right_key_are_judged_by_the_rules(t in valid_token(), exp in any::<i64>()) {
        // The control: a payload edit that is correctly signed is accepted or rejected by the
        // claims rules alone (so the rejections above are not an artefact of the harness).
        let payload = json!({"iss": API_KEY, "iat": NOW - 30, "exp": exp}).to_string();
        let token = resign(&t.segments()[0], &b64(payload.as_bytes()));
        let c = code(&t.verifier(), token.as_bytes());
        let expired = i128::from(NOW) >= i128::from(exp) + 60;
        prop_assert_eq!(c, if expired { 500 } else { 0 });
    }
}

#[test]
fn errors_of_mutations_are_specific() {
    // Spot checks that the structural rejections above carry the right error.
    let t = Valid {
        token: ApiTokenMinter::new(API_KEY, key())
            .unwrap()
            .mint_at(NOW)
            .unwrap(),
        zoom: true,
    };
    let v = t.verifier();
    let s = t.segments();
    assert!(matches!(
        v.verify_at(format!("{}.{}", s[0], s[1]), NOW),
        Err(Error::SegmentCount { found: 2 })
    ));
    assert_eq!(
        v.verify_at(format!("{}.{}.{}", s[0], s[1], s[1]), NOW),
        Err(Error::InvalidSignature)
    );
    assert!(matches!(
        v.verify_at(format!("{}\n", t.token), NOW),
        Err(Error::InvalidBase64 { .. })
    ));
}
