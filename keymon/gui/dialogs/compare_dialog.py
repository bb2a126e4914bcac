"""File › Compare Keystores…: two keystores side by side, one row per difference.

Side A starts as what the window shows; side B is another keystore file or a saved
tenant profile (Swap exchanges them). Compare reads what is not in memory and compares
in the task runner, with a busy bar and Cancel; an error is one sentence here and
nothing changes anywhere. The dialog is not modal and never writes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from keymon.gui.compare_sources import (
    Cancellable,
    Entries,
    ReadCallbacks,
    Side,
    SideKind,
    SideReader,
)
from keymon.gui.models.compare_model import (
    ROW_ROLE,
    SORT_ROLE,
    CompareModel,
    CompareRow,
    Comparison,
    Difference,
    compare_rows,
    summary,
)

#: The item of a side's list that asks for another keystore file.
BROWSE = "browse"


translate = QCoreApplication.translate


class DifferencesProxy(QSortFilterProxyModel):
    """Sorts by raw values; hides the aliases that agree unless all are asked for."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.differences_only = True
        self.setSortRole(SORT_ROLE)

    def set_differences_only(self, on: bool) -> None:
        self.beginFilterChange()
        self.differences_only = on
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        assert isinstance(model, CompareModel)
        return not self.differences_only or model.row_at(source_row).difference is not (
            Difference.SAME
        )


class CompareDialog(QDialog):
    """Choose two keystores, compare them, read what differs."""

    def __init__(
        self,
        reader: SideReader,
        choose_file: Callable[[], Side | None],
        select_alias: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.setWindowTitle(translate("Compare", "Compare Keystores"))
        self.setWindowFlag(Qt.WindowType.Window)
        self.setModal(False)
        self.reader, self.choose_file, self.select_alias = reader, choose_file, select_alias
        self.sides: list[Side] = []
        self._job: Cancellable | None = None
        self._generation = 0
        self._names = ("", "")
        self._compared_shown = False
        self._last: tuple[Side | None, Side | None] = (None, None)
        self.model = CompareModel(self)
        self.proxy = DifferencesProxy(self)
        self.proxy.setSourceModel(self.model)
        self._build()
        self.resize(980, 560)

    # -- layout ----------------------------------------------------------------------
    def _build(self) -> None:
        self.differences_only = QCheckBox(translate("Compare", "&Differences only"), self)
        self.differences_only.setObjectName("differencesOnly")
        self.differences_only.setChecked(True)
        self.differences_only.setToolTip(translate("Compare", "Off: every alias of both keystores"))
        self.differences_only.toggled.connect(self.proxy.set_differences_only)
        self.table = self._table()
        self.hint = QLabel(
            translate("Compare", "Double-click a row to select its entry in the window."), self
        )
        self.hint.setObjectName("compareHint")
        self.hint.setEnabled(False)  # the palette's quieter text
        self.hint.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(self._sides())
        layout.addLayout(self._run_row())
        layout.addWidget(self.differences_only)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def _sides(self) -> QGridLayout:
        """Keystore A and B, each a list, and Swap beside both."""
        self.a_combo, self.b_combo = self._combo("sideA"), self._combo("sideB")
        self.b_combo.setPlaceholderText(translate("Compare", "Choose a keystore file or tenant"))
        self.a_combo.setPlaceholderText(translate("Compare", "Choose a keystore file or tenant"))
        self.swap_button = QPushButton(translate("Compare", "S&wap"), self)
        self.swap_button.setObjectName("swapButton")
        self.swap_button.setToolTip(translate("Compare", "Exchange keystores A and B"))
        self.swap_button.clicked.connect(self.swap)
        sides = QGridLayout()
        for row, (text, combo) in enumerate(
            (
                (translate("Compare", "Keystore &A:"), self.a_combo),
                (translate("Compare", "Keystore &B:"), self.b_combo),
            )
        ):
            label = QLabel(text, self)
            label.setBuddy(combo)
            sides.addWidget(label, row, 0)
            sides.addWidget(combo, row, 1)
        sides.addWidget(self.swap_button, 0, 2, 2, 1)
        sides.setColumnStretch(1, 1)
        return sides

    def _run_row(self) -> QHBoxLayout:
        """The summary line (or the error), the busy bar, Cancel and Compare."""
        self.compare_button = QPushButton(translate("Compare", "&Compare"), self)
        self.compare_button.setObjectName("compareButton")
        self.compare_button.setDefault(True)
        self.compare_button.clicked.connect(self.compare)
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(160)
        self.busy_bar.setVisible(False)
        self.cancel_button = QPushButton(translate("Compare", "Cancel"), self)
        self.cancel_button.setObjectName("cancelCompareButton")
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.stop)
        self.summary_label = QLabel(
            translate("Compare", "Choose two keystores and press Compare."), self
        )
        self.summary_label.setObjectName("compareSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        run_row = QHBoxLayout()
        run_row.addWidget(self.summary_label, 1)
        run_row.addWidget(self.busy_bar)
        run_row.addWidget(self.cancel_button)
        run_row.addWidget(self.compare_button)
        return run_row

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(30)
        combo.activated.connect(lambda index, c=combo: self._activated(c, index))
        return combo

    def _table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("compareTable")
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the alias takes the rest
        for column, width in enumerate((220, 170, 120, 120, 180, 180)):
            table.setColumnWidth(column, width)
        table.doubleClicked.connect(self._double_clicked)
        return table

    # -- the sides ------------------------------------------------------------------
    def set_sides(self, sides: Sequence[Side], a: Side | None, b: Side | None = None) -> None:
        """Offer ``sides`` on both lists (then "Keystore file…"); choose ``a`` and ``b``."""
        self.sides = list(sides)
        self._fill(self.a_combo, a)
        self._fill(self.b_combo, b)
        self._update_buttons()

    def side_a(self) -> Side | None:
        return self._chosen(self.a_combo)

    def side_b(self) -> Side | None:
        return self._chosen(self.b_combo)

    def _chosen(self, combo: QComboBox) -> Side | None:
        data = combo.currentData()
        return data if isinstance(data, Side) else None

    def _fill(self, combo: QComboBox, chosen: Side | None) -> None:
        combo.blockSignals(True)
        combo.clear()
        for side in self.sides:
            combo.addItem(side_text(side), side)
            if side.path is not None:
                combo.setItemData(combo.count() - 1, str(side.path), Qt.ItemDataRole.ToolTipRole)
        combo.addItem(translate("Compare", "Keystore file…"), BROWSE)
        combo.setCurrentIndex(self.sides.index(chosen) if chosen in self.sides else -1)
        combo.blockSignals(False)

    def _activated(self, combo: QComboBox, index: int) -> None:
        """A side was picked; "Keystore file…" asks for a file (cancelled: the last side)."""
        if combo.itemData(index) == BROWSE:
            is_a = combo is self.a_combo
            side = self.choose_file()
            if side is not None and side not in self.sides:
                self.sides.append(side)
            a = (side or self._last[0]) if is_a else self.side_a()
            b = self.side_b() if is_a else (side or self._last[1])
            self.set_sides(self.sides, a, b)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self._last = (self.side_a(), self.side_b())
        ready = None not in self._last
        self.compare_button.setEnabled(ready and self._job is None)

    def swap(self) -> None:
        self.set_sides(self.sides, self.side_b(), self.side_a())

    # -- comparing ----------------------------------------------------------------------
    def compare(self) -> None:
        """Read A, then B, then compare them in a worker; one outcome for the user."""
        a, b = self.side_a(), self.side_b()
        if a is None or b is None:
            return
        self.cancel()
        self._generation += 1
        generation = self._generation
        self._names = (a.name, b.name)
        self._compared_shown = a.kind is SideKind.SHOWN
        self.model.set_rows([])
        self._busy(True, translate("Compare", "Reading {name}…").format(name=a.name))

        def read_b(a_entries: Entries) -> None:
            if generation == self._generation:
                self._busy(True, translate("Compare", "Reading {name}…").format(name=b.name))
                self._read(b, self._callbacks(generation, partial(run, a_entries)))

        def run(a_entries: Entries, b_entries: Entries) -> None:
            if generation == self._generation:
                self._busy(True, translate("Compare", "Comparing…"))
                self._job = self.reader.runner.run(
                    compare_rows,
                    a_entries,
                    b_entries,
                    title=translate("Compare", "Comparing keystores"),
                    on_done=partial(self._show, generation),
                    on_error=lambda error: self._failed(generation, error.message),
                    on_cancelled=partial(self._cancelled, generation),
                )

        self._read(a, self._callbacks(generation, read_b))

    def _read(self, side: Side, then: ReadCallbacks) -> None:
        job = self.reader.read(side, then)
        if job is not None:  # (a side in memory has gone on to the next step already)
            self._job = job

    def _callbacks(self, generation: int, then: Callable[[Entries], None]) -> ReadCallbacks:
        return ReadCallbacks(
            then, partial(self._failed, generation), partial(self._cancelled, generation)
        )

    @property
    def running(self) -> bool:
        """A comparison is being read or compared (the lists are disabled meanwhile)."""
        return not self.busy_bar.isHidden()

    def cancel(self) -> None:
        job, self._job = self._job, None
        if job is not None:
            job.cancel()

    def stop(self) -> None:
        """Cancel: what still runs reports to nobody; the dialog says so at once."""
        self.cancel()
        self._generation += 1
        self._busy(False)
        self.summary_label.setText(translate("Compare", "Comparing was cancelled."))

    def _busy(self, on: bool, text: str = "") -> None:
        self.busy_bar.setVisible(on)
        self.cancel_button.setVisible(on)
        self.a_combo.setEnabled(not on)
        self.b_combo.setEnabled(not on)
        self.swap_button.setEnabled(not on)
        self.compare_button.setEnabled(not on)
        if text:
            self.summary_label.setText(text)
        if not on:
            self._job = None
            self._update_buttons()

    def _show(self, generation: int, comparison: Comparison) -> None:
        if generation != self._generation:
            return  # a later comparison, or the dialog was closed
        self._busy(False)
        self.model.set_rows(comparison.rows)
        self.summary_label.setText(summary(comparison, *self._names))
        self.hint.setVisible(self._compared_shown and bool(comparison.rows))

    def _failed(self, generation: int, text: str) -> None:
        if generation != self._generation:
            return
        self._busy(False)
        self.model.set_rows([])
        self.summary_label.setText(text)

    def _cancelled(self, generation: int) -> None:
        if generation != self._generation:
            return
        self._busy(False)
        self.summary_label.setText(translate("Compare", "Comparing was cancelled."))

    @property
    def summary_text(self) -> str:
        return self.summary_label.text()

    def shown_rows(self) -> list[CompareRow]:
        """The rows the table shows, in its order."""
        rows = []
        for r in range(self.proxy.rowCount()):
            row = self.proxy.index(r, 0).data(ROW_ROLE)
            assert isinstance(row, CompareRow)
            rows.append(row)
        return rows

    def _double_clicked(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        on_a = isinstance(row, CompareRow) and row.difference is not Difference.ONLY_IN_B
        if on_a and self._compared_shown:
            self.select_alias(row.alias)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._job is not None:
            self.stop()
        super().closeEvent(event)


def side_text(side: Side) -> str:
    """How a side reads in the lists: ``tenant.p12 (shown in the window)``, ``Tenant dev``."""
    if side.kind is SideKind.SHOWN:
        return translate("Compare", "{name} (shown in the window)").format(name=side.name)
    if side.kind is SideKind.TENANT:
        return translate("Compare", "Tenant {name}").format(name=side.name)
    return side.name
