#!/usr/bin/env bash
# `jwtmint serve` end to end, with the release binary a user runs (the server's every endpoint,
# limit and shutdown is tested over loopback by `cargo test -p jwtmint-server`, in the rust
# suite):
#   - a browser-style client: a CORS preflight, then a token request with an Origin header,
#     the token decoded and verified with `jwtmint videosdk verify`; a Meeting SDK token
#     verified with `jwtmint meetingsdk verify`;
#   - the same token as the stack of Zoom's videosdk-auth-endpoint-sample (server/load/
#     reference.js, its lockfile's versions) for the same body;
#   - a server on every interface with --bearer-env: 401 without the token, 200 with it;
#   - a signed webhook event comes out on standard output as one JSON line;
#   - SIGTERM: exit 0 with a "stopped" log line;
#   - a load smoke: wrk for 10,000+ requests with no error of any kind.
# Loopback only; every process started here is stopped at the end.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
source scripts/lib/deps.sh
apt_install curl:curl wrk:wrk node:nodejs npm:npm python3:python3
if ! command -v wrk >/dev/null || ! command -v node >/dev/null; then
  echo "serve: wrk or node could not be installed; skipping"
  exit 77
fi

cargo build --release --locked -q --bin jwtmint
bin="${CARGO_TARGET_DIR:-$root/target}/release/jwtmint"
npm ci --prefix server/load --no-audit --no-fund --loglevel=error

work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "serve: FAILED: $*" >&2; exit 1; }

export ZOOM_VIDEO_SDK_KEY=serve-suite-sdk-key
export ZOOM_VIDEO_SDK_SECRET=serve-suite-sdk-secret-not-hex-0123456789
export ZOOM_MEETING_SDK_KEY=serve-suite-meeting-sdk-key
export ZOOM_MEETING_SDK_SECRET=serve-suite-meeting-sdk-secret-0123456789
export ZOOM_WEBHOOK_SECRET_TOKEN=serve-suite-webhook-token
export SERVE_SUITE_BEARER=serve-suite-bearer-0123456789abcdef
origin=https://app.example.com
body='{"sessionName":"suite room","role":"1","userIdentity":"u-1","geoRegions":["US","DE"],"videoWebRtcMode":1}'

# The port a server logged in its first line ({"event":"listening","addr":...}).
addr_of() {
  for _ in $(seq 100); do
    if [ -s "$1" ]; then
      python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["addr"])' "$1" && return 0
    fi
    sleep 0.1
  done
  fail "no listening line in $1"
}

# 1. Loopback, CORS for one origin, iat = now (as the sample), rate limit off for the smoke.
"$bin" serve --listen 127.0.0.1:0 --allow-origin "$origin" --skew 0 --rate 0 \
  >"$work/events.jsonl" 2>"$work/log.jsonl" &
server=$!
pids+=("$server")
url="http://$(addr_of "$work/log.jsonl")"

preflight="$(curl -s -i -X OPTIONS "$url/videosdk" -H "Origin: $origin" \
  -H 'Access-Control-Request-Method: POST' -H 'Access-Control-Request-Headers: content-type')"
grep -qi "^access-control-allow-origin: $origin" <<<"$preflight" || fail "preflight: $preflight"
answer="$(curl -s -i "$url/videosdk" -H "Origin: $origin" -H 'content-type: application/json' -d "$body")"
grep -qi "^access-control-allow-origin: $origin" <<<"$answer" || fail "no CORS header: $answer"
token="$(tail -n 1 <<<"$answer" | python3 -c 'import json,sys; print(json.load(sys.stdin)["signature"])')"
claims="$("$bin" videosdk verify "$token")" || fail "the token does not verify: $token"
grep -q '"tpc":"suite room"' <<<"$claims" || fail "claims: $claims"
echo "browser-style client: preflight answered, token verified: $claims"
answer="$(curl -s "$url/meetingsdk" -H 'content-type: application/json' -d '{"meetingNumber":"85746065432","role":0}')"
token2="$(python3 -c 'import json,sys; a=json.loads(sys.argv[1]); assert a["sdkKey"]==sys.argv[2]; print(a["signature"])' "$answer" "$ZOOM_MEETING_SDK_KEY")" \
  || fail "meetingsdk: $answer"
claims="$("$bin" meetingsdk verify --sdk-key "$ZOOM_MEETING_SDK_KEY" "$token2")" || fail "the Meeting SDK token does not verify"
grep -q '"mn":"85746065432"' <<<"$claims" || fail "meetingsdk claims: $claims"
echo "meetingsdk: token verified: $claims"

# 2. The sample's stack signs the same token for the same body (same second, same iat).
PORT=4139 node server/load/reference.js >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 100); do curl -s -o /dev/null -X POST http://127.0.0.1:4139/ && break; sleep 0.1; done
same=""
for _ in 1 2 3; do
  ours="$(curl -s "$url/videosdk" -H 'content-type: application/json' -d "$body")"
  theirs="$(curl -s http://127.0.0.1:4139/ -H 'content-type: application/json' -d "$body")"
  if [ "$ours" = "$theirs" ]; then same=1; break; fi
done
[ -n "$same" ] || fail "different tokens: $ours vs $theirs"
echo "the sample's stack signs the same token"

# 3. A signed webhook event: 204, one JSON line on standard output.
event='{"event":"session.started","payload":{"object":{"id":"suite"}}}'
ts="$(date +%s)"
sig="$(printf %s "$event" | "$bin" webhook sign --timestamp "$ts")"
status="$(curl -s -o /dev/null -w '%{http_code}' "$url/webhook" -H "x-zm-request-timestamp: $ts" \
  -H "x-zm-signature: $sig" -H 'content-type: application/json' -d "$event")"
[ "$status" = 204 ] || fail "webhook event: $status"
status="$(curl -s -o /dev/null -w '%{http_code}' "$url/webhook" -H "x-zm-request-timestamp: $ts" \
  -H 'x-zm-signature: v0=00' -d "$event")"
[ "$status" = 401 ] || fail "webhook with a bad signature: $status"

# 4. The load smoke: at least 10,000 answers, all 200, no socket error.
smoke="$(wrk -t2 -c16 -d4s --timeout 5s -s server/load/post.lua "$url/videosdk" | tail -n 1)"
echo "load smoke: $smoke"
python3 - "$smoke" <<'PY' || fail "load smoke"
import json, sys
r = json.loads(sys.argv[1])
assert r["requests"] >= 10000, f"only {r['requests']} requests"
assert sum(r["errors"].values()) == 0, r["errors"]
PY

# 5. SIGTERM: a clean stop.
kill -TERM "$server"
wait "$server" || fail "exit status $? after SIGTERM"
tail -n 1 "$work/log.jsonl" | grep -q '"event":"stopped"' || fail "no stopped line"
grep -qx '{"event":"session.started","payload":{"object":{"id":"suite"}}}' "$work/events.jsonl" \
  || fail "the event is not on standard output"
if grep -qF -e "$token" -e "$ZOOM_VIDEO_SDK_SECRET" "$work/log.jsonl"; then fail "a secret in the log"; fi

# 6. Every interface, with a bearer token: 401 without it, 200 with it.
"$bin" serve --listen 0.0.0.0:0 --bearer-env SERVE_SUITE_BEARER >/dev/null 2>"$work/log2.jsonl" &
pids+=($!)
port="$(addr_of "$work/log2.jsonl" | sed 's/.*://')"
status="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/videosdk" \
  -H 'content-type: application/json' -d "$body")"
[ "$status" = 401 ] || fail "no bearer token: $status"
status="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/videosdk" \
  -H "Authorization: Bearer $SERVE_SUITE_BEARER" -H 'content-type: application/json' -d "$body")"
[ "$status" = 200 ] || fail "with the bearer token: $status"
if timeout 10 "$bin" serve --listen 0.0.0.0:0 2>/dev/null; then fail "served on every interface without auth"; fi
echo "serve: all checks passed"
