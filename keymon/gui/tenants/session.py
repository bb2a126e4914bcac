"""One open tenant keystore in the window: its profile, its client and what was read."""

from __future__ import annotations

from keymon.core.entries import CertificateEntry, CertInfo
from keymon.core.keystore_view import KeystoreView
from keymon.core.sapci.client import TenantClient
from keymon.core.sapci.location import TenantKeystore
from keymon.core.sapci.profiles import TenantProfile


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
