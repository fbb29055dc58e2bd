#!/usr/bin/env bash
# The Python binding (bindings/python): lints its Rust crate (fmt, clippy -D warnings), builds
# the wheel exactly as a release does (bindings/python/build-wheel.sh: one release build of
# the PyO3 extension, auditwheel show), installs that wheel into a fresh virtualenv under
# target/ the way a user would, then from a directory outside the repository (so that only
# the installed package can be imported): stubtest (the .pyi against the extension module),
# mypy --strict, the example, a short benchmark printing the ratios against PyJWT, and pytest
# with the docstrings' examples.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
# shellcheck source=scripts/lib/deps.sh
source scripts/lib/deps.sh
apt_install python3:python3 cc:gcc

# shellcheck source=scripts/packages/venv.sh
source scripts/packages/venv.sh
probe="$root/target/python-venv-probe"
rm -rf "$probe"
make_venv "$probe"
rm -rf "$probe"

crate=bindings/python/Cargo.toml
export CARGO_TARGET_DIR="$root/target/python-ext"
echo "--- cargo fmt --check, clippy -D warnings (bindings/python, its own workspace)"
cargo fmt --manifest-path "$crate" --check
cargo clippy --manifest-path "$crate" --locked --all-targets --quiet -- -D warnings

echo "--- bindings/python/build-wheel.sh target/python-wheel"
rm -rf "$root/target/python-wheel"
wheel="$(bash bindings/python/build-wheel.sh "$root/target/python-wheel" | tail -n 1)"
echo "built $wheel"

venv="$root/target/python-binding-venv"
rm -rf "$venv"
python3 -m venv "$venv"
py="$venv/bin/python"
pip=("$py" -m pip --disable-pip-version-check)
echo "--- pip install $(basename "$wheel") into a fresh venv"
"${pip[@]}" install -q --no-index "$wheel"
"${pip[@]}" install -q -r bindings/python/requirements-test.txt

# From an empty directory outside the repository: `import jwtmint` can only find the
# installed package (tests/test_installed.py checks that too).
outside="$(mktemp -d)"
trap 'rm -rf "$outside"' EXIT
cd "$outside"

echo "--- stubtest (jwtmint/_native.pyi against the extension module), mypy --strict"
"$py" -m mypy.stubtest jwtmint._native
"$py" -m mypy --strict --cache-dir "$root/target/mypy-cache" \
  "$root/bindings/python/src/jwtmint" "$root/bindings/python/example.py" \
  "$root/bindings/python/tests/typecheck_usage.py"

echo "--- example, and a short benchmark (ratios against PyJWT; bench.py for the full run)"
"$py" "$root/bindings/python/example.py" >/dev/null
"$py" "$root/bindings/python/bench.py" --repeats 3 --seconds 0.02 | grep '^ratio'

echo "--- pytest (tests and the docstrings' examples)"
"$py" -m pytest -q -p no:cacheprovider --rootdir "$root/bindings/python" \
  --doctest-modules --pyargs jwtmint "$root/bindings/python/tests"
