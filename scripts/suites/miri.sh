#!/usr/bin/env bash
# Miri (undefined-behaviour checker) over the C ABI crate's unit tests, which exercise its
# unsafe pointer handling. Runs only when a nightly toolchain with the miri component is
# installed; otherwise prints a SKIP line. Bounded by MIRI_TIMEOUT seconds (default 600).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
if ! rustup +nightly component list --installed 2>/dev/null | grep -q '^miri'; then
  echo "SKIP miri: no nightly toolchain with the miri component (rustup +nightly component add miri)"
  exit 77  # skipped: scripts/test-all counts it apart
fi
if [ ! -f ffi/Cargo.toml ]; then
  echo "SKIP miri: no ffi crate"
  exit 77  # skipped: scripts/test-all counts it apart
fi
timeout "${MIRI_TIMEOUT:-600}" cargo +nightly miri test -p jwtmint-ffi --lib
