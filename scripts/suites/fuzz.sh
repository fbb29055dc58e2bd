#!/usr/bin/env bash
# Fuzzing, bounded. First, on stable: the C ABI target's corpus and the adversarial corpus
# (tests/corpus) through the C ABI (fuzz/src/ffi_check.rs; the other corpora are replayed by
# `cargo test`, tests/fuzz_corpus.rs). Then, when a nightly toolchain is present, every
# cargo-fuzz target for FUZZ_SECONDS (default 10) from its committed corpus, which libFuzzer
# replays first; cargo-fuzz is installed when nightly is there and it is missing. Without
# nightly, a SKIP line. A crash fails the suite; its input is left in fuzz/artifacts/<target>/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
seconds="${FUZZ_SECONDS:-10}"
targets=(verify verify_signed decode_unverified mint_roundtrip base64url hmac webhook ffi_verify)

start=$SECONDS
cargo test -q --manifest-path fuzz/Cargo.toml --lib --no-default-features
echo "fuzz: C ABI replays done ($((SECONDS - start)) s)"

if ! rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  echo "SKIP fuzz: no nightly toolchain (cargo-fuzz needs one); corpora replayed on stable only"
  exit 77  # skipped: scripts/test-all counts it apart
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  echo "installing cargo-fuzz"
  if ! cargo +nightly install cargo-fuzz --locked --quiet; then
    echo "SKIP fuzz: cargo-fuzz could not be installed; corpora replayed on stable only"
    exit 77  # skipped: scripts/test-all counts it apart
  fi
fi

cargo +nightly fuzz build -O
echo "fuzz: targets built in $((SECONDS - start)) s"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The adversarial corpus's tokens (signed with the fuzz targets' secret) seed the token targets.
mkdir -p "$work/adversarial"
python3 -c '
import json, pathlib, sys
out = pathlib.Path(sys.argv[1])
for f in sorted(pathlib.Path("tests/corpus").glob("*.json")):
    for c in json.loads(f.read_text(encoding="utf-8"))["cases"]:
        (out / c["name"]).write_bytes(c["token"].encode())
' "$work/adversarial"
failed=()
for t in "${targets[@]}"; do
  mkdir -p "$work/$t"
  extra=()
  case "$t" in verify | decode_unverified) extra=("$work/adversarial") ;; esac
  # New inputs go to the scratch directory; the corpora are only read.
  if cargo +nightly fuzz run -O "$t" "$work/$t" "fuzz/corpus/$t" "${extra[@]}" -- \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      >"$work/$t.log" 2>&1; then
    runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$t.log")"
    echo "fuzz $t: ok, ${runs:-?} runs in ${seconds} s"
  else
    echo "fuzz $t: FAILED"
    tail -n 40 "$work/$t.log"
    failed+=("$t")
  fi
done
echo "fuzz: $(( ${#targets[@]} - ${#failed[@]} )) passed, ${#failed[@]} failed ($((SECONDS - start)) s)"
[ ${#failed[@]} -eq 0 ]
