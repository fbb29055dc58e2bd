"""Native objects: released by close(), by leaving a `with` block or by garbage collection;
never used after close(), never freed under a call in flight; no leaks."""

import gc
import threading
import time
import weakref
from pathlib import Path

import pytest

import jwtmint
from conftest import API_KEY, NOW, SECRET, reference_api_token


def test_close_is_idempotent_and_later_use_raises(key):
    minter = jwtmint.ApiTokenMinter(API_KEY, key)
    verifier = jwtmint.Verifier(key)
    token = minter.mint(now=NOW)
    for obj in (minter, verifier, key):
        assert not obj.closed
        obj.close()
        obj.close()
        assert obj.closed
        assert "closed" in repr(obj)
    with pytest.raises(ValueError, match="ApiTokenMinter is closed"):
        minter.mint(now=NOW)
    with pytest.raises(ValueError, match="Verifier is closed"):
        verifier.verify(token, now=NOW)
    with pytest.raises(ValueError, match="Verifier is closed"):
        verifier.check(token, now=NOW)
    with pytest.raises(ValueError, match="Key is closed"):
        jwtmint.ApiTokenMinter(API_KEY, key)
    with pytest.raises(ValueError, match="Key is closed"):
        jwtmint.Verifier(key)
    with pytest.raises(ValueError, match="Key is closed"):
        jwtmint.Verifier.zoom_api(key, API_KEY)
    with pytest.raises(ValueError, match="Key is closed"):
        jwtmint.mint(key, {"exp": NOW})
    with pytest.raises(ValueError, match="Key is closed"):
        jwtmint.mint_api_token(API_KEY, key, now=NOW)


def test_with_closes():
    with jwtmint.Key(SECRET) as key, jwtmint.ApiTokenMinter(API_KEY, key) as minter:
        assert minter.mint(now=NOW) == reference_api_token(SECRET, API_KEY, NOW)
    assert key.closed and minter.closed


def test_minters_and_verifiers_outlive_their_key():
    key = jwtmint.Key(SECRET)
    minter = jwtmint.ApiTokenMinter(API_KEY, key)
    verifier = jwtmint.Verifier.zoom_api(key, API_KEY)
    key.close()
    del key
    gc.collect()
    token = minter.mint(now=NOW)
    assert token == reference_api_token(SECRET, API_KEY, NOW)
    assert verifier.verify(token, now=NOW)["iss"] == API_KEY


def test_mint_api_token_with_a_secret_leaves_no_key_behind():
    # Each call derives a key from the secret and drops it: memory stays flat.
    for _ in range(2_000):
        jwtmint.mint_api_token(API_KEY, SECRET, now=NOW)
    gc.collect()
    before = _rss_kib()
    for _ in range(40_000):
        jwtmint.mint_api_token(API_KEY, SECRET, now=NOW)
    gc.collect()
    # A key state and a minter (a few hundred bytes) leaked 40,000 times would be >10 MiB.
    assert _rss_kib() - before < 4 * 1024


def test_garbage_collection_frees():
    key = jwtmint.Key(SECRET)
    ref = weakref.ref(key)
    del key
    gc.collect()
    assert ref() is None


def _rss_kib():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


def test_no_leak_over_many_handles():
    def churn(n):
        for i in range(n):
            key = jwtmint.Key(SECRET)
            minter = jwtmint.ApiTokenMinter(API_KEY, key)
            verifier = jwtmint.Verifier(key)
            if i % 2:
                key.close()
                minter.close()
                verifier.close()
            # else: left to garbage collection

    churn(5_000)
    gc.collect()
    before = _rss_kib()
    churn(40_000)
    gc.collect()
    # Leaking a key, a minter and a verifier (a few hundred bytes each) 40,000 times
    # would add tens of MiB.
    assert _rss_kib() - before < 8 * 1024


def test_close_while_other_threads_mint_and_verify():
    # A call holds its own reference to the native object, so close() never frees it under a
    # call in flight. Each call either succeeds or raises ValueError (closed).
    for _ in range(50):
        key = jwtmint.Key(SECRET)
        minter = jwtmint.ApiTokenMinter(API_KEY, key)
        verifier = jwtmint.Verifier.zoom_api(key, API_KEY)
        expected = reference_api_token(SECRET, API_KEY, NOW)
        start = threading.Barrier(5)
        results = []

        def work():
            start.wait()
            ok = 0
            # Until this thread sees the close (bounded, should the close never come).
            for _ in range(1_000_000):
                try:
                    assert minter.mint(now=NOW) == expected
                    assert verifier.verify(expected, now=NOW)["iss"] == API_KEY
                    jwtmint.mint(key, {"exp": NOW})
                    ok += 1
                except ValueError as error:
                    assert "closed" in str(error)
                    results.append(ok)
                    return

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        start.wait()
        time.sleep(0.002)  # let the threads get going: close lands among calls in flight
        for obj in (key, minter, verifier):
            obj.close()
        for t in threads:
            t.join()
        assert len(results) == 4  # every thread saw the close, none crashed
