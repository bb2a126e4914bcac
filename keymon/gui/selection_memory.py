"""Keeping a table's selection across a reset of its model (a wider filter, a reload)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QObject
from PySide6.QtWidgets import QTableView

from keymon.gui.models.entries_proxy import EntriesProxy


class SelectionMemory(QObject):
    """Remembers the selected aliases (and the current one) before the proxy resets and
    selects them again after it; ``restored`` runs then (to update the details)."""

    def __init__(
        self, table: QTableView, proxy: EntriesProxy, restored: Callable[[], None]
    ) -> None:
        super().__init__(table)
        self._table, self._proxy, self._restored = table, proxy, restored
        self._kept: tuple[list[str], str | None] = ([], None)
        proxy.modelAboutToBeReset.connect(self.remember)
        proxy.modelReset.connect(self.restore)

    def remember(self) -> None:
        rows = sorted({i.row() for i in self._table.selectionModel().selectedRows()})
        aliases = [self._proxy.entry_at(r).alias for r in rows]
        self._kept = (aliases, aliases[0] if len(aliases) == 1 else None)

    def restore(self) -> None:
        """Select again what was selected before the proxy was reset."""
        aliases, current = self._kept
        self._kept = ([], None)
        proxy = self._proxy
        selection = QItemSelection()
        last = proxy.columnCount() - 1
        for alias in aliases:
            row = proxy.row_of(alias)
            if row is not None:
                selection.select(proxy.index(row, 0), proxy.index(row, last))
        model = self._table.selectionModel()
        flags = QItemSelectionModel.SelectionFlag
        model.select(selection, flags.ClearAndSelect)
        row = proxy.row_of(current) if current is not None else None
        if row is not None:
            model.setCurrentIndex(proxy.index(row, 0), flags.NoUpdate)
            self._table.scrollTo(proxy.index(row, 0))
        self._restored()
