"""Tolerance for real-world certificates that newer libraries frown upon."""

from __future__ import annotations

import warnings

from cryptography.utils import CryptographyDeprecationWarning

# Real roots (9 of the 144 in Java's cacerts: Go Daddy, Starfield, SECOM, ...) have
# serial number 0, which RFC 5280 forbids. cryptography still parses them but warns
# on every access; for a keystore tool they are ordinary certificates to show.
SERIAL_WARNING = "Parsed a serial number which wasn't positive"


def tolerate_legacy_certificates() -> None:
    """Silence the serial-number deprecation warning (called by the CLI and the GUI)."""
    warnings.filterwarnings(
        "ignore", message=SERIAL_WARNING, category=CryptographyDeprecationWarning
    )
