"""'Delete All Backups…' in the backups dialog: asks first, then deletes every saved version.

Real backups on disk (keymon's BackupStore in the test's KEYMON_HOME), the real dialog
driven with qtbot; the confirmation goes through the prompts service (scripted, or the
real message box driven like the other DialogPrompts tests).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from keymon.core.backups import BackupStore
from keymon.core.errors import UnreadableFile
from keymon.gui.dialogs.backups_dialog import BackupsDialog
from keymon.gui.main_window import KeymonMainWindow
from keymon.gui.prompts import DialogPrompts

LEFT = Qt.MouseButton.LeftButton


class Answers:
    """The dialog's side of the prompts service: scripted confirm answers, recorded questions."""

    def __init__(self, *confirms: bool) -> None:
        self.confirms = list(confirms)
        self.asked: list[tuple[str, str, bool]] = []
        self.errors: list[str] = []

    def confirm(self, title: str, text: str, *, destructive: bool = False) -> bool:
        self.asked.append((title, text, destructive))
        return self.confirms.pop(0)

    def error(self, title: str, text: str) -> None:
        self.errors.append(text)


@pytest.fixture
def backups(tmp_path: Path) -> BackupStore:
    store = BackupStore(tmp_path / "tenant.p12")
    for n in range(3):
        store.add(f"version {n}".encode(), n)
    return store


def dialog_for(qtbot: QtBot, store: BackupStore, prompts: Answers) -> BackupsDialog:
    dialog = BackupsDialog(store.versions(), name="tenant.p12", prompts=prompts, purge=store.purge)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_confirmed_purge_deletes_every_backup_and_shows_none(
    qtbot: QtBot, backups: BackupStore
) -> None:
    prompts = Answers(True)
    dialog = dialog_for(qtbot, backups, prompts)
    button = dialog.purge_button
    assert button.objectName() == "purgeButton" and button.isVisible() and button.isEnabled()
    assert button.text() == "&Delete All Backups…"

    with qtbot.waitSignal(dialog.purged) as blocker:
        qtbot.mouseClick(button, LEFT)

    assert blocker.args == [3]
    ((title, text, destructive),) = prompts.asked
    assert title == "Delete All Backups" and "all 3 saved versions" in text and destructive
    assert backups.versions() == [] and not backups.folder.exists()
    assert dialog.isVisible() and dialog.stack.currentWidget() is dialog.empty_label
    assert dialog.table.topLevelItemCount() == 0
    assert not button.isEnabled() and not dialog.restore_button.isEnabled()


def test_declined_purge_deletes_nothing(qtbot: QtBot, backups: BackupStore) -> None:
    prompts = Answers(False)
    dialog = dialog_for(qtbot, backups, prompts)
    with qtbot.assertNotEmitted(dialog.purged):
        qtbot.mouseClick(dialog.purge_button, LEFT)
    assert [b.version for b in backups.versions()] == [3, 2, 1]
    assert dialog.table.topLevelItemCount() == 3 and dialog.purge_button.isEnabled()
    assert len(prompts.asked) == 1


def test_a_failed_purge_is_reported_and_the_list_stays(qtbot: QtBot, backups: BackupStore) -> None:
    def fail() -> int:
        raise UnreadableFile("keymon could not delete the backup v1 (Permission denied).")

    prompts = Answers(True)
    dialog = BackupsDialog(backups.versions(), prompts=prompts, purge=fail)
    qtbot.addWidget(dialog)
    with qtbot.assertNotEmitted(dialog.purged):
        qtbot.mouseClick(dialog.purge_button, LEFT)
    assert dialog.table.topLevelItemCount() == 3
    assert len(prompts.errors) == 1 and "Permission denied" in prompts.errors[0]


def test_without_a_purge_function_there_is_no_button(qtbot: QtBot, backups: BackupStore) -> None:
    dialog = BackupsDialog(backups.versions())
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.purge_button.isVisible()


def test_dialog_prompts_ask_with_a_real_warning_box(qtbot: QtBot, backups: BackupStore) -> None:
    """The application's prompts: the dialog's button opens a warning whose default is No."""
    seen: list[str] = []

    def run(dialog: QDialog) -> int:
        qtbot.addWidget(dialog)
        if isinstance(dialog, QMessageBox):
            seen.append(dialog.text())
            assert dialog.defaultButton() is dialog.button(QMessageBox.StandardButton.No)
            qtbot.mouseClick(dialog.button(QMessageBox.StandardButton.Yes), LEFT)
            return dialog.result()
        assert isinstance(dialog, BackupsDialog)
        qtbot.mouseClick(dialog.purge_button, LEFT)
        assert dialog.stack.currentWidget() is dialog.empty_label
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Close), LEFT)
        return dialog.result()

    chosen = DialogPrompts(run=run).choose_backup(backups.versions(), purge=backups.purge)
    assert chosen is None
    assert len(seen) == 1 and "all 3 saved versions" in seen[0]
    assert backups.versions() == []


def test_the_window_offers_purge_for_its_keystore(
    window: KeymonMainWindow, prompts: Any, store_path: Path
) -> None:
    """File › Backups hands the dialog a purge of the open keystore's backups."""
    store = BackupStore(store_path)
    store.add(store_path.read_bytes(), 3)

    def purge_then_close(question: object) -> None:
        purge = question["purge"]  # type: ignore[index]
        assert callable(purge) and purge() == 1

    prompts.expect("choose_backup", purge_then_close)
    window.actions_by_name["actionBackups"].trigger()
    assert store.versions() == [] and store_path.exists()
