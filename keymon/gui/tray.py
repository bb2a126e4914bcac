"""A system tray icon that knows what expires soon, and a daily desktop notification.

The text is decided by :func:`tray_summary`, a pure function; :class:`ExpiryTray`
only shows it. Without a system tray (the offscreen platform, some desktops)
nothing is shown and nothing fails. A notification is sent at start-up and once
a day, and only for certificates that entered the warning window since the
last one (their SHA-256 fingerprints are kept in the "monitoring/notified" setting).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from keymon.core.expiry import Status
from keymon.core.monitoring import MonitoredCertificate, days_left
from keymon.gui.palette import StatusPalette
from keymon.gui.settings import Settings

NOTIFIED_KEY = "monitoring/notified"
ENABLED_KEY = "tray/enabled"
DAY_MS = 24 * 60 * 60 * 1000
MAX_MENU_LINES = 10

ShowMessage = Callable[[str, str], None]


@dataclass(frozen=True)
class TraySummary:
    tooltip: str
    menu_lines: tuple[str, ...]
    notify_text: str | None  # None: nothing new to tell


def _when(item: MonitoredCertificate, now: dt.datetime) -> str:
    days = days_left(item.not_after, now)
    if item.not_after <= now:
        return "expired today" if days == -1 else f"expired {-days} days ago"
    if days == 0:
        return "expires today"
    return "expires tomorrow" if days == 1 else f"expires in {days} days"


def _line(item: MonitoredCertificate, now: dt.datetime) -> str:
    where = item.alias if item.keystore is None else f"{item.alias} in {item.keystore.name}"
    return f"{item.common_name} ({where}) {_when(item, now)}"


def attention(items: Sequence[MonitoredCertificate]) -> list[MonitoredCertificate]:
    return [m for m in items if m.status in (Status.EXPIRED, Status.EXPIRING)]


def tray_summary(
    items: Sequence[MonitoredCertificate],
    now: dt.datetime,
    warning_days: float,
    *,
    notified: Collection[str] = (),
) -> TraySummary:
    """Tooltip, menu lines and the notification text (certificates not in ``notified``)."""
    soon = sorted(attention(items), key=lambda m: m.not_after)
    expired = sum(1 for m in soon if m.status is Status.EXPIRED)
    expiring = len(soon) - expired
    if not soon:
        tooltip = f"keymon: no certificate expires within {warning_days:g} days"
    else:
        parts = []
        if expiring:
            noun = "certificate expires" if expiring == 1 else "certificates expire"
            parts.append(f"{expiring} {noun} within {warning_days:g} days")
        if expired:
            parts.append(f"{expired} expired")
        tooltip = "keymon: " + ", ".join(parts)
    lines = [_line(m, now) for m in soon[:MAX_MENU_LINES]]
    if len(soon) > MAX_MENU_LINES:
        lines.append(f"… and {len(soon) - MAX_MENU_LINES} more")
    new = [m for m in soon if m.sha256 not in notified]
    text = None
    if new:
        text = "\n".join(_line(m, now) for m in new[:5])
        if len(new) > 5:
            text += f"\n… and {len(new) - 5} more"
    return TraySummary(tooltip, tuple(lines), text)


def remember_notified(
    previous: Collection[str], items: Sequence[MonitoredCertificate]
) -> list[str]:
    """Fingerprints to remember: the ones needing attention now, plus earlier ones
    that are not in ``items`` at all (a watched keystore that failed to load)."""
    present = {m.sha256 for m in items}
    now_attention = [m.sha256 for m in attention(items)]
    kept = [s for s in previous if s not in present]
    return sorted({*now_attention, *kept})


def _bool(value: object, default: bool) -> bool:
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in {"1", "true", "yes", "on"}


class ExpiryTray(QObject):
    """The tray icon, its tooltip and menu, and the daily notification."""

    #: Emitted when the daily timer fires: the owner should recompute and call update().
    refreshRequested = Signal()
    #: A notification was sent (title, text).
    notified = Signal(str, str)
    #: The user chose "Show Monitoring" in the tray menu.
    showMonitoringRequested = Signal()

    def __init__(
        self,
        settings: Settings,
        parent: QObject | None = None,
        *,
        icon: QIcon | None = None,
        show_message: ShowMessage | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.enabled = _bool(settings.q.value(ENABLED_KEY), True)
        self.summary: TraySummary | None = None
        self._notify_pending = True  # the first update after start-up may notify
        self._show_message = show_message
        self.icon: QSystemTrayIcon | None = None
        self.menu: QMenu | None = None
        if self.enabled and QSystemTrayIcon.isSystemTrayAvailable():
            self._make_icon(icon)
        self.timer = QTimer(self)
        self.timer.setInterval(DAY_MS)
        self.timer.timeout.connect(self._daily)
        if self.enabled:
            self.timer.start()

    def _make_icon(self, icon: QIcon | None) -> None:

        tray = QSystemTrayIcon(self)
        tray.setIcon(
            icon if icon is not None and not icon.isNull() else self._status_icon(Status.VALID)
        )
        self.menu = QMenu()
        tray.setContextMenu(self.menu)
        tray.setToolTip("keymon")
        tray.show()
        self.icon = tray
        if self._show_message is None:
            self._show_message = lambda title, text: tray.showMessage(
                title, text, QSystemTrayIcon.MessageIcon.Warning
            )

    def _status_icon(self, status: Status) -> QIcon:
        from PySide6.QtGui import QGuiApplication

        icon = StatusPalette(QGuiApplication.palette()).icon(status)
        return icon if icon is not None else QIcon()

    def notified_fingerprints(self) -> list[str]:
        value = self.settings.q.value(NOTIFIED_KEY, [])
        items = [value] if isinstance(value, str) else list(value or [])  # type: ignore[call-overload]
        return [str(v) for v in items if v]

    def update(
        self, items: Sequence[MonitoredCertificate], now: dt.datetime, warning_days: float
    ) -> TraySummary:
        """Show the current state; notify when due and something new needs attention."""
        summary = tray_summary(items, now, warning_days, notified=self.notified_fingerprints())
        self.summary = summary
        if self.icon is not None:
            self._show(summary, items)
        if self.enabled and self._notify_pending:
            self._notify_pending = False
            self._notify(summary, items)
        return summary

    def _show(self, summary: TraySummary, items: Sequence[MonitoredCertificate]) -> None:
        assert self.icon is not None and self.menu is not None
        self.icon.setToolTip(summary.tooltip)
        worst = Status.VALID
        if any(m.status is Status.EXPIRED for m in attention(items)):
            worst = Status.EXPIRED
        elif attention(items):
            worst = Status.EXPIRING
        self.icon.setIcon(self._status_icon(worst))
        self.menu.clear()
        for line in summary.menu_lines or (summary.tooltip,):
            self.menu.addAction(line).setEnabled(False)
        self.menu.addSeparator()
        self.menu.addAction(self.tr("Show Monitoring")).triggered.connect(
            self.showMonitoringRequested
        )

    def _notify(self, summary: TraySummary, items: Sequence[MonitoredCertificate]) -> None:
        if summary.notify_text is None or self._show_message is None:
            return
        title = self.tr("Certificates need attention")
        self._show_message(title, summary.notify_text)
        self.settings.set_value(
            NOTIFIED_KEY, remember_notified(self.notified_fingerprints(), items)
        )
        self.notified.emit(title, summary.notify_text)

    def _daily(self) -> None:
        self._notify_pending = True
        self.refreshRequested.emit()

    def stop(self) -> None:
        self.timer.stop()
        if self.icon is not None:
            self.icon.hide()
