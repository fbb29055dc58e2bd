#!/usr/bin/env bash
# Checks the C SDK archive as a user installs it: unpacked anywhere, used through pkg-config
# (shared and static) and CMake's find_package, then moved elsewhere and used again (nothing
# in it may name the folder it was unpacked in, or the one it was built in).
#
# usage: scripts/packages/check-csdk.sh dist/libjwtmint-<version>-<target>.tar.gz
#
# Each build runs csdk/check.c, which mints the known token (known-token.sh) at a fixed time,
# verifies it and sees another secret refused; its token must be the one Python's hmac
# computes, and the library's version the one in the archive's name. The layout must follow
# ffi/install.sh's contract: soname links, both pkg-config files, the CMake package, the
# license texts and a README. Exit 77 when a tool (cc, c++, pkg-config, cmake, python3,
# readelf) is missing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/packages/known-token.sh
source "$here/known-token.sh"
[ $# -eq 1 ] || { echo "usage: $0 libjwtmint-<version>-<target>.tar.gz" >&2; exit 2; }
archive="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
need cc c++ pkg-config cmake python3 readelf tar

name="$(basename "$archive" .tar.gz)"
version="${name#libjwtmint-}"
version="${version%%-*}"
major="${version%%.*}"
minor="${version#*.}"
minor="${minor%%.*}"
[ -n "$version" ] || die "cannot read a version from $name"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/unpacked"
tar -xzf "$archive" -C "$work/unpacked"
sdk="$work/unpacked/$name"
[ -d "$sdk" ] || die "$archive does not unpack into $name/"

# --- The layout. ------------------------------------------------------------------------------
for f in README.md LICENSE-MIT LICENSE-APACHE include/jwtmint.h include/jwtmint.hpp lib/libjwtmint.a \
    lib/pkgconfig/jwtmint.pc lib/pkgconfig/jwtmint-static.pc lib/cmake/jwtmint/jwtmintConfig.cmake \
    lib/cmake/jwtmint/jwtmintConfigVersion.cmake; do
    [ -s "$sdk/$f" ] || die "$name has no $f"
done
# libjwtmint.so -> libjwtmint.so.<major> (the soname) -> libjwtmint.so.<version> (the file).
soname="$(readelf -d "$sdk/lib/libjwtmint.so" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')"
[ "$soname" = "libjwtmint.so.$major" ] || die "the soname is '$soname', not libjwtmint.so.$major"
[ -L "$sdk/lib/libjwtmint.so" ] || die "lib/libjwtmint.so is not a symbolic link (to the soname)"
[ -L "$sdk/lib/$soname" ] || die "lib/$soname is not a symbolic link (to libjwtmint.so.$version)"
[ "$(readlink -f "$sdk/lib/$soname")" = "$sdk/lib/libjwtmint.so.$version" ] ||
    die "lib/$soname does not lead to lib/libjwtmint.so.$version"
[ -f "$sdk/lib/libjwtmint.so.$version" ] && [ ! -L "$sdk/lib/libjwtmint.so.$version" ] ||
    die "lib/libjwtmint.so.$version is not a file"
echo "layout: headers, libjwtmint.so -> $soname -> libjwtmint.so.$version, libjwtmint.a, pkg-config, CMake, licenses"

expected="$(printf '%s\n%s\n%s' "$version" "$(known_token_python)" "$(known_payload)")"
expect_output() { # LABEL COMMAND...
    local label="$1" out
    shift
    out="$("$@")" || die "$label: the program failed"
    [ "$out" = "$expected" ] || die "$label printed
$out
but the expected version, token (Python's hmac) and payload are
$expected"
}

# Builds and runs check.c every way against the SDK at SDK, in the fresh folder BUILD.
build_all() { # SDK BUILD LABEL
    local sdk="$1" build="$2" label="$3"
    mkdir -p "$build"
    export PKG_CONFIG_PATH="$sdk/lib/pkgconfig"
    [ "$(pkg-config --modversion jwtmint)" = "$version" ] || die "$label: pkg-config's jwtmint is not $version"

    # shellcheck disable=SC2046 # pkg-config's flags are words
    cc -Wall -Werror "$here/csdk/check.c" $(pkg-config --cflags --libs jwtmint) -o "$build/shared"
    # (Outputs are read whole: `grep -q` on a pipe would end it early, which pipefail counts.)
    local deps
    deps="$(LD_LIBRARY_PATH="$sdk/lib" ldd "$build/shared")"
    grep -q "libjwtmint.so.$major => $sdk/lib/libjwtmint.so.$major " <<< "$deps" ||
        die "$label: the shared build does not load the SDK's libjwtmint.so.$major: $deps"
    expect_output "$label pkg-config jwtmint" env LD_LIBRARY_PATH="$sdk/lib" "$build/shared"

    # shellcheck disable=SC2046
    cc -Wall -Werror "$here/csdk/check.c" $(pkg-config --cflags --libs jwtmint-static) -o "$build/static"
    deps="$(readelf -d "$build/static")"
    ! grep -q 'NEEDED.*libjwtmint' <<< "$deps" || die "$label: the static build needs libjwtmint at run time"
    expect_output "$label pkg-config jwtmint-static" "$build/static"

    # The C++ wrapper compiles against the SDK's headers.
    # shellcheck disable=SC2046
    printf '#include <jwtmint.hpp>\nint main() { return 0; }\n' |
        c++ -std=c++17 -fsyntax-only -x c++ $(pkg-config --cflags jwtmint) - ||
        die "$label: jwtmint.hpp does not compile"
    unset PKG_CONFIG_PATH

    cmake -S "$here/csdk" -B "$build/cmake" -DCMAKE_PREFIX_PATH="$sdk" \
        -DJWTMINT_VERSION="$major.$minor" > "$build/cmake.log" 2>&1 ||
        { cat "$build/cmake.log" >&2; die "$label: cmake could not configure with find_package(jwtmint $major.$minor CONFIG)"; }
    grep -qx "jwtmint_DIR:PATH=$sdk/lib/cmake/jwtmint" "$build/cmake/CMakeCache.txt" ||
        die "$label: CMake found another jwtmint package than the SDK's"
    cmake --build "$build/cmake" > "$build/cmake-build.log" 2>&1 ||
        { cat "$build/cmake-build.log" >&2; die "$label: the CMake build failed"; }
    expect_output "$label CMake jwtmint::jwtmint" "$build/cmake/check_cmake_shared"
    expect_output "$label CMake jwtmint::jwtmint_static" "$build/cmake/check_cmake_static"
    echo "$label: pkg-config jwtmint and jwtmint-static, CMake jwtmint::jwtmint and ::jwtmint_static:" \
        "the token Python's hmac computes, verified, another secret refused"
}

build_all "$sdk" "$work/build-1" "unpacked"
# Moved (and renamed): every build again, from nothing.
mkdir -p "$work/elsewhere/deeper"
mv "$sdk" "$work/elsewhere/deeper/sdk"
build_all "$work/elsewhere/deeper/sdk" "$work/build-2" "moved"
echo "csdk: ok"
