"""Ownership of one C handle (key, minter or verifier): freed exactly once, never while in use.

The C ABI says a handle must not be freed while another thread uses it. Python code cannot be
trusted to ensure that (``close()`` on one thread while another mints), so each call borrows
the handle: borrowing counts the call in, returning counts it out, and ``close()`` only frees
the handle once no call is in flight (or leaves that to the last call out). After ``close()``
every new borrow raises ``ValueError``, like a closed file.
"""

from __future__ import annotations

import threading
from typing import Any, Callable, NoReturn, Optional, TypeVar

_Self = TypeVar("_Self", bound="Owner")


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
