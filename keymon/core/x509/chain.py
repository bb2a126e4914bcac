"""Certificate chains: order a bag of certificates, complete a chain, and judge trust.

Trust is decided by our own path check (issuer name + signature, validity, a
trusted set as anchors, like Java's PKIX with the keystore as trust store).
The stricter RFC 5280 / Web PKI profile of ``cryptography.x509.verification``
runs on the same path afterwards, and what it objects to is reported as
``policy_findings``, kept apart from the verdict: keytool's self-signed
certificates, for instance, lack the Authority Key Identifier that profile wants.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import ipaddress
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from cryptography import x509
from cryptography.x509.oid import NameOID

from keymon.core.entries import CertInfo
from keymon.core.errors import UsageError
from keymon.core.text import QT_TRANSLATE_NOOP, Text
from keymon.core.x509.issuers import IssuerIndex, IssuerMatch, Path, PathEnd, build_path, weak_hash
from keymon.core.x509.profile import Purpose, label, policy_findings


def _unique(certs: Iterable[CertInfo]) -> list[CertInfo]:
    return list(dict.fromkeys(certs))


def find_issuer(cert: CertInfo, candidates: Iterable[CertInfo]) -> CertInfo | None:
    """The candidate (other than ``cert``) that issued ``cert`` (see :mod:`.issuers`)."""
    return IssuerIndex(candidates).find(cert).issuer


@dataclass(frozen=True)
class OrderedChain:
    chain: tuple[CertInfo, ...]
    """Leaf first, each certificate followed by its issuer."""
    unrelated: tuple[CertInfo, ...]
    """Certificates of the input that are not on the chain."""


def order_chain_report(certs: Iterable[CertInfo]) -> OrderedChain:
    """Order an unordered set leaf → root and say which certificates do not belong.

    The leaf is a certificate that issued no other; when several qualify, the one
    with the longest chain wins (then the earliest in the input).
    """
    pool = _unique(certs)
    index = IssuerIndex(pool)
    issued_something = {
        c for child in pool for c in index.named(child) if c != child and child.signed_by(c)
    }
    leaves = [c for c in pool if c not in issued_something] or pool[:1]
    # longest first; on a tie a real leaf beats a lone self-signed certificate
    best = max(
        (build_path(leaf, index).certs for leaf in leaves),
        key=lambda p: (len(p), not p[0].summary.self_signed),
        default=(),
    )
    return OrderedChain(best, tuple(c for c in pool if c not in best))


def order_chain(certs: Iterable[CertInfo]) -> tuple[CertInfo, ...]:
    """Leaf → root; certificates not on the chain are left out (see :func:`order_chain_report`)."""
    return order_chain_report(certs).chain


class LinkOrigin(enum.Enum):
    IN_ENTRY = "in_entry"
    FROM_KEYSTORE = "from_keystore"
    MISSING = "missing"


@dataclass(frozen=True)
class ChainLink:
    origin: LinkOrigin
    cert: CertInfo | None = None
    missing_issuer: str | None = None
    """For a MISSING link: the RFC 4514 name of the issuer nobody has."""


@dataclass(frozen=True)
class CompletedChain:
    links: tuple[ChainLink, ...]

    @property
    def certificates(self) -> tuple[CertInfo, ...]:
        return tuple(link.cert for link in self.links if link.cert is not None)

    @property
    def added(self) -> tuple[CertInfo, ...]:
        """The issuers taken from the keystore."""
        return tuple(x.cert for x in self.links if x.origin is LinkOrigin.FROM_KEYSTORE and x.cert)

    @property
    def missing_issuer(self) -> str | None:
        return next((link.missing_issuer for link in self.links if link.missing_issuer), None)

    @property
    def complete(self) -> bool:
        """True when the chain ends in a self-signed certificate."""
        top = self.links[-1].cert if self.links else None
        return top is not None and top.summary.self_signed


def complete_chain(chain: Sequence[CertInfo], pool: Iterable[CertInfo]) -> CompletedChain:
    """Extend ``chain`` (leaf first) up to a self-signed root with issuers found in ``pool``.

    The links of ``chain`` are kept as they are; when no issuer is found, a MISSING
    link carrying the issuer's name ends the result.
    """
    if not chain:
        return CompletedChain(())
    path = build_path(chain, pool)
    links = [ChainLink(LinkOrigin.IN_ENTRY, cert) for cert in chain]
    links += [ChainLink(LinkOrigin.FROM_KEYSTORE, cert) for cert in path.certs[len(chain) :]]
    if path.end in (PathEnd.MISSING, PathEnd.BAD_SIGNATURE, PathEnd.TOO_LONG):
        links.append(ChainLink(LinkOrigin.MISSING, missing_issuer=path.top.summary.issuer))
    return CompletedChain(tuple(links))


class Verdict(enum.Enum):
    TRUSTED = "trusted"
    BAD_SIGNATURE = "bad_signature"
    EXPIRED = "expired"
    NOT_YET_VALID = "not_yet_valid"
    INCOMPLETE = "incomplete"
    ROOT_NOT_TRUSTED = "root_not_trusted"
    HOSTNAME_MISMATCH = "hostname_mismatch"


_PRIORITY = list(Verdict)  # the verdict is the first problem in this order


@dataclass(frozen=True)
class ChainProblem:
    verdict: Verdict
    message: str
    index: int | None = None
    """Position in ``ChainReport.path`` of the certificate concerned (the child of a bad link)."""
    issuer: CertInfo | None = None
    """For BAD_SIGNATURE: the certificate whose name matches but whose key does not verify."""
    missing_issuer: str | None = None
    text: Text | None = None
    """``message`` as a translatable template with its values (for the GUI)."""


@dataclass(frozen=True)
class ChainReport:
    verdict: Verdict
    message: str
    path: tuple[CertInfo, ...]
    """Leaf first, as far as issuers were found; ends with ``anchor`` when trusted."""
    anchor: CertInfo | None
    problems: tuple[ChainProblem, ...]
    policy_findings: tuple[str, ...]
    text: Text | None = None
    """``message`` as a translatable template with its values (for the GUI)."""

    @property
    def trusted(self) -> bool:
        return self.verdict is Verdict.TRUSTED

    @property
    def problem(self) -> ChainProblem | None:
        return self.problems[0] if self.problems else None

    @property
    def cert(self) -> CertInfo | None:
        """The certificate the verdict is about, if it is about one."""
        p = self.problem
        return self.path[p.index] if p is not None and p.index is not None else None

    @property
    def missing_issuer(self) -> str | None:
        return self.problem.missing_issuer if self.problem else None


def _t(template: str, **values: object) -> Text:
    return Text.of("Chain", template, **values)


def _matches(pattern: str, host: str) -> bool:
    pattern, host = pattern.lower().rstrip("."), host.lower().rstrip(".")
    if pattern.startswith("*.") and "." in host:
        first, rest = host.split(".", 1)
        return bool(first) and rest == pattern[2:]
    return pattern == host


def hostname_matches(cert: CertInfo, hostname: str) -> tuple[bool, bool]:
    """(matches, matched by the common name only because there is no subjectAltName)."""
    try:
        san = list(cert.cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value)
    except (x509.ExtensionNotFound, ValueError):
        san = []
    try:
        ip = ipaddress.ip_address(hostname)
        return any(isinstance(n, x509.IPAddress) and n.value == ip for n in san), False
    except ValueError:
        pass
    if san:
        return any(isinstance(n, x509.DNSName) and _matches(n.value, hostname) for n in san), False
    subject = cert.subject_name
    cns = [] if subject is None else subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return any(isinstance(a.value, str) and _matches(a.value, hostname) for a in cns), True


def _time_problems(path: Sequence[CertInfo], now: dt.datetime) -> list[ChainProblem]:
    out = []
    for i, cert in enumerate(path):
        s = cert.summary
        if now > s.not_after:
            when = s.not_after.strftime("%Y-%m-%d")
            text = _t(
                QT_TRANSLATE_NOOP("Chain", "The certificate {cert} expired on {date}."),
                cert=label(cert),
                date=when,
            )
            out.append(ChainProblem(Verdict.EXPIRED, str(text), i, text=text))
        elif now < s.not_before:
            when = s.not_before.strftime("%Y-%m-%d")
            text = _t(
                QT_TRANSLATE_NOOP("Chain", "The certificate {cert} is not valid before {date}."),
                cert=label(cert),
                date=when,
            )
            out.append(ChainProblem(Verdict.NOT_YET_VALID, str(text), i, text=text))
    return out


def _build_path(
    chain: Sequence[CertInfo], trusted: Sequence[CertInfo]
) -> tuple[Path, ChainProblem | None]:
    """Follow issuers from the leaf through the chain, then the trusted set, to an anchor."""
    anchors = {(t.names[1], t.spki) for t in trusted if t.spki is not None}
    exact = set(trusted)
    path = build_path(
        chain[0],
        [*chain[1:], *trusted],
        stop=lambda c: c in exact or (c.names[1], c.spki) in anchors,
    )
    cur, i = path.top, len(path.certs) - 1
    bad = path.impostor
    if path.end is PathEnd.ROOT and cur.issued_by(cur) is IssuerMatch.BAD_SIGNATURE:
        bad = cur  # an untrusted root: its self-signature is all there is to check
    if path.end is PathEnd.STOPPED:
        return path, None
    if bad is not None:
        text = _t(
            QT_TRANSLATE_NOOP(
                "Chain", "The signature on {cert} does not verify with the key of {issuer}."
            ),
            cert=label(cur),
            issuer=label(bad),
        )
        return path, ChainProblem(Verdict.BAD_SIGNATURE, str(text), i, issuer=bad, text=text)
    if path.end is PathEnd.ROOT:
        text = _t(
            QT_TRANSLATE_NOOP("Chain", "The root {cert} is not among the trusted certificates."),
            cert=label(cur),
        )
        return path, ChainProblem(Verdict.ROOT_NOT_TRUSTED, str(text), i, text=text)
    name = cur.summary.issuer
    text = _t(
        QT_TRANSLATE_NOOP(
            "Chain", "The chain is incomplete: the issuer “{issuer}” of {cert} is missing."
        ),
        issuer=name,
        cert=label(cur),
    )
    return path, ChainProblem(Verdict.INCOMPLETE, str(text), i, missing_issuer=name, text=text)


def _server_wording(problem: ChainProblem, top: CertInfo) -> ChainProblem:
    """A server that omits its root is normal: say so, and what to do, not "incomplete"."""
    if problem.verdict is not Verdict.INCOMPLETE:
        return problem
    issuer = top.issuer_name
    cns = [] if issuer is None else issuer.get_attributes_for_oid(NameOID.COMMON_NAME)
    name = next((a.value for a in cns if isinstance(a.value, str)), None)
    text = _t(
        QT_TRANSLATE_NOOP(
            "Chain",
            "The server does not send its root CA “{issuer}” (normal). "
            "Import the root CA to trust it.",
        ),
        issuer=name or problem.missing_issuer or "",
    )
    return dataclasses.replace(problem, message=str(text), text=text)


def _signature_findings(path: Path) -> list[str]:
    """Weak or uncheckable signatures on the path; a trust anchor's own never matters."""
    findings = []
    for cert in path.certs[:-1]:
        if cert in path.not_checked:
            findings.append(
                f"The signature on {label(cert)} was not checked: keymon cannot verify "
                f"{cert.summary.signature_algorithm} signatures."
            )
        elif (weak := weak_hash(cert)) is not None:
            findings.append(
                f"The certificate {label(cert)} is signed with {weak}, "
                "which current TLS clients no longer accept."
            )
    return findings


def validate_chain(
    chain: Sequence[CertInfo],
    trusted: Sequence[CertInfo],
    now: dt.datetime,
    *,
    purpose: Purpose = "any",
    hostname: str | None = None,
) -> ChainReport:
    """Judge a chain (leaf first) against the trusted certificates at time ``now``.

    A trusted certificate anywhere on the path is an anchor (matched by its bytes
    or by subject and public key). ``purpose`` and RFC 5280 profile checks only
    produce ``policy_findings``; they never change the verdict.
    """
    if not chain:
        raise UsageError("There is no certificate to validate.")
    now = now if now.tzinfo is not None else now.replace(tzinfo=dt.UTC)
    found, structural = _build_path(chain, trusted)
    if purpose == "server" and structural is not None:
        structural = _server_wording(structural, found.top)
    path = list(found.certs)
    anchor = path[-1] if found.end is PathEnd.STOPPED else None
    problems = _time_problems(path, now)
    if structural is not None:
        problems.append(structural)
    findings = _signature_findings(found)
    if hostname is not None:
        ok, by_cn = hostname_matches(path[0], hostname)
        if not ok:
            wrong = _t(
                QT_TRANSLATE_NOOP(
                    "Chain", "The certificate {cert} is not valid for the host name “{host}”."
                ),
                cert=label(path[0]),
                host=hostname,
            )
            problems.append(ChainProblem(Verdict.HOSTNAME_MISMATCH, str(wrong), 0, text=wrong))
        elif by_cn:
            findings.append(
                f"The certificate {label(path[0])} names the host only in its common name; "
                "current TLS clients need it in a subjectAltName."
            )
    problems.sort(key=lambda p: _PRIORITY.index(p.verdict))
    if structural is None or structural.verdict is Verdict.ROOT_NOT_TRUSTED:
        findings += policy_findings(path, now, purpose)
    text: Text | None
    if problems:
        verdict, text = problems[0].verdict, problems[0].text
    else:
        verdict = Verdict.TRUSTED
        text = _t(
            QT_TRANSLATE_NOOP("Chain", "The chain of {cert} is trusted through {anchor}."),
            cert=label(path[0]),
            anchor=label(path[-1]),
        )
        if len(path) == 1:
            text = _t(
                QT_TRANSLATE_NOOP("Chain", "The certificate {cert} is itself trusted."),
                cert=label(path[0]),
            )
    message = problems[0].message if problems else str(text)
    return ChainReport(
        verdict, message, tuple(path), anchor, tuple(problems), tuple(findings), text
    )
