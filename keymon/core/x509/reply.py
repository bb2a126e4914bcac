"""Install a CA reply ("Update Signing Response" in SAP's words) in a key pair entry.

:func:`load_reply` reads the file, :func:`plan_reply` works out the new chain
without changing anything (for a wizard's review page), :func:`apply_reply`
gives the updated entry.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass

from keymon.core.entries import CertInfo, KeyPairEntry
from keymon.core.errors import KeymonError, PasswordRequired, UnsupportedFormat, UsageError
from keymon.core.formats import pem
from keymon.core.formats.assemble import spki
from keymon.core.formats.detect import Format, detect, load_certificates
from keymon.core.x509.chain import ChainReport, LinkOrigin, complete_chain, validate_chain

MISMATCH = "The public key of the CA reply is different from the public key of the keystore entry"


class ReplyMismatch(KeymonError):
    """No certificate of the reply carries the entry's public key (exit code 4)."""

    exit_code = 4

    def __init__(self, message: str = MISMATCH) -> None:
        super().__init__(message)


def load_reply(data: bytes) -> list[CertInfo]:
    """The certificates of a reply: PKCS#7 (PEM or DER), PEM/DER certificates, or PkiPath."""
    fmt = detect(data)
    if fmt is Format.PEM:
        try:
            keys, loose = pem.load_loose(data, None)
        except PasswordRequired:  # an encrypted private key
            keys, loose = [], []
            has_key = True
        else:
            has_key = bool(keys)
        if has_key:
            raise UsageError("The CA reply holds a private key; a reply holds certificates only.")
        certs = [c.info for c in loose]
    elif fmt in (Format.DER, Format.PKCS7, Format.PKIPATH):
        certs = load_certificates(fmt, data)
    else:
        raise UnsupportedFormat(
            f"A CA reply is a certificate, a certificate chain or a PKCS#7 file, not a {fmt.label} "
            "keystore."
        )
    if not certs:
        raise UsageError("The CA reply holds no certificate.")
    return list(dict.fromkeys(certs))


class Origin(enum.Enum):
    REPLY = "reply"
    KEYSTORE = "keystore"


@dataclass(frozen=True)
class ReplyPlan:
    """What installing the reply would do; nothing is changed until :func:`apply_reply`."""

    alias: str
    chain: tuple[CertInfo, ...]
    """The new chain, leaf first."""
    origins: tuple[Origin, ...]
    """For each certificate of ``chain``: from the reply or from the keystore."""
    report: ChainReport
    """The verdict on the new chain against the keystore's trusted certificates."""
    missing_issuer: str | None
    """When the chain does not reach a root: the name of the issuer nobody has."""
    unused: tuple[CertInfo, ...]
    """Certificates of the reply that are not on the new chain."""
    previous: tuple[CertInfo, ...]
    """The entry's chain before the reply."""

    @property
    def leaf(self) -> CertInfo:
        return self.chain[0]

    @property
    def from_reply(self) -> tuple[CertInfo, ...]:
        return tuple(c for c, o in zip(self.chain, self.origins, strict=True) if o is Origin.REPLY)

    @property
    def from_keystore(self) -> tuple[CertInfo, ...]:
        return tuple(
            c for c, o in zip(self.chain, self.origins, strict=True) if o is Origin.KEYSTORE
        )

    @property
    def complete(self) -> bool:
        """True when the new chain ends in a self-signed root."""
        return self.missing_issuer is None and self.chain[-1].summary.self_signed


def _pick_leaf(entry: KeyPairEntry, certs: Sequence[CertInfo]) -> CertInfo:
    key = spki(entry.private_key)
    matching = [cert for cert in certs if cert.spki == key]  # an undecodable key is None
    if not matching:
        raise ReplyMismatch()
    # a reply may carry an old certificate for the same key too: the newest wins
    return max(matching, key=lambda c: (not c.summary.is_ca, c.summary.not_after))


def plan_reply(
    entry: KeyPairEntry,
    reply_certs: Sequence[CertInfo],
    keystore_certs: Sequence[CertInfo],
    trusted: Sequence[CertInfo],
    now: dt.datetime,
) -> ReplyPlan:
    """The entry's new chain from a CA reply, completed from the keystore.

    The end-entity certificate is the one carrying the entry's public key (else
    :class:`ReplyMismatch`); its issuers are taken from the reply first, then from
    ``keystore_certs`` and ``trusted`` when the reply lacks intermediates or the root.
    """
    leaf = _pick_leaf(entry, reply_certs)
    from_reply = complete_chain([leaf], reply_certs).certificates
    completed = complete_chain(from_reply, [*keystore_certs, *trusted])
    chain = completed.certificates
    origins = tuple(
        Origin.REPLY if link.origin is LinkOrigin.IN_ENTRY else Origin.KEYSTORE
        for link in completed.links
        if link.cert is not None
    )
    if chain == entry.chain:
        raise UsageError(
            f"The CA reply holds the certificate chain {entry.alias!r} has already; "
            "there is nothing to update."
        )
    report = validate_chain(chain, trusted, now)
    return ReplyPlan(
        alias=entry.alias,
        chain=chain,
        origins=origins,
        report=report,
        missing_issuer=completed.missing_issuer,
        unused=tuple(c for c in reply_certs if c not in chain),
        previous=entry.chain,
    )


def apply_reply(entry: KeyPairEntry, plan: ReplyPlan) -> KeyPairEntry:
    """The entry with the plan's chain: same alias and key, new certificates."""
    if plan.alias != entry.alias or plan.leaf.spki != spki(entry.private_key):
        raise ReplyMismatch()
    return entry.replace(chain=plan.chain, modified=dt.datetime.now(dt.UTC).replace(microsecond=0))
