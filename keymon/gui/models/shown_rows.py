"""Which of the model's rows a filter shows, as an ascending list of row numbers.

The entries proxy keeps the rows it shows as a plain list of the model's row numbers.
A filter is worked out in one pass over the model's rows per word (a list
comprehension over prepared texts, about a millisecond for 10,000 rows), and a change
is told to Qt as the runs of rows it removes and inserts (:func:`diff_runs`), so a
keystroke costs one tight loop and a few signals, not a Python call per row from Qt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from keymon.gui.models.rows import Row


@dataclass(frozen=True)
class RowFilter:
    """The filter's words (see :func:`~keymon.gui.models.text_filter.filter_words`), the
    entry kinds to show (None: every kind) and the latest expiry shown (None: any)."""

    words: tuple[str, ...] = ()
    kinds: frozenset[str] | None = None
    limit: dt.datetime | None = None
    expiring: bool = False
    """True when only entries expiring by ``limit`` are shown (``limit`` None: none are)."""

    @property
    def active(self) -> bool:
        return bool(self.words) or self.kinds is not None or self.expiring

    def accepts(self, row: Row) -> bool:
        """The verdict on one row (what :func:`shown_rows` computes for many)."""
        return bool(shown_rows([row], self))


def shown_rows(
    rows: Sequence[Row], flt: RowFilter, candidates: Sequence[int] | None = None
) -> list[int]:
    """The ascending numbers of ``rows`` that ``flt`` shows, looking only at
    ``candidates`` (ascending row numbers) when given: a narrower filter tests only the
    rows shown before."""
    shown = list(range(len(rows))) if candidates is None else list(candidates)
    if not flt.active:
        return shown
    if flt.kinds is not None:
        kinds = flt.kinds
        shown = [i for i in shown if rows[i].facts.entry.kind in kinds]
    if flt.expiring:
        limit = flt.limit
        if limit is None:
            return []
        shown = [i for i in shown if _expires_by(rows[i], limit)]
    if flt.words:
        texts = [rows[i].filter_text for i in shown]
        picked: Sequence[int] = range(len(shown))
        for word in flt.words:  # one tight pass per word over the rows still in
            picked = [k for k in picked if word in texts[k]]
        shown = [shown[k] for k in picked]
    return shown


def _expires_by(row: Row, limit: dt.datetime) -> bool:
    not_after = row.facts.expiry.not_after
    return not_after is not None and not_after <= limit


@dataclass(frozen=True)
class Runs:
    """How to go from one list of shown rows to another in place.

    ``removed``: (first, last) positions in the old list, highest first, to remove in
    that order; ``inserted``: (position, model rows) in the new list, lowest first, to
    insert in that order after the removals."""

    removed: list[tuple[int, int]]
    inserted: list[tuple[int, list[int]]]

    @property
    def count(self) -> int:
        return len(self.removed) + len(self.inserted)


def diff_runs(old: Sequence[int], new: Sequence[int]) -> Runs:
    """The runs of rows ``new`` (ascending) hides and adds against ``old`` (ascending)."""
    in_new, in_old = set(new), set(old)
    gone = _runs([p for p, row in enumerate(old) if row not in in_new])
    gone.reverse()
    added = _runs([p for p, row in enumerate(new) if row not in in_old])
    return Runs(gone, [(first, list(new[first : last + 1])) for first, last in added])


def _runs(positions: list[int]) -> list[tuple[int, int]]:
    """Ascending positions as runs of consecutive ones: (first, last) pairs."""
    if not positions:
        return []
    breaks = [i for i in range(1, len(positions)) if positions[i] != positions[i - 1] + 1]
    starts, ends = [0, *breaks], [*breaks, len(positions)]
    return [(positions[a], positions[b - 1]) for a, b in zip(starts, ends, strict=True)]
