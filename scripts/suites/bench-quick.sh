#!/usr/bin/env bash
# Benchmarks. benches/ is its own workspace, out of the root's graph, so the root's fmt,
# clippy, docs and tests do not see it: format, lint and document it here and run its tests
# (benches/tests/peers_agree.rs proves every library does the same work). Then the smoke run:
# every criterion benchmark (jwtmint, the HMAC floor, the peers, the C ABI, threads, payload
# sizes) runs a few iterations on the debug build and benches/report reads their results
# into its table. It judges no timing: that needs a quiet machine and `benches/report` (see
# docs/PERFORMANCE.md). Everything builds into the root's target directory, reusing the Rust
# suite's debug build.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"

cd "$root/benches"
cargo fmt --check
cargo clippy --all-targets --locked -- -D warnings
RUSTDOCFLAGS="-D warnings" cargo doc -q --no-deps --locked
cargo test -q --locked --lib --tests --examples

cd "$root"
python3 benches/report --quick
