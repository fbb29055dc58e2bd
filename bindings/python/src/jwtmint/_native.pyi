# Types of the extension module jwtmint._native (Rust, PyO3: bindings/python/rust/). The
# docstrings live in the Rust sources and are shown by help(); this file is for type checkers.
from types import TracebackType
from typing import Any, Dict, Iterable, Mapping, Optional, SupportsIndex, Tuple, Type, TypeVar, Union, final

_T = TypeVar("_T")
Secret = Union[bytes, bytearray, memoryview, str]
Token = Union[str, bytes, bytearray, memoryview]
Data = Union[bytes, bytearray, memoryview, str]
Role = Union[int, str]

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
    def __init__(self, secret: Secret) -> None: ...
    @classmethod
    def from_encoded(cls, text: Union[str, bytes], encoding: str = "utf8") -> Key: ...

@final
class ApiTokenMinter(_Owner):
    def __init__(self, api_key: str, key: Key, *, skew: SupportsIndex = 30, ttl: SupportsIndex = 3600) -> None: ...
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
    def __init__(self, minter: ApiTokenMinter, *, refresh_margin: SupportsIndex = 60) -> None: ...
    def token(self, now: Optional[SupportsIndex] = None) -> str: ...
    def clear(self) -> None: ...
    @property
    def mint_count(self) -> int: ...
    @property
    def refresh_margin(self) -> int: ...

def mint_api_token(
    api_key: str,
    secret: Union[Key, Secret],
    *,
    now: Optional[SupportsIndex] = None,
    skew: SupportsIndex = 30,
    ttl: SupportsIndex = 3600,
) -> str: ...
def mint(key: Key, claims: Mapping[Any, Any]) -> str: ...

@final
class Verifier(_Owner):
    def __init__(
        self,
        key: Key,
        *,
        leeway: SupportsIndex = 60,
        issuer: Optional[str] = None,
        audience: Optional[str] = None,
        required: Optional[Iterable[str]] = None,
        max_len: SupportsIndex = 8192,
    ) -> None: ...
    @staticmethod
    def zoom_api(key: Key, api_key: str, *, leeway: SupportsIndex = 60, max_len: SupportsIndex = 8192) -> Verifier: ...
    def verify(self, token: Token, now: Optional[SupportsIndex] = None) -> Dict[str, Any]: ...
    def check(self, token: Token, now: Optional[SupportsIndex] = None) -> None: ...

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
    ttl: SupportsIndex = 7200,
    skew: SupportsIndex = 30,
    now: Optional[SupportsIndex] = None,
) -> str: ...
def videosdk_tpc_notes(tpc: str) -> int: ...

@final
class VideoSdkVerifier(_Owner):
    def __init__(self, key: Key, app_key: str, *, leeway: SupportsIndex = 60, max_len: SupportsIndex = 8192) -> None: ...
    def verify(self, token: Token, now: Optional[SupportsIndex] = None) -> Dict[str, Any]: ...

def mint_meetingsdk_token(
    key: Key,
    sdk_key: str,
    *,
    mn: Optional[str] = None,
    role: Optional[Role] = None,
    video_webrtc_mode: Optional[bool] = None,
    ttl: SupportsIndex = 7200,
    skew: SupportsIndex = 30,
    now: Optional[SupportsIndex] = None,
) -> str: ...

@final
class MeetingSdkVerifier(_Owner):
    def __init__(
        self, key: Key, sdk_key: Optional[str] = None, *, leeway: SupportsIndex = 60, max_len: SupportsIndex = 8192
    ) -> None: ...
    def verify(self, token: Token, now: Optional[SupportsIndex] = None) -> Dict[str, Any]: ...

@final
class WebhookVerifier(_Owner):
    def __init__(self, secret_token: Data, *, tolerance: SupportsIndex = 300) -> None: ...
    @property
    def tolerance(self) -> int: ...
    def verify(
        self, timestamp: Union[str, bytes, int], body: Data, signature: Union[str, bytes], now: Optional[SupportsIndex] = None
    ) -> int: ...
    def url_validation(
        self, timestamp: Union[str, bytes, int], body: Data, signature: Union[str, bytes], now: Optional[SupportsIndex] = None
    ) -> Dict[str, str]: ...
    def sign(self, timestamp: SupportsIndex, body: Data) -> str: ...
