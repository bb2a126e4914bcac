"""Every dialog can be used from the keyboard alone.

Each dialog is shown with realistic content and its Tab order is walked with
:func:`tests.gui.keyboard.check_tab_order` (reads like text, every stop has a
name). Escape rejects; Return presses the default button where that makes sense.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QDialog, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from keymon.core.entries import Entry
from keymon.core.formats.protection import Pkcs12Protection
from keymon.core.storage import Backup
from keymon.gui.dialogs.about_dialog import AboutDialog, VersionInfo
from keymon.gui.dialogs.backups_dialog import BackupsDialog
from keymon.gui.dialogs.change_password_dialog import ChangePasswordDialog
from keymon.gui.dialogs.choose_entries_dialog import ChooseEntriesDialog, MergeDialog, RowChoice
from keymon.gui.dialogs.export_keypair_dialog import ExportKeyPairDialog
from keymon.gui.dialogs.password_dialog import PasswordAnswer, PasswordDialog
from keymon.gui.dialogs.rename_dialog import RenameDialog
from keymon.gui.prompts import wrong_password_text
from tests import factory
from tests.gui.keyboard import check_tab_order, focus_walk

# Showing a window makes the offscreen plugin warn that it cannot propagate size hints.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

Accepted, Rejected = QDialog.DialogCode.Accepted, QDialog.DialogCode.Rejected


@pytest.fixture(scope="module")
def entries() -> list[Entry]:
    return [
        factory.key_pair_entry("tenant", "tenant.example.com"),
        factory.self_signed_entry("edge", "edge.example.com"),
        factory.trusted_entry("root-ca", "keymon Root CA"),
    ]


def backups(folder: Path) -> list[Backup]:
    base = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)
    return [
        Backup(v, base + dt.timedelta(days=v), 2048 * v, 3 if v != 2 else None, folder / f"v{v}")
        for v in (1, 2, 3)
    ]


VERSIONS = VersionInfo(
    keymon="1.0.0",
    qt="6.11.0",
    pyside6="6.11.0",
    cryptography="44.0.0",
    openssl="OpenSSL 3.0.15 3 Sep 2024",
    python="3.11.9 (CPython)",
)


D = TypeVar("D", bound=QDialog)


def show(qtbot: QtBot, dialog: D) -> D:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def names(dialog: QWidget) -> list[str]:
    """The Tab stops by name, for readable failures."""
    out = []
    for w in focus_walk(dialog):
        text = w.text() if isinstance(w, QAbstractButton) else ""
        out.append(w.accessibleName() or text.replace("&", "") or w.objectName())
    return out


DIALOGS: dict[str, Callable[[list[Entry], Path], QDialog]] = {
    "password": lambda _e, _p: PasswordDialog(Path("/srv/tenant.p12")),
    "password after a wrong one": lambda _e, _p: PasswordDialog(
        Path("/srv/tenant.p12"), error=wrong_password_text()
    ),
    "new password": lambda _e, _p: PasswordDialog(Path("/srv/new.p12"), new=True),
    "backups": lambda _e, p: BackupsDialog(backups(p), name="tenant.p12"),
    "no backups": lambda _e, _p: BackupsDialog([], name="tenant.p12"),
    "choose entries": lambda e, _p: ChooseEntriesDialog(e, title="Choose Certificates"),
    "merge plan": lambda e, _p: MergeDialog(e, ["Tenant", "other"]),
    "rename": lambda _e, _p: RenameDialog("tenant", ["tenant", "edge", "root-ca"]),
    "export key pair": lambda _e, _p: ExportKeyPairDialog(alias="tenant"),
    "change password": lambda _e, _p: ChangePasswordDialog(name="tenant.p12"),
    "change password without keyring option": lambda _e, _p: ChangePasswordDialog(
        offer_remember=False
    ),
    "about": lambda _e, _p: AboutDialog(info=VERSIONS),
}


@pytest.mark.parametrize("kind", list(DIALOGS))
def test_tab_order_reads_like_text(
    qtbot: QtBot, entries: list[Entry], tmp_path: Path, kind: str
) -> None:
    dialog = show(qtbot, DIALOGS[kind](entries, tmp_path))
    check_tab_order(dialog)


@pytest.mark.parametrize("kind", list(DIALOGS))
def test_escape_rejects(qtbot: QtBot, entries: list[Entry], tmp_path: Path, kind: str) -> None:
    dialog = show(qtbot, DIALOGS[kind](entries, tmp_path))
    focused = dialog.focusWidget()
    assert focused is not None, f"{kind}: nothing has the keyboard focus"
    qtbot.keyClick(focused, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.result() == Rejected


def test_tab_stops_by_name(qtbot: QtBot, entries: list[Entry], tmp_path: Path) -> None:
    expect = {
        "password": ["Password", "Show password", "Remember in system keyring", "OK", "Cancel"],
        "new password": [
            "New password",
            "Repeat password",
            "Show password",
            "Remember in system keyring",
            "OK",
            "Cancel",
        ],
        "rename": ["New alias", "Rename", "Cancel"],
        "choose entries": ["Entries", "Select All", "Select None", "OK", "Cancel"],
        "merge plan": [
            "Entries",
            "Action for tenant",
            "Alias after adding tenant",
            "Action for edge",
            "Alias after adding edge",
            "Action for root-ca",
            "Alias after adding root-ca",
            "Add",
            "Cancel",
        ],
    }
    for kind, stops in expect.items():
        dialog = show(qtbot, DIALOGS[kind](entries, tmp_path))
        assert names(dialog) == stops, kind
        dialog.close()


# -- Return ---------------------------------------------------------------------------------
def test_password_return_accepts(qtbot: QtBot) -> None:
    dialog = show(qtbot, PasswordDialog(Path("/srv/tenant.p12")))
    assert dialog.focusWidget() is dialog.password_edit
    qtbot.keyClicks(dialog.password_edit, "storepass")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.result() == Accepted
    assert dialog.answer() == PasswordAnswer("storepass", False)


def test_new_password_return_accepts_only_matching_passwords(qtbot: QtBot) -> None:
    dialog = show(qtbot, PasswordDialog(Path("/srv/new.p12"), new=True))
    assert dialog.fields is not None
    first, second = dialog.fields.password_edit, dialog.fields.repeat_edit
    assert dialog.focusWidget() is first
    qtbot.keyClicks(first, "n3w-pass")
    qtbot.keyClick(first, Qt.Key.Key_Return)  # OK is disabled: nothing happens
    assert dialog.isVisible() and dialog.result() == Rejected
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is second
    qtbot.keyClicks(second, "n3w-pass")
    qtbot.keyClick(second, Qt.Key.Key_Return)
    assert dialog.result() == Accepted
    assert dialog.answer() == PasswordAnswer("n3w-pass", False)


def test_rename_return_accepts_a_valid_name(qtbot: QtBot) -> None:
    dialog = show(qtbot, RenameDialog("tenant", ["tenant", "edge"]))
    edit = dialog.alias_edit
    assert dialog.focusWidget() is edit and edit.selectedText() == "tenant"
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # unchanged: OK is disabled
    assert dialog.isVisible()
    qtbot.keyClicks(edit, "edge")  # replaces the selection; taken
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.reason_label.is_problem
    qtbot.keyClicks(edit, "-2")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert dialog.result() == Accepted and dialog.new_alias() == "edge-2"


def test_rename_escape_after_typing_rejects(qtbot: QtBot) -> None:
    dialog = show(qtbot, RenameDialog("tenant", ["tenant"]))
    qtbot.keyClicks(dialog.alias_edit, "client")
    qtbot.keyClick(dialog.alias_edit, Qt.Key.Key_Escape)
    assert dialog.result() == Rejected and not dialog.isVisible()


def test_change_password_and_export_from_the_keyboard(qtbot: QtBot) -> None:
    change = show(qtbot, ChangePasswordDialog(name="tenant.p12"))
    assert change.focusWidget() is change.fields.password_edit
    qtbot.keyClicks(change.fields.password_edit, "pw-2025")
    qtbot.keyClick(change.fields.password_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(change.fields.repeat_edit, "pw-2025")
    qtbot.keyClick(change.fields.repeat_edit, Qt.Key.Key_Return)
    assert change.result() == Accepted
    assert change.answer() == PasswordAnswer("pw-2025", False)

    export = show(qtbot, ExportKeyPairDialog(alias="tenant"))
    assert export.focusWidget() is export.fields.password_edit
    qtbot.keyClicks(export.fields.password_edit, "export")
    qtbot.keyClick(export.fields.password_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(export.fields.repeat_edit, "export")
    for _ in range(2):  # past "Show password" to the legacy box
        qtbot.keyClick(export.focusWidget(), Qt.Key.Key_Tab)
    assert export.focusWidget() is export.legacy_check
    qtbot.keyClick(export.legacy_check, Qt.Key.Key_Space)
    assert export.legacy_check.isChecked()
    qtbot.keyClick(export.legacy_check, Qt.Key.Key_Return)
    assert export.result() == Accepted
    assert export.answer().password == "export"
    assert export.answer().protection is Pkcs12Protection.LEGACY_3DES


def test_choose_entries_from_the_keyboard(qtbot: QtBot, entries: list[Entry]) -> None:
    dialog = show(qtbot, ChooseEntriesDialog(entries))
    assert dialog.focusWidget() is dialog.tree
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Space)  # uncheck "tenant"
    assert dialog.chosen_entries() == entries[1:]
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Return)
    assert dialog.result() == Accepted and dialog.chosen_entries() == entries[1:]


def test_choose_entries_return_needs_a_chosen_entry(qtbot: QtBot, entries: list[Entry]) -> None:
    dialog = show(qtbot, ChooseEntriesDialog(entries[:1]))
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Space)
    assert dialog.chosen_entries() == [] and not dialog.ok_button.isEnabled()
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Return)
    assert dialog.isVisible()


def test_merge_plan_from_the_keyboard(qtbot: QtBot, entries: list[Entry]) -> None:
    dialog = show(qtbot, MergeDialog(entries, ["Tenant"]))
    combo = dialog.combos[0]
    assert dialog.focusWidget() is combo
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # "Add under a new alias" → "Keep existing"
    assert dialog.choice(0) is RowChoice.KEEP
    qtbot.keyClick(combo, Qt.Key.Key_Up)  # back to renaming: the alias field gets the focus
    assert dialog.focusWidget() is dialog.alias_edits[0]
    qtbot.keyClicks(dialog.alias_edits[0], "tenant-imported")
    qtbot.keyClick(dialog.alias_edits[0], Qt.Key.Key_Return)
    assert dialog.result() == Accepted
    assert dialog.merge_plan().items[0].alias == "tenant-imported"


def test_backups_return_restores_the_selected_version(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = show(qtbot, BackupsDialog(backups(tmp_path), name="tenant.p12"))
    assert dialog.focusWidget() is dialog.table
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # nothing chosen yet: nothing happens
    assert dialog.isVisible() and not dialog.restore_button.isEnabled()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)  # from the newest (3) to version 2
    assert dialog.selected_version() == 2 and dialog.restore_button.isEnabled()
    with qtbot.waitSignal(dialog.restoreRequested) as blocker:
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert blocker.args == [2] and dialog.result() == Accepted and dialog.chosen == 2


def test_no_backups_return_closes(qtbot: QtBot) -> None:
    dialog = show(qtbot, BackupsDialog([]))
    with qtbot.assertNotEmitted(dialog.restoreRequested):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert not dialog.isVisible() and dialog.result() == Rejected


def test_about_copy_from_the_keyboard_and_return_closes(qtbot: QtBot) -> None:
    dialog = show(qtbot, AboutDialog(info=VERSIONS))
    close = dialog.buttons.button(QDialogButtonBox.StandardButton.Close)
    assert dialog.focusWidget() is close
    qtbot.keyClick(close, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.copy_button
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(dialog.copy_button, Qt.Key.Key_Space)
    assert QGuiApplication.clipboard().text() == VERSIONS.as_text()
    assert dialog.isVisible()
    qtbot.keyClick(dialog.copy_button, Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert not dialog.isVisible() and dialog.result() == Rejected
