"""Who issued a certificate: the issuer index and the one path builder.

:class:`IssuerIndex` finds a certificate's issuer in a pool (raw DER names first,
then decoded names) with the one issuer test of :mod:`.issuance`; :func:`build_path`
follows issuers up from a leaf. Every chain walker in keymon uses these two.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence

from cryptography import x509

from keymon.core.entries import CertInfo
from keymon.core.records import Record, put
from keymon.core.x509.issuance import IssuerMatch as IssuerMatch  # re-exported
from keymon.core.x509.issuance import issued_by
from keymon.core.x509.issuance import weak_hash as weak_hash  # re-exported

MAX_DEPTH = 100
"""The longest path any caller builds (OpenSSL's default verify depth; the pool bounds it too)."""

_SCAN_LOOKUPS = 64  # an index scans the pool's bytes until this many look-ups


# -- the index and the path ------------------------------------------------------------
class Lookup(Record):
    issuer: CertInfo | None
    """The first candidate that issued the certificate (verified ones first)."""
    match: IssuerMatch
    impostor: CertInfo | None
    """When no issuer was found: a candidate whose signature does not verify."""
    FIELDS = ("issuer", "match", "impostor")
    COMPARED = FIELDS
    SHOWN = FIELDS

    def __init__(
        self, issuer: CertInfo | None, match: IssuerMatch, impostor: CertInfo | None = None
    ) -> None:
        put(self, "issuer", issuer)
        put(self, "match", match)
        put(self, "impostor", impostor)


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
        if found:
            return found
        wanted = info.issuer_name  # the DER differs: compare decoded names
        if wanted is None:
            return found
        if self._by_name is None:
            self._by_name = {}
            for cert in self.pool:
                subject = cert.subject_name
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


class Path(Record):
    certs: tuple[CertInfo, ...]
    """Leaf first, each followed by its issuer."""
    end: PathEnd
    impostor: CertInfo | None
    not_checked: tuple[CertInfo, ...]
    """The certificates whose link to their issuer could not be checked."""
    FIELDS = ("certs", "end", "impostor", "not_checked")
    COMPARED = FIELDS
    SHOWN = FIELDS

    def __init__(
        self,
        certs: tuple[CertInfo, ...],
        end: PathEnd,
        impostor: CertInfo | None = None,
        not_checked: tuple[CertInfo, ...] = (),
    ) -> None:
        put(self, "certs", certs)
        put(self, "end", end)
        put(self, "impostor", impostor)
        put(self, "not_checked", not_checked)

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
