"""One rounding rule for day counts: days left are rounded up, days ago are whole days.

Issue 12 item 7: a 365-day certificate issued seconds ago showed "364 days left", and
the details said "Expired 2164 days ago" where Monitoring said -2165.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from keymon.core.entries import CertInfo, KeyPairEntry
from keymon.core.expiry import DAY, days_ago, days_left
from keymon.core.keystore import Keystore
from keymon.core.monitoring import collect
from keymon.core.x509.info import CertDetails
from tests import factory

NOW = factory.NOW
SECOND = dt.timedelta(seconds=1)
MICRO = dt.timedelta(microseconds=1)


@pytest.mark.parametrize(
    ("remaining", "expected"),
    [
        (365 * DAY, 365),
        (365 * DAY - SECOND, 365),  # issued a second ago: still 365 days left
        (364 * DAY + MICRO, 365),
        (364 * DAY, 364),
        (DAY + MICRO, 2),
        (DAY, 1),
        (MICRO, 1),  # the last moment of validity is one day left, not zero
        (dt.timedelta(0), 0),  # notAfter itself: expired, today
        (-MICRO, 0),
        (-DAY + MICRO, 0),  # expired less than a day ago
        (-DAY, -1),
        (-2164 * DAY - 12 * 3600 * SECOND, -2164),
        (-2165 * DAY + MICRO, -2164),
        (-2165 * DAY, -2165),
    ],
)
def test_days_left_rounds_up_at_the_boundaries(remaining: dt.timedelta, expected: int) -> None:
    assert days_left(NOW + remaining, NOW) == expected
    assert days_ago(NOW + remaining, NOW) == -expected  # "expired N days ago" agrees


def _entry(alias: str, not_before: dt.datetime, days: int) -> KeyPairEntry:
    key = factory.ec_key(4)
    cert = factory.make_cert(key, alias, not_before=not_before, days=days)
    return KeyPairEntry(alias=alias, private_key=key, chain=(CertInfo.from_cert(cert),))


def test_a_new_365_day_certificate_has_365_days_left_everywhere() -> None:
    issued = NOW - 5 * SECOND  # issued seconds ago
    entry = _entry("fresh", issued, 365)
    assert CertDetails.of(entry.chain[0], NOW).days_remaining == 365
    [item] = collect([(Path("a.p12"), Keystore([entry]))], NOW, 30)
    assert item.days_left == 365


def test_details_and_monitoring_agree_on_an_old_expiry() -> None:
    not_before = NOW - 2164 * DAY - 12 * 3600 * SECOND - 30 * DAY
    entry = _entry("old", not_before, 30)  # expired 2164.5 days ago
    details = CertDetails.of(entry.chain[0], NOW)
    [item] = collect([(None, Keystore([entry]))], NOW, 30)
    assert details.days_remaining == item.days_left == -2164
    assert days_ago(details.not_after, NOW) == 2164
