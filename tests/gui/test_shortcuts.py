"""Every action is reachable from the keyboard; standard actions use the desktop's keys.

The platform plugin decides the standard keys (on xcb Delete is also Ctrl+D, Quit also
Exit), so `make test` runs this module on offscreen and on xcb under Xvfb.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from keymon.gui.actions import ACTIONS, FALLBACK_KEYS, ActionId
from keymon.gui.main_window import KeymonMainWindow
from tests.gui.scripted_prompts import ScriptedPrompts

pytestmark = pytest.mark.platform

Std = QKeySequence.StandardKey

STANDARD = {
    "actionOpen": Std.Open,
    "actionDelete": Std.Delete,
    "actionFind": Std.Find,
    "actionCopyPem": Std.Copy,
    "actionReload": Std.Refresh,
    "actionQuit": Std.Quit,
    "actionSettings": Std.Preferences,
    "actionUndo": Std.Undo,
    "actionRedo": Std.Redo,
}


def menu_actions(menu: QMenu) -> list[QAction]:
    out = []
    for action in menu.actions():
        sub = action.menu()
        out.extend(menu_actions(sub) if isinstance(sub, QMenu) else [action])
    return out


def test_every_action_is_in_a_menu(window: KeymonMainWindow) -> None:
    reachable = {
        a.objectName()
        for top in window.menuBar().actions()
        if isinstance(top.menu(), QMenu)
        for a in menu_actions(top.menu())  # type: ignore[arg-type]
    }
    missing = {spec.name for spec in ACTIONS} - reachable
    assert not missing, f"not in any menu (so not reachable with Alt): {sorted(missing)}"
    assert {"actionUndo", "actionRedo"} <= reachable


@pytest.mark.parametrize(("name", "key"), STANDARD.items())
def test_standard_actions_use_the_platforms_keys(
    window: KeymonMainWindow, name: str, key: QKeySequence.StandardKey
) -> None:
    action = window.findChild(QAction, name)
    assert action is not None, name
    explicit = {spec.shortcut for spec in ACTIONS if isinstance(spec.shortcut, str)}
    platform = QKeySequence.keyBindings(key) or [QKeySequence(FALLBACK_KEYS[key])]
    expected = [s for s in platform if s.toString() not in explicit]  # explicit keys win
    assert expected, f"{name} keeps none of the platform's keys"
    assert action.shortcuts() == expected


def test_find_puts_the_cursor_in_the_filter_box(window: KeymonMainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    window.table.setFocus()
    window.actions_by_name["actionFind"].trigger()
    qtbot.waitUntil(window.filter_edit.hasFocus)
    qtbot.keyClicks(window.filter_edit, "tenant")
    assert window.proxy.rowCount() == 1
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Escape)


def test_no_two_actions_share_a_shortcut(window: KeymonMainWindow) -> None:
    seen: dict[str, str] = {}
    window_wide = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)
    for action in window.findChildren(QAction):
        if action.shortcutContext() not in window_wide:
            continue  # e.g. Ctrl+C of a details tree, only while that tree has the focus
        for sequence in action.shortcuts():
            text = sequence.toString()
            assert text not in seen, f"{text}: {seen.get(text)} and {action.objectName()}"
            seen[text] = action.objectName()


def test_widening_the_filter_keeps_the_selection(window: KeymonMainWindow, qtbot: QtBot) -> None:
    window.select_alias("tenant")
    qtbot.keyClicks(window.filter_edit, "ten")  # narrower: rows leave in place
    assert window.current_entry() is not None and window.current_entry().alias == "tenant"
    window.filter_edit.clear()  # wider: the proxy resets, the selection comes back
    assert window.proxy.rowCount() == 3
    entry = window.current_entry()
    assert entry is not None and entry.alias == "tenant"
    assert window.details.entry == entry


def test_ctrl_d_downloads_the_certificate_on_every_platform(
    window: KeymonMainWindow, qtbot: QtBot, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    """On xcb Qt's Delete is [Del, Ctrl+D]: the explicit Ctrl+D must still fire, Del delete."""
    window.activateWindow()
    window.select_alias("tenant")
    window.table.setFocus()
    qtbot.waitUntil(window.table.hasFocus)
    prompts.expect("choose_save_file", None, containing="tenant.cer")
    qtbot.keyClick(window.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert not prompts.pending, "Ctrl+D did not reach Download › Public Certificate"
    delete = window.actions_by_name[ActionId.DELETE]
    assert QKeySequence("Ctrl+D") not in delete.shortcuts()
    assert QKeySequence("Del") in delete.shortcuts()
