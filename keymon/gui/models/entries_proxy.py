"""Live filtering of the entries table: text, entry types and "expires within N days".

Each filter change goes through ``beginFilterChange()`` / ``endFilterChange(Rows)``
(Qt 6.10+; ``invalidateFilter`` is deprecated) or a reset. The verdict on every row is
worked out first in one Python pass over the model's rows and kept per row, so the
proxy's ``filterAcceptsRow`` is a dictionary lookup. A narrower filter (the new text
extends the old) only tests the rows still shown, and a change that shows the same
rows (typing on inside a broad match) does not disturb Qt at all. ``sort()`` is
forwarded to :class:`EntriesModel`, which orders its rows by the same raw values its
``SortRole`` returns (see that module for why); the proxy keeps the model's order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
    SignalInstance,
    Slot,
)

from keymon.core.entries import Entry, EntryKind
from keymon.core.expiry import Status
from keymon.gui.models.entries_model import FILTER_TEXT_ROLE, SORT_ROLE, EntriesModel
from keymon.gui.models.rows import Row
from keymon.gui.models.text_filter import filter_words

#: A narrowing that hides more separate runs of rows than this resets the proxy instead:
#: Qt signals each run on its own (8,000 scattered rows hidden by one keystroke: 33 ms).
MAX_RUNS = 64


def _source_signals(model: EntriesModel) -> tuple[SignalInstance, ...]:
    return (model.modelReset, model.rowsInserted, model.rowsRemoved, model.dataChanged)


class EntriesProxy(QSortFilterProxyModel):
    #: Totals or visible rows may have changed (for a status bar).
    countsChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterRole(FILTER_TEXT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._model: EntriesModel | None = None
        self._text = ""
        self._words: tuple[str, ...] = ()
        self._kinds: frozenset[str] | None = None
        self._within: float | None = None
        self._accept: Callable[[Row], bool] | None = None
        #: True/False per row under the current filter (rows not in it are tested when
        #: asked); None while no filter is set.
        self._verdict: dict[Row, bool] | None = None
        for signal in (self.modelReset, self.rowsInserted, self.rowsRemoved, self.layoutChanged):
            signal.connect(self.countsChanged)

    # -- source ------------------------------------------------------------------
    def setSourceModel(self, model: QAbstractItemModel) -> None:
        if not isinstance(model, EntriesModel):
            raise TypeError("EntriesProxy filters an EntriesModel")
        if self._model is not None:
            self._model.timeChanged.disconnect(self._on_time_changed)
            self._model.modelAboutToBeReset.disconnect(self._forget_rows)
            for signal in _source_signals(self._model):
                signal.disconnect(self.countsChanged)
        self._model = model
        self._verdict = None
        model.timeChanged.connect(self._on_time_changed)
        model.modelAboutToBeReset.connect(self._forget_rows)
        for signal in _source_signals(model):
            signal.connect(self.countsChanged)
        self._accept = self._predicate()
        super().setSourceModel(model)
        self.countsChanged.emit()

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
            wider = all(any(new in old for old in self._words) for new in words)
            self._change(lambda: setattr(self, "_words", words), narrower, wider=wider)

    def set_kinds(self, kinds: Iterable[EntryKind] | None) -> None:
        """Show only these entry kinds; None shows every kind."""
        value = None if kinds is None else frozenset(kinds)
        if value != self._kinds:
            narrower = value is not None and (self._kinds is None or value <= self._kinds)
            wider = value is None or (self._kinds is not None and self._kinds <= value)
            self._change(lambda: setattr(self, "_kinds", value), narrower, wider=wider)

    def set_expires_within(self, days: float | None) -> None:
        """Show only entries whose chain expires within ``days`` (expired ones too); None: off."""
        if days != self._within:
            old = self._within
            narrower = days is not None and (old is None or days <= old)
            wider = days is None or (old is not None and days >= old)
            self._change(lambda: setattr(self, "_within", days), narrower, wider=wider)

    def clear_filters(self) -> None:
        def reset() -> None:
            self._words, self._kinds, self._within = (), None, None

        self._text = ""
        self._change(reset, narrower=False, wider=True)

    # -- reading -------------------------------------------------------------------
    def counts(self) -> tuple[int, int, int]:
        """(total, expiring, expired) over the whole source, whatever the filter."""
        if self._model is None:
            return 0, 0, 0
        statuses = self._model.status_counts()
        return self._model.rowCount(), statuses[Status.EXPIRING], statuses[Status.EXPIRED]

    def entry_at(self, row: int) -> Entry:
        source_row = self.mapToSource(self.index(row, 0)).row()
        if source_row < 0:
            raise IndexError(row)
        return self.source().entry_at(source_row)

    def row_of(self, alias: str) -> int | None:
        """The proxy row showing ``alias``; None when absent or filtered out."""
        source_row = self.source().row_of(alias)
        if source_row is None:
            return None
        row = self.mapFromSource(self.source().index(source_row, 0)).row()
        return row if row >= 0 else None

    # -- Qt ----------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self._model is not None:
            self._model.sort(column, order)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        verdict, accept = self._verdict, self._accept
        if verdict is None or accept is None or self._model is None:
            return True
        row = self._model.rows[source_row]
        ok = verdict.get(row)
        if ok is None:  # a row that came after the filter was set
            ok = verdict[row] = accept(row)
        return ok

    # -- internals ---------------------------------------------------------------------
    def _change(
        self,
        update: Callable[[], object],
        narrower: bool,
        *,
        wider: bool = False,
        in_place: bool = False,
    ) -> None:
        """Apply a filter change: work out every row's verdict, then tell Qt what changed.

        Nothing, when the same rows stay shown. A narrower filter only hides rows: Qt
        removes them in place, keeping the selection, one signal per run of hidden
        rows (past MAX_RUNS runs a reset is cheaper). A wider one can bring back
        thousands of rows, and inserting them one range at a time is what made a
        widening keystroke slow (55 ms for 10,000 rows); a reset shows them at once.
        Views keep their selection across it through ``modelAboutToBeReset``/
        ``modelReset``. ``wider`` says every row shown stays shown; ``in_place`` asks
        for the in-place change whatever the direction (a few rows changing with the
        clock)."""
        old = self._verdict
        update()
        accept = self._predicate()
        kept = None if old is None or not (narrower or wider) else (old, narrower)
        verdict = None if accept is None else self._verdicts(accept, kept)
        if _shown_alike(old, verdict, self._rows()):
            self._accept, self._verdict = accept, verdict
            return
        if in_place or (narrower and _hidden_runs(old, verdict, self._rows()) <= MAX_RUNS):
            self.beginFilterChange()
            self._accept, self._verdict = accept, verdict
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
            return
        self.beginResetModel()
        self._accept, self._verdict = accept, verdict
        self.endResetModel()

    def _rows(self) -> Sequence[Row]:
        return self._model.rows if self._model is not None else ()

    def _verdicts(
        self, accept: Callable[[Row], bool], kept: tuple[dict[Row, bool], bool] | None
    ) -> dict[Row, bool]:
        """Every row's verdict. ``kept`` is (the verdicts before, narrower): a narrower
        filter tests again only the rows shown before, a wider one only those hidden."""
        if kept is None:
            return {row: accept(row) for row in self._rows()}
        before, narrower = kept
        shown = before.get
        if narrower:
            return {row: shown(row) is not False and accept(row) for row in self._rows()}
        return {row: shown(row) is True or accept(row) for row in self._rows()}

    def _forget_rows(self) -> None:
        if self._verdict is not None:
            self._verdict = {}  # the new rows are tested as Qt asks for them

    def _predicate(self) -> Callable[[Row], bool] | None:
        words, kinds, within = self._words, self._kinds, self._within
        if not words and kinds is None and within is None:
            return None
        if kinds is None and within is None:
            return _words_predicate(words)  # the usual case, a third cheaper
        limit: dt.datetime | None = None
        if within is not None and self._model is not None:
            limit = self._model.now + dt.timedelta(days=within)

        def accept(row: Row) -> bool:
            facts = row.facts
            if kinds is not None and facts.entry.kind not in kinds:
                return False
            if within is not None:
                not_after = facts.expiry.not_after
                if not_after is None or limit is None or not_after > limit:
                    return False
            text = row.filter_text
            return all([word in text for word in words])

        return accept

    @Slot()
    def _on_time_changed(self) -> None:
        if self._within is not None:
            # the limit moves with the model's "now": a few rows change, in place
            self._change(lambda: None, narrower=False, in_place=True)
        self.countsChanged.emit()


def _shown_alike(
    old: dict[Row, bool] | None, new: dict[Row, bool] | None, rows: Sequence[Row]
) -> bool:
    """True when two verdicts (None: no filter) show the same rows."""
    if old is None and new is None:
        return True
    if old is None or new is None:
        verdict = new if old is None else old
        assert verdict is not None
        return all(verdict.get(row, True) for row in rows)
    return all(old.get(row) == new.get(row) for row in rows)


def _words_predicate(words: tuple[str, ...]) -> Callable[[Row], bool]:
    """Rows whose filter text holds every word (one or two words: no loop at all)."""
    if len(words) == 1:
        (word,) = words

        def one(row: Row) -> bool:
            return word in row.filter_text

        return one
    if len(words) == 2:
        first, second = words

        def two(row: Row) -> bool:
            text = row.filter_text
            return first in text and second in text

        return two

    def every(row: Row) -> bool:
        text = row.filter_text
        return all([word in text for word in words])

    return every


def _hidden_runs(
    old: dict[Row, bool] | None, new: dict[Row, bool] | None, rows: Sequence[Row]
) -> int:
    """How many separate runs of shown rows the new verdict hides (Qt's signals)."""
    runs, inside = 0, False
    before, after = old or {}, new or {}
    for row in rows:
        if before.get(row) is False:
            continue  # not shown before: not in the proxy, does not split a run
        hidden = after.get(row) is False
        if hidden and not inside:
            runs += 1
        inside = hidden
    return runs
