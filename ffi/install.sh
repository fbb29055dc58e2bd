#!/usr/bin/env bash
# Builds libjwtmint in release mode and installs it under PREFIX:
#
#   PREFIX/lib/libjwtmint.so, PREFIX/lib/libjwtmint.a
#   PREFIX/include/jwtmint.h, PREFIX/include/jwtmint.hpp
#   PREFIX/lib/pkgconfig/jwtmint.pc, jwtmint-static.pc
#   PREFIX/lib/cmake/jwtmint/jwtmintConfig.cmake, jwtmintConfigVersion.cmake
#
# usage: ffi/install.sh PREFIX        (e.g. ffi/install.sh /usr/local, or $HOME/.local)
#
# Respects CARGO_TARGET_DIR. Needs cargo and a C toolchain (for linking); nothing else.
set -euo pipefail

if [ $# -ne 1 ] || [ -z "$1" ]; then
    echo "usage: $0 PREFIX" >&2
    exit 2
fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$1"
prefix="$(cd "$1" && pwd)"
target_dir="${CARGO_TARGET_DIR:-$root/target}"

# One build for both artifacts; rustc also names the system libraries a static link needs.
build_log="$(cargo rustc --manifest-path "$root/Cargo.toml" -p jwtmint-ffi --release \
    -- --print native-static-libs 2>&1)" || { echo "$build_log" >&2; exit 1; }
native_libs="$(printf '%s\n' "$build_log" | sed -n 's/.*native-static-libs: //p' | tail -n 1)"
if [ -z "$native_libs" ]; then
    echo "$build_log" >&2
    echo "error: cargo did not report native-static-libs" >&2
    exit 1
fi
# CMake wants library names: "-lpthread -lm" -> "pthread;m".
cmake_libs="$(printf '%s\n' "$native_libs" | sed 's/-l//g; s/ \+/;/g')"

version="$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/Cargo.toml" | head -n 1)"
major="${version%%.*}"
minor="${version#*.}"; minor="${minor%%.*}"

release="$target_dir/release"
install -d "$prefix/lib/pkgconfig" "$prefix/lib/cmake/jwtmint" "$prefix/include"
install -m 0755 "$release/libjwtmint.so" "$prefix/lib/libjwtmint.so"
install -m 0644 "$release/libjwtmint.a" "$prefix/lib/libjwtmint.a"
install -m 0644 "$root/include/jwtmint.h" "$root/include/jwtmint.hpp" "$prefix/include/"

fill() { # template output
    sed -e "s|@PREFIX@|$prefix|g" -e "s|@VERSION@|$version|g" \
        -e "s|@VERSION_MAJOR@|$major|g" -e "s|@VERSION_MINOR@|$minor|g" \
        -e "s|@NATIVE_LIBS@|$native_libs|g" -e "s|@CMAKE_NATIVE_LIBS@|$cmake_libs|g" \
        "$1" > "$2"
}
fill "$root/ffi/jwtmint.pc.in" "$prefix/lib/pkgconfig/jwtmint.pc"
fill "$root/ffi/jwtmint-static.pc.in" "$prefix/lib/pkgconfig/jwtmint-static.pc"
fill "$root/ffi/cmake/jwtmintConfig.cmake.in" "$prefix/lib/cmake/jwtmint/jwtmintConfig.cmake"
fill "$root/ffi/cmake/jwtmintConfigVersion.cmake.in" \
    "$prefix/lib/cmake/jwtmint/jwtmintConfigVersion.cmake"

echo "installed libjwtmint $version into $prefix"
echo "  static link needs: $native_libs"
