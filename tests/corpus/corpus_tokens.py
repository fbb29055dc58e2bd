"""Token-building helpers of the adversarial corpus generator (generate.py).

Python's standard library only: every token is built and signed here, independently of
jwtmint. See tests/corpus/README.md for the corpus format.
"""
import base64
import hashlib
import hmac
import json
import pathlib

SECRET = "jwtmint-adversarial-corpus-secret-0123456789"
KEY = SECRET.encode()
NOW = 1_700_000_000
ISS = "corpus-issuer"
HEADER = b'{"alg":"HS256","typ":"JWT"}'
ALG_ONLY = b'{"alg":"HS256"}'
OUT = pathlib.Path(__file__).resolve().parent


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def b64_padded(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode()


def b64_std(data: bytes) -> str:
    return base64.b64encode(data).rstrip(b"=").decode()


def mac(text: str, key: bytes = KEY) -> str:
    return b64(hmac.new(key, text.encode("utf-8"), hashlib.sha256).digest())


def sign_text(head: str, body: str, key: bytes = KEY) -> str:
    """A token over segment texts as given (even non-canonical ones), correctly signed."""
    signing_input = f"{head}.{body}"
    return f"{signing_input}.{mac(signing_input, key)}"


def sign(header: bytes, payload: bytes, key: bytes = KEY) -> str:
    return sign_text(b64(header), b64(payload), key)


def obj(**members) -> bytes:
    return json.dumps(members, separators=(",", ":")).encode()


def good_payload(**extra) -> bytes:
    members = {"iss": ISS, "iat": NOW - 30, "exp": NOW + 3600}
    members.update(extra)
    return obj(**members)


GOOD = sign(HEADER, good_payload())
GOOD_HEAD, GOOD_BODY, GOOD_SIG = GOOD.split(".")

# Verifier configurations used by several cases.
NO_REQUIRED = {"required": []}
ZOOM = {"issuer": ISS, "required": ["iss", "iat", "exp"]}


def case(name, description, token, expect, verifier=None, now=NOW, refs=None):
    c = {"name": name, "description": description, "token": token, "now": now}
    if verifier:
        c["verifier"] = verifier
    c["expect"] = expect
    if refs:
        c["refs"] = refs
    return c


def first_with(predicate, make):
    """The first of make(0), make(1), ... for which predicate holds."""
    for i in range(100_000):
        value = make(i)
        if predicate(value):
            return value
    raise RuntimeError("no value found")
