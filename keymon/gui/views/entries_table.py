"""The entries table view: sorted by alias, rows selected whole, columns movable.

Its texts keep the main window's translation context (they were its own).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from keymon.gui import menus
from keymon.gui.actions import ActionId
from keymon.gui.models.entries_model import EntriesModel
from keymon.gui.models.entries_proxy import EntriesProxy


def build_entries_table(
    parent: QWidget,
    proxy: EntriesProxy,
    model: EntriesModel,
    actions: Mapping[ActionId, QAction],
) -> QTableView:
    """The table showing ``proxy``, with the header and context menus of keymon.gui.menus."""
    table = QTableView(parent)
    table.setObjectName("entriesTable")
    table.setAccessibleName(QCoreApplication.translate("KeymonMainWindow", "Keystore entries"))
    table.setModel(proxy)
    table.setSortingEnabled(True)
    table.sortByColumn(model.column_index("alias"), Qt.SortOrder.AscendingOrder)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(parent.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    header.setSectionsMovable(True)
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    for i, column in enumerate(model.columns):
        table.setColumnWidth(i, column.width)
        table.setColumnHidden(i, not column.visible)
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    header.customContextMenuRequested.connect(lambda pos: menus.header_menu(table, model, pos))
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    table.customContextMenuRequested.connect(lambda pos: menus.table_menu(table, actions, pos))
    return table
