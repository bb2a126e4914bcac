"""A tenant's key history (HistoryKeystoreEntries) as typed rows, and what copying one back needs.

History entries are key pairs that were replaced (by an activation) or deleted in the
system keystore; their alias is numbered (``[2]_sap_test``) and ``OriginalAlias`` says
what they were called (shared/SAP-SECURITY-CONTENT-API.md, "Entity: KeystoreEntry").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from keymon.core.sapci import api
from keymon.core.sapci.client import TenantClient
from keymon.core.sapci.mapping import entry_alias
from keymon.core.sapci.odata import parse_date

_NUMBERED = re.compile(r"^\[\d+\]_(.+)$")
_CN = re.compile(r"(?:^|,)\s*CN=((?:\\.|[^,])*)", re.IGNORECASE)


@dataclass(frozen=True)
class HistoryEntry:
    """One HistoryKeystoreEntries row."""

    alias: str
    original_alias: str
    subject: str | None = None
    not_after: dt.datetime | None = None
    active_from: dt.datetime | None = None
    active_until: dt.datetime | None = None
    activated_by: str | None = None
    deactivated_by: str | None = None
    sequence: int | None = None
    sha256: str | None = None

    @property
    def common_name(self) -> str:
        """The CN of the subject (the whole subject when it has none)."""
        match = _CN.search(self.subject or "")
        return match[1].replace("\\", "").strip() if match else (self.subject or "")

    @classmethod
    def from_odata(cls, raw: dict[str, Any]) -> HistoryEntry:
        def text(key: str) -> str | None:
            value = raw.get(key)
            return str(value) if value not in (None, "") else None

        alias = entry_alias(raw)
        numbered = _NUMBERED.match(alias)
        original = text("OriginalAlias") or (numbered[1] if numbered else alias)
        sequence = raw.get("ActivationSequenceNumber")
        return cls(
            alias=alias,
            original_alias=original,
            subject=text("SubjectDN"),
            not_after=parse_date(raw.get("ValidNotAfter")),
            active_from=parse_date(raw.get("ActiveFrom")),
            active_until=parse_date(raw.get("ActiveUntil")),
            activated_by=text("ActivatedBy"),
            deactivated_by=text("DeactivatedBy"),
            sequence=sequence if isinstance(sequence, int) else None,
            sha256=text("FingerprintSha256"),
        )


@dataclass(frozen=True)
class KeyHistory:
    """The history entries (in the tenant's order) and the KeyRenewal aliases now."""

    entries: tuple[HistoryEntry, ...]
    renewal_aliases: tuple[str, ...]


def read_key_history(client: TenantClient) -> KeyHistory:
    """The tenant's key history and the aliases in its KeyRenewal keystore (two reads)."""
    entries = tuple(HistoryEntry.from_odata(r) for r in api.history(client))
    renewal = tuple(entry_alias(r) for r in api.list_entries(client, api.RENEWAL))
    return KeyHistory(entries, renewal)
