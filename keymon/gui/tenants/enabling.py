"""Which actions a tenant keystore allows, and the tooltip that says why the others do not."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from keymon.core.entries import Entry
from keymon.core.sapci import names
from keymon.gui.actions import ActionId
from keymon.gui.i18n import QT_TRANSLATE_NOOP
from keymon.gui.tenants.session import TenantSession

#: Actions that need the entry's private key here (on a tenant it stays on the tenant).
NEEDS_LOCAL_KEY = frozenset({ActionId.EXPORT_KEY_PAIR, ActionId.SIGN_CSR})
#: Actions that change or need a keystore file.
NEEDS_FILE = frozenset(
    {
        ActionId.BACKUPS,
        ActionId.CHANGE_PASSWORD,
        ActionId.ADD_CERTIFICATE_FROM_CLIPBOARD,
        ActionId.ADD_KEYSTORE,
    }
)
#: Writes to the tenant that need no selection (enabled unless the profile is read-only).
TENANT_WRITES = frozenset(
    {
        ActionId.ADD_CERTIFICATE,
        ActionId.ADD_KEY_PAIR,
        ActionId.GENERATE_KEY_PAIR,
        ActionId.IMPORT_ROOT_CA,
    }
)
#: Writes to the selected tenant entries (refused on SAP's entries and read-only profiles).
ENTRY_WRITES = frozenset({ActionId.RENAME, ActionId.DELETE, ActionId.IMPORT_CA_REPLY})
#: What goes to one keystore's entries (the API's calls for them take no keystoreName
#: but DELETE's; Create CSR would read the system key pair's request).
KEYSTORE_ACTIONS = TENANT_WRITES | ENTRY_WRITES | {ActionId.CREATE_CSR}
#: What the API does in KeyRenewal (besides Activate): DELETE takes keystoreName (API.md).
RENEWAL_ALLOWS = frozenset({ActionId.DELETE})
READ_ONLY = QT_TRANSLATE_NOOP(
    "Tenants", "The tenant profile {name} is marked read-only: keymon does not change it."
)
SAP_OWNED = QT_TRANSLATE_NOOP(
    "Tenants", "{alias} is owned by SAP: keymon shows it but does not change it."
)
BACKUP_READ_ONLY = QT_TRANSLATE_NOOP(
    "Tenants",
    "The backup keystore of tenant {name} is shown read-only; "
    "File › Restore Tenant Backup… makes it the system keystore.",
)
SYSTEM_ONLY = QT_TRANSLATE_NOOP(
    "Tenants",
    "The tenant's API does this in the system keystore only; "
    "in Key Renewal keymon offers Activate and Delete.",
)
KEY_ON_TENANT = QT_TRANSLATE_NOOP(
    "Tenants", "The private key stays on the tenant: keymon cannot use or export it."
)
FILE_ONLY = QT_TRANSLATE_NOOP(
    "Tenants", "Not available on a tenant keystore: it works on keystore files only."
)
_TIP = "keymonTenantTip"  # the action's own tooltip, kept while a reason replaces it


def _translated(text: str) -> str:
    """``text`` (marked with QT_TRANSLATE_NOOP in the Tenants context) in the UI language."""
    return QCoreApplication.translate("Tenants", text)


def sap_owned(entry: Entry) -> bool:
    return bool(getattr(entry, "sap_owned", False))


def keystore_refusal(name: ActionId, tenant: TenantSession) -> str | None:
    """Why ``name`` does not work in the keystore of ``tenant`` shown (None: it does)."""
    if name not in KEYSTORE_ACTIONS or tenant.keystore == names.SYSTEM:
        return None
    if tenant.keystore == names.RENEWAL:
        return None if name in RENEWAL_ALLOWS else _translated(SYSTEM_ONLY)
    return _translated(BACKUP_READ_ONLY).format(name=tenant.profile.name)


def _reason(
    name: ActionId, tenant: TenantSession, selected: Sequence[Entry]
) -> tuple[str | None, bool]:
    """Why ``name`` is disabled on ``tenant`` (None: it is not), and whether to enable it."""
    if name in NEEDS_LOCAL_KEY:
        return _translated(KEY_ON_TENANT), False
    if name in NEEDS_FILE:
        return _translated(FILE_ONLY), False
    refused = keystore_refusal(name, tenant)
    if refused is not None:
        return refused, False
    if name in TENANT_WRITES or name in ENTRY_WRITES:
        if tenant.read_only:
            return _translated(READ_ONLY).format(name=tenant.profile.name), False
        owned = next((e for e in selected if sap_owned(e)), None)
        if name in ENTRY_WRITES and owned is not None:
            return _translated(SAP_OWNED).format(alias=owned.alias), False
        return None, name in TENANT_WRITES
    return None, False


def apply_tenant_limits(
    actions: Mapping[ActionId, QAction],
    tenant: TenantSession | None,
    selected: Sequence[Entry] = (),
) -> None:
    """Disable what a tenant keystore cannot do (the tooltip says why); enable its writes."""
    for name, action in actions.items():
        reason, enable = _reason(name, tenant, selected) if tenant is not None else (None, False)
        if enable:
            action.setEnabled(True)
        replaced = action.property(_TIP)
        if reason is None:
            if replaced is not None:  # give back the tooltip a reason replaced
                action.setToolTip(str(replaced))
                action.setProperty(_TIP, None)
            continue
        if replaced is None:
            action.setProperty(_TIP, action.toolTip())
        action.setEnabled(False)
        action.setToolTip(reason)
    if tenant is not None:
        actions[ActionId.RELOAD].setEnabled(True)
