"""Judging a server's chain: order as sent, trust by the keystore and by the system,
and which key pairs fit the server's acceptable client CA names.

Verdicts are memoised for a minute per (chain, relevant trusted certificates,
host name): probing the same server again, as a monitor or the GUI's "retry"
does, re-captures everything from the wire but does not re-run the path and
RFC 5280 profile checks. Only trusted certificates whose subject is a subject or
issuer on the chain can appear on a path, so only those are passed (and keyed).
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable, Sequence

from cryptography import x509

from keymon.core.entries import CertInfo, KeyPairEntry
from keymon.core.x509.chain import ChainReport, complete_chain, validate_chain
from keymon.core.x509.issuers import IssuerIndex

MAX_LISTED_PROBLEMS = 10
MEMO_SECONDS = 60.0
_MEMO_SIZE = 64
_MEMO: OrderedDict[tuple[object, ...], tuple[float, ChainReport]] = OrderedDict()
_MEMO_LOCK = threading.Lock()


def relevant(trusted: Iterable[CertInfo], chain: Sequence[CertInfo]) -> list[CertInfo]:
    """The trusted certificates that can be on a path of ``chain`` (lossless filter)."""
    index = IssuerIndex(trusted)
    found = {t for c in chain for t in index.named(c)}  # issuers, by raw or decoded name
    names = {n for c in chain for n in c.names if n is not None}
    return [t for t in trusted if t in found or t.names[1] in names]


def judge(
    chain: Sequence[CertInfo], trusted: Sequence[CertInfo], hostname: str, now: dt.datetime
) -> ChainReport:
    """``validate_chain`` for a server (``trusted`` already filtered by :func:`relevant`)."""
    key = (tuple(c.sha256 for c in chain), frozenset(t.sha256 for t in trusted), hostname)
    clock = time.monotonic()
    with _MEMO_LOCK:
        hit = _MEMO.get(key)
        if hit is not None and clock - hit[0] < MEMO_SECONDS:
            _MEMO.move_to_end(key)
            return hit[1]
    report = validate_chain(chain, trusted, now, purpose="server", hostname=hostname)
    with _MEMO_LOCK:
        _MEMO[key] = (clock, report)
        while len(_MEMO) > _MEMO_SIZE:
            _MEMO.popitem(last=False)
    return report


def order_problems(chain: Sequence[CertInfo], sent: int) -> tuple[str, ...]:
    """What is wrong with the order of the chain as sent (positions count from 1)."""
    problems = []
    for i in range(1, len(chain)):
        if chain[i] in chain[:i]:
            problems.append(f"certificate {i + 1} repeats an earlier certificate")
        elif not chain[i - 1].signed_by(chain[i]):
            problems.append(f"certificate {i + 1} does not issue certificate {i}")
    on_path = set(complete_chain(chain[:1], chain[1:]).certificates)
    for i, cert in enumerate(chain):
        if cert not in on_path:
            problems.append(
                f"certificate {i + 1} (“{cert.summary.subject_cn}”) is not on the leaf's path"
            )
    if len(problems) > MAX_LISTED_PROBLEMS:
        more = len(problems) - MAX_LISTED_PROBLEMS
        problems = [*problems[:MAX_LISTED_PROBLEMS], f"and {more} more"]
    from keymon.core.net.tls import MAX_CHAIN  # here: tls loads OpenSSL, start-up need not

    if sent > MAX_CHAIN:
        problems.append(f"the server sent {sent} certificates; only {MAX_CHAIN} were examined")
    return tuple(problems)


def matching_key_pairs(
    ca_names: Sequence[x509.Name], key_pairs: Sequence[KeyPairEntry], trusted: Sequence[CertInfo]
) -> tuple[str, ...]:
    """Aliases of the key pairs the server may accept: every one (a server picks any)."""
    names = set(ca_names)
    if not names:
        return ()
    pool = [*trusted, *(c for kp in key_pairs for c in kp.chain)]
    found = []
    for kp in key_pairs:
        if not kp.chain:
            continue
        if kp.chain[0].issuer_name in names or any(
            c.subject_name in names for c in complete_chain(kp.chain, pool).certificates
        ):
            found.append(kp.alias)
    return tuple(found)
