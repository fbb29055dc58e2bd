#!/usr/bin/env bash
# The Python binding (bindings/python): installs it into a fresh virtualenv under target/ the
# way a user would (pip builds libjwtmint with ffi/build-lib.sh and ships it inside the
# package), then runs its pytest suite and doctests from outside the repository, so that only
# the installed package can be imported; type-checks it; runs the example and a short
# benchmark.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
# shellcheck source=scripts/lib/deps.sh
source scripts/lib/deps.sh
apt_install python3:python3 cc:gcc

venv="$root/target/python-binding-venv"
rm -rf "$venv"
if ! python3 -m venv "$venv" 2>/dev/null; then
  # Debian's python3 keeps venv's pip bootstrap in a separate package.
  rm -rf "$venv"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-venv >/dev/null
  python3 -m venv "$venv"
fi
py="$venv/bin/python"
pip=("$py" -m pip --disable-pip-version-check)

echo "--- pip install ./bindings/python (builds libjwtmint with ffi/build-lib.sh)"
"${pip[@]}" install -q ./bindings/python
"${pip[@]}" install -q -r bindings/python/requirements-test.txt

echo "--- mypy --strict"
"$py" -m mypy --strict --cache-dir "$root/target/mypy-cache" \
  bindings/python/src/jwtmint bindings/python/example.py

# From an empty directory outside the repository: `import jwtmint` can only find the
# installed package (tests/test_installed.py checks that too).
outside="$(mktemp -d)"
trap 'rm -rf "$outside"' EXIT
cd "$outside"

echo "--- example and benchmark smoke runs"
"$py" "$root/bindings/python/example.py" >/dev/null
"$py" "$root/bindings/python/bench.py" --repeats 1 --seconds 0.01 >/dev/null

echo "--- pytest"
"$py" -m pytest -p no:cacheprovider --rootdir "$root/bindings/python" \
  --doctest-modules --pyargs jwtmint "$root/bindings/python/tests"
