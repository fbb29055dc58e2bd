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

    let mut key: *mut jwtmint_key = ptr::null_mut();
    let mut verifier: *mut jwtmint_verifier = ptr::null_mut();
    // SAFETY: every pointer is to a live local or a handle just made; lengths are those of the
    // slices they come with; the handles are freed once, at the end.
    unsafe {
        assert_eq!(
            jwtmint_key_new(SECRET.as_ptr(), SECRET.len(), &mut key),
            JWTMINT_OK
        );
        let made = if zoom {
            jwtmint_verifier_new_zoom_api(key, API_KEY.as_ptr(), API_KEY.len(), &mut verifier)
        } else {
            jwtmint_verifier_new(key, &mut verifier)
        };
        assert_eq!(made, JWTMINT_OK);
        // The key may go right away: the verifier keeps its own reference.
        jwtmint_key_free(key);

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
    /// Replays the committed `ffi_verify` corpus through the C ABI (run on stable by
    /// `cargo test --manifest-path fuzz/Cargo.toml --lib`).
    #[test]
    fn ffi_corpus_replays() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/ffi_verify");
        let mut n = 0;
        for entry in std::fs::read_dir(dir).expect("corpus/ffi_verify") {
            let path = entry.unwrap().path();
            let data = std::fs::read(&path).unwrap();
            eprintln!("{}", path.display());
            super::ffi_verify(&data);
            n += 1;
        }
        assert!(n > 0, "empty corpus");
    }
}
