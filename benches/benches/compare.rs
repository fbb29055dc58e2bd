//! jwtmint against the HMAC floor and its peers, side by side in one run, on the Zoom API JWT.
//!
//! Groups (criterion ids, read by `benches/report`):
//! - `floor/hmac`: the `hmac` crate over the token's signing input from a precomputed key;
//! - `floor/sha256_limit`: the three SHA-256 compressions a token needs at the least;
//! - `mint/*`: each library mints the workload's claims;
//! - `verify/*`: each library verifies the workload's token (signature, `exp`, `iss` where it
//!   checks it) and returns its claims.

mod peers;

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use jwtmint::{zoom::ApiTokenMinter, Claims, Verifier};
use jwtmint_bench::{
    flat_group, key, now, signing_input, zoom_token, ApiClaims, FlatGroup, Floor, Limit, API_KEY,
};
use peers::{JsonWebToken, JwtCompact, JwtSimple, Peer};

fn floor(c: &mut Criterion) {
    let token = zoom_token();
    let input = signing_input(&token).to_vec();
    let floor = Floor::new();
    let limit = Limit::new();
    let blocks = [[7u8; 64]; 2];
    let mut g = flat_group(c, "floor");
    g.bench_function("hmac", |b| b.iter(|| floor.tag(black_box(&input))));
    g.bench_function("sha256_limit", |b| {
        b.iter(|| limit.three_blocks(black_box(&blocks)));
    });
    g.finish();
}

fn mint(c: &mut Criterion) {
    let minter = ApiTokenMinter::new(API_KEY, key()).expect("minter");
    let key = key();
    let claims = ApiClaims::workload();
    let now = now();
    let mut buf = vec![0u8; minter.max_token_len()];
    let mut g = flat_group(c, "mint");

    g.bench_function("jwtmint_buffer", |b| {
        b.iter(|| {
            minter
                .mint_into(black_box(now), black_box(&mut buf))
                .expect("mint")
        });
    });
    g.bench_function("jwtmint_string", |b| {
        b.iter(|| minter.mint_at(black_box(now)).expect("mint"));
    });
    g.bench_function("jwtmint_generic", |b| {
        b.iter(|| jwtmint::mint(&key, black_box(&claims)).expect("mint"));
    });
    peer_mint(&mut g, &JsonWebToken::new());
    peer_mint(&mut g, &JwtSimple::new());
    peer_mint(&mut g, &JwtCompact::new());
    g.finish();
}

fn peer_mint<P: Peer>(g: &mut FlatGroup<'_>, p: &P) {
    g.bench_function(P::NAME, |b| b.iter(|| black_box(p).mint()));
}

fn verify(c: &mut Criterion) {
    let token = zoom_token();
    let verifier = Verifier::zoom_api(key(), API_KEY);
    let now = now();
    let mut g = flat_group(c, "verify");

    g.bench_function("jwtmint_map", |b| {
        b.iter(|| -> Claims { verifier.verify_at(black_box(&token), now).expect("valid") });
    });
    g.bench_function("jwtmint_typed", |b| {
        b.iter(|| -> ApiClaims {
            verifier
                .verify_as_at(black_box(&token), now)
                .expect("valid")
        });
    });
    g.bench_function("jwtmint_payload", |b| {
        b.iter(|| {
            verifier
                .verify_payload_at(black_box(&token), now)
                .expect("valid")
        });
    });
    // As the peers that read the clock themselves do.
    g.bench_function("jwtmint_map_clock", |b| {
        b.iter(|| -> Claims { verifier.verify(black_box(&token)).expect("valid") });
    });
    peer_verify(&mut g, &JsonWebToken::new(), &token);
    peer_verify(&mut g, &JwtSimple::new(), &token);
    peer_verify(&mut g, &JwtCompact::new(), &token);
    g.finish();
}

fn peer_verify<P: Peer>(g: &mut FlatGroup<'_>, p: &P, token: &str) {
    g.bench_function(P::NAME, |b| {
        b.iter(|| p.verify(black_box(token)).expect("valid"));
    });
}

criterion_group!(benches, floor, mint, verify);
criterion_main!(benches);
