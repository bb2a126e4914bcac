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
from collections.abc import Iterator
from contextlib import contextmanager

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


@contextmanager
def decoding() -> Iterator[list[str]]:
    """Collect cryptography's warnings raised in the block as notes (one sentence each).

    The list is filled when the block ends; other warnings are passed on unchanged.
    """
    notes: list[str] = []
    with _LOCK:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", CryptographyDeprecationWarning)
            warnings.simplefilter("always", UserWarning)
            try:
                yield notes
            finally:
                others = []
                for w in caught:
                    if issubclass(w.category, (CryptographyDeprecationWarning, UserWarning)):
                        note = _note(str(w.message))
                        if note not in notes:
                            notes.append(note)
                    else:
                        others.append(w)
        for w in others:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)


def tolerate_legacy_certificates() -> None:
    """A safety net for the GUI and tools: never print a cryptography warning.

    keymon.core decodes inside :func:`decoding`, so nothing should escape; the GUI
    calls this in case a view decodes something itself. The CLI does not: its
    paths are covered by tests that fail on any escaped warning.
    """
    warnings.filterwarnings("ignore", category=CryptographyDeprecationWarning)
    warnings.filterwarnings("ignore", message="Attribute's length must be", category=UserWarning)
