"""Monitoring watches tenants next to files: the simulated tenant (tests/sapci/double.py).

A watched tenant's certificates join the table, the tray's list and the calendar;
an unreachable tenant is one status line and does not hold up the others; Refresh
reads the tenants again and cancels while they are being read.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from keymon.core.monitoring import TENANT_WATCH_KEY, MonitoredCertificate
from keymon.core.sapci.client import RetryPolicy
from keymon.core.sapci.profiles import ProfileStore, from_service_key
from keymon.gui.main_window import KeymonMainWindow
from keymon.gui.views.monitoring_view import MonitoringView
from tests.gui.scripted_prompts import ScriptedPrompts
from tests.gui.tenant_helpers import FAST, save_profile
from tests.sapci.double import FakeTenant
from tests.sapci.seed import seed


@pytest.fixture(scope="module")
def tenant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FakeTenant]:
    with FakeTenant(tmp_path_factory.mktemp("tenant")) as t:
        seed(t.state, small=True)
        yield t


@pytest.fixture(autouse=True)
def _clean_faults(tenant: FakeTenant) -> Iterator[None]:
    yield
    tenant.faults.clear()


def tenant_rows(view: MonitoringView, location: str) -> list[MonitoredCertificate]:
    return [item for item in view.items if str(item.keystore) == location]


def save_unreachable_profile(tenant: FakeTenant, name: str = "gone") -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    key = tenant.service_key()
    key["oauth"]["url"] = f"https://127.0.0.1:{port}"
    key["oauth"]["tokenurl"] = f"https://127.0.0.1:{port}/oauth/token"
    ProfileStore().save(from_service_key(name, json.dumps(key)), replace=True)


def test_a_watched_tenant_joins_the_table_the_tray_and_the_calendar(
    qtbot: QtBot,
    window: KeymonMainWindow,
    prompts: ScriptedPrompts,
    tenant: FakeTenant,
    tmp_path: Path,
) -> None:
    save_profile(tenant, "dev")
    view = window.monitoring_view
    view.tenants.retry = FAST
    settled: list[list[MonitoredCertificate]] = []
    view.settled.connect(settled.append)
    menu = view.tenant_button.menu()
    menu.aboutToShow.emit()
    action = next(a for a in menu.actions() if a.text() == "dev")
    action.trigger()
    qtbot.waitUntil(lambda: bool(tenant_rows(view, "sapci:dev")), timeout=20_000)
    qtbot.waitUntil(lambda: not view.tenants.loading, timeout=20_000)

    rows = tenant_rows(view, "sapci:dev")
    client = next(r for r in rows if r.alias == "tenant_client")
    assert 11 <= client.days_left <= 12
    model = view.model
    row = view.items.index(client)
    assert model.index(row, 6).data() == "sapci:dev"  # the location, not a file name
    assert any(str(i.keystore).endswith("tenant.p12") for i in view.items)  # files stay
    assert view.ctx.settings.q.value(TENANT_WATCH_KEY) in (["sapci:dev"], "sapci:dev")
    menu.aboutToShow.emit()
    assert "dev" not in [a.text() for a in menu.actions()]  # watched already

    qtbot.waitUntil(
        lambda: any(any(str(i.keystore) == "sapci:dev" for i in s) for s in settled),
        timeout=10_000,
    )  # what the tray reports and notifies about

    ics = tmp_path / "expiry.ics"
    prompts.expect("choose_save_file", ics)
    view.export_calendar()
    text = ics.read_bytes().decode("utf-8").replace("\r\n ", "")
    assert "tenant_client in sapci:dev" in text

    again = MonitoringView(view.ctx)  # as after a restart: the watch list is in the settings
    qtbot.addWidget(again)
    assert again.tenants.locations == ["sapci:dev"]
    again.tenants.retry = FAST
    qtbot.waitUntil(lambda: bool(tenant_rows(again, "sapci:dev")), timeout=20_000)
    qtbot.waitUntil(lambda: not again.tenants.loading, timeout=20_000)

    view.remove_menu.aboutToShow.emit()
    remove = next(a for a in view.remove_menu.actions() if a.text() == "sapci:dev")
    remove.trigger()
    qtbot.waitUntil(lambda: not tenant_rows(view, "sapci:dev"), timeout=10_000)


def test_an_unreachable_tenant_shows_as_such_without_blocking_the_others(
    qtbot: QtBot, window: KeymonMainWindow, tenant: FakeTenant
) -> None:
    save_profile(tenant, "dev")
    save_unreachable_profile(tenant)
    view = window.monitoring_view
    view.tenants.retry = FAST
    view.add_tenant("gone")
    view.add_tenant("dev")
    qtbot.waitUntil(lambda: bool(tenant_rows(view, "sapci:dev")), timeout=20_000)
    qtbot.waitUntil(lambda: "sapci:gone" in view.status_label.text(), timeout=20_000)
    line = next(t for t in view.status_label.text().splitlines() if "sapci:gone" in t)
    assert line.startswith("sapci:gone: unreachable: ")
    assert not view.status_label.isHidden()
    assert tenant_rows(view, "sapci:gone") == []


def test_refresh_reads_again_and_cancels_while_reading(
    qtbot: QtBot, window: KeymonMainWindow, tenant: FakeTenant
) -> None:
    save_profile(tenant, "dev")
    view = window.monitoring_view
    view.tenants.retry = RetryPolicy(attempts=3, base_delay=0.4, max_delay=0.4)
    tenant.inject(503, times=2, path="/KeystoreEntries")  # slow: two locked answers first
    view.add_tenant("dev")
    assert view.refresh_button.text() == "Cancel Re&fresh"
    view.refresh_button.click()  # cancel
    qtbot.waitUntil(lambda: not view.tenants.loading, timeout=20_000)
    assert view.refresh_button.text() == "Re&fresh"
    assert "sapci:dev: not read: the refresh was cancelled" in view.status_label.text()
    assert tenant_rows(view, "sapci:dev") == []

    tenant.faults.clear()
    view.tenants.retry = FAST
    view.refresh_button.click()  # read again
    qtbot.waitUntil(lambda: bool(tenant_rows(view, "sapci:dev")), timeout=20_000)
    assert "sapci:dev" not in view.status_label.text()


def test_watched_tenants_are_kept_as_sapci_locations() -> None:
    from keymon.core.monitoring import keystore_label, parse_tenant_watch_list

    stored = ["sapci:prod", " sapci:test ", "sapci:", "/tmp/a.p12", "sapci:prod"]
    assert parse_tenant_watch_list(stored) == ["sapci:prod", "sapci:test"]
    assert parse_tenant_watch_list("sapci:dev") == ["sapci:dev"]
    assert parse_tenant_watch_list(None) == []
    assert keystore_label(Path("sapci:prod")) == "sapci:prod"
    assert keystore_label(Path("/srv/keys/partner.p12")) == "partner.p12"
