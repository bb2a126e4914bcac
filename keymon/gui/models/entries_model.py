"""The entries table model: one derived :class:`Row` per entry, computed once.

Sorting happens here, not in the proxy: Python's sort over the precomputed
raw keys takes milliseconds for 10,000 rows, while a QSortFilterProxyModel
calling a Python ``lessThan`` ~130,000 times takes half a second (and as long
again whenever a filter is widened). :class:`~keymon.gui.models.entries_proxy.EntriesProxy`
forwards ``sort()`` here and only filters.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, cast

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QGuiApplication, QPalette

from keymon.core.aliases import alias_key
from keymon.core.entries import Entry
from keymon.core.errors import AliasExists, AliasNotFound
from keymon.core.expiry import DEFAULT_WARNING_DAYS, Status, entry_expiry, utcnow
from keymon.gui.models.columns import (
    COLUMNS,
    Column,
    Facts,
    column_index,
    status_label,
    translated,
)
from keymon.gui.models.rows import (
    DerivedRows,
    Row,
    all_boundaries,
    derive_row,
    derive_rows,
    insert_position,
    row_of_facts,
    sorted_order,
)
from keymon.gui.palette import StatusPalette

SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # raw comparable value, None sorts last
ENTRY_ROLE = int(Qt.ItemDataRole.UserRole) + 2  # the Entry object
STATUS_ROLE = int(Qt.ItemDataRole.UserRole) + 3  # the expiry Status
FILTER_TEXT_ROLE = int(Qt.ItemDataRole.UserRole) + 4  # lower-case text the filter searches

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_DESCRIPTION = int(Qt.ItemDataRole.AccessibleDescriptionRole)
_COLOUR_ROLES = [_DECORATION, _FOREGROUND, _BACKGROUND]
_TIME_ROLES = [_DISPLAY, _TOOLTIP, SORT_ROLE, STATUS_ROLE, *_COLOUR_ROLES, _ACCESSIBLE]
_ROOT = QModelIndex()
_LAYOUT_SIGNATURE = ("QList<QPersistentModelIndex>", "QAbstractItemModel::LayoutChangeHint")
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
Index = QModelIndex | QPersistentModelIndex


class _Header:
    """One column's header texts, translated once (headerData is asked for them often)."""

    __slots__ = ("description", "name", "title", "tooltip")

    def __init__(self, column: Column) -> None:
        self.title = translated(column.title)
        self.name = translated(column.name)  # what a screen reader (or a menu) calls it
        self.description = translated(column.header_tooltip)
        self.tooltip: str | None = self.description or self.title or None


class EntriesModel(QAbstractTableModel):
    SortRole = SORT_ROLE
    EntryRole = ENTRY_ROLE
    StatusRole = STATUS_ROLE
    FilterTextRole = FILTER_TEXT_ROLE

    #: The statuses were re-evaluated for a new ``now`` or warning window.
    timeChanged = Signal()

    def __init__(
        self,
        entries: Iterable[Entry] = (),
        parent: QObject | None = None,
        *,
        now: dt.datetime | None = None,
        warning_days: float = DEFAULT_WARNING_DAYS,
        columns: Sequence[Column] = COLUMNS,
    ) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._status_column = next(
            (i for i, c in enumerate(self._columns) if c.key == "status"), -1
        )
        self._now = now or utcnow()
        self._warning_days = float(warning_days)
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._sorted = False  # the rows are in the order of (_sort_column, _sort_order)
        self._colors: StatusPalette | None = None
        self._index: dict[str, int] | None = None
        self._boundaries: list[dt.datetime] | None = None
        self._counts: Counter[Status] | None = None
        self._headers = tuple(_Header(c) for c in self._columns)
        self._status_names = {status: status_label(status) for status in Status}
        self._rows: list[Row] = derive_rows(entries, self._now, self._warning_days, self._columns)

    # -- Qt model interface ----------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        return self.cell(index.row(), index.column(), role) if index.isValid() else None

    def cell(self, r: int, c: int, role: int = _DISPLAY) -> Any:
        """``data()`` of row ``r``, column ``c`` (for the proxy: no index to make)."""
        if r >= len(self._rows) or c >= len(self._columns):
            return None
        row = self._rows[r]
        if role == _DISPLAY:
            return row.texts[c]
        if role == SORT_ROLE:
            return row.key(c)
        if role == ENTRY_ROLE:
            return row.facts.entry
        if role == STATUS_ROLE:
            return row.facts.expiry.status
        if role == FILTER_TEXT_ROLE:
            return row.filter_text
        if role == _BACKGROUND:
            return self.status_palette().background(row.facts.expiry.status)
        if role == _FOREGROUND:
            return self.status_palette().foreground(row.facts.expiry.status)
        if role == _DECORATION:
            if c != self._status_column:
                return None
            return self.status_palette().icon(row.facts.expiry.status)
        if role == _TOOLTIP:
            tooltip = self._columns[c].tooltip
            if tooltip is None:
                return None
            return tooltip(row.facts, self._now) or None
        if role == _ACCESSIBLE and c == self._status_column:
            return self._status_names[row.facts.expiry.status]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        header = self._headers[section]
        if role == _DISPLAY:
            return header.title
        if role == _TOOLTIP:
            return header.tooltip
        if role == _ACCESSIBLE:
            return header.name
        if role == _DESCRIPTION:
            return header.description or None
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by ``column``'s raw sort keys (None last, ties by alias)."""
        column = column if 0 <= column < len(self._columns) else -1
        if (column, order) == (self._sort_column, self._sort_order) and self._sorted:
            return  # QTableView.sortByColumn asks twice
        self._sort_column, self._sort_order = column, order
        self._resort()

    # -- reading -------------------------------------------------------------
    @property
    def columns(self) -> tuple[Column, ...]:
        return self._columns

    def column_index(self, key: str) -> int:
        return column_index(key, self._columns)

    def column_name(self, section: int) -> str:
        """The translated name of a column, also of the untitled status column (for menus)."""
        return self._headers[section].name

    def retranslate(self) -> None:
        """Show headers, labels and row texts in the language now installed.

        For a window's ``QEvent.LanguageChange``; rows keep their order unless the
        sort column's texts changed (the entry types, say).
        """
        self._headers = tuple(_Header(c) for c in self._columns)
        self._status_names = {status: status_label(status) for status in Status}
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        if not self._rows:
            return
        self._rows = [row_of_facts(row.facts, self._columns) for row in self._rows]
        last = len(self._columns) - 1
        self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, last))
        self._resort()

    @property
    def rows(self) -> Sequence[Row]:
        return self._rows

    @property
    def now(self) -> dt.datetime:
        return self._now

    @property
    def warning_days(self) -> float:
        return self._warning_days

    @property
    def sort_column(self) -> int:
        return self._sort_column

    @property
    def sort_order(self) -> Qt.SortOrder:
        return self._sort_order

    def sort_spec(self) -> tuple[int, bool]:
        """(column, descending) as :func:`~keymon.gui.models.rows.derive_sorted` takes it."""
        return self._sort_column, self._descending()

    def entries(self) -> list[Entry]:
        return [row.facts.entry for row in self._rows]

    def entry_at(self, row: int) -> Entry:
        return self._rows[row].facts.entry

    def row_of(self, alias: str) -> int | None:
        if self._index is None:
            self._index = {alias_key(r.facts.entry.alias): i for i, r in enumerate(self._rows)}
        return self._index.get(alias_key(alias))

    def status_counts(self) -> Counter[Status]:
        if self._counts is None:
            self._counts = Counter(row.facts.expiry.status for row in self._rows)
        return self._counts

    # -- replacing everything ------------------------------------------------
    def set_entries(self, entries: Iterable[Entry], now: dt.datetime | None = None) -> None:
        if now is not None:
            self._now = now
        self.set_rows(derive_rows(entries, self._now, self._warning_days, self._columns))

    def set_rows(self, rows: Iterable[Row] | DerivedRows) -> None:
        """Show rows made by :func:`derive_rows` or :func:`derive_sorted` (e.g. in a worker)
        for this model's settings; what ``derive_sorted`` ordered and counted is kept."""
        self.beginResetModel()
        derived = rows if isinstance(rows, DerivedRows) else None
        self._rows = list(rows.rows if isinstance(rows, DerivedRows) else rows)
        self._changed()
        if derived is not None:
            self._boundaries, self._counts = list(derived.boundaries), Counter(derived.counts)
        if self._sort_column >= 0 and (
            derived is None or derived.sort != (self._sort_column, self._descending())
        ):
            order = sorted_order(self._rows, self._sort_column, self._descending())
            self._rows = [self._rows[i] for i in order]
        self._sorted = True
        self.endResetModel()

    # -- single edits (for undo commands) -------------------------------------
    def insert_entry(self, entry: Entry, row: int | None = None) -> int:
        """Add ``entry`` at ``row`` (or its sorted place when sorted); returns its row."""
        if self.row_of(entry.alias) is not None:
            raise AliasExists(entry.alias)
        new = derive_row(entry, self._now, self._warning_days, self._columns)
        if self._sort_column >= 0:
            position = insert_position(self._rows, new, self._sort_column, self._descending())
        else:
            position = len(self._rows) if row is None else min(max(row, 0), len(self._rows))
        self.beginInsertRows(_ROOT, position, position)
        self._rows.insert(position, new)
        self._changed()
        self.endInsertRows()
        return position

    def remove_entry(self, alias: str) -> tuple[int, Entry]:
        """Remove the entry with ``alias``; returns (row, entry) to undo with."""
        row = self.row_of(alias)
        if row is None:
            raise AliasNotFound(alias)
        self.beginRemoveRows(_ROOT, row, row)
        removed = self._rows.pop(row)
        self._changed()
        self.endRemoveRows()
        return row, removed.facts.entry

    def replace_entry(self, entry: Entry, old_alias: str | None = None) -> Entry:
        """Put ``entry`` in place of the one with ``old_alias`` (default: its own alias).

        With ``old_alias`` this is a rename. Returns the replaced entry.
        """
        row = self.row_of(old_alias if old_alias is not None else entry.alias)
        if row is None:
            raise AliasNotFound(old_alias if old_alias is not None else entry.alias)
        clash = self.row_of(entry.alias)
        if clash is not None and clash != row:
            raise AliasExists(entry.alias)
        old = self._rows[row].facts.entry
        self._rows[row] = derive_row(entry, self._now, self._warning_days, self._columns)
        self._changed()
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._columns) - 1))
        self._reposition(row)
        return old

    # -- time ------------------------------------------------------------------
    def set_warning_days(self, days: float) -> list[int]:
        """Change the warning window; re-evaluates at the model's current ``now``."""
        self._warning_days = float(days)
        self._boundaries = None
        return self.refresh_time(self._now, force=True)

    def refresh_time(self, now: dt.datetime | None = None, *, force: bool = False) -> list[int]:
        """Re-evaluate statuses at ``now``; dataChanged only for rows whose status changed."""
        before, self._now = self._now, now or utcnow()
        self.next_change_in(before)  # makes sure the boundaries are known (cheap when cached)
        if not force and not self._crosses(before, self._now):
            self.timeChanged.emit()  # no status can have changed: skip the 10,000-row walk
            return []
        changed: list[int] = []
        for i, row in enumerate(self._rows):
            expiry = entry_expiry(row.facts.entry, self._now, self._warning_days)
            if expiry.status is not row.facts.expiry.status:
                facts = Facts(row.facts.entry, row.facts.summary, expiry)
                self._rows[i] = row_of_facts(facts, self._columns)
                changed.append(i)
        if changed:
            self._counts = None
            last = len(self._columns) - 1
            for first, end in _runs(changed):
                self.dataChanged.emit(self.index(first, 0), self.index(end, last), _TIME_ROLES)
            self._resort()
        self.timeChanged.emit()
        return changed

    def _crosses(self, a: dt.datetime, b: dt.datetime) -> bool:
        """True when a status boundary lies between two times (either order)."""
        assert self._boundaries is not None
        lo, hi = min(a, b), max(a, b)
        i = bisect.bisect_right(self._boundaries, lo)
        return i < len(self._boundaries) and self._boundaries[i] <= hi

    def next_change_in(self, now: dt.datetime | None = None) -> float | None:
        """Seconds until the next row changes status after ``now``; None if none ever will."""
        now = now or utcnow()
        if self._boundaries is None:
            self._boundaries = all_boundaries(self._rows, self._warning_days)
        i = bisect.bisect_right(self._boundaries, now)
        if i >= len(self._boundaries):
            return None
        return (self._boundaries[i] - now).total_seconds()

    # -- colours ---------------------------------------------------------------
    def status_palette(self) -> StatusPalette:
        if self._colors is None:
            self._colors = StatusPalette(QGuiApplication.palette())
        return self._colors

    def set_palette(self, palette: QPalette) -> None:
        """Recompute colours and icons (call on ``QEvent.ApplicationPaletteChange``)."""
        self._colors = StatusPalette(palette)
        if self._rows:
            bottom_right = self.index(len(self._rows) - 1, len(self._columns) - 1)
            self.dataChanged.emit(self.index(0, 0), bottom_right, _COLOUR_ROLES)

    # -- internals -------------------------------------------------------------
    def _changed(self) -> None:
        self._sorted = False
        self._index = None
        self._boundaries = None
        self._counts = None

    def _descending(self) -> bool:
        return self._sort_order == Qt.SortOrder.DescendingOrder

    def _resort(self) -> None:
        self._sorted = True
        if self._sort_column < 0 or not self._rows:
            return
        order = sorted_order(self._rows, self._sort_column, self._descending())
        if order == list(range(len(order))):
            return
        hint = QAbstractItemModel.LayoutChangeHint.VerticalSortHint
        _with_hint(self.layoutAboutToBeChanged).emit([], hint)
        self._rows = [self._rows[i] for i in order]
        self._index = None
        persistent = self.persistentIndexList()
        if persistent:
            new_row = dict(zip(order, range(len(order)), strict=True))
            moved = [self.index(new_row[p.row()], p.column()) for p in persistent]
            self.changePersistentIndexList(persistent, moved)
        _with_hint(self.layoutChanged).emit([], hint)

    def _reposition(self, row: int) -> None:
        if self._sort_column < 0:
            return
        others = self._rows[:row] + self._rows[row + 1 :]
        target = insert_position(others, self._rows[row], self._sort_column, self._descending())
        if target == row:
            return
        destination = target if target < row else target + 1
        self.beginMoveRows(_ROOT, row, row, _ROOT, destination)
        self._rows.insert(target, self._rows.pop(row))
        self._index = None
        self.endMoveRows()


def _with_hint(signal: SignalInstance) -> SignalInstance:
    """The (parents, hint) overload; PySide's stubs do not declare signal indexing."""
    return cast(Any, signal)[_LAYOUT_SIGNATURE]  # type: ignore[no-any-return]


def _runs(rows: Sequence[int]) -> Iterable[tuple[int, int]]:
    """Consecutive runs of ascending row numbers as (first, last) pairs."""
    for _, run in itertools.groupby(enumerate(rows), lambda pair: pair[1] - pair[0]):
        group = [r for _, r in run]
        yield group[0], group[-1]
