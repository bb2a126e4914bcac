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
from operator import attrgetter

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from keymon.core.expiry import DAY, Status, days_left
from keymon.core.monitoring import MonitoredCertificate, needing_attention
from keymon.gui.palette import StatusPalette
from keymon.gui.settings import Settings

NOTIFIED_KEY = "monitoring/notified"
DAY_MS = 24 * 60 * 60 * 1000
MAX_MENU_LINES = 10

ShowMessage = Callable[[str, str], None]


@dataclass(frozen=True)
class TraySummary:
    tooltip: str
    menu_lines: tuple[str, ...]
    notify_text: str | None  # None: nothing new to tell


class TrayText(QObject):
    """The words of the tray, a QObject so that they are ``self.tr`` messages.

    pyside6-lupdate marks ``%n`` plurals only in ``tr`` calls: a
    ``QCoreApplication.translate`` with a variable count is not extracted as numerus.
    """

    def when(self, item: MonitoredCertificate, now: dt.datetime) -> str:
        days = days_left(item.not_after, now)  # rounded up, so -days are whole days ago
        if item.not_after <= now:
            return (
                self.tr("expired today") if days == 0 else self.tr("expired %n days ago", "", -days)
            )
        if item.not_after - now < DAY:
            return self.tr("expires today")
        return self.tr("expires in %n days", "", days)

    def line(self, item: MonitoredCertificate, now: dt.datetime) -> str:
        if item.keystore is None:
            where = item.alias
        else:
            where = self.tr("{alias} in {keystore}").format(
                alias=item.alias, keystore=item.keystore.name
            )
        return self.tr("{name} ({where}) {when}").format(
            name=item.common_name, where=where, when=self.when(item, now)
        )

    def tooltip(self, expiring: int, expired: int, warning_days: float) -> str:
        days = f"{warning_days:g}"
        if not expiring and not expired:
            return self.tr("keymon: no certificate expires within {days} days").format(days=days)
        parts = []
        if expiring:
            parts.append(
                self.tr("%n certificates expire within {days} days", "", expiring).format(days=days)
            )
        if expired:
            parts.append(self.tr("%n expired", "", expired))
        return self.tr("keymon: {summary}").format(summary=", ".join(parts))

    def more(self, count: int) -> str:
        return self.tr("… and %n more", "", count)


_not_after = attrgetter("not_after")


def tray_summary(
    items: Sequence[MonitoredCertificate],
    now: dt.datetime,
    warning_days: float,
    *,
    notified: Collection[str] = (),
) -> TraySummary:
    """Tooltip, menu lines and the notification text (certificates not in ``notified``)."""
    words = TrayText()
    soon = needing_attention(items)
    soon.sort(key=_not_after)  # collect() sorts by notAfter already: one pass
    expired = sum(m.status is Status.EXPIRED for m in soon)
    tooltip = words.tooltip(len(soon) - expired, expired, warning_days)
    lines = [words.line(m, now) for m in soon[:MAX_MENU_LINES]]
    if len(soon) > MAX_MENU_LINES:
        lines.append(words.more(len(soon) - MAX_MENU_LINES))
    # a set: after one notification it holds every fingerprint that needed attention, and
    # a list made this quadratic (10,000 expiring certificates: 0.4 s on the GUI thread)
    seen = frozenset(notified)
    new = [m for m in soon if m.sha256 not in seen] if seen else soon
    text = None
    if new:
        text = "\n".join(words.line(m, now) for m in new[:5])
        if len(new) > 5:
            text += "\n" + words.more(len(new) - 5)
    return TraySummary(tooltip, tuple(lines), text)


def remember_notified(
    previous: Collection[str], items: Sequence[MonitoredCertificate]
) -> list[str]:
    """Fingerprints to remember: the ones needing attention now, plus earlier ones
    that are not in ``items`` at all (a watched keystore that failed to load)."""
    present = {m.sha256 for m in items}
    now_attention = [m.sha256 for m in needing_attention(items)]
    kept = [s for s in previous if s not in present]
    return sorted({*now_attention, *kept})


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
        self.enabled = settings.tray_enabled
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
        # a click on the icon or on the notification opens the Monitoring view
        opening = (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        )
        tray.activated.connect(
            lambda reason: self.showMonitoringRequested.emit() if reason in opening else None
        )
        tray.messageClicked.connect(self.showMonitoringRequested)
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
        soon = needing_attention(items)
        worst = Status.VALID
        if any(m.status is Status.EXPIRED for m in soon):
            worst = Status.EXPIRED
        elif soon:
            worst = Status.EXPIRING
        self.icon.setIcon(self._status_icon(worst))
        self.menu.clear()
        for line in summary.menu_lines or (summary.tooltip,):
            # readable (not greyed out), and each opens the Monitoring view
            self.menu.addAction(line).triggered.connect(self.showMonitoringRequested)
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
