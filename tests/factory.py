"""Builders for keys and certificates used across the tests (fast, deterministic enough)."""

from __future__ import annotations

import datetime as dt
from functools import cache

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.hazmat.primitives.asymmetric.types import CertificateIssuerPrivateKeyTypes
from cryptography.x509.oid import NameOID

from keymon.core.entries import CertificateEntry, CertInfo, KeyPairEntry

NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)


@cache
def rsa_key(bits: int = 2048, index: int = 0) -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=bits)


@cache
def ec_key(index: int = 0, curve: str = "P-256") -> ec.EllipticCurvePrivateKey:
    curves = {"P-256": ec.SECP256R1(), "P-384": ec.SECP384R1(), "P-521": ec.SECP521R1()}
    return ec.generate_private_key(curves[curve])


def name(cn: str, o: str = "keymon tests") -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, o),
        ]
    )


def make_cert(
    subject_key: CertificateIssuerPrivateKeyTypes,
    cn: str,
    *,
    issuer_key: CertificateIssuerPrivateKeyTypes | None = None,
    issuer: x509.Certificate | None = None,
    ca: bool = False,
    days: int = 365,
    not_before: dt.datetime | None = None,
    serial: int | None = None,
    san: list[str] | None = None,
) -> x509.Certificate:
    start = not_before or NOW - dt.timedelta(days=1)
    issuer_name = issuer.subject if issuer is not None else name(cn)
    signer = issuer_key or subject_key
    builder = (
        x509.CertificateBuilder()
        .subject_name(name(cn))
        .issuer_name(issuer_name)
        .public_key(subject_key.public_key())
        .serial_number(serial or x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + dt.timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(subject_key.public_key()), critical=False
        )
    )
    if issuer is not None:
        builder = builder.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer.public_key()),  # type: ignore[arg-type]
            critical=False,
        )
    if san:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.DNSName(s) for s in san]), critical=False
        )
    algorithm = None if isinstance(signer, ed25519.Ed25519PrivateKey) else hashes.SHA256()
    return builder.sign(signer, algorithm)  # type: ignore[arg-type]


@cache
def ca_chain() -> tuple[tuple[ec.EllipticCurvePrivateKey, x509.Certificate], ...]:
    """root → intermediate, both EC, both CAs."""
    root_key, int_key = ec_key(100), ec_key(101)
    root = make_cert(root_key, "keymon Test Root", ca=True, days=3650)
    inter = make_cert(
        int_key, "keymon Test Intermediate", issuer_key=root_key, issuer=root, ca=True
    )
    return (root_key, root), (int_key, inter)


def key_pair_entry(alias: str, cn: str | None = None, *, key: object | None = None) -> KeyPairEntry:
    """A key pair whose chain is leaf → intermediate → root."""
    (_root_key, root), (int_key, inter) = ca_chain()
    leaf_key = key or rsa_key()
    leaf = make_cert(leaf_key, cn or alias, issuer_key=int_key, issuer=inter)  # type: ignore[arg-type]
    return KeyPairEntry(
        alias=alias,
        private_key=leaf_key,  # type: ignore[arg-type]
        chain=(CertInfo.from_cert(leaf), CertInfo.from_cert(inter), CertInfo.from_cert(root)),
    )


def self_signed_entry(alias: str, cn: str | None = None, key: object | None = None) -> KeyPairEntry:
    k = key or ec_key()
    cert = make_cert(k, cn or alias)  # type: ignore[arg-type]
    return KeyPairEntry(alias=alias, private_key=k, chain=(CertInfo.from_cert(cert),))  # type: ignore[arg-type]


def trusted_entry(alias: str, cn: str | None = None) -> CertificateEntry:
    cert = make_cert(ec_key(7), cn or alias, ca=True)
    return CertificateEntry(alias=alias, cert=CertInfo.from_cert(cert))
