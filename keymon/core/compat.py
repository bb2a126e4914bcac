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
    """

    __slots__ = ("_catcher", "_caught", "notes")

    def __init__(self) -> None:
        self.notes: list[str] = []

    def __enter__(self) -> list[str]:
        _LOCK.acquire()
        try:
            self._catcher = warnings.catch_warnings(
                record=True, action="always", category=UserWarning
            )
            self._caught: list[warnings.WarningMessage] = self._catcher.__enter__()
        except BaseException:
            _LOCK.release()
            raise
        return self.notes

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        try:
            others = []
            try:
                for w in self._caught:
                    if issubclass(w.category, UserWarning):
                        note = _note(str(w.message))
                        if note not in self.notes:
                            self.notes.append(note)
                    else:
                        others.append(w)
            finally:
                self._catcher.__exit__(None, None, None)
            for w in others if kind is None else ():  # as a generator's code after yield
                warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
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
