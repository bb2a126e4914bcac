"""Certificates, chains and public keys as bytes: PEM, DER, PKCS#7, OpenSSH (pure functions).

What :mod:`keymon.core.exporting` writes for an entry; readers live in :mod:`keymon.core.formats`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.hazmat.primitives.asymmetric.types import PublicKeyTypes
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from keymon.core.entries import CertInfo, key_description, key_label
from keymon.core.errors import UnsupportedFormat, UsageError

Form = Literal["pem", "der"]

_OPENSSH_CURVES = (ec.SECP256R1, ec.SECP384R1, ec.SECP521R1)


def certificate_pem(cert: CertInfo) -> bytes:
    return cert.cert.public_bytes(Encoding.PEM)


def certificate_der(cert: CertInfo) -> bytes:
    return cert.der


def certificate_bytes(cert: CertInfo, form: Form = "pem") -> bytes:
    return certificate_pem(cert) if form == "pem" else certificate_der(cert)


def _require(chain: Sequence[CertInfo]) -> Sequence[CertInfo]:
    if not chain:
        raise UsageError("There is no certificate to export.")
    return chain


def chain_pem(chain: Sequence[CertInfo]) -> bytes:
    """The certificates as one PEM bundle, in the given order (leaf first for a chain)."""
    return b"".join(certificate_pem(c) for c in _require(chain))


def _tlv(tag_class: int, tag: int, contents: bytes) -> bytes:
    from asn1crypto import parser as asn1_parser  # (loads on use: not at start-up)

    return bytes(asn1_parser.emit(tag_class, 1, tag, contents))


#: The DER of the OIDs 1.2.840.113549.1.7.2 (signedData) and 1.2.840.113549.1.7.1 (data).
_SIGNED_DATA = bytes.fromhex("06092a864886f70d010702")
_DATA = bytes.fromhex("06092a864886f70d010701")
_VERSION_1 = bytes.fromhex("020101")  # INTEGER 1


def chain_pkcs7(
    chain: Sequence[CertInfo], form: Form = "der", *, keep_order: bool = False
) -> bytes:
    """A certs-only PKCS#7 (``.p7b``) holding the chain.

    By default the certificates are sorted as DER demands of a SET OF (what
    cryptography's ``serialize_certificates`` writes); readers must order them by
    issuer. ``keep_order`` writes them in the given order, as OpenSSL's
    ``crl2pkcs7`` does; cryptography then reads the file with a warning (BER).
    """
    if not keep_order:
        from cryptography.hazmat.primitives.serialization import pkcs7  # (loads email.*)

        encoding = Encoding.PEM if form == "pem" else Encoding.DER
        return pkcs7.serialize_certificates([c.cert for c in _require(chain)], encoding)
    certs = b"".join(c.der for c in _require(chain))
    signed_data = _tlv(
        0,
        16,
        _VERSION_1
        + _tlv(0, 17, b"")  # digestAlgorithms
        + _tlv(0, 16, _DATA)  # encapContentInfo without content
        + _tlv(2, 0, certs)  # [0] IMPLICIT certificates
        + _tlv(0, 17, b""),  # signerInfos
    )
    der = _tlv(0, 16, _SIGNED_DATA + _tlv(2, 0, signed_data))
    if form != "pem":
        return der
    from asn1crypto import pem as asn1_pem

    return bytes(asn1_pem.armor("PKCS7", der))


@dataclass(frozen=True)
class TopCertificate:
    cert: CertInfo
    is_root: bool
    """True when the top of the chain is self-signed, i.e. really a root."""


def chain_top(chain: Sequence[CertInfo]) -> TopCertificate:
    """The last certificate of a chain (leaf first), and whether it is a self-signed root."""
    top = _require(chain)[-1]
    return TopCertificate(top, top.summary.self_signed)


def _public_key(source: CertInfo | PublicKeyTypes) -> PublicKeyTypes:
    return source.public_key if isinstance(source, CertInfo) else source


def public_key_pem(source: CertInfo | PublicKeyTypes) -> bytes:
    """The public key as a PEM ``PUBLIC KEY`` (SubjectPublicKeyInfo)."""
    return _public_key(source).public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)


def public_key_der(source: CertInfo | PublicKeyTypes) -> bytes:
    return _public_key(source).public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)


def public_key_openssh(source: CertInfo | PublicKeyTypes, comment: str | None = None) -> bytes:
    """One ``authorized_keys`` line: RSA, EC P-256/P-384/P-521 and Ed25519 keys only."""
    key = _public_key(source)
    is_ec = isinstance(key, ec.EllipticCurvePublicKey) and isinstance(key.curve, _OPENSSH_CURVES)
    if not (is_ec or isinstance(key, (rsa.RSAPublicKey, ed25519.Ed25519PublicKey))):
        label = key_label(*key_description(key))
        raise UnsupportedFormat(
            f"OpenSSH has no format for {label} keys; only RSA, EC P-256, P-384, P-521 "
            "and Ed25519 keys can be exported for OpenSSH."
        )
    line = key.public_bytes(Encoding.OpenSSH, PublicFormat.OpenSSH)
    if comment:
        if "\n" in comment or "\r" in comment:
            raise UsageError("An OpenSSH key comment cannot contain a line break.")
        line += b" " + comment.encode("utf-8")
    return line + b"\n"
