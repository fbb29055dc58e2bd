"""Ownership of one C handle (key, minter or verifier): freed exactly once, never while in use.

The C ABI says a handle must not be freed while another thread uses it. Python code cannot be
trusted to ensure that (``close()`` on one thread while another mints), so each call borrows
the handle: borrowing counts the call in, returning counts it out, and ``close()`` only frees
the handle once no call is in flight (or leaves that to the last call out). After ``close()``
every new borrow raises ``ValueError``, like a closed file.

:class:`Owner` also carries the calls every public class makes through its handle (a result
code turned into an exception, an output buffer filled), so each class states only which C
function it calls with which arguments.
"""

from __future__ import annotations

import ctypes
import threading
from typing import Any, Callable, NoReturn, Optional, TypeVar

from ._buffers import into_buffer
from .errors import from_code

_Self = TypeVar("_Self", bound="Owner")
_T = TypeVar("_T")


class Handle:
    """One owned C handle and the function that frees it."""

    __slots__ = ("_pointer", "_free", "_kind", "_lock", "_borrowers", "_closed")

    def __init__(self, pointer: int, free: Callable[[int], None], kind: str) -> None:
        self._pointer: Optional[int] = pointer
        self._free = free
        self._kind = kind
        self._lock = threading.Lock()
        self._borrowers = 0
        self._closed = False

    @property
    def closed(self) -> bool:
        return self._closed

    # borrow() and give_back() run around every call: explicit acquire()/release() rather
    # than `with`, which costs twice as much.
    def borrow(self) -> int:
        """The pointer, counted in as in use until :meth:`give_back`."""
        lock = self._lock
        lock.acquire()
        if self._closed:
            lock.release()
            raise ValueError(f"this {self._kind} is closed")
        self._borrowers += 1
        pointer = self._pointer
        lock.release()
        return pointer  # type: ignore[return-value]

    def give_back(self) -> None:
        """Ends a borrow; frees the handle if it was closed meanwhile and this was the last."""
        lock = self._lock
        lock.acquire()
        self._borrowers -= 1
        if self._borrowers or not self._closed:
            lock.release()
            return
        pointer, self._pointer = self._pointer, None
        lock.release()
        self._release(pointer)

    def close(self) -> None:
        """Frees the handle now, or when the calls in flight end. Idempotent."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            if self._borrowers:
                return
            pointer, self._pointer = self._pointer, None
        self._release(pointer)

    def _release(self, pointer: Optional[int]) -> None:
        if pointer:
            self._free(pointer)

    def __del__(self) -> None:
        # Nothing can be borrowing: every borrower holds a reference to this object.
        # getattr: __init__ may not have run to the end.
        pointer = getattr(self, "_pointer", None)
        if pointer:
            self._pointer = None
            try:
                self._free(pointer)
            except Exception:  # pragma: no cover - interpreter shutdown
                pass

    def __reduce__(self) -> NoReturn:
        raise TypeError(f"a jwtmint {self._kind} cannot be pickled or copied")


def new_handle(
    create: Callable[[Any], int],
    free: Callable[[int], None],
    kind: str,
    configure: Optional[Callable[[int], int]] = None,
) -> Handle:
    """Calls a ``jwtmint_*_new`` function (given the out-pointer) and owns what it made; then
    ``configure(pointer)``, the setters' calls, which are safe because nothing shares the new
    object yet. A failure code of either raises its exception (the new object freed first)."""
    out = ctypes.c_void_p()
    code = create(ctypes.byref(out))
    if code:
        raise from_code(code)
    if not out.value:  # pragma: no cover - the C ABI writes a handle on success
        raise RuntimeError(f"libjwtmint returned no {kind}")
    handle = Handle(out.value, free, kind)
    code = configure(out.value) if configure is not None else 0
    if code:
        handle.close()
        raise from_code(code)
    return handle


class Owner:
    """Base of the public classes that own a handle: ``close()``, ``closed``, ``with``.

    The objects are immutable, so copying one returns the object itself; pickling is refused
    (the C state cannot leave the process).
    """

    __slots__ = ("_handle", "__weakref__")

    _handle: Handle

    def close(self) -> None:
        """Releases the native object now (a key's material is wiped). Idempotent; calls
        already running finish first. Any later use raises ``ValueError``."""
        self._handle.close()

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` has been called."""
        return self._handle.closed

    def _use(self, use: Callable[[int], _T]) -> _T:
        """``use(pointer)`` with the handle borrowed for the duration of the call."""
        handle = self._handle
        pointer = handle.borrow()
        try:
            return use(pointer)
        finally:
            handle.give_back()

    def _call(self, function: Callable[..., int], *args: Any) -> None:
        """``function(pointer, *args)`` with the handle borrowed; raises for a failure code."""
        handle = self._handle
        pointer = handle.borrow()
        try:
            code = function(pointer, *args)
        finally:
            handle.give_back()
        if code:
            raise from_code(code)

    def _output(self, function: Callable[..., int], capacity: int, *args: Any) -> bytes:
        """What ``function(pointer, *args, out, cap, out_len)`` writes, with the handle
        borrowed: a first buffer of ``capacity`` bytes, retried once at the size the library
        asks for."""
        handle = self._handle
        pointer = handle.borrow()
        try:
            return into_buffer(
                lambda buffer, cap, out_len: function(pointer, *args, buffer, cap, out_len),
                capacity,
            )
        finally:
            handle.give_back()

    def __enter__(self: _Self) -> _Self:
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()

    def __copy__(self: _Self) -> _Self:
        return self

    def __deepcopy__(self: _Self, memo: Any) -> _Self:
        return self

    def __reduce__(self) -> NoReturn:
        raise TypeError(f"{type(self).__name__} cannot be pickled")
