#!/usr/bin/env bash
# Regenerates include/jwtmint.h from ffi/src with the pinned cbindgen and cbindgen.toml.
#
#   ffi/gen-header.sh          write include/jwtmint.h
#   ffi/gen-header.sh --check  regenerate to a temporary file; fail if it differs from the
#                              committed header (for CI)
#
# Needs cbindgen at exactly the pinned version:
#   cargo install cbindgen --version =0.29.4 --locked
set -euo pipefail

CBINDGEN_VERSION=0.29.4

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
header="$root/include/jwtmint.h"

check=0
case "${1:-}" in
    --check) check=1 ;;
    "") ;;
    *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

found="$(cbindgen --version 2>/dev/null || true)"
if [ "$found" != "cbindgen $CBINDGEN_VERSION" ]; then
    echo "error: need cbindgen $CBINDGEN_VERSION, found '${found:-none}'." >&2
    echo "install: cargo install cbindgen --version =$CBINDGEN_VERSION --locked" >&2
    exit 1
fi

tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT
# cbindgen warns about every private item it skips; keep its output only when it fails.
if ! log="$(cd "$root" && cbindgen --quiet --config cbindgen.toml --crate jwtmint-ffi \
        --output "$tmp" ffi 2>&1)"; then
    echo "$log" >&2
    exit 1
fi

if [ "$check" = 1 ]; then
    if ! diff -u "$header" "$tmp"; then
        echo "error: include/jwtmint.h is stale; run ffi/gen-header.sh and commit it." >&2
        exit 1
    fi
    echo "include/jwtmint.h is up to date (cbindgen $CBINDGEN_VERSION)"
else
    cp "$tmp" "$header"
    echo "wrote include/jwtmint.h (cbindgen $CBINDGEN_VERSION)"
fi
