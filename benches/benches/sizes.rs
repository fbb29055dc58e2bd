//! How cost grows with the payload: generic claims (the Zoom API claims plus one string) of
//! 100 B to 8 KiB of JSON, minted and verified by jwtmint and by jsonwebtoken, next to the
//! HMAC floor over each token's signing input.
//!
//! Ids: `sizes/<case>/<payload bytes>`, cases `floor`, `jwtmint_mint`, `jwtmint_verify`,
//! `jsonwebtoken_mint`, `jsonwebtoken_verify`.

// Only jsonwebtoken takes arbitrary claims through the same serde path as jwtmint's generic
// mint; the other peers' adapters go unused here.
#[allow(dead_code)]
mod peers;

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use jwtmint::Verifier;
use jwtmint_bench::{
    flat_group, key, now, signing_input, token_of, Floor, SizedClaims, API_KEY, SWEEP_SIZES,
};
use peers::JsonWebToken;

fn sizes(c: &mut Criterion) {
    let floor = Floor::new();
    let jwt = JsonWebToken::new();
    // The default 8 KiB token limit is below the largest sweep token (its payload alone is
    // 8 KiB before base64).
    let verifier = Verifier::new(key())
        .with_required_claims(["iss", "iat", "exp"])
        .expect("non-empty names")
        .with_issuer(API_KEY)
        .with_max_len(64 * 1024);
    let key = key();
    let now = now();

    let mut g = flat_group(c, "sizes");
    for size in SWEEP_SIZES {
        let claims = SizedClaims::of_payload_len(size);
        let token = token_of(&claims);
        let input = signing_input(&token).to_vec();
        // The peer must accept the same token, or the comparison means nothing.
        assert_eq!(jwt.verify_claims::<SizedClaims>(&token), Ok(claims.clone()));
        g.throughput(Throughput::Bytes(size as u64));

        g.bench_function(BenchmarkId::new("floor", size), |b| {
            b.iter(|| floor.tag(black_box(&input)));
        });
        g.bench_function(BenchmarkId::new("jwtmint_mint", size), |b| {
            b.iter(|| jwtmint::mint(&key, black_box(&claims)).expect("mint"));
        });
        g.bench_function(BenchmarkId::new("jwtmint_verify", size), |b| {
            b.iter(|| -> SizedClaims {
                verifier
                    .verify_as_at(black_box(&token), now)
                    .expect("valid")
            });
        });
        g.bench_function(BenchmarkId::new("jsonwebtoken_mint", size), |b| {
            b.iter(|| jwt.mint_claims(black_box(&claims)));
        });
        g.bench_function(BenchmarkId::new("jsonwebtoken_verify", size), |b| {
            b.iter(|| -> SizedClaims { jwt.verify_claims(black_box(&token)).expect("valid") });
        });
    }
    g.finish();
}

criterion_group!(benches, sizes);
criterion_main!(benches);
