#!/usr/bin/env bash
# The release packages, installed the ordinary way: clones this repository into a temporary
# folder, runs scripts/dist there, copies dist/ (and the checks, scripts/packages/, and the Go
# module, bindings/go) out, DELETES the clone with its target directory, then, with cargo and
# rustc off the PATH, installs and exercises every artifact in a fresh environment:
#
#   wheel   scripts/packages/check-wheel.sh    pip install into a new venv
#   npm     scripts/packages/check-npm.sh      npm install ./jwtmint-<version>.tgz, new project
#   C SDK   scripts/packages/check-csdk.sh     pkg-config, CMake find_package, moved and again
#   Go      scripts/packages/check-go.sh       a fresh module, the C SDK through pkg-config
#   CLI     scripts/packages/check-cli.sh      the unpacked binary
#
# Each mints a known token at a fixed time (scripts/packages/known-token.sh; check-wheel.sh has
# its own) and compares it with the one its own language's standard library computes, and
# verifies it. The artifacts' names
# must carry the workspace's version and SHA256SUMS must check.
#
# The clone holds the commits only: uncommitted changes of this working tree are not in it
# (a note says so; CI's checkout is clean). Until bindings/python/build-wheel.sh exists the
# wheel is not built and not checked (a line says so); once it does, a missing wheel fails.
#
# Installs (Debian, when missing): gcc, g++, pkg-config, cmake, binutils, python3, nodejs,
# npm, golang-go, git. Needs cargo for the build in the clone; koffi comes from the npm
# registry. Takes one release build of the clone's workspace: about 3.5 minutes on 2 cores
# cold; about 1 minute when this checkout's target/release holds a release build (the other
# suites make one), whose dependency artifacts (deps/, build/, .fingerprint/) then seed the
# clone's target directory, as a CI cache would. Cargo still builds every crate of the clone's
# own workspace (their paths differ, and so their fingerprints); only the registry crates are
# reused. JWTMINT_PACKAGES_COLD=1 builds from nothing. The wheel adds its own build
# (bindings/python/build-wheel.sh: the extension is a workspace of its own, with its own target
# directory in the clone; about 2 minutes, with its tools from PyPI).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
# shellcheck source=scripts/lib/deps.sh
source scripts/lib/deps.sh
apt_install cc:gcc c++:g++ pkg-config:pkg-config cmake:cmake readelf:binutils python3:python3 \
    node:nodejs npm:npm go:golang-go git:git

version="$(awk '/^\[/ { in_ws = ($0 == "[workspace.package]") }
                in_ws && /^version *=/ { sub(/^version *= *"/, ""); sub(/".*/, ""); print; exit }' Cargo.toml)"
[ -n "$version" ] || { echo "no version in Cargo.toml's [workspace.package]"; exit 1; }
commit="$(git rev-parse HEAD)"
if [ -n "$(git status --porcelain)" ]; then
    echo "note: this working tree has uncommitted changes; the clone holds commit ${commit:0:12} only"
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/jwtmint-packages.XXXXXX")"
cleanup() {
    chmod -R u+w "$work" 2> /dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# --- Build in a clone, keep dist/ and the checks, delete the clone. ---------------------------
step_start=$SECONDS
clone="$work/clone"
git clone --quiet --no-checkout "$root" "$clone"
git -C "$clone" checkout --quiet --detach "$commit"
echo "scripts/dist in a clone of ${commit:0:12} ($clone)"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
case "$target_dir" in /*) ;; *) target_dir="$root/$target_dir" ;; esac
if [ "${JWTMINT_PACKAGES_COLD:-0}" != 1 ] && [ -d "$target_dir/release/.fingerprint" ]; then
    echo "seeding the clone's target/release with the dependency artifacts of $target_dir/release"
    mkdir -p "$clone/target/release"
    cp -a --reflink=auto "$target_dir/release/deps" "$target_dir/release/build" \
        "$target_dir/release/.fingerprint" "$clone/target/release/"
fi
# The clone's own target directory (deleted with it), whatever this shell's CARGO_TARGET_DIR.
(cd "$clone" && env -u CARGO_TARGET_DIR scripts/dist)
cp -R "$clone/dist" "$work/dist"
cp -R "$clone/scripts/packages" "$work/checks"
# The Go module as a user would have it: files, not links into a checkout.
cp -RL "$clone/bindings/go" "$work/go-module"
rm -rf "$clone"
[ ! -e "$clone" ] || { echo "FAILED: the clone is still there"; exit 1; }
echo "built in $((SECONDS - step_start)) s; the clone and its target directory are deleted"

# --- The artifacts: named for the workspace's version, checksummed. ---------------------------
dist="$work/dist"
one() { # PATTERN: the one file of dist/ matching it
    local matches=("$dist"/$1)
    if [ ${#matches[@]} -ne 1 ] || [ ! -f "${matches[0]}" ]; then
        echo "FAILED: dist/ holds no single $1 (version $version):" >&2
        ls "$dist" >&2
        exit 1
    fi
    printf '%s\n' "${matches[0]}"
}
npm_tgz="$(one "jwtmint-$version.tgz")"
sdk="$(one "libjwtmint-$version-*.tar.gz")"
cli="$(one "jwtmint-cli-$version-*.tar.gz")"
wheel=""
if [ -f "$work/checks/check-wheel.sh" ]; then
    wheel="$(one "jwtmint-$version-*.whl")"
fi
(cd "$dist" && sha256sum --quiet -c SHA256SUMS) || { echo "FAILED: sha256sum -c SHA256SUMS"; exit 1; }
listed="$(awk '{ print $2 }' "$dist/SHA256SUMS" | sort)"
present="$(cd "$dist" && ls | grep -vx SHA256SUMS | sort)"
[ "$listed" = "$present" ] || { echo "FAILED: SHA256SUMS lists '$listed', dist/ holds '$present'"; exit 1; }
echo "dist/: $(wc -l <<< "$present") artifacts of version $version, sha256sum -c SHA256SUMS passes"

# --- Cargo and rustc off the PATH. ----------------------------------------------------------
bare_path=""
IFS=: read -r -a path_dirs <<< "$PATH"
for dir in "${path_dirs[@]}"; do
    [ -n "$dir" ] || continue
    if [ -e "$dir/cargo" ] || [ -e "$dir/rustc" ] || [ -e "$dir/rustup" ]; then
        continue
    fi
    bare_path="${bare_path:+$bare_path:}$dir"
done
if env PATH="$bare_path" bash -c 'command -v cargo || command -v rustc'; then
    echo "FAILED: cargo or rustc is still on the PATH without the Rust toolchain's folders (above)"
    exit 1
fi
echo "PATH for the checks: no cargo, no rustc"

# Runs one check in that environment, away from the checkout.
failed=()
check() { # NAME SCRIPT ARGS...
    local name="$1" status=0 start=$SECONDS
    shift
    echo
    echo "--- $name: $(basename "$1")"
    (cd "$work" && env -u CARGO_TARGET_DIR -u JWTMINT_LIB -u CARGO_HOME -u RUSTUP_HOME \
        PATH="$bare_path" bash "$@") || status=$?
    if [ "$status" -eq 0 ]; then
        echo "--- $name: ok in $((SECONDS - start)) s"
    else
        echo "--- $name: FAILED (exit $status)"
        failed+=("$name")
    fi
}
check cli "$work/checks/check-cli.sh" "$cli"
check csdk "$work/checks/check-csdk.sh" "$sdk"
check npm "$work/checks/check-npm.sh" "$npm_tgz"
check go "$work/checks/check-go.sh" "$work/go-module" "$sdk"
if [ -n "$wheel" ]; then
    check wheel "$work/checks/check-wheel.sh" "$wheel"
else
    echo
    echo "--- wheel: not built: scripts/packages/check-wheel.sh and bindings/python/build-wheel.sh are not in this tree yet"
fi

echo
if [ ${#failed[@]} -gt 0 ]; then
    echo "packages: FAILED: ${failed[*]}"
    exit 1
fi
echo "packages: every artifact of jwtmint $version installed and checked without cargo"
