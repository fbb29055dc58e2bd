#!/usr/bin/env bash
# Builds the C ABI crate and puts the C artifacts where every consumer looks for them:
#
#   <target>/<profile>/libjwtmint.so   (soname libjwtmint.so; .dylib on macOS)
#   <target>/<profile>/libjwtmint.a
#
# usage: ffi/build-lib.sh [--debug]     (release by default; <profile> is release or debug)
#
# Cargo names the crate's artifacts after its Rust name, libjwtmint_ffi.{so,a} (the rlib must
# not collide with the core's libjwtmint.rlib; see ffi/Cargo.toml); this script copies them to
# the names C users link with. Each file is copied to a temporary name in the same folder and
# renamed, so a reader (a binding's loader, a concurrent build) never sees a half-written one.
#
# <target> is cargo's target directory: CARGO_TARGET_DIR (relative to the current directory,
# as cargo takes it) or ./target of the repository. Builds with --locked. The last line of the
# output is "native-static-libs: ...", the system libraries a static link needs (rustc's
# --print native-static-libs), which ffi/install.sh writes into the pkg-config and CMake files.
set -euo pipefail

profile=release
case "${1:-}" in
    "") ;;
    --debug) profile=debug ;;
    *) echo "usage: $0 [--debug]" >&2; exit 2 ;;
esac
[ $# -le 1 ] || { echo "usage: $0 [--debug]" >&2; exit 2; }

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
manifest="$root/Cargo.toml"

# Cargo's own answer, so that CARGO_TARGET_DIR (relative or not) and .cargo/config's
# build.target-dir are honoured exactly as `cargo build` honours them.
target_dir="$(cargo metadata --manifest-path "$manifest" --format-version 1 --no-deps --locked |
    sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
[ -n "$target_dir" ] || { echo "error: cargo metadata gave no target directory" >&2; exit 1; }

flags=(--locked --manifest-path "$manifest" -p jwtmint-ffi --lib)
[ "$profile" = release ] && flags+=(--release)

# One build for all three crate types. cargo replays rustc's notes when the build is fresh, so
# the native-static-libs line is there on every run.
if ! log="$(cargo rustc "${flags[@]}" -- --print native-static-libs 2>&1)"; then
    echo "$log" >&2
    exit 1
fi
native_libs="$(printf '%s\n' "$log" | sed -n 's/.*native-static-libs: //p' | tail -n 1)"
if [ -z "$native_libs" ]; then
    echo "$log" >&2
    echo "error: cargo did not report native-static-libs" >&2
    exit 1
fi

dir="$target_dir/$profile"
case "$(uname -s)" in
    Darwin) shared=dylib ;;
    *) shared=so ;;
esac

place() { # FROM TO: copy to a temporary name beside TO, then rename over TO
    local tmp
    tmp="$(mktemp "$dir/.$2.XXXXXX")"
    if ! cp "$dir/$1" "$tmp"; then
        rm -f "$tmp"
        return 1
    fi
    chmod "$([ "${2##*.}" = a ] && echo 0644 || echo 0755)" "$tmp"
    mv -f "$tmp" "$dir/$2"
    echo "$dir/$2"
}
place "libjwtmint_ffi.$shared" "libjwtmint.$shared"
place libjwtmint_ffi.a libjwtmint.a
echo "native-static-libs: $native_libs"
