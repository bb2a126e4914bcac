"""Expiry monitoring: every certificate of every chain, across several keystores.

`keymon expiring --ics`, the GUI's Monitoring view and its tray icon all work
from :func:`collect`, which flattens keystores into one list of
:class:`MonitoredCertificate` sorted by notAfter. A keystore is a file or a
tenant location (``sapci:PROFILE``, kept as a Path of that text).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from keymon.core.entries import CertInfo, Entry
from keymon.core.expiry import DEFAULT_WARNING_DAYS, Status, days_left
from keymon.core.keystore import Keystore

Role = Literal["leaf", "intermediate", "root"]

#: The settings key (GUI) under which the watched keystore paths are kept.
WATCH_KEY = "monitoring/watch"
#: The settings key (GUI) under which the watched tenant locations (sapci:NAME) are kept.
TENANT_WATCH_KEY = "monitoring/tenants"
TENANT_SCHEME = "sapci:"


def keystore_label(keystore: Path | None) -> str:
    """How a keystore is named in a row: a file's name, or the whole ``sapci:`` location."""
    if keystore is None:
        return ""
    text = str(keystore)
    return text if text.startswith(TENANT_SCHEME) else keystore.name


@dataclass(frozen=True)
class MonitoredCertificate:
    """One certificate of one keystore, where it first occurs and how soon it expires."""

    keystore: Path | None
    alias: str
    position: int  # 0 = the entry's own certificate (leaf)
    chain_length: int
    cert: CertInfo
    status: Status
    not_after: dt.datetime
    days_left: int  # expiry.days_left: whole days rounded up (0 or negative once expired)

    @property
    def sha256(self) -> str:
        return self.cert.sha256

    @property
    def common_name(self) -> str:
        return self.cert.summary.subject_cn

    @property
    def role(self) -> Role:
        """leaf, intermediate or root: a self-issued CA certificate is a root."""
        if self.cert.self_issued and (
            self.position > 0 or (self.chain_length == 1 and self.cert.summary.is_ca)
        ):
            return "root"
        if self.position == 0:
            return "leaf"
        return "intermediate"


def certificate_status(cert: CertInfo, now: dt.datetime, warning_days: float) -> Status:
    """Expiry status of a single certificate (its own validity period only)."""
    s = cert.summary
    if s.not_before > now:
        return Status.NOT_YET_VALID
    if s.not_after <= now:
        return Status.EXPIRED
    if s.not_after - now <= dt.timedelta(days=warning_days):
        return Status.EXPIRING
    return Status.VALID


def monitor_keystore(
    path: Path | None,
    store: Keystore | Iterable[Entry],
    now: dt.datetime,
    warning_days: float = DEFAULT_WARNING_DAYS,
) -> list[MonitoredCertificate]:
    """Every distinct certificate of one keystore (or its entries), in entry and chain order."""
    seen: set[bytes] = set()
    out: list[MonitoredCertificate] = []
    for entry in store:
        chain = entry.certificates
        for position, cert in enumerate(chain):
            if cert.der in seen:
                continue
            seen.add(cert.der)
            not_after = cert.summary.not_after
            status = certificate_status(cert, now, warning_days)
            if status is Status.EXPIRED or status is Status.EXPIRING:
                cert.sha256  # noqa: B018 - made here, in the worker: the tray asks for each
            out.append(
                MonitoredCertificate(
                    keystore=path,
                    alias=entry.alias,
                    position=position,
                    chain_length=len(chain),
                    cert=cert,
                    status=status,
                    not_after=not_after,
                    days_left=days_left(not_after, now),
                )
            )
    return out


def collect(
    stores: Iterable[tuple[Path | None, Keystore | Iterable[Entry]]],
    now: dt.datetime,
    warning_days: float = DEFAULT_WARNING_DAYS,
) -> list[MonitoredCertificate]:
    """Every certificate of every keystore, soonest notAfter first.

    Identical certificates are listed once per keystore (the first alias and
    position that holds them); the same certificate in two keystores is listed
    twice, since both files need attention.
    """
    items: list[MonitoredCertificate] = []
    for path, store in stores:
        items.extend(monitor_keystore(path, store, now, warning_days))
    items.sort(key=lambda m: (m.not_after, str(m.keystore or ""), m.alias, m.position))
    return items


def needing_attention(items: Sequence[MonitoredCertificate]) -> list[MonitoredCertificate]:
    """The expired and expiring certificates of ``items``, order kept."""
    return [m for m in items if m.status in (Status.EXPIRED, Status.EXPIRING)]


# -- the watch list ------------------------------------------------------------------
def parse_watch_list(value: object) -> list[Path]:
    """Watched keystore paths from a stored value (a string, a list, or nothing)."""
    if value is None or value == "":
        return []
    raw = (
        [value]
        if isinstance(value, str)
        else list(value)
        if isinstance(value, (list, tuple))
        else []
    )
    paths: list[Path] = []
    for item in raw:
        text = str(item).strip()
        if text and Path(text) not in paths:
            paths.append(Path(text))
    return paths


def add_to_watch_list(paths: Sequence[Path], path: Path) -> list[Path]:
    path = Path(path).absolute()
    return [*paths] if path in paths else [*paths, path]


def remove_from_watch_list(paths: Sequence[Path], path: Path) -> list[Path]:
    return [p for p in paths if p != Path(path)]


def parse_tenant_watch_list(value: object) -> list[str]:
    """Watched tenant locations (``sapci:NAME``) from a stored value; others are dropped."""
    raw = [value] if isinstance(value, str) else value if isinstance(value, (list, tuple)) else []
    locations: list[str] = []
    for item in raw:
        text = str(item).strip()
        named = text.startswith(TENANT_SCHEME) and len(text) > len(TENANT_SCHEME)
        if named and text not in locations:
            locations.append(text)
    return locations
