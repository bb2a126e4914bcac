"""The window on an SAP Cloud Integration tenant (the simulated one, tests/sapci/double.py):
connecting, browsing read-only, and what the user sees when the tenant fails."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from keymon.core.sapci.mapping import TenantKeyPair
from keymon.core.sapci.profiles import ProfileStore
from keymon.gui.actions import ActionId
from keymon.gui.main_window import KeymonMainWindow
from keymon.gui.tenants.connect_wizard import ConnectTenantWizard
from keymon.gui.tenants.enabling import FILE_ONLY, KEY_ON_TENANT
from tests.gui.scripted_prompts import ScriptedPrompts
from tests.gui.tenant_helpers import FAST, open_tenant, save_profile
from tests.sapci.double import ALL_ROLES, FakeTenant
from tests.sapci.seed import seed

SYSTEM_ALIASES = {
    "sap_cloudintegrationcertificate",
    "sap_cloud_root_ca",
    "tenant_client",
    "receiver_root_ca",
    "partner_digicert_root",
    "old_partner_root",
}


@pytest.fixture(scope="module")
def tenant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FakeTenant]:
    with FakeTenant(tmp_path_factory.mktemp("tenant")) as t:
        seed(t.state, small=True)
        yield t


@pytest.fixture(autouse=True)
def _clean_faults(tenant: FakeTenant) -> Iterator[None]:
    yield
    tenant.faults.clear()
    tenant.roles = set(ALL_ROLES)


def aliases(window: KeymonMainWindow) -> set[str]:
    return {window.proxy.entry_at(r).alias for r in range(window.proxy.rowCount())}


def cell(window: KeymonMainWindow, alias: str, key: str) -> str:
    row = window.proxy.row_of(alias)
    assert row is not None
    index = window.proxy.index(row, window.model.column_index(key))
    return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


def test_connect_imports_a_service_key_tests_it_and_opens_the_tenant(
    qtbot: QtBot,
    window: KeymonMainWindow,
    prompts: ScriptedPrompts,
    tenant: FakeTenant,
    tmp_path: Path,
) -> None:
    key_file = tmp_path / "service-key.json"
    key_file.write_text(json.dumps(tenant.service_key()), "utf-8")
    prompts.expect("choose_open_file", key_file)
    seen: list[str] = []

    def drive(wizard: QWizard) -> int:
        assert isinstance(wizard, ConnectTenantWizard)
        wizard.show()
        page = wizard.profile_page
        page.name_edit.setText("dev")
        page.import_button.click()
        assert page.client_edit.text() == tenant.client_id
        page.ca_edit.setText(str(tenant.ca_file))
        wizard.next()
        assert wizard.currentPage() is wizard.test_page
        wizard.test_page.test_button.click()
        qtbot.waitUntil(lambda: wizard.report is not None, timeout=15_000)
        steps = wizard.test_page.steps
        seen.extend(steps.item(i).text() for i in range(steps.count()))
        seen.append(wizard.test_page.summary.text())
        wizard.accept()
        return int(wizard.result())

    prompts.drive_wizards(drive)
    with qtbot.waitSignal(window.keystoreOpened, timeout=20_000):
        window.actions_by_name[ActionId.CONNECT_TENANT].trigger()

    assert seen[0].startswith("✓ Login")
    assert any(s.startswith("✓ Read keystore") for s in seen)
    assert seen[-1] == "The connection works."
    profile = ProfileStore().get("dev")
    assert profile.client_id == tenant.client_id
    assert keyring.get_password("keymon", "sapci:dev") == tenant.client_secret
    assert tenant.client_secret not in ProfileStore().path.read_text("utf-8")
    assert aliases(window) == SYSTEM_ALIASES
    assert window.windowTitle().startswith("sapci:dev")


def test_connection_test_names_a_wrong_secret(
    qtbot: QtBot, window: KeymonMainWindow, tenant: FakeTenant
) -> None:
    wizard = ConnectTenantWizard(window.runner, window.prompts, window, FAST)
    qtbot.addWidget(wizard)
    page = wizard.profile_page
    for edit, text in (
        (page.name_edit, "dev"),
        (page.api_edit, tenant.url),
        (page.token_edit, tenant.token_url),
        (page.client_edit, tenant.client_id),
        (page.secret_edit, "wrong"),
        (page.ca_edit, str(tenant.ca_file)),
    ):
        edit.setText(text)
    wizard.test_connection()
    qtbot.waitUntil(lambda: wizard.report is not None, timeout=15_000)
    first = wizard.test_page.steps.item(0).text()
    assert first.startswith("✗ Login") and "refused the client id and secret" in first
    assert wizard.test_page.summary.text() == "The connection test failed."
    assert "wrong" not in first


def test_a_tenant_is_browsed_read_only_with_sap_entries_marked(
    qtbot: QtBot, window: KeymonMainWindow, tenant: FakeTenant
) -> None:
    save_profile(tenant)
    open_tenant(qtbot, window)

    assert aliases(window) == SYSTEM_ALIASES
    assert not window.table.isColumnHidden(window.model.column_index("owner"))
    assert cell(window, "sap_cloud_root_ca", "owner") == "SAP"
    assert cell(window, "receiver_root_ca", "owner") != "SAP"
    assert "sapci:dev" in window.file_label.text()
    window.select_alias("tenant_client")
    entry = window.current_entry()
    assert isinstance(entry, TenantKeyPair)
    actions = window.actions_by_name
    assert actions[ActionId.DOWNLOAD_CERTIFICATE].isEnabled()
    assert actions[ActionId.COPY_FINGERPRINT].isEnabled()
    for name, reason in (
        (ActionId.EXPORT_KEY_PAIR, KEY_ON_TENANT),
        (ActionId.SIGN_CSR, KEY_ON_TENANT),
        (ActionId.ADD_KEYSTORE, FILE_ONLY),
        (ActionId.CHANGE_PASSWORD, FILE_ONLY),
    ):
        assert not actions[name].isEnabled(), name
        assert actions[name].toolTip() == reason
    assert actions[ActionId.RELOAD].isEnabled()


def test_opening_a_file_again_gives_back_the_file_actions(
    qtbot: QtBot, window: KeymonMainWindow, tenant: FakeTenant, store_path: Path
) -> None:
    save_profile(tenant)
    open_tenant(qtbot, window)
    with qtbot.waitSignal(window.keystoreOpened, timeout=15_000):
        window.open_keystore(store_path, "storepass")
    assert window.tenants.current is None
    assert window.actions_by_name[ActionId.ADD_CERTIFICATE].isEnabled()
    assert window.actions_by_name[ActionId.ADD_CERTIFICATE].toolTip() != FILE_ONLY


def _keeps_file(window: KeymonMainWindow, before: set[str], title: str) -> None:
    assert aliases(window) == before
    assert window.windowTitle() == title
    assert window.tenants.current is None


def test_a_locked_keystore_is_said_as_such_and_the_window_keeps_its_file(
    qtbot: QtBot, window: KeymonMainWindow, tenant: FakeTenant
) -> None:
    save_profile(tenant)
    before, title = aliases(window), window.windowTitle()
    tenant.inject(503, times=10, method="GET", path="Entries")
    window.tenants.retry = FAST
    handle = window.tenants.open_tenant("dev")
    assert handle is not None
    qtbot.waitUntil(lambda: handle.done, timeout=15_000)
    text = window.tenants.status.error_label.text()
    assert "locked by another user" in text and "'dev'" in text
    assert window.tenants.status.error_label.isVisible()
    _keeps_file(window, before, title)


def test_a_dropped_connection_mid_list_is_one_sentence(
    qtbot: QtBot, window: KeymonMainWindow, tenant: FakeTenant
) -> None:
    save_profile(tenant)
    before, title = aliases(window), window.windowTitle()
    tenant.drop_next(path="/ChainResource")  # one key pair's chain, mid-list
    window.tenants.retry = FAST
    handle = window.tenants.open_tenant("dev")
    assert handle is not None
    qtbot.waitUntil(lambda: handle.done, timeout=15_000)
    text = window.tenants.status.error_label.text()
    assert text.startswith("The connection to tenant 'dev' closed before it answered GET")
    _keeps_file(window, before, title)


def test_an_expired_token_is_renewed_without_the_user_noticing(
    qtbot: QtBot, window: KeymonMainWindow, tenant: FakeTenant
) -> None:
    save_profile(tenant)
    open_tenant(qtbot, window)
    tenant.expire_tokens()
    with qtbot.waitSignal(window.keystoreOpened, timeout=20_000):
        window.actions_by_name[ActionId.RELOAD].trigger()
    assert aliases(window) == SYSTEM_ALIASES
    assert not window.tenants.status.error_label.isVisible()


def test_cancel_stops_reading_and_keeps_the_window(
    qtbot: QtBot, window: KeymonMainWindow, tenant: FakeTenant
) -> None:
    save_profile(tenant)
    before, title = aliases(window), window.windowTitle()
    handle = window.tenants.open_tenant("dev")
    assert handle is not None
    assert window.tenants.status.cancel_button.isVisible()
    window.tenants.status.cancel_button.click()
    qtbot.waitUntil(lambda: handle.done, timeout=15_000)
    assert window.tenants.status.error_label.text() == "Reading tenant dev was cancelled."
    assert not window.tenants.status.cancel_button.isVisible()
    _keeps_file(window, before, title)


def test_a_missing_secret_is_said_before_connecting(
    qtbot: QtBot, window: KeymonMainWindow, tenant: FakeTenant
) -> None:
    save_profile(tenant)
    keyring.delete_password("keymon", "sapci:dev")
    assert window.tenants.open_tenant("dev") is None
    assert "not in the system keyring" in window.tenants.status.error_label.text()
