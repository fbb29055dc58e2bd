"""jwtmint against PyJWT: minting and verifying a Zoom API JWT, in one process.

Usage: python bench.py [--repeats N] [--seconds S]
(needs jwtmint installed, and PyJWT: pip install PyJWT==2.15.1)

Each benchmark runs a batch of calls and is timed per batch; batches of all benchmarks
alternate (so a noisy moment hits them alike), and the median ns per call over the batches is
reported, with the ratios PyJWT/jwtmint of the same run. Both libraries read the system clock
themselves, as a server would. The verify rows check the same things: signature, issuer, and
iss/iat/exp present, exp not passed; both return the claims as a dict.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from typing import Callable, Dict, List

import jwt

import jwtmint

API_KEY = "abcdefghijklmnopqrstuv"
SECRET = "0123456789abcdefghijklmnopqrstuvwxyz"


def pyjwt_mint() -> str:
    iat = int(time.time()) - 30
    return jwt.encode({"iss": API_KEY, "iat": iat, "exp": iat + 3600}, SECRET, algorithm="HS256")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=31, help="batches per benchmark")
    parser.add_argument("--seconds", type=float, default=0.05, help="time per batch (about)")
    args = parser.parse_args()

    key = jwtmint.Key(SECRET)
    minter = jwtmint.ApiTokenMinter(API_KEY, key)
    verifier = jwtmint.Verifier.zoom_api(key, API_KEY)
    cache = jwtmint.ApiTokenCache(minter)
    token = minter.mint()

    # Same token bytes from both, and each accepts the other's.
    now = int(time.time())
    assert minter.mint(now=now) == jwt.encode(
        {"iss": API_KEY, "iat": now - 30, "exp": now + 3570}, SECRET, algorithm="HS256"
    )
    assert verifier.verify(pyjwt_mint())["iss"] == API_KEY

    claims = {"sub": "user-1", "exp": 2_000_000_000, "roles": ["a", "b"]}
    assert jwtmint.mint(key, claims) == jwt.encode(claims, SECRET, algorithm="HS256")

    def pyjwt_verify() -> object:
        return jwt.decode(
            token, SECRET, algorithms=["HS256"], issuer=API_KEY,
            options={"require": ["iss", "iat", "exp"]},
        )

    benchmarks: Dict[str, Callable[[], object]] = {
        "mint    jwtmint ApiTokenMinter.mint()": minter.mint,
        "mint    jwtmint mint_api_token(key)": lambda: jwtmint.mint_api_token(API_KEY, key),
        "mint    jwtmint ApiTokenCache.token() (cached)": cache.token,
        "mint    PyJWT jwt.encode": pyjwt_mint,
        "mint    jwtmint mint(key, dict)": lambda: jwtmint.mint(key, claims),
        "mint    PyJWT jwt.encode(dict)": lambda: jwt.encode(claims, SECRET, algorithm="HS256"),
        "verify  jwtmint Verifier.verify() -> dict": lambda: verifier.verify(token),
        "verify  jwtmint Verifier.check()": lambda: verifier.check(token),
        "verify  PyJWT jwt.decode": pyjwt_verify,
    }

    # Batch size per benchmark: about --seconds per batch.
    sizes: Dict[str, int] = {}
    for name, fn in benchmarks.items():
        n, elapsed = 1, 0.0
        while elapsed < args.seconds / 4:
            n *= 2
            start = time.perf_counter()
            for _ in range(n):
                fn()
            elapsed = time.perf_counter() - start
        sizes[name] = max(1, int(n * args.seconds / elapsed))

    samples: Dict[str, List[float]] = {name: [] for name in benchmarks}
    for _ in range(args.repeats):
        for name, fn in benchmarks.items():
            n = sizes[name]
            start = time.perf_counter_ns()
            for _ in range(n):
                fn()
            samples[name].append((time.perf_counter_ns() - start) / n)

    print(f"Python {sys.version.split()[0]}, jwtmint {jwtmint.__version__}, PyJWT {jwt.__version__}")
    print(f"median ns/op over {args.repeats} batches of ~{args.seconds * 1000:.0f} ms")
    medians = {name: statistics.median(values) for name, values in samples.items()}
    for name, median in medians.items():
        print(f"{name:45} {median:10.0f} ns")
    mint_ratio = medians["mint    PyJWT jwt.encode"] / medians["mint    jwtmint ApiTokenMinter.mint()"]
    dict_ratio = (
        medians["mint    PyJWT jwt.encode(dict)"] / medians["mint    jwtmint mint(key, dict)"]
    )
    verify_ratio = (
        medians["verify  PyJWT jwt.decode"] / medians["verify  jwtmint Verifier.verify() -> dict"]
    )
    print(f"ratio mint   (Zoom API token, ApiTokenMinter.mint() vs jwt.encode): {mint_ratio:.1f}x")
    print(f"ratio mint   (a dict of claims, mint() vs jwt.encode):            {dict_ratio:.1f}x")
    print(f"ratio verify (-> dict, issuer and exp checked, vs jwt.decode):    {verify_ratio:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
