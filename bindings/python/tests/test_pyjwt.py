"""Interop with PyJWT, both ways: PyJWT accepts jwtmint's tokens, jwtmint accepts PyJWT's,
and each rejects what the other signed under another key or algorithm."""

import time

import jwt
import pytest

import jwtmint
from conftest import API_KEY, NOW, SECRET


def test_pyjwt_decodes_a_minted_zoom_token():
    token = jwtmint.ApiTokenMinter(API_KEY, jwtmint.Key(SECRET)).mint()
    claims = jwt.decode(
        token, SECRET, algorithms=["HS256"], issuer=API_KEY,
        options={"require": ["iss", "iat", "exp"]},
    )
    now = int(time.time())
    assert claims["iss"] == API_KEY
    assert now - 35 <= claims["iat"] <= now - 25
    assert claims["exp"] - claims["iat"] == 3600
    assert jwt.get_unverified_header(token) == {"alg": "HS256", "typ": "JWT"}


def test_pyjwt_sees_exactly_the_claims_minted():
    claims = {"sub": "user-1", "exp": NOW + 60, "roles": ["a", "b"], "name": "Zoë 🎥",
              "meta": {"x": 1.5, "y": [True, None]}}
    token = jwtmint.mint(jwtmint.Key(SECRET), claims)
    decoded = jwt.decode(token, SECRET, algorithms=["HS256"], options={"verify_exp": False})
    assert decoded == claims


def test_pyjwt_rejects_a_minted_token_under_another_secret():
    token = jwtmint.mint_api_token(API_KEY, SECRET)
    with pytest.raises(jwt.InvalidSignatureError):
        jwt.decode(token, SECRET + "x", algorithms=["HS256"])


@pytest.mark.parametrize("secret", [SECRET, SECRET.encode(), bytes(range(32)) * 2])
def test_jwtmint_verifies_a_pyjwt_token(secret):
    now = int(time.time())
    claims = {"iss": API_KEY, "iat": now - 30, "exp": now + 3600}
    token = jwt.encode(claims, secret, algorithm="HS256")
    key = jwtmint.Key(secret)
    assert jwtmint.Verifier.zoom_api(key, API_KEY).verify(token) == claims
    assert jwtmint.Verifier(key, issuer=API_KEY).verify(token.encode()) == claims


def test_jwtmint_verifies_pyjwt_claims_of_every_json_type():
    claims = {"exp": NOW + 60, "nbf": NOW - 1, "aud": ["svc", "other"], "jti": "id-1",
              "n": 2**53 + 1, "f": 0.1, "s": "\u0000 \U0001f600 é", "l": [], "o": {}}
    token = jwt.encode(claims, SECRET, algorithm="HS256")
    verifier = jwtmint.Verifier(jwtmint.Key(SECRET), audience="svc")
    assert verifier.verify(token, now=NOW) == claims


def test_jwtmint_rejects_an_expired_pyjwt_token():
    token = jwt.encode({"iss": API_KEY, "iat": NOW - 7200, "exp": NOW - 3600}, SECRET, algorithm="HS256")
    with pytest.raises(jwtmint.Expired) as caught:
        jwtmint.Verifier.zoom_api(jwtmint.Key(SECRET), API_KEY).verify(token, now=NOW)
    assert caught.value.code == 500 and caught.value.name == "expired"


def test_jwtmint_rejects_pyjwt_tokens_under_another_key():
    token = jwt.encode({"exp": NOW + 60}, SECRET + "x", algorithm="HS256")
    with pytest.raises(jwtmint.InvalidSignature):
        jwtmint.Verifier(jwtmint.Key(SECRET)).verify(token, now=NOW)


@pytest.mark.parametrize("algorithm", ["HS384", "HS512", "none"])
def test_jwtmint_rejects_pyjwt_tokens_of_other_algorithms(algorithm):
    key = None if algorithm == "none" else SECRET + "-long-enough-for-hs512-" * 2
    token = jwt.encode({"exp": NOW + 60}, key, algorithm=algorithm)
    verifier = jwtmint.Verifier(jwtmint.Key(SECRET))
    with pytest.raises((jwtmint.InvalidHeader, jwtmint.Malformed)) as caught:
        verifier.verify(token, now=NOW)
    # alg none has an empty signature segment (202); the others an unsupported alg (301).
    assert caught.value.code == (202 if algorithm == "none" else 301)


def test_jwtmint_accepts_a_pyjwt_token_with_a_kid_but_not_a_nested_jwt():
    verifier = jwtmint.Verifier(jwtmint.Key(SECRET))
    with_kid = jwt.encode({"exp": NOW + 60}, SECRET, algorithm="HS256", headers={"kid": "k1"})
    assert verifier.verify(with_kid, now=NOW) == {"exp": NOW + 60}
    nested = jwt.encode({"exp": NOW + 60}, SECRET, algorithm="HS256", headers={"cty": "JWT"})
    with pytest.raises(jwtmint.InvalidHeader) as caught:
        verifier.verify(nested, now=NOW)
    assert caught.value.code == 304 and caught.value.name == "unsupported_header"
