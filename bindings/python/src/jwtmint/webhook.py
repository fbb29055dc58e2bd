"""Zoom webhooks: request signatures (x-zm-signature) and the URL validation challenge."""

from __future__ import annotations

import ctypes
import json
from typing import Dict, Optional, Tuple, Union

from . import _args, _native
from ._handle import Owner, new_handle

_lib = _native.lib

Data = Union[bytes, bytearray, memoryview, str]
Timestamp = Union[str, bytes, int]
Signature = Union[str, bytes]


def _timestamp(value: object) -> bytes:
    """The x-zm-request-timestamp header value; an int is written in decimal."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value).encode("ascii")
    return _args.text_or_bytes(value, "timestamp")


def _request(
    timestamp: object, body: object, signature: object, now: object
) -> Tuple[bytes, int, bytes, int, bytes, int, int]:
    """A request's arguments as the C functions take them: each text with its length, then
    ``now``."""
    stamp = _timestamp(timestamp)
    data = _args.text_or_bytes(body, "body")
    mac = _args.text_or_bytes(signature, "signature")
    return (stamp, len(stamp), data, len(data), mac, len(mac), _args.now(now))


class WebhookVerifier(Owner):
    """Checks Zoom webhook requests for one app's webhook secret token: the
    ``x-zm-signature`` header (``v0=`` and the hex HMAC-SHA256 of ``v0:<timestamp>:<body>``,
    compared in constant time) and the ``x-zm-request-timestamp`` header (within
    ``tolerance`` seconds of now, either way).

    Immutable once made; any number of threads may share one. The library keeps only the
    HMAC state derived from the secret, and wipes it on :meth:`close`.

    Args:
        secret_token: the app's webhook secret token, as Zoom shows it (str or bytes; any
            length but 0).
        tolerance: how far the request's timestamp may be from now, in seconds (default
            300). Replays are accepted within this window: keep it short.

    >>> import jwtmint
    >>> webhook = jwtmint.WebhookVerifier("ZOOM_WEBHOOK_SECRET_TOKEN")
    >>> body = b'{"event":"meeting.started","payload":{}}'
    >>> signature = webhook.sign(1700000000, body)
    >>> webhook.verify("1700000000", body, signature, now=1700000010)
    1700000000
    """

    __slots__ = ("_tolerance",)

    def __init__(
        self,
        secret_token: Data,
        *,
        tolerance: int = _native.DEFAULT_WEBHOOK_TOLERANCE,
    ) -> None:
        secret = _args.text_or_bytes(secret_token, "secret_token")
        seconds = _args.seconds(tolerance, "tolerance")
        self._handle = new_handle(
            lambda out: _lib.jwtmint_webhook_new(secret, len(secret), out),
            _lib.jwtmint_webhook_free,
            "WebhookVerifier",
            lambda pointer: _lib.jwtmint_webhook_set_tolerance(pointer, seconds),
        )
        self._tolerance = seconds

    @property
    def tolerance(self) -> int:
        """How far, in seconds, a request's timestamp may be from now."""
        return self._tolerance

    def verify(
        self, timestamp: Timestamp, body: Data, signature: Signature, now: Optional[int] = None
    ) -> int:
        """Checks a request: its ``x-zm-request-timestamp`` header value, its raw body
        (exactly the bytes received: pass ``bytes``; a ``str`` is encoded as UTF-8) and its
        ``x-zm-signature`` header value, at the time ``now`` (default: the system clock).
        Returns the request's timestamp.

        Raises :class:`~jwtmint.ZoomError` (620-625) naming the first check that failed.
        """
        request = _request(timestamp, body, signature, now)
        out = ctypes.c_uint64()
        self._call(_lib.jwtmint_webhook_verify, *request, ctypes.byref(out))
        return out.value

    def url_validation(
        self, timestamp: Timestamp, body: Data, signature: Signature, now: Optional[int] = None
    ) -> Dict[str, str]:
        """Answers Zoom's ``endpoint.url_validation`` challenge: checks the request as
        :meth:`verify` does, reads the body strictly, and returns the response body,
        ``{"plainToken": ..., "encryptedToken": <hex HMAC-SHA256 of plainToken>}``, to send
        as JSON with status 200.

        Raises :class:`~jwtmint.ZoomError`: 620-625 as :meth:`verify`, 626 for a body that is
        not a JSON object with unique names, 627 for another event, 628 for a missing or
        empty ``plainToken``.
        """
        request = _request(timestamp, body, signature, now)
        # plainToken (escaped at worst 6 bytes per byte of the body), 64 hex digits, names.
        capacity = 6 * request[3] + 128
        response = self._output(_lib.jwtmint_webhook_url_validation, capacity, *request)
        answer: Dict[str, str] = json.loads(response.decode("utf-8"))
        return answer

    def sign(self, timestamp: int, body: Data) -> str:
        """The ``x-zm-signature`` value of a request with this timestamp (seconds since the
        epoch) and raw body: ``v0=`` and 64 lower-case hex digits. For tests and senders."""
        stamp = _args.seconds(timestamp, "timestamp")
        data = _args.text_or_bytes(body, "body")
        signature = self._output(
            _lib.jwtmint_webhook_sign, _native.WEBHOOK_SIGNATURE_LEN + 1, stamp, data, len(data)
        )
        return signature.decode("ascii")

    def __repr__(self) -> str:
        state = " closed" if self.closed else ""
        return f"<jwtmint.WebhookVerifier tolerance={self._tolerance}{state}>"
