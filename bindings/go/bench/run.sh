#!/usr/bin/env bash
# Mint and verify, the Go binding's benchmarks (bindings/go/bench_test.go) beside golang-jwt v4's
# on the same work (bench_test.go here; Debian's golang-github-golang-jwt-jwt-dev, as v5 would
# need the Go module proxy), in one run: prints each benchmark's median ns/op over COUNT rounds
# (default 7) of both sets.
#
#   bash bindings/go/bench/run.sh          (builds the library with ffi/build-lib.sh)
#
# Respects CARGO_TARGET_DIR. Installs golang-go and golang-github-golang-jwt-jwt-dev when
# missing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
# shellcheck source=scripts/lib/deps.sh
source "$root/scripts/lib/deps.sh"
apt_install go:golang-go
if [ ! -f /usr/share/gocode/src/github.com/golang-jwt/jwt/go.mod ]; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq golang-github-golang-jwt-jwt-dev > /dev/null
fi

target_dir="${CARGO_TARGET_DIR:-$root/target}"
case "$target_dir" in /*) ;; *) target_dir="$root/$target_dir" ;; esac
# Always: a fresh build is a no-op, and a library older than the header would not link.
bash "$root/ffi/build-lib.sh" > /dev/null

export GOPATH="$target_dir/go/path" GOCACHE="$target_dir/go/cache" GOENV=off
# -tags jwtmint_checkout: the binding links this checkout's build (bindings/go/link_checkout.go).
export GOPROXY=off GOFLAGS="-mod=mod -tags=jwtmint_checkout" GOTOOLCHAIN=local CGO_ENABLED=1
export CGO_LDFLAGS="-L$target_dir/release"

cd "$here"
go test -count=1 -run 'SameTokens' .
go version
grep -m1 'model name' /proc/cpuinfo || true
# Both sets COUNT times over, so that a change in the machine's load falls on every benchmark
# alike rather than on whichever ran then.
go test -c -o "$target_dir/go/bench.test" .
(cd .. && go test -c -o "$target_dir/go/binding.test" .)
for _ in $(seq "${COUNT:-7}"); do
    for set in binding bench; do
        "$target_dir/go/$set.test" -test.run '^$' -test.bench . -test.benchmem
    done
done | tee "$target_dir/go/bench.txt" |
    awk '/^Benchmark/ {
            name = $1; sub(/-[0-9]+$/, "", name)
            if (!(name in n)) order[++names] = name
            v[name, ++n[name]] = $3; alloc[name] = $(NF-1) " allocs/op"
         }
         END {
            for (i = 1; i <= names; i++) {
                name = order[i]; k = n[name]
                # insertion sort of the k samples, then the median
                for (a = 2; a <= k; a++) {
                    x = v[name, a]
                    for (b = a - 1; b >= 1 && v[name, b] + 0 > x + 0; b--) v[name, b + 1] = v[name, b]
                    v[name, b + 1] = x
                }
                med = (k % 2) ? v[name, (k + 1) / 2] : (v[name, k / 2] + v[name, k / 2 + 1]) / 2
                printf "%-42s %10.0f ns/op (median of %d)  %s\n", name, med, k, alloc[name]
            }
         }'
