#!/usr/bin/env python3
"""Writes the shared test vectors with an implementation independent of jwtmint.

Only the Python standard library is used (json, hmac, hashlib, base64), so the expected tokens
do not come from the code under test. Every language's tests read these files and must
produce byte-identical tokens.

Run from anywhere: python3 tests/vectors/generate.py
"""
import base64
import hashlib
import hmac
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = {"alg": "HS256", "typ": "JWT"}


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def compact(obj) -> bytes:
    # Same bytes as JavaScript's JSON.stringify for these inputs: no spaces, non-ASCII kept.
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def sign(secret: bytes, payload: bytes) -> str:
    signing_input = b64url(compact(HEADER)) + "." + b64url(payload)
    mac = hmac.new(secret, signing_input.encode("ascii"), hashlib.sha256).digest()
    return signing_input + "." + b64url(mac)


def secret_bytes(secret: str, encoding: str) -> bytes:
    if encoding == "utf8":
        return secret.encode("utf-8")
    if encoding == "hex":
        return bytes.fromhex(secret)
    if encoding == "base64":
        return base64.b64decode(secret + "=" * (-len(secret) % 4), validate=True)
    if encoding == "base64url":
        return base64.urlsafe_b64decode(secret + "=" * (-len(secret) % 4))
    raise ValueError(encoding)


def zoom_api_cases():
    # (name, api_key, secret, encoding, now, skew, ttl)
    cases = [
        ("seed_defaults", "abcdefghijklmnopqrstuv", "0123456789abcdefghijklmnopqrstuvwxyz", "utf8", 1662147076, 30, 3600),
        ("seed_sample_two_hours", "abcdefghijklmnopqrstuv", "0123456789abcdefghijklmnopqrstuvwxyz", "utf8", 1662147076, 30, 7200),
        ("no_skew", "my-api-key", "my-zoom-api-secret-of-36-characters!", "utf8", 1700000000, 0, 3600),
        ("short_ttl", "k", "my-zoom-api-secret-of-36-characters!", "utf8", 1700000000, 30, 60),
        ("key_len_2_mod_3", "ke", "my-zoom-api-secret-of-36-characters!", "utf8", 1700000000, 30, 3600),
        ("key_len_0_mod_3", "key", "my-zoom-api-secret-of-36-characters!", "utf8", 1700000000, 30, 3600),
        ("epoch_zero", "abcdefghijklmnopqrstuv", "0123456789abcdefghijklmnopqrstuvwxyz", "utf8", 0, 30, 3600),
        ("far_future", "abcdefghijklmnopqrstuv", "0123456789abcdefghijklmnopqrstuvwxyz", "utf8", 4102444800, 30, 3600),
        ("hex_secret", "abcdefghijklmnopqrstuv", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff", "hex", 1700000000, 30, 3600),
        ("base64_secret", "abcdefghijklmnopqrstuv", "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ+EstJQLr/T+1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow==", "base64", 1700000000, 30, 3600),
        ("base64url_secret", "abcdefghijklmnopqrstuv", "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow", "base64url", 1700000000, 30, 3600),
        ("utf8_non_ascii_secret", "abcdefghijklmnopqrstuv", "sécret-with-ünïcödé-and-€-of-enough-bytes", "utf8", 1700000000, 30, 3600),
        ("escaped_api_key", "key\"with\\quotes\u0001é", "0123456789abcdefghijklmnopqrstuvwxyz", "utf8", 1700000000, 30, 3600),
        ("long_secret_hashed_first", "abcdefghijklmnopqrstuv", "x" * 100, "utf8", 1700000000, 30, 3600),
    ]
    out = []
    for name, api_key, secret, enc, now, skew, ttl in cases:
        iat = now - skew
        exp = iat + ttl
        payload = compact({"iss": api_key, "iat": iat, "exp": exp})
        out.append({
            "name": name,
            "api_key": api_key,
            "secret": secret,
            "secret_encoding": enc,
            "now": now,
            "skew": skew,
            "ttl": ttl,
            "iat": iat,
            "exp": exp,
            "payload_json": payload.decode("utf-8"),
            "token": sign(secret_bytes(secret, enc), payload),
        })
    return out


def meeting_sdk_cases():
    # (name, sdk_key, secret, encoding, now, skew, ttl, mn, role, video_webrtc_mode); None = not given.
    # The payload follows Zoom's meetingsdk-auth-endpoint-sample: appKey, sdkKey, mn, role, iat,
    # exp, tokenExp, video_webrtc_mode, absent members left out; mn as a string of digits.
    secret = "Zoom-Meeting-SDK-Secret-Of-36-Chars!"
    cases = [
        ("native_defaults", "abcdefghijklmnopqrstuv", secret, "utf8", 1700000000, 30, 7200, None, None, None),
        ("web_participant_no_skew", "abcdefghijklmnopqrstuv", secret, "utf8", 1700000000, 0, 7200, "85746065432", 0, None),
        ("web_host_min_ttl_webrtc", "abcdefghijklmnopqrstuv", secret, "utf8", 1700000000, 30, 1800, "123456789", 1, 1),
        ("max_ttl_webrtc_off", "client-id-0123", secret, "utf8", 1662147076, 0, 172800, "9", 0, 0),
        ("native_webrtc_hex_secret", "k", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff", "hex", 1700000000, 30, 3600, None, None, 1),
        ("escaped_sdk_key", "key\"with\\quotes\u0001\u00e9", secret, "utf8", 1700000000, 30, 7200, "00012", 1, None),
    ]
    out = []
    for name, sdk_key, sec, enc, now, skew, ttl, mn, role, webrtc in cases:
        iat = now - skew
        exp = iat + ttl
        claims = {"appKey": sdk_key, "sdkKey": sdk_key}
        if mn is not None:
            claims["mn"] = mn
            claims["role"] = role
        claims.update({"iat": iat, "exp": exp, "tokenExp": exp})
        if webrtc is not None:
            claims["video_webrtc_mode"] = webrtc
        payload = compact(claims)
        out.append({
            "name": name,
            "sdk_key": sdk_key,
            "secret": sec,
            "secret_encoding": enc,
            "now": now,
            "skew": skew,
            "ttl": ttl,
            "mn": mn,
            "role": role,
            "video_webrtc_mode": webrtc,
            "payload_json": payload.decode("utf-8"),
            "token": sign(secret_bytes(sec, enc), payload),
        })
    return out


def claims_cases():
    secret = "0123456789abcdefghijklmnopqrstuvwxyz"
    payloads = [
        ("zoom_order", {"iss": "abc", "iat": 1700000000, "exp": 1700003600}),
        ("nested", {"sub": "user-1", "exp": 2000000000, "roles": ["a", "b"], "meta": {"x": 1, "y": [True, None]}}),
        ("unicode", {"name": "Zoë 🎥", "exp": 2000000000}),
        ("fractional_exp", {"exp": 2000000000.5}),
        ("negative_iat", {"iat": -5, "exp": 2000000000}),
        ("empty", {}),
    ]
    return [
        {
            "name": name,
            "secret": secret,
            "secret_encoding": "utf8",
            "payload_json": compact(obj).decode("utf-8"),
            "token": sign(secret.encode(), compact(obj)),
        }
        for name, obj in payloads
    ]


def main():
    with open(os.path.join(HERE, "zoom_api.json"), "w", encoding="utf-8") as f:
        json.dump({"description": "Zoom API JWTs: iat = now - skew, exp = iat + ttl, payload {iss,iat,exp} in that order; tokens computed with Python's stdlib (generate.py)", "cases": zoom_api_cases()}, f, indent=2, ensure_ascii=False)
        f.write("\n")
    with open(os.path.join(HERE, "meeting_sdk.json"), "w", encoding="utf-8") as f:
        json.dump({"description": "Zoom Meeting SDK JWTs: iat = now - skew, exp = tokenExp = iat + ttl, payload {appKey,sdkKey,[mn,role],iat,exp,tokenExp,[video_webrtc_mode]} in that order, null meaning not given; tokens computed with Python's stdlib (generate.py)", "cases": meeting_sdk_cases()}, f, indent=2, ensure_ascii=False)
        f.write("\n")
    with open(os.path.join(HERE, "claims.json"), "w", encoding="utf-8") as f:
        json.dump({"description": "Arbitrary claims: the token signs exactly payload_json under the fixed header; computed with Python's stdlib (generate.py)", "cases": claims_cases()}, f, indent=2, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
