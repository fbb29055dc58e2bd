"""The Zoom extras through the C ABI: jsrsasign-compatible secrets, the API token cache,
Video SDK session tokens and webhooks. Expectations come from Python's standard library (and
the webhook vector Zoom's documentation gives), never from jwtmint."""

import hashlib
import hmac
import json
import threading
from concurrent.futures import ThreadPoolExecutor

import jwt
import pytest

import jwtmint
from conftest import API_KEY, NOW, SECRET, reference_api_token, reference_token


def compact(obj) -> bytes:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode()


# ---- jsrsasign-compatible secrets -----------------------------------------------------------

def jsrsasign_bytes(text: str) -> bytes:
    """jsrsasign's reading of a secret string (documented in src/zoom/jsrsasign.rs)."""
    if text and len(text) % 2 == 0 and all(c in "0123456789abcdefABCDEF" for c in text):
        return bytes.fromhex(text)
    units = text.encode("utf-16-le")
    return bytes(units[0::2])  # the low byte of each UTF-16 code unit


@pytest.mark.parametrize("secret", [
    SECRET,                                   # ASCII, not hex: its bytes
    "00112233445566778899aabbccddeeff" * 2,   # even-length hex: decoded (32 bytes)
    "0123456789ABCDEFabcdef" * 3,             # mixed case
    "0123456789abcdef" * 4 + "a",             # odd length: text
    "Zoë-secret-with-latin1-characters-ÿ",    # up to U+00FF: their own code
    "€uro-and-emoji-😀-lose-their-high-bytes!!",  # above: low bytes (of surrogates too)
])
def test_jsrsasign_secrets(secret):
    expected = jsrsasign_bytes(secret)
    key = jwtmint.Key.from_encoded(secret, "jsrsasign")
    payload = b'{"iss":"k","iat":1699999970,"exp":1700003570}'
    token = jwtmint.ApiTokenMinter("k", key).mint(now=NOW)
    assert token == reference_token(expected, payload)


def test_jsrsasign_short_secrets_are_refused():
    with pytest.raises(jwtmint.WeakSecret):
        jwtmint.Key.from_encoded("00" * 31, "jsrsasign")  # hex: 31 bytes
    with pytest.raises(jwtmint.WeakSecret):
        jwtmint.Key.from_encoded("😀" * 15, "jsrsasign")  # 30 code units


def test_encoding_aliases():
    for alias in ("utf-8", "text"):
        key = jwtmint.Key.from_encoded(SECRET, alias)
        assert jwtmint.mint_api_token(API_KEY, key, now=NOW) == reference_api_token(SECRET, API_KEY, NOW)
    assert jwtmint.SECRET_ENCODINGS == ("utf8", "hex", "base64", "base64url", "jsrsasign")


# ---- the API token cache --------------------------------------------------------------------

def test_cache_hands_out_one_token_per_refresh_window(key):
    cache = jwtmint.ApiTokenCache(jwtmint.ApiTokenMinter(API_KEY, key))
    first = cache.token(now=NOW)
    assert first == reference_api_token(SECRET, API_KEY, NOW)
    # iat = NOW - 30, exp = NOW + 3570: fresh until exp - 60.
    assert cache.token(now=NOW + 3509) == first
    assert cache.mint_count == 1
    later = cache.token(now=NOW + 3510)
    assert later == reference_api_token(SECRET, API_KEY, NOW + 3510)
    assert cache.mint_count == 2
    # A token issued after the `now` asked about is not handed out for it.
    assert cache.token(now=NOW) == first
    assert cache.mint_count == 3
    cache.clear()
    assert cache.token(now=NOW) == first  # same inputs, same token, but minted again
    assert cache.mint_count == 4
    assert cache.refresh_margin == 60


def test_cache_margin_and_arguments(key):
    minter = jwtmint.ApiTokenMinter(API_KEY, key, ttl=120)
    with pytest.raises(jwtmint.InvalidArgument):
        jwtmint.ApiTokenCache(minter, refresh_margin=90)  # skew 30 + 90 >= ttl 120
    cache = jwtmint.ApiTokenCache(minter, refresh_margin=10)
    token = cache.token(now=NOW)
    assert cache.token(now=NOW + 59) == token
    assert cache.token(now=NOW + 80) != token
    with pytest.raises(TypeError, match="ApiTokenMinter"):
        jwtmint.ApiTokenCache(key)
    with pytest.raises(jwtmint.InvalidArgument):
        jwtmint.ApiTokenCache(minter, refresh_margin=-1)
    with pytest.raises(TypeError, match="now"):
        cache.token(now="soon")
    with pytest.raises(jwtmint.TimeOverflow):
        cache.token(now=-(2**63))


def test_cache_outlives_its_minter_and_closes(key):
    minter = jwtmint.ApiTokenMinter(API_KEY, key)
    cache = jwtmint.ApiTokenCache(minter)
    minter.close()
    assert cache.token(now=NOW) == reference_api_token(SECRET, API_KEY, NOW)
    cache.close()
    with pytest.raises(ValueError, match="closed"):
        cache.token(now=NOW)
    with pytest.raises(ValueError, match="closed"):
        cache.clear()
    with pytest.raises(ValueError, match="closed"):
        jwtmint.ApiTokenCache(minter)


def test_cache_mints_once_for_many_threads(key):
    cache = jwtmint.ApiTokenCache(jwtmint.ApiTokenMinter(API_KEY, key))
    start = threading.Barrier(8)

    def ask(_):
        start.wait()
        return [cache.token(now=NOW + i % 100) for i in range(200)]

    with ThreadPoolExecutor(max_workers=8) as pool:
        tokens = {t for batch in pool.map(ask, range(8)) for t in batch}
    assert tokens == {reference_api_token(SECRET, API_KEY, NOW)}
    assert cache.mint_count == 1


# ---- Video SDK session tokens ---------------------------------------------------------------

SDK_KEY = "my-video-sdk-key"
SDK_SECRET = "my-video-sdk-secret-of-36-characters"


@pytest.fixture
def sdk_key():
    return jwtmint.Key(SDK_SECRET)


def sdk_payload(role, tpc="session-1", ttl=7200, skew=30, now=NOW, **optional):
    iat = now - skew
    payload = {"app_key": SDK_KEY, "role_type": role, "tpc": tpc, "version": 1,
               "iat": iat, "exp": iat + ttl}
    # Zoom's sample order for the optional claims.
    for name in ("user_identity", "session_key", "geo_regions", "cloud_recording_option",
                 "cloud_recording_election", "telemetry_tracking_id", "video_webrtc_mode",
                 "audio_webrtc_mode"):
        if name in optional:
            payload[name] = optional[name]
    return payload


def test_videosdk_minimal_token(sdk_key):
    token = jwtmint.mint_videosdk_token(sdk_key, SDK_KEY, "session-1", "participant", now=NOW)
    assert token == reference_token(SDK_SECRET.encode(), compact(sdk_payload(0)))
    assert token == jwtmint.mint_videosdk_token(sdk_key, SDK_KEY, "session-1", 0, now=NOW)


def test_videosdk_full_token(sdk_key):
    token = jwtmint.mint_videosdk_token(
        sdk_key, SDK_KEY, "Zoë's session 🎥", "host",
        user_identity="user-1", session_key="", geo_regions=["US", "DE"],
        cloud_recording_option=True, cloud_recording_election=False,
        telemetry_tracking_id="t-1", video_webrtc_mode=True, audio_webrtc_mode=False,
        ttl=1800, skew=10, now=NOW,
    )
    expected = sdk_payload(1, tpc="Zoë's session 🎥", ttl=1800, skew=10, user_identity="user-1",
                           session_key="", geo_regions="US,DE", cloud_recording_option=1,
                           cloud_recording_election=0, telemetry_tracking_id="t-1",
                           video_webrtc_mode=1, audio_webrtc_mode=0)
    assert token == reference_token(SDK_SECRET.encode(), compact(expected))
    verifier = jwtmint.VideoSdkVerifier(sdk_key, SDK_KEY)
    assert verifier.verify(token, now=NOW) == expected
    assert list(verifier.verify(token.encode(), now=NOW)) == list(expected)  # Zoom's order
    # The same token from a str of regions.
    assert token == jwtmint.mint_videosdk_token(
        sdk_key, SDK_KEY, "Zoë's session 🎥", 1, user_identity="user-1", session_key="",
        geo_regions="US,DE", cloud_recording_option=True, cloud_recording_election=False,
        telemetry_tracking_id="t-1", video_webrtc_mode=True, audio_webrtc_mode=False,
        ttl=1800, skew=10, now=NOW)


def test_videosdk_interop_with_pyjwt(sdk_key):
    token = jwtmint.mint_videosdk_token(sdk_key, SDK_KEY, "s", "host", user_identity="u", now=NOW)
    decoded = jwt.decode(token, SDK_SECRET, algorithms=["HS256"], options={"verify_exp": False,
                                                                           "verify_iat": False})
    assert decoded == sdk_payload(1, tpc="s", user_identity="u")
    theirs = jwt.encode(sdk_payload(0, tpc="s"), SDK_SECRET, algorithm="HS256")
    assert jwtmint.VideoSdkVerifier(sdk_key, SDK_KEY).verify(theirs, now=NOW) == sdk_payload(0, tpc="s")


@pytest.mark.parametrize("changes,code", [
    ({"tpc": ""}, 600),
    ({"tpc": "x" * 201}, 601),
    ({"tpc": "😀" * 101}, 601),               # 202 UTF-16 code units
    ({"user_identity": "u" * 36}, 601),
    ({"session_key": "s" * 37}, 601),
    ({"geo_regions": ["XX"]}, 602),
    ({"geo_regions": "us"}, 602),
    ({"geo_regions": "US, DE"}, 602),
    ({"geo_regions": ["US", "US"]}, 603),
    ({"ttl": 1799}, 604),
    ({"ttl": 172801}, 604),
    ({"role": 2}, 606),
    ({"role": -1}, 606),
    ({"app_key": ""}, 600),
    ({"skew": 7200}, 103),
])
def test_videosdk_minting_rules(sdk_key, changes, code):
    args = {"app_key": SDK_KEY, "tpc": "session-1", "role": "host", "now": NOW, **changes}
    with pytest.raises(jwtmint.JwtMintError) as caught:
        jwtmint.mint_videosdk_token(sdk_key, **args)
    assert caught.value.code == code
    if 600 <= code < 620:
        assert isinstance(caught.value, jwtmint.VideoSdkError)


def test_videosdk_limits_count_utf16_units(sdk_key):
    jwtmint.mint_videosdk_token(sdk_key, SDK_KEY, "😀" * 100, "host", now=NOW)  # 200 units
    jwtmint.mint_videosdk_token(sdk_key, SDK_KEY, "é" * 200, "host", now=NOW)   # 400 bytes


def test_videosdk_argument_types(sdk_key):
    with pytest.raises(TypeError):
        jwtmint.mint_videosdk_token(SDK_SECRET, SDK_KEY, "s", "host")
    with pytest.raises(TypeError, match="tpc"):
        jwtmint.mint_videosdk_token(sdk_key, SDK_KEY, 5, "host")
    with pytest.raises(TypeError, match="cloud_recording_option"):
        jwtmint.mint_videosdk_token(sdk_key, SDK_KEY, "s", "host", cloud_recording_option=1)
    with pytest.raises(TypeError, match="geo_regions"):
        jwtmint.mint_videosdk_token(sdk_key, SDK_KEY, "s", "host", geo_regions=b"US")
    with pytest.raises(TypeError, match="role"):
        jwtmint.mint_videosdk_token(sdk_key, SDK_KEY, "s", 1.0)
    with pytest.raises(jwtmint.InvalidArgument, match="role"):
        jwtmint.mint_videosdk_token(sdk_key, SDK_KEY, "s", "admin")
    # Every number is the core's to judge; one that does not fit its i64 is refused first.
    with pytest.raises(jwtmint.VideoSdkError) as caught:
        jwtmint.mint_videosdk_token(sdk_key, SDK_KEY, "s", 2**31)
    assert caught.value.code == 606
    with pytest.raises(jwtmint.InvalidArgument) as caught:
        jwtmint.mint_videosdk_token(sdk_key, SDK_KEY, "s", 2**63)
    assert caught.value.code == 103
    with pytest.raises(TypeError, match="token"):
        jwtmint.VideoSdkVerifier(sdk_key, SDK_KEY).verify(42)


def test_videosdk_verifier_rejections(sdk_key):
    token = jwtmint.mint_videosdk_token(sdk_key, SDK_KEY, "s", "host", ttl=1800, now=NOW)
    with pytest.raises(jwtmint.VideoSdkError) as caught:
        jwtmint.VideoSdkVerifier(sdk_key, "another-sdk-key").verify(token, now=NOW)
    assert caught.value.code == 605 and caught.value.name == "app_key_mismatch"
    with pytest.raises(jwtmint.InvalidSignature):
        jwtmint.VideoSdkVerifier(jwtmint.Key(SECRET), SDK_KEY).verify(token, now=NOW)
    verifier = jwtmint.VideoSdkVerifier(sdk_key, SDK_KEY, leeway=0)
    with pytest.raises(jwtmint.Expired):
        verifier.verify(token, now=NOW - 30 + 1800)
    assert jwtmint.VideoSdkVerifier(sdk_key, SDK_KEY).verify(token, now=NOW - 30 + 1800)
    with pytest.raises(jwtmint.TooLong):
        jwtmint.VideoSdkVerifier(sdk_key, SDK_KEY, max_len=len(token) - 1).verify(token, now=NOW)
    # A Video SDK claim of the wrong type, signed by someone else's code.
    wrong = reference_token(SDK_SECRET.encode(), compact({**sdk_payload(1), "role_type": "1"}))
    with pytest.raises(jwtmint.InvalidClaims) as caught:
        verifier.verify(wrong, now=NOW)
    assert caught.value.code == 507
    # An API token is not a Video SDK token.
    api = jwtmint.mint_api_token(SDK_KEY, sdk_key, now=NOW)
    with pytest.raises(jwtmint.MissingClaim):
        verifier.verify(api, now=NOW)
    verifier.close()
    with pytest.raises(ValueError, match="closed"):
        verifier.verify(token, now=NOW)


# ---- webhooks -------------------------------------------------------------------------------

WEBHOOK_SECRET = "ZOOM_WEBHOOK_SECRET_TOKEN"
WEBHOOK_TS = 1700000000
WEBHOOK_BODY = (b'{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1654503849680,'
                b'"event":"endpoint.url_validation"}')
WEBHOOK_SIGNATURE = "v0=89802a78f4471ac2b4d938060097ad6c70b85a41cdf00d14425b1c5e641d0918"
ENCRYPTED_TOKEN = "86b96838c461c5cafc27d6631f663bbfd12746efb4293fc18dce8af8f1aaad30"


def hmac_hex(message: bytes) -> str:
    return hmac.new(WEBHOOK_SECRET.encode(), message, hashlib.sha256).hexdigest()


def test_webhook_vector_agrees_with_the_standard_library():
    assert WEBHOOK_SIGNATURE == "v0=" + hmac_hex(b"v0:%d:" % WEBHOOK_TS + WEBHOOK_BODY)
    assert ENCRYPTED_TOKEN == hmac_hex(b"qgg8vlvZRS6UYooatFL8Aw")


def test_webhook_sign_verify_and_url_validation():
    webhook = jwtmint.WebhookVerifier(WEBHOOK_SECRET)
    assert webhook.sign(WEBHOOK_TS, WEBHOOK_BODY) == WEBHOOK_SIGNATURE
    assert webhook.sign(WEBHOOK_TS, WEBHOOK_BODY.decode()) == WEBHOOK_SIGNATURE
    for stamp in ("1700000000", b"1700000000", 1700000000):
        assert webhook.verify(stamp, WEBHOOK_BODY, WEBHOOK_SIGNATURE, now=WEBHOOK_TS + 299) == WEBHOOK_TS
    answer = webhook.url_validation("1700000000", WEBHOOK_BODY, WEBHOOK_SIGNATURE.encode(), now=WEBHOOK_TS)
    assert answer == {"plainToken": "qgg8vlvZRS6UYooatFL8Aw", "encryptedToken": ENCRYPTED_TOKEN}
    assert jwtmint.WebhookVerifier(WEBHOOK_SECRET.encode()).sign(WEBHOOK_TS, WEBHOOK_BODY) == WEBHOOK_SIGNATURE


def _signed(body: bytes, stamp: int = WEBHOOK_TS) -> str:
    return "v0=" + hmac_hex(b"v0:%d:" % stamp + body)


@pytest.mark.parametrize("stamp,signature,now,code", [
    ("17e8", WEBHOOK_SIGNATURE, WEBHOOK_TS, 620),
    (" 1700000000", WEBHOOK_SIGNATURE, WEBHOOK_TS, 620),
    ("-1", WEBHOOK_SIGNATURE, WEBHOOK_TS, 620),
    ("1700000000", WEBHOOK_SIGNATURE, WEBHOOK_TS + 301, 621),
    ("1700000000", WEBHOOK_SIGNATURE, WEBHOOK_TS - 301, 621),
    ("1700000000", "v1=" + WEBHOOK_SIGNATURE[3:], WEBHOOK_TS, 622),
    ("1700000000", WEBHOOK_SIGNATURE[:-1], WEBHOOK_TS, 623),
    ("1700000000", WEBHOOK_SIGNATURE.upper().replace("V0=", "v0="), WEBHOOK_TS, 624),
    ("1700000000", WEBHOOK_SIGNATURE[:-1] + "9", WEBHOOK_TS, 625),
    ("1700000001", WEBHOOK_SIGNATURE, WEBHOOK_TS, 625),
])
def test_webhook_rejections(stamp, signature, now, code):
    webhook = jwtmint.WebhookVerifier(WEBHOOK_SECRET)
    for call in (webhook.verify, webhook.url_validation):
        with pytest.raises(jwtmint.WebhookError) as caught:
            call(stamp, WEBHOOK_BODY, signature, now=now)
        assert caught.value.code == code


@pytest.mark.parametrize("body,code", [
    (b"not json", 626),
    (b'{"event":"endpoint.url_validation","event":"x","payload":{"plainToken":"a"}}', 626),
    (b'{"event":"meeting.started","payload":{"plainToken":"a"}}', 627),
    (b'{"event":"endpoint.url_validation","payload":{"plainToken":""}}', 628),
    (b'{"event":"endpoint.url_validation","payload":{}}', 628),
])
def test_url_validation_reads_the_body_strictly(body, code):
    webhook = jwtmint.WebhookVerifier(WEBHOOK_SECRET)
    webhook.verify(WEBHOOK_TS, body, _signed(body), now=WEBHOOK_TS)  # the signature is fine
    with pytest.raises(jwtmint.WebhookError) as caught:
        webhook.url_validation(WEBHOOK_TS, body, _signed(body), now=WEBHOOK_TS)
    assert caught.value.code == code


def test_webhook_tolerance_and_arguments():
    strict = jwtmint.WebhookVerifier(WEBHOOK_SECRET, tolerance=5)
    assert strict.tolerance == 5
    strict.verify(WEBHOOK_TS, WEBHOOK_BODY, WEBHOOK_SIGNATURE, now=WEBHOOK_TS + 5)
    with pytest.raises(jwtmint.WebhookError):
        strict.verify(WEBHOOK_TS, WEBHOOK_BODY, WEBHOOK_SIGNATURE, now=WEBHOOK_TS + 6)
    with pytest.raises(jwtmint.WeakSecret):
        jwtmint.WebhookVerifier("")
    with pytest.raises(TypeError, match="secret_token"):
        jwtmint.WebhookVerifier(None)
    with pytest.raises(TypeError, match="body"):
        strict.verify(WEBHOOK_TS, {"payload": {}}, WEBHOOK_SIGNATURE)
    with pytest.raises(TypeError, match="signature"):
        strict.verify(WEBHOOK_TS, WEBHOOK_BODY, None)
    with pytest.raises(TypeError, match="timestamp"):
        strict.verify(1.5, WEBHOOK_BODY, WEBHOOK_SIGNATURE)
    with pytest.raises(jwtmint.InvalidArgument):
        strict.sign(-1, WEBHOOK_BODY)
    assert "ZOOM_WEBHOOK" not in repr(strict)
    strict.close()
    with pytest.raises(ValueError, match="closed"):
        strict.sign(WEBHOOK_TS, WEBHOOK_BODY)


def test_webhook_shared_by_threads():
    webhook = jwtmint.WebhookVerifier(WEBHOOK_SECRET)

    def task(i):
        body = b'{"event":"x","n":%d}' % i
        signature = webhook.sign(WEBHOOK_TS + i, body)
        assert signature == _signed(body, WEBHOOK_TS + i)
        return webhook.verify(WEBHOOK_TS + i, body, signature, now=WEBHOOK_TS + i)

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(task, range(1000))) == [WEBHOOK_TS + i for i in range(1000)]
