"""Hostile input through every entry of the extension module: random bytes and text as
tokens, secrets, webhook requests and claims. Each call returns or raises a jwtmint error (or
TypeError/ValueError for Python-side misuse); a Rust panic would surface as
pyo3_runtime.PanicException, a BaseException, and fail the test."""

import random

import jwtmint
from conftest import NOW, SECRET

EXPECTED = (jwtmint.JwtMintError, TypeError, ValueError)


def _random_text(rng):
    alphabet = "eyJhbGciOiJIUzI1NiJ9.-_=+/ \x00\x7f\ud800é😀" + "abcXYZ0189"
    return "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 200)))


def _random_bytes(rng):
    return bytes(rng.randrange(256) for _ in range(rng.randrange(0, 200)))


def _call(function, *args, **kwargs):
    try:
        function(*args, **kwargs)
    except EXPECTED:
        pass


def test_random_inputs_never_panic():
    rng = random.Random(7)
    key = jwtmint.Key(SECRET)
    verifiers = [jwtmint.Verifier(key), jwtmint.Verifier.zoom_api(key, "k"),
                 jwtmint.VideoSdkVerifier(key, "k"), jwtmint.MeetingSdkVerifier(key)]
    webhook = jwtmint.WebhookVerifier("secret-token")
    for _ in range(3000):
        token = rng.choice([_random_text(rng), _random_bytes(rng)])
        for verifier in verifiers:
            _call(verifier.verify, token, now=rng.randrange(-(2**63), 2**63))
        _call(jwtmint.Key, rng.choice([_random_text(rng), _random_bytes(rng)]))
        _call(jwtmint.Key.from_encoded, _random_text(rng),
              rng.choice(["utf8", "hex", "base64", "base64url", "jsrsasign", "x"]))
        _call(webhook.verify, _random_text(rng), _random_bytes(rng), _random_text(rng),
              now=NOW)
        _call(webhook.url_validation, _random_text(rng), _random_bytes(rng),
              _random_text(rng), now=NOW)
        _call(jwtmint.mint, key, {_random_text(rng): _random_text(rng)})
        _call(jwtmint.mint_videosdk_token, key, _random_text(rng), _random_text(rng),
              rng.randrange(-3, 3), geo_regions=_random_text(rng), now=NOW)
        _call(jwtmint.mint_meetingsdk_token, key, _random_text(rng), mn=_random_text(rng),
              role=rng.randrange(-3, 3), now=NOW)
        _call(jwtmint.videosdk_tpc_notes, _random_text(rng))


def test_extreme_numbers_never_panic():
    key = jwtmint.Key(SECRET)
    minter = jwtmint.ApiTokenMinter("k", key)
    for now in (-(2**63), -1, 0, 2**63 - 1, 2**63, -(2**63) - 1, 2**200):
        _call(minter.mint, now=now)
        _call(jwtmint.mint_videosdk_token, key, "k", "s", 1, now=now)
        _call(jwtmint.mint_meetingsdk_token, key, "k", now=now)
        for seconds in (0, 1, 2**63, 2**64 - 1, 2**64, -1):
            _call(jwtmint.ApiTokenMinter, "k", key, skew=seconds, ttl=seconds)
            _call(jwtmint.mint_api_token, "k", key, now=now, skew=seconds, ttl=seconds)
            _call(jwtmint.Verifier(key, leeway=0 if seconds < 0 else min(seconds, 2**64 - 1)).verify,
                  minter.mint(now=NOW), now=now)
            _call(jwtmint.ApiTokenCache, minter, refresh_margin=seconds)
            _call(jwtmint.WebhookVerifier("s", tolerance=2**64 - 1).sign, seconds, b"")
            _call(jwtmint.WebhookVerifier("s", tolerance=2**64 - 1).verify, str(now), b"",
                  "v0=" + "0" * 64, now=now)
