"""The seam between keystore backends and the code that prints them.

``list``/``show``/``export``/``expiring`` read a :class:`KeystoreView`: a file's
:class:`~keymon.core.keystore.Keystore` fits as it is, and so does a tenant's
:class:`~keymon.core.sapci.location.TenantKeystore` (read-only). :func:`open_view`
opens either from what the user typed; :func:`entry_fields` gives the extra
``list --json`` fields an entry's backend records (owner, created/modified by and
at, tenant status for tenant entries; none for files).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol

from keymon.core.entries import Entry


class KeystoreView(Protocol):
    """What printing code reads of a keystore."""

    @property
    def path(self) -> Path | None: ...

    @property
    def notes(self) -> tuple[str, ...]: ...

    @property
    def entries(self) -> tuple[Entry, ...]: ...

    @property
    def aliases(self) -> list[str]: ...

    def __len__(self) -> int: ...

    def __iter__(self) -> Iterator[Entry]: ...

    def find(self, alias: str) -> Entry | None: ...

    def get(self, alias: str) -> Entry: ...


def is_read_only(view: KeystoreView) -> bool:
    """A view that cannot be changed through keymon's file operations (a tenant)."""
    return bool(getattr(view, "read_only", False))


def entry_fields(entry: Entry) -> dict[str, Any]:
    """Extra ``list --json`` fields from the entry's backend (empty for file entries)."""
    from keymon.core.sapci.mapping import meta_json

    return meta_json(entry)


def open_view(
    location: str,
    password: str | None = None,
    ask: Callable[[Path], str] | None = None,
) -> KeystoreView:
    """A keystore file, or a tenant for ``sapci:PROFILE[/KEYSTORE]``."""
    from keymon.core.sapci.location import is_tenant_location, open_tenant_keystore

    if is_tenant_location(location):
        return open_tenant_keystore(location)
    from keymon.core.keystore import Keystore

    return Keystore.open(location, password, ask)
