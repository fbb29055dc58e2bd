"""Zoom Meeting SDK tokens: minting by Zoom's rules, and verifying them."""

from __future__ import annotations

from typing import Any, Dict, Optional

from . import _args, _native
from ._buffers import token_capacity
from ._handle import Owner, new_handle
from .key import Key, require_key
from .verify import Token
from .videosdk import Role, _flag, _role, verified_claims

_lib = _native.lib

MEETINGSDK_DEFAULT_TTL = _native.MEETINGSDK_DEFAULT_TTL


def mint_meetingsdk_token(
    key: Key,
    sdk_key: str,
    *,
    mn: Optional[str] = None,
    role: Optional[Role] = None,
    video_webrtc_mode: Optional[bool] = None,
    ttl: int = MEETINGSDK_DEFAULT_TTL,
    skew: int = _native.DEFAULT_SKEW,
    now: Optional[int] = None,
) -> str:
    """A Meeting SDK token in the member order of Zoom's meetingsdk-auth-endpoint-sample:
    ``{"appKey","sdkKey","mn","role","iat","exp","tokenExp","video_webrtc_mode"}``, the SDK
    key written as both keys, absent members left out.

    Args:
        key: the :class:`Key` made from the Meeting SDK secret.
        sdk_key: the Meeting SDK key (or client ID).
        mn: the meeting or webinar number, 1 to 20 digits; given with ``role`` (a web SDK
            token) or not at all (a native SDK token).
        role: ``"participant"`` (0) or ``"host"`` (1).
        video_webrtc_mode: True if video uses WebRTC (Meeting SDK for web).
        ttl: lifetime ``exp - iat`` (also ``tokenExp - iat``), 1800 to 172800 (default 7200).
        skew: seconds ``iat`` is backdated by (default 30; 0 is exactly Zoom's sample).
        now: seconds since the Unix epoch (default: the system clock).

    Every rule is the library's: it raises :class:`~jwtmint.MeetingSdkError` (640-659) for a
    value Zoom refuses, :class:`~jwtmint.InvalidArgument` for ``skew >= ttl``.

    >>> import jwtmint
    >>> key = jwtmint.Key("my-meeting-sdk-secret-of-32-bytes-or-more")
    >>> token = jwtmint.mint_meetingsdk_token(key, "sdk-key", mn="123456789", role="host",
    ...                                       now=1700000000)
    >>> jwtmint.MeetingSdkVerifier(key).verify(token, now=1700000000)["mn"]
    '123456789'
    """
    key = require_key(key)
    sdk = _args.text(sdk_key, "sdk_key")
    number = _args.optional_text(mn, "mn")
    # -1 is the C ABI's "unset": a negative role is refused here so that it cannot mean that.
    role_value = _native.MEETINGSDK_UNSET if role is None else _role(role)
    if role is not None and role_value < 0:
        _args.integer(role_value, "role", 0, _native.INT32_MAX)
    when = _args.now(now)
    capacity = token_capacity(300 + 12 * len(sdk) + 6 * len(number or b""))
    token = key._output(
        _lib.jwtmint_meetingsdk_mint,
        capacity,
        sdk,
        len(sdk),
        number,
        len(number or b""),
        role_value,
        _flag(video_webrtc_mode, "video_webrtc_mode"),
        _args.seconds(ttl, "ttl"),
        _args.seconds(skew, "skew"),
        when,
    )
    return token.decode("ascii")


class MeetingSdkVerifier(Owner):
    """Verifies Meeting SDK tokens: the token checks of :class:`Verifier` with ``iat``,
    ``exp`` and ``tokenExp`` required, ``tokenExp`` against the time like ``exp``, and Zoom's
    documented rules (``appKey`` or ``sdkKey``; ``mn`` and ``role`` optional; ``exp`` and
    ``tokenExp`` 1800 s to 48 h after ``iat``). Immutable once made; threads may share one.

    Args:
        key: the :class:`Key` made from the Meeting SDK secret.
        sdk_key: the SDK key tokens must name (``sdkKey``, else ``appKey``); None for any.
        leeway: allowance for clock differences, in seconds (default 60).
        max_len: the longest token accepted, in bytes (default 8192).
    """

    __slots__ = ("_sdk_key",)

    def __init__(
        self, key: Key, sdk_key: Optional[str] = None, *, leeway: int = 60, max_len: int = 8192
    ) -> None:
        key = require_key(key)
        expected = _args.optional_text(sdk_key, "sdk_key")
        seconds = _args.seconds(leeway, "leeway")
        longest = _args.integer(max_len, "max_len", 0, _native.SIZE_MAX)
        self._handle = key._use(
            lambda key_pointer: new_handle(
                lambda out: _lib.jwtmint_meetingsdk_verifier_new(
                    key_pointer, expected, len(expected or b""), out
                ),
                _lib.jwtmint_meetingsdk_verifier_free,
                "MeetingSdkVerifier",
                lambda pointer: _lib.jwtmint_meetingsdk_verifier_set_leeway(pointer, seconds)
                or _lib.jwtmint_meetingsdk_verifier_set_max_len(pointer, longest),
            )
        )
        self._sdk_key = sdk_key

    def verify(self, token: Token, now: Optional[int] = None) -> Dict[str, Any]:
        """Verifies a Meeting SDK token at the time ``now`` (default: the system clock) and
        returns its claims in the sample's member order, ``mn`` as a string of digits.

        Raises :class:`~jwtmint.InvalidToken` (2xx-5xx) or :class:`~jwtmint.MeetingSdkError`
        (640-659).
        """
        return verified_claims(self, _lib.jwtmint_meetingsdk_verifier_verify, token, now)

    def __repr__(self) -> str:
        state = " closed" if self.closed else ""
        return f"<jwtmint.MeetingSdkVerifier sdk_key={self._sdk_key!r}{state}>"
