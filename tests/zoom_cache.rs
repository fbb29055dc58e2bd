//! The shared API token under contention: many threads, one mint per refresh.

use std::collections::HashSet;
use std::sync::{Arc, Barrier};
use std::thread;

use jwtmint::zoom::{ApiTokenCache, ApiTokenMinter};
use jwtmint::{Error, Key, Verifier};

const SECRET: &str = "Zoom-Api-Secret-Of-36-Chars-XYZ-1234";
const API_KEY: &str = "abcdefghijklmnopqrstuv";
const T0: i64 = 1_700_000_000;

fn minter() -> ApiTokenMinter {
    ApiTokenMinter::new(API_KEY, Key::from_text(SECRET).unwrap()).unwrap()
}

#[test]
fn eight_threads_ten_thousand_calls_each_one_mint_per_refresh() {
    const THREADS: usize = 8;
    const PHASES: i64 = 10;
    const CALLS_PER_PHASE: usize = 1_000; // 10 phases x 1000 = 10k calls per thread
    const STEP: i64 = 1_000;

    let cache = Arc::new(ApiTokenCache::new(minter()).unwrap());
    // Every thread starts each phase at the same moment with the same clock, so when the
    // token is stale all of them find it stale together.
    let barrier = Arc::new(Barrier::new(THREADS));
    let handles: Vec<_> = (0..THREADS)
        .map(|_| {
            let cache = Arc::clone(&cache);
            let barrier = Arc::clone(&barrier);
            thread::spawn(move || {
                let mut seen = Vec::new();
                for phase in 0..PHASES {
                    let now = T0 + phase * STEP;
                    barrier.wait();
                    for _ in 0..CALLS_PER_PHASE {
                        let token = cache.token_at(now).unwrap();
                        if seen.last() != Some(&(phase, Arc::clone(&token))) {
                            seen.push((phase, token));
                        }
                    }
                }
                seen
            })
        })
        .collect();
    let seen: Vec<(i64, Arc<str>)> = handles
        .into_iter()
        .flat_map(|h| h.join().unwrap())
        .collect();

    // Worked out by hand: ttl 3600, skew 30, margin 60, so a token minted at t serves until
    // t + 3510 (exclusive). Phases at +0, +1000, ... +9000 mint at +0, +4000 and +8000.
    let expected: Vec<String> = [0, 4_000, 8_000]
        .iter()
        .map(|dt| minter().mint_at(T0 + dt).unwrap())
        .collect();
    assert_eq!(cache.mint_count(), 3);
    let distinct: HashSet<&str> = seen.iter().map(|(_, t)| &**t).collect();
    assert_eq!(distinct, expected.iter().map(String::as_str).collect());
    // And each phase got the right one.
    for (phase, token) in &seen {
        let minted_at = match phase * STEP {
            dt if dt < 4_000 => 0,
            dt if dt < 8_000 => 4_000,
            _ => 8_000,
        };
        assert_eq!(
            &**token,
            minter().mint_at(T0 + minted_at).unwrap(),
            "phase {phase}"
        );
    }
}

#[test]
fn handed_out_tokens_verify_until_replaced() {
    let cache = ApiTokenCache::new(minter()).unwrap();
    let verifier = Verifier::zoom_api(Key::from_text(SECRET).unwrap(), API_KEY).with_leeway(0);
    // At every second of a token's service, it is valid with more than the margin to spare.
    for dt in (0..10_000).step_by(97) {
        let now = T0 + dt;
        let token = cache.token_at(now).unwrap();
        let claims = verifier.verify_at(&*token, now).unwrap();
        let exp = claims["exp"].as_i64().unwrap();
        assert!(exp - now > 60, "dt {dt}: exp {exp}");
    }
}

#[test]
fn system_clock_calls_share_one_token() {
    let cache = ApiTokenCache::new(minter()).unwrap();
    let a = cache.token().unwrap();
    let b = cache.token().unwrap();
    assert!(Arc::ptr_eq(&a, &b));
    assert_eq!(cache.mint_count(), 1);
}

#[test]
fn margin_is_validated_against_ttl_and_skew() {
    let m = minter().with_ttl(600).unwrap();
    assert!(ApiTokenCache::with_refresh_margin(m.clone(), 569).is_ok());
    assert!(matches!(
        ApiTokenCache::with_refresh_margin(m, 570),
        Err(Error::InvalidArgument {
            name: "refresh margin",
            ..
        })
    ));
}
