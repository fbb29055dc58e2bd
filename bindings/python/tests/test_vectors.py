"""tests/vectors/*.json: byte-identical tokens to the Rust API (the expected tokens were
computed with Python's standard library by tests/vectors/generate.py)."""

import json

import pytest

import jwtmint
from conftest import VECTORS, load_cases, reference_token

ZOOM_API = load_cases(VECTORS / "zoom_api.json")
CLAIMS = load_cases(VECTORS / "claims.json")


def test_vector_files_are_not_empty():
    assert len(ZOOM_API) >= 10
    assert len(CLAIMS) >= 5


@pytest.mark.parametrize("case", ZOOM_API, ids=lambda c: c["name"])
def test_zoom_api_minter(case):
    key = jwtmint.Key.from_encoded(case["secret"], case["secret_encoding"])
    with jwtmint.ApiTokenMinter(case["api_key"], key, skew=case["skew"], ttl=case["ttl"]) as m:
        assert m.mint(now=case["now"]) == case["token"]
        assert len(case["token"]) <= m.max_token_len


@pytest.mark.parametrize("case", ZOOM_API, ids=lambda c: c["name"])
def test_zoom_api_one_shot(case):
    key = jwtmint.Key.from_encoded(case["secret"], case["secret_encoding"])
    token = jwtmint.mint_api_token(
        case["api_key"], key, now=case["now"], skew=case["skew"], ttl=case["ttl"]
    )
    assert token == case["token"]
    if case["secret_encoding"] == "utf8":
        # The secret itself instead of a Key: str and bytes alike.
        for secret in (case["secret"], case["secret"].encode()):
            assert jwtmint.mint_api_token(
                case["api_key"], secret, now=case["now"], skew=case["skew"], ttl=case["ttl"]
            ) == case["token"]


@pytest.mark.parametrize("case", ZOOM_API, ids=lambda c: c["name"])
def test_zoom_api_verifies_to_the_payload(case):
    key = jwtmint.Key.from_encoded(case["secret"], case["secret_encoding"])
    verifier = jwtmint.Verifier.zoom_api(key, case["api_key"])
    claims = verifier.verify(case["token"], now=case["now"])
    assert claims == json.loads(case["payload_json"])
    assert claims == {"iss": case["api_key"], "iat": case["iat"], "exp": case["exp"]}
    verifier.check(case["token"].encode(), now=case["now"])


@pytest.mark.parametrize("case", CLAIMS, ids=lambda c: c["name"])
def test_claims_serialize_to_the_vector_payload_and_token(case):
    claims = json.loads(case["payload_json"])
    # The binding's serialization reproduces the vector's bytes...
    assert json.dumps(claims, separators=(",", ":"), ensure_ascii=False) == case["payload_json"]
    key = jwtmint.Key.from_encoded(case["secret"], case["secret_encoding"])
    # ...so the token is byte-identical.
    assert jwtmint.mint(key, claims) == case["token"]
    assert reference_token(case["secret"].encode(), case["payload_json"].encode()) == case["token"]


@pytest.mark.parametrize("case", CLAIMS, ids=lambda c: c["name"])
def test_claims_verify_back(case):
    key = jwtmint.Key.from_encoded(case["secret"], case["secret_encoding"])
    verifier = jwtmint.Verifier(key, required=(), leeway=0)
    assert verifier.verify(case["token"], now=1_700_000_000) == json.loads(case["payload_json"])
