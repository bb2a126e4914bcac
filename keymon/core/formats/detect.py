"""Recognise a file by its content (never by its name) and load it."""

from __future__ import annotations

import enum
import warnings
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives.serialization import pkcs7

from keymon.core.entries import CertInfo, Entry
from keymon.core.errors import CorruptData, KeymonError, UnsupportedFormat
from keymon.core.formats import der, jks, pem, pkcs12
from keymon.core.formats.assemble import LooseCert, assemble


class Format(enum.StrEnum):
    PKCS12 = "pkcs12"
    JKS = "jks"
    JCEKS = "jceks"
    PEM = "pem"
    DER = "der"  # one certificate, DER encoded
    PKCS7 = "pkcs7"  # DER PKCS#7 certificate bundle (.p7b/.p7c); PEM ones count as PEM
    PKIPATH = "pkipath"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def is_keystore(self) -> bool:
        """Formats keymon can save a whole keystore in."""
        return self in (Format.PKCS12, Format.JKS, Format.PEM)


_LABELS = {
    Format.PKCS12: "PKCS#12",
    Format.JKS: "JKS",
    Format.JCEKS: "JCEKS",
    Format.PEM: "PEM",
    Format.DER: "DER certificate",
    Format.PKCS7: "PKCS#7",
    Format.PKIPATH: "PkiPath",
}

_PKCS7_SIGNED_DATA = bytes.fromhex("06092a864886f70d010702")

UNSUPPORTED = (
    "This file is not a keystore or certificate that keymon can read "
    "(PKCS#12, JKS, JCEKS, PEM, DER, PKCS#7 or PkiPath)."
)


def detect(data: bytes) -> Format:
    """The format of ``data``; raises CorruptData for an empty file, UnsupportedFormat else."""
    if not data.strip():
        raise CorruptData("The file is empty.")
    kind = jks.sniff(data)
    if kind == "jks":
        return Format.JKS
    if kind == "jceks":
        return Format.JCEKS
    if pem.sniff(data):
        return Format.PEM
    if data[0] != 0x30:
        raise UnsupportedFormat(UNSUPPORTED)
    if pkcs12.sniff(data):
        return Format.PKCS12
    try:
        _, vstart, vend = der.read_tlv(data)
        inner = der.children(data, vstart, vend)
    except KeymonError as exc:
        raise UnsupportedFormat(UNSUPPORTED) from exc
    if inner and data[inner[0][1] : inner[0][1] + len(_PKCS7_SIGNED_DATA)] == _PKCS7_SIGNED_DATA:
        return Format.PKCS7
    tags = [tag for tag, *_ in inner]
    if tags == [0x30, 0x30, 0x03]:  # TBSCertificate, AlgorithmIdentifier, BIT STRING
        return Format.DER
    if inner and all(tag == 0x30 for tag, *_ in inner):
        return Format.PKIPATH
    raise UnsupportedFormat(UNSUPPORTED)


@dataclass(frozen=True)
class Loaded:
    format: Format
    entries: list[Entry]


def load(data: bytes, password: str | None) -> Loaded:
    """Detect and decode. Raises PasswordRequired when ``password`` is None but needed."""
    fmt = detect(data)
    return Loaded(fmt, load_as(fmt, data, password))


def load_as(fmt: Format, data: bytes, password: str | None) -> list[Entry]:
    if fmt is Format.PKCS12:
        return pkcs12.load(data, password)
    if fmt in (Format.JKS, Format.JCEKS):
        return jks.load(data, password)
    if fmt is Format.PEM:
        return pem.load(data, password)
    return assemble([], [LooseCert(c) for c in load_certificates(fmt, data)])


def load_certificates(fmt: Format, data: bytes) -> list[CertInfo]:
    """Certificates of a certificate-only file (DER, PKCS#7, PkiPath)."""
    try:
        if fmt is Format.DER:
            return [CertInfo.from_cert(x509.load_der_x509_certificate(data))]
        if fmt is Format.PKCS7:
            with warnings.catch_warnings():
                # OpenSSL writes the SET OF certificates unsorted (BER): fine for us
                warnings.simplefilter("ignore", UserWarning)
                certs = pkcs7.load_der_pkcs7_certificates(data)
            from keymon.core.x509.chain import order_chain_report

            report = order_chain_report([CertInfo.from_cert(c) for c in certs])
            return [*report.chain, *report.unrelated]
    except ValueError as exc:
        raise CorruptData(f"The {fmt.label} data cannot be decoded ({exc}).") from exc
    if fmt is Format.PKIPATH:
        from keymon.core.x509.export import load_pkipath

        return load_pkipath(data)
    raise UnsupportedFormat(f"{fmt.label} files hold more than certificates.")
