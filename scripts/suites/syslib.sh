#!/usr/bin/env bash
# libjwtmint as a system library, installed with ffi/install.sh the way users install it:
#
#  soname       the real file libjwtmint.so.X.Y.Z, SONAME libjwtmint.so.X, and the links
#               libjwtmint.so.X -> libjwtmint.so.X.Y.Z and libjwtmint.so -> libjwtmint.so.X;
#  versions     every export of libjwtmint.so in its version node (JWTMINT_0.1) as
#               ffi/abi/libjwtmint.map lists it, and nothing else exported;
#  globals      no global symbol but jwtmint_* in libjwtmint.a and libjwtmint.so;
#  link-order   a C program links libjwtmint.a beside a second Rust static library
#               (tests/syslib/other-rust) in both orders and runs; cargo's own archive, which
#               exports the Rust runtime, must fail the same link (the check can fail);
#  header       jwtmint.h alone under -std=c89, c99, c11, c++11, c++14, c++17, c++20 with
#               -Wall -Wextra -pedantic -Werror; jwtmint.hpp under c++17 and c++20;
#  pkg-config   tests/syslib/mint_verify.c (C89: mints, verifies, refuses a changed token)
#               built with pkg-config jwtmint and jwtmint-static, and run;
#  relocated    the installed prefix moved elsewhere (the original path gone): no installed
#               file names it, pkg-config and CMake find_package(jwtmint 0.1 CONFIG)
#               (jwtmint::jwtmint, jwtmint::jwtmint_static) build the program there, and it
#               runs;
#  abi          ffi/abi/abi.sh: abidiff of this build against ffi/abi/libjwtmint.abi.
#
# Each check prints what it found. Installs what it needs (scripts/lib/deps.sh). Works in
# $CARGO_TARGET_DIR/syslib (or target/syslib). ELF (Linux) only: elsewhere it exits 77.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root" || exit 1
# shellcheck source=scripts/lib/deps.sh
source scripts/lib/deps.sh
if [ "$(uname -s)" != Linux ]; then
    echo "SKIP syslib: the soname, version-node and symbol checks are for ELF (Linux)"
    exit 77
fi
ensure_syslib_tools || { echo "cannot install the tools (see scripts/lib/deps.sh)"; exit 1; }

target="${CARGO_TARGET_DIR:-$root/target}"
case "$target" in /*) ;; *) target="$root/$target" ;; esac
work="$target/syslib"
rm -rf "$work"
mkdir -p "$work/logs" "$work/bin"

passed=0
failed=0
failures=()
# check NAME COMMAND...: runs COMMAND; its output is kept in logs/NAME.log and its last line,
# what it found, is printed.
check() {
    local name="$1"
    shift
    if "$@" > "$work/logs/$name.log" 2>&1; then
        passed=$((passed + 1))
        printf 'ok    %-11s %s\n' "$name" "$(tail -n 1 "$work/logs/$name.log")"
    else
        failed=$((failed + 1))
        failures+=("$name")
        printf 'FAIL  %s\n' "$name"
        tail -n 30 "$work/logs/$name.log" | sed 's/^/      /'
    fi
}

echo "installing libjwtmint (release) into $work/prefix with ffi/install.sh"
if ! ffi/install.sh "$work/prefix" > "$work/logs/install.log" 2>&1; then
    cat "$work/logs/install.log"
    echo "syslib: 0 passed, 1 failed"
    exit 1
fi
prefix="$work/prefix"
version="$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)"
major="${version%%.*}"
map=ffi/abi/libjwtmint.map
exports="$(sed -n 's/^ *\(jwtmint_[a-z0-9_]*\);$/\1/p' "$map" | sort)"
n_exports="$(echo "$exports" | wc -l)"
node="$(sed -n 's/^\(JWTMINT_[0-9.]*\) {$/\1/p' "$map" | head -n 1)"

soname_chain() {
    local lib="$prefix/lib" so
    so="$(readelf -d "$lib/libjwtmint.so.$version" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')"
    echo "SONAME of libjwtmint.so.$version: $so"
    [ "$so" = "libjwtmint.so.$major" ] || return 1
    [ "$(readlink "$lib/libjwtmint.so.$major")" = "libjwtmint.so.$version" ] || return 1
    [ "$(readlink "$lib/libjwtmint.so")" = "libjwtmint.so.$major" ] || return 1
    [ -f "$lib/libjwtmint.so.$major" ] && [ -f "$lib/libjwtmint.so" ] || return 1
    echo "libjwtmint.so.$version SONAME $so; libjwtmint.so.$major -> libjwtmint.so.$version; libjwtmint.so -> libjwtmint.so.$major"
}
check soname soname_chain

version_nodes() {
    # objdump -T: the defined dynamic symbols with their version (the column before the name).
    local table
    table="$(objdump -T "$prefix/lib/libjwtmint.so.$version" | grep -v '[*]UND[*]' | awk 'NF >= 6')"
    echo "$table"
    local at_node others missing
    at_node="$(echo "$table" | awk -v n="$node" '$(NF-1) == n && $NF ~ /^jwtmint_/ {print $NF}' | sort)"
    # Anything else defined, except the version node's own symbol (*ABS* JWTMINT_0.1).
    others="$(echo "$table" | awk -v n="$node" '!($(NF-1) == n && $NF ~ /^jwtmint_/) && $NF != n')"
    missing="$(comm -23 <(echo "$exports") <(echo "$at_node"))"
    [ -z "$others" ] || { echo "exported besides the jwtmint_ functions:"; echo "$others"; return 1; }
    [ -z "$missing" ] || { echo "not at $node:"; echo "$missing"; return 1; }
    echo "$(echo "$at_node" | wc -l) of $n_exports exports at $node (objdump -T); nothing else exported but the node itself"
}
check versions version_nodes

foreign_globals() {
    local a so
    a="$(nm -g --defined-only "$prefix/lib/libjwtmint.a" | awk 'NF == 3 && $3 !~ /^jwtmint_/')"
    so="$(nm -D --defined-only --without-symbol-versions "$prefix/lib/libjwtmint.so.$version" |
        awk -v n="$node" 'NF == 3 && $3 !~ /^jwtmint_/ && $3 != n')"
    local a_own so_own
    a_own="$(nm -g --defined-only "$prefix/lib/libjwtmint.a" | awk 'NF == 3 && $3 ~ /^jwtmint_/' | wc -l)"
    so_own="$(nm -D --defined-only "$prefix/lib/libjwtmint.so.$version" | awk 'NF == 3 && $3 ~ /^jwtmint_/' | wc -l)"
    echo "libjwtmint.a foreign globals:"; echo "$a"
    echo "libjwtmint.so foreign dynamic symbols:"; echo "$so"
    [ -z "$a" ] && [ -z "$so" ] || return 1
    echo "libjwtmint.a: $a_own jwtmint_* globals, 0 others; libjwtmint.so: $so_own jwtmint_* exports, 0 others (nm)"
}
check globals foreign_globals

# ---- both link orders beside another Rust static library -------------------------------------
# shellcheck disable=SC2207 # word splitting is the point: pkg-config prints flags
native=($(PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config --libs-only-l --static jwtmint |
    sed 's/-ljwtmint\b//'))
link_orders() {
    cargo build --release --locked -q --manifest-path tests/syslib/other-rust/Cargo.toml \
        --target-dir "$work/other-rust" || return 1
    local other="$work/other-rust/release/libother_rust.a" ours="$prefix/lib/libjwtmint.a"
    local raw="$target/release/libjwtmint_ffi.a"
    echo "other-rust's global symbols: $(nm -g --defined-only "$other" 2> /dev/null | awk 'NF == 3' | wc -l)"
    gcc -std=c89 -Wall -Wextra -pedantic -Werror -DWITH_OTHER_RUST -I"$prefix/include" \
        -c tests/syslib/mint_verify.c -o "$work/mint_verify_other.o" || return 1
    gcc "$work/mint_verify_other.o" "$other" "$ours" "${native[@]}" -o "$work/bin/other-first" &&
        "$work/bin/other-first" || return 1
    gcc "$work/mint_verify_other.o" "$ours" "$other" "${native[@]}" -o "$work/bin/jwtmint-first" &&
        "$work/bin/jwtmint-first" || return 1
    # The control: cargo's archive as it comes exports the Rust runtime, and must clash.
    local clashes
    if gcc "$work/mint_verify_other.o" "$other" "$raw" "${native[@]}" -o "$work/bin/raw" \
        2> "$work/raw-link.err"; then
        echo "cargo's raw archive linked beside other-rust: the check cannot tell"
        return 1
    fi
    clashes="$(grep -c 'multiple definition' "$work/raw-link.err")"
    echo "beside other-rust (libother_rust.a): other first ok, libjwtmint first ok, both run; control: cargo's raw libjwtmint_ffi.a, other first, $clashes multiple definitions"
}
check link-order link_orders

header_standards() {
    local std ok=()
    for std in c89 c99 c11; do
        echo '#include "jwtmint.h"' | gcc -x c -std="$std" -Wall -Wextra -pedantic -Werror \
            -Wstrict-prototypes -I"$prefix/include" -fsyntax-only - || return 1
        ok+=("$std")
    done
    for std in c++11 c++14 c++17 c++20; do
        echo '#include "jwtmint.h"' | g++ -x c++ -std="$std" -Wall -Wextra -pedantic -Werror \
            -I"$prefix/include" -fsyntax-only - || return 1
        ok+=("$std")
    done
    for std in c++17 c++20; do
        echo '#include "jwtmint.hpp"' | g++ -x c++ -std="$std" -Wall -Wextra -pedantic -Werror \
            -I"$prefix/include" -fsyntax-only - || return 1
    done
    echo "jwtmint.h under -Wall -Wextra -pedantic -Werror: ${ok[*]}; jwtmint.hpp: c++17 c++20"
}
check header header_standards

# build_pc DIR: the C89 program with pkg-config from DIR, shared and static, each run.
build_pc() {
    local pcdir="$1/lib/pkgconfig" libdir
    libdir="$(PKG_CONFIG_PATH="$pcdir" pkg-config --variable=libdir jwtmint)" || return 1
    echo "libdir from pkg-config: $libdir"
    # shellcheck disable=SC2046 # word splitting is the point: pkg-config prints flags
    gcc -std=c89 -Wall -Wextra -pedantic -Werror tests/syslib/mint_verify.c \
        $(PKG_CONFIG_PATH="$pcdir" pkg-config --cflags --libs jwtmint) -Wl,-rpath,"$libdir" \
        -o "$work/bin/pc-shared" && "$work/bin/pc-shared" || return 1
    readelf -d "$work/bin/pc-shared" | grep -q "NEEDED.*\[libjwtmint.so.$major\]" || return 1
    # shellcheck disable=SC2046
    gcc -std=c89 -Wall -Wextra -pedantic -Werror tests/syslib/mint_verify.c \
        $(PKG_CONFIG_PATH="$pcdir" pkg-config --cflags --libs jwtmint-static) \
        -o "$work/bin/pc-static" && "$work/bin/pc-static" || return 1
    ! readelf -d "$work/bin/pc-static" | grep -q 'NEEDED.*libjwtmint' || return 1
}
pkgconfig_here() {
    build_pc "$prefix" || return 1
    echo "pkg-config jwtmint (NEEDED libjwtmint.so.$major) and jwtmint-static: built, minted and verified"
}
check pkg-config pkgconfig_here

relocated() {
    local moved="$work/moved/somewhere/else"
    mkdir -p "$(dirname "$moved")" && mv "$prefix" "$moved" || return 1
    if grep -rl -- "$prefix" "$moved"; then
        echo "installed files name the install prefix"
        return 1
    fi
    build_pc "$moved" || return 1
    cmake -S tests/syslib/cmake -B "$work/cmake" -DCMAKE_PREFIX_PATH="$moved" \
        -DCMAKE_C_FLAGS="-std=c89 -Wall -Wextra -pedantic -Werror" || return 1
    cmake --build "$work/cmake" || return 1
    "$work/cmake/mint_verify_shared" && "$work/cmake/mint_verify_static" || return 1
    mv "$moved" "$prefix"
    echo "prefix moved (old path gone, no installed file names it): pkg-config shared+static and find_package(jwtmint 0.1 CONFIG) jwtmint::jwtmint + jwtmint::jwtmint_static built and ran"
}
check relocated relocated

check abi ffi/abi/abi.sh

echo
if [ ${#failures[@]} -gt 0 ]; then
    echo "failed: ${failures[*]} (logs in $work/logs)"
fi
echo "syslib: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
