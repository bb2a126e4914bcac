"""The connectivity panel's probe as a task: core's probe with a cancel token that the
panel (Cancel, which shuts the socket down at once) or the runner (closing the window)
can trip.
"""

from __future__ import annotations

import socket

from keymon.core.net.result import Cancellation, ProbeCancelled, ProbeRequest, ProbeResult
from keymon.gui.workers import CancelToken


class _EitherCancel(Cancellation):
    """Cancelled by the panel (which shuts the socket down at once) or by the runner
    (closing the window: noticed within the probe's wait slice of 0.1 s)."""

    def __init__(self, panel: Cancellation, runner: CancelToken) -> None:
        super().__init__()
        self._panel, self._runner = panel, runner

    @property
    def cancelled(self) -> bool:
        return self._panel.cancelled or self._runner.cancelled

    def raise_if_cancelled(self) -> None:
        if self.cancelled:
            raise ProbeCancelled("The probe was cancelled.")

    def attach(self, sock: socket.socket) -> None:
        self._panel.attach(sock)

    def detach(self, sock: socket.socket) -> None:
        self._panel.detach(sock)


def probe_job(
    request: ProbeRequest, cancellation: Cancellation, cancel: CancelToken
) -> ProbeResult:
    from keymon.core.net.probe import probe  # loads OpenSSL: only when a probe runs

    return probe(request, _EitherCancel(cancellation, cancel))
