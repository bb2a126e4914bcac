"""The connectivity panel's probe task stops when either the panel or the runner cancels."""

from __future__ import annotations

import threading

import pytest

from keymon.core.net import Cancellation, ProbeErrorKind, ProbeRequest, ProbeResult
from keymon.gui.views.probe_job import probe_job
from keymon.gui.workers import CancelToken
from tests.net.servers import PyServer, silent


@pytest.mark.parametrize("who", ["panel", "runner"])
def test_a_probe_waiting_on_a_silent_server_stops_on_either_cancel(who: str) -> None:
    panel, runner = Cancellation(), CancelToken()
    out: list[ProbeResult] = []
    with PyServer(silent) as server:
        request = ProbeRequest("127.0.0.1", server.port, sni="localhost", timeout=60.0)
        thread = threading.Thread(target=lambda: out.append(probe_job(request, panel, runner)))
        thread.start()
        assert server.accepted.wait(10)
        (panel if who == "panel" else runner).cancel()
        thread.join(30)  # far below the probe's own 60 s timeout
    assert not thread.is_alive()
    assert out and out[0].error is not None and out[0].error.kind is ProbeErrorKind.CANCELLED


def test_a_finished_probe_leaves_both_tokens_as_they_were() -> None:
    panel, runner = Cancellation(), CancelToken()
    runner.cancel()  # closing the window before the probe even started
    result = probe_job(ProbeRequest("127.0.0.1", 1, timeout=5.0), panel, runner)
    assert result.error is not None and result.error.kind is ProbeErrorKind.CANCELLED
    assert not panel.cancelled  # the panel's own token is not tripped by the runner's
