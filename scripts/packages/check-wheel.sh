#!/usr/bin/env bash
# Installs jwtmint's Python wheel the way a user does and checks that it works, with no Rust
# toolchain and no checkout in reach.
#
# Usage: scripts/packages/check-wheel.sh WHEEL
#
# This is a contract: the packages suite (scripts/suites/packages.sh) runs it on the wheel in
# dist/. In a fresh virtualenv, from an empty directory outside the repository, with every
# directory holding cargo or rustc removed from PATH: `pip install --no-index WHEEL` (nothing
# may be built or downloaded); mint a Zoom API token and a token of arbitrary claims at a fixed
# time and compare them with tokens computed independently (hmac, hashlib, base64, json of
# Python's standard library, not jwtmint); verify them; check that the package's version is
# the wheel's; then `auditwheel show` (pip-installed, pinned) must accept the wheel.
# Exits 0 when every check passed.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 WHEEL" >&2; exit 2; }
wheel="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
[ -f "$wheel" ] || { echo "no such wheel: $1" >&2; exit 2; }
AUDITWHEEL_VERSION=6.8.2

# shellcheck source=scripts/packages/venv.sh
source "$(dirname "${BASH_SOURCE[0]}")/venv.sh"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

# PATH without Rust: a wheel must need no compiler.
clean_path=""
IFS=: read -r -a dirs <<<"$PATH"
for dir in "${dirs[@]}"; do
  [ -n "$dir" ] || continue
  if [ -x "$dir/cargo" ] || [ -x "$dir/rustc" ]; then
    continue
  fi
  clean_path="${clean_path:+$clean_path:}$dir"
done
export PATH="$clean_path"
unset CARGO RUSTC RUSTUP_TOOLCHAIN CARGO_TARGET_DIR
if command -v cargo >/dev/null 2>&1; then
  echo "cargo is still on PATH: $(command -v cargo)" >&2
  exit 1
fi

make_venv "$work/venv"
py="$work/venv/bin/python"
echo "--- pip install $(basename "$wheel") (fresh venv, no cargo on PATH, from $work)"
"$py" -m pip install -q --disable-pip-version-check --no-index "$wheel"

echo "--- mint and verify at a fixed time, against tokens computed with the standard library"
"$py" - "$(basename "$wheel")" <<'PY'
import base64, hashlib, hmac, json, sys
from pathlib import Path

import jwtmint

wheel_name = sys.argv[1]
SECRET = "my-zoom-api-secret-of-36-characters!"
API_KEY = "my-api-key"
NOW = 1_700_000_000


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def reference(payload: bytes) -> str:
    signing_input = b64url(b'{"alg":"HS256","typ":"JWT"}') + "." + b64url(payload)
    mac = hmac.new(SECRET.encode(), signing_input.encode("ascii"), hashlib.sha256).digest()
    return signing_input + "." + b64url(mac)


package = Path(jwtmint.__file__).resolve().parent
assert "site-packages" in package.parts, f"jwtmint imported from {package}, not the venv"
version = wheel_name.split("-")[1]
assert jwtmint.__version__ == version, (jwtmint.__version__, version)

key = jwtmint.Key(SECRET)
api_payload = json.dumps({"iss": API_KEY, "iat": NOW - 30, "exp": NOW + 3570}, separators=(",", ":"))
expected = reference(api_payload.encode())
token = jwtmint.ApiTokenMinter(API_KEY, key).mint(now=NOW)
assert token == expected, (token, expected)
assert jwtmint.mint_api_token(API_KEY, SECRET, now=NOW) == expected

claims = {"sub": "user-1", "exp": NOW + 60, "roles": ["a", "b"], "name": "Zoë"}
payload = json.dumps(claims, separators=(",", ":"), ensure_ascii=False).encode()
other = jwtmint.mint(key, claims)
assert other == reference(payload), (other, reference(payload))

verified = jwtmint.Verifier.zoom_api(key, API_KEY).verify(token, now=NOW)
assert verified == {"iss": API_KEY, "iat": NOW - 30, "exp": NOW + 3570}, verified
assert jwtmint.Verifier(key).verify(other, now=NOW) == claims
try:
    jwtmint.Verifier.zoom_api(key, API_KEY).verify(token, now=NOW + 3570 + 60)
except jwtmint.Expired as error:
    assert error.code == 500 and error.name == "expired", error
else:
    raise AssertionError("an expired token was accepted")
tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
try:
    jwtmint.Verifier(key).verify(tampered, now=NOW)
except jwtmint.InvalidToken:
    pass
else:
    raise AssertionError("a tampered token was accepted")
print(f"ok: jwtmint {jwtmint.__version__} from {package}: tokens equal the standard library's")
PY

echo "--- auditwheel show"
make_venv "$work/tools"
"$work/tools/bin/python" -m pip install -q --disable-pip-version-check "auditwheel==$AUDITWHEEL_VERSION"
"$work/tools/bin/auditwheel" show "$wheel" | tee "$work/auditwheel.txt"
# auditwheel's verdict must be the tag the wheel carries.
tag="$(tr '\n' ' ' <"$work/auditwheel.txt" | sed -n 's/.*is consistent with *the following platform tag: *"\([^"]*\)".*/\1/p')"
case "$(basename "$wheel")" in
  *-"$tag".whl) [ -n "$tag" ] ;;
  *) echo "auditwheel says ${tag:-nothing}, the wheel is named $(basename "$wheel")" >&2; exit 1 ;;
esac
echo "ok: $(basename "$wheel") installs and works without Rust"
