#!/usr/bin/env bash
# The side-by-side load run of docs/PERFORMANCE.md ("jwtmint serve"): POST /videosdk of
# `jwtmint serve` (release build) against the stack of Zoom's videosdk-auth-endpoint-sample
# (reference.js: Express 4, express.json(), cors(), jsrsasign, the sample's lockfile versions),
# the same request body, with wrk at 1, 16 and 64 connections, on 127.0.0.1 only. Each run is
# bounded in time ($SECONDS_PER_RUN, default 10) and everything started here is stopped at
# the end. Prints a Markdown table; the raw JSON lines go to target/serve-load/results.jsonl.
#
#   server/load/compare.sh            # about 2 minutes after the builds
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
source scripts/lib/deps.sh
apt_install wrk:wrk node:nodejs npm:npm

seconds="${SECONDS_PER_RUN:-10}"
out="$root/target/serve-load"
mkdir -p "$out"
: > "$out/results.jsonl"

cargo build --release --locked --quiet --bin jwtmint
npm ci --prefix server/load --no-audit --no-fund --loglevel=error

# Throwaway credentials, the same for both servers.
export ZOOM_VIDEO_SDK_KEY=load-test-sdk-key
export ZOOM_VIDEO_SDK_SECRET=load-test-sdk-secret-not-hex-0123456789
unset ZOOM_WEBHOOK_SECRET_TOKEN

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

# jwtmint serve: its defaults but the rate limit (one load generator is one client) and
# iat = now, as the sample; the access log is written, to /dev/null.
target/release/jwtmint serve --listen 127.0.0.1:4101 --rate 0 --skew 0 >/dev/null 2>&1 &
pids+=($!)
PORT=4102 node server/load/reference.js >/dev/null 2>&1 &
pids+=($!)

wait_for() {
  for _ in $(seq 100); do
    curl -s -o /dev/null -X POST -H 'content-type: application/json' -d '{}' "$1" && return 0
    sleep 0.1
  done
  echo "error: $1 did not come up" >&2
  return 1
}
wait_for http://127.0.0.1:4101/videosdk
wait_for http://127.0.0.1:4102/

# Both answer the same body with the same token (same second, same iat).
body='{"sessionName":"load-test","role":1,"userIdentity":"user-1","geoRegions":"US,DE"}'
for _ in 1 2 3; do
  a=$(curl -s -H 'content-type: application/json' -d "$body" http://127.0.0.1:4101/videosdk)
  b=$(curl -s -H 'content-type: application/json' -d "$body" http://127.0.0.1:4102/)
  [ "$a" = "$b" ] && break
done
if [ "$a" != "$b" ]; then
  echo "error: the two servers sign different tokens:" >&2; echo "$a" >&2; echo "$b" >&2
  exit 1
fi
echo "same token from both: $a"

run() { # name url connections
  local threads=2
  [ "$3" -eq 1 ] && threads=1
  # A short warm-up (JIT, connection pools), then the measured run.
  wrk -t"$threads" -c"$3" -d2s -s server/load/post.lua "$2" >/dev/null
  local line
  line=$(wrk -t"$threads" -c"$3" -d"${seconds}s" --timeout 5s -s server/load/post.lua "$2" | tail -n 1)
  echo "{\"server\":\"$1\",\"connections\":$3,\"result\":$line}" >> "$out/results.jsonl"
  echo "$1 c=$3: $line"
}
for c in 1 16 64; do
  run "jwtmint serve" http://127.0.0.1:4101/videosdk "$c"
  run "sample stack (Node $(node --version))" http://127.0.0.1:4102/ "$c"
done

python3 - "$out/results.jsonl" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
print()
print("| server | connections | requests | requests/s | p50 | p99 | errors |")
print("|---|---:|---:|---:|---:|---:|---:|")
for r in rows:
    x = r["result"]
    errors = sum(x["errors"].values())
    print(f"| {r['server']} | {r['connections']} | {x['requests']} | {x['rps']:,.0f} | "
          f"{x['p50_us'] / 1000:.2f} ms | {x['p99_us'] / 1000:.2f} ms | {errors} |")
by = {(r["server"].split(" ")[0], r["connections"]): r["result"] for r in rows}
for c in (1, 16, 64):
    ours, ref = by[("jwtmint", c)], by[("sample", c)]
    print(f"\nc={c}: {ours['rps'] / ref['rps']:.1f}x the requests/s, p99 "
          f"{ours['p99_us'] / 1000:.2f} ms vs {ref['p99_us'] / 1000:.2f} ms", end="")
print()
PY
