"""The Zoom API token cache: one token per refresh window, shared by every caller."""

from __future__ import annotations

import ctypes
from typing import Optional

from . import _args, _native
from ._handle import Owner, new_handle
from .mint import ApiTokenMinter

_lib = _native.lib


class ApiTokenCache(Owner):
    """Hands out the current Zoom API JWT of one minter, minting a new one only when the
    current one is within ``refresh_margin`` seconds of its ``exp`` (or was issued after the
    ``now`` asked about).

    Thread-safe: when the token is stale, one caller mints while the others wait for its
    token, so there is one mint per refresh window however many threads ask.

    Args:
        minter: the :class:`ApiTokenMinter` to mint with. The cache keeps its own copy: the
            minter may be closed afterwards.
        refresh_margin: seconds before ``exp`` at which a new token is minted (default 60).
            The minter's skew plus this margin must be less than its ttl, else
            :class:`~jwtmint.InvalidArgument`.

    >>> import jwtmint
    >>> key = jwtmint.Key("my-zoom-api-secret-of-36-characters!")
    >>> cache = jwtmint.ApiTokenCache(jwtmint.ApiTokenMinter("my-api-key", key))
    >>> cache.token(now=1700000000) == cache.token(now=1700003000)
    True
    >>> cache.mint_count
    1
    """

    __slots__ = ("_capacity", "_refresh_margin")

    def __init__(
        self, minter: ApiTokenMinter, *, refresh_margin: int = _native.DEFAULT_REFRESH_MARGIN
    ) -> None:
        if not isinstance(minter, ApiTokenMinter):
            raise TypeError(
                f"minter must be a jwtmint.ApiTokenMinter, not {type(minter).__name__}"
            )
        margin = _args.seconds(refresh_margin, "refresh_margin")
        self._handle = minter._use(
            lambda minter_pointer: new_handle(
                lambda out: _lib.jwtmint_api_token_cache_new(minter_pointer, margin, out),
                _lib.jwtmint_api_token_cache_free,
                "ApiTokenCache",
            )
        )
        self._capacity = minter.max_token_len + 1
        self._refresh_margin = margin

    @property
    def refresh_margin(self) -> int:
        """Seconds before ``exp`` at which a new token is minted."""
        return self._refresh_margin

    @property
    def mint_count(self) -> int:
        """How many tokens the cache has minted so far."""
        count: int = self._use(_lib.jwtmint_api_token_cache_mint_count)
        return count

    def token(self, now: Optional[int] = None) -> str:
        """The token to use at the time ``now`` (default: the system clock): the cached one
        while it is fresh, else a new one, which is cached."""
        when = _args.now(now)
        buffer = ctypes.create_string_buffer(self._capacity)
        out_len = ctypes.c_size_t()
        self._call(
            _lib.jwtmint_api_token_cache_token, when, buffer, self._capacity, ctypes.byref(out_len)
        )
        return ctypes.string_at(buffer, out_len.value).decode("ascii")

    def clear(self) -> None:
        """Forgets the cached token, so that the next :meth:`token` mints a new one (for
        example after Zoom refused the cached one)."""
        self._call(_lib.jwtmint_api_token_cache_clear)

    def __repr__(self) -> str:
        state = " closed" if self.closed else ""
        return f"<jwtmint.ApiTokenCache refresh_margin={self._refresh_margin}{state}>"
