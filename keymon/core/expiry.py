"""Expiry status of entries: the earliest notAfter anywhere in the chain decides."""

from __future__ import annotations

import datetime as dt
import enum

from keymon.core.entries import CertInfo, Entry
from keymon.core.records import Record, put

DEFAULT_WARNING_DAYS = 30
DAY = dt.timedelta(days=1)


def days_left(not_after: dt.datetime, now: dt.datetime) -> int:
    """Whole days until ``not_after``, rounded up: the one rule for every day count shown.

    A 365-day certificate issued a second ago has 365 days left, one with an hour left has
    1, one that expired within the last day 0, and one that expired 5.5 days ago -5 (so
    "expired 5 days ago" and -5 agree). Exact to the microsecond, no floating point.
    """
    return -((now - not_after) // DAY)


def iso_z(t: dt.datetime) -> str:
    """ISO 8601 in UTC, whole seconds, ending in ``Z`` (naive times are taken as UTC)."""
    if t.tzinfo is not dt.UTC:  # (cryptography gives UTC)
        t = t.replace(tzinfo=dt.UTC) if t.tzinfo is None else t.astimezone(dt.UTC)
    # The date and the time of day (both naive) formatted apart: half the time of
    # isoformat(timespec="seconds") with its "+00:00" cut (3 times in each listed entry).
    return f"{t.date().isoformat()}T{t.time().isoformat('seconds')}Z"


def days_ago(not_after: dt.datetime, now: dt.datetime) -> int:
    """Whole days since ``not_after`` (0 on the first day after it): ``-days_left``."""
    return (now - not_after) // DAY


class Status(enum.StrEnum):
    VALID = "valid"
    EXPIRING = "expiring"
    EXPIRED = "expired"
    NOT_YET_VALID = "not_yet_valid"
    NONE = "none"  # secret keys: nothing expires


class Expiry(Record):
    status: Status
    not_after: dt.datetime | None  # the earliest notAfter in the chain
    decisive: CertInfo | None  # the certificate that decides
    FIELDS = ("status", "not_after", "decisive")
    COMPARED = FIELDS
    SHOWN = FIELDS

    def __init__(
        self, status: Status, not_after: dt.datetime | None, decisive: CertInfo | None
    ) -> None:
        put(self, "status", status)
        put(self, "not_after", not_after)
        put(self, "decisive", decisive)

    def days_left(self, now: dt.datetime) -> float | None:
        if self.not_after is None:
            return None
        return (self.not_after - now).total_seconds() / 86400


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


#: ``timedelta(days=warning_days)`` of :func:`entry_expiry` by warning_days (a few values).
_windows: dict[float, dt.timedelta] = {}


def entry_expiry(
    entry: Entry, now: dt.datetime | None = None, warning_days: float = DEFAULT_WARNING_DAYS
) -> Expiry:
    """Status of an entry from the earliest notAfter of any certificate in its chain."""
    certs = entry.certificates
    if not certs:
        return Expiry(Status.NONE, None, None)
    now = now or utcnow()
    if len(certs) == 1:  # most entries: no min() and any() over a chain
        decisive = certs[0]
        not_yet = decisive.summary.not_before > now
    else:
        decisive = min(certs, key=lambda c: c.summary.not_after)
        not_yet = any(c.summary.not_before > now for c in certs)
    not_after = decisive.summary.not_after
    if not_yet:
        status = Status.NOT_YET_VALID
    elif not_after <= now:
        status = Status.EXPIRED
    else:
        window = _windows.get(warning_days)
        if window is None:  # (made once: ~0.3 µs of each call)
            if len(_windows) > 64:
                _windows.clear()
            window = _windows[warning_days] = dt.timedelta(days=warning_days)
        status = Status.EXPIRING if not_after - now <= window else Status.VALID
    return Expiry(status, not_after, decisive)
