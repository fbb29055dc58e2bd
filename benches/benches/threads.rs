//! Throughput with one shared minter and verifier on 1 and 2 threads.
//!
//! One criterion iteration is one token on each thread, all threads running at once, so
//! tokens per second is `threads / time per iteration` and the scaling from 1 to 2 threads is
//! `2 * t(1) / t(2)` (`benches/report` prints both). The threads share one `ApiTokenMinter`
//! (and so one `Key`) by reference, as a server's workers would.

use std::hint::black_box;
use std::sync::Barrier;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use jwtmint::{zoom::ApiTokenMinter, Verifier};
use jwtmint_bench::{flat_group, key, now, zoom_token, API_KEY};

/// Runs `work` `iters` times on each of `threads` threads, started together; returns the
/// time from the first thread's start to the last thread's end.
///
/// Each thread reads the clock itself: on a 2-core machine the spawning thread may not run
/// again until a worker is done, so its own clock readings could miss the work entirely.
fn on_threads(threads: usize, iters: u64, work: &(dyn Fn() + Sync)) -> Duration {
    let start = Barrier::new(threads);
    std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    start.wait();
                    let t0 = Instant::now();
                    for _ in 0..iters {
                        work();
                    }
                    (t0, Instant::now())
                })
            })
            .collect();
        let spans: Vec<(Instant, Instant)> = workers
            .into_iter()
            .map(|w| w.join().expect("worker"))
            .collect();
        let first = spans.iter().map(|s| s.0).min().expect("a thread");
        let last = spans.iter().map(|s| s.1).max().expect("a thread");
        last - first
    })
}

fn threads(c: &mut Criterion) {
    let minter = ApiTokenMinter::new(API_KEY, key()).expect("minter");
    let verifier = Verifier::zoom_api(key(), API_KEY);
    let token = zoom_token();
    let now = now();
    let cap = minter.max_token_len();

    let mint = || {
        let mut buf = [0u8; 256];
        minter
            .mint_into(black_box(now), black_box(&mut buf[..cap]))
            .expect("mint");
    };
    let verify = || {
        verifier.verify_at(black_box(&token), now).expect("valid");
    };

    let mut g = flat_group(c, "threads");
    for n in [1usize, 2] {
        g.throughput(Throughput::Elements(n as u64));
        g.bench_function(BenchmarkId::new("mint_buffer", n), |b| {
            b.iter_custom(|iters| on_threads(n, iters, &mint));
        });
        g.bench_function(BenchmarkId::new("verify_map", n), |b| {
            b.iter_custom(|iters| on_threads(n, iters, &verify));
        });
    }
    g.finish();
}

criterion_group!(benches, threads);
criterion_main!(benches);
