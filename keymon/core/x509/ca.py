"""Act as a small certificate authority: sign a CSR with a CA key pair of the keystore."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from cryptography import x509

from keymon.core.compat import NO_EXTENSION
from keymon.core.entries import CertInfo, KeyPairEntry
from keymon.core.errors import CorruptData, UsageError
from keymon.core.x509 import encoding
from keymon.core.x509.csr import CsrInfo
from keymon.core.x509.keygen import (
    SignatureChoice,
    key_kind,
    random_serial,
    sign_builder,
    signing_key,
    validity,
)
from keymon.core.x509.templates import ExtensionSet, Template

BundleFormat = Literal["pem", "p7b"]


@dataclass(frozen=True)
class SignedCertificate:
    """The result of :func:`sign_csr`."""

    cert: CertInfo
    clipped: bool
    """True when the validity was shortened to end with the CA's certificate."""
    notes: tuple[str, ...]
    """Sentences to show the user (e.g. about the shortened validity)."""


def _not_a_ca(alias: str) -> UsageError:
    return UsageError(
        f"The entry {alias!r} is not a certificate authority "
        "(its certificate has no CA basic constraint)."
    )


def check_ca(ca: KeyPairEntry, now: dt.datetime) -> None:
    """Raise UsageError unless ``ca`` can issue certificates at ``now``."""
    cert = ca.certificate.cert
    try:
        bc = cert.extensions.get_extension_for_class(x509.BasicConstraints).value
    except NO_EXTENSION:
        raise _not_a_ca(ca.alias) from None
    if not bc.ca:
        raise _not_a_ca(ca.alias)
    try:
        ku = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except NO_EXTENSION:
        ku = None
    if ku is not None and not ku.key_cert_sign:
        raise UsageError(
            f"The certificate of {ca.alias!r} does not allow signing certificates "
            "(its key usage lacks Certificate Sign)."
        )
    if ca.certificate.subject_name is None:
        raise CorruptData(f"The subject of the CA certificate of {ca.alias!r} cannot be decoded.")
    summary = ca.certificate.summary
    if now > summary.not_after:
        raise UsageError(
            f"The CA certificate of {ca.alias!r} expired on {summary.not_after:%Y-%m-%d}."
        )
    if now < summary.not_before:
        raise UsageError(
            f"The CA certificate of {ca.alias!r} is not valid before {summary.not_before:%Y-%m-%d}."
        )
    signing_key(ca.private_key)


def _path_length(ca: KeyPairEntry) -> int | None:
    bc = ca.certificate.cert.extensions.get_extension_for_class(x509.BasicConstraints).value
    return bc.path_length


def _profile(template: Template | ExtensionSet, csr: CsrInfo) -> ExtensionSet:
    if isinstance(template, Template):
        return template.extensions(key_kind(csr.public_key) or "ec")
    return template


def sign_csr(
    ca: KeyPairEntry,
    csr: CsrInfo,
    *,
    days: int = 365,
    template: Template | ExtensionSet = Template.TLS_CLIENT,
    copy_requested: bool = True,
    now: dt.datetime | None = None,
    signature: SignatureChoice | None = None,
) -> SignedCertificate:
    """Issue a certificate for ``csr`` signed by the CA key pair ``ca``.

    * ``template`` gives key usage, extended key usage and basic constraints (a
      :class:`Template` is applied for the request's key type; an
      :class:`ExtensionSet` is taken as it is, e.g. ``csr.requested`` after review).
    * ``copy_requested`` adds the request's subjectAltNames. Requested key usages and
      basic constraints are never copied implicitly: a request cannot make itself a CA.
    * The validity starts at ``now``; one that would outlast the CA's certificate is
      clipped to the CA's notAfter, and the result says so.
    * Serial: 20 random bytes; SKI from the request's key; AKI from the CA's SKI (or
      its public key).

    Refuses (UsageError) a CA entry whose certificate is not a CA, and
    (CorruptData) a request whose signature does not verify.
    """
    now = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    check_ca(ca, now)
    if not csr.signature_valid:
        raise CorruptData(
            "The signature of the certificate signing request does not verify; "
            "the request was altered or damaged."
        )
    extensions = _profile(template, csr)
    if copy_requested:
        extensions = extensions.with_sans(csr.requested.subject_alt_names)
    if extensions.ca and _path_length(ca) == 0:
        raise UsageError(
            f"The CA {ca.alias!r} may not issue CA certificates (its path length is 0)."
        )
    if not csr.subject_name.rdns and not extensions.subject_alt_names:
        raise UsageError("The request has neither a subject nor a subject alternative name.")
    start, end = validity(days, now)
    notes: list[str] = []
    ca_end = ca.certificate.summary.not_after
    clipped = end > ca_end
    if clipped:
        end = ca_end
        notes.append(
            f"The validity was shortened to end with the CA certificate on {ca_end:%Y-%m-%d}."
        )
    ca_cert = ca.certificate.cert
    try:
        ca_ski = ca_cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
        aki = x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ca_ski)
    except NO_EXTENSION:
        aki = x509.AuthorityKeyIdentifier.from_issuer_public_key(
            signing_key(ca.private_key).public_key()
        )
    builder = (
        x509.CertificateBuilder()
        .subject_name(csr.subject_name)
        .issuer_name(ca_cert.subject)  # decodable: check_ca made sure
        .public_key(csr.public_key)
        .serial_number(random_serial())
        .not_valid_before(start)
        .not_valid_after(end)
    )
    for ext, critical in extensions.extensions(san_critical=not csr.subject_name.rdns):
        builder = builder.add_extension(ext, critical)
    builder = builder.add_extension(
        x509.SubjectKeyIdentifier.from_public_key(csr.public_key), critical=False
    )
    builder = builder.add_extension(aki, critical=False)
    choice = signature or SignatureChoice.default_for(ca.private_key)
    cert = sign_builder(builder, ca.private_key, choice)
    return SignedCertificate(CertInfo.from_cert(cert), clipped, tuple(notes))


def issued_bundle(
    cert: CertInfo,
    ca_chain: Sequence[CertInfo],
    with_chain: bool = False,
    fmt: BundleFormat = "pem",
) -> bytes:
    """The issued certificate for the requester: alone or followed by the CA's chain.

    ``pem``: PEM certificates, leaf first. ``p7b``: a DER certs-only PKCS#7.
    """
    chain = [cert, *ca_chain] if with_chain else [cert]
    if fmt == "p7b":
        return encoding.chain_pkcs7(chain, "der")
    if fmt == "pem":
        return encoding.chain_pem(chain)
    raise UsageError(f"An issued certificate is written as pem or p7b, not {fmt}.")
