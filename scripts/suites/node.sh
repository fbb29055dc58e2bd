#!/usr/bin/env bash
# The Node.js binding (bindings/node): shared vectors, the adversarial corpus, jsrsasign both
# ways, error paths, handle lifetimes, worker threads, type declarations.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
source scripts/lib/deps.sh
apt_install node:nodejs npm:npm
cd bindings/node
# npm ci runs the package's install script (build-lib.js), which builds and places libjwtmint
# with ffi/build-lib.sh, the repository's one command for the C library.
npm ci --no-audit --no-fund --loglevel=error
node --test test/
