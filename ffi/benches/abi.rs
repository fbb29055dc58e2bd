//! The C ABI's cost over the Rust calls it wraps: mint and verify through the exported
//! functions, next to the same Rust calls, in one run.
//!
//! The exports are called through this crate's rlib, but each through a function pointer
//! hidden from the optimiser (`black_box`): the indirect call a C caller makes through its
//! PLT, which no inlining across the boundary can remove. The workload is benches/'s (the
//! same API key and 36-character secret, a Zoom API token minted now), so these numbers sit
//! beside the other benches' in `benches/report`.
//!
//! Run: `cargo bench -p jwtmint-ffi --bench abi`. Ids: `ffi/mint_rust`, `ffi/mint_c`,
//! `ffi/verify_rust`, `ffi/verify_c`.

use std::hint::black_box;
use std::ptr;

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode};
use jwtmint_core::{zoom::ApiTokenMinter, Key, Verifier};
use jwtmint_ffi::{
    jwtmint_api_minter, jwtmint_api_minter_free, jwtmint_api_minter_mint, jwtmint_api_minter_new,
    jwtmint_key_free, jwtmint_key_new, jwtmint_result, jwtmint_verifier, jwtmint_verifier_free,
    jwtmint_verifier_new_zoom_api, jwtmint_verifier_verify, JWTMINT_OK,
};

/// The workload's Zoom API key and secret (benches/src/lib.rs).
const API_KEY: &str = "abcdefghijklmnopqrstuv";
const SECRET: &str = "0123456789abcdefghijklmnopqrstuvwxyz";

type Mint = unsafe extern "C" fn(
    *const jwtmint_api_minter,
    i64,
    *mut u8,
    usize,
    *mut usize,
) -> jwtmint_result;
type Verify = unsafe extern "C" fn(
    *const jwtmint_verifier,
    *const u8,
    usize,
    i64,
    *mut u8,
    usize,
    *mut usize,
) -> jwtmint_result;

fn ffi(c: &mut Criterion) {
    let now = jwtmint_core::now().expect("a usable system clock");
    let key = || Key::from_text(SECRET).expect("workload secret is long enough");
    let minter = ApiTokenMinter::new(API_KEY, key()).expect("minter");
    let verifier = Verifier::zoom_api(key(), API_KEY);
    let token = minter.mint_at(now).expect("workload token mints");

    let mut c_key = ptr::null_mut();
    let mut c_minter = ptr::null_mut();
    let mut c_verifier = ptr::null_mut();
    // SAFETY: every pointer passed is to a live local or to the bytes of a live &str with its
    // length; the handles come from the matching *_new just before use.
    unsafe {
        assert_eq!(
            jwtmint_key_new(SECRET.as_ptr(), SECRET.len(), &mut c_key),
            JWTMINT_OK
        );
        let rc = jwtmint_api_minter_new(
            c_key,
            API_KEY.as_ptr(),
            API_KEY.len(),
            30,
            3600,
            &mut c_minter,
        );
        assert_eq!(rc, JWTMINT_OK);
        let rc =
            jwtmint_verifier_new_zoom_api(c_key, API_KEY.as_ptr(), API_KEY.len(), &mut c_verifier);
        assert_eq!(rc, JWTMINT_OK);
    }
    // The calls a C program makes, through addresses the optimiser cannot see into.
    let mint_c: Mint = black_box(jwtmint_api_minter_mint);
    let verify_c: Verify = black_box(jwtmint_verifier_verify);
    let mut buf = [0u8; 1024];
    let mut len = 0usize;

    // Both doors give the same token and the same verified payload.
    let n = minter.mint_into(now, &mut buf).expect("mint");
    let rust_token = buf[..n].to_vec();
    // SAFETY: `c_minter` is live; `buf` is writable for its length; `len` is a live local.
    let rc = unsafe { mint_c(c_minter, now, buf.as_mut_ptr(), buf.len(), &mut len) };
    assert_eq!((rc, &buf[..len]), (JWTMINT_OK, &rust_token[..]));
    let payload = verifier.verify_payload_at(&token, now).expect("valid");
    // SAFETY: as above, with `token` readable for its length.
    let rc = unsafe {
        verify_c(
            c_verifier,
            token.as_ptr(),
            token.len(),
            now,
            buf.as_mut_ptr(),
            buf.len(),
            &mut len,
        )
    };
    assert_eq!((rc, &buf[..len]), (JWTMINT_OK, &payload[..]));

    let mut g = c.benchmark_group("ffi");
    // Many short samples of equal length: on a shared machine most of them run undisturbed,
    // so the median is the undisturbed time (see docs/PERFORMANCE.md).
    g.sampling_mode(SamplingMode::Flat);
    g.bench_function("mint_rust", |b| {
        b.iter(|| {
            minter
                .mint_into(black_box(now), black_box(&mut buf))
                .expect("mint")
        });
    });
    g.bench_function("mint_c", |b| {
        b.iter(|| {
            // SAFETY: `c_minter` is live until freed below; `buf` and `len` are live locals.
            let rc = unsafe {
                mint_c(
                    black_box(c_minter),
                    black_box(now),
                    buf.as_mut_ptr(),
                    buf.len(),
                    &mut len,
                )
            };
            assert_eq!(rc, JWTMINT_OK);
            len
        });
    });
    // What the C function does: verify, then hand over the payload JSON.
    g.bench_function("verify_rust", |b| {
        b.iter(|| {
            verifier
                .verify_payload_at(black_box(&token), now)
                .expect("valid")
        });
    });
    g.bench_function("verify_c", |b| {
        b.iter(|| {
            // SAFETY: `c_verifier` is live until freed below; `token` is readable for its
            // length; `buf` and `len` are live locals.
            let rc = unsafe {
                verify_c(
                    black_box(c_verifier),
                    black_box(token.as_ptr()),
                    token.len(),
                    now,
                    buf.as_mut_ptr(),
                    buf.len(),
                    &mut len,
                )
            };
            assert_eq!(rc, JWTMINT_OK);
            len
        });
    });
    g.finish();

    // SAFETY: each handle came from its *_new above and is freed once, after its last use.
    unsafe {
        jwtmint_verifier_free(c_verifier);
        jwtmint_api_minter_free(c_minter);
        jwtmint_key_free(c_key);
    }
}

criterion_group!(benches, ffi);
criterion_main!(benches);
