"""The Monitoring dock, whose view and tray icon start once the first keystore shows.

The view reads every watched keystore and tenant in workers and collects their
certificates; at start-up that competed with reading the keystore the window opens
(issue 13). The dock is made at once (hidden, with its place in the window); the
view and the tray when the window shows its first keystore, when opening it failed
or was cancelled, when the dock is shown or the view is asked for, and at the latest
:data:`START_LATEST_MS` after the window was made.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow

from keymon.gui.context import AppContext

if TYPE_CHECKING:
    from keymon.gui.views.monitoring_view import Monitoring

#: The view and the tray start by then even while the first keystore waits (a password).
START_LATEST_MS = 2000


class MonitoringDock(QObject):
    """The dock (made at once) and the view and tray in it (made when first needed)."""

    def __init__(self, ctx: AppContext, window: QMainWindow) -> None:
        super().__init__(window)
        self.ctx, self.window = ctx, window
        self.dock = QDockWidget(QCoreApplication.translate("MonitoringView", "Monitoring"), window)
        self.dock.setObjectName("monitoringDock")
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()
        self._parts: Monitoring | None = None
        self.dock.visibilityChanged.connect(self._visible)
        ctx.keystoreOpened.connect(self.start)
        ctx.opener.failed.connect(self.start)
        ctx.opener.cancelled.connect(self.start)
        QTimer.singleShot(START_LATEST_MS, self, self.start)

    @property
    def started(self) -> bool:
        return self._parts is not None

    def start(self, *_args: object) -> None:
        """Make the view (it starts collecting) and the tray icon, once."""
        self.parts()

    def parts(self) -> Monitoring:
        """The view, the tray and the dock's toggle, made the first time they are asked."""
        if self._parts is None:
            from keymon.gui.views.monitoring_view import install_monitoring

            self._parts = install_monitoring(self.ctx, self.window, self.dock)
        return self._parts

    def toggle(self) -> None:
        """View › Monitoring: show or hide the dock."""
        self.parts().toggle()

    def _visible(self, visible: bool) -> None:
        if visible:  # shown another way than the action (restored state, a test)
            self.start()
