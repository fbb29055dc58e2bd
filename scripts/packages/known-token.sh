# The token every package check mints at a fixed time, sourced by scripts/packages/check-*.sh:
# a Zoom API JWT, header {"alg":"HS256","typ":"JWT"}, payload
# {"iss":KNOWN_API_KEY,"iat":KNOWN_NOW-KNOWN_SKEW,"exp":iat+KNOWN_TTL}, signed with
# HMAC-SHA256 under KNOWN_SECRET. Each check computes the expected token itself, with its own
# language's standard library (node:crypto, Go's crypto/hmac, Python's hmac for the shell
# checks), never with jwtmint, and compares it with what the package minted.
export KNOWN_API_KEY="jwtmint-package-check"
export KNOWN_SECRET="a-secret-for-the-package-checks-of-at-least-32-bytes"
export KNOWN_WRONG_SECRET="another-secret-of-at-least-32-bytes-to-fail-with"
export KNOWN_NOW=1700000000
export KNOWN_SKEW=30
export KNOWN_TTL=3600

# The expected token, computed with Python's standard library (hmac, hashlib, base64, json).
known_token_python() {
    python3 - <<'PY'
import base64, hashlib, hmac, json, os

def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=")

iat = int(os.environ["KNOWN_NOW"]) - int(os.environ["KNOWN_SKEW"])
payload = {"iss": os.environ["KNOWN_API_KEY"], "iat": iat, "exp": iat + int(os.environ["KNOWN_TTL"])}
signing_input = b64(b'{"alg":"HS256","typ":"JWT"}') + b"." + b64(json.dumps(payload, separators=(",", ":")).encode())
mac = hmac.new(os.environ["KNOWN_SECRET"].encode(), signing_input, hashlib.sha256).digest()
print((signing_input + b"." + b64(mac)).decode())
PY
}

# The payload JSON of that token, as the verifiers print it.
known_payload() {
    local iat=$((KNOWN_NOW - KNOWN_SKEW))
    printf '{"iss":"%s","iat":%d,"exp":%d}\n' "$KNOWN_API_KEY" "$iat" $((iat + KNOWN_TTL))
}

# Prints why and exits 77 (the suites' "cannot run here") when a command is missing.
need() {
    local cmd
    for cmd in "$@"; do
        command -v "$cmd" > /dev/null 2>&1 || { echo "SKIPPED: $cmd is not installed"; exit 77; }
    done
}

# Fails with a message.
die() {
    echo "FAILED: $*" >&2
    exit 1
}
