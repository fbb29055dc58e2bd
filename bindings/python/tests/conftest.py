"""Shared test data and an independent HS256 reference (Python's hmac/hashlib/base64).

The tests run against the *installed* package: run them from outside the source tree, as
scripts/suites/python.sh does, so that `import jwtmint` cannot pick up bindings/python/src.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from pathlib import Path
from typing import Any, Dict, List

import pytest

REPO = Path(__file__).resolve().parents[3]
VECTORS = REPO / "tests" / "vectors"
CORPUS = REPO / "tests" / "corpus"

HEADER = b'{"alg":"HS256","typ":"JWT"}'
SECRET = "my-zoom-api-secret-of-36-characters!"
API_KEY = "my-api-key"
NOW = 1_700_000_000


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def reference_token(secret: bytes, payload: bytes, header: bytes = HEADER) -> str:
    """An HS256 JWS computed with the standard library only."""
    signing_input = f"{b64url(header)}.{b64url(payload)}"
    mac = hmac.new(secret, signing_input.encode("ascii"), hashlib.sha256).digest()
    return f"{signing_input}.{b64url(mac)}"


def reference_api_token(secret: str, api_key: str, now: int, skew: int = 30, ttl: int = 3600) -> str:
    iat = now - skew
    payload = json.dumps({"iss": api_key, "iat": iat, "exp": iat + ttl}, separators=(",", ":"))
    return reference_token(secret.encode(), payload.encode())


def load_cases(path: Path) -> List[Dict[str, Any]]:
    return json.loads(path.read_text(encoding="utf-8"))["cases"]


@pytest.fixture
def key():
    import jwtmint

    with jwtmint.Key(SECRET) as k:
        yield k
