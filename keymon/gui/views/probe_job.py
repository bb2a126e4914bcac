"""The connectivity panel's probe as a task: core's probe with a cancel token that the
panel (Cancel) or the runner (closing the window) can trip; either shuts the socket down.
"""

from __future__ import annotations

from keymon.core.net.result import Cancellation, ProbeRequest, ProbeResult
from keymon.gui.workers import CancelToken


def probe_job(
    request: ProbeRequest, cancellation: Cancellation, cancel: CancelToken
) -> ProbeResult:
    from keymon.core.net.probe import probe  # loads OpenSSL: only when a probe runs

    either = Cancellation(parent=cancellation)  # the panel's Cancel
    cancel.on_cancel(either.cancel)  # the runner's token: closing the window
    try:
        return probe(request, either)
    finally:
        cancel.forget(either.cancel)
        cancellation.forget(either.cancel)
