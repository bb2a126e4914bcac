"""Java's PkiPath (``keytool -exportcert`` of a chain, CA replies): a DER SEQUENCE OF
Certificate, root first. :func:`load` and :func:`dump` take and give chains leaf first.
"""

from __future__ import annotations

from collections.abc import Sequence

from asn1crypto import parser as asn1_parser

from keymon.core.entries import CertInfo
from keymon.core.errors import CorruptData, UsageError
from keymon.core.formats.der import seq


def dump(chain: Sequence[CertInfo]) -> bytes:
    """A PkiPath of ``chain`` (leaf first), written root first."""
    if not chain:
        raise UsageError("There is no certificate to export.")
    return seq(*(c.der for c in reversed(chain)))


def load(data: bytes) -> list[CertInfo]:
    """Read a PkiPath (root first) and return its certificates leaf first."""
    try:
        cls, method, tag, _, content, _ = asn1_parser.parse(data, strict=True)
    except ValueError as exc:
        raise CorruptData(f"The data is not a PkiPath ({exc}).") from exc
    if (cls, method, tag) != (0, 1, 16):
        raise CorruptData("The data is not a PkiPath: it does not start with a DER SEQUENCE.")
    certs = []
    while content:
        try:
            header, inner, trailer = asn1_parser.parse(content)[3:]
        except ValueError as exc:
            raise CorruptData(f"A certificate in the PkiPath is cut short ({exc}).") from exc
        size = len(header) + len(inner) + len(trailer)
        certs.append(CertInfo.from_der(content[:size]))
        content = content[size:]
    return certs[::-1]
