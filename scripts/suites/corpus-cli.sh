#!/usr/bin/env bash
# The release `jwtmint` binary as a user gets it:
# 1. the adversarial corpus (tests/corpus/*.json) through `jwtmint verify`: exit status 0/1
#    and the stable "[code N" on standard error for every case (tests/corpus/run_cli.py);
# 2. its shell integration: the bash completion script loads (`complete -p jwtmint`), and
#    every manual page renders with `man -l` (Debian's man-db, installed here when missing;
#    the check is SKIPPED, and says so, only when it cannot be installed).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
# shellcheck source=scripts/lib/deps.sh
source scripts/lib/deps.sh
cargo build --release --locked -q --bin jwtmint
bin="${CARGO_TARGET_DIR:-$root/target}/release/jwtmint"

python3 tests/corpus/run_cli.py "$bin"

registered="$(bash --norc --noprofile -c 'source <("$0" completions bash) && complete -p jwtmint' "$bin")"
case "$registered" in
  *"-F _jwtmint"*" jwtmint") echo "completions: the bash script loads: $registered" ;;
  *) echo "completions: the bash script did not register jwtmint: '$registered'"; exit 1 ;;
esac

if ! apt_install man:man-db || ! command -v man >/dev/null 2>&1; then
  echo "SKIPPED man pages: man-db could not be installed, so no page was rendered"
  exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
pages=0
# jwtmint's own page and the page of every command it lists.
for command in "" mint verify decode demo videosdk "videosdk verify" webhook "webhook verify" \
    "webhook validate" "webhook sign" completions man; do
  # shellcheck disable=SC2086 # the command's words are separate arguments
  "$bin" man $command > "$work/page.1"
  # Troff's own complaints ("cannot adjust line") are noise; its exit status is what counts.
  if ! MANPAGER=cat MANWIDTH=80 man -l "$work/page.1" > "$work/page.txt" 2>"$work/man.err" \
      || ! grep -q '^NAME' "$work/page.txt"; then
    echo "man pages: 'jwtmint man $command' does not render:"
    cat "$work/man.err"
    exit 1
  fi
  pages=$((pages + 1))
done
echo "man pages: $pages pages render with man -l"
