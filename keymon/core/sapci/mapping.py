"""Tenant entries as keymon entries: certificates, and key pairs without a local private key.

A key pair on a tenant keeps its private key there: :class:`TenantKeyPair` is a
:class:`KeyPairEntry` (so lists, chains and expiry treat it as one) whose key is
never here. Like a sealed JKS key (keymon/core/locked.py) it is ``locked``;
asking for its private key raises :class:`KeyOnTenant`, so operations that need
the key are not offered. Both kinds carry :class:`TenantMeta`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes

from keymon.core.entries import CertificateEntry, CertInfo, KeyPairEntry
from keymon.core.errors import UsageError
from keymon.core.locked import LockedKey
from keymon.core.records import put
from keymon.core.sapci.odata import alias_of, parse_date

SAP_OWNER = "SAP"
# API.md "Errors": reserved aliases hcicertificate, hcicertificate1, hcimsgcertificate, sap_*.
RESERVED_ALIASES = ("hcicertificate", "hcicertificate1", "hcimsgcertificate")


def is_reserved(alias: str) -> bool:
    """An alias only SAP may change."""
    return alias.lower() in RESERVED_ALIASES or alias.lower().startswith("sap_")


class KeyOnTenant(UsageError):
    """The private key of a tenant entry stays on the tenant."""

    def __init__(self, alias: str) -> None:
        super().__init__(
            f"The private key of entry {alias!r} stays on the tenant; keymon cannot use or "
            "export it."
        )
        self.alias = alias


@dataclass(frozen=True)
class TenantMeta:
    """What the tenant records about an entry beside its certificates."""

    keystore: str = "system"
    owner: str | None = None
    created_by: str | None = None
    created_at: dt.datetime | None = None
    modified_by: str | None = None
    modified_at: dt.datetime | None = None
    status: str | None = None
    validity: str | None = None
    original_alias: str | None = None  # history entries

    @property
    def sap_owned(self) -> bool:
        return self.owner == SAP_OWNER

    @classmethod
    def from_odata(cls, raw: dict[str, Any], keystore: str) -> TenantMeta:
        def text(key: str) -> str | None:
            value = raw.get(key)
            return str(value) if value not in (None, "") else None

        return cls(
            keystore=keystore,
            owner=text("Owner"),
            created_by=text("CreatedBy"),
            created_at=parse_date(raw.get("CreatedTime")),
            modified_by=text("LastModifiedBy"),
            modified_at=parse_date(raw.get("LastModifiedTime")),
            status=text("Status"),
            validity=text("Validity"),
            original_alias=text("OriginalAlias"),
        )


class TenantCertificate(CertificateEntry):
    """A trusted certificate of a tenant keystore."""

    tenant: TenantMeta
    FIELDS = (*CertificateEntry.FIELDS, "tenant")
    COMPARED = FIELDS
    SHOWN = (*CertificateEntry.SHOWN, "tenant")

    def __init__(
        self,
        alias: str,
        cert: CertInfo,
        modified: dt.datetime | None = None,
        tenant: TenantMeta | None = None,
    ) -> None:
        super().__init__(alias, cert, modified)
        put(self, "tenant", tenant or TenantMeta())

    @property
    def sap_owned(self) -> bool:
        return self.tenant.sap_owned or is_reserved(self.alias)


class TenantKeyPair(KeyPairEntry):
    """A key pair of a tenant keystore: its chain here, its private key on the tenant."""

    tenant: TenantMeta
    FIELDS = (*KeyPairEntry.FIELDS, "tenant")
    COMPARED = (*KeyPairEntry.COMPARED, "tenant")
    SHOWN = (*KeyPairEntry.SHOWN, "tenant")

    def __init__(  # the fields replace() passes, too
        self,
        alias: str,
        private_key: PrivateKeyTypes | None = None,
        chain: tuple[CertInfo, ...] = (),
        modified: dt.datetime | None = None,
        *,
        sealed: LockedKey | None = None,
        open_key: PrivateKeyTypes | None = None,
        tenant: TenantMeta | None = None,
    ) -> None:
        if not chain:
            raise TypeError("A tenant key pair needs its certificate chain.")
        put(self, "alias", alias)
        put(self, "open_key", None)  # never a local key, whatever is passed
        put(self, "chain", chain)
        put(self, "modified", modified)
        put(self, "sealed", None)
        put(self, "tenant", tenant or TenantMeta())

    @property
    def private_key(self) -> PrivateKeyTypes:
        raise KeyOnTenant(self.alias)

    def unlocked(self, password: str) -> KeyPairEntry:
        raise KeyOnTenant(self.alias)

    @property
    def sap_owned(self) -> bool:
        return self.tenant.sap_owned or is_reserved(self.alias)


TenantEntry = TenantCertificate | TenantKeyPair


def entry_alias(raw: dict[str, Any]) -> str:
    """The alias of an OData entry: ``Alias``, else decoded from ``Hexalias``."""
    alias = raw.get("Alias")
    if isinstance(alias, str) and alias:
        return alias
    return alias_of(str(raw.get("Hexalias") or ""))


def is_key_pair(raw: dict[str, Any]) -> bool:
    return str(raw.get("Type") or "").lower().replace(" ", "") == "keypair"


def to_entry(raw: dict[str, Any], certs: Sequence[CertInfo], keystore: str) -> TenantEntry:
    """One tenant entry with its certificates (leaf first; a key pair's chain)."""
    if not certs:
        raise UsageError(f"The tenant entry {entry_alias(raw)!r} came without a certificate.")
    alias = entry_alias(raw)
    meta = TenantMeta.from_odata(raw, keystore)
    modified = meta.modified_at
    if is_key_pair(raw):
        return TenantKeyPair(alias, chain=tuple(certs), modified=modified, tenant=meta)
    return TenantCertificate(alias, certs[0], modified, tenant=meta)


def meta_json(entry: object) -> dict[str, Any]:
    """The tenant fields `list --json` adds for a tenant entry (empty for others)."""
    meta = getattr(entry, "tenant", None)
    if not isinstance(meta, TenantMeta):
        return {}

    def iso(when: dt.datetime | None) -> str | None:
        return when.strftime("%Y-%m-%dT%H:%M:%SZ") if when else None

    return {
        "keystore": meta.keystore,
        "owner": meta.owner,
        "sap_owned": bool(getattr(entry, "sap_owned", meta.sap_owned)),
        "created_by": meta.created_by,
        "created_at": iso(meta.created_at),
        "modified_by": meta.modified_by,
        "modified_at": iso(meta.modified_at),
        "tenant_status": meta.status,
    }
