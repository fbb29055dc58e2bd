"""Verification: strict HS256 checks by the library, the verified claims as a dict."""

from __future__ import annotations

import json
from typing import Any, Callable, Dict, Iterable, Optional, Union

from . import _args, _native
from ._handle import Handle, Owner, new_handle
from .key import Key, require_key

_lib = _native.lib

Token = Union[str, bytes, bytearray, memoryview]


class Verifier(Owner):
    """Verifies HS256 JWTs under one key and one set of rules (RFC 7515/7519/8725, strictly).

    Every check is the library's: length limit, three segments of canonical base64url, a
    plain HS256 header, the MAC (in constant time, before the payload is read), then the
    claims. ``exp`` is rejected when ``now >= exp + leeway``; ``nbf`` and ``iat`` when they
    are later than ``now + leeway``; a registered claim of the wrong type is always rejected.

    A verifier is configured here, once, and is immutable afterwards: any number of threads
    may use one verifier at once.

    Args:
        key: the :class:`Key` tokens must be signed with.
        leeway: allowance for clock differences, in seconds (default 60).
        issuer: when given, ``iss`` must be present and equal to it.
        audience: when given, ``aud`` must be present and name it; when not, a token that
            carries ``aud`` is rejected (RFC 7519 section 4.1.3).
        required: the names of the claims that must be present, a sequence of ``str``
            (default ``("exp",)``; ``()`` for none). Each name is taken as it is (the library
            refuses an empty one); a name given twice counts once. Claims that are present
            are always checked, required or not.
        max_len: the longest token accepted, in bytes (default 8192), checked before any
            decoding.

    >>> import jwtmint
    >>> key = jwtmint.Key("my-zoom-api-secret-of-36-characters!")
    >>> verifier = jwtmint.Verifier.zoom_api(key, "my-api-key")
    >>> token = jwtmint.mint_api_token("my-api-key", key, now=1700000000)
    >>> verifier.verify(token, now=1700000000)
    {'iss': 'my-api-key', 'iat': 1699999970, 'exp': 1700003570}
    """

    __slots__ = ("_description",)

    def __init__(
        self,
        key: Key,
        *,
        leeway: int = 60,
        issuer: Optional[str] = None,
        audience: Optional[str] = None,
        required: Iterable[str] = ("exp",),
        max_len: int = 8192,
    ) -> None:
        key = require_key(key)
        settings = _Settings(
            leeway=leeway, issuer=issuer, audience=audience, required=required, max_len=max_len
        )
        self._handle = settings.new_verifier(key, _lib.jwtmint_verifier_new)
        self._description = settings.describe()

    @classmethod
    def zoom_api(
        cls,
        key: Key,
        api_key: str,
        *,
        leeway: int = 60,
        max_len: int = 8192,
    ) -> Verifier:
        """The verifier for Zoom API JWTs of one API key: ``iss``, ``iat`` and ``exp``
        required, and ``iss`` must equal ``api_key``."""
        key = require_key(key)
        api = _args.text(api_key, "api_key")
        settings = _Settings(leeway=leeway, max_len=max_len)
        verifier = cls.__new__(cls)
        verifier._handle = settings.new_verifier(
            key,
            lambda key_pointer, out: _lib.jwtmint_verifier_new_zoom_api(
                key_pointer, api, len(api), out
            ),
        )
        verifier._description = f"zoom_api={api_key!r} {settings.describe()}"
        return verifier

    def verify(self, token: Token, now: Optional[int] = None) -> Dict[str, Any]:
        """Verifies ``token`` (``str`` or ``bytes``) at the time ``now`` (seconds since the
        Unix epoch; default: the system clock) and returns its claims, parsed from the
        payload JSON exactly as it was signed, once every check has passed.

        Raises a subclass of :class:`~jwtmint.InvalidToken` naming the first check that
        failed: :class:`~jwtmint.Malformed`, :class:`~jwtmint.InvalidHeader`,
        :class:`~jwtmint.InvalidSignature`, :class:`~jwtmint.Expired`, ...
        """
        data = _args.text_or_bytes(token, "token")
        when = _args.now(now)
        # The payload is never longer than the token: one call suffices, but a too-small
        # buffer is still handled as the C ABI describes.
        payload = self._output(_lib.jwtmint_verifier_verify, len(data) + 1, data, len(data), when)
        # The library checked the payload is UTF-8 JSON; str is parsed faster than bytes.
        claims: Dict[str, Any] = json.loads(payload.decode("utf-8"))
        return claims

    def check(self, token: Token, now: Optional[int] = None) -> None:
        """Verifies ``token`` as :meth:`verify` does, without returning its claims."""
        data = _args.text_or_bytes(token, "token")
        self._call(_lib.jwtmint_verifier_check, data, len(data), _args.now(now))

    def __repr__(self) -> str:
        state = " closed" if self.closed else ""
        return f"<jwtmint.Verifier {self._description}{state}>"


class _Settings:
    """A verifier's options, converted (and type-checked) before the verifier is made."""

    def __init__(
        self,
        *,
        leeway: object,
        max_len: object,
        issuer: object = None,
        audience: object = None,
        required: object = None,
    ) -> None:
        self.leeway = _args.seconds(leeway, "leeway")
        self.max_len = _args.integer(max_len, "max_len", 0, _native.SIZE_MAX)
        self.issuer = _args.optional_text(issuer, "issuer")
        self.audience = _args.optional_text(audience, "audience")
        self.required = None if required is None else _args.claim_names(required, "required")

    def new_verifier(self, key: Key, create: Callable[[int, Any], int]) -> Handle:
        """A verifier made by ``create(key_pointer, out)`` from ``key``, then configured."""
        return key._use(
            lambda key_pointer: new_handle(
                lambda out: create(key_pointer, out),
                _lib.jwtmint_verifier_free,
                "Verifier",
                self._configure,
            )
        )

    def _configure(self, pointer: int) -> int:
        code: int = _lib.jwtmint_verifier_set_leeway(pointer, self.leeway)
        code = code or _lib.jwtmint_verifier_set_max_len(pointer, self.max_len)
        if not code and self.issuer is not None:
            code = _lib.jwtmint_verifier_set_issuer(pointer, self.issuer, len(self.issuer))
        if not code and self.audience is not None:
            code = _lib.jwtmint_verifier_set_audience(pointer, self.audience, len(self.audience))
        if not code and self.required is not None:
            # The list replaces the default: none required, then each name added (the
            # library refuses an empty name; a repeated one changes nothing).
            code = _lib.jwtmint_verifier_clear_required_claims(pointer)
            for name in self.required:
                code = code or _lib.jwtmint_verifier_require_claim(pointer, name, len(name))
        return code

    def describe(self) -> str:
        parts = [f"leeway={self.leeway}", f"max_len={self.max_len}"]
        if self.issuer is not None:
            parts.append(f"issuer={self.issuer.decode('utf-8', 'replace')!r}")
        if self.audience is not None:
            parts.append(f"audience={self.audience.decode('utf-8', 'replace')!r}")
        if self.required is not None:
            names = [name.decode("utf-8", "replace") for name in self.required]
            parts.append(f"required={names!r}")
        return " ".join(parts)
