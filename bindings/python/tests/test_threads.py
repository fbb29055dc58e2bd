"""One key, minter and verifier shared by a thread pool: the results are exactly the
single-threaded reference. Calls on small inputs keep the GIL (releasing it costs as much as
the call); calls on inputs of 4 KiB and more release it, so those overlap."""

import json
from concurrent.futures import ThreadPoolExecutor

import jwtmint
from conftest import API_KEY, NOW, SECRET, reference_api_token, reference_token

TASKS = 4000


def test_threads_share_one_key_minter_and_verifier():
    key = jwtmint.Key(SECRET)
    minter = jwtmint.ApiTokenMinter(API_KEY, key)
    verifier = jwtmint.Verifier.zoom_api(key, API_KEY)
    plain = jwtmint.Verifier(key, required=("exp", "n"))

    def task(i):
        now = NOW + i
        token = minter.mint(now=now)
        assert token == reference_api_token(SECRET, API_KEY, now)
        assert verifier.verify(token, now=now) == {"iss": API_KEY, "iat": now - 30, "exp": now + 3570}
        claims = {"n": i, "exp": now + 60}
        other = jwtmint.mint(key, claims)
        assert other == reference_token(SECRET.encode(), json.dumps(claims, separators=(",", ":")).encode())
        assert plain.verify(other, now=now) == claims
        try:
            verifier.verify(token, now=now + 3570 + 60)
        except jwtmint.Expired:
            pass
        else:
            raise AssertionError("not expired")
        return i

    with ThreadPoolExecutor(max_workers=8) as pool:
        done = list(pool.map(task, range(TASKS)))
    assert done == list(range(TASKS))


def test_threads_share_the_one_shot_function():
    key = jwtmint.Key(SECRET)
    with ThreadPoolExecutor(max_workers=8) as pool:
        tokens = list(pool.map(lambda i: jwtmint.mint_api_token(f"key-{i}", key, now=NOW), range(500)))
    assert tokens == [reference_api_token(SECRET, f"key-{i}", NOW) for i in range(500)]


def test_threads_verify_long_tokens_without_the_gil():
    # Tokens over 4 KiB are verified with the GIL released: threads then run the core at once.
    key = jwtmint.Key(SECRET)
    verifier = jwtmint.Verifier(key, max_len=1 << 16)
    tokens = []
    for i in range(16):
        claims = {"exp": NOW + 60, "i": i, "pad": "x" * (4096 + 100 * i)}
        tokens.append((jwtmint.mint(key, claims), claims))
    assert all(len(token) > 4096 for token, _ in tokens)

    def task(i):
        token, claims = tokens[i % len(tokens)]
        assert verifier.verify(token, now=NOW) == claims
        bad = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
        try:
            verifier.check(bad, now=NOW)
        except jwtmint.InvalidSignature:
            return i
        raise AssertionError("a forged long token was accepted")

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(task, range(800))) == list(range(800))
