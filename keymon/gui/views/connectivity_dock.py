"""The Connectivity Test dock, whose panel is built the first time it is needed.

The panel brings the probe, its texts and the chain viewer: a start that does not
test a server need not build it (issue 13). The dock is made at once (hidden, with
its place in the window); the panel when the dock is shown or the panel is asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

from keymon.gui.context import AppContext
from keymon.gui.net_actions import NetActions

if TYPE_CHECKING:
    from keymon.gui.views.connectivity_panel import ConnectivityPanel


class ConnectivityDock(QObject):
    """The dock (made at once) and the panel in it (made when first needed)."""

    def __init__(self, ctx: AppContext, window: QMainWindow, actions: NetActions) -> None:
        super().__init__(window)
        self.ctx, self.window, self.actions = ctx, window, actions
        title = QCoreApplication.translate("KeymonMainWindow", "Connectivity Test")
        self.dock = QDockWidget(title, window)
        self.dock.setObjectName("connectivityDock")
        self.dock.visibilityChanged.connect(self._visible)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self._panel: ConnectivityPanel | None = None

    @property
    def panel(self) -> ConnectivityPanel:
        """The panel, built (and put in the dock) the first time it is asked for."""
        if self._panel is None:
            from keymon.gui.views.connectivity_panel import ConnectivityPanel

            self._panel = ConnectivityPanel(self.ctx, self.actions, self.window)
            self.dock.setWidget(self._panel)
        return self._panel

    def toggle(self) -> None:
        """View › Connectivity Test: show or hide the dock (the Host field takes the focus)."""
        panel, dock = self.panel, self.dock
        dock.setVisible(not dock.isVisible())
        if dock.isVisible():
            if self.window.tabifiedDockWidgets(dock):  # bring its tab to the front
                dock.raise_()
            panel.host_edit.setFocus()

    def _visible(self, visible: bool) -> None:
        if visible:  # shown another way than the action (restored state, a test)
            _ = self.panel
