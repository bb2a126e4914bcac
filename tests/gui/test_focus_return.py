"""After a dialog or wizard closes, the keyboard focus is on the entries table (item 15).

Qt handed it back to the filter box or the Host field, so the next Ctrl+Z or Ctrl+D
edited text instead of acting on the selected entry. Runs on offscreen and xcb.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QLineEdit, QMessageBox, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from keymon.gui.main_window import KeymonMainWindow

pytestmark = pytest.mark.platform


def _run_modal(dialog: QDialog) -> None:
    """Show ``dialog`` as the prompts do (exec), typing into it, then close it."""

    def close() -> None:
        field = dialog.findChild(QLineEdit)
        if field is not None:
            field.setFocus()
        dialog.accept()

    QTimer.singleShot(50, close)
    dialog.exec()


def _dialog(parent: QWidget) -> QDialog:
    dialog = QDialog(parent)
    QVBoxLayout(dialog).addWidget(QLineEdit(dialog))
    return dialog


@pytest.mark.parametrize("start", ["filter", "host"])
def test_focus_returns_to_the_table_not_the_text_field(
    window: KeymonMainWindow, qtbot: QtBot, start: str
) -> None:
    window.activateWindow()
    window.select_alias("tenant")
    if start == "host":
        window.actions_by_name["actionConnectivityTest"].trigger()
        field: QLineEdit = window.connectivity_panel.host_edit
    else:
        field = window.filter_edit
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    _run_modal(_dialog(window))
    qtbot.waitUntil(window.table.hasFocus)
    assert window.current_entry() is not None


def test_a_message_box_and_a_nested_dialog_also_return_to_the_table(
    window: KeymonMainWindow, qtbot: QtBot
) -> None:
    window.activateWindow()
    window.filter_edit.setFocus()
    qtbot.waitUntil(window.filter_edit.hasFocus)
    box = QMessageBox(QMessageBox.Icon.Information, "Saved", "Done.", parent=window)
    QTimer.singleShot(50, box.accept)
    box.exec()
    qtbot.waitUntil(window.table.hasFocus)
    window.filter_edit.setFocus()
    qtbot.waitUntil(window.filter_edit.hasFocus)
    outer = _dialog(window)
    inner = _dialog(outer)  # e.g. a file chooser over a wizard
    seen: list[bool] = []

    def run_inner() -> None:
        _run_modal(inner)
        seen.append(outer.isVisible())  # the outer dialog is still open: focus stays there
        outer.accept()

    QTimer.singleShot(50, run_inner)
    outer.exec()
    assert seen == [True]
    qtbot.waitUntil(window.table.hasFocus)
