//! Resource bounds: what a hostile token can make the verifier spend.
//!
//! - A token over the length limit is refused before anything is decoded: with no heap
//!   allocation at all (counted per thread, so the assertion is deterministic)
//!   and with an error that could only come from the length check, whatever its length.
//! - Deeply nested JSON is refused by a depth limit, not by exhausting the stack: also on a
//!   thread with a small stack, and through the unverified decoder.

mod common;

use std::time::{Duration, Instant};

use common::forge;
use jwtmint::{dangerous, Error, Key, Verifier, DEFAULT_MAX_LEN};

/// Runs `f`, counting the heap allocations this thread makes meanwhile (through the
/// `allocation-counter` crate, which keeps a `GlobalAlloc` impl out of this repository).
fn allocations<T>(f: impl FnOnce() -> T) -> (T, u64) {
    let mut out = None;
    let info = allocation_counter::measure(|| out = Some(f()));
    (out.expect("the closure ran"), info.count_total)
}

const SECRET: &[u8] = b"resource-bounds-secret-0123456789abcdef";
const NOW: i64 = 1_700_000_000;
const HEADER: &[u8] = br#"{"alg":"HS256","typ":"JWT"}"#;

fn verifier() -> Verifier {
    Verifier::new(Key::new(SECRET).unwrap())
}

/// A token with this payload JSON, correctly signed.
fn signed(payload: &str) -> String {
    forge(SECRET, HEADER, payload.as_bytes())
}

/// An over-length token that would fail early in every later check: it starts with an empty
/// segment, then carries a correctly signed token whose payload is huge.
fn over_length(len: usize) -> Vec<u8> {
    let filler = "a".repeat(len);
    let payload = format!(r#"{{"exp":{},"pad":"{filler}"}}"#, NOW + 60);
    let mut token = b".".to_vec();
    token.extend_from_slice(signed(&payload).as_bytes());
    token.truncate(len);
    token
}

#[test]
fn over_length_tokens_are_refused_before_any_work_whatever_their_length() {
    let verifier = verifier();
    // The control: the counter sees the allocations of a verification that does decode.
    let valid = signed(&format!(r#"{{"exp":{}}}"#, NOW + 60));
    let (r, n) = allocations(|| verifier.verify_payload_at(&valid, NOW));
    assert!(r.is_ok() && n > 0, "the counter counts nothing");
    for len in [DEFAULT_MAX_LEN + 1, 10 * 1024, 10 * 1024 * 1024] {
        let token = over_length(len);
        assert_eq!(token.len(), len);
        // Warm up whatever the first call initialises, then count.
        let _ = verifier.verify_payload_at(&token, NOW);
        let (r, n) = allocations(|| verifier.verify_payload_at(&token, NOW));
        // Only the length check can give TooLong; every other check would have refused the
        // empty first segment.
        assert_eq!(
            r,
            Err(Error::TooLong {
                len,
                max: DEFAULT_MAX_LEN
            })
        );
        assert_eq!(n, 0, "{len} bytes: {n} allocations before refusing");
        let (r, n) = allocations(|| verifier.verify_at(&token, NOW));
        assert!(matches!(r, Err(Error::TooLong { .. })));
        assert_eq!(n, 0);
        // The unverified decoder's own limit is 64 KiB.
        if len > dangerous::DECODE_MAX_LEN {
            let (r, n) = allocations(|| dangerous::decode_unverified(&token));
            assert!(matches!(r, Err(Error::TooLong { .. })));
            assert_eq!(n, 0);
        }
    }
}

#[test]
fn refusing_an_over_length_token_takes_no_time_that_grows_with_it() {
    // The deterministic proof is the allocation count above; this bound is a generous
    // backstop: the best of 20 refusals of a 10 MB token must take under 1 ms (reading 10 MB
    // even once takes longer than that on this class of machine only if it is *decoded*, so
    // the bound is about work, with room for a loaded CI host).
    let verifier = verifier();
    let small = over_length(10 * 1024);
    let big = over_length(10 * 1024 * 1024);
    let best = |token: &[u8]| {
        (0..20)
            .map(|_| {
                let t = Instant::now();
                let r = verifier.verify_payload_at(token, NOW);
                let d = t.elapsed();
                assert!(matches!(r, Err(Error::TooLong { .. })));
                d
            })
            .min()
            .unwrap()
    };
    let (small_t, big_t) = (best(&small), best(&big));
    assert!(
        big_t < Duration::from_millis(1),
        "10 MB: {big_t:?} (10 KB: {small_t:?})"
    );
}

/// A JSON value nested `depth` times.
fn nested(depth: usize, open: &str, close: &str) -> String {
    format!("{}1{}", open.repeat(depth), close.repeat(depth))
}

fn payload_with(value: &str) -> String {
    format!(r#"{{"exp":{},"x":{value}}}"#, NOW + 60)
}

/// Verifies and decodes hostile nesting on a thread with `stack` bytes of stack.
fn refuse_nesting_on_stack(stack: usize) {
    std::thread::Builder::new()
        .stack_size(stack)
        .spawn(|| {
            let v = verifier().with_max_len(1 << 20);
            for value in [
                nested(100_000, "[", "]"),
                nested(50_000, r#"{"a":"#, "}"),
                nested(200, "[", "]"),
            ] {
                let token = signed(&payload_with(&value));
                assert_eq!(
                    v.verify_at(&token, NOW).map_err(|e| e.code()),
                    Err(204),
                    "payload nesting"
                );
                let header = format!(r#"{{"alg":"HS256","x":{value}}}"#);
                let token = forge(SECRET, header.as_bytes(), b"{}");
                assert_eq!(
                    v.verify_at(&token, NOW).map_err(|e| e.code()),
                    Err(204),
                    "header nesting"
                );
            }
            // The unverified decoder reads up to 64 KiB.
            for value in [nested(20_000, "[", "]"), nested(200, r#"{"a":"#, "}")] {
                let token = signed(&payload_with(&value));
                assert!(token.len() <= dangerous::DECODE_MAX_LEN);
                assert!(matches!(
                    dangerous::decode_unverified(&token),
                    Err(Error::InvalidJson { .. })
                ));
                let header = format!(r#"{{"alg":"none","x":{value}}}"#);
                let token = forge(SECRET, header.as_bytes(), b"{}");
                assert!(matches!(
                    dangerous::decode_unverified(&token),
                    Err(Error::InvalidJson { .. })
                ));
            }
        })
        .unwrap()
        .join()
        .expect("no stack overflow, no panic");
}

/// The stack the refusals need at most, measured: nesting is bounded by serde_json's depth
/// limit (128), at roughly 0.7 KiB of stack per level in release builds and 2 KiB in debug
/// builds. A thread with less than this overflows (and aborts) on a 128-deep header, before
/// any MAC check; see `deep_nesting_is_refused_on_a_64_kib_stack` below.
#[cfg(debug_assertions)]
const STACK: usize = 256 * 1024;
#[cfg(not(debug_assertions))]
const STACK: usize = 128 * 1024;

#[test]
fn deep_nesting_is_refused_on_a_small_stack() {
    refuse_nesting_on_stack(STACK);
}

/// 64 KiB is enough since the core's JSON scanner stops at 16 levels of nesting
/// (`src/json.rs`, `MAX_DEPTH`); with only serde_json's limit of 128 a deep header, which needs
/// no valid MAC, overflowed such a stack.
#[test]
fn deep_nesting_is_refused_on_a_64_kib_stack() {
    refuse_nesting_on_stack(64 * 1024);
}

#[test]
fn moderate_nesting_is_accepted() {
    let v = verifier();
    let token = signed(&payload_with(&nested(10, "[", "]")));
    assert!(v.verify_at(&token, NOW).is_ok());
}
