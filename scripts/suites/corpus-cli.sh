#!/usr/bin/env bash
# The adversarial corpus (tests/corpus/*.json) through the `jwtmint verify` CLI: exit status
# 0/1 and the stable "[code N" on standard error for every case (tests/corpus/run_cli.py).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
cargo build --release --locked -q --bin jwtmint
python3 tests/corpus/run_cli.py "${CARGO_TARGET_DIR:-$root/target}/release/jwtmint"
