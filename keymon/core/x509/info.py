"""Everything a certificate details view shows, decoded once into frozen values.

:meth:`CertDetails.of` never raises on odd certificates: when cryptography
refuses the extensions as a whole (a duplicate, a malformed value), each raw
extension is decoded on its own, and what still fails becomes an error line
next to the hex of its value. A name cryptography cannot decode shows as
"(undecodable name)" with its DER in hex, and what failed or warned is in ``notes``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from keymon.core.compat import DECODE_ERRORS
from keymon.core.decoding_notes import raw_name_hex
from keymon.core.entries import CertInfo, self_signed
from keymon.core.expiry import days_left, iso_z
from keymon.core.x509.extensions import (
    ExtensionInfo,
    colon_hex,
    decode_extensions,
    rdn_list,
    serial_colon,
)

__all__ = [
    "CertDetails",
    "ExtensionInfo",
    "certificate_json",
    "colon_hex",
    "rdn_list",
]


@dataclass(frozen=True)
class CertDetails:
    """The fields of one certificate as a details view shows them."""

    version: int
    serial: int
    serial_hex: str
    serial_decimal: str
    subject: tuple[tuple[str, str], ...]
    issuer: tuple[tuple[str, str], ...]
    subject_rfc4514: str
    issuer_rfc4514: str
    not_before: dt.datetime
    not_after: dt.datetime
    days_remaining: int
    key_algorithm: str
    key_size: int | None
    curve: str | None
    key_label: str
    signature_algorithm: str
    sha1: str
    sha256: str
    sha512: str
    is_ca: bool
    self_signed: bool
    extensions: tuple[ExtensionInfo, ...]
    pem: str
    notes: tuple[str, ...] = ()
    """What could not be decoded or made cryptography warn, one sentence each."""
    subject_der: str = ""
    """The subject's DER in hex when it cannot be decoded, else empty."""
    issuer_der: str = ""
    """The issuer's DER in hex when it cannot be decoded, else empty."""

    @classmethod
    def of(cls, info: CertInfo, now: dt.datetime) -> CertDetails:
        """Decode ``info``; ``days_remaining`` is :func:`~keymon.core.expiry.days_left`."""
        cert, s = info.cert, info.summary
        now = now if now.tzinfo is not None else now.replace(tzinfo=dt.UTC)
        subject, issuer = info.subject_name, info.issuer_name
        return cls(
            version=_version(cert),
            serial=s.serial,
            serial_hex=serial_colon(s.serial),
            serial_decimal=str(s.serial),
            subject=() if subject is None else rdn_list(subject),
            issuer=() if issuer is None else rdn_list(issuer),
            subject_rfc4514=s.subject,
            issuer_rfc4514=s.issuer,
            not_before=s.not_before,
            not_after=s.not_after,
            days_remaining=days_left(s.not_after, now),
            key_algorithm=s.key_algorithm,
            key_size=s.key_size,
            curve=s.curve,
            key_label=s.key_label,
            signature_algorithm=s.signature_algorithm,
            sha1=s.sha1,
            sha256=s.sha256,
            sha512=hashlib.sha512(info.der).hexdigest(),
            is_ca=s.is_ca,
            self_signed=self_signed(s),
            extensions=decode_extensions(info),
            pem=cert.public_bytes(Encoding.PEM).decode("ascii"),
            notes=info.notes,
            subject_der="" if subject is not None else raw_name_hex(info.der, "subject"),
            issuer_der="" if issuer is not None else raw_name_hex(info.der, "issuer"),
        )

    @property
    def sha1_colon(self) -> str:
        return colon_hex(bytes.fromhex(self.sha1))

    @property
    def sha256_colon(self) -> str:
        return colon_hex(bytes.fromhex(self.sha256))

    @property
    def sha512_colon(self) -> str:
        return colon_hex(bytes.fromhex(self.sha512))

    def extension(self, oid: str) -> ExtensionInfo | None:
        """The first extension with this dotted OID, if any."""
        return next((e for e in self.extensions if e.oid == oid), None)


def _version(cert: x509.Certificate) -> int:
    try:
        return cert.version.value + 1
    except DECODE_ERRORS:  # cryptography refuses these at load; kept total all the same
        return 0


def extension_json(ext: ExtensionInfo) -> dict[str, Any]:
    return {"oid": ext.oid, "name": ext.name, "critical": ext.critical, "values": list(ext.values)}


def certificate_json(info: CertInfo, now: dt.datetime) -> dict[str, Any]:
    """The JSON shape of one certificate (``keymon show --json``)."""
    d = CertDetails.of(info, now)
    return {
        "subject": d.subject_rfc4514,
        "issuer": d.issuer_rfc4514,
        "serial": format(d.serial, "x"),
        "not_before": iso_z(d.not_before),
        "not_after": iso_z(d.not_after),
        "days_remaining": d.days_remaining,
        "sha1": d.sha1,
        "sha256": d.sha256,
        "sha512": d.sha512,
        "key_algorithm": d.key_algorithm,
        "key_size": d.key_size,
        "curve": d.curve,
        "signature_algorithm": d.signature_algorithm,
        "is_ca": d.is_ca,
        "self_signed": d.self_signed,
        "extensions": [extension_json(e) for e in d.extensions],
        "pem": d.pem,
        "notes": list(d.notes),
        **({"subject_der": d.subject_der} if d.subject_der else {}),
        **({"issuer_der": d.issuer_der} if d.issuer_der else {}),
    }
