"""Recognise a file by its content (never by its name) and load it.

Each format's module loads when a file is of that format (or may be): listing Java's
cacerts loads the JKS reader alone, not the PKCS#12 and PEM readers with their key
derivations, ciphers and key decoders.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from keymon.core.errors import CorruptData, KeymonError, UnsupportedFormat
from keymon.core.formats import der, foreign, jks, pkcs7
from keymon.core.formats.limits import check_size
from keymon.core.records import Record, put

if TYPE_CHECKING:
    from keymon.core.cancel import CancelCheck
    from keymon.core.entries import CertInfo, Entry


class Format(enum.StrEnum):
    PKCS12 = "pkcs12"
    JKS = "jks"
    JCEKS = "jceks"
    PEM = "pem"
    DER = "der"  # one certificate, DER encoded
    PKCS7 = "pkcs7"  # DER/BER PKCS#7 certificate bundle (.p7b/.p7c); PEM ones count as PEM
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

UNSUPPORTED = (
    "This file is not a keystore or certificate that keymon can read "
    "(PKCS#12, JKS, JCEKS, PEM, DER, PKCS#7 or PkiPath)."
)


def detect(data: bytes) -> Format:
    """The format of ``data``; raises CorruptData for an empty file, UnsupportedFormat else.

    Keystores keymon knows but does not read (BKS, UBER, BCFKS, GOST PKCS#12) are named.
    """
    check_size(len(data))
    if not data.strip():
        raise CorruptData("The file is empty.")
    kind = jks.sniff(data)
    if kind == "jks":
        return Format.JKS
    if kind == "jceks":
        return Format.JCEKS
    if data[0] == 0x30:
        from keymon.core.formats import pkcs12  # (a PEM bundle need not load it)

        if pkcs12.sniff(data):  # before PEM: PEM text may be signed inside
            foreign.refuse(data, pkcs12=True)
            return Format.PKCS12
        if pkcs7.content_type(data) is not None:
            return Format.PKCS7
    from keymon.core.formats import pem

    if pem.sniff(data):
        return Format.PEM
    if data[0] != 0x30:
        foreign.refuse(data)
        raise UnsupportedFormat(UNSUPPORTED)
    foreign.refuse(data)
    try:
        _, vstart, vend = der.read_tlv(data)
        inner = der.children(data, vstart, vend)
    except KeymonError as exc:
        raise UnsupportedFormat(UNSUPPORTED) from exc
    if _is_certificate(data, inner):
        return Format.DER
    if inner and all(
        tag == 0x30 and _is_certificate(data, der.children(data, start, end))
        for tag, _, start, end in inner
    ):
        return Format.PKIPATH
    raise UnsupportedFormat(UNSUPPORTED)


def _is_certificate(data: bytes, inner: list[tuple[int, int, int, int]]) -> bool:
    """TBSCertificate, AlgorithmIdentifier, BIT STRING."""
    return [tag for tag, *_ in inner] == [0x30, 0x30, 0x03]


class Loaded(Record):
    format: Format
    entries: list[Entry]
    notes: tuple[str, ...]  # sentences for the user about the file (PKCS#12 only, so far)
    FIELDS = ("format", "entries", "notes")
    COMPARED = FIELDS
    SHOWN = FIELDS

    def __init__(self, format: Format, entries: list[Entry], notes: tuple[str, ...] = ()) -> None:
        put(self, "format", format)
        put(self, "entries", entries)
        put(self, "notes", notes)


def load(data: bytes, password: str | None, cancel: CancelCheck | None = None) -> Loaded:
    """Detect and decode. Raises PasswordRequired when ``password`` is None but needed."""
    return decode(detect(data), data, password, cancel)


def decode(
    fmt: Format, data: bytes, password: str | None, cancel: CancelCheck | None = None
) -> Loaded:
    """:func:`load_as` with the notes; ``cancel`` is checked between (and within long)
    PKCS#12 and JCEKS key derivations."""
    if fmt is Format.PKCS12:
        from keymon.core.formats import pkcs12

        read = pkcs12.decode(data, password, cancel)
        return Loaded(fmt, read.entries, read.notes)
    if fmt in (Format.JKS, Format.JCEKS):
        return Loaded(fmt, jks.load(data, password, cancel))
    return Loaded(fmt, load_as(fmt, data, password))


def load_as(fmt: Format, data: bytes, password: str | None) -> list[Entry]:
    if fmt is Format.PKCS12:
        from keymon.core.formats import pkcs12

        return pkcs12.load(data, password)
    if fmt in (Format.JKS, Format.JCEKS):
        return jks.load(data, password)
    if fmt is Format.PEM:
        from keymon.core.formats import pem

        return pem.load(data, password)
    from keymon.core.formats.assemble import LooseCert, assemble

    return assemble([], [LooseCert(c) for c in load_certificates(fmt, data)])


def load_certificates(fmt: Format, data: bytes) -> list[CertInfo]:
    """Certificates of a certificate-only file (DER, PKCS#7, PkiPath)."""
    if fmt is Format.DER:
        from keymon.core.entries import CertInfo

        # bytes after the certificate (a line end an editor added, NUL padding) are
        # ignored, as openssl and keytool do and as the PKCS#12 reader does
        return [CertInfo.from_der(der.first_element(data))]
    if fmt is Format.PKCS7:
        from keymon.core.x509.chain import order_chain_report

        report = order_chain_report(pkcs7.load_certificates(data))
        return [*report.chain, *report.unrelated]
    if fmt is Format.PKIPATH:
        from keymon.core.formats import pkipath

        return pkipath.load(data)
    raise UnsupportedFormat(f"{fmt.label} files hold more than certificates.")
