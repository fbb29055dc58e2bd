"""Mint a Zoom API JWT, verify it, and see a rejection: the jobs jwtmint does for Python.

Usage: ZOOM_API_KEY=... ZOOM_API_SECRET=... python example.py
(without the variables, demonstration values are used)
"""

import os

import jwtmint

api_key = os.environ.get("ZOOM_API_KEY", "abcdefghijklmnopqrstuv")
api_secret = os.environ.get("ZOOM_API_SECRET", "0123456789abcdefghijklmnopqrstuvwxyz")

# Build the key and the minter once, at startup; mint per request.
key = jwtmint.Key(api_secret)
minter = jwtmint.ApiTokenMinter(api_key, key)  # iat = now - 30 s, exp = iat + 1 h
token = minter.mint()
print(f"Authorization: Bearer {token}")

# The receiving side: Zoom API rules (iss, iat and exp required; iss must be the API key).
verifier = jwtmint.Verifier.zoom_api(key, api_key)
print("verified claims:", verifier.verify(token))

# Any other claims, as a dict.
session = jwtmint.mint(key, {"sub": "user-1", "exp": 2_000_000_000, "roles": ["host"]})
print("custom token claims:", jwtmint.Verifier(key).verify(session))

# Rejections are exceptions with the library's stable code and name.
try:
    verifier.verify(token, now=2_000_000_000)
except jwtmint.Expired as error:
    print(f"rejected: {error}  [code={error.code}, name={error.name}]")
try:
    verifier.verify(token[:-2] + ("AA" if token[-2:] != "AA" else "AQ"))
except jwtmint.InvalidToken as error:
    print(f"rejected: {error}")
