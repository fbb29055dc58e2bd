#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets (fuzz/corpus/<target>/seed-*).

Independent of jwtmint: tokens are built with Python's hmac, hashlib, base64 and json. The
secret and the time are those of fuzz/src/checks/mod.rs. Run from anywhere; it rewrites only
the seed-* files (inputs the fuzzer found keep their own names).
"""
import base64
import hashlib
import hmac
import json
import os
import pathlib

SECRET = b"jwtmint-adversarial-corpus-secret-0123456789"
NOW = 1_700_000_000
API_KEY = "fuzz-api-key"
HEADER = b'{"alg":"HS256","typ":"JWT"}'
ROOT = pathlib.Path(__file__).resolve().parent / "corpus"


def b64(data: bytes) -> bytes:
    return base64.urlsafe_b64encode(data).rstrip(b"=")


def sign(header: bytes, payload: bytes, secret: bytes = SECRET) -> bytes:
    signing_input = b64(header) + b"." + b64(payload)
    tag = hmac.new(secret, signing_input, hashlib.sha256).digest()
    return signing_input + b"." + b64(tag)


def zoom_payload(iss=API_KEY, iat=NOW - 30, exp=NOW + 3600) -> bytes:
    return b'{"iss":"%s","iat":%d,"exp":%d}' % (iss.encode(), iat, exp)


PAYLOADS = [
    zoom_payload(),
    zoom_payload(exp=NOW - 100),
    zoom_payload(iss="other"),
    b'{"exp":%d}' % (NOW + 10),
    b'{"sub":"u","aud":["fuzz-aud","x"],"exp":%d,"nbf":%d}' % (NOW + 10, NOW - 10),
    b'{"exp":%d.5,"iat":%d.25,"nbf":1e3}' % (NOW + 10, NOW),
    b'{"exp":"%d"}' % (NOW + 10),
    b'{"exp":null,"x":{"a":[1,2,{"b":true}]}}',
    b'{"a":1,"a":2}',
    b'{"e\\u0078p":1}',
    b'{"x":"\\ud83d\\ude00 \xc3\xa9","exp":9223372036854775807}',
    b"[1,2]",
    b'{"exp":%d} ' % (NOW + 10),
]

HEADERS = [
    HEADER,
    b'{"alg":"HS256"}',
    b'{"typ":"jwt","alg":"HS256","kid":"k"}',
    b'{"alg":"none"}',
    b'{"alg":"HS256","crit":["exp"]}',
    b'{"alg":"HS256","alg":"HS256"}',
]


def write(target: str, name: str, data: bytes) -> None:
    d = ROOT / target
    d.mkdir(parents=True, exist_ok=True)
    (d / f"seed-{name}").write_bytes(data)


def main() -> None:
    for d in ROOT.glob("*/seed-*"):
        d.unlink()
    tokens = []
    for i, p in enumerate(PAYLOADS):
        tokens.append(sign(HEADER, p))
        write("mint_roundtrip", f"{i:02}", p)
        write("verify_signed", f"p{i:02}", b"\x00" + p)
    for i, h in enumerate(HEADERS):
        tokens.append(sign(h, zoom_payload()))
        write("verify_signed", f"h{i:02}", bytes([len(h)]) + h + zoom_payload())
    tokens.append(sign(HEADER, zoom_payload(), b"another-secret-of-the-same-length-0123456789"))
    good = tokens[0]
    tokens += [
        good[:-1],
        good + b"=",
        b64(HEADER) + b"." + base64.urlsafe_b64encode(zoom_payload()) + b"." + good.rsplit(b".", 1)[1],
        good.replace(b"-", b"+").replace(b"_", b"/"),
        b64(b'{"alg":"none"}') + b"." + b64(zoom_payload()) + b".",
        b"a.b.c.d",
        b"",
    ]
    for i, t in enumerate(tokens):
        write("verify", f"{i:02}", t)
        write("decode_unverified", f"{i:02}", t)
        write("ffi_verify", f"{i:02}", bytes([i % 256]) + t)
    for i, data in enumerate([b"", b"f", b"fo", b"foo", b"Zg", b"Zh", b"Zg==", b"-_8", b"+/8",
                              good.split(b".")[2], good.split(b".")[1], bytes(range(256))]):
        write("base64url", f"{i:02}", data)
    for i, (key, a, b, msg) in enumerate([
        (SECRET, b"", b"", b"message"),
        (b"", b"", b"", b""),
        (b"\xaa" * 131, b"x" * 63, b"y", b"z" * 70),
        (b"k" * 64, b"a" * 64, b"b" * 64, b"c" * 55),
        (b"k" * 65, b"p" * 56, b"", b"q" * 9),
    ]):
        write("hmac", f"{i:02}", bytes([len(key)]) + key + bytes([len(a)]) + a
              + bytes([len(b)]) + b + msg)

    body = b'{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1,"event":"endpoint.url_validation"}'
    for i, (ts, body) in enumerate([
        (b"%d" % NOW, body),
        (b"%d" % (NOW - 301), body),
        (b"0%d" % NOW, b'{"event":"meeting.started","payload":{}}'),
        (b"%d" % NOW, b'{"event":"endpoint.url_validation","payload":{"plainToken":""}}'),
        (b"%d" % NOW, b'{"event":"endpoint.url_validation","event":"x","payload":{}}'),
        (b"99999999999999999999", body),
    ]):
        sig = b"v0=" + hmac.new(SECRET, b"v0:" + ts + b":" + body, hashlib.sha256).hexdigest().encode()
        write("webhook", f"{i:02}", bytes([len(ts)]) + ts + bytes([len(sig)]) + sig + body)
    write("webhook", "bad-sig", b"\x0a1700000000\x05v0=ab{}")


if __name__ == "__main__":
    main()
