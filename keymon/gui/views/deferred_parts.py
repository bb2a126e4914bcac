"""The parts of the main window built when first needed, read as plain attributes.

A start builds neither the connectivity panel nor the Monitoring view and tray
(issue 13): :class:`~keymon.gui.views.connectivity_dock.ConnectivityDock` and
:class:`~keymon.gui.views.monitoring_dock.MonitoringDock` make them later. The window
mixes this class in, so ``window.connectivity_panel``, ``window.monitoring_view`` and
``window.expiry_tray`` still name them (and make them if they do not exist yet).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from keymon.gui.tray import ExpiryTray
    from keymon.gui.views.connectivity_dock import ConnectivityDock
    from keymon.gui.views.connectivity_panel import ConnectivityPanel
    from keymon.gui.views.monitoring_dock import MonitoringDock
    from keymon.gui.views.monitoring_view import MonitoringView


class DeferredParts:
    """``connectivity_panel``, ``monitoring_view`` and ``expiry_tray``, made when first read."""

    connectivity: ConnectivityDock
    monitoring: MonitoringDock

    @property
    def connectivity_panel(self) -> ConnectivityPanel:
        return self.connectivity.panel

    @property
    def monitoring_view(self) -> MonitoringView:
        return self.monitoring.parts().view

    @property
    def expiry_tray(self) -> ExpiryTray:
        return self.monitoring.parts().tray
