"""Zoom Video SDK session tokens: minting by Zoom's rules, and verifying them."""

from __future__ import annotations

import ctypes
import json
from typing import Any, Callable, Dict, Iterable, Optional, Union

from . import _args, _native
from ._buffers import token_capacity
from ._handle import Owner, new_handle
from .errors import InvalidArgument
from .key import Key, require_key
from .verify import Token

_lib = _native.lib

#: ``role`` by name: ``role_type`` 0 joins as a participant; 1 as the host (the first to join)
#: or a co-host.
VIDEOSDK_ROLES = {"participant": 0, "host": 1}
VIDEOSDK_DEFAULT_TTL = _native.VIDEOSDK_DEFAULT_TTL

Role = Union[int, str]


def _role(role: object) -> int:
    if isinstance(role, str):
        number = VIDEOSDK_ROLES.get(role)
        if number is None:
            raise InvalidArgument(
                _native.INVALID_ARGUMENT,
                f"unknown role {role!r}: expected 'participant' (0) or 'host' (1)",
            )
        return number
    # Other numbers than 0 and 1 are the library's to refuse.
    return _args.integer(role, "role", _native.INT32_MIN, _native.INT32_MAX)


def _flag(value: object, what: str) -> int:
    if value is None:
        return _native.VIDEOSDK_UNSET
    if isinstance(value, bool):
        return int(value)
    raise TypeError(f"{what} must be a bool or None, not {type(value).__name__}")


def _regions(regions: object) -> Optional[bytes]:
    if regions is None:
        return None
    if isinstance(regions, str):
        return _args.text(regions, "geo_regions")
    if isinstance(regions, bytes):
        raise TypeError("geo_regions must be a str or a sequence of str, not bytes")
    try:
        items = list(regions)  # type: ignore[call-overload]
    except TypeError:
        raise TypeError(
            f"geo_regions must be a str or a sequence of str, not {type(regions).__name__}"
        ) from None
    return b",".join(_args.text(item, "each of geo_regions") for item in items)


def mint_videosdk_token(
    key: Key,
    app_key: str,
    tpc: str,
    role: Role,
    *,
    user_identity: Optional[str] = None,
    user_key: Optional[str] = None,
    session_key: Optional[str] = None,
    geo_regions: Union[str, Iterable[str], None] = None,
    cloud_recording_option: Optional[bool] = None,
    cloud_recording_election: Optional[bool] = None,
    telemetry_tracking_id: Optional[str] = None,
    video_webrtc_mode: Optional[bool] = None,
    audio_webrtc_mode: Optional[bool] = None,
    ttl: int = VIDEOSDK_DEFAULT_TTL,
    skew: int = _native.DEFAULT_SKEW,
    now: Optional[int] = None,
) -> str:
    """A Video SDK session token, byte-identical to the one Zoom's auth endpoint sample makes
    for the same inputs: ``{"app_key","role_type","tpc","version":1,"iat","exp"}`` followed by
    the optional claims that are given (``None`` leaves a claim out).

    Args:
        key: the :class:`Key` made from the Video SDK secret.
        app_key: the Video SDK key.
        tpc: the session name, 1 to 200 UTF-16 code units.
        role: ``"participant"`` (0) or ``"host"`` (1).
        user_identity: at most 35 UTF-16 code units.
        user_key: at most 36 UTF-16 code units: the name Zoom documents today for the user's
            identifier ("previously named user_identity"); written right after it.
        session_key: at most 36 UTF-16 code units.
        geo_regions: Zoom region codes (``["US", "DE"]`` or ``"US,DE"``): AU BR CA CN DE HK
            IN JP MX NL SG US, none twice.
        cloud_recording_option: True for one cloud recording per participant.
        cloud_recording_election: True if this user may be elected to cloud-record.
        telemetry_tracking_id: any text.
        video_webrtc_mode, audio_webrtc_mode: True if video/audio use WebRTC.
        ttl: lifetime ``exp - iat`` in seconds, 1800 to 172800 (default 7200).
        skew: seconds ``iat`` is backdated by (default 30), less than ``ttl``.
        now: seconds since the Unix epoch (default: the system clock).

    Every rule is the library's: it raises :class:`~jwtmint.ZoomError` (600-619) for a field
    Zoom refuses, :class:`~jwtmint.InvalidArgument` for ``skew >= ttl``.

    >>> import jwtmint
    >>> key = jwtmint.Key("my-video-sdk-secret-of-32-bytes-or-more")
    >>> token = jwtmint.mint_videosdk_token(key, "sdk-key", "session-1", "host", now=1700000000)
    >>> jwtmint.VideoSdkVerifier(key, "sdk-key").verify(token, now=1700000000)["role_type"]
    1
    """
    key = require_key(key)
    fields = {
        "app_key": _args.text(app_key, "app_key"),
        "tpc": _args.text(tpc, "tpc"),
        "user_identity": _args.optional_text(user_identity, "user_identity"),
        "user_key": _args.optional_text(user_key, "user_key"),
        "session_key": _args.optional_text(session_key, "session_key"),
        "geo_regions": _regions(geo_regions),
        "telemetry_tracking_id": _args.optional_text(telemetry_tracking_id, "telemetry_tracking_id"),
    }
    options = _native.VideoSdkOptions()
    _args.check(_lib.jwtmint_videosdk_options_init(ctypes.byref(options), ctypes.sizeof(options)))
    for name, value in fields.items():
        # None stays a NULL pointer: the claim is left out. The bytes objects outlive the call
        # (they are referenced by `fields` and by the structure).
        if value is not None:
            setattr(options, name, value)
            setattr(options, f"{name}_len", len(value))
    options.role = _role(role)
    options.cloud_recording_option = _flag(cloud_recording_option, "cloud_recording_option")
    options.cloud_recording_election = _flag(cloud_recording_election, "cloud_recording_election")
    options.video_webrtc_mode = _flag(video_webrtc_mode, "video_webrtc_mode")
    options.audio_webrtc_mode = _flag(audio_webrtc_mode, "audio_webrtc_mode")
    options.ttl = _args.seconds(ttl, "ttl")
    options.skew = _args.seconds(skew, "skew")
    when = _args.now(now)
    # Every text escaped at worst 6 bytes per byte, plus names, numbers and flags.
    capacity = token_capacity(400 + 6 * sum(len(v) for v in fields.values() if v is not None))
    token = key._output(_lib.jwtmint_videosdk_mint, capacity, ctypes.byref(options), when)
    return token.decode("ascii")


TPC_UNDOCUMENTED_CHARACTER = _native.TPC_UNDOCUMENTED_CHARACTER
TPC_NOT_LOWER_CASE = _native.TPC_NOT_LOWER_CASE


def videosdk_tpc_notes(tpc: str) -> int:
    """What Zoom documents about the session name ``tpc`` that minting does not refuse, as a
    bit mask of :data:`TPC_UNDOCUMENTED_CHARACTER` (a character outside ASCII letters and
    digits, space and ``!#$%&()+-:;<=.>?@[]^_{}|~,\\``) and :data:`TPC_NOT_LOWER_CASE` (Zoom
    lower-cases session names); 0 when nothing applies. For a warning: the token is minted
    either way.

    >>> import jwtmint
    >>> jwtmint.videosdk_tpc_notes("Team standup") == jwtmint.TPC_NOT_LOWER_CASE
    True
    """
    data = _args.text(tpc, "tpc")
    notes = ctypes.c_uint32(0)
    _args.check(_lib.jwtmint_videosdk_tpc_notes(data, len(data), ctypes.byref(notes)))
    return notes.value


def verified_claims(
    verifier: Owner, function: Callable[..., int], token: Token, now: Optional[int]
) -> Dict[str, Any]:
    """The claims an SDK verifier's verify export writes for ``token`` at ``now``."""
    data = _args.text_or_bytes(token, "token")
    when = _args.now(now)
    payload = verifier._output(function, len(data) + 1, data, len(data), when)
    claims: Dict[str, Any] = json.loads(payload.decode("utf-8"))
    return claims


class VideoSdkVerifier(Owner):
    """Verifies Video SDK session tokens of one SDK key: the token checks of
    :class:`Verifier`, ``app_key``, ``tpc``, ``role_type``, ``version``, ``iat`` and ``exp``
    required, ``app_key`` equal to the SDK key, and every claim by the rules Zoom's minting
    follows. Immutable once made; any number of threads may share one.

    Args:
        key: the :class:`Key` made from the Video SDK secret.
        app_key: the Video SDK key tokens must carry.
        leeway: allowance for clock differences, in seconds (default 60).
        max_len: the longest token accepted, in bytes (default 8192).
    """

    __slots__ = ("_app_key",)

    def __init__(self, key: Key, app_key: str, *, leeway: int = 60, max_len: int = 8192) -> None:
        key = require_key(key)
        sdk_key = _args.text(app_key, "app_key")
        seconds = _args.seconds(leeway, "leeway")
        longest = _args.integer(max_len, "max_len", 0, _native.SIZE_MAX)
        self._handle = key._use(
            lambda key_pointer: new_handle(
                lambda out: _lib.jwtmint_videosdk_verifier_new(
                    key_pointer, sdk_key, len(sdk_key), out
                ),
                _lib.jwtmint_videosdk_verifier_free,
                "VideoSdkVerifier",
                lambda pointer: _lib.jwtmint_videosdk_verifier_set_leeway(pointer, seconds)
                or _lib.jwtmint_videosdk_verifier_set_max_len(pointer, longest),
            )
        )
        self._app_key = app_key

    def verify(self, token: Token, now: Optional[int] = None) -> Dict[str, Any]:
        """Verifies a Video SDK token at the time ``now`` (default: the system clock) and
        returns its claims in Zoom's member order, flags as 0 or 1, claims Zoom does not
        define left out.

        Raises :class:`~jwtmint.InvalidToken` (2xx-5xx) or :class:`~jwtmint.ZoomError`
        (6xx: ``app_key`` mismatch, a claim Zoom would refuse).
        """
        return verified_claims(self, _lib.jwtmint_videosdk_verifier_verify, token, now)

    def __repr__(self) -> str:
        state = " closed" if self.closed else ""
        return f"<jwtmint.VideoSdkVerifier app_key={self._app_key!r}{state}>"
