"""Issuance: whether one certificate issued another, and the facts that test reads.

A candidate is a certificate's issuer when its subject is the certificate's issuer
name (the DER as stored, or equal once decoded), the key identifiers agree where
both are present, and its key verifies the signature. cryptography's X.509 layer
refuses SHA-1 and MD5 signatures; those are checked here with the plain signature
primitives, so a SHA-1 root still verifies (its weak algorithm is a policy note,
see :func:`weak_hash`). Only an algorithm or key keymon cannot check at all gives
NOT_CHECKED, accepted for chain building when the candidate may be a CA.

Self-signed needs no signature: subject equals issuer and, where both are present,
the authority key identifier equals the subject key identifier.

The functions read a certificate through :class:`CertFacts`, which
:class:`keymon.core.entries.CertInfo` satisfies (and caches), so this module sits
below the entries; the issuer index and path builder are in :mod:`.issuers`.
"""

from __future__ import annotations

import enum
from typing import Protocol

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import dsa, ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.types import CertificatePublicKeyTypes

from keymon.core.errors import KeymonError
from keymon.core.formats.der import Der, parse
from keymon.core.x509 import dername


class CertFacts(Protocol):
    """What the issuer test reads from a certificate (CertInfo computes each once)."""

    @property
    def der(self) -> bytes: ...
    @property
    def cert(self) -> x509.Certificate: ...
    @property
    def tbs_fields(self) -> list[Der]: ...
    @property
    def layout(self) -> dername.Spans | None: ...
    @property
    def names(self) -> tuple[bytes | None, bytes | None]: ...
    @property
    def key_ids(self) -> tuple[bytes | None, bytes | None]: ...
    @property
    def public_key(self) -> CertificatePublicKeyTypes: ...
    @property
    def subject_name(self) -> x509.Name | None: ...
    @property
    def issuer_name(self) -> x509.Name | None: ...


# what a lazily decoded field of a crafted certificate may raise
_DECODE: tuple[type[Exception], ...] = (ValueError, TypeError, UnsupportedAlgorithm, KeymonError)
_DECODE += (x509.DuplicateExtension, x509.UnsupportedGeneralNameType, x509.InvalidVersion)
_WEAK = {"sha1": "SHA-1", "md5": "MD5"}
_MEMO = "_issuer_memo"  # per certificate: issuer DER → IssuerMatch
_AKI, _SKI, _BASIC = b"\x55\x1d\x23", b"\x55\x1d\x0e", b"\x55\x1d\x13"  # OID contents


class IssuerMatch(enum.Enum):
    """What a candidate is to a certificate."""

    NO = "no"
    """Another name or another key identifier: not the issuer."""
    VERIFIED = "verified"
    """The candidate's key verifies the signature (SHA-1 and MD5 included)."""
    NOT_CHECKED = "not_checked"
    """Names and key identifiers match; the algorithm or key cannot be checked here."""
    BAD_SIGNATURE = "bad_signature"
    """Names and key identifiers match but the signature does not verify."""

    @property
    def links(self) -> bool:
        """A chain may go from the certificate to this candidate."""
        return self in (IssuerMatch.VERIFIED, IssuerMatch.NOT_CHECKED)


# -- facts about one certificate (cached on CertInfo) -------------------------------------
def _tbs(info: CertFacts) -> list[Der]:
    """The TBS fields from the serial number on (the version, if any, skipped)."""
    return info.tbs_fields  # parsed once per certificate


def names_der(info: CertFacts) -> tuple[bytes | None, bytes | None]:
    """(issuer, subject) as DER straight from the TBS; None where it cannot be read."""
    try:
        fields = _tbs(info)
        return fields[2].element(), fields[4].element()
    except (KeymonError, IndexError):
        return None, None


def _extensions(info: CertFacts) -> dict[bytes, bytes]:
    """Extension OID content → extnValue, read from the DER (cryptography warns on some)."""
    fast = None if info.layout is None else dername.extensions(info.der, info.layout)
    if fast is not None:  # the usual layout, read without objects
        return fast
    out: dict[bytes, bytes] = {}
    try:
        wrapped = next((f for f in _tbs(info)[6:] if f.tag == 0xA3), None)
        for ext in wrapped.children()[0].children() if wrapped is not None else []:
            parts = ext.children()
            out.setdefault(parts[0].oid(), parts[-1].string("An extension"))
    except (KeymonError, IndexError):
        pass
    return out


def _only(value: bytes, tag: int) -> bytes | None:
    """The content of ``value`` when it is one ``tag`` element with a short length filling
    it (as nearly every key identifier is written); None for anything else."""
    size = len(value) - 2
    return value[2:] if 0 <= size < 0x80 and value[0] == tag and value[1] == size else None


def key_ids(info: CertFacts) -> tuple[bytes | None, bytes | None]:
    """(authority key identifier, subject key identifier), None where absent or unreadable."""
    exts = _extensions(info)
    aki = ski = None
    try:
        if (value := exts.get(_AKI)) is not None:
            inner = _only(value, 0x30)  # SEQUENCE { [0] keyIdentifier } read without objects
            if (aki := None if inner is None else _only(inner, 0x80)) is None:
                first = parse(value, "An extension").children()
                aki = first[0].octets() if first and first[0].tag == 0x80 else None
        if (value := exts.get(_SKI)) is not None and (ski := _only(value, 0x04)) is None:
            ski = parse(value, "An extension").string("An extension")
    except (KeymonError, IndexError):
        pass
    return aki, ski


def _is_ca(info: CertFacts) -> bool | None:
    """basicConstraints cA; None when the certificate has no basicConstraints."""
    value = _extensions(info).get(_BASIC)
    if value is None:
        return None
    try:
        fields = parse(value, "An extension").children()
    except KeymonError:
        return False
    return bool(fields) and fields[0].tag == 0x01 and fields[0].octets() != b"\x00"


def spki_der(info: CertFacts) -> bytes | None:
    """DER SubjectPublicKeyInfo of the certificate's key; None when it cannot be decoded."""
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat  # (~4 ms)

    try:
        return info.public_key.public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    except _DECODE:
        return None


def is_self_signed(info: CertFacts) -> bool:
    """Subject equals issuer and, where both are present, AKI equals SKI (no signature)."""
    issuer, subject = info.names
    if issuer is None or issuer != subject:
        return False
    aki, ski = info.key_ids
    return aki is None or ski is None or aki == ski


def weak_hash(info: CertFacts) -> str | None:
    """ "SHA-1" or "MD5" when the certificate is signed with that hash, else None."""
    try:
        algorithm = info.cert.signature_hash_algorithm
    except _DECODE:
        return None
    return _WEAK.get(algorithm.name) if algorithm is not None else None


# -- the issuer test -----------------------------------------------------------------
def _same_name(info: CertFacts, candidate: CertFacts) -> bool:
    issuer, subject = info.names[0], candidate.names[1]
    if issuer is not None and subject is not None:
        same = dername.same(issuer, subject)
        if same is not None:  # plain names: no Name objects (~0.1 ms each for long DNs)
            return same
    a, b = info.issuer_name, candidate.subject_name
    return a is not None and b is not None and a == b


def self_issued(info: CertFacts) -> bool:
    """Subject and issuer are the same name (compared as cryptography compares names)."""
    return _same_name(info, info)


def issued_by(info: CertFacts, candidate: CertFacts) -> IssuerMatch:
    """Whether ``candidate`` issued ``info`` (the signature is checked once per pair)."""
    if not _same_name(info, candidate):
        return IssuerMatch.NO
    aki, ski = info.key_ids[0], candidate.key_ids[1]
    if aki is not None and ski is not None and aki != ski:
        return IssuerMatch.NO
    memo: dict[bytes, IssuerMatch] = vars(info).setdefault(_MEMO, {})
    found = memo.get(candidate.der)
    if found is None:
        found = memo[candidate.der] = _check(info, candidate)
    return found


def _check(info: CertFacts, candidate: CertFacts) -> IssuerMatch:
    try:
        info.cert.verify_directly_issued_by(candidate.cert)
        return IssuerMatch.VERIFIED
    except InvalidSignature:
        return IssuerMatch.BAD_SIGNATURE
    except _DECODE:  # SHA-1, MD5, unknown algorithms or keys
        pass
    verified = _verify_weak(info, candidate)
    if verified is not None:
        return IssuerMatch.VERIFIED if verified else IssuerMatch.BAD_SIGNATURE
    return IssuerMatch.NOT_CHECKED if _may_issue(info, candidate) else IssuerMatch.NO


def _verify_weak(info: CertFacts, candidate: CertFacts) -> bool | None:
    """A SHA-1 or MD5 signature checked with the primitives; None when that is impossible."""
    cert = info.cert
    try:
        algorithm = cert.signature_hash_algorithm
        if algorithm is None or algorithm.name not in _WEAK:
            return None
        params = cert.signature_algorithm_parameters
        key = candidate.public_key
        data, signature = cert.tbs_certificate_bytes, cert.signature
        # cryptography names no parameters for some legacy OIDs (md5WithRSAEncryption)
        if isinstance(key, rsa.RSAPublicKey) and (
            params is None or isinstance(params, padding.PKCS1v15)
        ):
            key.verify(signature, data, padding.PKCS1v15(), algorithm)
        elif isinstance(key, ec.EllipticCurvePublicKey) and (
            params is None or isinstance(params, ec.ECDSA)
        ):
            key.verify(signature, data, ec.ECDSA(algorithm))
        elif isinstance(key, dsa.DSAPublicKey) and isinstance(algorithm, hashes.HashAlgorithm):
            key.verify(signature, data, algorithm)
        else:
            return None
    except InvalidSignature:
        return False
    except _DECODE:
        return None
    return True


def _may_issue(info: CertFacts, candidate: CertFacts) -> bool:
    """The candidate is the certificate itself, a CA, or too old to say (no basicConstraints)."""
    return candidate == info or _is_ca(candidate) is not False
