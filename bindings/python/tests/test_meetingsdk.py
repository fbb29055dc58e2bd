"""Meeting SDK tokens through the binding: the shared vectors (tests/vectors/meeting_sdk.json,
computed with Python's stdlib), every refusal with its exception, the verifier, and the Video
SDK's user_key against the independent reference in conftest."""

import json

import pytest

import jwtmint
from conftest import VECTORS, load_cases, reference_token

MEETING = load_cases(VECTORS / "meeting_sdk.json")
SECRET = "Zoom-Meeting-SDK-Secret-Of-36-Chars!"
NOW = 1_700_000_000


def test_vector_file_is_not_empty():
    assert len(MEETING) >= 6


@pytest.mark.parametrize("case", MEETING, ids=lambda c: c["name"])
def test_meeting_vectors_mint_and_verify(case):
    key = jwtmint.Key.from_encoded(case["secret"], case["secret_encoding"])
    webrtc = case["video_webrtc_mode"]
    token = jwtmint.mint_meetingsdk_token(
        key,
        case["sdk_key"],
        mn=case["mn"],
        role=case["role"],
        video_webrtc_mode=None if webrtc is None else bool(webrtc),
        ttl=case["ttl"],
        skew=case["skew"],
        now=case["now"],
    )
    assert token == case["token"]
    claims = jwtmint.MeetingSdkVerifier(key, case["sdk_key"]).verify(token, now=case["now"])
    assert claims == json.loads(case["payload_json"])


def test_refusals_raise_meeting_sdk_errors():
    key = jwtmint.Key(SECRET)
    for kwargs, code in [
        ({"mn": "123"}, 640),
        ({"role": 1}, 640),
        ({"mn": "12a", "role": 1}, 640),
        ({"mn": "1", "role": 2}, 640),
        ({"ttl": 1799}, 641),
        ({"ttl": 172_801}, 641),
    ]:
        with pytest.raises(jwtmint.MeetingSdkError) as info:
            jwtmint.mint_meetingsdk_token(key, "k", now=NOW, **kwargs)
        assert info.value.code == code, kwargs
    with pytest.raises(jwtmint.InvalidArgument):
        jwtmint.mint_meetingsdk_token(key, "k", now=NOW, ttl=1800, skew=1800)
    # A role is a number the core judges (None leaves it out): -1 is refused, never "unset".
    with pytest.raises(jwtmint.MeetingSdkError) as info:
        jwtmint.mint_meetingsdk_token(key, "k", mn="1", role=-1, now=NOW)
    assert info.value.code == 640
    with pytest.raises(TypeError):
        jwtmint.mint_meetingsdk_token(key, "k", video_webrtc_mode=1, now=NOW)


def test_verifier_rules():
    key = jwtmint.Key(SECRET)
    token = jwtmint.mint_meetingsdk_token(key, "k", mn="9", role="participant", now=NOW)
    assert jwtmint.MeetingSdkVerifier(key).verify(token, now=NOW)["role"] == 0
    with pytest.raises(jwtmint.MeetingSdkError) as info:
        jwtmint.MeetingSdkVerifier(key, "other").verify(token, now=NOW)
    assert info.value.code == 642
    with pytest.raises(jwtmint.Expired):
        jwtmint.MeetingSdkVerifier(key).verify(token, now=NOW + 7200 + 60)
    assert jwtmint.MeetingSdkVerifier(key, leeway=120).verify(token, now=NOW + 7200 + 60)
    with pytest.raises(jwtmint.TooLong):
        jwtmint.MeetingSdkVerifier(key, max_len=10).verify(token, now=NOW)
    # A token the reference signs with mn as a number and tokenExp before exp is accepted.
    payload = b'{"sdkKey":"k","mn":123,"iat":%d,"exp":%d,"tokenExp":%d}' % (NOW, NOW + 7200, NOW + 1800)
    other = reference_token(SECRET.encode(), payload)
    assert jwtmint.MeetingSdkVerifier(key).verify(other, now=NOW)["mn"] == "123"
    with pytest.raises(jwtmint.InvalidSignature):
        jwtmint.MeetingSdkVerifier(jwtmint.Key("x" * 32)).verify(other, now=NOW)


def test_videosdk_tpc_notes():
    both = jwtmint.TPC_UNDOCUMENTED_CHARACTER | jwtmint.TPC_NOT_LOWER_CASE
    for tpc, notes in [("room 1", 0), ("Room", jwtmint.TPC_NOT_LOWER_CASE), ("café", 1), ("Café", both)]:
        assert jwtmint.videosdk_tpc_notes(tpc) == notes, tpc
    with pytest.raises(TypeError):
        jwtmint.videosdk_tpc_notes(None)


def test_videosdk_user_key():
    key = jwtmint.Key(SECRET)
    token = jwtmint.mint_videosdk_token(
        key, "k", "t", "host", user_identity="u", user_key="v" * 36, ttl=1800, skew=0, now=NOW
    )
    payload = (
        b'{"app_key":"k","role_type":1,"tpc":"t","version":1,"iat":%d,"exp":%d,'
        b'"user_identity":"u","user_key":"%s"}' % (NOW, NOW + 1800, b"v" * 36)
    )
    assert token == reference_token(SECRET.encode(), payload)
    assert jwtmint.VideoSdkVerifier(key, "k").verify(token, now=NOW)["user_key"] == "v" * 36
    with pytest.raises(jwtmint.VideoSdkError) as info:
        jwtmint.mint_videosdk_token(key, "k", "t", "host", user_key="v" * 37, now=NOW)
    assert info.value.code == 601
