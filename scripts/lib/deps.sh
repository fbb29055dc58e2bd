# Installs what the test suites need on a clean Debian machine, once; sourced by the scripts.
# Everything comes from Debian's packages, PyPI, npm or crates.io.

# Debian packages, installed only when their command is missing.
apt_install() {
  local missing=()
  local pair cmd pkg
  for pair in "$@"; do
    cmd="${pair%%:*}"
    pkg="${pair##*:}"
    command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "installing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

ensure_base_tools() {
  apt_install cc:gcc c++:g++ make:make cmake:cmake pkg-config:pkg-config nm:binutils \
    valgrind:valgrind strace:strace python3:python3 node:nodejs npm:npm
}

# The cbindgen version include/jwtmint.h is generated with (ffi/gen-header.sh pins it too).
CBINDGEN_VERSION=0.29.4
ensure_cbindgen() {
  [ "$(cbindgen --version 2>/dev/null)" = "cbindgen $CBINDGEN_VERSION" ] && return 0
  echo "installing cbindgen $CBINDGEN_VERSION"
  cargo install cbindgen --version "=$CBINDGEN_VERSION" --locked --quiet
}

# A virtualenv under target/ with the Python test dependencies.
ensure_python_env() {
  local venv="$root/target/venv"
  if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv" || return 1
  fi
  "$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$root/tests/interop/requirements.txt" || return 1
  PY="$venv/bin/python"
}

# node_modules for the interop scripts (jsrsasign, the library of Zoom's sample).
ensure_node_env() {
  if [ ! -d "$root/tests/interop/node_modules/jsrsasign" ]; then
    npm ci --prefix "$root/tests/interop" --no-audit --no-fund --loglevel=error || return 1
  fi
}

# libabigail's abidw and abidiff (ffi/abi/abi.sh, scripts/suites/syslib.sh), and the tools the
# system-library checks run: binutils (readelf, objdump, nm, objcopy), cmake, pkg-config.
ensure_syslib_tools() {
  apt_install cc:gcc c++:g++ cmake:cmake pkg-config:pkg-config readelf:binutils \
    abidw:abigail-tools abidiff:abigail-tools
}
