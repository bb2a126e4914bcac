"""The Owner column's values: who owns a tenant entry (SAP-owned ones are read-only)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from keymon.core.entries import Entry
from keymon.gui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from keymon.core.sapci.mapping import TenantMeta


def _meta(entry: Entry) -> TenantMeta | None:
    """The tenant's facts about ``entry`` (None for an entry of a file)."""
    meta = getattr(entry, "tenant", None)
    if meta is None:
        return None
    from keymon.core.sapci.mapping import TenantMeta  # loaded once a tenant is shown

    return meta if isinstance(meta, TenantMeta) else None


def owner_text(entry: Entry) -> str:
    """``SAP`` for SAP-owned entries (reserved aliases too), else the tenant's owner."""
    meta = _meta(entry)
    if meta is None:
        return ""
    if getattr(entry, "sap_owned", meta.sap_owned):
        return "SAP"
    return meta.owner or ""


def owner_tooltip(entry: Entry, now: dt.datetime) -> str:
    if owner_text(entry) == "SAP":
        return QCoreApplication.translate(
            "Tenants", "Owned by SAP: keymon shows it but does not change it."
        )
    meta = _meta(entry)
    if meta is not None and meta.modified_by:
        return QCoreApplication.translate("Tenants", "Last changed by {who}").format(
            who=meta.modified_by
        )
    return ""


def _owner_sort(facts: Any) -> str:
    return owner_text(facts.entry).casefold()


#: The Owner column of the entries table, as ``Column(**OWNER_COLUMN)`` takes it.
OWNER_COLUMN: dict[str, Any] = {
    "key": "owner",
    "title": QT_TRANSLATE_NOOP("Columns", "Owner"),
    "display": lambda f: owner_text(f.entry),
    "sort_key": _owner_sort,
    "tooltip": lambda f, now: owner_tooltip(f.entry, now),
    "visible": False,
    "width": 80,
    "header_tooltip": QT_TRANSLATE_NOOP(
        "Columns", "Who owns a tenant entry; SAP-owned entries are read-only"
    ),
}
