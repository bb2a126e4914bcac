"""OData v2 details of the Security Content API: Hexalias, dates, error bodies."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from keymon.core.errors import UsageError

_DATE = re.compile(r"/Date\((-?\d+)(?:([+-])(\d{2})(\d{2}))?\)/")


def hexalias(alias: str) -> str:
    """The Hexalias of an alias: hex of its UTF-8 bytes, upper case (as tenants answer)."""
    return alias.encode("utf-8").hex().upper()


def alias_of(hex_text: str) -> str:
    """The alias a Hexalias stands for (UsageError when it is not even-length hex UTF-8)."""
    if len(hex_text) % 2:
        raise UsageError(f"The Hexalias {hex_text!r} has an odd number of digits.")
    try:
        return bytes.fromhex(hex_text).decode("utf-8")
    except ValueError as exc:
        raise UsageError(f"The Hexalias {hex_text!r} is not hex-encoded UTF-8.") from exc


def parse_date(value: object) -> dt.datetime | None:
    """``/Date(ms)/`` or ``/Date(ms+0000)/`` as an aware UTC datetime; None when absent.

    The milliseconds are UTC in both forms; the offset only says how the server
    would show it, so it is not added.
    """
    if not isinstance(value, str):
        return None
    match = _DATE.fullmatch(value.strip())
    if match is None:
        return None
    return dt.datetime.fromtimestamp(int(match[1]) / 1000, dt.UTC)


def odata_date(when: dt.datetime) -> str:
    """A datetime as the ``/Date(ms)/`` form requests use."""
    return f"/Date({int(when.timestamp() * 1000)})/"


def results(body: Any) -> list[dict[str, Any]]:
    """The ``d.results`` list of an OData v2 answer (``d`` itself when it is a list)."""
    data = body.get("d") if isinstance(body, dict) else None
    if isinstance(data, dict):
        data = data.get("results", [])
    if not isinstance(data, list):
        return []
    return [item for item in data if isinstance(item, dict)]


def single(body: Any) -> dict[str, Any]:
    """The ``d`` object of an OData v2 answer (empty when missing)."""
    data = body.get("d") if isinstance(body, dict) else None
    return data if isinstance(data, dict) else {}


def error_message(body: Any) -> str:
    """The text of ``{"error": {"message": {"value": ...}}}`` (or an OAuth error), else ""."""
    if not isinstance(body, dict):
        return ""
    error = body.get("error")
    if isinstance(error, dict):
        message = error.get("message")
        if isinstance(message, dict):
            return str(message.get("value") or "")
        return str(message or error.get("code") or "")
    if isinstance(error, str):
        return str(body.get("error_description") or error)
    status = single(body).get("Status")  # 409: the entry with Status "notImported: ..."
    return str(status) if status else ""
