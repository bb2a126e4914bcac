"""Compare two keystores (tenant vs file, dev vs prod): what differs, by alias."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from keymon.core.aliases import alias_key
from keymon.core.entries import Entry
from keymon.core.expiry import entry_expiry


@dataclass(frozen=True)
class AliasDifference:
    """One alias on both sides whose certificate or expiry differs."""

    alias: str
    a_sha256: str | None
    b_sha256: str | None
    a_not_after: dt.datetime | None  # the earliest notAfter of the chain
    b_not_after: dt.datetime | None

    @property
    def certificate_differs(self) -> bool:
        return self.a_sha256 != self.b_sha256

    @property
    def expiry_differs(self) -> bool:
        return self.a_not_after != self.b_not_after


@dataclass(frozen=True)
class KeystoreDiff:
    only_in_a: tuple[str, ...]
    only_in_b: tuple[str, ...]
    different_certificate: tuple[AliasDifference, ...]
    different_expiry: tuple[AliasDifference, ...]  # same certificate, another chain expiry

    @property
    def same(self) -> bool:
        return not (
            self.only_in_a or self.only_in_b or self.different_certificate or self.different_expiry
        )


def _leaf(entry: Entry) -> str | None:
    cert = entry.certificate
    return cert.sha256 if cert is not None else None


def diff(a_entries: Iterable[Entry], b_entries: Iterable[Entry]) -> KeystoreDiff:
    """Entries only on one side, same alias with another certificate, another expiry.

    Aliases compare as keymon's keystores do (case-insensitively); each list keeps
    the order of ``a`` (then ``b`` for what is only there).
    """
    a = {alias_key(e.alias): e for e in a_entries}
    b = {alias_key(e.alias): e for e in b_entries}
    changed, expiry = [], []
    for key, left in a.items():
        right = b.get(key)
        if right is None:
            continue
        item = AliasDifference(
            left.alias,
            _leaf(left),
            _leaf(right),
            entry_expiry(left).not_after,
            entry_expiry(right).not_after,
        )
        if item.certificate_differs:
            changed.append(item)
        elif item.expiry_differs:
            expiry.append(item)
    return KeystoreDiff(
        only_in_a=tuple(e.alias for k, e in a.items() if k not in b),
        only_in_b=tuple(e.alias for k, e in b.items() if k not in a),
        different_certificate=tuple(changed),
        different_expiry=tuple(expiry),
    )
