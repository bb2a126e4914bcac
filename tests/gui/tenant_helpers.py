"""Shared pieces of the tenant GUI tests: profiles for the simulated tenant, opening one."""

from __future__ import annotations

import dataclasses

from pytestqt.qtbot import QtBot

from keymon.core.sapci.client import RetryPolicy
from keymon.core.sapci.profiles import NewProfile, ProfileStore, from_service_key
from keymon.gui.main_window import KeymonMainWindow
from tests.sapci.double import FakeTenant

#: 429/503 retried three times with pauses of hundredths of a second.
FAST = RetryPolicy(attempts=3, base_delay=0.01, max_delay=0.05)


def new_profile(tenant: FakeTenant, name: str = "dev", **changes: object) -> NewProfile:
    """A profile from the tenant's service key, trusting the tenant's own CA."""
    new = from_service_key(name, tenant.service_key())
    fields: dict[str, object] = {"ca_file": str(tenant.ca_file), **changes}
    profile = dataclasses.replace(new.profile, **fields)  # type: ignore[arg-type]
    return NewProfile(profile, new.secret)


def save_profile(tenant: FakeTenant, name: str = "dev", **changes: object) -> None:
    ProfileStore().save(new_profile(tenant, name, **changes), replace=True)


def open_tenant(qtbot: QtBot, window: KeymonMainWindow, name: str = "dev") -> None:
    """Open the item ``name`` of File › Open Tenant ▸ and wait for the table: a saved
    profile's name (its system keystore), or e.g. "dev › Key Renewal"."""
    window.tenants.retry = FAST
    menu = window.tenants.open_menu
    menu.aboutToShow.emit()
    action = next(a for a in menu.actions() if a.text() == name)
    with qtbot.waitSignal(window.keystoreOpened, timeout=20_000):
        action.trigger()
