"""Alias rules shared by every format: unique case-insensitively, suggested from a CN."""

from __future__ import annotations

import re
from collections.abc import Iterable

_UNSAFE = re.compile(r"[\s/\\:]+")


def alias_key(alias: str) -> str:
    """The form two aliases are compared in (JKS and keytool compare case-insensitively)."""
    return alias.casefold()


def suggest_alias(base: str, taken: Iterable[str]) -> str:
    """A unique alias from ``base`` (usually a CN): lowercase, spaces to dashes, -2, -3 on clash."""
    stem = _UNSAFE.sub("-", base.strip().lower()).strip("-") or "entry"
    stem = stem[:64]
    used = {alias_key(a) for a in taken}
    candidate, n = stem, 1
    while alias_key(candidate) in used:
        n += 1
        candidate = f"{stem}-{n}"
    return candidate


def validate_alias(alias: str) -> str:
    """Strip and check an alias a user typed; returns it or raises UsageError."""
    from keymon.core.errors import UsageError

    cleaned = alias.strip()
    if not cleaned:
        raise UsageError("An alias cannot be empty.")
    if any(ord(ch) < 32 for ch in cleaned):
        raise UsageError("An alias cannot contain control characters.")
    if len(cleaned) > 255:
        raise UsageError("An alias can be at most 255 characters long.")
    return cleaned
