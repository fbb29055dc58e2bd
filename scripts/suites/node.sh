#!/usr/bin/env bash
# The Node.js binding (bindings/node): shared vectors, the adversarial corpus, jsrsasign both
# ways, error paths, handle lifetimes, worker threads, type declarations.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
source scripts/lib/deps.sh
apt_install node:nodejs npm:npm
# ffi/build-lib.sh, the repository's one command for the C library, places libjwtmint where the
# binding looks inside a checkout (bindings/node/lib/locate.js). The npm package has no install
# script: it carries the library (scripts/dist; scripts/suites/packages.sh installs it).
bash ffi/build-lib.sh > /dev/null
cd bindings/node
npm ci --no-audit --no-fund --loglevel=error
node --test test/
