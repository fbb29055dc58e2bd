"""`jwtmint.mint` writes claims exactly as `json.dumps(claims, separators=(",", ":"),
ensure_ascii=False, allow_nan=False)` does (the extension module writes the JSON itself, a
forced copy of those rules: this file proves it equal, value kind by value kind and on random
claims), and refuses what json.dumps refuses."""

import base64
import enum
import json
import math
import random

import pytest

import jwtmint
from conftest import NOW, SECRET


class Color(enum.IntEnum):
    RED = 1


class Text(str):
    pass


def dumps(claims):
    return json.dumps(claims, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def payload_of(token):
    segment = token.split(".")[1]
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)).decode("utf-8")


@pytest.fixture(scope="module")
def key():
    return jwtmint.Key(SECRET)


VALUES = [
    None, True, False, 0, -1, 2**53 + 1, 2**63 - 1, -(2**63), 2**64, -(2**70), 10**40,
    Color.RED, 0.1, -0.0, 1.5, 1e16, 1e-7, 123456789.123, 1e308, 5e-324, 2.0**53,
    "", "plain", 'quote " backslash \\ slash /', "\n\r\t\b\f", "\x00\x01\x1f\x7f",
    "é Zoë 😀 \u2028\u2029 \ufeff", Text("a str subclass"), [], (), {}, [1, [2, [3]]],
    (1, "two"), {"nested": {"deeper": [None, 1.25]}},
]


@pytest.mark.parametrize("value", VALUES, ids=[repr(v)[:30] for v in VALUES])
def test_each_kind_of_value_is_written_as_json_dumps_writes_it(key, value):
    claims = {"exp": NOW + 60, "v": value}
    assert payload_of(jwtmint.mint(key, claims)) == dumps(claims)


def test_keys_of_other_types_are_written_as_json_dumps_writes_them(key):
    claims = {"exp": NOW + 60, 7: "int", 2.5: "float", True: "bool", None: "none", -3: "neg"}
    assert payload_of(jwtmint.mint(key, claims)) == dumps(claims)


def _random_value(rng, depth):
    kind = rng.randrange(9 if depth < 4 else 6)
    if kind == 0:
        return rng.choice([None, True, False])
    if kind == 1:
        return rng.randrange(-(2**63), 2**64)
    if kind == 2:
        return rng.uniform(-1e6, 1e6) * 10 ** rng.randrange(-20, 20)
    if kind == 3:
        return "".join(chr(rng.choice([rng.randrange(0, 0x80), rng.randrange(0x80, 0xD800),
                                       rng.randrange(0xE000, 0x110000)]))
                       for _ in range(rng.randrange(0, 12)))
    if kind == 4:
        return rng.randrange(-10, 10)
    if kind == 5:
        return rng.choice(["", "x", "\\", '"', "\x00"])
    if kind == 6:
        return [_random_value(rng, depth + 1) for _ in range(rng.randrange(0, 4))]
    if kind == 7:
        return tuple(_random_value(rng, depth + 1) for _ in range(rng.randrange(0, 3)))
    return {f"k{i}": _random_value(rng, depth + 1) for i in range(rng.randrange(0, 4))}


def test_random_claims_are_written_as_json_dumps_writes_them(key):
    rng = random.Random(12)
    for _ in range(2000):
        claims = {"exp": NOW + 60}
        for i in range(rng.randrange(0, 6)):
            claims[f"c{i}"] = _random_value(rng, 1)
        token = jwtmint.mint(key, claims)
        assert payload_of(token) == dumps(claims), claims
        assert jwtmint.Verifier(key).verify(token, now=NOW) == json.loads(dumps(claims))


@pytest.mark.parametrize("claims,refused_by_json", [
    ({"v": {1, 2}}, TypeError), ({"v": object()}, TypeError), ({(1, 2): "tuple key"}, TypeError),
    ({"v": b"bytes"}, TypeError), ({"v": math.inf}, ValueError), ({math.nan: 1}, ValueError),
])
def test_what_json_dumps_refuses_is_refused(key, claims, refused_by_json):
    with pytest.raises(refused_by_json):
        dumps(claims)
    expected = TypeError if refused_by_json is TypeError else jwtmint.InvalidInput
    with pytest.raises(expected) as caught:
        jwtmint.mint(key, claims)
    if expected is jwtmint.InvalidInput:
        assert caught.value.code == 107 and caught.value.name == "serialize"


def test_deep_and_circular_claims_are_refused_without_crashing(key):
    deep = {"exp": NOW + 60}
    inner = deep
    for _ in range(100_000):
        inner["d"] = {}
        inner = inner["d"]
    with pytest.raises(jwtmint.InvalidInput) as caught:
        jwtmint.mint(key, deep)
    assert caught.value.code == 107
    loop = []
    loop.append(loop)
    with pytest.raises(jwtmint.InvalidInput):
        jwtmint.mint(key, {"exp": NOW + 60, "loop": loop})
    # Deeper than the core's JSON reader allows (16), shallower than the writer's limit: the
    # core's refusal.
    nested = [[[[[[[[[[[[[[[[[[[[0]]]]]]]]]]]]]]]]]]]]
    with pytest.raises(jwtmint.JwtMintError):
        jwtmint.mint(key, {"exp": NOW + 60, "n": nested})


def test_verified_integers_beyond_64_bits_come_back_as_floats(key):
    # The core's claims map (serde_json) holds an integer that fits neither i64 nor u64 as the
    # nearest f64; verify() returns that map as it is. Minting writes every digit.
    claims = {"exp": NOW + 60, "big": 2**70, "small": -(2**63), "top": 2**64 - 1}
    token = jwtmint.mint(key, claims)
    assert payload_of(token) == dumps(claims)
    verified = jwtmint.Verifier(key).verify(token, now=NOW)
    assert verified["small"] == -(2**63) and verified["top"] == 2**64 - 1
    assert isinstance(verified["big"], float) and verified["big"] == float(2**70)
