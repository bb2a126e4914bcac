"""The connectivity form and the keyboard (issue 12, item 8): Return runs the test from
any text field, and the Host history does not pop up by itself (a popup that opened
while typing took the next mouse click to close it)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from keymon.gui import connectivity as net
from keymon.gui.main_window import KeymonMainWindow
from keymon.gui.views.connectivity_panel import ConnectivityPanel

pytestmark = pytest.mark.platform


def _panel(window: KeymonMainWindow) -> ConnectivityPanel:
    window.activateWindow()
    window.actions_by_name["actionConnectivityTest"].trigger()
    return window.connectivity_panel


@pytest.mark.parametrize("field", ["host_edit", "sni_edit", "proxy_edit", "http_path_edit"])
def test_return_runs_the_test_from_every_text_field(
    window: KeymonMainWindow, qtbot: QtBot, field: str
) -> None:
    panel = _panel(window)
    panel.host_edit.setText("example.org:http")  # refused before any network use
    edit = getattr(panel, field)
    assert isinstance(edit, QLineEdit)
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert "is not a number" in panel.error_label.text()


@pytest.mark.qt_log_ignore(
    "This plugin does not support (raise|grabbing the keyboard)"  # offscreen popups
)
def test_host_history_completes_inline_and_lists_on_down(
    window: KeymonMainWindow, qtbot: QtBot
) -> None:
    hosts = net.remember_host(window.settings, "receiver.example.org")
    panel = _panel(window)
    panel.recent_model.setStringList(hosts)
    history = panel.host_history
    panel.host_edit.setFocus()
    qtbot.waitUntil(panel.host_edit.hasFocus)
    qtbot.keyClicks(panel.host_edit, "rec")
    assert not history.popup_visible(), "a popup while typing swallows the next click"
    assert panel.host_edit.text() == "receiver.example.org"  # completed inline
    assert panel.host_edit.selectedText() == "eiver.example.org"  # typing on replaces it
    panel.host_edit.clear()
    qtbot.keyClick(panel.host_edit, Qt.Key.Key_Down)
    qtbot.waitUntil(history.popup_visible)
    popup = history.completer.popup()
    assert popup is not None and popup.model().rowCount() == len(hosts)
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not history.popup_visible())
    qtbot.keyClicks(panel.host_edit, "r")
    assert not history.popup_visible()
