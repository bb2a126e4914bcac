"""Certificate expiry dates as an RFC 5545 iCalendar file.

One all-day VEVENT on the notAfter date (UTC) of each certificate, with a
display alarm a day before the certificate enters the warning window. UIDs are
``<sha256>@keymon``, so re-importing an updated calendar replaces events
instead of duplicating them.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable

from keymon.core.monitoring import MonitoredCertificate, keystore_label

PRODUCT = "-//keymon//keymon//EN"
MAX_OCTETS = 75  # per line, without the CRLF (RFC 5545 §3.1)
_POSITION = {"leaf": "leaf", "intermediate": "intermediate", "root": "root"}


def escape_text(value: str) -> str:
    r"""TEXT value escaping (RFC 5545 §3.3.11): ``\\``, ``\;``, ``\,`` and ``\n``."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> bytes:
    """One content line as UTF-8, folded at 75 octets, never inside a character."""
    data = line.encode("utf-8")
    parts: list[bytes] = []
    limit = MAX_OCTETS
    while len(data) > limit:
        cut = limit
        while cut > 0 and (data[cut] & 0xC0) == 0x80:  # a UTF-8 continuation byte
            cut -= 1
        parts.append(data[:cut])
        data = data[cut:]
        limit = MAX_OCTETS - 1  # continuation lines start with a space
    parts.append(data)
    return b"\r\n ".join(parts) + b"\r\n"


def _stamp(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _date(when: dt.date) -> str:
    return when.strftime("%Y%m%d")


def alarm_days(warning_days: float) -> int:
    """Days before the expiry date the alarm fires: a day ahead of the warning window."""
    return math.ceil(warning_days) + 1


def summary_text(item: MonitoredCertificate) -> str:
    if item.keystore is None:
        return f"Certificate {item.common_name} ({item.alias}) expires"
    where = f"{item.alias} in {keystore_label(item.keystore)}"
    return f"Certificate {item.common_name} ({where}) expires"


def description_text(item: MonitoredCertificate, also_in: Iterable[str] = ()) -> str:
    s = item.cert.summary
    lines = [
        f"Subject: {s.subject}",
        f"Issuer: {s.issuer}",
        f"Serial: {s.serial_hex}",
        f"SHA-256: {s.sha256}",
        f"Expires: {_stamp(item.not_after)}",
        f"Alias: {item.alias} ({_POSITION[item.role]}, position {item.position})",
        f"Keystore: {item.keystore if item.keystore is not None else '(not saved)'}",
    ]
    lines += [f"Also in: {other}" for other in also_in]
    return "\n".join(lines)


def calendar(
    items: Iterable[MonitoredCertificate],
    *,
    warning_days: float,
    now: dt.datetime,
    product: str = PRODUCT,
) -> bytes:
    """An iCalendar (VCALENDAR) with one event per distinct certificate of ``items``."""
    firsts: dict[str, MonitoredCertificate] = {}
    others: dict[str, list[str]] = {}
    for item in items:
        if item.sha256 in firsts:
            others[item.sha256].append(f"{item.keystore or '(not saved)'} ({item.alias})")
        else:
            firsts[item.sha256] = item
            others[item.sha256] = []
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{product}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Certificate expiry (keymon)",
    ]
    stamp = _stamp(now)
    before = alarm_days(warning_days)
    for sha256, item in firsts.items():
        day = item.not_after.astimezone(dt.UTC).date()
        summary = escape_text(summary_text(item))
        lines += [
            "BEGIN:VEVENT",
            f"UID:{sha256}@keymon",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{_date(day)}",
            f"DTEND;VALUE=DATE:{_date(day + dt.timedelta(days=1))}",
            f"SUMMARY:{summary}",
            f"DESCRIPTION:{escape_text(description_text(item, others[sha256]))}",
            "TRANSP:TRANSPARENT",
            "CATEGORIES:keymon,certificate expiry",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{summary}",
            f"TRIGGER;RELATED=START:-P{before}D",
            "END:VALARM",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return b"".join(fold(line) for line in lines)
