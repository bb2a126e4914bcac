"""Tolerance for real-world and hostile certificates.

cryptography decodes names, extensions, keys and versions lazily: each can raise
(:data:`DECODE_ERRORS`) and some warn (a serial number that is not positive, as in 9
of the 144 roots of Java's cacerts; an empty ``C=``). keymon decodes inside
:func:`decoding`, which turns those warnings into notes shown with the certificate,
so that no Python warning ever reaches a user's terminal.
"""

from __future__ import annotations

import threading
import warnings
from typing import Any

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.utils import CryptographyDeprecationWarning

#: What a lazily decoded certificate field can raise on crafted input.
DECODE_ERRORS: tuple[type[Exception], ...] = (
    ValueError,
    TypeError,
    x509.DuplicateExtension,
    x509.UnsupportedGeneralNameType,
    UnsupportedAlgorithm,
    x509.InvalidVersion,
)

#: An extension that is absent or cannot be decoded (for ``get_extension_for_class``).
NO_EXTENSION: tuple[type[Exception], ...] = (x509.ExtensionNotFound, *DECODE_ERRORS)

_NOTES = {
    "Parsed a serial number which wasn't positive": (
        "The serial number is not positive, which RFC 5280 forbids."
    ),
    "Attribute's length must be": "A name attribute has a length its type does not allow",
}

# catch_warnings swaps process-wide state: one decoder at a time (GUI workers are threads).
_LOCK = threading.RLock()
#: ``log``: the warnings list of the :class:`decoding_scope` open on this thread, if any.
_SCOPE = threading.local()


def _note(message: str) -> str:
    for start, sentence in _NOTES.items():
        if message.startswith(start):
            return sentence if sentence.endswith(".") else f"{sentence} ({message})."
    return f"cryptography warns: {message.rstrip('.')}."


class decoding:  # used as a function: ``with decoding() as notes:``
    """Collect cryptography's warnings raised in the block as notes (one sentence each).

    The list is filled when the block ends; other warnings are passed on unchanged.
    A class rather than a generator, with one filter (cryptography's deprecation warning
    is a UserWarning): certificates are decoded in it tens of thousands of times a listing.
    Inside a :class:`decoding_scope` the block shares the scope's catcher.
    """

    __slots__ = ("_catcher", "_caught", "_mark", "notes")
    _caught: list[warnings.WarningMessage]

    def __init__(self) -> None:
        self.notes: list[str] = []

    def __enter__(self) -> list[str]:
        _LOCK.acquire()
        try:
            shared = getattr(_SCOPE, "log", None)
            if shared is not None:  # the scope's catcher records this block's warnings too
                self._catcher, self._caught, self._mark = None, shared, len(shared)
                return self.notes
            self._catcher = warnings.catch_warnings(
                record=True, action="always", category=UserWarning
            )
            self._caught = self._catcher.__enter__()
            self._mark = 0
        except BaseException:
            _LOCK.release()
            raise
        return self.notes

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        try:
            others = []
            try:
                for w in self._caught[self._mark :]:
                    if issubclass(w.category, UserWarning):
                        note = _note(str(w.message))
                        if note not in self.notes:
                            self.notes.append(note)
                    else:
                        others.append(w)
            finally:
                if self._catcher is not None:
                    self._catcher.__exit__(None, None, None)
                else:
                    del self._caught[self._mark :]
            if kind is not None:  # as a generator's code after yield: not reached
                return
            if self._catcher is None:
                self._caught.extend(others)  # the scope passes them on
                return
            for w in others:
                warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
        finally:
            _LOCK.release()


class decoding_scope:  # a context like decoding()
    """Many certificates decoded in a row on one thread (a command-line listing): every
    :class:`decoding` block inside shares this one warnings catcher instead of installing
    its own (a few microseconds each, three times per certificate for ``list --json``).

    It holds the decoding lock throughout, so other threads wait to decode: not for the
    window, nor around code that waits for threads that decode. Warnings that no block
    claims are passed on when the scope ends. A scope inside a scope does nothing.
    """

    __slots__ = ("_catcher",)

    def __enter__(self) -> None:
        _LOCK.acquire()
        self._catcher = None
        if getattr(_SCOPE, "log", None) is not None:
            return
        try:
            catcher = warnings.catch_warnings(record=True, action="always", category=UserWarning)
            _SCOPE.log = catcher.__enter__()
            self._catcher = catcher
        except BaseException:
            _LOCK.release()
            raise

    def __exit__(self, *exc: object) -> None:
        try:
            if self._catcher is None:
                return
            log, _SCOPE.log = _SCOPE.log, None
            self._catcher.__exit__(None, None, None)
            registry: dict[Any, Any] = {}  # shown once per text and place, as by default
            for w in log:
                warnings.warn_explicit(
                    w.message, w.category, w.filename, w.lineno, registry=registry
                )
        finally:
            _LOCK.release()


def tolerate_legacy_certificates() -> None:
    """A safety net for the GUI and tools: never print a cryptography warning.

    keymon.core decodes inside :func:`decoding`, so nothing should escape; the GUI
    calls this in case a view decodes something itself. The CLI does not: its
    paths are covered by tests that fail on any escaped warning.
    """
    warnings.filterwarnings("ignore", category=CryptographyDeprecationWarning)
    warnings.filterwarnings("ignore", message="Attribute's length must be", category=UserWarning)
