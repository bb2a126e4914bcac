"""What every write to a tenant checks before anything is sent, and how it connects.

A write goes to a tenant's ``system`` keystore only, through a profile that is
not read-only, and never touches an SAP-owned entry (API.md "Errors": reserved
aliases ``sap_*``, ``hcicertificate*``; Owner "SAP"). Each refusal is one
UsageError sentence (exit 2) saying that nothing was sent.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from keymon.core.errors import UsageError

if TYPE_CHECKING:
    from keymon.core.sapci.client import TenantClient
    from keymon.core.sapci.profiles import ProfileStore, TenantProfile

NOTHING_SENT = "nothing was sent"


class ReadOnlyTenant(UsageError):
    """The profile is marked read-only: keymon sends it no changes."""

    def __init__(self, name: str) -> None:
        super().__init__(
            f"Tenant profile {name!r} is read-only; {NOTHING_SENT} "
            f"(`keymon tenant add {name} --replace ...` without --read-only makes it writable)."
        )


class SapOwned(UsageError):
    """An SAP-owned entry: only SAP changes it."""

    def __init__(self, alias: str) -> None:
        super().__init__(
            f"The entry {alias!r} belongs to SAP (sap_*, hcicertificate* and Owner SAP are "
            f"reserved); {NOTHING_SENT}."
        )


@dataclass(frozen=True)
class Target:
    """A writable tenant: its profile and the profile store holding its secret."""

    profile: TenantProfile
    store: ProfileStore

    @property
    def label(self) -> str:
        return f"sapci:{self.profile.name}"

    @contextmanager
    def client(self) -> Iterator[TenantClient]:
        from keymon.core.sapci.location import connect

        with connect(self.profile, self.store) as client:
            yield client


def writable(location: object, *, what: str = "Changes") -> Target:
    """The tenant of ``sapci:PROFILE`` when it may be written (its system keystore only)."""
    from keymon.core.sapci import api
    from keymon.core.sapci.location import parse_location
    from keymon.core.sapci.profiles import ProfileStore

    where = parse_location(str(location))
    if where.keystore != api.SYSTEM:
        raise UsageError(
            f"{what} go to a tenant's system keystore (sapci:{where.profile}); "
            f"{where.keystore} is read here only ({NOTHING_SENT})."
        )
    return _target(where.profile, ProfileStore())


def writable_profile(name: str) -> Target:
    """The tenant profile ``name`` when it may be written."""
    from keymon.core.sapci.profiles import ProfileStore, validate_name

    return _target(validate_name(name), ProfileStore())


def _target(name: str, store: ProfileStore) -> Target:
    profile = store.get(name)
    if profile.read_only:
        raise ReadOnlyTenant(name)
    return Target(profile, store)


def refuse_reserved(aliases: Iterable[str]) -> None:
    """SapOwned for the first alias only SAP may change (sap_*, hcicertificate*)."""
    from keymon.core.sapci.mapping import is_reserved

    for alias in aliases:
        if is_reserved(alias):
            raise SapOwned(alias)


def entries_by_alias(client: TenantClient) -> dict[str, dict[str, Any]]:
    """The system keystore's entries as the tenant describes them, by lower-case alias."""
    from keymon.core.sapci import api
    from keymon.core.sapci.mapping import entry_alias

    return {entry_alias(raw).lower(): raw for raw in api.list_entries(client)}


def refuse_sap_owned(raw: dict[str, Any]) -> None:
    """SapOwned when the tenant names SAP as the entry's owner."""
    from keymon.core.sapci.mapping import SAP_OWNER, entry_alias

    if raw.get("Owner") == SAP_OWNER:
        raise SapOwned(entry_alias(raw))


def confirmed(question: str, given: bool) -> bool:
    """``given`` (--yes), else a typed "yes" on a terminal; False without a terminal."""
    if given:
        return True
    if not sys.stdin.isatty():
        return False
    try:
        return input(f"{question} Type yes to go on: ").strip().lower() == "yes"
    except EOFError:
        return False


def plural(count: int, word: str) -> str:
    """``1 entry``, ``2 entries``, ``3 key pairs``."""
    if count == 1:
        return f"1 {word}"
    return f"{count} {word[:-1]}ies" if word.endswith("y") else f"{count} {word}s"


def namespace_has(args: argparse.Namespace, *names: str) -> list[str]:
    """The options of ``names`` (dest names) that were given."""
    return [n for n in names if getattr(args, n, None) not in (None, False, [])]


def refuse_tenant(location: object, command: str, hint: str) -> None:
    """UsageError when a command that works on files only is given ``sapci:...``."""
    if str(location).startswith("sapci:"):
        raise UsageError(f"`keymon {command}` works on keystore files, not tenants; {hint}.")
