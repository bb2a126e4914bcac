"""Choosing a root CA to trust for a chain: read it from a file and check it fits.

A server usually does not send its root CA; its administrator hands the root over as a
file (PEM, DER or PKCS#7). :func:`root_from_file` reads such a file and returns the
certificate that issued the chain's top certificate, or says in one sentence why the
file does not hold it. Keys in a PEM file are never read.
"""

from __future__ import annotations

from collections.abc import Sequence

from cryptography import x509

from keymon.core.compat import DECODE_ERRORS, decoding
from keymon.core.entries import CertInfo
from keymon.core.errors import CorruptData, UnsupportedFormat, UsageError
from keymon.core.formats import pem
from keymon.core.formats.detect import Format, detect, load_certificates
from keymon.core.formats.limits import check_size

_CERT_LABELS = {"CERTIFICATE", "X509 CERTIFICATE"}
_PKCS7_LABELS = {"PKCS7", "CMS"}


def certificates_in(data: bytes) -> list[CertInfo]:
    """The certificates of a PEM, DER, PKCS#7 or PkiPath file (keystores are refused)."""
    fmt = detect(data)
    if fmt is Format.PEM:
        out: list[CertInfo] = []
        for label, block, _before in pem.blocks(data):
            if label in _CERT_LABELS:
                out.append(_pem_certificate(block))
            elif label in _PKCS7_LABELS:
                out.extend(pem.load_pkcs7_pem(block))
        return out
    if fmt in (Format.DER, Format.PKCS7, Format.PKIPATH):
        return load_certificates(fmt, data)
    raise UnsupportedFormat(
        "This file is a keystore, not a certificate: choose the root CA's certificate "
        "file (PEM, DER or PKCS#7)."
    )


def root_from_file(data: bytes, top: CertInfo) -> CertInfo:
    """The certificate in ``data`` that issued ``top`` (the top certificate of a chain)."""
    check_size(len(data))
    certs = certificates_in(data)
    issuer = _issuer_of(top, certs)
    if issuer is not None:
        return issuer
    if not certs:
        raise UsageError("The file holds no certificate.")
    names = ", ".join(f"“{c.summary.subject_cn}”" for c in certs[:3])
    raise UsageError(
        f"The file holds {names}, which did not issue “{top.summary.subject_cn}”: "
        f"its issuer is “{top.summary.issuer}”."
    )


def _pem_certificate(block: bytes) -> CertInfo:
    try:
        with decoding():
            cert = x509.load_pem_x509_certificate(block)
    except DECODE_ERRORS as exc:
        raise CorruptData(f"A certificate in the file cannot be decoded ({exc}).") from exc
    return CertInfo.from_cert(cert)


def _issuer_of(top: CertInfo, certs: Sequence[CertInfo]) -> CertInfo | None:
    return next((c for c in certs if c != top and top.signed_by(c)), None)
