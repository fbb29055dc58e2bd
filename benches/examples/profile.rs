//! Runs one benchmark case in a loop, for profilers: `perf record`, or
//! `valgrind --tool=callgrind` (instructions per call = the difference between two counts
//! divided by the difference in iterations).
//!
//! Usage: `profile <case> <iterations>`; cases: limit, floor, mint_buffer, mint_string,
//! mint_generic, verify_map, verify_typed, verify_payload, mint_8k, verify_8k (generic claims
//! of 8 KiB), and <peer>_mint, <peer>_verify for jsonwebtoken, jwt-simple, jwt-compact.
//!
//! `profile min <case>...`: a quick estimate on a busy machine: many short bursts of each
//! case, interleaved, reporting each case's fastest burst in ns per call and as a ratio to
//! the floor's. Criterion (`benches/report`) is the measurement of record.

use std::hint::black_box;

// Not every adapter method is a case here.
#[allow(dead_code)]
#[path = "../benches/peers/mod.rs"]
mod peers;

use peers::{JsonWebToken, JwtCompact, JwtSimple, Peer};

use jwtmint::{zoom::ApiTokenMinter, Verifier};
use jwtmint_bench::{
    key, now, signing_input, token_of, zoom_token, ApiClaims, Floor, Limit, SizedClaims, API_KEY,
};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("min") {
        return fastest_bursts(&args[1..]);
    }
    let [case, iterations] = &args[..] else {
        panic!("usage: profile <case> <iterations> | profile min <case>...");
    };
    let iterations: u64 = iterations.parse().expect("iterations");
    let run = case_fn(case);
    let mut buf = [0u8; 256];
    for _ in 0..iterations {
        run(&mut buf);
    }
}

fn fastest_bursts(cases: &[String]) {
    const BURSTS: usize = 300;
    const PER_BURST: u32 = 2000;
    let runs: Vec<_> = cases.iter().map(|c| case_fn(c)).collect();
    let floor = case_fn("floor");
    let mut best = vec![f64::INFINITY; runs.len() + 1];
    let mut buf = [0u8; 256];
    for _ in 0..BURSTS {
        for (i, run) in runs.iter().chain([&floor]).enumerate() {
            let t = std::time::Instant::now();
            for _ in 0..PER_BURST {
                run(&mut buf);
            }
            let ns = t.elapsed().as_secs_f64() * 1e9 / f64::from(PER_BURST);
            best[i] = best[i].min(ns);
        }
    }
    let floor_ns = best[runs.len()];
    println!("{:<16} {:>8.1} ns", "floor", floor_ns);
    for (case, ns) in cases.iter().zip(&best) {
        println!("{case:<16} {ns:>8.1} ns  {:.3}x floor", ns / floor_ns);
    }
}

/// One call of a case; the argument is a scratch buffer for minting into.
type Case = Box<dyn Fn(&mut [u8])>;

fn peer_mint<P: Peer + 'static>(peer: P) -> Case {
    Box::new(move |_| {
        black_box(black_box(&peer).mint());
    })
}

fn peer_verify<P: Peer + 'static>(peer: P, token: String) -> Case {
    Box::new(move |_| {
        black_box(peer.verify(black_box(&token)).expect("valid"));
    })
}

/// The body of one case, with everything it needs made once.
fn case_fn(case: &str) -> Case {
    let minter = ApiTokenMinter::new(API_KEY, key()).expect("minter");
    let verifier = Verifier::zoom_api(key(), API_KEY);
    let token = zoom_token();
    let input = signing_input(&token).to_vec();
    let floor = Floor::new();
    let claims = ApiClaims::workload();
    let key = key();
    let now = now();
    match case {
        "limit" => {
            let limit = Limit::new();
            let blocks = [[7u8; 64]; 2];
            Box::new(move |_| {
                black_box(limit.three_blocks(black_box(&blocks)));
            })
        }
        "floor" => Box::new(move |_| {
            black_box(floor.tag(black_box(&input)));
        }),
        "mint_buffer" => Box::new(move |buf| {
            black_box(minter.mint_into(black_box(now), buf).expect("mint"));
        }),
        "mint_string" => Box::new(move |_| {
            black_box(minter.mint_at(black_box(now)).expect("mint"));
        }),
        "mint_generic" => Box::new(move |_| {
            black_box(jwtmint::mint(&key, black_box(&claims)).expect("mint"));
        }),
        "verify_map" => Box::new(move |_| {
            black_box(verifier.verify_at(black_box(&token), now).expect("valid"));
        }),
        "verify_typed" => Box::new(move |_| {
            let c: ApiClaims = verifier
                .verify_as_at(black_box(&token), now)
                .expect("valid");
            black_box(c);
        }),
        "mint_8k" | "verify_8k" => {
            let claims = SizedClaims::of_payload_len(8192);
            let token = token_of(&claims);
            let verifier = Verifier::new(key.clone()).with_max_len(64 * 1024);
            if case == "mint_8k" {
                Box::new(move |_| {
                    black_box(jwtmint::mint(&key, black_box(&claims)).expect("mint"));
                })
            } else {
                Box::new(move |_| {
                    let c: SizedClaims = verifier
                        .verify_as_at(black_box(&token), now)
                        .expect("valid");
                    black_box(c);
                })
            }
        }
        "jsonwebtoken_mint" => peer_mint(JsonWebToken::new()),
        "jwt-simple_mint" => peer_mint(JwtSimple::new()),
        "jwt-compact_mint" => peer_mint(JwtCompact::new()),
        "jsonwebtoken_verify" => peer_verify(JsonWebToken::new(), token),
        "jwt-simple_verify" => peer_verify(JwtSimple::new(), token),
        "jwt-compact_verify" => peer_verify(JwtCompact::new(), token),
        "verify_payload" => Box::new(move |_| {
            black_box(
                verifier
                    .verify_payload_at(black_box(&token), now)
                    .expect("valid"),
            );
        }),
        other => panic!("unknown case {other:?}"),
    }
}
