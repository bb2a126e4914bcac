"""The RFC 5280 / Web PKI profile checks of ``cryptography.x509.verification`` on a path.

What the profile objects to is reported as policy findings, kept apart from the
chain's verdict (:mod:`keymon.core.x509.chain`). cryptography refuses SHA-1 and
MD5 signatures on every link but the anchor: the chain check reports those
itself, so the profile's own complaint about them is left out here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Literal

from cryptography import x509
from cryptography.x509 import verification as xv

from keymon.core.entries import CertInfo
from keymon.core.x509.extensions import extension_name
from keymon.core.x509.issuers import weak_hash

Purpose = Literal["client", "server", "any"]


def label(cert: CertInfo) -> str:
    """How sentences name a certificate: its common name in quotes."""
    return f"“{cert.summary.subject_cn}”"


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


def policy_findings(path: Sequence[CertInfo], now: dt.datetime, purpose: Purpose) -> list[str]:
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
    if "signature algorithm" in text and any(weak_hash(c) for c in path[:-1]):
        return None, False, None  # the chain check reports SHA-1 and MD5 itself
    leaf = path[0]
    on_ee = (match is None and len(path) == 1) or (
        match is not None and match[1] == leaf.summary.subject
    )
    bad = _BAD_EXTENSION.match(text)
    if bad is None and "EKU" in text:
        bad = _BAD_EXTENSION.match(f"invalid extension: 2.5.29.37: {text}")
    if bad is None:
        who = f"The certificate {label(leaf)}" if on_ee else "A CA certificate"
        if "subjectAltName" in text:
            return f"{who} has no DNS or IP subjectAltName, which TLS clients require.", True, None
        return f"{who} fails the RFC 5280 profile: {text}.", on_ee, None
    oid, reason = bad[1], bad[2]
    name = extension_name(x509.ObjectIdentifier(oid))
    missing = "missing required extension" in reason.lower()
    who, many = (
        (f"The certificate {label(leaf)}", False) if on_ee else _calabel(path, oid, missing=missing)
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


def _calabel(path: Sequence[CertInfo], oid: str, *, missing: bool) -> tuple[str, bool]:
    """The CAs on the path that lack (or have) the extension, and whether they are several."""
    names = []
    for cert in path[1:]:
        try:
            present = any(e.oid.dotted_string == oid for e in cert.cert.extensions)
        except ValueError:
            continue
        if present != missing:
            names.append(label(cert))
    if not names:
        return "A CA certificate", False
    return f"The CA{'s' if len(names) > 1 else ''} {' and '.join(names)}", len(names) > 1
