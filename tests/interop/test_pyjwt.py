"""jwtmint against PyJWT: each accepts the other's tokens. Needs JWTMINT_BIN."""
import json
import os
import subprocess
import time

import jwt
import pytest

BIN = os.environ.get("JWTMINT_BIN")
API_KEY = "abcdefghijklmnopqrstuv"
SECRET = "0123456789abcdefghijklmnopqrstuvwxyz"


def run(*args, **env):
    full_env = {**os.environ, "ZOOM_API_KEY": API_KEY, "ZOOM_API_SECRET": SECRET, **env}
    return subprocess.run([BIN, *args], capture_output=True, text=True, env=full_env, check=False)


@pytest.fixture(autouse=True)
def need_binary():
    assert BIN and os.access(BIN, os.X_OK), "set JWTMINT_BIN to the jwtmint binary"


def test_pyjwt_accepts_a_fresh_jwtmint_token():
    r = run("mint")
    assert r.returncode == 0, r.stderr
    token = r.stdout.strip()
    claims = jwt.decode(
        token, SECRET, algorithms=["HS256"], issuer=API_KEY,
        options={"require": ["iss", "iat", "exp"]},
    )
    now = int(time.time())
    assert claims["iss"] == API_KEY
    assert claims["exp"] - claims["iat"] == 3600
    assert now - 35 <= claims["iat"] <= now - 25
    assert jwt.get_unverified_header(token) == {"alg": "HS256", "typ": "JWT"}


def test_pyjwt_rejects_a_jwtmint_token_under_another_secret():
    token = run("mint").stdout.strip()
    with pytest.raises(jwt.InvalidSignatureError):
        jwt.decode(token, SECRET + "x", algorithms=["HS256"])


def test_pyjwt_sees_the_exact_payload():
    token = run("mint", "--now", "1700000000").stdout.strip()
    claims = jwt.decode(token, SECRET, algorithms=["HS256"], options={"verify_exp": False, "verify_iat": False})
    assert claims == {"iss": API_KEY, "iat": 1699999970, "exp": 1700003570}


def test_jwtmint_accepts_a_pyjwt_token():
    now = int(time.time())
    token = jwt.encode({"iss": API_KEY, "iat": now - 30, "exp": now + 3600}, SECRET, algorithm="HS256")
    r = run("verify", token)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == {"iss": API_KEY, "iat": now - 30, "exp": now + 3600}


def test_jwtmint_rejects_an_expired_pyjwt_token():
    now = int(time.time())
    token = jwt.encode({"iss": API_KEY, "iat": now - 7200, "exp": now - 3600}, SECRET, algorithm="HS256")
    r = run("verify", token)
    assert r.returncode == 1
    assert r.stderr.startswith("error: ")
    assert "expired" in r.stderr


def test_jwtmint_rejects_a_pyjwt_token_without_exp_and_with_alg_none():
    token = jwt.encode({"iss": API_KEY, "iat": int(time.time())}, SECRET, algorithm="HS256")
    assert run("verify", token).returncode == 1
    unsigned = jwt.encode({"iss": API_KEY, "exp": int(time.time()) + 60}, None, algorithm="none")
    r = run("verify", unsigned)
    assert r.returncode == 1
