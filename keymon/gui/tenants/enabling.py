"""Which actions a tenant keystore allows, and the tooltip that says why the others do not."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from keymon.gui.actions import ActionId
from keymon.gui.i18n import QT_TRANSLATE_NOOP
from keymon.gui.tenants.session import TenantSession

#: Actions that need the entry's private key here (on a tenant it stays on the tenant).
NEEDS_LOCAL_KEY = frozenset(
    {ActionId.EXPORT_KEY_PAIR, ActionId.CREATE_CSR, ActionId.IMPORT_CA_REPLY, ActionId.SIGN_CSR}
)
#: Actions that change or need a keystore file.
NEEDS_FILE = frozenset(
    {
        ActionId.BACKUPS,
        ActionId.CHANGE_PASSWORD,
        ActionId.ADD_CERTIFICATE,
        ActionId.ADD_CERTIFICATE_FROM_CLIPBOARD,
        ActionId.ADD_KEY_PAIR,
        ActionId.ADD_KEYSTORE,
        ActionId.GENERATE_KEY_PAIR,
        ActionId.RENAME,
        ActionId.DELETE,
    }
)
KEY_ON_TENANT = QT_TRANSLATE_NOOP(
    "Tenants", "The private key stays on the tenant: keymon cannot use or export it."
)
FILE_ONLY = QT_TRANSLATE_NOOP(
    "Tenants", "Not available on a tenant keystore: it is shown read-only."
)
_TIP = "keymonTenantTip"  # the action's own tooltip, kept while a reason replaces it


def apply_tenant_limits(actions: Mapping[ActionId, QAction], tenant: TenantSession | None) -> None:
    """Disable what a tenant keystore cannot do (the tooltip says why); Reload reads it again."""
    for name, action in actions.items():
        own = action.property(_TIP)
        if own is None:
            own = action.toolTip()
            action.setProperty(_TIP, own)
        reason = None
        if tenant is not None:
            if name in NEEDS_LOCAL_KEY:
                reason = KEY_ON_TENANT
            elif name in NEEDS_FILE:
                reason = FILE_ONLY
        if reason is None:
            action.setToolTip(str(own))
            continue
        text = QCoreApplication.translate("Tenants", reason)
        action.setEnabled(False)
        action.setToolTip(text)
    if tenant is not None:
        actions[ActionId.RELOAD].setEnabled(True)
