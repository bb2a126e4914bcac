"""iso_z writes what isoformat(timespec="seconds") of the time in UTC writes, with a Z."""

from __future__ import annotations

import datetime as dt
import random
import zoneinfo

from keymon.core.expiry import iso_z


def _reference(t: dt.datetime) -> str:
    utc = (t.replace(tzinfo=dt.UTC) if t.tzinfo is None else t).astimezone(dt.UTC)
    return utc.replace(tzinfo=None).isoformat(timespec="seconds") + "Z"


def test_iso_z_on_random_times() -> None:
    rnd = random.Random(13)
    zones = [
        dt.UTC,
        None,
        dt.timezone(dt.timedelta(hours=5, minutes=30)),
        dt.timezone(dt.timedelta(hours=-8)),
        zoneinfo.ZoneInfo("UTC"),
    ]
    lo, hi = dt.datetime(2, 1, 1).toordinal(), dt.datetime(9998, 1, 1).toordinal()
    for _ in range(5000):
        day = dt.datetime.fromordinal(rnd.randrange(lo, hi))
        t = day + dt.timedelta(seconds=rnd.randrange(86400))
        t = t.replace(microsecond=rnd.choice([0, rnd.randrange(10**6)]))
        t = t.replace(tzinfo=rnd.choice(zones))
        assert iso_z(t) == _reference(t), repr(t)


def test_iso_z_pads_early_years_and_cuts_microseconds() -> None:
    assert iso_z(dt.datetime(33, 1, 2, 3, 4, 5, 999999, tzinfo=dt.UTC)) == "0033-01-02T03:04:05Z"
    assert iso_z(dt.datetime.max.replace(tzinfo=dt.UTC)) == "9999-12-31T23:59:59Z"
