"""Turns Python arguments into what the C functions take, before any C call.

Wrong types raise ``TypeError``. Integers outside the C type's range raise
:class:`~jwtmint.InvalidArgument` (ctypes would silently wrap them: ``-1`` as a ``uint64_t`` is
``2**64 - 1``). Nothing here judges a value the C type can carry: that is the library's job.
"""

from __future__ import annotations

import operator
import time
from typing import List, Optional, Union

from . import _native
from .errors import InvalidArgument, from_code

Text = Union[str, bytes]
BytesLike = Union[bytes, bytearray, memoryview]


def _type_name(value: object) -> str:
    return type(value).__name__


def text(value: object, what: str) -> bytes:
    """A ``str`` as UTF-8 bytes for the C ABI.

    Lone surrogates are passed through (``surrogatepass``) rather than raising here, so that
    the library rejects such text with its own code (invalid UTF-8, 901).
    """
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a str, not {_type_name(value)}")
    return value.encode("utf-8", "surrogatepass")


def text_or_bytes(value: object, what: str) -> bytes:
    """A ``str`` (as UTF-8) or a bytes-like object, as bytes."""
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass")
    if isinstance(value, bytes):
        return value
    if isinstance(value, (bytearray, memoryview)):
        return bytes(value)
    raise TypeError(f"{what} must be str or bytes, not {_type_name(value)}")


def integer(value: object, what: str, low: int, high: int) -> int:
    """An integer (anything with ``__index__`` but ``bool``) within ``[low, high]``."""
    if isinstance(value, bool):
        raise TypeError(f"{what} must be an int, not bool")
    try:
        number = operator.index(value)  # type: ignore[arg-type]
    except TypeError:
        raise TypeError(f"{what} must be an int, not {_type_name(value)}") from None
    if not low <= number <= high:
        raise InvalidArgument(
            _native.INVALID_ARGUMENT, f"{what} must be between {low} and {high}, got {number}"
        )
    return number


def seconds(value: object, what: str) -> int:
    """A non-negative duration in seconds (``uint64_t``)."""
    return integer(value, what, 0, _native.UINT64_MAX)


def now(value: object) -> int:
    """``now`` in seconds since the Unix epoch; ``None`` reads the system clock."""
    if value is None:
        # The clock jwtmint_now() reads (CLOCK_REALTIME), read here: a ctypes round trip
        # for it would cost more than the token's HMAC. Its rule kept: nothing before 1970.
        seconds = time.time_ns() // 1_000_000_000
        if seconds < 0:
            raise from_code(_native.CLOCK)
        return seconds
    return integer(value, "now", _native.INT64_MIN, _native.INT64_MAX)


def claim_names(names: object, what: str) -> List[bytes]:
    """A sequence of claim names (not a single ``str``), each as UTF-8 bytes: one C call per
    name, so no name needs quoting and the library alone judges each."""
    if isinstance(names, (str, bytes)):
        raise TypeError(f"{what} must be a sequence of claim names, not a single {_type_name(names)}")
    try:
        items = list(names)  # type: ignore[call-overload]
    except TypeError:
        raise TypeError(f"{what} must be a sequence of claim names, not {_type_name(names)}") from None
    return [text(name, f"each name in {what}") for name in items]


def optional_text(value: object, what: str) -> Optional[bytes]:
    return None if value is None else text(value, what)


def check(code: int) -> None:
    """Raises the exception for a non-zero result code."""
    if code:
        raise from_code(code)
