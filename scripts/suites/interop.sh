#!/usr/bin/env bash
# jwtmint's CLI against PyJWT and against Zoom's own jsrsasign sample.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
source scripts/lib/deps.sh
cargo build --release --locked -q -p jwtmint-cli --bin jwtmint
export JWTMINT_BIN="$root/target/release/jwtmint"
ensure_python_env
ensure_node_env
"$PY" -m pytest -q tests/interop
node --test tests/interop/
