#!/usr/bin/env bash
# Miri (undefined-behaviour checker) over the C ABI crate's unit tests, which exercise its
# unsafe pointer handling: uninitialized caller buffers and out-parameters (ffi/src/ptr_tests.rs),
# guard bytes, handles, the options struct's versions.
#
# -Zmiri-recursive-validation makes Miri check what references point to, so a `&mut [u8]` or
# `&mut i64` made over memory the caller never initialized is an error here, not just a rule
# in a comment. -Zmiri-disable-isolation lets jwtmint_now read the clock.
#
# Miri needs a nightly toolchain. The suite adds the miri component to an installed nightly,
# or installs a minimal nightly with it, through rustup; when that is not possible (no rustup,
# no network, no miri for this nightly) it prints why and exits 77: SKIPPED, never ok. Stable
# stays the default toolchain; nothing else needs nightly. Bounded by MIRI_TIMEOUT seconds
# (default 900).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
skip() {
  echo "SKIP miri: $1"
  exit 77  # skipped: scripts/test-all counts it apart
}
command -v rustup > /dev/null 2>&1 || skip "no rustup to install a nightly toolchain with miri"
if ! rustup +nightly component list --installed 2>/dev/null | grep -q '^miri'; then
  echo "installing miri for the nightly toolchain (rustup)"
  if rustup run nightly rustc --version > /dev/null 2>&1; then
    rustup +nightly component add miri rust-src > /dev/null 2>&1 ||
      skip "rustup could not add miri to the nightly toolchain (offline, or no miri in this nightly)"
  else
    rustup toolchain install nightly --profile minimal --component miri,rust-src > /dev/null 2>&1 ||
      skip "rustup could not install a nightly toolchain with miri (offline?)"
  fi
fi
cargo +nightly miri setup > /dev/null 2>&1 || skip "cargo miri setup failed (see: cargo +nightly miri setup)"
export MIRIFLAGS="${MIRIFLAGS:-} -Zmiri-recursive-validation -Zmiri-disable-isolation"
timeout "${MIRI_TIMEOUT:-900}" cargo +nightly miri test -p jwtmint-ffi --lib
