"""Who issued a certificate: the one issuer test, issuer index and path builder.

A candidate is a certificate's issuer when its subject is the certificate's issuer
name (the DER as stored, or equal once decoded), the key identifiers agree where
both are present, and its key verifies the signature. cryptography's X.509 layer
refuses SHA-1 and MD5 signatures; those are checked here with the plain signature
primitives, so a SHA-1 root still verifies (its weak algorithm is a policy note,
see :func:`weak_hash`). Only an algorithm or key keymon cannot check at all gives
NOT_CHECKED, accepted for chain building when the candidate may be a CA.

Self-signed needs no signature: subject equals issuer and, where both are present,
the authority key identifier equals the subject key identifier.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import dsa, ec, padding, rsa
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from keymon.core.errors import KeymonError
from keymon.core.formats.der import Der, parse
from keymon.core.x509 import dername

if TYPE_CHECKING:
    from keymon.core.entries import CertInfo

MAX_DEPTH = 100
"""The longest path any caller builds (OpenSSL's default verify depth; the pool bounds it too)."""

# what a lazily decoded field of a crafted certificate may raise
_DECODE: tuple[type[Exception], ...] = (ValueError, TypeError, UnsupportedAlgorithm, KeymonError)
_DECODE += (x509.DuplicateExtension, x509.UnsupportedGeneralNameType, x509.InvalidVersion)
_WEAK = {"sha1": "SHA-1", "md5": "MD5"}
_MEMO = "_issuer_memo"  # per certificate: issuer DER → IssuerMatch
_SCAN_LOOKUPS = 64  # an index scans the pool's bytes until this many look-ups
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


# -- facts about one certificate (cached on CertInfo) ------------------------------------
def _tbs(info: CertInfo) -> list[Der]:
    """The TBS fields from the serial number on (the version, if any, skipped)."""
    return info.tbs_fields  # parsed once per certificate


def names_der(info: CertInfo) -> tuple[bytes | None, bytes | None]:
    """(issuer, subject) as DER straight from the TBS; None where it cannot be read."""
    try:
        fields = _tbs(info)
        return fields[2].element(), fields[4].element()
    except (KeymonError, IndexError):
        return None, None


def _extensions(info: CertInfo) -> dict[bytes, bytes]:
    """Extension OID content → extnValue, read from the DER (cryptography warns on some)."""
    fast = dername.extensions(info.der)  # the usual layout, read without objects
    if fast is not None:
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


def key_ids(info: CertInfo) -> tuple[bytes | None, bytes | None]:
    """(authority key identifier, subject key identifier), None where absent or unreadable."""
    exts = _extensions(info)
    aki = ski = None
    try:
        if (value := exts.get(_AKI)) is not None:
            first = parse(value, "An extension").children()
            aki = first[0].octets() if first and first[0].tag == 0x80 else None
        if (value := exts.get(_SKI)) is not None:
            ski = parse(value, "An extension").string("An extension")
    except (KeymonError, IndexError):
        pass
    return aki, ski


def _is_ca(info: CertInfo) -> bool | None:
    """basicConstraints cA; None when the certificate has no basicConstraints."""
    value = _extensions(info).get(_BASIC)
    if value is None:
        return None
    try:
        fields = parse(value, "An extension").children()
    except KeymonError:
        return False
    return bool(fields) and fields[0].tag == 0x01 and fields[0].octets() != b"\x00"


def spki_der(info: CertInfo) -> bytes | None:
    """DER SubjectPublicKeyInfo of the certificate's key; None when it cannot be decoded."""
    try:
        return info.public_key.public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    except _DECODE:
        return None


def is_self_signed(info: CertInfo) -> bool:
    """Subject equals issuer and, where both are present, AKI equals SKI (no signature)."""
    issuer, subject = info.names
    if issuer is None or issuer != subject:
        return False
    aki, ski = info.key_ids
    return aki is None or ski is None or aki == ski


def weak_hash(info: CertInfo) -> str | None:
    """ "SHA-1" or "MD5" when the certificate is signed with that hash, else None."""
    try:
        algorithm = info.cert.signature_hash_algorithm
    except _DECODE:
        return None
    return _WEAK.get(algorithm.name) if algorithm is not None else None


# -- the issuer test -----------------------------------------------------------------
def _same_name(info: CertInfo, candidate: CertInfo) -> bool:
    issuer, subject = info.names[0], candidate.names[1]
    if issuer is not None and issuer == subject:
        return True
    a, b = _decoded(info, "issuer"), _decoded(candidate, "subject")
    return a is not None and b is not None and a == b


def _decoded(info: CertInfo, which: str) -> x509.Name | None:
    try:
        name: x509.Name = getattr(info.cert, which)
    except _DECODE:
        return None
    return name


def issued_by(info: CertInfo, candidate: CertInfo) -> IssuerMatch:
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


def _check(info: CertInfo, candidate: CertInfo) -> IssuerMatch:
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


def _verify_weak(info: CertInfo, candidate: CertInfo) -> bool | None:
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


def _may_issue(info: CertInfo, candidate: CertInfo) -> bool:
    """The candidate is the certificate itself, a CA, or too old to say (no basicConstraints)."""
    return candidate == info or _is_ca(candidate) is not False


# -- the index and the path ------------------------------------------------------------
@dataclass(frozen=True)
class Lookup:
    issuer: CertInfo | None
    """The first candidate that issued the certificate (verified ones first)."""
    match: IssuerMatch
    impostor: CertInfo | None = None
    """When no issuer was found: a candidate whose signature does not verify."""


class IssuerIndex:
    """Issuer look-up over a pool by the raw DER of names, then by decoded names.

    A few look-ups scan the certificates' bytes for the issuer name (C speed); many
    build an index of subjects instead.
    """

    def __init__(self, pool: Iterable[CertInfo]) -> None:
        self.pool = list(dict.fromkeys(pool))
        self.lookups = 0
        self._by_der: dict[bytes, list[CertInfo]] | None = None
        self._by_name: dict[x509.Name, list[CertInfo]] | None = None

    def named(self, info: CertInfo) -> list[CertInfo]:
        """The pool's certificates whose subject is ``info``'s issuer name, in pool order."""
        issuer = info.names[0]
        found = self._by_raw(issuer) if issuer is not None else []
        wanted = _decoded(info, "issuer")
        if found or wanted is None:
            return found
        if self._by_name is None:
            self._by_name = {}
            for cert in self.pool:
                subject = _decoded(cert, "subject")
                if subject is not None:
                    self._by_name.setdefault(subject, []).append(cert)
        return list(self._by_name.get(wanted, []))

    def _by_raw(self, issuer: bytes) -> list[CertInfo]:
        self.lookups += 1
        if self._by_der is None and self.lookups > _SCAN_LOOKUPS:
            self._by_der = {}
            for cert in self.pool:
                subject = cert.names[1]
                if subject is not None:
                    self._by_der.setdefault(subject, []).append(cert)
        if self._by_der is not None:
            return list(self._by_der.get(issuer, []))
        return [c for c in self.pool if issuer in c.der and c.names[1] == issuer]

    def find(self, info: CertInfo, exclude: Iterable[CertInfo] = ()) -> Lookup:
        """``info``'s issuer in the pool (not ``info`` itself nor one of ``exclude``)."""
        skip = {info, *exclude}
        unchecked: CertInfo | None = None
        impostor: CertInfo | None = None
        for candidate in self.named(info):
            if candidate in skip:
                continue
            match = issued_by(info, candidate)
            if match is IssuerMatch.VERIFIED:
                return Lookup(candidate, match)
            if match is IssuerMatch.NOT_CHECKED and unchecked is None:
                unchecked = candidate
            elif match is IssuerMatch.BAD_SIGNATURE and impostor is None:
                impostor = candidate
        if unchecked is not None:
            return Lookup(unchecked, IssuerMatch.NOT_CHECKED)
        return Lookup(None, IssuerMatch.NO, impostor)


class PathEnd(enum.Enum):
    ROOT = "root"
    """The top is self-signed."""
    STOPPED = "stopped"
    """The caller's ``stop`` accepted the top (a trust anchor)."""
    MISSING = "missing"
    """No issuer of the top is in the pool."""
    BAD_SIGNATURE = "bad_signature"
    """Only a candidate whose signature does not verify is in the pool (``Path.impostor``)."""
    TOO_LONG = "too_long"
    """MAX_DEPTH was reached."""


@dataclass(frozen=True)
class Path:
    certs: tuple[CertInfo, ...]
    """Leaf first, each followed by its issuer."""
    end: PathEnd
    impostor: CertInfo | None = None
    not_checked: tuple[CertInfo, ...] = ()
    """The certificates whose link to their issuer could not be checked."""

    @property
    def top(self) -> CertInfo:
        return self.certs[-1]


def build_path(
    leaf: CertInfo | Sequence[CertInfo],
    pool: IssuerIndex | Iterable[CertInfo],
    max_depth: int = MAX_DEPTH,
    *,
    stop: Callable[[CertInfo], bool] | None = None,
) -> Path:
    """``leaf`` (or a chain, leaf first, kept as given) followed by issuers from ``pool``.

    Goes up until a certificate that ``stop`` accepts, a self-signed one, a missing
    issuer, or ``max_depth`` certificates.
    """
    index = pool if isinstance(pool, IssuerIndex) else IssuerIndex(pool)
    path = [leaf] if not isinstance(leaf, Sequence) else list(leaf)
    not_checked: list[CertInfo] = []
    while True:
        top = path[-1]
        if stop is not None and stop(top):
            end = PathEnd.STOPPED
        elif top.summary.self_signed:
            end = PathEnd.ROOT
        elif len(path) >= max_depth:
            end = PathEnd.TOO_LONG
        else:
            found = index.find(top, path)
            if found.issuer is not None:
                if found.match is IssuerMatch.NOT_CHECKED:
                    not_checked.append(top)
                path.append(found.issuer)
                continue
            end = PathEnd.BAD_SIGNATURE if found.impostor is not None else PathEnd.MISSING
            return Path(tuple(path), end, found.impostor, tuple(not_checked))
        return Path(tuple(path), end, None, tuple(not_checked))
