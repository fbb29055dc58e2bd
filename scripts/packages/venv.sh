# make_venv DIR: a virtualenv at DIR. Debian's python3 keeps venv's pip bootstrap in
# python3-venv, installed when missing. Sourced by check-wheel.sh (which runs from a copy of
# this folder, outside any checkout), bindings/python/build-wheel.sh and the python suite.
make_venv() {
  if ! python3 -m venv "$1" 2>/dev/null; then
    rm -rf "$1"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-venv >&2
    python3 -m venv "$1"
  fi
}
