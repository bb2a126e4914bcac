"""PKCS#7 / CMS certificate bundles (``.p7b``, ``.p7c``, PEM ``PKCS7``), DER or BER.

The one place keymon reads PKCS#7. cryptography's loader refuses BER (the indefinite
lengths that Windows and ``openssl smime`` write) and crashes on content types other than
SignedData; this reader walks the structure with :mod:`.der` instead and names what it
refuses. Only the certificates are read; CRLs and signatures are ignored.
"""

from __future__ import annotations

from keymon.core.entries import CertInfo
from keymon.core.errors import CorruptData, KeymonError, UnsupportedFormat
from keymon.core.formats import der

_PKCS7 = "1.2.840.113549.1.7."
SIGNED_DATA = der.oid(_PKCS7 + "2")
_CONTENT_NAMES = {
    der.oid(_PKCS7 + "1"): "plain data",
    der.oid(_PKCS7 + "3"): "encrypted data (EnvelopedData)",
    der.oid(_PKCS7 + "4"): "signed and encrypted data (SignedAndEnvelopedData)",
    der.oid(_PKCS7 + "5"): "digested data (DigestedData)",
    der.oid(_PKCS7 + "6"): "encrypted data (EncryptedData)",
    der.oid("1.2.840.113549.1.9.16.1.2"): "authenticated data (AuthenticatedData)",
    der.oid("1.2.840.113549.1.9.16.1.9"): "compressed data (CompressedData)",
}


def content_type(data: bytes) -> bytes | None:
    """The contentType OID (content bytes) when ``data`` starts with a PKCS#7 ContentInfo."""
    try:
        outer = der.read(data)
        if outer.tag != 0x30:
            return None
        first = der.read(data, outer.start, outer.end)
    except KeymonError:
        return None
    if first.tag != 0x06:
        return None
    oid = data[first.start : first.end]
    return oid if oid == SIGNED_DATA or oid in _CONTENT_NAMES else None


def load_certificates(data: bytes) -> list[CertInfo]:
    """The certificates of a PKCS#7 SignedData (DER or BER), in file order."""
    try:
        info = der.read(data)
        parts = info.expect(0x30, "the PKCS#7 structure").children()
    except CorruptData as exc:
        raise CorruptData(f"The PKCS#7 data is damaged ({_reason(exc)}).") from exc
    if not parts or parts[0].tag != 0x06:
        raise CorruptData("The PKCS#7 data is damaged: it names no content type.")
    kind = parts[0].oid()
    if kind != SIGNED_DATA:
        name = _CONTENT_NAMES.get(kind) or f"content of type {der.oid_text(kind)}"
        raise UnsupportedFormat(
            f"This PKCS#7 file holds {name}, not a certificate bundle; keymon reads "
            "PKCS#7 certificate bundles (SignedData) only."
        )
    try:
        return _signed_data_certs(parts)
    except CorruptData as exc:
        raise CorruptData(f"The PKCS#7 data is damaged ({_reason(exc)}).") from exc


def _reason(exc: CorruptData) -> str:
    return exc.message.removeprefix("The keystore is damaged: ").rstrip(".")


def _signed_data_certs(parts: list[der.Der]) -> list[CertInfo]:
    if len(parts) < 2 or parts[1].tag != 0xA0:
        return []  # a SignedData with no content at all: nothing to list
    explicit = parts[1].children()
    if len(explicit) != 1:
        raise der.damaged("the content is not one SignedData")
    fields = explicit[0].expect(0x30, "the SignedData").children()
    # version, digestAlgorithms, encapContentInfo, [0] certificates, [1] crls, signerInfos
    certs: list[CertInfo] = []
    for field in fields[3:]:
        if field.tag == 0xA0:  # [0] IMPLICIT SET OF CertificateChoices
            for choice in field.children():
                if choice.tag == 0x30:  # other choices: attribute certificates, ...
                    certs.append(_certificate(choice))
    return certs


def _certificate(element: der.Der) -> CertInfo:
    """A certificate, re-encoded with definite lengths if a BER writer gave it indefinite ones."""
    data = element.element()
    return CertInfo.from_der(data if element.buf[element.head + 1] != 0x80 else _definite(element))


def _definite(element: der.Der, depth: int = 0) -> bytes:
    if not element.tag & 0x20 or depth > der.MAX_DEPTH:
        return element.element()
    inner = b"".join(_definite(child, depth + 1) for child in element.children(depth + 1))
    return der.tlv(element.tag, inner)
