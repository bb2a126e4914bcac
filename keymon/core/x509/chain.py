"""Certificate chains: order a bag of certificates, complete a chain, and judge trust.

Trust is decided by our own path check (issuer name + signature, validity, a
trusted set as anchors, like Java's PKIX with the keystore as trust store).
The stricter RFC 5280 / Web PKI profile of ``cryptography.x509.verification``
runs on the same path afterwards, and what it objects to is reported as
``policy_findings``, kept apart from the verdict: keytool's self-signed
certificates, for instance, lack the Authority Key Identifier that profile wants.
"""

from __future__ import annotations

import datetime as dt
import enum
import ipaddress
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from cryptography.x509 import verification as xv
from cryptography.x509.oid import NameOID

from keymon.core.entries import CertInfo
from keymon.core.errors import UsageError
from keymon.core.text import QT_TRANSLATE_NOOP, Text
from keymon.core.x509.extensions import extension_name

Purpose = Literal["client", "server", "any"]


def _unique(certs: Iterable[CertInfo]) -> list[CertInfo]:
    return list(dict.fromkeys(certs))


def find_issuer(cert: CertInfo, candidates: Iterable[CertInfo]) -> CertInfo | None:
    """The first candidate (other than ``cert``) whose name and key issued ``cert``."""
    return next((c for c in candidates if c != cert and cert.signed_by(c)), None)


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
    issued_something = {c for c in pool for child in pool if child != c and child.signed_by(c)}

    def walk(start: CertInfo) -> list[CertInfo]:
        path = [start]
        while not path[-1].summary.self_signed:
            issuer = find_issuer(path[-1], (c for c in pool if c not in path))
            if issuer is None:
                break
            path.append(issuer)
        return path

    leaves = [c for c in pool if c not in issued_something] or pool[:1]
    # longest first; on a tie a real leaf beats a lone self-signed certificate
    best = max(
        (walk(leaf) for leaf in leaves),
        key=lambda p: (len(p), not p[0].summary.self_signed),
        default=[],
    )
    return OrderedChain(tuple(best), tuple(c for c in pool if c not in best))


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
    candidates = _unique(pool)
    links = [ChainLink(LinkOrigin.IN_ENTRY, cert) for cert in chain]
    path = list(chain)
    while path and not path[-1].summary.self_signed:
        issuer = find_issuer(path[-1], (c for c in candidates if c not in path))
        if issuer is None:
            links.append(ChainLink(LinkOrigin.MISSING, missing_issuer=path[-1].summary.issuer))
            break
        path.append(issuer)
        links.append(ChainLink(LinkOrigin.FROM_KEYSTORE, issuer))
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


def _label(cert: CertInfo) -> str:
    return f"“{cert.summary.subject_cn}”"


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
    cns = cert.cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return any(isinstance(a.value, str) and _matches(a.value, hostname) for a in cns), True


def _time_problems(path: Sequence[CertInfo], now: dt.datetime) -> list[ChainProblem]:
    out = []
    for i, cert in enumerate(path):
        s = cert.summary
        if now > s.not_after:
            when = s.not_after.strftime("%Y-%m-%d")
            text = _t(
                QT_TRANSLATE_NOOP("Chain", "The certificate {cert} expired on {date}."),
                cert=_label(cert),
                date=when,
            )
            out.append(ChainProblem(Verdict.EXPIRED, str(text), i, text=text))
        elif now < s.not_before:
            when = s.not_before.strftime("%Y-%m-%d")
            text = _t(
                QT_TRANSLATE_NOOP("Chain", "The certificate {cert} is not valid before {date}."),
                cert=_label(cert),
                date=when,
            )
            out.append(ChainProblem(Verdict.NOT_YET_VALID, str(text), i, text=text))
    return out


def _build_path(
    chain: Sequence[CertInfo], trusted: Sequence[CertInfo]
) -> tuple[list[CertInfo], CertInfo | None, ChainProblem | None]:
    """Follow issuers from the leaf through the chain, then the trusted set, to an anchor."""
    anchors = {(t.cert.subject, key) for t in trusted if (key := _spki(t)) is not None}
    rest = _unique([*chain[1:], *trusted])
    path = [chain[0]]
    while True:
        cur = path[-1]
        if cur in trusted or (cur.cert.subject, _spki(cur)) in anchors:
            return path, cur, None
        if cur.summary.self_signed:
            text = _t(
                QT_TRANSLATE_NOOP(
                    "Chain", "The root {cert} is not among the trusted certificates."
                ),
                cert=_label(cur),
            )
            problem = ChainProblem(Verdict.ROOT_NOT_TRUSTED, str(text), len(path) - 1, text=text)
            return path, None, problem
        named = [c for c in rest if c not in path and c.cert.subject == cur.cert.issuer]
        if cur.cert.subject == cur.cert.issuer:
            named.append(cur)
        issuer = next((c for c in named if c != cur and cur.signed_by(c)), None)
        if issuer is not None:
            path.append(issuer)
            continue
        i = len(path) - 1
        if named:
            bad = named[0]
            text = _t(
                QT_TRANSLATE_NOOP(
                    "Chain", "The signature on {cert} does not verify with the key of {issuer}."
                ),
                cert=_label(cur),
                issuer=_label(bad),
            )
            problem = ChainProblem(Verdict.BAD_SIGNATURE, str(text), i, issuer=bad, text=text)
            return path, None, problem
        name = cur.summary.issuer
        text = _t(
            QT_TRANSLATE_NOOP(
                "Chain", "The chain is incomplete: the issuer “{issuer}” of {cert} is missing."
            ),
            issuer=name,
            cert=_label(cur),
        )
        problem = ChainProblem(Verdict.INCOMPLETE, str(text), i, missing_issuer=name, text=text)
        return path, None, problem


def _spki(cert: CertInfo) -> bytes | None:
    try:
        return cert.public_key.public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    except Exception:  # an undecodable key never matches
        return None


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
    path, anchor, structural = _build_path(chain, trusted)
    problems = _time_problems(path, now)
    if structural is not None:
        problems.append(structural)
    findings: list[str] = []
    if hostname is not None:
        ok, by_cn = hostname_matches(path[0], hostname)
        if not ok:
            wrong = _t(
                QT_TRANSLATE_NOOP(
                    "Chain", "The certificate {cert} is not valid for the host name “{host}”."
                ),
                cert=_label(path[0]),
                host=hostname,
            )
            problems.append(ChainProblem(Verdict.HOSTNAME_MISMATCH, str(wrong), 0, text=wrong))
        elif by_cn:
            findings.append(
                f"The certificate {_label(path[0])} names the host only in its common name; "
                "current TLS clients need it in a subjectAltName."
            )
    problems.sort(key=lambda p: _PRIORITY.index(p.verdict))
    if structural is None or structural.verdict is Verdict.ROOT_NOT_TRUSTED:
        findings += _policy_findings(path, now, purpose)
    text: Text | None
    if problems:
        verdict, text = problems[0].verdict, problems[0].text
    else:
        verdict = Verdict.TRUSTED
        text = _t(
            QT_TRANSLATE_NOOP("Chain", "The chain of {cert} is trusted through {anchor}."),
            cert=_label(path[0]),
            anchor=_label(path[-1]),
        )
        if len(path) == 1:
            text = _t(
                QT_TRANSLATE_NOOP("Chain", "The certificate {cert} is itself trusted."),
                cert=_label(path[0]),
            )
    message = problems[0].message if problems else str(text)
    return ChainReport(
        verdict, message, tuple(path), anchor, tuple(problems), tuple(findings), text
    )


# --- RFC 5280 / Web PKI profile checks (cryptography.x509.verification) -------------

# The extensions the Web PKI policies have rules for (what a failed rule can relax).
_RULED: tuple[type[x509.ExtensionType], ...] = (x509.AuthorityKeyIdentifier, x509.KeyUsage)
_RULED += (x509.SubjectKeyIdentifier, x509.ExtendedKeyUsage, x509.SubjectAlternativeName)
_RULED += (x509.BasicConstraints, x509.NameConstraints, x509.PolicyConstraints)
_EXTENSION_TYPES = {cls.oid.dotted_string: cls for cls in _RULED}
_PROCESSING = re.compile(
    r" \(encountered processing <Certificate\(subject=<Name\((.*)\)>, \.\.\.\)>\)$"
)
_BAD_EXTENSION = re.compile(r"invalid extension: ([0-9.]+): (.*)$")
_COVERED = ("not valid at validation time", "signature does not match")
_EKU_PURPOSE = {"client": "TLS client authentication", "server": "TLS server authentication"}


def _validation_time(path: Sequence[CertInfo], now: dt.datetime) -> dt.datetime:
    """``now``, or a moment when every certificate is valid (time is judged by the verdict)."""
    start = max(c.summary.not_before for c in path)
    end = min(c.summary.not_after for c in path)
    return now if start <= now <= end or start > end else start


def _policy_findings(path: Sequence[CertInfo], now: dt.datetime, purpose: Purpose) -> list[str]:
    """What the Web PKI profile objects to, relaxing each failed rule to find the next one."""
    leaf, top = path[0], path[-1]
    if leaf.summary.is_ca or (len(path) == 1 and not leaf.summary.self_signed):
        return []  # the end-entity profile does not apply to a CA, nor without an issuer
    ee = xv.ExtensionPolicy.webpki_defaults_ee()
    ca = xv.ExtensionPolicy.webpki_defaults_ca()
    if purpose != "server":
        ee = ee.may_be_present(x509.SubjectAlternativeName, xv.Criticality.AGNOSTIC, None)
    if purpose == "any":
        ee = ee.may_be_present(x509.ExtendedKeyUsage, xv.Criticality.AGNOSTIC, None)
        ca = ca.may_be_present(x509.ExtendedKeyUsage, xv.Criticality.AGNOSTIC, None)
    intermediates = [c.cert for c in path[1:-1]]
    subject = _server_subject(leaf)
    findings: list[str] = []
    for _ in range(12):
        builder = xv.PolicyBuilder().store(xv.Store([top.cert])).time(_validation_time(path, now))
        builder = builder.extension_policies(ca_policy=ca, ee_policy=ee)
        try:
            if purpose == "server":
                builder.build_server_verifier(subject).verify(leaf.cert, intermediates)
            else:
                builder.build_client_verifier().verify(leaf.cert, intermediates)
            break
        except xv.VerificationError as exc:
            text, relax_ee, ext_type = _explain(str(exc), path, purpose)
        except Exception as exc:  # unsupported keys or algorithms
            findings.append(f"The RFC 5280 profile checks could not run ({exc}).")
            break
        if text is None or text in findings:
            break
        findings.append(text)
        if ext_type is None:
            break
        try:
            if relax_ee:
                ee = ee.may_be_present(ext_type, xv.Criticality.AGNOSTIC, None)
            else:
                ca = ca.may_be_present(ext_type, xv.Criticality.AGNOSTIC, None)
        except ValueError:  # basicConstraints cannot be relaxed for CAs
            break
    return findings


def _server_subject(leaf: CertInfo) -> x509.DNSName | x509.IPAddress:
    try:
        san = leaf.cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except (x509.ExtensionNotFound, ValueError):
        return x509.DNSName("invalid.invalid")
    return next(
        (n for n in san if isinstance(n, (x509.DNSName, x509.IPAddress))),
        x509.DNSName("invalid.invalid"),
    )


def _explain(
    message: str, path: Sequence[CertInfo], purpose: Purpose
) -> tuple[str | None, bool, type[x509.ExtensionType] | None]:
    """(plain sentence, the rule is on the end entity, extension type to relax) of an error."""
    text = message.removeprefix("validation failed: ").removeprefix("candidates exhausted: ")
    match = _PROCESSING.search(text)
    text = _PROCESSING.sub("", text)
    if any(part in text for part in _COVERED):
        return None, False, None
    leaf = path[0]
    on_ee = (match is None and len(path) == 1) or (
        match is not None and match[1] == leaf.summary.subject
    )
    bad = _BAD_EXTENSION.match(text)
    if bad is None and "EKU" in text:
        bad = _BAD_EXTENSION.match(f"invalid extension: 2.5.29.37: {text}")
    if bad is None:
        who = f"The certificate {_label(leaf)}" if on_ee else "A CA certificate"
        if "subjectAltName" in text:
            return f"{who} has no DNS or IP subjectAltName, which TLS clients require.", True, None
        return f"{who} fails the RFC 5280 profile: {text}.", on_ee, None
    oid, reason = bad[1], bad[2]
    name = extension_name(x509.ObjectIdentifier(oid))
    missing = "missing required extension" in reason.lower()
    who, many = (
        (f"The certificate {_label(leaf)}", False)
        if on_ee
        else _ca_label(path, oid, missing=missing)
    )
    has, lacks = ("have", "lack") if many else ("has", "lacks")
    if oid == "2.5.29.37":
        usage = _EKU_PURPOSE.get(purpose, "this purpose")
        sentence = f"{who} {has} an Extended Key Usage that does not allow {usage}."
    elif missing:
        sentence = f"{who} {lacks} the {name} extension that the RFC 5280 profile requires."
    else:
        sentence = f"{who} {has} a {name} extension the RFC 5280 profile rejects ({reason})."
    return sentence, on_ee, _EXTENSION_TYPES.get(oid)


def _ca_label(path: Sequence[CertInfo], oid: str, *, missing: bool) -> tuple[str, bool]:
    """The CAs on the path that lack (or have) the extension, and whether they are several."""
    names = []
    for cert in path[1:]:
        try:
            present = any(e.oid.dotted_string == oid for e in cert.cert.extensions)
        except ValueError:
            continue
        if present != missing:
            names.append(_label(cert))
    if not names:
        return "A CA certificate", False
    return f"The CA{'s' if len(names) > 1 else ''} {' and '.join(names)}", len(names) > 1
