"""Turn loose keys and certificates (as PEM and PKCS#12 hold them) into entries.

Each private key finds its leaf certificate (by local key id, then by name,
then by public key) and its chain is built upward from every certificate in the
file by :func:`keymon.core.x509.issuers.build_path`. Certificates marked trusted become trusted
entries; certificates nobody uses become trusted entries too, so that nothing
in a file is silently dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes, PublicKeyTypes

from keymon.core.aliases import AliasAllocator
from keymon.core.entries import CertificateEntry, CertInfo, Entry, KeyPairEntry
from keymon.core.records import Record, put
from keymon.core.x509.issuers import IssuerIndex, build_path


class LooseKey(Record):
    key: PrivateKeyTypes
    alias: str | None
    local_id: bytes | None
    FIELDS = ("key", "alias", "local_id")
    COMPARED = FIELDS
    SHOWN = ("alias", "local_id")  # never the key

    def __init__(
        self, key: PrivateKeyTypes, alias: str | None = None, local_id: bytes | None = None
    ) -> None:
        put(self, "key", key)
        put(self, "alias", alias)
        put(self, "local_id", local_id)


class LooseCert(Record):
    info: CertInfo
    alias: str | None
    local_id: bytes | None
    trusted: bool
    FIELDS = ("info", "alias", "local_id", "trusted")
    COMPARED = FIELDS
    SHOWN = FIELDS

    def __init__(
        self,
        info: CertInfo,
        alias: str | None = None,
        local_id: bytes | None = None,
        trusted: bool = False,
    ) -> None:
        put(self, "info", info)
        put(self, "alias", alias)
        put(self, "local_id", local_id)
        put(self, "trusted", trusted)


def spki(key: PrivateKeyTypes | PublicKeyTypes) -> bytes:
    """DER SubjectPublicKeyInfo of a public or private key."""
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    public = key.public_key() if hasattr(key, "public_key") else key
    return bytes(public.public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo))


def assemble(
    keys: Sequence[LooseKey], certs: Sequence[LooseCert], taken: Iterable[str] = ()
) -> list[Entry]:
    """Entries from loose keys and certificates, in file order (key pairs first)."""
    aliases = AliasAllocator(taken)
    pool = IssuerIndex(c.info for c in certs)
    used: set[bytes] = set()
    entries: list[Entry] = []
    for loose in keys:
        leaf = _find_leaf(loose, certs)
        if leaf is None:
            continue  # a key without a certificate is not a keystore entry
        chain = build_path(leaf.info, pool).certs
        used.update(c.der for c in chain)
        alias = loose.alias or leaf.alias
        entries.append(
            KeyPairEntry(
                aliases.keep_or_suggest(alias, leaf.info.summary.subject_cn), loose.key, chain
            )
        )
    seen: set[tuple[bytes, str | None]] = set()
    for cert in certs:
        # the same certificate may stand under several names; unnamed copies count once
        key = (cert.info.der, cert.alias)
        if key in seen or (cert.alias is None and any(d == cert.info.der for d, _ in seen)):
            continue
        if cert.trusted or cert.alias is not None or cert.info.der not in used:
            if cert.local_id is not None and cert.info.der in used:
                continue  # the leaf of a key pair, named after it
            seen.add(key)
            alias = aliases.keep_or_suggest(cert.alias, cert.info.summary.subject_cn)
            entries.append(CertificateEntry(alias, cert.info))
    return entries


def keys_without_certificate(keys: Sequence[LooseKey], certs: Sequence[LooseCert]) -> int:
    return sum(1 for k in keys if _find_leaf(k, certs) is None)


def _find_leaf(loose: LooseKey, certs: Sequence[LooseCert]) -> LooseCert | None:
    if loose.local_id is not None:
        for cert in certs:
            if cert.local_id == loose.local_id:
                return cert
    public = spki(loose.key)
    matches = [c for c in certs if c.info.spki == public]
    if loose.alias is not None:
        for cert in matches:
            if cert.alias == loose.alias:
                return cert
    # prefer a non-CA certificate when the same key was certified more than once
    matches.sort(key=lambda c: c.info.summary.is_ca)
    return matches[0] if matches else None
