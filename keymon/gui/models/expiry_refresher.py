"""Refreshing the entries' expiry statuses exactly when the next one changes."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Slot

from keymon.core.expiry import utcnow
from keymon.gui.models.entries_model import EntriesModel


class ExpiryRefresher(QObject):
    """Refreshes the model exactly when the next status changes (XCA's timerMaintenance).

    The timer is rescheduled after every refresh and whenever rows change, and
    never sleeps longer than :attr:`MAX_INTERVAL_MS` so a suspended machine
    catches up soon after it wakes.
    """

    MAX_INTERVAL_MS = 60 * 60 * 1000
    MARGIN_MS = 20  # fire just after the boundary, not just before it

    def __init__(
        self,
        model: EntriesModel,
        parent: QObject | None = None,
        *,
        clock: Callable[[], dt.datetime] = utcnow,
    ) -> None:
        super().__init__(parent if parent is not None else model)
        self._model, self._clock = model, clock
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.refresh_now)
        self._running = False
        # New rows may have been derived before a boundary that has passed since.
        # (deferred: the reset itself already took its share of this event-loop turn)
        model.modelReset.connect(lambda: QTimer.singleShot(0, self, self.refresh_now))
        for signal in (model.rowsInserted, model.rowsRemoved, model.dataChanged):
            signal.connect(self.reschedule)
        model.timeChanged.connect(self.reschedule)

    @property
    def timer(self) -> QTimer:
        return self._timer

    def start(self) -> None:
        """Bring the model to the clock's time now, then follow it."""
        self._running = True
        self.refresh_now()

    def stop(self) -> None:
        self._running = False
        self._timer.stop()

    @Slot()
    def refresh_now(self) -> None:
        if self._running:
            self._model.refresh_time(self._clock())  # emits timeChanged → reschedule

    @Slot()
    def reschedule(self) -> None:
        if not self._running:
            return
        # Measured from the model's "now", so a row evaluated at an older time
        # than the clock's is caught up at once rather than skipped.
        model_now = self._model.now
        seconds = self._model.next_change_in(model_now)
        if seconds is None:
            interval = self.MAX_INTERVAL_MS
        else:
            due = model_now + dt.timedelta(seconds=seconds)
            remaining_ms = math.ceil((due - self._clock()).total_seconds() * 1000)
            interval = min(max(remaining_ms, 0) + self.MARGIN_MS, self.MAX_INTERVAL_MS)
        self._timer.start(interval)
