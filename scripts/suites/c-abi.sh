#!/usr/bin/env bash
# The C ABI: C and C++ tests, sanitizers, valgrind, static and shared linking, examples.
set -euo pipefail
exec "$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/tests/c/run.sh"
