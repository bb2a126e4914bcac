"""Certificate signing requests (PKCS#10): create one for a key pair, read one to sign.

The GUI's CSR wizard starts from :func:`default_csr_request` (everything taken
from the entry's certificate), lets the user adjust it, and calls
:func:`create_csr`. :meth:`CsrInfo.load` reads a request for display and for
:func:`keymon.core.x509.ca.sign_csr`.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
from dataclasses import dataclass, field

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.types import CertificatePublicKeyTypes
from cryptography.hazmat.primitives.serialization import Encoding

from keymon.core.compat import DECODE_ERRORS, decoding
from keymon.core.entries import CertInfo, KeyPairEntry, key_description, key_label
from keymon.core.errors import CorruptData, KeymonError, UnsupportedFormat, UsageError
from keymon.core.formats import pem
from keymon.core.formats.der import first_element
from keymon.core.x509.extensions import ExtensionInfo, extension_info, general_name
from keymon.core.x509.keygen import SignatureChoice, signing_key
from keymon.core.x509.templates import ExtensionSet, SubjectAltName, SubjectFields

_CSR_LABELS = {"CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST"}
NOT_A_CSR = "This file is not a certificate signing request (PKCS#10 in PEM or DER)."
A_CERTIFICATE = "This file holds a certificate, not a certificate signing request."


def subject_from_certificate(cert: CertInfo) -> SubjectFields:
    """The certificate's subject as fields for a form (unchecked: fix it, then validate).

    A subject cryptography cannot decode gives empty fields.
    """
    name = cert.subject_name
    return SubjectFields(validate=False) if name is None else SubjectFields.from_name(name)


def certificate_extensions(cert: CertInfo) -> ExtensionSet:
    """The :class:`ExtensionSet` of a certificate (empty when its extensions do not decode)."""
    try:
        return ExtensionSet.from_extensions(cert.cert.extensions)
    except DECODE_ERRORS:
        return ExtensionSet()


@dataclass(frozen=True)
class CsrRequest:
    """What a CSR asks for; None means "as in the entry's certificate".

    * ``subject`` None: the certificate's subject name, byte for byte.
    * ``sans`` None: the certificate's DNS/IP/e-mail/URI alternative names; ``()``: none.
    * ``extensions`` None: the certificate's key usage, extended key usage and basic
      constraints as requested extensions; ``ExtensionSet()``: none. Its own SANs are
      used together with ``sans``.
    * ``signature`` None: :meth:`SignatureChoice.default_for` the key.
    """

    subject: SubjectFields | None = None
    sans: tuple[SubjectAltName, ...] | None = None
    extensions: ExtensionSet | None = None
    signature: SignatureChoice | None = None


def default_csr_request(entry: KeyPairEntry) -> CsrRequest:
    """The request :func:`create_csr` makes by default, spelled out (a form's prefill).

    The subject fields are unchecked: a certificate may lack a CN; the form shows it.
    """
    cert_extensions = certificate_extensions(entry.certificate)
    return CsrRequest(
        subject=subject_from_certificate(entry.certificate),
        sans=cert_extensions.subject_alt_names,
        extensions=dataclasses.replace(cert_extensions, subject_alt_names=()),
        signature=SignatureChoice.default_for(entry.private_key),
    )


def create_csr(entry: KeyPairEntry, request: CsrRequest | None = None) -> bytes:
    """A PEM ``CERTIFICATE REQUEST`` signed with the entry's private key."""
    request = request or CsrRequest()
    key = signing_key(entry.private_key)
    cert = entry.certificate
    name = cert.subject_name if request.subject is None else request.subject.to_name()
    if name is None:
        raise CorruptData(
            "The subject of the certificate cannot be decoded; give the request's subject."
        )
    from_cert = certificate_extensions(cert)
    requested = request.extensions
    if requested is None:
        requested = dataclasses.replace(from_cert, subject_alt_names=())
    sans = from_cert.subject_alt_names if request.sans is None else request.sans
    requested = requested.with_sans(sans)
    if not name.rdns and not requested.subject_alt_names:
        raise UsageError("A request needs a subject or at least one subject alternative name.")
    choice = request.signature or SignatureChoice.default_for(key)
    choice.require_compatible(key)
    builder = x509.CertificateSigningRequestBuilder().subject_name(name)
    for ext, critical in requested.extensions(san_critical=not name.rdns):
        builder = builder.add_extension(ext, critical)
    csr = builder.sign(key, choice.hash_algorithm(), rsa_padding=choice.rsa_padding())  # type: ignore[arg-type]
    return csr.public_bytes(Encoding.PEM)


@dataclass(frozen=True, eq=False)
class CsrInfo:
    """A request as read from a file, decoded once for display and signing."""

    der: bytes = field(repr=False)
    csr: x509.CertificateSigningRequest = field(repr=False)
    subject: str
    """RFC 4514 string of the subject."""
    sans: tuple[str, ...]
    """Every requested alternative name as ``DNS:…``, ``IP:…``, ``email:…``, ``URI:…``, …"""
    extensions: tuple[ExtensionInfo, ...]
    """Every requested extension as display lines."""
    requested: ExtensionSet
    """Requested key usage, extended key usage, basic constraints and SANs, typed."""
    key_description: str
    """``RSA 2048``, ``EC P-256``, ``Ed25519``, …"""
    signature_algorithm: str
    signature_valid: bool
    """True when the request's own key verifies its signature (proof of possession)."""

    @property
    def subject_name(self) -> x509.Name:
        with decoding():  # decodable (load made sure); odd names warn on each read
            return self.csr.subject

    @property
    def subject_fields(self) -> SubjectFields:
        """The subject as form fields (unchecked)."""
        return SubjectFields.from_name(self.subject_name)

    @property
    def public_key(self) -> CertificatePublicKeyTypes:
        return self.csr.public_key()

    @property
    def pem(self) -> bytes:
        return self.csr.public_bytes(Encoding.PEM)

    @classmethod
    def load(cls, data: bytes) -> CsrInfo:
        """Read a PEM or DER request; UnsupportedFormat or CorruptData with one sentence.

        Everything is decoded here (cryptography decodes lazily), so a request that
        loads never raises later; its warnings are dropped (a request is not kept).
        """
        with decoding():
            csr = _load_csr(data)
            try:
                public_key = csr.public_key()
            except DECODE_ERRORS as exc:
                raise UnsupportedFormat(
                    f"The key of the request is not supported ({exc})."
                ) from exc
            try:
                return cls._decode(csr, public_key)
            except DECODE_ERRORS as exc:
                raise CorruptData(f"The request cannot be decoded ({exc}).") from exc

    @classmethod
    def _decode(
        cls, csr: x509.CertificateSigningRequest, key: CertificatePublicKeyTypes
    ) -> CsrInfo:
        raw_extensions = list(csr.extensions)
        csr.attributes  # noqa: B018 - bad attributes fail here, not later
        try:
            valid = csr.is_signature_valid
        except Exception:  # unsupported signature algorithms never verify
            valid = False
        sans: tuple[str, ...] = ()
        for ext in raw_extensions:
            if isinstance(ext.value, x509.SubjectAlternativeName):
                sans = tuple(general_name(n) for n in ext.value)
        return cls(
            der=csr.public_bytes(Encoding.DER),
            csr=csr,
            subject=csr.subject.rfc4514_string(),
            sans=sans,
            extensions=tuple(extension_info(e) for e in raw_extensions),
            requested=ExtensionSet.from_extensions(raw_extensions),
            key_description=key_label(*key_description(key)),
            signature_algorithm=_signature_label(csr),
            signature_valid=valid,
        )


def _first_element(data: bytes) -> bytes:
    try:
        return first_element(data)
    except KeymonError:
        return data  # not DER: cryptography says so below


def _load_csr(data: bytes) -> x509.CertificateSigningRequest:
    if not data.strip():
        raise CorruptData("The file is empty.")
    if pem.sniff(data):
        found = pem.blocks(data)
        block = next((b for label, b, _ in found if label in _CSR_LABELS), None)
        if block is None:
            certificate = any(label.endswith("CERTIFICATE") for label, _, _ in found)
            raise UnsupportedFormat(A_CERTIFICATE if certificate else NOT_A_CSR)
        lines = [ln for ln in block.splitlines() if ln and not ln.startswith(b"-----")]
        try:
            der = base64.b64decode(b"".join(lines), validate=True)
        except binascii.Error as exc:
            raise CorruptData("The request's PEM block is not valid base64.") from exc
        pem_block = True
    else:  # bytes after the request (a line end, NUL padding) are ignored, as by openssl
        der, pem_block = _first_element(data), False
    try:
        return x509.load_der_x509_csr(der)
    except DECODE_ERRORS as exc:
        failure = exc
    try:
        x509.load_der_x509_certificate(der)
    except DECODE_ERRORS:
        pass
    else:
        raise UnsupportedFormat(A_CERTIFICATE)
    if pem_block:
        raise CorruptData(f"The certificate signing request cannot be decoded ({failure}).")
    raise UnsupportedFormat(NOT_A_CSR)


def _signature_label(csr: x509.CertificateSigningRequest) -> str:
    oid = csr.signature_algorithm_oid
    name = getattr(oid, "_name", None)
    label = str(name) if name and name != "Unknown OID" else oid.dotted_string
    if oid == x509.SignatureAlgorithmOID.RSASSA_PSS:
        try:
            algorithm = csr.signature_hash_algorithm
        except Exception:  # unsupported hash: the OID name alone
            algorithm = None
        if algorithm is not None:
            label += f" ({algorithm.name.upper().replace('SHA', 'SHA-')})"
    return label
