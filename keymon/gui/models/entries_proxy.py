"""Live filtering of the entries table: text, entry types and "expires within N days".

The proxy keeps the rows it shows as an ascending list of the model's row numbers
(:mod:`~keymon.gui.models.shown_rows`). A filter change works that list out in one
Python pass over the model's rows and then tells Qt what changed: nothing when the
same rows stay shown, the runs of rows removed (and inserted) in place when there are
few (views keep their selection), else one reset (views keep their selection through
``modelAboutToBeReset``/``modelReset``). A QSortFilterProxyModel asked Qt to call a
Python ``filterAcceptsRow`` for each of 10,000 rows after every reset and every sort;
that call alone cost more than the filtering. ``sort()`` is forwarded to
:class:`EntriesModel`, which orders its rows by the same raw values its ``SortRole``
returns (see that module for why); the proxy keeps the model's order.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any, cast

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    SignalInstance,
    Slot,
)

from keymon.core.entries import Entry, EntryKind
from keymon.core.expiry import Status
from keymon.gui.models.entries_model import EntriesModel
from keymon.gui.models.rows import Row
from keymon.gui.models.shown_rows import RowFilter, Runs, diff_runs, shown_rows
from keymon.gui.models.text_filter import filter_words

#: A change that removes or inserts more separate runs of rows than this resets the
#: proxy instead: each run is a signal views handle on their own.
MAX_RUNS = 64
#: How many recent filters' results are kept (until the model's rows change).
RECENT = 32

_ROOT = QModelIndex()
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_LAYOUT_HINT = QAbstractItemModel.LayoutChangeHint
_LAYOUT_SIGNATURE = ("QList<QPersistentModelIndex>", "QAbstractItemModel::LayoutChangeHint")
Index = QModelIndex | QPersistentModelIndex
#: Across a layout change: the persistent indexes, the model row and column each showed,
#: the ids of the rows shown (None: all) and the hint to pass on.
_Moving = tuple[
    list[QModelIndex],
    list[tuple[Row, int]],
    set[int] | None,
    QAbstractItemModel.LayoutChangeHint,
]


class EntriesProxy(QAbstractTableModel):
    #: Totals or visible rows may have changed (for a status bar).
    countsChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model: EntriesModel | None = None
        self._text = ""
        self._words: tuple[str, ...] = ()
        self._kinds: frozenset[str] | None = None
        self._within: float | None = None
        #: The model's row numbers shown, ascending.
        self._shown: list[int] = []
        #: The rows recent filters showed, the most recent last; forgotten when rows change.
        self._recent: dict[RowFilter, list[int]] = {}
        #: Proxy persistent indexes and the model rows they showed, across a layout change.
        self._moving: _Moving | None = None
        for signal in (self.modelReset, self.rowsInserted, self.rowsRemoved, self.layoutChanged):
            signal.connect(self.countsChanged)

    # -- source ------------------------------------------------------------------
    def setSourceModel(self, model: QAbstractItemModel) -> None:
        if not isinstance(model, EntriesModel):
            raise TypeError("EntriesProxy filters an EntriesModel")
        self.beginResetModel()
        if self._model is not None:
            for signal, slot in self._connections(self._model):
                signal.disconnect(slot)
        self._model = model
        for signal, slot in self._connections(model):
            signal.connect(slot)
        self._shown = self._filtered()
        self.endResetModel()

    def _connections(self, model: EntriesModel) -> list[tuple[SignalInstance, Any]]:
        return [
            (model.timeChanged, self._on_time_changed),
            (model.modelAboutToBeReset, self.beginResetModel),
            (model.modelReset, self._source_reset),
            (model.rowsInserted, self._source_inserted),
            (model.rowsAboutToBeRemoved, self._source_removing),
            (model.rowsRemoved, self._source_removed),
            (model.rowsAboutToBeMoved, self._source_moving),
            (model.rowsMoved, self._source_layout_changed),
            (_with_hint(model.layoutAboutToBeChanged), self._source_layout_changing),
            (_with_hint(model.layoutChanged), self._source_layout_changed),
            (model.dataChanged, self._source_data_changed),
            (model.headerDataChanged, self.headerDataChanged),
            *((s, self.countsChanged) for s in _source_signals(model)),
        ]

    def sourceModel(self) -> EntriesModel | None:
        return self._model

    def source(self) -> EntriesModel:
        if self._model is None:
            raise RuntimeError("EntriesProxy has no source model")
        return self._model

    # -- filters -----------------------------------------------------------------
    @property
    def filter_text(self) -> str:
        return self._text

    @property
    def kinds(self) -> frozenset[str] | None:
        return self._kinds

    @property
    def expires_within(self) -> float | None:
        return self._within

    def set_filter_text(self, text: str) -> None:
        """Case-insensitive; every word must start a word of a field or a fingerprint
        (see :mod:`~keymon.gui.models.text_filter`)."""
        self._text = text
        words = filter_words(text)
        if words != self._words:
            # prepared words: a row that contains the new word contains the old one too
            narrower = all(any(old in new for new in words) for old in self._words)
            self._words = words
            self._refilter(narrower)

    def set_kinds(self, kinds: Iterable[EntryKind] | None) -> None:
        """Show only these entry kinds; None shows every kind."""
        value = None if kinds is None else frozenset(kinds)
        if value != self._kinds:
            narrower = value is not None and (self._kinds is None or value <= self._kinds)
            self._kinds = value
            self._refilter(narrower)

    def set_expires_within(self, days: float | None) -> None:
        """Show only entries whose chain expires within ``days`` (expired ones too); None: off."""
        if days != self._within:
            old = self._within
            narrower = days is not None and (old is None or days <= old)
            self._within = days
            self._refilter(narrower)

    def clear_filters(self) -> None:
        self._text = ""
        self._words, self._kinds, self._within = (), None, None
        self._refilter(narrower=False)

    # -- reading -------------------------------------------------------------------
    def counts(self) -> tuple[int, int, int]:
        """(total, expiring, expired) over the whole source, whatever the filter."""
        if self._model is None:
            return 0, 0, 0
        statuses = self._model.status_counts()
        return self._model.rowCount(), statuses[Status.EXPIRING], statuses[Status.EXPIRED]

    def entry_at(self, row: int) -> Entry:
        if not 0 <= row < len(self._shown):
            raise IndexError(row)
        return self.source().entry_at(self._shown[row])

    def row_of(self, alias: str) -> int | None:
        """The proxy row showing ``alias``; None when absent or filtered out."""
        source_row = self.source().row_of(alias)
        return None if source_row is None else self._position(source_row)

    def mapToSource(self, index: Index) -> QModelIndex:
        if not index.isValid() or self._model is None or index.row() >= len(self._shown):
            return QModelIndex()
        return self._model.index(self._shown[index.row()], index.column())

    def mapFromSource(self, index: Index) -> QModelIndex:
        row = self._position(index.row()) if index.isValid() else None
        return QModelIndex() if row is None else self.index(row, index.column())

    # -- Qt ----------------------------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = _ROOT) -> int:
        model = self._model
        return 0 if parent.isValid() or model is None else len(model.columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        r, shown, model = index.row(), self._shown, self._model
        if model is None or not index.isValid() or r >= len(shown):
            return None
        return model.cell(shown[r], index.column(), role)

    def multiData(self, index: Index, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:
        """Every role a delegate asks for to paint a cell, in one call from Qt: seven
        calls of ``data()`` per cell made repainting the table ~10% slower, and each
        call has to take the GIL (from a worker, while one runs)."""
        r, shown, model = index.row(), self._shown, self._model
        if model is None or not index.isValid() or r >= len(shown):
            return
        source_row, column, cell = shown[r], index.column(), model.cell
        if isinstance(roleDataSpan, QModelRoleData):
            roleDataSpan.setData(cell(source_row, column, roleDataSpan.role()))
            return
        span = cast(Any, roleDataSpan)  # PySide's stubs declare no indexing
        for k in range(span.size()):
            item = span[k]
            item.setData(cell(source_row, column, item.role()))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        model = self._model
        return None if model is None else model.headerData(section, orientation, role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self._model is not None:
            self._model.sort(column, order)

    # -- internals ---------------------------------------------------------------------
    def _row_filter(self) -> RowFilter:
        limit: dt.datetime | None = None
        if self._within is not None and self._model is not None:
            limit = self._model.now + dt.timedelta(days=self._within)
        return RowFilter(self._words, self._kinds, limit, expiring=self._within is not None)

    def _filtered(self, candidates: Sequence[int] | None = None) -> list[int]:
        rows = self._model.rows if self._model is not None else ()
        return shown_rows(rows, self._row_filter(), candidates)

    def _position(self, source_row: int) -> int | None:
        shown = self._shown
        i = bisect.bisect_left(shown, source_row)
        return i if i < len(shown) and shown[i] == source_row else None

    def _refilter(self, narrower: bool, *, in_place: bool = False) -> None:
        """Show what the filter now shows.

        ``narrower`` says every row hidden stays hidden (only the rows shown are tested
        again). Few runs of rows removed or inserted change in place; many reset the
        proxy: Qt signals each run on its own (8,000 scattered rows hidden by one
        keystroke took 33 ms). ``in_place`` asks for the change in place however many
        runs there are (a few rows changing with the clock)."""
        flt = self._row_filter()
        new = self._recent.pop(flt, None)  # typed before: deleting a character, say
        if new is None:
            rows = self._model.rows if self._model is not None else ()
            new = shown_rows(rows, flt, self._shown if narrower else None)
        self._recent[flt] = new
        while len(self._recent) > RECENT:
            del self._recent[next(iter(self._recent))]
        if new == self._shown:
            return
        new = list(new)  # the list kept above must not change with the proxy's
        runs = diff_runs(self._shown, new)
        if not in_place and runs.count > MAX_RUNS:
            self.beginResetModel()
            self._shown = new
            self.endResetModel()
        else:
            self._apply(runs)

    def _apply(self, runs: Runs, offset: int = 0) -> None:
        """Remove and insert ``runs`` in place (positions counted from ``offset``)."""
        for first, last in runs.removed:
            self.beginRemoveRows(_ROOT, offset + first, offset + last)
            del self._shown[offset + first : offset + last + 1]
            self.endRemoveRows()
        for position, rows in runs.inserted:
            at = offset + position
            self.beginInsertRows(_ROOT, at, at + len(rows) - 1)
            self._shown[at:at] = rows
            self.endInsertRows()

    @Slot()
    def _on_time_changed(self) -> None:
        if self._within is not None:
            # the limit moves with the model's "now": a few rows change, in place
            self._refilter(narrower=False, in_place=True)
        self.countsChanged.emit()

    @Slot()
    def _source_reset(self) -> None:
        self._recent.clear()
        self._shown = self._filtered()
        self.endResetModel()

    def _source_inserted(self, _parent: Index, first: int, last: int) -> None:
        self._recent.clear()
        count = last - first + 1
        at = bisect.bisect_left(self._shown, first)
        self._shown[at:] = [s + count for s in self._shown[at:]]
        added = self._filtered(range(first, last + 1))
        if added:
            self.beginInsertRows(_ROOT, at, at + len(added) - 1)
            self._shown[at:at] = added
            self.endInsertRows()

    def _source_removing(self, _parent: Index, first: int, last: int) -> None:
        lo = bisect.bisect_left(self._shown, first)
        hi = bisect.bisect_right(self._shown, last)
        if hi > lo:
            self.beginRemoveRows(_ROOT, lo, hi - 1)
            del self._shown[lo:hi]
            self.endRemoveRows()

    def _source_removed(self, _parent: Index, first: int, last: int) -> None:
        self._recent.clear()
        count = last - first + 1
        at = bisect.bisect_left(self._shown, first)
        self._shown[at:] = [s - count for s in self._shown[at:]]

    def _source_layout_changing(self, _parents: object, hint: _LAYOUT_HINT) -> None:
        """Before the model reorders its rows (a sort, a move): remember which row of
        the model each persistent index of the proxy shows."""
        _with_hint(self.layoutAboutToBeChanged).emit([], hint)
        persistent = self.persistentIndexList()
        rows, shown = self.source().rows, self._shown
        pointed = [(rows[shown[p.row()]], p.column()) for p in persistent]
        kept = {id(rows[s]) for s in shown} if len(shown) < len(rows) else None
        self._moving = (persistent, pointed, kept, hint)

    def _source_moving(self, *_args: object) -> None:
        self._source_layout_changing([], _LAYOUT_HINT.NoLayoutChangeHint)

    def _source_layout_changed(self, *_args: object) -> None:
        self._recent.clear()
        if self._moving is None:
            return
        persistent, pointed, kept, hint = self._moving
        self._moving = None
        rows = self.source().rows  # the same rows in a new order
        if kept is None:
            self._shown = list(range(len(rows)))
        else:
            self._shown = [i for i, row in enumerate(rows) if id(row) in kept]
        if persistent:
            where = {id(rows[s]): i for i, s in enumerate(self._shown)}
            moved = []
            for row, column in pointed:
                position = where.get(id(row))
                moved.append(_ROOT if position is None else self.index(position, column))
            self.changePersistentIndexList(persistent, moved)
        _with_hint(self.layoutChanged).emit([], hint)

    def _source_data_changed(
        self, top_left: Index, bottom_right: Index, roles: Sequence[int] = ()
    ) -> None:
        self._recent.clear()
        first, last = top_left.row(), bottom_right.row()
        lo = bisect.bisect_left(self._shown, first)
        hi = bisect.bisect_right(self._shown, last)
        if self._row_filter().active:
            # the rows may be new ones (an entry replaced): test them again
            runs = diff_runs(self._shown[lo:hi], self._filtered(range(first, last + 1)))
            if runs.count:
                self._apply(runs, lo)
                hi = bisect.bisect_right(self._shown, last)
        if hi > lo:
            top, bottom = (
                self.index(lo, top_left.column()),
                self.index(hi - 1, bottom_right.column()),
            )
            self.dataChanged.emit(top, bottom, list(roles))


def _source_signals(model: EntriesModel) -> tuple[SignalInstance, ...]:
    return (model.modelReset, model.rowsInserted, model.rowsRemoved, model.dataChanged)


def _with_hint(signal: SignalInstance) -> SignalInstance:
    """The (parents, hint) overload; PySide's stubs do not declare signal indexing."""
    return cast(Any, signal)[_LAYOUT_SIGNATURE]  # type: ignore[no-any-return]
