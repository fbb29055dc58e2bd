#!/usr/bin/env bash
# The Node.js binding (bindings/node): shared vectors, the adversarial corpus, jsrsasign both
# ways, error paths, handle lifetimes, worker threads, type declarations.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
source scripts/lib/deps.sh
apt_install node:nodejs npm:npm
cargo build --release --locked -q -p jwtmint-ffi
cd bindings/node
# npm ci runs the package's install script (build-lib.js), which finds the library just built.
npm ci --no-audit --no-fund --loglevel=error
node --test test/
