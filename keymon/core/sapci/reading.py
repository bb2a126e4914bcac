"""Read a whole tenant keystore into entries: one list call, then certificates concurrently.

The list carries no certificates, so each entry needs one more call (a key pair's
PKCS#7 chain, a trusted certificate's PEM). These run on a bounded pool; a cancel
token is checked before each call, and ``progress(done, total)`` is called after.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from typing import Any

from keymon.core.entries import CertInfo
from keymon.core.formats.kdf import CancelCheck
from keymon.core.sapci import api
from keymon.core.sapci.client import TenantClient
from keymon.core.sapci.mapping import TenantEntry, entry_alias, is_key_pair, to_entry

Progress = Callable[[int, int], None]
DEFAULT_CONCURRENCY = 8


def certificates_of(
    client: TenantClient, raw: dict[str, Any], keystore: str
) -> tuple[CertInfo, ...]:
    alias = entry_alias(raw)
    if is_key_pair(raw):
        leaf = raw.get("FingerprintSha256")
        return api.chain(
            client, alias, keystore, leaf_sha256=leaf if isinstance(leaf, str) else None
        )
    return (api.certificate(client, alias, keystore),)


def read_entries(
    client: TenantClient,
    keystore: str = api.SYSTEM,
    *,
    concurrency: int = DEFAULT_CONCURRENCY,
    cancel: CancelCheck | None = None,
    progress: Progress | None = None,
) -> list[TenantEntry]:
    """Every entry of ``keystore`` with its certificates, in the tenant's order."""
    raws = api.list_entries(client, keystore)
    total = len(raws)
    if cancel is not None:
        cancel.raise_if_cancelled()
    done = 0
    lock = threading.Lock()
    stop = threading.Event()

    def fetch(raw: dict[str, Any]) -> TenantEntry:
        nonlocal done
        if stop.is_set():
            raise _Stopped
        if cancel is not None:
            cancel.raise_if_cancelled()
        entry = to_entry(raw, certificates_of(client, raw, keystore), keystore)
        with lock:
            done += 1
            count = done
        if progress is not None:
            progress(count, total)
        return entry

    with ThreadPoolExecutor(max_workers=max(1, concurrency), thread_name_prefix="sapci") as pool:
        futures: list[Future[TenantEntry]] = [pool.submit(fetch, raw) for raw in raws]
        wait(futures, return_when=FIRST_EXCEPTION)
        failed = next((f for f in futures if f.done() and f.exception() is not None), None)
        if failed is not None:
            stop.set()  # the queued calls end at once
            for future in futures:
                future.cancel()
            error = failed.exception()
            assert error is not None
            raise error
    return [f.result() for f in futures]


class _Stopped(Exception):
    """A queued call that another call's failure made pointless."""
