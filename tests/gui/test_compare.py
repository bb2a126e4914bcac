"""File › Compare Keystores… (issue 14): two keystores side by side, what the user reads.

Files are built with tests/factory.py; the tenant is the simulated one
(tests/sapci/double.py), read through its saved profile as the window reads it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from keymon.core.entries import Entry, with_alias
from keymon.core.formats.detect import Format
from keymon.core.keystore import Keystore
from keymon.core.sapci.client import RetryPolicy
from keymon.gui.actions import ActionId
from keymon.gui.dialogs.compare_dialog import BROWSE, CompareDialog
from keymon.gui.dialogs.password_dialog import PasswordAnswer
from keymon.gui.main_window import KeymonMainWindow
from keymon.gui.models.compare_model import Difference
from tests import factory
from tests.gui.helpers import PW
from tests.gui.scripted_prompts import ScriptedPrompts
from tests.gui.tenant_helpers import FAST, open_tenant, save_profile
from tests.gui.test_translations import check_menus
from tests.sapci.double import FakeTenant

#: Offscreen Qt's words for a second top-level window and for raising the main window.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|propagateSizeHints)")


@cache
def shared_root() -> Entry:
    return factory.trusted_entry("receiver-root", "Receiver Root CA")


def write(path: Path, entries: list[Entry]) -> Path:
    Keystore(entries, password=PW).save_as(path, Format.PKCS12, PW)
    return path


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    """dev.p12: the shared root, a key pair only here, and tenant-client (one certificate)."""
    return write(
        tmp_path / "dev.p12",
        [
            shared_root(),
            factory.self_signed_entry("only-dev"),
            factory.self_signed_entry("tenant-client", "Tenant Client"),
        ],
    )


@pytest.fixture
def prod_path(tmp_path: Path) -> Path:
    """prod.p12: the same root, a key pair only here, tenant-client with another certificate."""
    return write(
        tmp_path / "prod.p12",
        [
            shared_root(),
            factory.trusted_entry("only-prod", "Prod Partner"),
            factory.self_signed_entry("Tenant-Client", "Tenant Client 2026"),
        ],
    )


def open_compare(window: KeymonMainWindow) -> CompareDialog:
    window.actions_by_name[ActionId.COMPARE].trigger()
    dialog = window.findChild(CompareDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def pick_file(dialog: CompareDialog, prompts: ScriptedPrompts, path: Path, side: str = "b") -> None:
    """Choose "Keystore file…" in side ``side``'s list and answer the file chooser."""
    prompts.expect("choose_open_file", path)
    combo = dialog.b_combo if side == "b" else dialog.a_combo
    browse = combo.findData(BROWSE)
    combo.setCurrentIndex(browse)
    combo.activated.emit(browse)


def pick(dialog: CompareDialog, text: str) -> None:
    index = dialog.b_combo.findText(text)
    assert index >= 0, [dialog.b_combo.itemText(i) for i in range(dialog.b_combo.count())]
    dialog.b_combo.setCurrentIndex(index)
    dialog.b_combo.activated.emit(index)


def compared(qtbot: QtBot, dialog: CompareDialog) -> str:
    """Press Compare and wait for the outcome; the summary line the user reads."""
    assert dialog.compare_button.isEnabled()
    dialog.compare_button.click()
    qtbot.waitUntil(lambda: not dialog.busy_bar.isVisible(), timeout=20_000)
    return dialog.summary_text


def rows(dialog: CompareDialog) -> list[tuple[str, str, str]]:
    """Alias, what differs, and which sides show a valid-until date and a fingerprint."""
    out = []
    for r in range(dialog.proxy.rowCount()):
        cells = [dialog.proxy.index(r, c).data() for c in range(6)]
        sides = ("A" if cells[2] and cells[4] else "") + ("B" if cells[3] and cells[5] else "")
        out.append((cells[0], cells[1], sides))
    return out


def test_file_against_file(
    qtbot: QtBot, window: KeymonMainWindow, prompts: ScriptedPrompts, prod_path: Path
) -> None:
    dialog = open_compare(window)
    assert dialog.a_combo.currentText() == "dev.p12 (shown in the window)"
    assert not dialog.compare_button.isEnabled()  # no side B yet
    pick_file(dialog, prompts, prod_path)
    assert dialog.b_combo.currentText() == "prod.p12"
    prompts.expect("ask_password", PasswordAnswer(PW), containing="prod.p12")

    summary = compared(qtbot, dialog)

    assert summary == (
        "Differences: 1 only in dev.p12, 1 only in prod.p12, 1 with a different certificate."
    )
    assert rows(dialog) == [
        ("only-dev", "Only in A", "A"),
        ("only-prod", "Only in B", "B"),
        ("tenant-client", "Different certificate", "AB"),
    ]
    tenant = next(r for r in dialog.shown_rows() if r.alias == "tenant-client")
    assert tenant.a_sha256 != tenant.b_sha256
    assert dialog.proxy.index(2, 4).data().endswith("…")  # a short fingerprint

    dialog.differences_only.setChecked(False)  # every alias of both keystores
    assert ("receiver-root", "Same", "AB") in rows(dialog)
    assert len(rows(dialog)) == 4

    # a row on side A selects that entry in the window
    index = dialog.proxy.index(0, 0)
    dialog.table.doubleClicked.emit(index)
    assert [e.alias for e in window.selected_entries()] == [index.data()]

    dialog.swap_button.click()  # prod.p12 is A now; its password is asked again
    assert dialog.a_combo.currentText() == "prod.p12"
    prompts.expect("ask_password", PasswordAnswer(PW))
    assert compared(qtbot, dialog).startswith("Differences: 1 only in prod.p12, 1 only in dev.p12")
    assert window.store is not None and len(window.store.entries) == 3  # nothing written
    dialog.close()


def test_the_same_keystore_holds_the_same_entries(
    qtbot: QtBot, window: KeymonMainWindow, prompts: ScriptedPrompts, store_path: Path
) -> None:
    dialog = open_compare(window)
    pick_file(dialog, prompts, store_path)
    prompts.expect("ask_password", PasswordAnswer(PW))
    assert compared(qtbot, dialog) == "The keystores hold the same entries."
    assert rows(dialog) == []
    dialog.close()


def test_a_wrong_password_is_one_sentence_and_no_rows(
    qtbot: QtBot, window: KeymonMainWindow, prompts: ScriptedPrompts, prod_path: Path
) -> None:
    dialog = open_compare(window)
    pick_file(dialog, prompts, prod_path)
    prompts.expect("ask_password", PasswordAnswer("not-the-password"))
    prompts.expect("ask_password", None, containing="wrong")  # asked again: the user gives up

    summary = compared(qtbot, dialog)

    assert summary == "The password of prod.p12 is wrong; nothing was compared."
    assert rows(dialog) == []
    assert dialog.compare_button.isEnabled()  # try again
    dialog.close()


def tenant_twin(tenant: FakeTenant, tmp_path: Path) -> Path:
    """A file with the tenant's receiver_root_ca (same certificate), its tenant_client
    under another certificate, and an entry the tenant lacks."""
    with tenant.state.lock:
        held = tenant.state.store("system")
        root = held["receiver_root_ca"]
    entries = [
        with_alias(root, "receiver_root_ca"),
        factory.self_signed_entry("tenant_client", "tenant-client"),
        factory.trusted_entry("only-file", "Only File"),
    ]
    return write(tmp_path / "twin.p12", entries)


def test_file_against_a_saved_tenant(
    qtbot: QtBot,
    window: KeymonMainWindow,
    prompts: ScriptedPrompts,
    tenant: FakeTenant,
    tmp_path: Path,
) -> None:
    save_profile(tenant, "prod")
    window.tenants.retry = FAST
    twin = tenant_twin(tenant, tmp_path)
    window.open_keystore(twin, PW)
    qtbot.waitUntil(lambda: window.store is not None and window.store.path == twin)
    dialog = open_compare(window)
    assert dialog.a_combo.currentText() == "twin.p12 (shown in the window)"
    pick(dialog, "Tenant prod")  # read in a worker with the profile's client

    summary = compared(qtbot, dialog)

    with tenant.state.lock:
        on_tenant = len(tenant.state.store("system"))
    assert summary == (
        f"Differences: 1 only in twin.p12, {on_tenant - 2} only in prod, "
        "1 with a different certificate."
    )
    kinds = {r.alias: r.difference for r in dialog.shown_rows()}
    assert kinds["only-file"] is Difference.ONLY_IN_A
    assert kinds["tenant_client"] is Difference.CERTIFICATE
    assert kinds["sap_cloud_root_ca"] is Difference.ONLY_IN_B
    assert "receiver_root_ca" not in kinds  # the same certificate on both sides
    dialog.close()


def test_the_tenant_shown_against_a_file(
    qtbot: QtBot,
    window: KeymonMainWindow,
    prompts: ScriptedPrompts,
    tenant: FakeTenant,
    tmp_path: Path,
) -> None:
    twin = tenant_twin(tenant, tmp_path)
    save_profile(tenant)
    open_tenant(qtbot, window)
    assert window.actions_by_name[ActionId.COMPARE].isEnabled()  # also on a tenant
    dialog = open_compare(window)
    assert dialog.a_combo.currentText() == "sapci:dev (shown in the window)"
    pick_file(dialog, prompts, twin)
    prompts.expect("ask_password", PasswordAnswer(PW))

    summary = compared(qtbot, dialog)

    assert summary.endswith("1 only in twin.p12, 1 with a different certificate.")
    kinds = {r.alias: r.difference for r in dialog.shown_rows()}
    assert kinds["tenant_client"] is Difference.CERTIFICATE
    assert kinds["only-file"] is Difference.ONLY_IN_B
    dialog.table.doubleClicked.emit(dialog.proxy.index(0, 0))  # a tenant entry, selected
    assert [e.alias for e in window.selected_entries()] == [dialog.proxy.index(0, 0).data()]
    dialog.close()


def test_a_locked_tenant_is_one_sentence(
    qtbot: QtBot, window: KeymonMainWindow, tenant: FakeTenant
) -> None:
    save_profile(tenant, "prod")
    window.tenants.retry = FAST
    tenant.inject(503, times=10, method="GET", path="Entries")  # locked while retried
    dialog = open_compare(window)
    pick(dialog, "Tenant prod")

    summary = compared(qtbot, dialog)

    assert summary.startswith("Cannot read prod: ")
    assert "\n" not in summary
    assert rows(dialog) == []
    assert window.store is not None and len(window.store.entries) == 3  # the window keeps it
    dialog.close()


def test_compare_is_in_the_file_menu_with_its_own_accelerator(window: KeymonMainWindow) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    action = window.actions_by_name[ActionId.COMPARE]
    assert action in file_menu.actions()
    assert action.text() == "&Compare Keystores…"
    check_menus(window)


def test_cancel_stops_reading_and_says_so(
    qtbot: QtBot, window: KeymonMainWindow, tenant: FakeTenant
) -> None:
    save_profile(tenant, "prod")
    window.tenants.retry = RetryPolicy(attempts=4, base_delay=0.3, max_delay=0.3)
    tenant.inject(503, times=10, method="GET", path="Entries")  # locked: retried for a while
    dialog = open_compare(window)
    pick(dialog, "Tenant prod")
    dialog.compare_button.click()
    assert dialog.running and dialog.cancel_button.isVisible()
    assert not dialog.b_combo.isEnabled()  # the sides stay as they are meanwhile

    dialog.cancel_button.click()

    assert not dialog.running
    assert dialog.summary_text == "Comparing was cancelled."
    assert rows(dialog) == [] and dialog.compare_button.isEnabled()
    dialog.close()


def test_the_compare_window_follows_what_the_window_shows(
    qtbot: QtBot, window: KeymonMainWindow, prompts: ScriptedPrompts, prod_path: Path
) -> None:
    dialog = open_compare(window)
    pick_file(dialog, prompts, prod_path)
    with qtbot.waitSignal(window.keystoreOpened, timeout=15_000):
        window.open_keystore(prod_path, PW)
    assert dialog.a_combo.currentText() == "prod.p12 (shown in the window)"
    assert dialog.b_combo.currentText() == "prod.p12"  # the file picked stays side B
    window.actions_by_name[ActionId.COMPARE].trigger()  # the same window, to the front
    assert window.findChildren(CompareDialog) == [dialog]
    dialog.close()


def test_the_system_keystore_against_the_tenants_key_renewal(
    qtbot: QtBot, window: KeymonMainWindow, tenant: FakeTenant
) -> None:
    """Each saved tenant offers its Key Renewal and backup keystores as sides too."""
    save_profile(tenant)
    open_tenant(qtbot, window)
    dialog = open_compare(window)
    offered = [dialog.b_combo.itemText(i) for i in range(dialog.b_combo.count())]
    assert {"Tenant dev", "Tenant dev › Key Renewal", "Tenant dev › Backup"} <= set(offered)
    pick(dialog, "Tenant dev › Key Renewal")

    compared(qtbot, dialog)

    with tenant.state.lock:
        renewal = set(tenant.state.store("KeyRenewal"))
        system = set(tenant.state.store("system"))
    kinds = {r.alias: r.difference for r in dialog.shown_rows()}
    assert renewal == {"tenant_client"} and kinds["tenant_client"] is Difference.CERTIFICATE
    assert {a for a, d in kinds.items() if d is Difference.ONLY_IN_A} == system - renewal
    dialog.close()
