"""jwtmint: strict, fast HS256 JSON Web Tokens for Zoom's Video SDK, Meeting SDK and API.

A thin binding over libjwtmint, the C ABI of the Rust library jwtmint: every check and every
byte of every token comes from the library; this package only converts arguments, manages
the native objects' lifetimes and turns result codes into exceptions.

>>> import jwtmint
>>> key = jwtmint.Key("my-zoom-api-secret-of-36-characters!")
>>> minter = jwtmint.ApiTokenMinter("my-api-key", key)
>>> token = minter.mint()                      # Authorization: Bearer <token>
>>> claims = jwtmint.Verifier.zoom_api(key, "my-api-key").verify(token)
>>> claims["exp"] - claims["iat"]
3600
"""

from __future__ import annotations

from ._native import (
    DEFAULT_REFRESH_MARGIN,
    DEFAULT_SKEW,
    DEFAULT_TTL,
    DEFAULT_WEBHOOK_TOLERANCE,
    library_version,
)
from ._version import __version__
from .cache import ApiTokenCache
from . import errors
from .errors import *  # noqa: F403 (the exception classes, listed once in errors.__all__)
from .key import SECRET_ENCODINGS, Key
from .meetingsdk import MEETINGSDK_DEFAULT_TTL, MeetingSdkVerifier, mint_meetingsdk_token
from .mint import ApiTokenMinter, mint, mint_api_token
from .verify import Verifier
from .videosdk import (
    TPC_NOT_LOWER_CASE,
    TPC_UNDOCUMENTED_CHARACTER,
    VIDEOSDK_DEFAULT_TTL,
    VIDEOSDK_ROLES,
    VideoSdkVerifier,
    mint_videosdk_token,
    videosdk_tpc_notes,
)
from .webhook import WebhookVerifier

__all__ = [
    "__version__",
    "library_version",
    "DEFAULT_SKEW",
    "DEFAULT_TTL",
    "DEFAULT_REFRESH_MARGIN",
    "DEFAULT_WEBHOOK_TOLERANCE",
    "VIDEOSDK_DEFAULT_TTL",
    "VIDEOSDK_ROLES",
    "SECRET_ENCODINGS",
    "Key",
    "ApiTokenMinter",
    "ApiTokenCache",
    "mint_api_token",
    "mint",
    "Verifier",
    "mint_videosdk_token",
    "VideoSdkVerifier",
    "videosdk_tpc_notes",
    "TPC_UNDOCUMENTED_CHARACTER",
    "TPC_NOT_LOWER_CASE",
    "MEETINGSDK_DEFAULT_TTL",
    "mint_meetingsdk_token",
    "MeetingSdkVerifier",
    "WebhookVerifier",
]
__all__ += errors.__all__
