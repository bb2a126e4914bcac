"""Certificates signed with SHA-1 or MD5, as old roots and legacy CAs are.

cryptography refuses to sign a certificate with SHA-1 or MD5, so :func:`weak_cert`
builds it with :func:`tests.factory.make_cert` and signs the TBS again with the plain
signature primitives (which still allow those hashes), after asn1crypto has put
the weak algorithm into it.
"""

from __future__ import annotations

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.serialization import Encoding

from keymon.core.entries import CertInfo
from tests.factory import make_cert

_ALGORITHMS = {
    ("rsa", "sha1"): "sha1_rsa",
    ("rsa", "md5"): "md5_rsa",
    ("ec", "sha1"): "sha1_ecdsa",
    ("rsa", "sha256"): "sha256_rsa",
    ("ec", "sha256"): "sha256_ecdsa",
}
_HASHES = {"sha1": hashes.SHA1(), "md5": hashes.MD5(), "sha256": hashes.SHA256()}  # noqa: S303


def resign(
    cert: x509.Certificate, signer: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey, digest: str
) -> x509.Certificate:
    """``cert`` signed again by ``signer`` with ``digest`` ("sha1", "md5" or "sha256")."""
    kind = "rsa" if isinstance(signer, rsa.RSAPrivateKey) else "ec"
    algorithm = asn1_x509.SignedDigestAlgorithm({"algorithm": _ALGORITHMS[(kind, digest)]})
    parsed = asn1_x509.Certificate.load(cert.public_bytes(Encoding.DER))
    tbs = parsed["tbs_certificate"].copy()
    tbs["signature"] = algorithm
    data = tbs.dump(force=True)
    if isinstance(signer, rsa.RSAPrivateKey):
        signature = signer.sign(data, padding.PKCS1v15(), _HASHES[digest])
    else:
        signature = signer.sign(data, ec.ECDSA(_HASHES[digest]))
    out = asn1_x509.Certificate(
        {"tbs_certificate": tbs, "signature_algorithm": algorithm, "signature_value": signature}
    )
    return x509.load_der_x509_certificate(out.dump())


def weak_cert(
    subject_key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey,
    cn: str,
    *,
    digest: str = "sha1",
    issuer_key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey | None = None,
    issuer: x509.Certificate | None = None,
    ca: bool = False,
    san: list[str] | None = None,
) -> CertInfo:
    """A certificate (self-signed unless ``issuer`` is given) signed with ``digest``."""
    signer = issuer_key or subject_key
    cert = make_cert(subject_key, cn, issuer_key=signer, issuer=issuer, ca=ca, san=san)
    return CertInfo.from_cert(resign(cert, signer, digest))


def tampered(info: CertInfo) -> CertInfo:
    """The certificate with one bit of its signature flipped."""
    der = bytearray(info.der)
    der[-5] ^= 0x01
    return CertInfo.from_der(bytes(der))
