#!/usr/bin/env bash
# Builds the C ABI crate and puts the C artifacts where every consumer looks for them:
#
#   <target>/<profile>/libjwtmint.so     soname libjwtmint.so.0, exports versioned JWTMINT_0.1
#   <target>/<profile>/libjwtmint.so.0   -> libjwtmint.so (what programs linked to it load)
#   <target>/<profile>/libjwtmint.a      only jwtmint_* global
#   (.dylib on macOS, copied from cargo as it is)
#
# usage: ffi/build-lib.sh [--debug]     (release by default; <profile> is release or debug)
#
# On ELF (Linux, the BSDs), with GNU binutils, from cargo's static library
# (libjwtmint_ffi.a; the crate's Rust name, so its rlib does not collide with the core's):
#
#  1. `ld -r` links the archive's members that the exports need into one object, and
#     `objcopy --keep-global-symbols` makes every symbol but the exports local. The Rust
#     runtime inside (std, alloc, compiler-builtins, rust_eh_personality) is then private to
#     libjwtmint, so a program can link libjwtmint.a next to another Rust static library, in
#     either order, without "multiple definition" errors. The bitcode sections (.llvmbc) go
#     too: no linker uses them here, and binutils' LLVM plugin misreads newer LLVM's. So do
#     the COMDAT groups (.group; rustc makes one, DW.ref.rust_eh_personality): a group is
#     kept once per program by its name, so ours, linked first, would stand in for another
#     Rust library's and leave that library's reference to its now-local symbol unresolved.
#  2. libjwtmint.a is that one object; libjwtmint.so is linked from it with the soname and the
#     version script ffi/abi/libjwtmint.map (rustc's own version script for a cdylib would win
#     over ours, so the shared library is not cargo's cdylib; see ffi/build.rs).
#
# The exports are the names in ffi/abi/libjwtmint.map (its test in ffi/src/sources.rs checks
# them against the header). A release build drops debug information, as cargo's release
# profile does; --debug keeps it (ffi/abi/check.sh reads the types from it).
#
# Each file is written under a temporary name in the same folder and renamed, so a reader (a
# binding's loader, a concurrent build) never sees a half-written one.
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

case "$(uname -s)" in
    Darwin) elf=0 ;;
    *) elf=1 ;;
esac

flags=(--locked --manifest-path "$manifest" -p jwtmint-ffi --lib)
[ "$profile" = release ] && flags+=(--release)
# On ELF only the static library is needed from cargo (both C artifacts are made from it).
[ "$elf" = 1 ] && flags+=(--crate-type staticlib)

# One build. cargo replays rustc's notes when the build is fresh, so the native-static-libs
# line is there on every run.
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

place() { # FROM TO: copy to a temporary name beside TO, then rename over TO
    local tmp
    tmp="$(mktemp "$dir/.$2.XXXXXX")"
    if ! cp "$1" "$tmp"; then
        rm -f "$tmp"
        return 1
    fi
    chmod "$([ "${2##*.}" = a ] && echo 0644 || echo 0755)" "$tmp"
    mv -f "$tmp" "$dir/$2"
    echo "$dir/$2"
}

if [ "$elf" = 0 ]; then
    place "$dir/libjwtmint_ffi.dylib" libjwtmint.dylib
    place "$dir/libjwtmint_ffi.a" libjwtmint.a
    echo "native-static-libs: $native_libs"
    exit 0
fi

for tool in ld objcopy ar cc; do
    command -v "$tool" > /dev/null || { echo "error: $tool not found (GNU binutils, a C compiler)" >&2; exit 1; }
done
major="$(sed -n 's/^version = "\([0-9]*\)\..*"$/\1/p' "$root/Cargo.toml" | head -n 1)"
map="$root/ffi/abi/libjwtmint.map"
work="$(mktemp -d "$dir/.jwtmint-link.XXXXXX")"
trap 'rm -rf "$work"' EXIT
sed -n 's/^ *\(jwtmint_[a-z0-9_]*\);$/\1/p' "$map" > "$work/exports"
[ -s "$work/exports" ] || { echo "error: no exports in $map" >&2; exit 1; }

# 1. One object with what the exports need; only the exports global.
mapfile -t undefined < <(sed 's/^/--undefined=/' "$work/exports")
ld -r -o "$work/jwtmint.o" "${undefined[@]}" "$dir/libjwtmint_ffi.a"
strip_debug=()
[ "$profile" = release ] && strip_debug=(--strip-debug)
objcopy --keep-global-symbols="$work/exports" --remove-section=.llvmbc \
    --remove-section=.llvmcmd --remove-section=.group "${strip_debug[@]}" "$work/jwtmint.o"

# 2. The archive (deterministic: no timestamps or owners) and the shared library.
ar rcsD "$work/libjwtmint.a" "$work/jwtmint.o"
# shellcheck disable=SC2086 # word splitting is the point: native_libs is a list of flags
cc -shared -o "$work/libjwtmint.so" "$work/jwtmint.o" \
    -Wl,-soname,"libjwtmint.so.$major" -Wl,--version-script="$map" \
    -Wl,--gc-sections -Wl,-O1 -Wl,--as-needed -Wl,-z,relro,-z,now -Wl,-z,noexecstack \
    $native_libs

place "$work/libjwtmint.so" libjwtmint.so
ln -sfn libjwtmint.so "$dir/libjwtmint.so.$major"
place "$work/libjwtmint.a" libjwtmint.a
echo "native-static-libs: $native_libs"
