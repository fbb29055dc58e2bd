#!/usr/bin/env bash
# Builds libjwtmint in release mode and installs it under PREFIX:
#
#   PREFIX/lib/libjwtmint.so, PREFIX/lib/libjwtmint.a
#   PREFIX/include/jwtmint.h, PREFIX/include/jwtmint*.hpp (the C++ wrapper)
#   PREFIX/lib/pkgconfig/jwtmint.pc, jwtmint-static.pc
#   PREFIX/lib/cmake/jwtmint/jwtmintConfig.cmake, jwtmintConfigVersion.cmake
#
# usage: ffi/install.sh PREFIX        (e.g. ffi/install.sh /usr/local, or $HOME/.local)
#
# Builds with ffi/build-lib.sh, so respects CARGO_TARGET_DIR. Needs cargo and a C toolchain
# (for linking); nothing else.
set -euo pipefail

if [ $# -ne 1 ] || [ -z "$1" ]; then
    echo "usage: $0 PREFIX" >&2
    exit 2
fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$1"
prefix="$(cd "$1" && pwd)"

# One build for both artifacts (ffi/build-lib.sh), which also names the system libraries a
# static link needs, and the paths it wrote.
build_out="$("$root/ffi/build-lib.sh")"
shared_lib="$(printf '%s\n' "$build_out" | grep '/libjwtmint\.so$')"
static_lib="$(printf '%s\n' "$build_out" | grep '/libjwtmint\.a$')"
native_libs="$(printf '%s\n' "$build_out" | sed -n 's/^native-static-libs: //p')"
# CMake wants library names: "-lpthread -lm" -> "pthread;m".
cmake_libs="$(printf '%s\n' "$native_libs" | sed 's/-l//g; s/ \+/;/g')"

version="$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/Cargo.toml" | head -n 1)"
major="${version%%.*}"
minor="${version#*.}"; minor="${minor%%.*}"

install -d "$prefix/lib/pkgconfig" "$prefix/lib/cmake/jwtmint" "$prefix/include"
install -m 0755 "$shared_lib" "$prefix/lib/libjwtmint.so"
install -m 0644 "$static_lib" "$prefix/lib/libjwtmint.a"
install -m 0644 "$root/include/jwtmint.h" "$root"/include/jwtmint*.hpp "$prefix/include/"

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
