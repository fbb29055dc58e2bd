"""Loads libjwtmint (shipped inside this package) and declares the C functions it uses.

Every prototype below is transcribed from include/jwtmint.h; ctypes checks the argument
types of each call against it. The library's ABI version is checked at import, so a package
and a library that do not match fail loudly instead of calling functions with the wrong shape.
"""

from __future__ import annotations

import ctypes
import sys
from ctypes import (
    POINTER,
    Structure,
    c_char_p,
    c_int32,
    c_int64,
    c_size_t,
    c_uint32,
    c_uint64,
    c_void_p,
)
from pathlib import Path

#: The C ABI version this module's prototypes were written for (JWTMINT_ABI_VERSION).
ABI_VERSION = 2

# Result codes the binding itself reacts to (include/jwtmint.h).
OK = 0
INVALID_ARGUMENT = 103
CLOCK = 105
SERIALIZE = 107
BUFFER_TOO_SMALL = 108

# JWTMINT_SECRET_* constants, by the names the Rust library's SecretEncoding parses.
SECRET_ENCODINGS = {"utf8": 0, "hex": 1, "base64": 2, "base64url": 3, "jsrsasign": 4}
SECRET_ENCODING_ALIASES = {"utf-8": 0, "text": 0}

DEFAULT_SKEW = 30
DEFAULT_TTL = 3600
DEFAULT_REFRESH_MARGIN = 60
DEFAULT_WEBHOOK_TOLERANCE = 300
WEBHOOK_SIGNATURE_LEN = 67
VIDEOSDK_DEFAULT_TTL = 7200
VIDEOSDK_UNSET = -1
MEETINGSDK_DEFAULT_TTL = 7200
MEETINGSDK_UNSET = -1
TPC_UNDOCUMENTED_CHARACTER = 1
TPC_NOT_LOWER_CASE = 2

_LIBRARY_NAME = {"darwin": "libjwtmint.dylib", "win32": "jwtmint.dll"}.get(
    sys.platform, "libjwtmint.so"
)


def _load() -> ctypes.CDLL:
    path = Path(__file__).resolve().with_name(_LIBRARY_NAME)
    if not path.is_file():
        raise ImportError(
            f"jwtmint's native library is missing ({path}). The package is built with "
            "`pip install ./bindings/python` from the jwtmint repository, which compiles "
            "libjwtmint with cargo and puts it there; importing the source tree directly "
            "does not work."
        )
    # CDLL (not PyDLL): ctypes releases the GIL for the duration of each call, so threads
    # really mint and verify in parallel, as the library allows.
    return ctypes.CDLL(str(path))


lib = _load()



class VideoSdkOptions(Structure):
    """jwtmint_videosdk_options, field for field (the library checks struct_size)."""

    _fields_ = [
        ("struct_size", c_size_t),
        ("app_key", c_char_p),
        ("app_key_len", c_size_t),
        ("tpc", c_char_p),
        ("tpc_len", c_size_t),
        ("user_identity", c_char_p),
        ("user_identity_len", c_size_t),
        ("session_key", c_char_p),
        ("session_key_len", c_size_t),
        ("geo_regions", c_char_p),
        ("geo_regions_len", c_size_t),
        ("telemetry_tracking_id", c_char_p),
        ("telemetry_tracking_id_len", c_size_t),
        ("ttl", c_uint64),
        ("skew", c_uint64),
        ("role", c_int32),
        ("cloud_recording_option", c_int32),
        ("cloud_recording_election", c_int32),
        ("video_webrtc_mode", c_int32),
        ("audio_webrtc_mode", c_int32),
        ("user_key", c_char_p),
        ("user_key_len", c_size_t),
    ]


_result = c_uint32
_bytes = c_char_p  # const uint8_t *: bytes (or NULL)
_handle = c_void_p
_handle_out = POINTER(c_void_p)
_size_out = POINTER(c_size_t)

_PROTOTYPES = {
    "jwtmint_result_str": (c_char_p, [_result]),
    "jwtmint_result_name": (c_char_p, [_result]),
    "jwtmint_version": (c_char_p, []),
    "jwtmint_abi_version": (c_uint32, []),
    "jwtmint_now": (_result, [POINTER(c_int64)]),
    "jwtmint_key_new": (_result, [_bytes, c_size_t, _handle_out]),
    "jwtmint_key_new_encoded": (_result, [_bytes, c_size_t, c_uint32, _handle_out]),
    "jwtmint_key_free": (None, [_handle]),
    "jwtmint_api_minter_new": (
        _result,
        [_handle, _bytes, c_size_t, c_uint64, c_uint64, _handle_out],
    ),
    "jwtmint_api_minter_free": (None, [_handle]),
    "jwtmint_api_minter_max_token_len": (c_size_t, [_handle]),
    "jwtmint_api_minter_mint": (_result, [_handle, c_int64, _bytes, c_size_t, _size_out]),
    "jwtmint_mint_api_token": (
        _result,
        [_handle, _bytes, c_size_t, c_int64, c_uint64, c_uint64, _bytes, c_size_t, _size_out],
    ),
    "jwtmint_mint_json": (_result, [_handle, _bytes, c_size_t, _bytes, c_size_t, _size_out]),
    "jwtmint_verifier_new": (_result, [_handle, _handle_out]),
    "jwtmint_verifier_new_zoom_api": (_result, [_handle, _bytes, c_size_t, _handle_out]),
    "jwtmint_verifier_free": (None, [_handle]),
    "jwtmint_verifier_set_leeway": (_result, [_handle, c_uint64]),
    "jwtmint_verifier_set_max_len": (_result, [_handle, c_size_t]),
    "jwtmint_verifier_set_issuer": (_result, [_handle, _bytes, c_size_t]),
    "jwtmint_verifier_set_audience": (_result, [_handle, _bytes, c_size_t]),
    "jwtmint_verifier_require_claim": (_result, [_handle, _bytes, c_size_t]),
    "jwtmint_verifier_clear_required_claims": (_result, [_handle]),
    "jwtmint_verifier_check": (_result, [_handle, _bytes, c_size_t, c_int64]),
    "jwtmint_verifier_verify": (
        _result,
        [_handle, _bytes, c_size_t, c_int64, _bytes, c_size_t, _size_out],
    ),
    # The Zoom extras: API token cache, Video SDK tokens, webhooks.
    "jwtmint_api_token_cache_new": (_result, [_handle, c_uint64, _handle_out]),
    "jwtmint_api_token_cache_free": (None, [_handle]),
    "jwtmint_api_token_cache_token": (_result, [_handle, c_int64, _bytes, c_size_t, _size_out]),
    "jwtmint_api_token_cache_clear": (_result, [_handle]),
    "jwtmint_api_token_cache_mint_count": (c_uint64, [_handle]),
    "jwtmint_videosdk_options_init": (_result, [POINTER(VideoSdkOptions), c_size_t]),
    "jwtmint_videosdk_mint": (
        _result,
        [_handle, POINTER(VideoSdkOptions), c_int64, _bytes, c_size_t, _size_out],
    ),
    "jwtmint_videosdk_verifier_new": (_result, [_handle, _bytes, c_size_t, _handle_out]),
    "jwtmint_videosdk_verifier_free": (None, [_handle]),
    "jwtmint_videosdk_verifier_set_leeway": (_result, [_handle, c_uint64]),
    "jwtmint_videosdk_verifier_set_max_len": (_result, [_handle, c_size_t]),
    "jwtmint_videosdk_verifier_verify": (
        _result,
        [_handle, _bytes, c_size_t, c_int64, _bytes, c_size_t, _size_out],
    ),
    "jwtmint_videosdk_tpc_notes": (_result, [_bytes, c_size_t, POINTER(c_uint32)]),
    "jwtmint_meetingsdk_mint": (
        _result,
        [
            _handle, _bytes, c_size_t, _bytes, c_size_t, c_int32, c_int32, c_uint64, c_uint64,
            c_int64, _bytes, c_size_t, _size_out,
        ],
    ),
    "jwtmint_meetingsdk_verifier_new": (_result, [_handle, _bytes, c_size_t, _handle_out]),
    "jwtmint_meetingsdk_verifier_free": (None, [_handle]),
    "jwtmint_meetingsdk_verifier_set_leeway": (_result, [_handle, c_uint64]),
    "jwtmint_meetingsdk_verifier_set_max_len": (_result, [_handle, c_size_t]),
    "jwtmint_meetingsdk_verifier_verify": (
        _result,
        [_handle, _bytes, c_size_t, c_int64, _bytes, c_size_t, _size_out],
    ),
    "jwtmint_webhook_new": (_result, [_bytes, c_size_t, _handle_out]),
    "jwtmint_webhook_free": (None, [_handle]),
    "jwtmint_webhook_set_tolerance": (_result, [_handle, c_uint64]),
    "jwtmint_webhook_verify": (
        _result,
        [_handle, _bytes, c_size_t, _bytes, c_size_t, _bytes, c_size_t, c_int64, POINTER(c_uint64)],
    ),
    "jwtmint_webhook_url_validation": (
        _result,
        [
            _handle, _bytes, c_size_t, _bytes, c_size_t, _bytes, c_size_t, c_int64,
            _bytes, c_size_t, _size_out,
        ],
    ),
    "jwtmint_webhook_sign": (
        _result,
        [_handle, c_uint64, _bytes, c_size_t, _bytes, c_size_t, _size_out],
    ),
}

for _name, (_restype, _argtypes) in _PROTOTYPES.items():
    _function = getattr(lib, _name)
    _function.restype = _restype
    _function.argtypes = _argtypes

if lib.jwtmint_abi_version() != ABI_VERSION:
    raise ImportError(
        f"libjwtmint's ABI version is {lib.jwtmint_abi_version()}, but this package was "
        f"written for version {ABI_VERSION}: reinstall the package from one checkout"
    )

#: Largest values of the C integer types the binding passes (ctypes does not check ranges).
INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1
INT32_MIN = -(2**31)
INT32_MAX = 2**31 - 1
UINT64_MAX = 2**64 - 1
SIZE_MAX = 2 ** (8 * ctypes.sizeof(c_size_t)) - 1


def result_name(code: int) -> str:
    """The stable snake_case name of a result code ("expired"), from the library."""
    name: bytes = lib.jwtmint_result_name(code)
    return name.decode("ascii")


def result_message(code: int) -> str:
    """The library's static English description of a result code."""
    message: bytes = lib.jwtmint_result_str(code)
    return message.decode("utf-8")


def library_version() -> str:
    """The version of the loaded libjwtmint, such as "0.1.0"."""
    version: bytes = lib.jwtmint_version()
    return version.decode("ascii")
