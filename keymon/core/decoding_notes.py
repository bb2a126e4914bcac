"""What cannot be decoded in a certificate, as notes shown with it (never an exception).

:func:`field_notes` touches each lazily decoded field of a certificate once, inside
:func:`keymon.core.compat.decoding`, and says in one sentence what failed or warned.
:func:`raw_name_hex` gives the DER of a name cryptography refuses, for details views.
"""

from __future__ import annotations

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm

from keymon.core.compat import DECODE_ERRORS, decoding
from keymon.core.errors import CorruptData
from keymon.core.formats import der as asn1


def _signature_note(cert: x509.Certificate) -> str | None:
    try:
        cert.signature_hash_algorithm  # noqa: B018 - decoding is the point
    except UnsupportedAlgorithm:
        oid = cert.signature_algorithm_oid.dotted_string
        return f"The signature algorithm {oid} is not supported, so the signature is not checked."
    except DECODE_ERRORS as exc:
        return f"The signature algorithm cannot be decoded ({exc})."
    return None


def field_notes(cert: x509.Certificate, key_decoded: bool = False) -> tuple[str, ...]:
    """Notes on the serial, version, public key, signature algorithm and extensions.

    ``key_decoded``: the caller has decoded the public key already (no note on it then).
    """
    found: list[str] = []
    with decoding() as warned:
        cert.serial_number  # noqa: B018 - warns when not positive
        try:
            if not key_decoded:
                cert.public_key()
        except DECODE_ERRORS as exc:
            found.append(f"The public key cannot be decoded ({exc}).")
        note = _signature_note(cert)
        if note is not None:
            found.append(note)
        try:
            cert.extensions  # noqa: B018
        except DECODE_ERRORS as exc:
            found.append(
                f"The extensions cannot be decoded together ({exc}); each is shown on its own."
            )
    return (*warned, *found)


def raw_name_hex(der: bytes, which: str) -> str:
    """The DER of the certificate's ``subject`` or ``issuer`` in hex ("" if out of reach)."""
    try:
        cert = asn1.children(der, 0, len(der))[0]
        tbs = asn1.children(der, cert[2], cert[3])[0]
        parts = asn1.children(der, tbs[2], tbs[3])
    except CorruptData:
        return ""
    if parts and parts[0][0] == 0xA0:  # the optional version
        parts = parts[1:]
    index = 2 if which == "issuer" else 4  # serial, signature, issuer, validity, subject
    if len(parts) <= index:
        return ""
    _tag, start, _vstart, end = parts[index]
    return der[start:end].hex()
