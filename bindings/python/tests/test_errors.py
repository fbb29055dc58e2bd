"""Error paths: each failure raises its own exception with the library's code and name;
wrong argument types raise TypeError before any C call; nothing crashes."""

import copy
import math
import pickle

import pytest

import jwtmint
from conftest import API_KEY, NOW, SECRET, reference_token


class Index:
    """An int-like object (as numpy's integers are): accepted wherever an int is."""

    def __init__(self, value):
        self.value = value

    def __index__(self):
        return self.value


def raises_code(exception, code, name=None):
    class Check:
        def __enter__(self):
            self.ctx = pytest.raises(exception)
            self.info = self.ctx.__enter__()
            return self.info

        def __exit__(self, *exc):
            suppressed = self.ctx.__exit__(*exc)
            assert self.info.value.code == code, self.info.value
            if name is not None:
                assert self.info.value.name == name
            return suppressed

    return Check()


# ---- the exception hierarchy ----------------------------------------------------------------

def test_families_follow_the_code_ranges():
    # Every code maps into the family its range stands for, including codes this library
    # does not name (yet): a newer library's new code is still caught by its family.
    def family(code):
        if 600 <= code < 620:
            return jwtmint.VideoSdkError
        if 620 <= code < 640:
            return jwtmint.WebhookError
        if 640 <= code < 660:
            return jwtmint.MeetingSdkError
        return {1: jwtmint.InvalidInput, 2: jwtmint.Malformed, 3: jwtmint.InvalidHeader,
                4: jwtmint.InvalidSignature, 5: jwtmint.InvalidClaims,
                6: jwtmint.ZoomError}.get(code // 100, jwtmint.InternalError)

    named = 0
    for code in range(100, 1000):
        error = jwtmint.errors.from_code(code)
        if error.name == "unknown":
            assert type(error) is family(code), code
            assert error.message == "unknown result code"
            continue
        named += 1
        if code == 105:
            assert isinstance(error, jwtmint.ClockError)
        elif code >= 900:
            assert isinstance(error, jwtmint.InternalError)
        else:
            assert isinstance(error, family(code)), code
        assert isinstance(error, jwtmint.JwtMintError)
        assert error.message and error.message != "unknown result code"
    assert named >= 45


def test_specific_classes():
    expected = {100: jwtmint.WeakSecret, 101: jwtmint.WeakSecret, 102: jwtmint.InvalidSecretEncoding,
                103: jwtmint.InvalidArgument, 104: jwtmint.TimeOverflow, 200: jwtmint.TooLong,
                400: jwtmint.InvalidSignature, 500: jwtmint.Expired, 501: jwtmint.NotYetValid,
                502: jwtmint.IssuedInFuture, 503: jwtmint.MissingClaim, 504: jwtmint.MalformedClaim,
                505: jwtmint.InvalidIssuer, 506: jwtmint.InvalidAudience}
    for code, cls in expected.items():
        assert type(jwtmint.errors.from_code(code)) is cls


def test_caller_input_errors_are_value_errors_and_token_errors_are_not():
    assert issubclass(jwtmint.WeakSecret, ValueError)
    assert issubclass(jwtmint.InvalidArgument, ValueError)
    assert not issubclass(jwtmint.InvalidToken, ValueError)
    assert issubclass(jwtmint.TooLong, jwtmint.Malformed)
    assert issubclass(jwtmint.Expired, jwtmint.InvalidToken)
    assert issubclass(jwtmint.WebhookError, jwtmint.ZoomError)
    assert issubclass(jwtmint.VideoSdkError, jwtmint.ZoomError)
    assert issubclass(jwtmint.MeetingSdkError, jwtmint.ZoomError)


def test_every_exception_is_exported_once():
    exported = [name for name in jwtmint.__all__ if name in jwtmint.errors.__all__]
    assert exported == jwtmint.errors.__all__
    assert len(set(jwtmint.__all__)) == len(jwtmint.__all__)
    for name in jwtmint.errors.__all__:
        assert issubclass(getattr(jwtmint, name), jwtmint.JwtMintError), name


def test_error_text_and_pickling():
    error = jwtmint.errors.from_code(500)
    assert error.name == "expired"
    assert str(error) == f"{error.message} (expired, code 500)"
    assert repr(error) == "Expired(code=500, name='expired')"
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is jwtmint.Expired and again.code == 500 and again.message == error.message


# ---- keys -----------------------------------------------------------------------------------

def test_short_and_empty_secrets():
    with raises_code(jwtmint.WeakSecret, 101, "weak_secret") as caught:
        jwtmint.Key("x" * 31)
    assert "x" * 31 not in str(caught.value)  # no secret in messages
    with raises_code(jwtmint.WeakSecret, 100, "empty_secret"):
        jwtmint.Key(b"")
    with raises_code(jwtmint.WeakSecret, 101):
        jwtmint.Key.from_encoded("00" * 31, "hex")  # 31 bytes once decoded
    jwtmint.Key("x" * 32)
    jwtmint.Key(bytearray(32))
    jwtmint.Key(memoryview(bytes(32)))


def test_bad_encodings():
    with raises_code(jwtmint.InvalidSecretEncoding, 102, "invalid_secret_encoding"):
        jwtmint.Key.from_encoded("zz" * 32, "hex")
    with raises_code(jwtmint.InvalidSecretEncoding, 102):
        jwtmint.Key.from_encoded("!!!!" * 16, "base64")
    with raises_code(jwtmint.InvalidArgument, 103) as caught:
        jwtmint.Key.from_encoded(SECRET, "rot13")
    assert "base64url" in str(caught.value)  # the core's message lists the encodings
    with pytest.raises(TypeError):
        jwtmint.Key.from_encoded(SECRET, 0)
    with pytest.raises(TypeError):
        jwtmint.Key.from_encoded(12345, "hex")


def test_text_that_is_not_unicode_raises_unicode_errors():
    # The core takes text as UTF-8; a str with lone surrogates (or bytes that are not UTF-8,
    # where text is expected) has none, and Python's own UnicodeError (a ValueError) says so.
    lone_surrogate = "\ud800" + "x" * 40
    with pytest.raises(UnicodeEncodeError):
        jwtmint.Key(lone_surrogate)
    with pytest.raises(UnicodeDecodeError):
        jwtmint.Key.from_encoded(b"\xff" * 40, "utf8")
    with pytest.raises(UnicodeEncodeError):
        jwtmint.ApiTokenMinter("\udc00", jwtmint.Key(SECRET))
    with pytest.raises(UnicodeEncodeError):
        jwtmint.Verifier(jwtmint.Key(SECRET), issuer="\udc00")
    assert issubclass(UnicodeError, ValueError)


@pytest.mark.parametrize("secret", [None, 12345, 1.5, ["s"], object()])
def test_key_type_errors(secret):
    with pytest.raises(TypeError):
        jwtmint.Key(secret)


# ---- minting --------------------------------------------------------------------------------

def test_minter_argument_types(key):
    for api_key in (None, 5, b"my-api-key"):
        with pytest.raises(TypeError, match="api_key"):
            jwtmint.ApiTokenMinter(api_key, key)
    for not_a_key in (SECRET, SECRET.encode(), None):
        with pytest.raises(TypeError, match="jwtmint.Key"):
            jwtmint.ApiTokenMinter(API_KEY, not_a_key)
    for bad in (1.5, "30", True, None):
        with pytest.raises(TypeError, match="skew"):
            jwtmint.ApiTokenMinter(API_KEY, key, skew=bad)
        with pytest.raises(TypeError, match="ttl"):
            jwtmint.ApiTokenMinter(API_KEY, key, ttl=bad)
    minter = jwtmint.ApiTokenMinter(API_KEY, key)
    for bad in (1.5, "1700000000", True, [1]):
        with pytest.raises(TypeError, match="now"):
            minter.mint(now=bad)
        with pytest.raises(TypeError, match="now"):
            jwtmint.mint_api_token(API_KEY, key, now=bad)


def test_minter_ranges(key):
    # ctypes would wrap these silently: they are refused first.
    with raises_code(jwtmint.InvalidArgument, 103):
        jwtmint.ApiTokenMinter(API_KEY, key, skew=-1)
    with raises_code(jwtmint.InvalidArgument, 103):
        jwtmint.ApiTokenMinter(API_KEY, key, ttl=2**64)
    with raises_code(jwtmint.InvalidArgument, 103):
        jwtmint.ApiTokenMinter(API_KEY, key).mint(now=2**63)
    # ...and these are the library's own refusals.
    with raises_code(jwtmint.InvalidArgument, 103, "invalid_argument"):
        jwtmint.ApiTokenMinter(API_KEY, key, ttl=0)
    with raises_code(jwtmint.InvalidArgument, 103):
        jwtmint.ApiTokenMinter("", key)
    with raises_code(jwtmint.InvalidArgument, 103):
        jwtmint.ApiTokenMinter(API_KEY, key, skew=3600, ttl=3600).mint(now=NOW)
    with raises_code(jwtmint.TimeOverflow, 104, "time_overflow"):
        jwtmint.ApiTokenMinter(API_KEY, key).mint(now=-(2**63))
    with raises_code(jwtmint.TimeOverflow, 104):
        jwtmint.mint_api_token(API_KEY, key, now=2**63 - 1)


def test_int_like_arguments_are_accepted(key):
    token = jwtmint.ApiTokenMinter(API_KEY, key, skew=Index(30), ttl=Index(3600)).mint(now=Index(NOW))
    assert token == jwtmint.mint_api_token(API_KEY, key, now=NOW)


def test_mint_claims_errors(key):
    for claims in (None, [("exp", 1)], "{}", b"{}", 5):
        with pytest.raises(TypeError, match="claims"):
            jwtmint.mint(key, claims)
    with pytest.raises(TypeError):
        jwtmint.mint(key, {"exp": NOW, "tags": {"a", "b"}})  # a set is not JSON
    with pytest.raises(TypeError, match="jwtmint.Key"):
        jwtmint.mint(SECRET, {"exp": NOW})
    with raises_code(jwtmint.InvalidInput, 107, "serialize"):
        jwtmint.mint(key, {"exp": math.nan})
    circular = {"exp": NOW}
    circular["self"] = circular
    with raises_code(jwtmint.InvalidInput, 107):
        jwtmint.mint(key, circular)
    # The library's checks of what it signs:
    with raises_code(jwtmint.Malformed, 206, "duplicate_member"):
        jwtmint.mint(key, {1: "int key", "1": "str key"})
    with raises_code(jwtmint.MalformedClaim, 504, "malformed_claim"):
        jwtmint.mint(key, {"exp": "soon"})
    with raises_code(jwtmint.MalformedClaim, 504):
        jwtmint.mint(key, {"exp": None})
    with raises_code(jwtmint.Malformed, 204, "invalid_json"):
        jwtmint.mint(key, {"name": "\ud800"})


def test_mint_accepts_any_mapping(key):
    import types

    claims = types.MappingProxyType({"exp": 2_000_000_000, "sub": "u"})
    token = jwtmint.mint(key, claims)
    assert token == reference_token(SECRET.encode(), b'{"exp":2000000000,"sub":"u"}')


# ---- verifying ------------------------------------------------------------------------------

def test_wrong_secret(key):
    token = jwtmint.mint_api_token(API_KEY, "another-secret-that-is-36-characters", now=NOW)
    with raises_code(jwtmint.InvalidSignature, 400, "invalid_signature"):
        jwtmint.Verifier.zoom_api(key, API_KEY).verify(token, now=NOW)


def test_expired(key):
    token = jwtmint.mint_api_token(API_KEY, key, now=NOW, ttl=60)
    verifier = jwtmint.Verifier.zoom_api(key, API_KEY)
    assert verifier.verify(token, now=NOW + 60) is not None  # within the 60 s leeway
    with raises_code(jwtmint.Expired, 500, "expired") as caught:
        verifier.verify(token, now=NOW + 30 + 60)  # exp + leeway
    assert isinstance(caught.value, jwtmint.InvalidClaims)
    assert isinstance(caught.value, jwtmint.InvalidToken)
    assert not isinstance(caught.value, ValueError)


@pytest.mark.parametrize("token,code", [
    ("", 201), ("abc", 201), ("a.b", 201), ("a.b.c.d", 201), ("not.a.token", 203),
    ("..", 202), ("eyJhbGciOiJIUzI1NiJ9..sig", 202),
])
def test_malformed(key, token, code):
    with raises_code(jwtmint.Malformed, code):
        jwtmint.Verifier(key).verify(token, now=NOW)


def test_tokens_that_are_not_text(key):
    verifier = jwtmint.Verifier(key)
    good = jwtmint.mint(key, {"exp": NOW + 60})
    assert verifier.verify(bytearray(good.encode()), now=NOW) == {"exp": NOW + 60}
    assert verifier.verify(memoryview(good.encode()), now=NOW) == {"exp": NOW + 60}
    with raises_code(jwtmint.Malformed, 203):
        verifier.verify(b"\xff\xfe.\x00\x01.\x80", now=NOW)
    with raises_code(jwtmint.Malformed, 203):
        verifier.verify(good[:10] + "\ud800" + good[11:], now=NOW)
    with raises_code(jwtmint.Malformed, 203):
        verifier.verify(good[:10] + "é" + good[11:], now=NOW)


@pytest.mark.parametrize("token", [None, 123, 1.5, ["a.b.c"], {"t": 1}, object()])
def test_verify_type_errors(key, token):
    verifier = jwtmint.Verifier(key)
    with pytest.raises(TypeError, match="token"):
        verifier.verify(token, now=NOW)
    with pytest.raises(TypeError, match="token"):
        verifier.check(token, now=NOW)


def test_verifier_argument_errors(key):
    with pytest.raises(TypeError, match="jwtmint.Key"):
        jwtmint.Verifier(SECRET)
    with pytest.raises(TypeError, match="jwtmint.Key"):
        jwtmint.Verifier.zoom_api(None, API_KEY)
    with pytest.raises(TypeError, match="api_key"):
        jwtmint.Verifier.zoom_api(key, 42)
    with pytest.raises(TypeError, match="required"):
        jwtmint.Verifier(key, required="exp")
    with pytest.raises(TypeError, match="required"):
        jwtmint.Verifier(key, required=5)
    with pytest.raises(TypeError):
        jwtmint.Verifier(key, required=["exp", 7])
    with pytest.raises(TypeError, match="issuer"):
        jwtmint.Verifier(key, issuer=b"me")
    with pytest.raises(TypeError, match="leeway"):
        jwtmint.Verifier(key, leeway=1.5)
    with raises_code(jwtmint.InvalidArgument, 103):
        jwtmint.Verifier(key, leeway=-1)
    with raises_code(jwtmint.InvalidArgument, 103):
        jwtmint.Verifier(key, max_len=-1)
    with raises_code(jwtmint.InvalidArgument, 103, "invalid_argument"):  # the library's rule
        jwtmint.Verifier(key, required=["exp", ""])
    with raises_code(jwtmint.InvalidArgument, 103):
        jwtmint.Verifier(key, required=[""])
    with pytest.raises(TypeError, match="now"):
        jwtmint.Verifier(key).verify("a.b.c", now="now")


def test_no_copies_no_pickles(key):
    minter = jwtmint.ApiTokenMinter(API_KEY, key)
    verifier = jwtmint.Verifier(key)
    for obj in (key, minter, verifier):
        assert copy.copy(obj) is obj
        assert copy.deepcopy(obj) is obj
        with pytest.raises(TypeError, match="pickle"):
            pickle.dumps(obj)
