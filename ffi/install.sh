#!/usr/bin/env bash
# Builds libjwtmint in release mode and installs it under PREFIX, as a system library:
#
#   PREFIX/lib/libjwtmint.so.0.1.0                the shared library (soname libjwtmint.so.0)
#   PREFIX/lib/libjwtmint.so.0 -> libjwtmint.so.0.1.0   what programs load
#   PREFIX/lib/libjwtmint.so   -> libjwtmint.so.0       what `-ljwtmint` links
#   PREFIX/lib/libjwtmint.a                       the static library (only jwtmint_* global)
#   PREFIX/include/jwtmint.h, PREFIX/include/jwtmint*.hpp (the C++17 wrapper)
#   PREFIX/lib/pkgconfig/jwtmint.pc, jwtmint-static.pc
#   PREFIX/lib/cmake/jwtmint/jwtmintConfig.cmake, jwtmintConfigVersion.cmake
#
# usage: ffi/install.sh PREFIX        (e.g. ffi/install.sh /usr/local, or $HOME/.local)
#
# PREFIX is any writable folder; no root needed. Nothing installed names PREFIX: the
# pkg-config files find the prefix from their own place (${pcfiledir}) and the CMake package
# from its file's, so the installed tree can be moved or packed (a tarball, a staging folder)
# and used from wherever it lands.
#
# Why a script and not cargo-c (`cargo cinstall`), measured in December 2026: Debian 12's
# cargo-c (0.9.14) is built on a cargo too old to read this repository's Cargo.lock (version
# 4: "this version of Cargo does not understand this lock file"); crates.io's newest (0.10.26)
# needs rustc 1.97, newer than stable; 0.10.24 (`cargo install cargo-c --version 0.10.24
# --locked`) compiles 349 crates, cargo itself among them: 18 CPU-minutes, so at least 9
# minutes of a CI run on two cores, before it installs anything. And cargo-c ships cargo's
# own artifacts: a cdylib linked by rustc (whose version script wins over ours, ffi/build.rs)
# and a staticlib that exports the Rust runtime, the two things ffi/build-lib.sh fixes; what
# it would add here (soname links, .pc files) is a few lines.
#
# Builds with ffi/build-lib.sh, so respects CARGO_TARGET_DIR. Needs cargo, a C toolchain and
# GNU binutils; nothing else.
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
shared_lib="$(printf '%s\n' "$build_out" | grep -E '/libjwtmint\.(so|dylib)$')"
static_lib="$(printf '%s\n' "$build_out" | grep '/libjwtmint\.a$')"
native_libs="$(printf '%s\n' "$build_out" | sed -n 's/^native-static-libs: //p')"
# CMake wants library names: "-lpthread -lm" -> "pthread;m".
cmake_libs="$(printf '%s\n' "$native_libs" | sed 's/-l//g; s/ \+/;/g')"

version="$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/Cargo.toml" | head -n 1)"
major="${version%%.*}"
minor="${version#*.}"; minor="${minor%%.*}"

lib="$prefix/lib"
install -d "$lib/pkgconfig" "$lib/cmake/jwtmint" "$prefix/include"
case "$shared_lib" in
    *.so)
        # The real file carries the full version; the links are the soname and the dev name.
        shared_file="libjwtmint.so.$version"
        soname="libjwtmint.so.$major"
        install -m 0755 "$shared_lib" "$lib/$shared_file"
        ln -sfn "$shared_file" "$lib/$soname"
        ln -sfn "$soname" "$lib/libjwtmint.so"
        ;;
    *)
        shared_file="libjwtmint.dylib"
        soname="libjwtmint.dylib"
        install -m 0755 "$shared_lib" "$lib/$shared_file"
        ;;
esac
install -m 0644 "$static_lib" "$lib/libjwtmint.a"
install -m 0644 "$root/include/jwtmint.h" "$root"/include/jwtmint*.hpp "$prefix/include/"

fill() { # template output
    sed -e "s|@VERSION@|$version|g" \
        -e "s|@VERSION_MAJOR@|$major|g" -e "s|@VERSION_MINOR@|$minor|g" \
        -e "s|@SHARED_FILE@|$shared_file|g" -e "s|@SONAME@|$soname|g" \
        -e "s|@NATIVE_LIBS@|$native_libs|g" -e "s|@CMAKE_NATIVE_LIBS@|$cmake_libs|g" \
        "$1" > "$2"
    chmod 0644 "$2"
}
fill "$root/ffi/jwtmint.pc.in" "$lib/pkgconfig/jwtmint.pc"
fill "$root/ffi/jwtmint-static.pc.in" "$lib/pkgconfig/jwtmint-static.pc"
fill "$root/ffi/cmake/jwtmintConfig.cmake.in" "$lib/cmake/jwtmint/jwtmintConfig.cmake"
fill "$root/ffi/cmake/jwtmintConfigVersion.cmake.in" \
    "$lib/cmake/jwtmint/jwtmintConfigVersion.cmake"

echo "installed libjwtmint $version into $prefix"
echo "  static link needs: $native_libs"
