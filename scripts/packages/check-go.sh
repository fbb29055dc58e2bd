#!/usr/bin/env bash
# Checks the Go binding as a user outside the repository uses it: a fresh module that
# requires the jwtmint Go module through a replace directive (no module host exists) and links
# the released C SDK through pkg-config (the binding's default, link_pkgconfig.go), with no
# build from a checkout.
#
# usage: scripts/packages/check-go.sh GO_MODULE_DIR dist/libjwtmint-<version>-<target>.tar.gz
#
# GO_MODULE_DIR is a copy of bindings/go. go/main.go mints the known token (known-token.sh) at
# a fixed time, compares it with the token Go's crypto/hmac computes, verifies it, and sees
# another secret refused; the module's and the library's versions must be the SDK's. The
# program must need no libjwtmint at run time. GOPROXY=off: nothing is downloaded. Exit 77
# when go, a C compiler or pkg-config is missing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/packages/known-token.sh
source "$here/known-token.sh"
[ $# -eq 2 ] || { echo "usage: $0 GO_MODULE_DIR libjwtmint-<version>-<target>.tar.gz" >&2; exit 2; }
module="$(cd "$1" && pwd)"
archive="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
need go cc pkg-config readelf tar
[ -f "$module/go.mod" ] || die "$module has no go.mod"
module_path="$(sed -n 's/^module //p' "$module/go.mod")"

name="$(basename "$archive" .tar.gz)"
version="${name#libjwtmint-}"
version="${version%%-*}"
[ -n "$version" ] || die "cannot read a version from $name"
export EXPECTED_VERSION="$version"

work="$(mktemp -d)"
trap 'chmod -R u+w "$work" 2> /dev/null; rm -rf "$work"' EXIT
tar -xzf "$archive" -C "$work"
export PKG_CONFIG_PATH="$work/$name/lib/pkgconfig"

# Go's caches and settings of this check only: no network, no go.work, no toolchain switch.
export GOPATH="$work/gopath" GOCACHE="$work/gocache" GOENV=off GOFLAGS=-mod=mod GOPROXY=off
export GOTOOLCHAIN=local GOWORK=off CGO_ENABLED=1
unset CGO_CFLAGS CGO_LDFLAGS

app="$work/app"
mkdir -p "$app"
cp "$here/go/main.go" "$app/main.go"
printf '%s\n' 'module example.invalid/package-check' '' 'go 1.19' '' \
    "require $module_path v0.0.0" '' "replace $module_path => $module" > "$app/go.mod"
(cd "$app" && go build -o check .)
deps="$(readelf -d "$app/check")"
! grep -q 'NEEDED.*libjwtmint' <<< "$deps" || die "the program needs libjwtmint at run time"
"$app/check"
echo "go: ok ($(go version | cut -d' ' -f3), static libjwtmint through pkg-config jwtmint-static)"
