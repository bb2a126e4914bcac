"""The one cancellation primitive: a :class:`CancelToken` set from any thread, checked by work.

Long work (key derivation, key generation, a TLS probe, deriving table rows) takes a
token and calls ``raise_if_cancelled()`` between steps; that raises :class:`Cancelled`,
a KeymonError, so a cancel travels like any other outcome and is never taken for damage.
Work that blocks (a socket) registers ``on_cancel`` to be woken at once. A token made
with ``parent=`` is cancelled when its parent is (a panel's Stop and the window's close).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Protocol

from keymon.core.errors import KeymonError


class Cancelled(KeymonError):
    """The work was cancelled by the user (exit code 130, as for Ctrl+C)."""

    exit_code = 130

    def __init__(self, message: str = "The operation was cancelled.") -> None:
        super().__init__(message)


class CancelCheck(Protocol):
    """What work needs of a token: a check that raises :class:`Cancelled`."""

    def raise_if_cancelled(self) -> None: ...


class CancelToken:
    """A thread-safe flag: ``cancel()`` from anywhere, ``raise_if_cancelled()`` in the work."""

    def __init__(self, parent: CancelToken | None = None) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._callbacks: list[Callable[[], None]] = []
        if parent is not None:
            parent.on_cancel(self.cancel)

    def cancel(self) -> None:
        """Set the flag and call every ``on_cancel`` callback once (in this thread)."""
        with self._lock:
            if self._event.is_set():
                return
            self._event.set()
            callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            with contextlib.suppress(OSError):  # e.g. a socket closed meanwhile
                callback()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise self.error()

    def error(self) -> Cancelled:
        """The exception a cancel raises (subclasses name their work)."""
        return Cancelled()

    def wait(self, timeout: float | None = None) -> bool:
        """Sleep up to ``timeout`` seconds, waking early on cancel; True if cancelled."""
        return self._event.wait(timeout)

    def on_cancel(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` on cancel (at once if already cancelled)."""
        with self._lock:
            if not self._event.is_set():
                self._callbacks.append(callback)
                return
        callback()

    def forget(self, callback: Callable[[], None]) -> None:
        """Stop calling ``callback`` on cancel."""
        with self._lock, contextlib.suppress(ValueError):
            self._callbacks.remove(callback)
