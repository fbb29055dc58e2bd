"""The HS256 key, built once from a secret."""

from __future__ import annotations

from typing import Union

from . import _args, _native
from ._handle import Handle, Owner, new_handle
from .errors import InvalidArgument

#: The names :meth:`Key.from_encoded` accepts.
SECRET_ENCODINGS = tuple(_native.SECRET_ENCODINGS)

Secret = Union[bytes, bytearray, memoryview, str]


def require_key(key: object, what: str = "key") -> Key:
    if not isinstance(key, Key):
        raise TypeError(f"{what} must be a jwtmint.Key, not {type(key).__name__}")
    return key


class Key(Owner):
    """An HS256 key: the keyed HMAC state derived once from a secret.

    ``Key(secret)`` takes the secret's bytes, or text whose UTF-8 bytes are the secret (what a
    Zoom API secret is). The secret must be at least 32 bytes (RFC 7518 section 3.2), else
    :class:`~jwtmint.WeakSecret` is raised. The library keeps only the derived HMAC state, and
    wipes it on :meth:`close` (or when the key is garbage-collected). Python's own copy of the
    secret (your ``bytes`` or ``str``) is outside the library's reach.

    A key may be shared by any number of threads. Minters and verifiers made from it keep
    their own reference to the native key: closing the key does not affect them.

    >>> import jwtmint
    >>> jwtmint.Key("my-zoom-api-secret-of-36-characters!")
    <jwtmint.Key>
    """

    __slots__ = ()

    def __init__(self, secret: Secret) -> None:
        if isinstance(secret, str):
            # Through the encoded constructor, so that text that is not UTF-8 (lone
            # surrogates) is refused by the library rather than turned into bytes here.
            self._handle = _new_encoded(secret.encode("utf-8", "surrogatepass"), "utf8")
            return
        if not isinstance(secret, (bytes, bytearray, memoryview)):
            raise TypeError(f"secret must be bytes or str, not {type(secret).__name__}")
        data = bytes(secret)
        self._handle = new_handle(
            lambda out: _native.lib.jwtmint_key_new(data, len(data), out),
            _native.lib.jwtmint_key_free,
            "Key",
        )

    @classmethod
    def from_encoded(cls, text: Union[str, bytes], encoding: str = "utf8") -> Key:
        """A key from secret text in an encoding: ``"utf8"`` (the text's bytes, as
        ``Key(text)``), ``"hex"`` (either case), ``"base64"`` or ``"base64url"`` (padding
        optional), or ``"jsrsasign"``: the way Zoom's Node.js samples (jsrsasign) read a
        secret string, for secrets used with them (an even-length all-hex text is decoded as
        hex; any other text gives the low byte of each UTF-16 code unit, so characters above
        U+00FF lose their high byte). The decoded secret must be at least 32 bytes.

        Raises :class:`~jwtmint.InvalidSecretEncoding` when the text is not valid in
        ``encoding``, :class:`~jwtmint.WeakSecret` when the secret is too short.

        >>> import jwtmint
        >>> jwtmint.Key.from_encoded("00112233445566778899aabbccddeeff" * 2, "hex")
        <jwtmint.Key>
        """
        data = _args.text_or_bytes(text, "text")
        key = cls.__new__(cls)
        key._handle = _new_encoded(data, encoding)
        return key

    def __repr__(self) -> str:
        # Never the secret.
        return "<jwtmint.Key closed>" if self.closed else "<jwtmint.Key>"


def _new_encoded(data: bytes, encoding: object) -> Handle:
    if not isinstance(encoding, str):
        raise TypeError(f"encoding must be a str, not {type(encoding).__name__}")
    number = _native.SECRET_ENCODINGS.get(encoding, _native.SECRET_ENCODING_ALIASES.get(encoding))
    if number is None:
        raise InvalidArgument(
            _native.INVALID_ARGUMENT,
            f"unknown secret encoding {encoding!r}: expected one of {', '.join(SECRET_ENCODINGS)}",
        )
    return new_handle(
        lambda out: _native.lib.jwtmint_key_new_encoded(data, len(data), number, out),
        _native.lib.jwtmint_key_free,
        "Key",
    )
