"""The verifier's keyword settings reach the library: each is shown to accept and to reject.
Tokens are signed with the standard-library reference, not with jwtmint."""

import json
import time

import pytest

import jwtmint
from conftest import API_KEY, NOW, SECRET, reference_token


def signed(claims: dict) -> str:
    return reference_token(SECRET.encode(), json.dumps(claims, separators=(",", ":")).encode())


def outcome(verifier, token, now=NOW):
    try:
        verifier.verify(token, now=now)
    except jwtmint.JwtMintError as error:
        return error.code
    return 0


def test_leeway_boundaries(key):
    token = signed({"exp": NOW - 10})
    assert outcome(jwtmint.Verifier(key), token) == 0  # default leeway 60
    assert outcome(jwtmint.Verifier(key, leeway=11), token) == 0
    assert outcome(jwtmint.Verifier(key, leeway=10), token) == 500  # now == exp + leeway
    assert outcome(jwtmint.Verifier(key, leeway=0), token) == 500
    future = signed({"exp": NOW + 999, "nbf": NOW + 30, "iat": NOW + 30})
    assert outcome(jwtmint.Verifier(key, leeway=30), future) == 0
    assert outcome(jwtmint.Verifier(key, leeway=29), future) in (501, 502)


def test_issuer(key):
    token = signed({"iss": "me", "exp": NOW + 60})
    assert outcome(jwtmint.Verifier(key, issuer="me"), token) == 0
    assert outcome(jwtmint.Verifier(key, issuer="you"), token) == 505
    assert outcome(jwtmint.Verifier(key), token) == 0  # not checked unless asked


def test_audience(key):
    one = signed({"aud": "svc", "exp": NOW + 60})
    many = signed({"aud": ["other", "svc"], "exp": NOW + 60})
    assert outcome(jwtmint.Verifier(key, audience="svc"), one) == 0
    assert outcome(jwtmint.Verifier(key, audience="svc"), many) == 0
    assert outcome(jwtmint.Verifier(key, audience="nope"), many) == 506
    # A token meant for some audience is refused by a verifier that expects none.
    assert outcome(jwtmint.Verifier(key), one) == 506


def test_required_claims(key):
    no_exp = signed({"sub": "u"})
    assert outcome(jwtmint.Verifier(key), no_exp) == 503  # exp by default
    assert outcome(jwtmint.Verifier(key, required=()), no_exp) == 0
    assert outcome(jwtmint.Verifier(key, required=["sub"]), no_exp) == 0
    assert outcome(jwtmint.Verifier(key, required=("sub", "jti")), no_exp) == 503
    assert outcome(jwtmint.Verifier(key, required=iter(["sub"])), no_exp) == 0
    # Present claims are checked even when not required.
    assert outcome(jwtmint.Verifier(key, required=()), signed({"exp": "x"})) == 504


def test_required_names_are_data(key):
    # Each name reaches the library as it is: no splitting, no trimming.
    odd = signed({"exp,iat": 1, " sub": "u"})
    plain = signed({"exp": NOW + 60, "iat": NOW, "sub": "u"})
    assert outcome(jwtmint.Verifier(key, required=["exp,iat"]), odd) == 0
    assert outcome(jwtmint.Verifier(key, required=["exp,iat"]), plain) == 503
    assert outcome(jwtmint.Verifier(key, required=[" sub"]), odd) == 0
    assert outcome(jwtmint.Verifier(key, required=[" sub"]), plain) == 503
    # A name given twice counts once.
    assert outcome(jwtmint.Verifier(key, required=["sub", "sub"]), plain) == 0
    assert outcome(jwtmint.Verifier(key, required=["jti", "jti"]), plain) == 503


def test_max_len(key):
    token = signed({"exp": NOW + 60, "pad": "x" * 100})
    assert outcome(jwtmint.Verifier(key, max_len=len(token)), token) == 0
    assert outcome(jwtmint.Verifier(key, max_len=len(token) - 1), token) == 200
    with pytest.raises(jwtmint.TooLong):
        jwtmint.Verifier(key).verify("a" * 9000, now=NOW)


def test_zoom_api_preset(key):
    good = signed({"iss": API_KEY, "iat": NOW - 30, "exp": NOW + 3570})
    verifier = jwtmint.Verifier.zoom_api(key, API_KEY)
    assert verifier.verify(good, now=NOW) == {"iss": API_KEY, "iat": NOW - 30, "exp": NOW + 3570}
    assert outcome(verifier, signed({"iss": API_KEY, "exp": NOW + 60})) == 503  # no iat
    assert outcome(verifier, signed({"iss": "other", "iat": NOW, "exp": NOW + 60})) == 505
    assert outcome(jwtmint.Verifier.zoom_api(key, API_KEY, leeway=0), good, now=NOW + 3570) == 500
    assert outcome(jwtmint.Verifier.zoom_api(key, API_KEY, max_len=10), good) == 200


def test_now_defaults_to_the_system_clock(key):
    now = int(time.time())
    verifier = jwtmint.Verifier(key, leeway=0)
    verifier.verify(signed({"exp": now + 120}))
    with pytest.raises(jwtmint.Expired):
        verifier.verify(signed({"exp": now - 120}))
    claims = verifier.verify(jwtmint.ApiTokenMinter(API_KEY, key).mint())
    assert abs(claims["iat"] - (now - 30)) <= 5


def test_check_agrees_with_verify(key):
    verifier = jwtmint.Verifier(key)
    assert verifier.check(signed({"exp": NOW + 60}), now=NOW) is None
    with pytest.raises(jwtmint.Expired):
        verifier.check(signed({"exp": NOW - 60}), now=NOW)


def test_repr_shows_settings_and_no_secret(key):
    text = repr(jwtmint.Verifier(key, leeway=5, issuer="me", audience="svc", required=["exp", "iat"]))
    assert text == "<jwtmint.Verifier leeway=5 max_len=8192 issuer='me' audience='svc' required=['exp', 'iat']>"
    assert SECRET not in repr(key) and repr(key) == "<jwtmint.Key>"
    assert repr(jwtmint.Verifier.zoom_api(key, API_KEY)).startswith("<jwtmint.Verifier zoom_api='my-api-key'")
