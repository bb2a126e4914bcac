"""A start builds the window's hidden parts later (issue 13): the connectivity panel when it
is first shown, the Monitoring view and the tray once the first keystore shows."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from keymon.gui.actions import ActionId
from keymon.gui.app import open_main_window
from keymon.gui.views.connectivity_panel import ConnectivityPanel
from keymon.gui.views.monitoring_view import MonitoringView
from tests.gui.helpers import PW
from tests.gui.scripted_prompts import ScriptedPrompts


def test_monitoring_starts_when_the_keystore_shows_and_follows_it(
    qtbot: QtBot, store_path: Path, prompts: ScriptedPrompts, keymon_home: Path
) -> None:
    win = open_main_window(store_path, PW, keymon_home, prompts=prompts)
    qtbot.addWidget(win)
    assert win.monitoring_dock.objectName() == "monitoringDock"
    assert not win.monitoring.started and win.findChild(MonitoringView) is None
    with qtbot.waitSignal(win.keystoreOpened, timeout=15_000):
        pass
    assert win.monitoring.started  # without anyone asking for it
    view = win.monitoring_view
    assert win.monitoring_dock.widget() is view and not win.monitoring_dock.isVisible()
    qtbot.waitUntil(lambda: view.model.rowCount() == 5, timeout=10_000)
    # built after keystoreOpened, it still follows the session (reset: an undo of many)
    assert win.session is not None
    with qtbot.waitSignal(view.refreshed, timeout=10_000):
        win.session.reset.emit()
    win.close()


def test_the_connectivity_panel_is_built_when_first_shown(
    qtbot: QtBot, store_path: Path, prompts: ScriptedPrompts, keymon_home: Path
) -> None:
    win = open_main_window(store_path, PW, keymon_home, prompts=prompts)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.keystoreOpened, timeout=15_000):
        pass
    assert win.findChild(ConnectivityPanel) is None
    win.actions_by_name[ActionId.CONNECTIVITY_TEST].trigger()
    panel = win.findChild(ConnectivityPanel, "connectivityPanel")
    assert panel is win.connectivity_panel and win.connectivity_dock.widget() is panel
    assert win.connectivity_dock.isVisible() and panel.host_edit.hasFocus()
    # it lists the key pairs of the keystore opened before it existed
    aliases = {panel.client_combo.itemData(i) for i in range(panel.client_combo.count())}
    assert "tenant" in aliases
    win.close()
