#!/usr/bin/env python3
"""Writes tests/c/fixtures.h: the tokens the C and C++ tests expect, computed with Python's
standard library only (byte strings and json, hmac, hashlib, base64), never with jwtmint.

    python3 tests/c/gen_fixtures.py           # rewrite fixtures.h
    python3 tests/c/gen_fixtures.py --check   # fail if fixtures.h is not what this writes
"""
import base64
import hashlib
import hmac
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SECRET = b"my-zoom-api-secret-of-36-characters!"
OTHER_SECRET = b"another-secret-of-at-least-32-bytes!"
HEADER = b'{"alg":"HS256","typ":"JWT"}'
# The Zoom API payload for api key "my-api-key" minted at 1700000000 with skew 30, ttl 3600.
API = b'{"iss":"my-api-key","iat":1699999970,"exp":1700003570}'
CLAIMS = b'{"sub":"user-1","exp":2000000000}'


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def token(header: bytes, payload: bytes, secret: bytes = SECRET) -> str:
    signing_input = b64(header) + "." + b64(payload)
    mac = hmac.new(secret, signing_input.encode("ascii"), hashlib.sha256).digest()
    return signing_input + "." + b64(mac)


CASES = [
    ("KAT_API", "the Zoom API token for my-api-key at now=1700000000", token(HEADER, API)),
    ("KAT_JSON", "mint_json of PAYLOAD_KAT_JSON", token(HEADER, CLAIMS)),
    ("ALG_NONE", "alg none, signed anyway", token(b'{"alg":"none","typ":"JWT"}', API)),
    ("ALG_HS512", "alg HS512", token(b'{"alg":"HS512","typ":"JWT"}', API)),
    ("NO_ALG", "no alg", token(b'{"typ":"JWT"}', API)),
    ("TYP_JWS", "typ not JWT", token(b'{"alg":"HS256","typ":"JWS"}', API)),
    ("CRIT", "crit header", token(b'{"alg":"HS256","crit":["x"],"x":1}', API)),
    ("CTY", "cty header (nested JWT)", token(b'{"alg":"HS256","cty":"JWT"}', API)),
    ("HEADER_DUP", "header names alg twice", token(b'{"alg":"HS256","alg":"HS256"}', API)),
    ("HEADER_ARRAY", "header is an array", token(b"[1]", API)),
    ("PAYLOAD_DUP", "payload names exp twice",
     token(HEADER, b'{"iss":"my-api-key","iat":1699999970,"exp":1700003570,"exp":1800000000}')),
    ("PAYLOAD_NOT_JSON", "payload is cut-off JSON", token(HEADER, b'{"iss":')),
    ("PAYLOAD_ARRAY", "payload is an array", token(HEADER, b"[1,2]")),
    ("EXP_STRING", "exp is a string",
     token(HEADER, b'{"iss":"my-api-key","iat":1699999970,"exp":"1700003570"}')),
    ("EXP_NULL", "exp is null", token(HEADER, b'{"iss":"my-api-key","iat":1699999970,"exp":null}')),
    ("NBF_FUTURE", "nbf 500 s after 1700000000",
     token(HEADER, b'{"iss":"my-api-key","iat":1699999970,"exp":1800000000,"nbf":1700000500}')),
    ("AUD", "aud [a, zoom]",
     token(HEADER, b'{"iss":"my-api-key","iat":1699999970,"exp":1700003570,"aud":["a","zoom"]}')),
    ("NO_ISS", "no iss", token(HEADER, b'{"iat":1699999970,"exp":1700003570}')),
    ("OTHER_ISS", "iss other-key",
     token(HEADER, b'{"iss":"other-key","iat":1699999970,"exp":1700003570}')),
    ("NO_EXP", "no exp", token(HEADER, b'{"iss":"my-api-key","iat":1699999970}')),
    ("OTHER_SECRET", "the KAT_API claims signed with another secret",
     token(HEADER, API, OTHER_SECRET)),
]


# ---- Zoom extras ----------------------------------------------------------------------------
# Video SDK tokens: the payload members in the order of Zoom's auth endpoint sample (app_key,
# role_type, tpc, version, iat, exp, then the optional claims that are set, in the order of
# src/zoom/videosdk.rs), compact JSON with non-ASCII text as raw UTF-8.
VSDK_SECRET = b"my-video-sdk-secret-of-36-characters"
VSDK_KEY = "my-sdk-key"
NOW = 1700000000


def compact(members) -> bytes:
    """Compact JSON of (name, value) pairs, in that order."""
    return json.dumps(dict(members), separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def vsdk_payload(tpc, role, iat, exp, app_key=VSDK_KEY, **optional) -> bytes:
    order = ["user_identity", "session_key", "geo_regions", "cloud_recording_option",
             "cloud_recording_election", "telemetry_tracking_id", "video_webrtc_mode",
             "audio_webrtc_mode"]
    unknown = set(optional) - set(order)
    assert not unknown, unknown
    members = [("app_key", app_key), ("role_type", role), ("tpc", tpc), ("version", 1),
               ("iat", iat), ("exp", exp)]
    members += [(name, optional[name]) for name in order if name in optional]
    return compact(members)


# A host token with the defaults (skew 30, ttl 7200) and a session name that needs escaping
# and UTF-8: a quote, a backslash, an accent and an emoji (two UTF-16 code units).
VSDK_TPC = 'team "standup" \\ r\u00e9union \U0001F600'
VSDK_MIN = vsdk_payload(VSDK_TPC, 1, NOW - 30, NOW - 30 + 7200)
# Every optional claim, participant, skew 0, ttl 1800.
VSDK_ALL = vsdk_payload("room-1", 0, NOW, NOW + 1800, user_identity="user-42",
                        session_key="session-key-1", geo_regions="US,DE",
                        cloud_recording_option=1, cloud_recording_election=0,
                        telemetry_tracking_id="tt-1", video_webrtc_mode=1, audio_webrtc_mode=0)
# Signed by someone else's code: the verifier must read these (members in another order, an
# unknown claim) and answer with the claims in Zoom's order, without the unknown one.
VSDK_FOREIGN = compact([("tpc", "room-2"), ("exp", NOW + 3600), ("version", 1),
                        ("iat", NOW - 60), ("app_key", VSDK_KEY), ("role_type", 0),
                        ("geo_regions", "SG"), ("custom", {"a": [1, 2]})])
VSDK_FOREIGN_CLAIMS = vsdk_payload("room-2", 0, NOW - 60, NOW + 3600, geo_regions="SG")


def vsdk_bad(**changes) -> bytes:
    """The VSDK_ALL claims (as a dict) with members changed (None removes one)."""
    claims = json.loads(VSDK_ALL)
    for name, value in changes.items():
        if value is None:
            del claims[name]
        else:
            claims[name] = value
    return compact(claims.items())


VSDK_CASES = [
    ("MIN", "host, defaults, a session name with a quote, backslash, accent and emoji",
     token(HEADER, VSDK_MIN, VSDK_SECRET)),
    ("ALL", "participant, every optional claim, skew 0, ttl 1800",
     token(HEADER, VSDK_ALL, VSDK_SECRET)),
    ("FOREIGN", "members in another order and an unknown claim",
     token(HEADER, VSDK_FOREIGN, VSDK_SECRET)),
    ("OTHER_APP_KEY", "app_key other-sdk-key",
     token(HEADER, vsdk_bad(app_key="other-sdk-key"), VSDK_SECRET)),
    ("ROLE_2", "role_type 2", token(HEADER, vsdk_bad(role_type=2), VSDK_SECRET)),
    ("ROLE_STRING", "role_type \"1\"", token(HEADER, vsdk_bad(role_type="1"), VSDK_SECRET)),
    ("VERSION_2", "version 2", token(HEADER, vsdk_bad(version=2), VSDK_SECRET)),
    ("NO_TPC", "no tpc", token(HEADER, vsdk_bad(tpc=None), VSDK_SECRET)),
    ("EMPTY_TPC", "tpc empty", token(HEADER, vsdk_bad(tpc=""), VSDK_SECRET)),
    ("LONG_TPC", "tpc of 201 characters", token(HEADER, vsdk_bad(tpc="t" * 201), VSDK_SECRET)),
    ("GEO_LOWER", "geo_regions us", token(HEADER, vsdk_bad(geo_regions="us"), VSDK_SECRET)),
    ("GEO_DUP", "geo_regions US,US", token(HEADER, vsdk_bad(geo_regions="US,US"), VSDK_SECRET)),
    ("FLAG_2", "video_webrtc_mode 2", token(HEADER, vsdk_bad(video_webrtc_mode=2), VSDK_SECRET)),
    ("IDENTITY_NULL", "user_identity null",
     token(HEADER, vsdk_bad(user_identity=None) [:-1] + b',"user_identity":null}', VSDK_SECRET)),
    ("SHORT_LIFE", "exp - iat 1799", token(HEADER, vsdk_bad(exp=NOW + 1799), VSDK_SECRET)),
    ("OTHER_SECRET", "VSDK_ALL signed with another secret", token(HEADER, VSDK_ALL, SECRET)),
]

# Webhooks: Zoom's scheme, v0=hex(HMAC-SHA256(secret token, "v0:<timestamp>:<body>")), and
# the url_validation answer's encryptedToken = hex(HMAC-SHA256(secret token, plainToken)).
HOOK_SECRET = b"ZOOM_WEBHOOK_SECRET_TOKEN"
HOOK_TS = b"1700000000"
HOOK_BODY = (b'{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1654503849680,'
             b'"event":"endpoint.url_validation"}')


def hook_sign(body: bytes, ts: bytes = HOOK_TS) -> str:
    return "v0=" + hmac.new(HOOK_SECRET, b"v0:" + ts + b":" + body, hashlib.sha256).hexdigest()


HOOK_ENCRYPTED = hmac.new(HOOK_SECRET, b"qgg8vlvZRS6UYooatFL8Aw", hashlib.sha256).hexdigest()
# The vector published with issue 7; the computation above must reproduce it.
assert hook_sign(HOOK_BODY) == \
    "v0=89802a78f4471ac2b4d938060097ad6c70b85a41cdf00d14425b1c5e641d0918"
assert HOOK_ENCRYPTED == "86b96838c461c5cafc27d6631f663bbfd12746efb4293fc18dce8af8f1aaad30"
HOOK_ANSWER = compact([("plainToken", "qgg8vlvZRS6UYooatFL8Aw"), ("encryptedToken", HOOK_ENCRYPTED)])

# Bodies that are correctly signed but that the url_validation answer must refuse.
HOOK_BODIES = [
    ("WRONG_EVENT", "another event",
     b'{"payload":{"plainToken":"abc"},"event":"meeting.started"}'),
    ("EMPTY_PLAIN", "an empty plainToken",
     b'{"payload":{"plainToken":""},"event":"endpoint.url_validation"}'),
    ("NO_PLAIN", "no plainToken", b'{"payload":{},"event":"endpoint.url_validation"}'),
    ("NOT_JSON", "cut-off JSON", b'{"payload":{"plainToken":"abc"'),
    ("ARRAY", "an array", b'["endpoint.url_validation"]'),
    ("DUP_EVENT", "event named twice",
     b'{"payload":{"plainToken":"abc"},"event":"endpoint.url_validation","event":"x"}'),
]

# jsrsasign reads a secret that is not even-length hex as the low byte of each UTF-16 code
# unit: "é" (U+00E9) is the byte 0xE9 (not UTF-8's C3 A9), and "€" (U+20AC) is 0xAC.
JSR_TEXT = "s\u00e9cret-for-jsrsasign-\u20ac-of-more-than-32-units"
JSR_BYTES = bytes(unit & 0xFF for unit in
                  (int.from_bytes(JSR_TEXT.encode("utf-16-le")[i:i + 2], "little")
                   for i in range(0, len(JSR_TEXT.encode("utf-16-le")), 2)))
assert len(JSR_BYTES) >= 32 and JSR_BYTES != JSR_TEXT.encode("utf-8")


def c_str(data: bytes) -> str:
    """A C string literal of `data`: printable ASCII as itself (quote and backslash escaped),
    anything else (and "?", which could start a trigraph) in octal."""
    out = []
    for b in data:
        c = chr(b)
        if c in '"\\':
            out.append("\\" + c)
        elif 0x20 <= b < 0x7F and c != "?":
            out.append(c)
        else:
            out.append("\\%03o" % b)  # always three digits: never runs into the next
    return '"%s"' % "".join(out)


def render_zoom() -> list:
    out = [
        "",
        "/* ---- Zoom extras ---- */",
        "#define FIXTURE_VSDK_SECRET %s" % c_str(VSDK_SECRET),
        "#define FIXTURE_VSDK_KEY %s" % c_str(VSDK_KEY.encode()),
        "#define FIXTURE_VSDK_TPC %s" % c_str(VSDK_TPC.encode("utf-8")),
        "#define PAYLOAD_VSDK_MIN %s" % c_str(VSDK_MIN),
        "#define PAYLOAD_VSDK_ALL %s" % c_str(VSDK_ALL),
        "#define CLAIMS_VSDK_FOREIGN %s" % c_str(VSDK_FOREIGN_CLAIMS),
    ]
    for name, what, tok in VSDK_CASES:
        out.append("/* Video SDK: %s */" % what)
        out.append('#define VSDK_%s "%s"' % (name, tok))
    out += [
        "#define FIXTURE_HOOK_SECRET %s" % c_str(HOOK_SECRET),
        "#define FIXTURE_HOOK_TS %s" % c_str(HOOK_TS),
        "#define FIXTURE_HOOK_BODY %s" % c_str(HOOK_BODY),
        "#define FIXTURE_HOOK_SIGNATURE %s" % c_str(hook_sign(HOOK_BODY).encode()),
        "#define FIXTURE_HOOK_ENCRYPTED %s" % c_str(HOOK_ENCRYPTED.encode()),
        "#define FIXTURE_HOOK_ANSWER %s" % c_str(HOOK_ANSWER),
        "/* the signature of FIXTURE_HOOK_BODY at timestamp 0 */",
        "#define FIXTURE_HOOK_SIGNATURE_TS0 %s" % c_str(hook_sign(HOOK_BODY, b"0").encode()),
        "/* the signature of the empty body at timestamp 18446744073709551615 */",
        "#define FIXTURE_HOOK_SIGNATURE_EMPTY_MAX %s"
        % c_str(hook_sign(b"", b"18446744073709551615").encode()),
    ]
    for name, what, body in HOOK_BODIES:
        out.append("/* webhook body: %s, and its signature */" % what)
        out.append("#define HOOK_BODY_%s %s" % (name, c_str(body)))
        out.append("#define HOOK_SIG_%s %s" % (name, c_str(hook_sign(body).encode())))
    out += [
        "/* a secret as jsrsasign reads it, and the Zoom API token for my-api-key at now with the",
        " * key jsrsasign derives from it */",
        "#define FIXTURE_JSR_TEXT %s" % c_str(JSR_TEXT.encode("utf-8")),
        '#define TOKEN_JSR_API "%s"' % token(HEADER, API, JSR_BYTES),
    ]
    return out


def render() -> str:
    out = [
        "/* GENERATED by tests/c/gen_fixtures.py with Python's standard library; do not edit. */",
        "#ifndef JWTMINT_TEST_FIXTURES_H",
        "#define JWTMINT_TEST_FIXTURES_H",
        "",
        '#define FIXTURE_SECRET "%s"' % SECRET.decode(),
        '#define FIXTURE_OTHER_SECRET "%s"' % OTHER_SECRET.decode(),
        '#define FIXTURE_API_KEY "my-api-key"',
        "#define FIXTURE_NOW 1700000000",
        "#define FIXTURE_IAT 1699999970",
        "#define FIXTURE_EXP 1700003570",
        '#define PAYLOAD_KAT_API "%s"' % API.decode().replace('"', '\\"'),
        '#define PAYLOAD_KAT_JSON "%s"' % CLAIMS.decode().replace('"', '\\"'),
        "",
    ]
    for name, what, tok in CASES:
        out.append("/* %s */" % what)
        out.append('#define TOKEN_%s "%s"' % (name, tok))
    out += render_zoom()
    out += ["", "#endif", ""]
    return "\n".join(out)


def main() -> int:
    path = os.path.join(HERE, "fixtures.h")
    text = render()
    if sys.argv[1:] == ["--check"]:
        with open(path, encoding="utf-8") as f:
            if f.read() != text:
                print("tests/c/fixtures.h is stale: run python3 tests/c/gen_fixtures.py",
                      file=sys.stderr)
                return 1
        return 0
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
