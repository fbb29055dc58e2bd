#!/usr/bin/env bash
# Benchmarks smoke run: every criterion benchmark (jwtmint, the HMAC floor, the peers, the
# C ABI, threads, payload sizes) runs a few iterations on the debug build, and benches/report
# reads their results into its table. It judges no timing: that needs a quiet machine and
# `benches/report` (see docs/PERFORMANCE.md). Reuses the debug build of the Rust suite.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
python3 benches/report --quick
