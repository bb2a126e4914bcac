"""A tenant's Key Renewal and backup keystores and its key history in the window (issue 14),
against the simulated tenant (tests/sapci/double.py): what the user is asked and sees, and
what the tenant holds after.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from keymon.core.entries import KeyPairEntry
from keymon.core.sapci import api
from keymon.gui.actions import ActionId
from keymon.gui.main_window import KeymonMainWindow
from keymon.gui.menus import build_table_menu
from keymon.gui.tenants.enabling import SYSTEM_ONLY
from keymon.gui.tenants.history_dialog import HistoryDialog, table_text
from tests.gui.helpers import drop_files
from tests.gui.scripted_prompts import ScriptedPrompts
from tests.gui.tenant_helpers import open_tenant, save_profile
from tests.gui.test_tenant_writes import cert_file
from tests.sapci.double import FakeTenant

READ_ONLY = "The tenant profile dev is marked read-only: keymon does not change it."
#: What a keystore of one tenant refuses, besides the File menu's file-only actions.
WRITES = (
    ActionId.ADD_CERTIFICATE,
    ActionId.ADD_KEY_PAIR,
    ActionId.GENERATE_KEY_PAIR,
    ActionId.RENAME,
    ActionId.IMPORT_CA_REPLY,
    ActionId.CREATE_CSR,
)


def aliases(window: KeymonMainWindow) -> set[str]:
    return {window.proxy.entry_at(r).alias for r in range(window.proxy.rowCount())}


def held(tenant: FakeTenant, keystore: str = api.SYSTEM) -> dict[str, str]:
    """Alias → SHA-256 of the leaf, of one keystore of the tenant."""
    with tenant.state.lock:
        return {a: e.certificates[0].sha256 for a, e in tenant.state.store(keystore).items()}


def history_of(tenant: FakeTenant) -> set[str]:
    with tenant.state.lock:
        return set(tenant.state.history)


def key_history(qtbot: QtBot, window: KeymonMainWindow) -> HistoryDialog:
    """File › Key History…, once the history is read."""
    window.tenants.history_action.trigger()
    dialog = window.tenants.renewal.history_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.reading is None, timeout=20_000)
    return dialog


def test_open_tenant_offers_each_keystore_and_key_renewal_allows_only_what_the_api_does(
    qtbot: QtBot, window: KeymonMainWindow, tenant: FakeTenant
) -> None:
    save_profile(tenant)
    save_profile(tenant, "prod")
    window.tenants.open_menu.aboutToShow.emit()
    texts = [a.text() for a in window.tenants.open_menu.actions() if not a.isSeparator()]
    assert texts == [
        "dev",
        "dev › Key Renewal",
        "dev › Backup (read-only)",
        "prod",
        "prod › Key Renewal",
        "prod › Backup (read-only)",
    ]
    open_tenant(qtbot, window, "dev › Key Renewal")
    assert aliases(window) == {"tenant_client"}
    assert window.windowTitle() == "sapci:dev/KeyRenewal – keymon"
    assert "Key Renewal keystore" in window.file_label.text()
    window.select_alias("tenant_client")
    for name in WRITES:
        action = window.actions_by_name[name]
        assert not action.isEnabled() and action.toolTip() == SYSTEM_ONLY, name
    assert window.actions_by_name[ActionId.DELETE].isEnabled()
    activate = window.tenants.renewal.activate_action
    assert activate.isVisible() and activate.isEnabled()
    key_pairs = window.findChild(QMenu, "keyPairsMenu")
    assert isinstance(key_pairs, QMenu) and activate in key_pairs.actions()
    context = build_table_menu(window.table, window.actions_by_name)
    assert context.actions()[-1] is activate  # the table's context menu offers it too

    open_tenant(qtbot, window)  # the profile's own item still opens the system keystore
    assert "tenant_client" in aliases(window) and "sap_cloud_root_ca" in aliases(window)
    assert window.windowTitle() == "sapci:dev – keymon"
    window.select_alias("tenant_client")
    assert not activate.isEnabled()
    assert "Open the Key Renewal keystore of tenant dev" in activate.toolTip()


def test_activate_makes_the_renewal_key_pair_the_system_one_and_the_old_one_history(
    qtbot: QtBot, window: KeymonMainWindow, prompts: ScriptedPrompts, tenant: FakeTenant
) -> None:
    save_profile(tenant)
    old, new = held(tenant)["tenant_client"], held(tenant, api.RENEWAL)["tenant_client"]
    assert old != new
    open_tenant(qtbot, window, "dev › Key Renewal")
    window.select_alias("tenant_client")
    prompts.expect(
        "confirm",
        True,
        containing="The key pair tenant_client in the system keystore is replaced by the "
        "renewal key pair; the old one moves to the key history",
    )
    with qtbot.waitSignal(window.keystoreOpened, timeout=20_000):
        window.tenants.renewal.activate_action.trigger()
        assert window.tenants.writes.running is not None  # in a worker, one at a time
    question = str(prompts.asked[0]["text"])
    assert "tenant dev" in question and new[:2].upper() in question.replace(":", "")
    assert held(tenant)["tenant_client"] == new
    assert "tenant_client" not in held(tenant, api.RENEWAL)
    assert "[1]_tenant_client" in history_of(tenant)
    assert aliases(window) == set()  # Key Renewal read again: the key pair left it

    open_tenant(qtbot, window)
    window.select_alias("tenant_client")
    entry = window.current_entry()
    assert isinstance(entry, KeyPairEntry) and entry.certificate.summary.sha256 == new
    dialog = key_history(qtbot, window)
    was = {row[0]: row[1] for row in table_text(dialog)}
    assert was == {
        "[1]_tenant_client": "tenant_client",
        "[1]_tenant_client_2024": "tenant_client_2024",
    }


def test_key_history_lists_the_entries_and_copies_one_back_to_key_renewal(
    qtbot: QtBot, window: KeymonMainWindow, prompts: ScriptedPrompts, tenant: FakeTenant
) -> None:
    save_profile(tenant)
    open_tenant(qtbot, window)
    dialog = key_history(qtbot, window)
    assert dialog.windowTitle() == "Key History of Tenant dev"
    [row] = table_text(dialog)
    assert row[:3] == ["[1]_tenant_client_2024", "tenant_client_2024", "tenant-client-2024"]
    assert row[6] == "S0000000001"  # deactivated by
    assert dialog.alias_edit.text() == "tenant_client_2024"  # the selected entry's old alias
    assert dialog.copy_button.isEnabled()

    dialog.alias_edit.setText("tenant_client")  # Key Renewal has one: the question says so
    prompts.expect("confirm", False, containing="replaces the renewal key pair tenant_client")
    dialog.copy_button.click()
    assert "[1]_tenant_client_2024" in str(prompts.asked[-1]["text"])
    assert "tenant dev" in str(prompts.asked[-1]["text"])

    dialog.alias_edit.setText("client_2024")
    prompts.expect("confirm", True, containing="Key Renewal keystore of tenant dev as client_2024")
    with qtbot.waitSignal(window.keystoreOpened, timeout=20_000):
        dialog.copy_button.click()
        assert dialog.busy.isVisible()
    qtbot.waitUntil(lambda: dialog.copying is None and dialog.reading is None, timeout=20_000)
    assert "client_2024" in held(tenant, api.RENEWAL)
    assert "client_2024" in dialog.history.renewal_aliases
    assert "client_2024" not in held(tenant)  # the system keystore is not changed

    open_tenant(qtbot, window, "dev › Key Renewal")
    assert aliases(window) == {"tenant_client", "client_2024"}
    assert window.tenants.renewal.history_dialog is dialog  # same tenant: the dialog stays


def test_a_failed_history_read_is_one_sentence_in_the_dialog(
    qtbot: QtBot, window: KeymonMainWindow, tenant: FakeTenant
) -> None:
    save_profile(tenant)
    open_tenant(qtbot, window)
    tenant.inject(403, times=5, method="GET", path="HistoryKeystoreEntries")
    dialog = key_history(qtbot, window)
    assert dialog.message.is_problem and dialog.message.isVisible()
    assert "\n" not in dialog.message.text() and dialog.message.text().endswith(".")
    assert table_text(dialog) == [] and not dialog.busy.isVisible()
    assert not dialog.copy_button.isEnabled()


def test_a_read_only_profile_refuses_activation_and_copy_with_the_reason(
    qtbot: QtBot, window: KeymonMainWindow, prompts: ScriptedPrompts, tenant: FakeTenant
) -> None:
    save_profile(tenant, read_only=True)
    open_tenant(qtbot, window, "dev › Key Renewal")
    window.select_alias("tenant_client")
    activate = window.tenants.renewal.activate_action
    assert not activate.isEnabled() and activate.toolTip() == READ_ONLY
    assert not window.actions_by_name[ActionId.DELETE].isEnabled()
    prompts.expect("error", containing="read-only")
    assert window.tenants.renewal.activate() is None  # even when called directly
    assert held(tenant, api.RENEWAL).keys() == {"tenant_client"}

    dialog = key_history(qtbot, window)  # reading the history is allowed
    assert len(table_text(dialog)) == 1
    assert not dialog.copy_button.isEnabled() and dialog.copy_button.toolTip() == READ_ONLY


def test_delete_in_key_renewal_names_that_keystore_and_keeps_the_system_one(
    qtbot: QtBot, window: KeymonMainWindow, prompts: ScriptedPrompts, tenant: FakeTenant
) -> None:
    save_profile(tenant)
    system = held(tenant)
    open_tenant(qtbot, window, "dev › Key Renewal")
    window.select_alias("tenant_client")
    prompts.expect("confirm", True, containing="Key Renewal keystore of tenant dev: tenant_client")
    with qtbot.waitSignal(window.keystoreOpened, timeout=20_000):
        window.actions_by_name[ActionId.DELETE].trigger()
    assert prompts.asked[-1]["destructive"] is True
    assert held(tenant, api.RENEWAL) == {} and held(tenant) == system
    assert history_of(tenant) == {"[1]_tenant_client_2024"}


def test_the_backup_keystore_opens_read_only(
    qtbot: QtBot, window: KeymonMainWindow, prompts: ScriptedPrompts, tenant: FakeTenant
) -> None:
    save_profile(tenant)
    open_tenant(qtbot, window)
    prompts.expect("confirm", True, containing="replaces the tenant's previous backup")
    with qtbot.waitSignal(window.keystoreOpened, timeout=20_000):
        window.tenants.backup_action.trigger()
    open_tenant(qtbot, window, "dev › Backup (read-only)")
    assert aliases(window) == set(held(tenant))
    assert window.windowTitle() == "sapci:dev/backup_admin_system – keymon"
    assert window.file_label.text().endswith("backup keystore · read-only")
    window.select_alias("tenant_client")
    reason = (
        "The backup keystore of tenant dev is shown read-only; "
        "File › Restore Tenant Backup… makes it the system keystore."
    )
    for name in (*WRITES, ActionId.DELETE):
        action = window.actions_by_name[name]
        assert not action.isEnabled() and action.toolTip() == reason, name
    assert window.actions_by_name[ActionId.DOWNLOAD_CERTIFICATE].isEnabled()
    assert window.tenants.restore_action.isEnabled()  # restoring it is what it is for
    assert not window.tenants.renewal.activate_action.isEnabled()


def test_a_certificate_dropped_on_key_renewal_is_refused_not_sent_to_the_system_keystore(
    qtbot: QtBot,
    window: KeymonMainWindow,
    prompts: ScriptedPrompts,
    tenant: FakeTenant,
    tmp_path: Path,
) -> None:
    save_profile(tenant)
    system, renewal = held(tenant), held(tenant, api.RENEWAL)
    open_tenant(qtbot, window, "dev › Key Renewal")
    path, _cert = cert_file(tmp_path, "Partner Root")
    prompts.expect("error", None, containing="system keystore of tenant dev")
    drop_files(window, path)
    prompts.assert_done()
    assert held(tenant) == system and held(tenant, api.RENEWAL) == renewal
    assert window.tenants.current is not None  # still the tenant's Key Renewal
