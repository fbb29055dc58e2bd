#!/usr/bin/env bash
# The Go binding (bindings/go): builds the static libjwtmint (ffi/build-lib.sh) and the CLI,
# then runs go vet and go test with -tags jwtmint_checkout (plain and with the race detector:
# goroutines share keys, minters and verifiers), the benchmarks once each as a smoke test, and
# the default build against an installed libjwtmint through pkg-config (ffi/install.sh), the
# way users outside the repository build it (scripts/suites/packages.sh does it with the
# released C SDK).
#
# Installs (Debian): golang-go, pkg-config, when missing. Needs cargo and a C compiler. The Go
# binding needs no Go module from the network (GOPROXY=off); Go's caches live under the Cargo
# target directory. Respects CARGO_TARGET_DIR.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
# shellcheck source=scripts/lib/deps.sh
source scripts/lib/deps.sh
apt_install go:golang-go pkg-config:pkg-config cc:gcc

target_dir="${CARGO_TARGET_DIR:-$root/target}"
case "$target_dir" in /*) ;; *) target_dir="$root/$target_dir" ;; esac

echo "building libjwtmint (static) and the jwtmint CLI"
# ffi/build-lib.sh is the one way to libjwtmint.a: cargo names the crate's archive after its
# Rust name (libjwtmint_ffi.a), and the script places it as <target>/release/libjwtmint.a.
bash ffi/build-lib.sh > /dev/null
cargo build --release --locked --bin jwtmint

export GOPATH="$target_dir/go/path" GOCACHE="$target_dir/go/cache" GOENV=off
# -tags jwtmint_checkout: bindings/go/link_checkout.go links the repository's own build.
export GOPROXY=off GOFLAGS="-mod=readonly -tags=jwtmint_checkout" GOTOOLCHAIN=local CGO_ENABLED=1
# link_checkout.go looks in the repository's target/release; name this one first.
export CGO_LDFLAGS="-L$target_dir/release"
export JWTMINT_CLI="$target_dir/release/jwtmint" JWTMINT_REQUIRE_INTEROP=1

cd "$root/bindings/go"
go version
go vet ./...
echo "go test -race"
go test -count=1 -race ./...
echo "benchmarks, once each"
go test -count=1 -run '^$' -bench . -benchtime 1x ./... > /dev/null

echo "against an installed libjwtmint (pkg-config jwtmint-static, the default), as bindings/go/README.md says"
prefix="$target_dir/go/prefix"
bash "$root/ffi/install.sh" "$prefix" > /dev/null
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
GOFLAGS=-mod=readonly CGO_LDFLAGS="" go test -count=1 -run 'Vectors|Example|Versions' ./...
# A module of a user's own that requires the binding through a replace directive.
consumer="$target_dir/go/consumer"
rm -rf "$consumer"
mkdir -p "$consumer"
cp example/main.go "$consumer/main.go"
printf '%s\n' 'module example.invalid/consumer' '' 'go 1.19' '' \
    'require example.invalid/jwtmint/bindings/go v0.0.0' '' \
    "replace example.invalid/jwtmint/bindings/go => $root/bindings/go" > "$consumer/go.mod"
out="$(cd "$consumer" && GOFLAGS=-mod=readonly CGO_LDFLAGS="" go build -o consumer . &&
    ZOOM_API_KEY=consumer-key ZOOM_API_SECRET=consumer-secret-of-at-least-32-bytes ./consumer)"
grep -q '^token for consumer-key, valid from' <<< "$out"
echo "a module outside the repository, built against the installed library: ok"
unset PKG_CONFIG_PATH

go test -count=1 ./...
