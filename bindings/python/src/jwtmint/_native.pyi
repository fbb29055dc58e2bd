# Types of the extension module jwtmint._native (Rust, PyO3: bindings/python/rust/). The
# docstrings live in the Rust sources and are shown by help(); this file is for type checkers.
# scripts/suites/python.sh checks it against the built module with mypy.stubtest (names,
# parameters, defaults) and its return types with mypy --strict on tests/typecheck_usage.py.
from types import TracebackType
from typing import Any, Dict, Iterable, Mapping, Optional, SupportsIndex, Tuple, Type, TypeVar, Union, final

__all__ = [
    "Key",
    "ApiTokenMinter",
    "ApiTokenCache",
    "Verifier",
    "VideoSdkVerifier",
    "MeetingSdkVerifier",
    "WebhookVerifier",
    "mint_api_token",
    "mint",
    "mint_videosdk_token",
    "videosdk_tpc_notes",
    "mint_meetingsdk_token",
    "code_name",
    "code_description",
    "codes",
    "library_version",
    "DEFAULT_SKEW",
    "DEFAULT_TTL",
    "DEFAULT_REFRESH_MARGIN",
    "DEFAULT_WEBHOOK_TOLERANCE",
    "DEFAULT_LEEWAY",
    "DEFAULT_MAX_LEN",
    "VIDEOSDK_DEFAULT_TTL",
    "MEETINGSDK_DEFAULT_TTL",
    "SECRET_ENCODINGS",
    "VIDEOSDK_ROLES",
    "TPC_UNDOCUMENTED_CHARACTER",
    "TPC_NOT_LOWER_CASE",
]

_T = TypeVar("_T")
_Secret = Union[bytes, bytearray, memoryview, str]
_Token = Union[str, bytes, bytearray, memoryview]
_Data = Union[bytes, bytearray, memoryview, str]
_Role = Union[int, str]

DEFAULT_SKEW: int
DEFAULT_TTL: int
DEFAULT_REFRESH_MARGIN: int
DEFAULT_WEBHOOK_TOLERANCE: int
DEFAULT_LEEWAY: int
DEFAULT_MAX_LEN: int
VIDEOSDK_DEFAULT_TTL: int
MEETINGSDK_DEFAULT_TTL: int
SECRET_ENCODINGS: Tuple[str, ...]
VIDEOSDK_ROLES: Dict[str, int]
TPC_UNDOCUMENTED_CHARACTER: int
TPC_NOT_LOWER_CASE: int

def code_name(code: int) -> Optional[str]: ...
def code_description(code: int) -> Optional[str]: ...
def codes() -> list[Tuple[int, str, str]]: ...
def library_version() -> str: ...

class _Owner:
    def close(self) -> None: ...
    @property
    def closed(self) -> bool: ...
    def __enter__(self: _T) -> _T: ...
    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        traceback: Optional[TracebackType],
    ) -> None: ...
    def __copy__(self: _T) -> _T: ...
    def __deepcopy__(self: _T, memo: Any) -> _T: ...

@final
class Key(_Owner):
    def __new__(cls, secret: _Secret) -> Key: ...
    @classmethod
    def from_encoded(cls, text: Union[str, bytes], encoding: Optional[str] = None) -> Key: ...

@final
class ApiTokenMinter(_Owner):
    def __new__(cls, api_key: str, key: Key, *, skew: SupportsIndex = ..., ttl: SupportsIndex = ...) -> ApiTokenMinter: ...
    def mint(self, now: Optional[SupportsIndex] = None) -> str: ...
    @property
    def api_key(self) -> str: ...
    @property
    def skew(self) -> int: ...
    @property
    def ttl(self) -> int: ...
    @property
    def max_token_len(self) -> int: ...

@final
class ApiTokenCache(_Owner):
    def __new__(cls, minter: ApiTokenMinter, *, refresh_margin: SupportsIndex = ...) -> ApiTokenCache: ...
    def token(self, now: Optional[SupportsIndex] = None) -> str: ...
    def clear(self) -> None: ...
    @property
    def mint_count(self) -> int: ...
    @property
    def refresh_margin(self) -> int: ...

def mint_api_token(
    api_key: str,
    secret: Union[Key, _Secret],
    *,
    now: Optional[SupportsIndex] = None,
    skew: SupportsIndex = ...,
    ttl: SupportsIndex = ...,
) -> str: ...
def mint(key: Key, claims: Mapping[Any, Any]) -> str: ...

@final
class Verifier(_Owner):
    def __new__(
        cls,
        key: Key,
        *,
        leeway: SupportsIndex = ...,
        issuer: Optional[str] = None,
        audience: Optional[str] = None,
        required: Optional[Iterable[str]] = None,
        max_len: SupportsIndex = ...,
    ) -> Verifier: ...
    @staticmethod
    def zoom_api(key: Key, api_key: str, *, leeway: SupportsIndex = ..., max_len: SupportsIndex = ...) -> Verifier: ...
    def verify(self, token: _Token, now: Optional[SupportsIndex] = None) -> Dict[str, Any]: ...
    def check(self, token: _Token, now: Optional[SupportsIndex] = None) -> None: ...

def mint_videosdk_token(
    key: Key,
    app_key: str,
    tpc: str,
    role: _Role,
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
    ttl: SupportsIndex = ...,
    skew: SupportsIndex = ...,
    now: Optional[SupportsIndex] = None,
) -> str: ...
def videosdk_tpc_notes(tpc: str) -> int: ...

@final
class VideoSdkVerifier(_Owner):
    def __new__(cls, key: Key, app_key: str, *, leeway: SupportsIndex = ..., max_len: SupportsIndex = ...) -> VideoSdkVerifier: ...
    def verify(self, token: _Token, now: Optional[SupportsIndex] = None) -> Dict[str, Any]: ...

def mint_meetingsdk_token(
    key: Key,
    sdk_key: str,
    *,
    mn: Optional[str] = None,
    role: Optional[_Role] = None,
    video_webrtc_mode: Optional[bool] = None,
    ttl: SupportsIndex = ...,
    skew: SupportsIndex = ...,
    now: Optional[SupportsIndex] = None,
) -> str: ...

@final
class MeetingSdkVerifier(_Owner):
    def __new__(
        cls, key: Key, sdk_key: Optional[str] = None, *, leeway: SupportsIndex = ..., max_len: SupportsIndex = ...
    ) -> MeetingSdkVerifier: ...
    def verify(self, token: _Token, now: Optional[SupportsIndex] = None) -> Dict[str, Any]: ...

@final
class WebhookVerifier(_Owner):
    def __new__(cls, secret_token: _Data, *, tolerance: SupportsIndex = ...) -> WebhookVerifier: ...
    @property
    def tolerance(self) -> int: ...
    def verify(
        self, timestamp: Union[str, bytes, int], body: _Data, signature: Union[str, bytes], now: Optional[SupportsIndex] = None
    ) -> int: ...
    def url_validation(
        self, timestamp: Union[str, bytes, int], body: _Data, signature: Union[str, bytes], now: Optional[SupportsIndex] = None
    ) -> Dict[str, str]: ...
    def sign(self, timestamp: SupportsIndex, body: _Data) -> str: ...
