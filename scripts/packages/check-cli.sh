#!/usr/bin/env bash
# Checks the CLI release archive as a user installs it: unpacked anywhere, run from there.
#
# usage: scripts/packages/check-cli.sh dist/jwtmint-cli-<version>-<target>.tar.gz
#
# `jwtmint --version` must print the version in the archive's name; `jwtmint mint` at a fixed
# time must print the token Python's hmac computes (known-token.sh); `jwtmint verify` must
# accept it and print its payload, and reject it under another secret (exit 1). The license
# texts, README, man pages and completions must be there. Exit 77 when python3 is missing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/packages/known-token.sh
source "$here/known-token.sh"
[ $# -eq 1 ] || { echo "usage: $0 jwtmint-cli-<version>-<target>.tar.gz" >&2; exit 2; }
archive="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
need python3 tar

name="$(basename "$archive" .tar.gz)"
version="${name#jwtmint-cli-}"
version="${version%%-*}"
[ -n "$version" ] || die "cannot read a version from $name"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tar -xzf "$archive" -C "$work"
dir="$work/$name"
[ -d "$dir" ] || die "$archive does not unpack into $name/"
for f in jwtmint LICENSE-MIT LICENSE-APACHE README.md man/man1/jwtmint.1 man/man1/jwtmint-mint.1 \
    completions/jwtmint.bash completions/_jwtmint completions/jwtmint.fish; do
    [ -s "$dir/$f" ] || die "$name has no $f"
done
grep -q 'jwtmint' "$dir/completions/jwtmint.bash" || die "the bash completions do not name jwtmint"
cli="$dir/jwtmint"

got="$("$cli" --version)"
[ "$got" = "jwtmint $version" ] || die "jwtmint --version printed '$got', not 'jwtmint $version'"
echo "jwtmint --version: $got"

expected="$(known_token_python)"
token="$(ZOOM_API_SECRET="$KNOWN_SECRET" "$cli" mint --key "$KNOWN_API_KEY" --now "$KNOWN_NOW" \
    --skew "$KNOWN_SKEW" --ttl "$KNOWN_TTL")"
[ "$token" = "$expected" ] || die "jwtmint mint printed $token, Python's hmac computes $expected"
echo "jwtmint mint --now $KNOWN_NOW: the token Python's hmac computes"

payload="$(ZOOM_API_SECRET="$KNOWN_SECRET" "$cli" verify --iss "$KNOWN_API_KEY" --now "$KNOWN_NOW" "$token")"
[ "$payload" = "$(known_payload)" ] || die "jwtmint verify printed '$payload', not '$(known_payload)'"
status=0
ZOOM_API_SECRET="$KNOWN_WRONG_SECRET" "$cli" verify --now "$KNOWN_NOW" "$token" > /dev/null 2>&1 || status=$?
[ "$status" -eq 1 ] || die "jwtmint verify under another secret exited $status, not 1"
echo "jwtmint verify: accepts it (payload as signed), rejects it under another secret (exit 1)"
echo "cli: ok"
