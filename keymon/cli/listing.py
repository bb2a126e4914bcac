"""What `keymon list`, `show` and `expiring` print: JSON-ready objects and table rows."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from keymon.core.compat import decoding_scope
from keymon.core.entries import Entry, KeyPairEntry, SecretKeyEntry, self_signed
from keymon.core.expiry import DEFAULT_WARNING_DAYS, Status, days_left, entry_expiry, iso_z


@contextmanager
def in_bulk(local: bool) -> Iterator[None]:
    """Around reading a whole local keystore (``local``) and printing it, then exiting.

    The garbage collector waits (what a listing builds lives until it ends, yet 10,000
    entries made the collector walk the growing heap ~500 times, 0.1 s) and every certificate
    is decoded in one :class:`~keymon.core.compat.decoding_scope`. A tenant is read with
    threads: no scope.
    """
    if not local:
        yield
        return
    enabled = gc.isenabled()
    gc.disable()
    try:
        with decoding_scope():
            yield
    finally:
        if enabled and not gc.get_freeze_count():  # (never undo someone else's freeze)
            gc.freeze()  # what was made meanwhile goes to the oldest generation, not the
            gc.unfreeze()  # youngest: enabling would walk it all at once (~50 ms)
        if enabled:
            gc.enable()


def entry_json(
    entry: Entry, now: dt.datetime, warning_days: float = DEFAULT_WARNING_DAYS
) -> dict[str, Any]:
    """One object of `keymon list --json` (the README documents these keys)."""
    cert = entry.certificate
    if cert is None:
        out: dict[str, Any] = {"alias": entry.alias, "type": entry.kind}
        out["modified"] = iso_z(entry.modified) if entry.modified else None
        if isinstance(entry, SecretKeyEntry):
            out.update(key_algorithm=entry.algorithm, key_size=len(entry.key) * 8)
            out["status"] = "none"
        return out
    # One dict display, not a dict updated by keywords (10,000 objects: ~10 ms).
    expiry = entry_expiry(entry, now, warning_days)
    until = expiry.not_after
    s = cert.summary
    not_after = iso_z(s.not_after)
    return {
        "alias": entry.alias,
        "type": entry.kind,
        "modified": iso_z(entry.modified) if entry.modified else None,
        "subject": s.subject,
        "issuer": s.issuer,
        "serial": s.serial_hex,
        "not_before": iso_z(s.not_before),
        "not_after": not_after,
        "sha1": s.sha1,
        "sha256": s.sha256,
        "key_algorithm": s.key_algorithm,
        "key_size": s.key_size,
        "curve": s.curve,
        "signature_algorithm": s.signature_algorithm,
        "is_ca": s.is_ca,
        "self_signed": self_signed(s),
        "chain_length": len(entry.certificates),
        "status": expiry.status.value,
        # another certificate of the chain may decide
        "chain_not_after": not_after if until is s.not_after else _iso(until),
        "days_left": None if until is None else days_left(until, now),  # rounded up
        "notes": list(cert.notes),
    }


def listing_json(
    entries: Sequence[Entry],
    now: dt.datetime,
    warning_days: float,
    extra: Callable[[Entry], dict[str, Any]] | None = None,
) -> str:
    """The text of `keymon list --json`: :func:`entry_json` of each entry, updated with
    ``extra(entry)`` if given; a long listing is made in two processes (cli/halves.py)."""
    from keymon.cli import halves, jsontext

    def render(part: Sequence[Entry]) -> str:
        objects = [entry_json(entry, now, warning_days) for entry in part]
        if extra is not None:
            for obj, entry in zip(objects, part, strict=True):
                obj.update(extra(entry))
        return jsontext.dumps(objects)

    return jsontext.join_arrays(halves.in_halves(entries, render))


def _iso(when: dt.datetime | None) -> str | None:
    return iso_z(when) if when else None


def entry_details_json(
    entry: Entry, now: dt.datetime, warning_days: float = DEFAULT_WARNING_DAYS
) -> dict[str, Any]:
    """`keymon show --json`: the summary plus every certificate of the chain in full."""
    from keymon.core.x509.info import certificate_json  # its decoders load for `show` only

    out = entry_json(entry, now, warning_days)
    out["chain"] = [certificate_json(c, now) for c in entry.certificates]
    if isinstance(entry, KeyPairEntry):
        from keymon.core.entries import key_description

        # A key sealed under its own password is described by its certificate's public key.
        key = entry.certificate.public_key if entry.locked else entry.private_key
        algorithm, size, curve = key_description(key)
        out["private_key"] = {
            "algorithm": algorithm,
            "size": size,
            "curve": curve,
            "own_password": entry.sealed is not None,  # keytool -keypass ≠ -storepass
        }
    return out


def rows(entries: list[Entry], now: dt.datetime, days: float) -> list[list[str]]:
    """The rows of `keymon list` (text): alias, type, status, valid until, key, subject."""
    out = []
    for entry in entries:
        expiry = entry_expiry(entry, now, days)
        cert = entry.certificate
        until = expiry.not_after.strftime("%Y-%m-%d") if expiry.not_after else ""
        subject = cert.summary.subject_cn if cert else ""
        label = cert.summary.key_label if cert else ""
        status = "" if expiry.status is Status.NONE else expiry.status.value
        out.append([entry.alias, entry.kind.label, status, until, label, subject])
    return out
