"""jwtmint: strict, fast HS256 JSON Web Tokens for Zoom's Video SDK, Meeting SDK and API.

The Rust library jwtmint, called natively: the classes and functions are those of the
extension module ``jwtmint._native`` (PyO3), which converts Python values, calls the Rust core
and raises the exceptions of :mod:`jwtmint.errors`. Every check and every byte of every token
comes from the core.

>>> import jwtmint
>>> key = jwtmint.Key("my-zoom-api-secret-of-36-characters!")
>>> minter = jwtmint.ApiTokenMinter("my-api-key", key)
>>> token = minter.mint()                      # Authorization: Bearer <token>
>>> claims = jwtmint.Verifier.zoom_api(key, "my-api-key").verify(token)
>>> claims["exp"] - claims["iat"]
3600
"""

from __future__ import annotations

from . import errors
from ._native import (
    DEFAULT_REFRESH_MARGIN,
    DEFAULT_SKEW,
    DEFAULT_TTL,
    DEFAULT_WEBHOOK_TOLERANCE,
    MEETINGSDK_DEFAULT_TTL,
    SECRET_ENCODINGS,
    TPC_NOT_LOWER_CASE,
    TPC_UNDOCUMENTED_CHARACTER,
    VIDEOSDK_DEFAULT_TTL,
    VIDEOSDK_ROLES,
    ApiTokenCache,
    ApiTokenMinter,
    Key,
    MeetingSdkVerifier,
    Verifier,
    VideoSdkVerifier,
    WebhookVerifier,
    library_version,
    mint,
    mint_api_token,
    mint_meetingsdk_token,
    mint_videosdk_token,
    videosdk_tpc_notes,
)
from .errors import *  # noqa: F403 (the exception classes, listed once in errors.__all__)

#: The package's version: the version of the Rust library inside it.
__version__: str = library_version()

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
