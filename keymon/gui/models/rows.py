"""The rows of the entries table: derived from entries once, their values made when read.

A :class:`Row` holds an entry's facts (its leaf summary and expiry). What painting,
sorting and filtering read is made the first time it is read and then kept: display
texts (painting asks for the ~30 rows on screen, not for 10,000), one column's sort
keys (when sorted by it) and the filter's text. :func:`derive_rows` is a pure function
fit for a worker; :func:`derive_sorted` also orders the rows and finds the instants
their statuses change, so the GUI thread only swaps the result in.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication

from keymon.core.entries import Entry
from keymon.core.expiry import Status, entry_expiry
from keymon.gui.models.columns import COLUMNS, Column, Facts, SortKey, serial_colon
from keymon.gui.models.text_filter import searchable

_MISSING: Any = object()


class Row:
    """One table row: the entry's facts; texts, sort keys and filter text made on first use."""

    __slots__ = ("_alias", "_columns", "_filter", "_keys", "_texts", "facts")

    def __init__(self, facts: Facts, columns: Sequence[Column] = COLUMNS) -> None:
        self.facts = facts
        self._columns = columns
        self._texts: tuple[str, ...] | None = None
        self._keys: list[SortKey] | None = None
        self._filter: str | None = None
        self._alias: str | None = None

    @property
    def entry(self) -> Entry:
        return self.facts.entry

    @property
    def status(self) -> Status:
        return self.facts.expiry.status

    @property
    def texts(self) -> tuple[str, ...]:
        """The display text of every column."""
        texts = self._texts
        if texts is None:
            facts = self.facts
            texts = self._texts = tuple(c.display(facts) for c in self._columns)
        return texts

    def key(self, column: int) -> SortKey:
        """The raw sort key of ``column`` (None sorts last)."""
        keys = self._keys
        if keys is None:
            keys = self._keys = [_MISSING] * len(self._columns)
        value = keys[column]
        if value is _MISSING:
            value = keys[column] = self._columns[column].sort_key(self.facts)
        return value

    @property
    def keys(self) -> tuple[SortKey, ...]:
        return tuple(self.key(c) for c in range(len(self._columns)))

    @property
    def folded_alias(self) -> str:
        """The alias case-folded: what ties of every sort order go by."""
        alias = self._alias
        if alias is None:
            alias = self._alias = self.facts.entry.alias.casefold()
        return alias

    @property
    def filter_text(self) -> str:
        """What the filter box searches (see :func:`filter_text`)."""
        text = self._filter
        if text is None:
            text = self._filter = filter_text(self.facts)
        return text

    def prepared(self) -> bool:
        """True once the filter text and every sort key are made."""
        keys = self._keys
        return self._filter is not None and keys is not None and _MISSING not in keys

    def prepare(self) -> None:
        """Make the filter text and every sort key now (e.g. in an idle moment)."""
        _ = self.filter_text
        for column in range(len(self._columns)):
            self.key(column)


def filter_text(facts: Facts) -> str:
    """The text the filter box searches: words of alias and names, hex values from the start."""
    s = facts.summary
    if s is None:
        return searchable([facts.entry.alias], [])
    padded = serial_colon(s.serial).replace(":", "")
    # A filter word never spans fields (fields end at a newline, words have none), so a
    # field said twice (the issuer of a self-signed certificate, a serial that needs no
    # padding) is said once: the text to search gets shorter, the matches stay the same.
    words = dict.fromkeys([facts.entry.alias, s.subject, s.issuer])
    return searchable(list(words), list(dict.fromkeys([s.serial_hex, padded, s.sha256, s.sha1])))


def facts_of(entry: Entry, now: dt.datetime, warning_days: float) -> Facts:
    cert = entry.certificate
    summary = cert.summary if cert is not None else None
    return Facts(entry, summary, entry_expiry(entry, now, warning_days))


def row_of_facts(facts: Facts, columns: Sequence[Column] = COLUMNS) -> Row:
    return Row(facts, columns)


def derive_row(
    entry: Entry, now: dt.datetime, warning_days: float, columns: Sequence[Column] = COLUMNS
) -> Row:
    return Row(facts_of(entry, now, warning_days), columns)


ProgressFn = Callable[[int, int, str], None]


class SupportsCancel(Protocol):
    def raise_if_cancelled(self) -> None: ...


def derive_rows(
    entries: Iterable[Entry],
    now: dt.datetime,
    warning_days: float,
    columns: Sequence[Column] = COLUMNS,
    *,
    cancel: SupportsCancel | None = None,
    progress: ProgressFn | None = None,
    chunk: int = 500,
) -> list[Row]:
    """Rows for ``entries``; a pure function, fit to run in a worker.

    ``cancel`` is anything with ``raise_if_cancelled()`` (a workers.CancelToken);
    ``progress(done, total, text)`` is called every ``chunk`` rows.
    """
    items = list(entries)
    rows: list[Row] = []
    reading = QCoreApplication.translate("Columns", "Reading entries") if progress else ""
    columns = tuple(columns)
    for start in range(0, len(items), chunk):
        if cancel is not None:
            cancel.raise_if_cancelled()
        rows.extend(
            Row(facts_of(e, now, warning_days), columns) for e in items[start : start + chunk]
        )
        if progress is not None:
            progress(len(rows), len(items), reading)
    return rows


@dataclass(frozen=True)
class DerivedRows:
    """Rows in the order of ``sort`` (column, descending; column -1: as given), with the
    sorted instants at which a row's status changes and the count of each status."""

    rows: list[Row]
    sort: tuple[int, bool]
    boundaries: list[dt.datetime]
    counts: Counter[Status]


def derive_sorted(
    entries: Iterable[Entry],
    now: dt.datetime,
    warning_days: float,
    columns: Sequence[Column],
    sort: tuple[int, bool],
    *,
    cancel: SupportsCancel | None = None,
    progress: ProgressFn | None = None,
) -> DerivedRows:
    """:func:`derive_rows`, sorted by ``sort``, with boundaries and counts (for a worker)."""
    rows = derive_rows(entries, now, warning_days, columns, cancel=cancel, progress=progress)
    column, descending = sort
    if column >= 0:
        rows = [rows[i] for i in sorted_order(rows, column, descending)]
    if cancel is not None:
        cancel.raise_if_cancelled()
    return DerivedRows(
        rows,
        sort,
        all_boundaries(rows, warning_days),
        Counter(row.facts.expiry.status for row in rows),
    )


def sort_position_key(column: int, descending: bool) -> Callable[[Row], tuple[Any, ...]]:
    """A key ordering rows by ``column`` (sorted with ``reverse=descending``).

    None sorts last in both orders; ties go by alias.
    """

    def key(row: Row) -> tuple[Any, ...]:
        value, alias = row.key(column), row.folded_alias
        if value is None:
            return (0, alias) if descending else (1, alias)
        return (1, value, alias) if descending else (0, value, alias)

    return key


def sorted_order(rows: Sequence[Row], column: int, descending: bool) -> list[int]:
    """The permutation that sorts ``rows``: new position → old position.

    The order of :func:`sort_position_key`, made in two stable sorts of row numbers
    (by alias, then by value) instead of one over a tuple per row: ties (many rows
    with the same date, say) then compare no tuples and no aliases twice.
    """
    aliases = [row.folded_alias for row in rows]
    by_alias = sorted(range(len(rows)), key=aliases.__getitem__, reverse=descending)
    values = [row.key(column) for row in rows]
    valued = [i for i in by_alias if values[i] is not None]
    valued.sort(key=values.__getitem__, reverse=descending)  # stable: ties keep alias order
    if len(valued) == len(rows):
        return valued
    return valued + [i for i in by_alias if values[i] is None]  # None last in both orders


def insert_position(rows: Sequence[Row], new: Row, column: int, descending: bool) -> int:
    """Where ``new`` goes in ``rows``, which are sorted by ``column``."""
    key = sort_position_key(column, descending)
    k = key(new)
    if descending:
        return next((i for i, r in enumerate(rows) if k > key(r)), len(rows))
    return next((i for i, r in enumerate(rows) if k < key(r)), len(rows))


def status_boundaries(facts: Facts, warning_days: float) -> tuple[dt.datetime, ...]:
    """The instants at which this entry's status can change (see ``entry_expiry``)."""
    certs = facts.entry.certificates
    if not certs or facts.expiry.not_after is None:
        return ()
    not_after = facts.expiry.not_after
    latest_start = max(c.summary.not_before for c in certs)
    return (latest_start, not_after - dt.timedelta(days=warning_days), not_after)


def all_boundaries(rows: Iterable[Row], warning_days: float) -> list[dt.datetime]:
    """Every row's status boundaries, sorted."""
    return sorted(b for row in rows for b in status_boundaries(row.facts, warning_days))
