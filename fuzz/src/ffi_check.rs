//! The fuzz target `ffi_verify`: `jwtmint_verifier_verify` and `jwtmint_verifier_check`, the C
//! ABI's verify entry points, called as C would call them, against the core's verdict.
//!
//! Input: one mode byte, then the token. The mode picks the verifier (default or Zoom API)
//! and the output buffer (none, too small, exact, exact plus the NUL, roomy).

use std::ptr;

use jwtmint_ffi::{
    jwtmint_key, jwtmint_key_free, jwtmint_key_new, jwtmint_verifier, jwtmint_verifier_check,
    jwtmint_verifier_free, jwtmint_verifier_new, jwtmint_verifier_new_zoom_api,
    jwtmint_verifier_verify, JWTMINT_BUFFER_TOO_SMALL, JWTMINT_OK,
};

use crate::checks::{self, API_KEY, NOW, SECRET};

/// A byte the library never writes: any change of it in the output is a write.
const CANARY: u8 = 0xA5;

/// A verifier made through the C ABI as C would make it: the key from `secret`, then the
/// default verifier, or the Zoom API one of `api_key`; the key is freed at once (the verifier
/// keeps its own reference). The caller frees the verifier.
fn c_verifier(secret: &[u8], api_key: Option<&str>) -> *mut jwtmint_verifier {
    let mut key: *mut jwtmint_key = ptr::null_mut();
    let mut verifier: *mut jwtmint_verifier = ptr::null_mut();
    // SAFETY: pointers to live locals and to slices with their own lengths; the key is freed
    // once, after its last use.
    unsafe {
        assert_eq!(
            jwtmint_key_new(secret.as_ptr(), secret.len(), &mut key),
            JWTMINT_OK
        );
        let made = match api_key {
            Some(api_key) => {
                jwtmint_verifier_new_zoom_api(key, api_key.as_ptr(), api_key.len(), &mut verifier)
            }
            None => jwtmint_verifier_new(key, &mut verifier),
        };
        assert_eq!(made, JWTMINT_OK);
        jwtmint_key_free(key);
    }
    verifier
}

pub fn ffi_verify(data: &[u8]) {
    let Some((&mode, token)) = data.split_first() else {
        return;
    };
    let zoom = mode & 1 == 1;
    let core = if zoom {
        jwtmint::Verifier::zoom_api(checks::key(), API_KEY)
    } else {
        jwtmint::Verifier::new(checks::key())
    };
    let expected = core.verify_payload_at(token, NOW);

    let verifier = c_verifier(SECRET, zoom.then_some(API_KEY));
    // SAFETY: every pointer is to a live local or the verifier just made; lengths are those of
    // the slices they come with; the verifier is freed once, after its last use.
    unsafe {
        let want = expected.as_ref().map(|_| 0).unwrap_or_else(|e| e.code());
        let check = jwtmint_verifier_check(verifier, token.as_ptr(), token.len(), NOW);
        assert_eq!(check, want, "check: {expected:?}");

        let needed = expected.as_ref().map(Vec::len).unwrap_or(0);
        let cap = match (mode >> 1) % 5 {
            0 => 0,
            1 => needed.saturating_sub(1 + usize::from(mode >> 4)),
            2 => needed,
            3 => needed + 1,
            _ => needed + 64,
        };
        let mut out = vec![CANARY; cap];
        let out_ptr = if cap == 0 {
            ptr::null_mut()
        } else {
            out.as_mut_ptr()
        };
        let mut out_len = usize::MAX;
        let r = jwtmint_verifier_verify(
            verifier,
            token.as_ptr(),
            token.len(),
            NOW,
            out_ptr,
            cap,
            &mut out_len,
        );
        jwtmint_verifier_free(verifier);

        match &expected {
            Ok(payload) if cap >= payload.len() => {
                assert_eq!(r, JWTMINT_OK);
                assert_eq!(out_len, payload.len());
                assert_eq!(&out[..payload.len()], &payload[..]);
                if cap > payload.len() {
                    assert_eq!(out[payload.len()], 0, "no NUL though there was room");
                    assert!(out[payload.len() + 1..].iter().all(|&b| b == CANARY));
                }
            }
            Ok(payload) => {
                assert_eq!(r, JWTMINT_BUFFER_TOO_SMALL);
                assert_eq!(out_len, payload.len());
                assert!(
                    out.iter().all(|&b| b == CANARY),
                    "wrote into a short buffer"
                );
            }
            Err(e) => {
                assert_eq!(r, e.code(), "{e:?}");
                assert_eq!(out_len, usize::MAX, "wrote out_len on failure");
                assert!(out.iter().all(|&b| b == CANARY), "wrote output on failure");
            }
        }
    }
    checks::verify(token);
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use jwtmint_ffi::{
        jwtmint_verifier_clear_required_claims, jwtmint_verifier_require_claim,
        jwtmint_verifier_set_audience, jwtmint_verifier_set_issuer, jwtmint_verifier_set_leeway,
        jwtmint_verifier_set_max_len,
    };

    use super::*;

    /// Replays the committed `ffi_verify` corpus through the C ABI (run on stable by
    /// `scripts/suites/fuzz.sh`).
    #[test]
    fn ffi_corpus_replays() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/ffi_verify");
        let mut n = 0;
        for entry in std::fs::read_dir(dir).expect("corpus/ffi_verify") {
            let path = entry.unwrap().path();
            let data = std::fs::read(&path).unwrap();
            if std::panic::catch_unwind(|| ffi_verify(&data)).is_err() {
                panic!("{} fails the ffi_verify check", path.display());
            }
            n += 1;
        }
        assert!(n > 0, "empty corpus");
    }

    /// The adversarial corpus (`tests/corpus/*.json`, format in its README) through the C ABI:
    /// the key, the verifier and its options made and set as a C caller would.
    #[test]
    fn adversarial_corpus_through_the_c_abi() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/corpus");
        let mut failures = Vec::new();
        let mut n = 0;
        for entry in std::fs::read_dir(dir).expect("tests/corpus") {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|x| x != "json") {
                continue;
            }
            let doc: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            assert_eq!(doc["secret_encoding"], "utf8");
            let secret = doc["secret"].as_str().unwrap().as_bytes();
            for case in doc["cases"].as_array().unwrap() {
                let got = check_case(secret, case);
                let want = case["expect"].as_u64().unwrap();
                if u64::from(got) != want {
                    failures.push(format!("{}: expected {want}, got {got}", case["name"]));
                }
                n += 1;
            }
        }
        assert!(n >= 200, "only {n} cases");
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    fn check_case(secret: &[u8], case: &serde_json::Value) -> u32 {
        let token = case["token"].as_str().unwrap().as_bytes();
        let options = &case["verifier"];
        let v = c_verifier(secret, None);
        // SAFETY: pointers to live locals and slices with their own lengths; the verifier is
        // freed once.
        unsafe {
            if let Some(leeway) = options["leeway"].as_u64() {
                assert_eq!(jwtmint_verifier_set_leeway(v, leeway), JWTMINT_OK);
            }
            if let Some(max) = options["max_len"].as_u64() {
                let max = usize::try_from(max).unwrap();
                assert_eq!(jwtmint_verifier_set_max_len(v, max), JWTMINT_OK);
            }
            if let Some(iss) = options["issuer"].as_str() {
                assert_eq!(
                    jwtmint_verifier_set_issuer(v, iss.as_ptr(), iss.len()),
                    JWTMINT_OK
                );
            }
            if let Some(aud) = options["audience"].as_str() {
                let r = jwtmint_verifier_set_audience(v, aud.as_ptr(), aud.len());
                assert_eq!(r, JWTMINT_OK);
            }
            if let Some(list) = options["required"].as_array() {
                // The case's list replaces the default: clear, then add each name.
                assert_eq!(jwtmint_verifier_clear_required_claims(v), JWTMINT_OK);
                for name in list.iter().map(|n| n.as_str().unwrap()) {
                    let r = jwtmint_verifier_require_claim(v, name.as_ptr(), name.len());
                    assert_eq!(r, JWTMINT_OK);
                }
            }
            let now = case["now"].as_i64().unwrap();
            let r = jwtmint_verifier_check(v, token.as_ptr(), token.len(), now);
            jwtmint_verifier_free(v);
            r
        }
    }
}
