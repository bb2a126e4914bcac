"""The main window's remembered layout: geometry, the table header (columns, sort), the splitter."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QSplitter, QTableView

from keymon.gui.settings import Settings


def restore_state(
    window: QMainWindow, settings: Settings, table: QTableView, splitter: QSplitter
) -> None:
    geometry = settings.bytes_value("window/geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    header = settings.bytes_value("table/header")
    if header is not None:
        view_header = table.horizontalHeader()
        view_header.restoreState(header)
        # the header remembers the sort indicator; the model must sort to match
        table.sortByColumn(view_header.sortIndicatorSection(), view_header.sortIndicatorOrder())
    state = settings.bytes_value("window/splitter")
    if state is not None:
        splitter.restoreState(state)


def save_state(
    window: QMainWindow, settings: Settings, table: QTableView, splitter: QSplitter
) -> None:
    settings.set_value("window/geometry", window.saveGeometry())
    settings.set_value("table/header", table.horizontalHeader().saveState())
    settings.set_value("window/splitter", splitter.saveState())
    settings.sync()
