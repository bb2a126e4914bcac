"""One open tenant keystore in the window: its profile, its client and what was read."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from keymon.core.entries import CertificateEntry, CertInfo
from keymon.core.keystore_view import KeystoreView
from keymon.core.sapci import names
from keymon.gui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from keymon.core.sapci.client import TenantClient
    from keymon.core.sapci.location import TenantKeystore
    from keymon.core.sapci.profiles import TenantProfile

#: How the window names each keystore of a tenant (title, status bar, messages).
KEYSTORE_NAMES = {
    names.SYSTEM: QT_TRANSLATE_NOOP("Tenants", "system keystore"),
    names.RENEWAL: QT_TRANSLATE_NOOP("Tenants", "Key Renewal keystore"),
    names.BACKUP: QT_TRANSLATE_NOOP("Tenants", "backup keystore"),
}


def keystore_name(keystore: str) -> str:
    """``keystore`` (system, KeyRenewal, backup_admin_system) as the window names it."""
    text = KEYSTORE_NAMES.get(keystore)
    return QCoreApplication.translate("Tenants", text) if text else keystore


class TenantSession:
    """A tenant keystore shown in the window; the client stays open for later calls."""

    def __init__(self, profile: TenantProfile, client: TenantClient, view: TenantKeystore) -> None:
        self.profile = profile
        self.client = client
        self.view = view

    @property
    def label(self) -> str:
        return self.view.label

    @property
    def keystore(self) -> str:
        """Which keystore of the tenant is shown: system, KeyRenewal or backup_admin_system."""
        return self.view.location.keystore

    @property
    def read_only(self) -> bool:
        """The profile allows no writes."""
        return self.profile.read_only

    def close(self) -> None:
        self.client.close()


def view_pools(view: KeystoreView) -> tuple[list[CertInfo], list[CertInfo]]:
    """Every distinct certificate of ``view`` and its trusted ones (for chains and details)."""
    seen: dict[bytes, CertInfo] = {}
    trusted: list[CertInfo] = []
    for entry in view:
        for cert in entry.certificates:
            seen.setdefault(cert.der, cert)
        if isinstance(entry, CertificateEntry):
            trusted.append(entry.cert)
    return list(seen.values()), trusted
