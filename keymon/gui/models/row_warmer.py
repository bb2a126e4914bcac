"""Making the rows' filter texts and sort keys in idle moments after a keystore is shown.

Rows make what they show, sort and filter by when first asked (see
:mod:`~keymon.gui.models.rows`), so a 10,000-entry keystore appears without making
them all. This warmer makes the rest in the GUI thread in slices of a few
milliseconds (a worker thread would contend for the GIL with painting), so the first
filter keystroke or click on a column header finds them ready. Nothing depends on it
having run: a row not yet prepared makes its values when asked.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal

from keymon.gui.models.entries_model import EntriesModel

#: How long one slice may run before the event loop gets its turn back.
SLICE_SECONDS = 0.004


class RowWarmer(QObject):
    """Prepares every row of ``model`` after each reset, slice by slice."""

    #: Every row of the model is prepared.
    finished = Signal()

    def __init__(self, model: EntriesModel, parent: QObject | None = None) -> None:
        super().__init__(parent if parent is not None else model)
        self._model = model
        self._next = 0
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.step)
        #: Every row was prepared and none has come since (a sort only reorders them).
        self._done = False
        for signal in (model.modelReset, model.rowsInserted):
            signal.connect(self.restart)
        model.layoutChanged.connect(self._reordered)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def restart(self) -> None:
        self._next, self._done = 0, False
        self._timer.start()

    def _reordered(self) -> None:
        if not self._done:
            self.restart()  # the rows not yet prepared may be anywhere now

    def step(self, budget: float = SLICE_SECONDS) -> None:
        """Prepare rows for about ``budget`` seconds (at least one row); stop when all are.

        The clock is read after each row: while a worker (Monitoring collecting, say)
        shares the GIL, a row can take milliseconds of wall time, and 64 rows between
        two looks at the clock made slices of 20-25 ms."""
        rows, clock = self._model.rows, time.perf_counter
        deadline = clock() + budget
        i, end = self._next, len(rows)
        while i < end:
            row = rows[i]
            i += 1
            if not row.prepared():
                row.prepare()
                if clock() > deadline:
                    break
        self._next = i
        if i >= end:
            self._done = True
            self._timer.stop()
            self.finished.emit()
