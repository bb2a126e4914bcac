"""Connectivity tests: TLS probing of a server, missing issuers, the HTTP check.

Run one with ``from keymon.core.net.probe import probe``: :class:`ProbeRequest`
in, :class:`ProbeResult` out; a :class:`Cancellation` stops it from another
thread. (The function is not re-exported here, so that ``keymon.core.net.probe``
always names the module, and importing the result types does not load OpenSSL.)
"""

from keymon.core.net.result import (
    Cancellation,
    CancelToken,
    FetchedIssuer,
    ProbeCancelled,
    ProbeError,
    ProbeErrorKind,
    ProbeRequest,
    ProbeResult,
    Step,
    StepName,
)

__all__ = [
    "CancelToken",
    "Cancellation",
    "FetchedIssuer",
    "ProbeCancelled",
    "ProbeError",
    "ProbeErrorKind",
    "ProbeRequest",
    "ProbeResult",
    "Step",
    "StepName",
]
