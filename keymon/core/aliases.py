"""Alias rules shared by every format: unique case-insensitively, suggested from a CN.

:class:`AliasAllocator` is the one place that hands out unique aliases: readers naming
the entries of a file, imports and merges avoiding the keystore's aliases, file names
in an archive.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_UNSAFE = re.compile(r"[\s/\\:]+")
_CONTROL = re.compile(r"[\x00-\x1f]")  # what validate_alias refuses


def alias_key(alias: str) -> str:
    """The form two aliases are compared in (JKS and keytool compare case-insensitively)."""
    return alias.casefold()


def alias_stem(base: str) -> str:
    """``base`` (usually a CN) as an alias: lowercase, spaces and slashes to dashes."""
    return (_UNSAFE.sub("-", base.strip().lower()).strip("-") or "entry")[:64]


class AliasAllocator:
    """Hands out aliases unique (case-insensitively) among the taken ones and its own."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self._used = {alias_key(a) for a in taken}

    def __contains__(self, alias: object) -> bool:
        return isinstance(alias, str) and alias_key(alias) in self._used

    def reserve(self, alias: str) -> str:
        """Mark ``alias`` as taken (even when it already is) and return it."""
        self._used.add(alias_key(alias))
        return alias

    def numbered(self, wanted: str) -> str:
        """``wanted`` as it is when free, else ``wanted-2``, ``wanted-3``… (not cleaned)."""
        candidate, n = wanted, 1
        while candidate in self:
            n += 1
            candidate = f"{wanted}-{n}"
        return self.reserve(candidate)

    def suggest(self, base: str) -> str:
        """A new alias from ``base``: its :func:`alias_stem`, then -2, -3… on a clash."""
        return self.numbered(alias_stem(base))

    def keep_or_suggest(self, wanted: str | None, base: str) -> str:
        """``wanted`` when given and free, else :meth:`suggest` from it (or from ``base``)."""
        if wanted and wanted not in self:
            return self.reserve(wanted)
        return self.suggest(wanted or base)


def suggest_alias(base: str, taken: Iterable[str]) -> str:
    """A unique alias from ``base`` (usually a CN): lowercase, spaces to dashes, -2, -3 on clash."""
    return AliasAllocator(taken).suggest(base)


def validate_alias(alias: str) -> str:
    """Strip and check an alias a user typed; returns it or raises UsageError."""
    from keymon.core.errors import UsageError

    cleaned = alias.strip()
    if not cleaned:
        raise UsageError("An alias cannot be empty.")
    if _CONTROL.search(cleaned):
        raise UsageError("An alias cannot contain control characters.")
    if len(cleaned) > 255:
        raise UsageError("An alias can be at most 255 characters long.")
    return cleaned
