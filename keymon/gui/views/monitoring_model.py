"""The Monitoring table's model: one row per certificate, soonest expiry first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QWidget,
)

from keymon.core.expiry import Status
from keymon.core.monitoring import MonitoredCertificate, keystore_label
from keymon.gui.i18n import QT_TRANSLATE_NOOP
from keymon.gui.palette import StatusPalette

AnyIndex = QModelIndex | QPersistentModelIndex
#: Column titles: English sources of the "MonitoringModel" context.
COLUMNS = (
    "",
    QT_TRANSLATE_NOOP("MonitoringModel", "Expires"),
    QT_TRANSLATE_NOOP("MonitoringModel", "Days Left"),
    QT_TRANSLATE_NOOP("MonitoringModel", "Common Name"),
    QT_TRANSLATE_NOOP("MonitoringModel", "Alias"),
    QT_TRANSLATE_NOOP("MonitoringModel", "Position"),
    QT_TRANSLATE_NOOP("MonitoringModel", "Keystore"),
)
#: Where a certificate sits in its chain (core's role names).
ROLE_NAMES = {
    "leaf": QT_TRANSLATE_NOOP("MonitoringModel", "leaf"),
    "intermediate": QT_TRANSLATE_NOOP("MonitoringModel", "intermediate"),
    "root": QT_TRANSLATE_NOOP("MonitoringModel", "root"),
}
#: What a screen reader says for the status icon.
STATUS_NAMES = {
    Status.VALID: QT_TRANSLATE_NOOP("MonitoringModel", "valid"),
    Status.EXPIRING: QT_TRANSLATE_NOOP("MonitoringModel", "expiring"),
    Status.EXPIRED: QT_TRANSLATE_NOOP("MonitoringModel", "expired"),
    Status.NOT_YET_VALID: QT_TRANSLATE_NOOP("MonitoringModel", "not yet valid"),
    Status.NONE: QT_TRANSLATE_NOOP("MonitoringModel", "none"),
}


class MonitoringModel(QAbstractTableModel):
    """Rows of :class:`MonitoredCertificate`, in the order given (soonest first)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[MonitoredCertificate] = []
        self._colors: StatusPalette | None = None
        self.retranslate()

    def retranslate(self) -> None:
        """Look the fixed texts up once (``headerData``/``data`` ask for them all the time)."""

        def tr(text: str) -> str:
            return QCoreApplication.translate("MonitoringModel", text) if text else ""

        self._titles = tuple(tr(title) for title in COLUMNS)
        self._status_header = self.tr("Status")
        self._roles = {role: tr(name) for role, name in ROLE_NAMES.items()}
        self._statuses = {status: tr(name) for status, name in STATUS_NAMES.items()}
        self._unsaved = self.tr("(unsaved)")
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def colors(self) -> StatusPalette:
        if self._colors is None:
            self._colors = StatusPalette(QGuiApplication.palette())
        return self._colors

    def set_palette(self, palette: QPalette) -> None:
        """Recompute the status colours and icons (after a theme switch)."""
        self._colors = StatusPalette(palette)
        if self.items:
            last = self.index(len(self.items) - 1, len(COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def set_items(self, items: Sequence[MonitoredCertificate]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section] or None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._status_header if section == 0 else None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._titles[section] or self._status_header
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.items):
            return None
        item = self.items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, column)
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return self.colors().icon(item.status)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.colors().background(item.status)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.colors().foreground(item.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 6 and item.keystore is not None:
                return str(item.keystore)
            return f"{item.cert.summary.subject}\nSHA-256: {item.sha256}"
        if role == Qt.ItemDataRole.AccessibleTextRole and column == 0:
            return self._statuses.get(item.status, item.status.value.replace("_", " "))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, item: MonitoredCertificate, column: int) -> str | None:
        if column == 1:
            return item.not_after.strftime("%Y-%m-%d %H:%M")
        if column == 2:
            return str(item.days_left)
        if column == 3:
            return item.common_name
        if column == 4:
            return item.alias
        if column == 5:
            return self._roles.get(item.role, item.role)
        if column == 6:
            return keystore_label(item.keystore) if item.keystore is not None else self._unsaved
        return None
