"""jwtmint's exceptions: one base class, families by what went wrong, and a class for each
error worth catching on its own.

Every exception carries the library's stable numeric ``code`` and snake_case ``name`` (the
same in Rust, C, Node.js and Go), and the library's message. The families follow the code
ranges of the Rust core's error table::

    JwtMintError                        any jwtmint failure
    ├── InvalidInput (also ValueError)  1xx: the caller's key, arguments or claims
    │   ├── WeakSecret                  100 empty, 101 shorter than 32 bytes
    │   ├── InvalidSecretEncoding       102
    │   ├── InvalidArgument             103 (also raised for out-of-range Python arguments)
    │   └── TimeOverflow                104
    ├── ClockError                      105: the system clock is out of range
    ├── InvalidToken                    2xx-5xx: the token was rejected
    │   ├── Malformed                   2xx: size, segments, base64, JSON
    │   │   └── TooLong                 200
    │   ├── InvalidHeader               3xx: alg, typ, crit
    │   ├── InvalidSignature            4xx
    │   └── InvalidClaims               5xx
    │       ├── Expired                 500
    │       ├── NotYetValid             501
    │       ├── IssuedInFuture          502
    │       ├── MissingClaim            503
    │       ├── MalformedClaim          504
    │       ├── InvalidIssuer           505
    │       └── InvalidAudience         506
    ├── ZoomError                       6xx: the Zoom extras
    │   ├── VideoSdkError               600-619: a Video SDK claim Zoom refuses
    │   ├── WebhookError                620-639: a webhook request rejected
    │   └── MeetingSdkError             640-659: a Meeting SDK claim Zoom refuses
    └── InternalError                   9xx and unknown codes: please report

One table (``_CODES``, below the classes) gives each class its codes, and one rule picks the
class for a code: of the classes that hold it, the one with the fewest codes. ``InternalError``
holds none of its own: it is what a code no other class holds is raised as. Names and
descriptions come from the Rust core's table at run time (``jwtmint._native.code_name``,
``code_description``); the message of a raised exception is the core's message for that
failure.

Minting arbitrary claims checks them with the verifier's rules, so :func:`jwtmint.mint` can
raise ``Malformed`` (duplicate member, 206) or ``MalformedClaim`` (504) too.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Dict, FrozenSet, Optional, Type, Union

from . import _native

# The one list of the exception classes (``jwtmint.__all__`` extends itself with it); a literal
# so that type checkers see what ``from .errors import *`` re-exports.
__all__ = [
    "JwtMintError",
    "InvalidInput",
    "WeakSecret",
    "InvalidSecretEncoding",
    "InvalidArgument",
    "TimeOverflow",
    "ClockError",
    "InvalidToken",
    "Malformed",
    "TooLong",
    "InvalidHeader",
    "InvalidSignature",
    "InvalidClaims",
    "Expired",
    "NotYetValid",
    "IssuedInFuture",
    "MissingClaim",
    "MalformedClaim",
    "InvalidIssuer",
    "InvalidAudience",
    "ZoomError",
    "VideoSdkError",
    "WebhookError",
    "MeetingSdkError",
    "InternalError",
]


def _codes(*parts: Union[int, range]) -> FrozenSet[int]:
    """A class's codes, from single codes and ranges."""
    return frozenset(code for part in parts for code in ([part] if isinstance(part, int) else part))


class JwtMintError(Exception):
    """Any failure reported by jwtmint.

    Attributes:
        code: the stable numeric code (``500``).
        name: the stable snake_case name of the code (``"expired"``), from the library.
        message: a short English description; never contains key material or claim values.
    """

    code: int
    name: str
    message: str

    def __init__(self, code: int, message: Optional[str] = None) -> None:
        self.code = code
        self.name = _native.code_name(code) or "unknown"
        self.message = message if message is not None else (
            _native.code_description(code) or "unknown result code"
        )
        super().__init__(self.message)

    def __str__(self) -> str:
        return f"{self.message} ({self.name}, code {self.code})"

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code}, name={self.name!r})"

    def __reduce__(self):  # type: ignore[no-untyped-def]
        # Pickling (for multiprocessing) rebuilds the exception from its code and message.
        return (type(self), (self.code, self.message))


class InvalidInput(JwtMintError, ValueError):
    """The caller's input was refused: the secret, an argument, or the claims to mint."""


class WeakSecret(InvalidInput):
    """The secret is empty (code 100) or shorter than 32 bytes (101, RFC 7518 section 3.2)."""


class InvalidSecretEncoding(InvalidInput):
    """The secret text is not valid in its declared encoding (code 102)."""


class InvalidArgument(InvalidInput):
    """An argument is out of its allowed range (code 103)."""


class TimeOverflow(InvalidInput):
    """Time arithmetic would overflow, such as ``now - skew`` (code 104)."""


class ClockError(JwtMintError):
    """The system clock reads before 1970 or beyond a 64-bit time (code 105)."""


class InvalidToken(JwtMintError):
    """The token was rejected: malformed, bad header, bad signature or bad claims."""


class Malformed(InvalidToken):
    """The token is not a well-formed compact JWS, or a segment is not a JSON object (2xx)."""


class TooLong(Malformed):
    """The token is longer than the verifier's ``max_len`` (code 200)."""


class InvalidHeader(InvalidToken):
    """The header is not plain HS256: alg, typ or crit rejected (3xx)."""


class InvalidSignature(InvalidToken):
    """The signature does not match the key (code 400)."""


class InvalidClaims(InvalidToken):
    """The claims were rejected: time, presence, type, issuer or audience (5xx)."""


class Expired(InvalidClaims):
    """The token has expired: ``now >= exp + leeway`` (code 500)."""


class NotYetValid(InvalidClaims):
    """The token's ``nbf`` is in the future beyond the leeway (code 501)."""


class IssuedInFuture(InvalidClaims):
    """The token's ``iat`` is in the future beyond the leeway (code 502)."""


class MissingClaim(InvalidClaims):
    """A required claim is absent (code 503)."""


class MalformedClaim(InvalidClaims):
    """A registered claim has the wrong type or range, such as ``"exp": "soon"`` (code 504)."""


class InvalidIssuer(InvalidClaims):
    """The ``iss`` claim is not the expected issuer (code 505)."""


class InvalidAudience(InvalidClaims):
    """The ``aud`` claim does not name the expected audience, or is unexpected (code 506)."""


class ZoomError(JwtMintError):
    """A Zoom rule was broken: Video SDK claims (600-619), a webhook request (620-639) or
    Meeting SDK claims (640-659)."""


class VideoSdkError(ZoomError):
    """A Video SDK claim Zoom refuses, when minting or verifying (600-619): empty or too long
    field, unknown or repeated geo region, lifetime out of range, app_key mismatch."""


class WebhookError(ZoomError):
    """A webhook request was rejected (620-639): timestamp malformed or out of tolerance,
    signature malformed or mismatched, url-validation body malformed."""


class MeetingSdkError(ZoomError):
    """A Meeting SDK claim Zoom refuses, when minting or verifying (640-659): role not 0 or
    1, mn not digits, mn without role, no SDK key, exp or tokenExp out of range, another SDK
    key than the expected one."""


class InternalError(JwtMintError):
    """A failure that should not happen through this binding (a code of the 9xx range, which
    the C ABI reserves, or one no family holds). Please report it."""


def _one_code_each(
    first: int, *classes: Type[JwtMintError]
) -> Dict[Type[JwtMintError], FrozenSet[int]]:
    """Classes that stand for one code each, consecutive from ``first``."""
    return {cls: _codes(first + offset) for offset, cls in enumerate(classes)}


# Each class's codes: the one table of the classes' ranges and single codes.
_CODES: Dict[Type[JwtMintError], FrozenSet[int]] = {
    InvalidInput: _codes(range(100, 200)),
    WeakSecret: _codes(100, 101),
    **_one_code_each(102, InvalidSecretEncoding, InvalidArgument, TimeOverflow, ClockError),
    InvalidToken: _codes(range(200, 600)),
    Malformed: _codes(range(200, 300)),
    TooLong: _codes(200),
    InvalidHeader: _codes(range(300, 400)),
    InvalidSignature: _codes(range(400, 500)),
    InvalidClaims: _codes(range(500, 600)),
    **_one_code_each(
        500, Expired, NotYetValid, IssuedInFuture, MissingClaim, MalformedClaim, InvalidIssuer,
        InvalidAudience,
    ),
    ZoomError: _codes(range(600, 700)),
    VideoSdkError: _codes(range(600, 620)),
    WebhookError: _codes(range(620, 640)),
    MeetingSdkError: _codes(range(640, 660)),
}


@lru_cache(maxsize=1024)
def error_class(code: int) -> type[JwtMintError]:
    """The exception class for a result code: of the classes whose codes hold it, the one
    with the fewest (a subclass holds fewer codes than its family); ``InternalError`` for a
    code no class holds. Cached: a few dozen codes ever occur."""
    holders = [cls for cls, codes in _CODES.items() if code in codes]
    return min(holders, key=lambda cls: len(_CODES[cls]), default=InternalError)


def from_code(code: int, message: Optional[str] = None) -> JwtMintError:
    """The exception for an error code of the core, with the core's message (``None``: the
    code's description). The extension module raises every core error through this."""
    return error_class(code)(code, message)
