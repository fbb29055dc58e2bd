"""The C ABI's output convention: the caller's buffer ``(out, cap)``, the written length in
``*out_len``, and ``JWTMINT_BUFFER_TOO_SMALL`` with the needed length when it does not fit."""

from __future__ import annotations

import ctypes
from typing import Any, Callable

from . import _native
from .errors import from_code

# The fixed header {"alg":"HS256","typ":"JWT"} in base64url, and the signature's length.
_HEADER_B64_LEN = 36
_SIGNATURE_B64_LEN = 43


def token_capacity(payload_len: int) -> int:
    """Room for a token whose payload JSON is ``payload_len`` bytes, and its NUL. Only a first
    guess: a call that reports a too-small buffer is retried with the size it asks for."""
    return _HEADER_B64_LEN + 1 + (4 * payload_len + 2) // 3 + 1 + _SIGNATURE_B64_LEN + 1


def into_buffer(call: Callable[[Any, int, Any], int], capacity: int) -> bytes:
    """Runs ``call(buffer, cap, out_len)``, a C function that writes into a caller's buffer;
    retries once, at the size the library reports, if the buffer was too small. Raises the
    exception for any other failure."""
    out_len = ctypes.c_size_t()
    buffer = ctypes.create_string_buffer(capacity)
    code = call(buffer, capacity, ctypes.byref(out_len))
    if code == _native.BUFFER_TOO_SMALL:
        capacity = out_len.value + 1
        buffer = ctypes.create_string_buffer(capacity)
        code = call(buffer, capacity, ctypes.byref(out_len))
    if code:
        raise from_code(code)
    return ctypes.string_at(buffer, out_len.value)
