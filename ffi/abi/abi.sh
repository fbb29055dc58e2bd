#!/usr/bin/env bash
# The ABI baseline of libjwtmint.so: ffi/abi/libjwtmint.abi, the libabigail description
# (abidw) of the exported functions, their version nodes and the types they take.
#
#   ffi/abi/abi.sh            describe the library built from this checkout, and compare it
#                             with the baseline (abidiff); fails on any difference
#   ffi/abi/abi.sh --update   write the description as the new baseline
#
# An intended ABI change updates the baseline in the same commit (--update) and raises
# JWTMINT_ABI_VERSION (ffi/src/version.rs); a new export goes into a new version node of
# ffi/abi/libjwtmint.map. ffi/abi/libjwtmint.abi-version holds the JWTMINT_ABI_VERSION the
# baseline was written with: --update refuses an incompatible change (abidiff's
# ABIDIFF_ABI_INCOMPATIBLE_CHANGE) unless JWTMINT_ABI_VERSION was raised past it, and the check
# fails when the two disagree. Compatible changes (a new function) need no raise.
#
# The types come from DWARF, so the library is the debug build (ffi/build-lib.sh --debug):
# the same exports and types as the release build, and cheap next to cargo test's own debug
# build. The description is made stable from machine to machine: no corpus path, no source
# locations, no compilation directory, hashed type ids, the translation units' paths (which
# name the cargo registry and codegen-unit hashes) numbered instead, and Rust-internal types
# dropped (ffi/abi/jwtmint.abignore says why). Needs abidw and abidiff (Debian: abigail-tools).
set -euo pipefail

update=0
case "${1:-}" in
    "") ;;
    --update) update=1 ;;
    *) echo "usage: $0 [--update]" >&2; exit 2 ;;
esac
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
baseline="$here/libjwtmint.abi"
recorded_file="$here/libjwtmint.abi-version"
abi_version="$(sed -n 's/^pub const JWTMINT_ABI_VERSION: u32 = \([0-9]*\);$/\1/p' "$root/ffi/src/version.rs")"
[ -n "$abi_version" ] || { echo "error: no JWTMINT_ABI_VERSION in ffi/src/version.rs" >&2; exit 1; }
recorded="$(cat "$recorded_file" 2> /dev/null || true)"
for tool in abidw abidiff python3; do
    command -v "$tool" > /dev/null || { echo "error: $tool not found (Debian: abigail-tools)" >&2; exit 1; }
done

lib="$("$root/ffi/build-lib.sh" --debug | grep '/libjwtmint\.so$')"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
abidw --no-corpus-path --no-show-locs --no-comp-dir-path --no-elf-needed \
    --drop-private-types --type-id-style hash --suppressions "$here/jwtmint.abignore" \
    --out-file "$tmp/raw.abi" "$lib"
# Number the translation units: their paths are the build machine's, and abidiff only needs
# them distinct.
python3 - "$tmp/raw.abi" "$tmp/libjwtmint.abi" << 'PY'
import itertools, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
n = itertools.count(1)
text = re.sub(r"(<abi-instr [^>]*?)path='[^']*'", lambda m: f"{m.group(1)}path='unit-{next(n)}'", text)
open(sys.argv[2], "w", encoding="utf-8").write(text)
PY
functions="$(grep -c "<elf-symbol name='jwtmint_" "$tmp/libjwtmint.abi" || true)"

if [ "$update" = 1 ]; then
    if [ -f "$baseline" ]; then
        status=0
        abidiff "$baseline" "$tmp/libjwtmint.abi" > "$tmp/report" 2>&1 || status=$?
        if [ $((status & 8)) -ne 0 ] && [ "$abi_version" = "$recorded" ]; then
            cat "$tmp/report"
            echo "error: an incompatible ABI change; raise JWTMINT_ABI_VERSION (now $abi_version) first." >&2
            exit 1
        fi
    fi
    cp "$tmp/libjwtmint.abi" "$baseline"
    echo "$abi_version" > "$recorded_file"
    echo "wrote ffi/abi/libjwtmint.abi (ABI version $abi_version): $functions exported functions"
    exit 0
fi
[ -f "$baseline" ] || { echo "error: no baseline; run $0 --update" >&2; exit 1; }
if [ "$abi_version" != "$recorded" ]; then
    echo "error: JWTMINT_ABI_VERSION is $abi_version but ffi/abi/libjwtmint.abi was written for '$recorded'; run $0 --update" >&2
    exit 1
fi
if abidiff "$baseline" "$tmp/libjwtmint.abi" > "$tmp/report" 2>&1; then
    echo "abidiff ffi/abi/libjwtmint.abi (ABI version $abi_version) against this build: no change ($functions exported functions)"
else
    status=$?
    cat "$tmp/report"
    echo "error: the ABI differs from ffi/abi/libjwtmint.abi (abidiff exit $status)." >&2
    echo "If intended: ffi/abi/abi.sh --update, raise JWTMINT_ABI_VERSION, commit both." >&2
    exit 1
fi
