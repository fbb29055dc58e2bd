"""Minting: Zoom API JWTs (with a reusable minter) and tokens of arbitrary claims."""

from __future__ import annotations

import ctypes
import json
from typing import Any, Mapping, Optional, Union

from . import _args, _native
from ._buffers import token_capacity
from ._handle import Owner, new_handle
from .errors import InvalidInput
from .key import Key, Secret, require_key

_lib = _native.lib


class ApiTokenMinter(Owner):
    """Mints Zoom API JWTs for one API key and secret, as Zoom's Node.js sample does:
    header ``{"alg":"HS256","typ":"JWT"}``, payload ``{"iss":api_key,"iat":now-skew,
    "exp":iat+ttl}``, byte for byte.

    The header, the start of the payload and the HMAC state over them are computed once,
    here; each :meth:`mint` then costs little. A minter may be shared by any number of
    threads.

    Args:
        api_key: the Zoom API key (the token's ``iss``).
        key: the :class:`Key` made from the API secret.
        skew: seconds to backdate ``iat`` by, to absorb clock differences (default 30).
        ttl: the token's lifetime, ``exp - iat``, in seconds (default 3600).

    >>> import jwtmint
    >>> key = jwtmint.Key("my-zoom-api-secret-of-36-characters!")
    >>> minter = jwtmint.ApiTokenMinter("my-api-key", key)
    >>> token = minter.mint(now=1700000000)
    >>> token.split(".")[1]  # {"iss":"my-api-key","iat":1699999970,"exp":1700003570}
    'eyJpc3MiOiJteS1hcGkta2V5IiwiaWF0IjoxNjk5OTk5OTcwLCJleHAiOjE3MDAwMDM1NzB9'
    """

    __slots__ = ("_api_key", "_skew", "_ttl", "_capacity", "_buffer_type")

    def __init__(
        self,
        api_key: str,
        key: Key,
        *,
        skew: int = _native.DEFAULT_SKEW,
        ttl: int = _native.DEFAULT_TTL,
    ) -> None:
        api = _args.text(api_key, "api_key")
        key = require_key(key)
        self._skew = _args.seconds(skew, "skew")
        self._ttl = _args.seconds(ttl, "ttl")
        self._api_key = api_key
        self._handle = key._use(
            lambda key_pointer: new_handle(
                lambda out: _lib.jwtmint_api_minter_new(
                    key_pointer, api, len(api), self._skew, self._ttl, out
                ),
                _lib.jwtmint_api_minter_free,
                "ApiTokenMinter",
            )
        )
        self._capacity: int = self._use(_lib.jwtmint_api_minter_max_token_len) + 1
        # Room for the longest token and its NUL: one call always suffices.
        self._buffer_type = ctypes.c_char * self._capacity

    @property
    def api_key(self) -> str:
        """The API key, the tokens' ``iss``."""
        return self._api_key

    @property
    def skew(self) -> int:
        """Seconds ``iat`` is backdated by."""
        return self._skew

    @property
    def ttl(self) -> int:
        """The tokens' lifetime, ``exp - iat``, in seconds."""
        return self._ttl

    @property
    def max_token_len(self) -> int:
        """The longest token this minter can produce, in bytes."""
        return self._capacity - 1

    def mint(self, now: Optional[int] = None) -> str:
        """A Zoom API JWT for the time ``now`` (seconds since the Unix epoch; default: the
        system clock).

        Raises :class:`~jwtmint.InvalidArgument` when ``skew >= ttl`` (every token would be
        born expired), :class:`~jwtmint.TimeOverflow` when ``now - skew`` or ``iat + ttl``
        overflows.
        """
        when = _args.now(now)
        buffer = self._buffer_type()
        out_len = ctypes.c_size_t()
        self._call(_lib.jwtmint_api_minter_mint, when, buffer, self._capacity, ctypes.byref(out_len))
        # The buffer has room for the NUL the library writes after the token (a token is
        # base64url and dots: it holds no NUL), so .value is the token.
        token: bytes = buffer.value
        return token.decode("ascii")

    def __repr__(self) -> str:
        state = " closed" if self.closed else ""
        return (
            f"<jwtmint.ApiTokenMinter api_key={self._api_key!r} skew={self._skew} "
            f"ttl={self._ttl}{state}>"
        )


def mint_api_token(
    api_key: str,
    secret: Union[Key, Secret],
    *,
    now: Optional[int] = None,
    skew: int = _native.DEFAULT_SKEW,
    ttl: int = _native.DEFAULT_TTL,
) -> str:
    """One Zoom API JWT, without keeping a minter: see :class:`ApiTokenMinter` for the
    token and the arguments. ``secret`` is a :class:`Key`, or the secret itself (bytes, or
    text whose UTF-8 bytes are the secret).

    Prefer an :class:`ApiTokenMinter` to mint more than once: this function redoes the
    per-key work (and, given a secret, derives the key) on every call.

    >>> import jwtmint
    >>> secret = "my-zoom-api-secret-of-36-characters!"
    >>> jwtmint.mint_api_token("my-api-key", secret, now=1700000000).split(".")[2]
    '0SatvsjV2SZUTxJbzAMWF4IqnnexyzOdzJRYobX3xuY'
    """
    api = _args.text(api_key, "api_key")
    when = _args.now(now)
    skew = _args.seconds(skew, "skew")
    ttl = _args.seconds(ttl, "ttl")
    key = secret if isinstance(secret, Key) else Key(secret)
    # The payload's longest form: every API key byte escaped as \\u00XX, two 20-digit times.
    capacity = token_capacity(len('{"iss":"","iat":,"exp":}') + 6 * len(api) + 40)
    try:
        token = key._output(_lib.jwtmint_mint_api_token, capacity, api, len(api), when, skew, ttl)
    finally:
        if key is not secret:
            key.close()
    return token.decode("ascii")


def mint(key: Key, claims: Mapping[str, Any]) -> str:
    """An HS256 JWT whose payload is ``claims``, as compact JSON, under the header
    ``{"alg":"HS256","typ":"JWT"}``.

    The claims are serialized with ``json.dumps(claims, separators=(",", ":"),
    ensure_ascii=False, allow_nan=False)`` and the library signs exactly those bytes, after
    checking them with the verifier's rules: a member named twice (``{1: .., "1": ..}``)
    raises :class:`~jwtmint.Malformed`, a registered claim of the wrong type (``"exp":
    "soon"``) :class:`~jwtmint.MalformedClaim`. Nothing is added: include ``exp`` if the
    verifier requires it (the default verifier does).

    Raises ``TypeError`` for claims that are not a mapping or hold values ``json`` cannot
    serialize; :class:`~jwtmint.InvalidInput` (code 107) for NaN or infinite floats and
    circular references.

    >>> import jwtmint
    >>> key = jwtmint.Key("my-zoom-api-secret-of-36-characters!")
    >>> token = jwtmint.mint(key, {"sub": "user-1", "exp": 2000000000})
    >>> jwtmint.Verifier(key).verify(token, now=1700000000)
    {'sub': 'user-1', 'exp': 2000000000}
    """
    key = require_key(key)
    if not isinstance(claims, Mapping):
        raise TypeError(f"claims must be a dict (a mapping), not {type(claims).__name__}")
    try:
        text = json.dumps(
            claims if isinstance(claims, dict) else dict(claims),
            separators=(",", ":"),
            ensure_ascii=False,
            allow_nan=False,
        )
    except ValueError as error:
        raise InvalidInput(_native.SERIALIZE, f"the claims cannot be serialized: {error}") from error
    # surrogatepass: a lone surrogate becomes bytes the library refuses as invalid JSON.
    payload = text.encode("utf-8", "surrogatepass")
    token = key._output(_lib.jwtmint_mint_json, token_capacity(len(payload)), payload, len(payload))
    return token.decode("ascii")
