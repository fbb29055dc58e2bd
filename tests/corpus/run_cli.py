#!/usr/bin/env python3
"""Runs the adversarial corpus (tests/corpus/*.json) through the `jwtmint verify` CLI.

Usage: run_cli.py PATH/TO/jwtmint

Each case becomes one `jwtmint verify` with the secret in $ZOOM_API_SECRET, the case's time
(--now), leeway, required claims (--require, always given), length limit and issuer; the
token is the last argument, after `--`. Accepted (expect 0): exit status 0 and the payload
on standard output. Rejected: exit status 1 and "[code N " on standard error. Cases with an
expected audience are skipped: the CLI has no audience option. Ends with the line
"corpus-cli: N passed, M failed, K skipped" and exits non-zero on any failure.
"""
import base64
import json
import os
import pathlib
import subprocess
import sys

DEFAULT_REQUIRED = ["exp"]  # the core's default; the CLI's own default is iss,iat,exp


def payload_of(token: str) -> bytes:
    body = token.split(".")[1]
    return base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))


def main() -> int:
    binary = sys.argv[1]
    corpus = pathlib.Path(__file__).resolve().parent
    passed = failed = skipped = 0
    for path in sorted(corpus.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        env = {k: v for k, v in os.environ.items() if k not in ("ZOOM_API_KEY",)}
        env["ZOOM_API_SECRET"] = doc["secret"]
        for case in doc["cases"]:
            options = case.get("verifier", {})
            if "audience" in options:
                skipped += 1
                continue
            argv = [binary, "verify", "--now", str(case["now"]),
                    "--secret-encoding", doc["secret_encoding"],
                    "--require", ",".join(options.get("required", DEFAULT_REQUIRED))]
            if "leeway" in options:
                argv += ["--leeway", str(options["leeway"])]
            if "max_len" in options:
                argv += ["--max-len", str(options["max_len"])]
            if "issuer" in options:
                argv += ["--iss", options["issuer"]]
            argv += ["--", case["token"]]
            r = subprocess.run(argv, env=env, capture_output=True, timeout=30,
                               stdin=subprocess.DEVNULL)
            expect = case["expect"]
            if expect == 0:
                ok = r.returncode == 0 and r.stdout == payload_of(case["token"]) + b"\n"
            else:
                ok = r.returncode == 1 and f"[code {expect} ".encode() in r.stderr
            if ok:
                passed += 1
            else:
                failed += 1
                print(f"FAIL {path.name}/{case['name']}: expected {expect}, exit "
                      f"{r.returncode}, stderr {r.stderr.decode(errors='replace').strip()!r}")
    print(f"corpus-cli: {passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed or passed == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
