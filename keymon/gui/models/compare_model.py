"""The rows of File › Compare Keystores… and the table model that shows them.

:func:`compare_rows` (pure, run in a worker) turns the core's
:func:`keymon.core.sapci.diff.diff` into one :class:`CompareRow` per alias: what differs,
each side's valid-until (the earliest notAfter of the chain) and leaf SHA-256.
:class:`CompareModel` shows them; its SortRole gives raw comparable values.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from keymon.core.aliases import alias_key
from keymon.core.entries import Entry
from keymon.core.expiry import entry_expiry
from keymon.core.sapci.diff import diff
from keymon.gui.i18n import QT_TRANSLATE_NOOP
from keymon.gui.models.columns import colon_hex, local_date

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
#: How many bytes of a fingerprint the table shows (the tooltip shows all 32).
SHORT_BYTES = 6


class Difference(enum.IntEnum):
    """What differs for one alias; the order is the table's default sort."""

    ONLY_IN_A = 0
    ONLY_IN_B = 1
    CERTIFICATE = 2
    EXPIRY = 3
    SAME = 4


DIFFERENCE_TEXT = {
    Difference.ONLY_IN_A: QT_TRANSLATE_NOOP("Compare", "Only in A"),
    Difference.ONLY_IN_B: QT_TRANSLATE_NOOP("Compare", "Only in B"),
    Difference.CERTIFICATE: QT_TRANSLATE_NOOP("Compare", "Different certificate"),
    Difference.EXPIRY: QT_TRANSLATE_NOOP("Compare", "Different expiry"),
    Difference.SAME: QT_TRANSLATE_NOOP("Compare", "Same"),
}

COLUMNS = (
    QT_TRANSLATE_NOOP("Compare", "Alias"),
    QT_TRANSLATE_NOOP("Compare", "Difference"),
    QT_TRANSLATE_NOOP("Compare", "Valid Until (A)"),
    QT_TRANSLATE_NOOP("Compare", "Valid Until (B)"),
    QT_TRANSLATE_NOOP("Compare", "SHA-256 (A)"),
    QT_TRANSLATE_NOOP("Compare", "SHA-256 (B)"),
)


def translated(text: str) -> str:
    """``text`` (marked with QT_TRANSLATE_NOOP in the Compare context) in the UI language."""
    return QCoreApplication.translate("Compare", text)


translate = QCoreApplication.translate


@dataclass(frozen=True)
class CompareRow:
    alias: str
    difference: Difference
    a_not_after: dt.datetime | None = None
    b_not_after: dt.datetime | None = None
    a_sha256: str | None = None
    b_sha256: str | None = None


@dataclass(frozen=True)
class Comparison:
    """Every alias of both sides (differences first), as :func:`compare_rows` found them."""

    rows: tuple[CompareRow, ...]

    def count(self, difference: Difference) -> int:
        return sum(1 for r in self.rows if r.difference is difference)

    @property
    def differences(self) -> int:
        return sum(1 for r in self.rows if r.difference is not Difference.SAME)


def _sha(entry: Entry) -> str | None:
    cert = entry.certificate
    return cert.sha256 if cert is not None else None


def _side(entry: Entry) -> tuple[dt.datetime | None, str | None]:
    return entry_expiry(entry).not_after, _sha(entry)


def compare_rows(a_entries: Iterable[Entry], b_entries: Iterable[Entry]) -> Comparison:
    """One row per alias of either side: the core's diff, plus the aliases that agree."""
    a = {alias_key(e.alias): e for e in a_entries}
    b = {alias_key(e.alias): e for e in b_entries}
    result = diff(a.values(), b.values())
    rows = [
        CompareRow(alias, Difference.ONLY_IN_A, *_side_pair(a[alias_key(alias)], None))
        for alias in result.only_in_a
    ]
    rows += [
        CompareRow(alias, Difference.ONLY_IN_B, *_side_pair(None, b[alias_key(alias)]))
        for alias in result.only_in_b
    ]
    changed: dict[str, Difference] = {}
    for kind, items in (
        (Difference.CERTIFICATE, result.different_certificate),
        (Difference.EXPIRY, result.different_expiry),
    ):
        for d in items:
            changed[alias_key(d.alias)] = kind
            rows.append(
                CompareRow(d.alias, kind, d.a_not_after, d.b_not_after, d.a_sha256, d.b_sha256)
            )
    for key, left in a.items():
        if key in b and key not in changed:
            rows.append(CompareRow(left.alias, Difference.SAME, *_side_pair(left, b[key])))
    return Comparison(tuple(rows))


def _side_pair(
    left: Entry | None, right: Entry | None
) -> tuple[dt.datetime | None, dt.datetime | None, str | None, str | None]:
    a_after, a_sha = _side(left) if left is not None else (None, None)
    b_after, b_sha = _side(right) if right is not None else (None, None)
    return a_after, b_after, a_sha, b_sha


def summary(comparison: Comparison, a_name: str, b_name: str) -> str:
    """``Differences: 1 only in dev, 1 only in prod.p12, 1 with a different certificate.``"""
    counts = {kind: comparison.count(kind) for kind in Difference}
    texts = (
        (Difference.ONLY_IN_A, translate("Compare", "{n} only in {name}")),
        (Difference.ONLY_IN_B, translate("Compare", "{n} only in {name}")),
        (Difference.CERTIFICATE, translate("Compare", "{n} with a different certificate")),
        (Difference.EXPIRY, translate("Compare", "{n} with a different expiry date")),
    )
    names = {Difference.ONLY_IN_A: a_name, Difference.ONLY_IN_B: b_name}
    parts = [
        text.format(n=counts[kind], name=names.get(kind, ""))
        for kind, text in texts
        if counts[kind]
    ]
    if not parts:
        return translate("Compare", "The keystores hold the same entries.")
    return translate("Compare", "Differences: {parts}.").format(parts=", ".join(parts))


def short_sha(sha256: str | None) -> str:
    """``3F:A2:19:C0:5B:77…``: the first bytes of a hex fingerprint."""
    if not sha256:
        return ""
    return colon_hex(bytes.fromhex(sha256[: SHORT_BYTES * 2])) + "…"


class CompareModel(QAbstractTableModel):
    """The rows of a comparison, one per alias; ``SORT_ROLE`` sorts by raw values."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[CompareRow, ...] = ()

    def set_rows(self, rows: Sequence[CompareRow]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def row_at(self, row: int) -> CompareRow:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translated(COLUMNS[section])
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            return _sort_value(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (4, 5):
            sha = row.a_sha256 if column == 4 else row.b_sha256
            return colon_hex(bytes.fromhex(sha)) if sha else None
        return None


def _display(row: CompareRow, column: int) -> str:
    if column == 0:
        return row.alias
    if column == 1:
        return translated(DIFFERENCE_TEXT[row.difference])
    if column in (2, 3):
        when = row.a_not_after if column == 2 else row.b_not_after
        return local_date(when) if when is not None else ""
    return short_sha(row.a_sha256 if column == 4 else row.b_sha256)


def _sort_value(row: CompareRow, column: int) -> object:
    if column == 0:
        return row.alias.casefold()
    if column == 1:  # by what differs, then by alias (the proxy's sort is not stable)
        return f"{int(row.difference)}:{row.alias.casefold()}"
    if column in (2, 3):
        when = row.a_not_after if column == 2 else row.b_not_after
        return when.timestamp() if when is not None else float("inf")
    return (row.a_sha256 if column == 4 else row.b_sha256) or ""
