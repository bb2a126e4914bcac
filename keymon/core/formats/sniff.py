"""What a file holds, told from its bytes before it is read: does opening it need a secret?

A file of certificates only (a PEM bundle without private keys, one DER certificate, a
PKCS#7 or PkiPath chain) opens without a password, so a start that opens one need not
load the system keyring at all (issue 13: the keyring's import is ~40 ms of a start).
"""

from __future__ import annotations

from pathlib import Path

from keymon.core.errors import KeymonError
from keymon.core.formats.detect import Format, detect
from keymon.core.formats.limits import read_input

#: Formats that hold certificates and nothing secret.
CERTIFICATE_FORMATS = frozenset({Format.DER, Format.PKCS7, Format.PKIPATH})


def certificates_only(data: bytes) -> bool:
    """True when ``data`` is a keystore of certificates only (no key, nothing to unlock).

    Anything keymon cannot tell (unknown, damaged or a format with keys) is False: the
    caller then asks for passwords as it always does.
    """
    try:
        fmt = detect(data)
    except KeymonError:
        return False
    if fmt in CERTIFICATE_FORMATS:
        return True
    return fmt is Format.PEM and b"PRIVATE KEY" not in data and b"ENCRYPTED" not in data


def file_holds_certificates_only(path: Path) -> bool:
    """:func:`certificates_only` of the file at ``path`` (False when it cannot be read)."""
    try:
        return certificates_only(read_input(path))
    except KeymonError:
        return False
