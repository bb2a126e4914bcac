"""What a probe's result means as a whole, and judging it again after the trust changed.

``outcome`` says passed, failed, or a warning: the test ran without an error but did not
test everything the user asked for (a key pair was chosen, the server never asked for a
client certificate). ``rejudge`` re-decides trust for a result when the keystore's
trusted certificates changed, without the network.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from collections.abc import Sequence

from keymon.core.entries import CertInfo
from keymon.core.net.judge import judge, relevant
from keymon.core.net.result import ProbeErrorKind, ProbeResult
from keymon.core.text import QT_TRANSLATE_NOOP, Text

#: The error kinds a trust verdict causes (rejudging may remove or add one of them).
TRUST_KINDS = frozenset(
    {ProbeErrorKind.SERVER_UNTRUSTED, ProbeErrorKind.EXPIRED, ProbeErrorKind.HOSTNAME_MISMATCH}
)


class ProbeOutcome(enum.StrEnum):
    PASSED = "passed"
    WARNING = "warning"
    """No error, but the chosen key pair was not tested."""
    FAILED = "failed"


def client_untested(result: ProbeResult, client_given: bool) -> bool:
    """A key pair was chosen, but the server never asked for a client certificate."""
    return client_given and result.handshake_done and not result.client_certificate_requested


def outcome(result: ProbeResult, client_given: bool) -> ProbeOutcome:
    """Passed, failed, or a warning (see the module docstring)."""
    if result.error is not None:
        return ProbeOutcome.FAILED
    return ProbeOutcome.WARNING if client_untested(result, client_given) else ProbeOutcome.PASSED


def warning(result: ProbeResult, client_given: bool) -> Text | None:
    """The sentence of a WARNING outcome (None for any other outcome)."""
    if outcome(result, client_given) is not ProbeOutcome.WARNING:
        return None
    if result.trusted:
        template = QT_TRANSLATE_NOOP(
            "Probe",
            "Connected and trusted, but the server did not ask for a client certificate, "
            "so the key pair was not tested.",
        )
    else:
        template = QT_TRANSLATE_NOOP(
            "Probe",
            "Connected, but the server did not ask for a client certificate, "
            "so the key pair was not tested.",
        )
    return Text.of("Probe", template)


def rejudge(result: ProbeResult, trusted: Sequence[CertInfo], now: dt.datetime) -> ProbeResult:
    """``result`` with the keystore's verdict decided again against ``trusted``.

    No network: the chain as captured is judged again. A trust error goes when the
    chain is now trusted and comes when it no longer is; other errors stay as they are.
    """
    if not result.chain or result.trust_source != "keystore":
        return result
    from keymon.core.net.probe import trust_error  # (probe loads OpenSSL; so does this)

    name = result.server_name or result.host
    report = judge(result.chain, relevant(trusted, result.chain), name, now)
    changed = dataclasses.replace(result, keystore_report=report)
    error = result.error
    if error is None or error.kind in TRUST_KINDS:
        error = trust_error(changed)
    return dataclasses.replace(changed, error=error)
