#!/usr/bin/env bash
# The README's C example compiles (C99, -Werror -pedantic) against the static library and runs,
# printing a token that verifies with the CLI. The library comes from ffi/build-lib.sh, which
# also names the system libraries a static link needs. (The README's Rust examples are
# doctests.)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
target="${CARGO_TARGET_DIR:-$root/target}"
work="$target/readme-c"
mkdir -p "$work"
build_out="$(ffi/build-lib.sh)"
static_lib="$(printf '%s\n' "$build_out" | grep '/libjwtmint\.a$')"
native_libs="$(printf '%s\n' "$build_out" | sed -n 's/^native-static-libs: //p')"
cargo build --release --locked -q -p jwtmint-cli
python3 - "$work/example.c" <<'PY'
import re, sys
text = open("README.md", encoding="utf-8").read()
blocks = re.findall(r"```c\n(.*?)```", text, re.S)
assert len(blocks) == 1, f"expected one C example in README.md, found {len(blocks)}"
open(sys.argv[1], "w", encoding="utf-8").write(blocks[0])
PY
# shellcheck disable=SC2086 # word splitting is the point: native_libs is a list of flags
cc -std=c99 -Wall -Wextra -Werror -pedantic "$work/example.c" -I include \
  "$static_lib" $native_libs -o "$work/example"
line="$("$work/example")"
token="${line#Authorization: Bearer }"
[ "$token" != "$line" ] || { echo "unexpected output: $line"; exit 1; }
ZOOM_API_SECRET='my-zoom-api-secret-of-36-characters!' \
  "$target/release/jwtmint" verify --iss my-api-key "$token" >/dev/null
echo "README C example: 1 passed, 0 failed"
