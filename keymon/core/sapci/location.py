"""``sapci:PROFILE[/KEYSTORE]`` locations and the read-only keystore view of a tenant."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from keymon.core.aliases import alias_key
from keymon.core.entries import Entry
from keymon.core.errors import AliasNotFound, PasswordRequired, UsageError
from keymon.core.formats.kdf import CancelCheck
from keymon.core.sapci import api
from keymon.core.sapci.client import TenantClient
from keymon.core.sapci.mapping import TenantEntry
from keymon.core.sapci.profiles import ProfileStore, TenantProfile, validate_name
from keymon.core.sapci.reading import DEFAULT_CONCURRENCY, Progress, read_entries

SCHEME = "sapci:"


@dataclass(frozen=True)
class TenantLocation:
    """A tenant keystore: a profile name and one of its keystores."""

    profile: str
    keystore: str = api.SYSTEM

    def __str__(self) -> str:
        suffix = "" if self.keystore == api.SYSTEM else f"/{self.keystore}"
        return f"{SCHEME}{self.profile}{suffix}"


def is_tenant_location(text: str) -> bool:
    return text.startswith(SCHEME)


def parse_location(text: str) -> TenantLocation:
    """``sapci:prod``, ``sapci:prod/KeyRenewal`` or ``sapci:prod/backup_admin_system``."""
    if not is_tenant_location(text):
        raise UsageError(f"{text!r} is not a tenant location (sapci:PROFILE).")
    profile, _, keystore = text[len(SCHEME) :].partition("/")
    validate_name(profile)
    keystore = keystore or api.SYSTEM
    by_lower = {k.lower(): k for k in api.KEYSTORES}
    if keystore.lower() not in by_lower:
        raise UsageError(
            f"A tenant has no keystore {keystore!r}; use system, KeyRenewal or backup_admin_system."
        )
    return TenantLocation(profile, by_lower[keystore.lower()])


class TenantKeystore:
    """A tenant keystore read once: the same reading surface as a file's Keystore, read-only."""

    read_only = True

    def __init__(self, location: TenantLocation, entries: list[TenantEntry]) -> None:
        self.location = location
        self._entries = {alias_key(e.alias): e for e in entries}
        self.path: Path | None = None
        self.notes: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return str(self.location)

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self._entries.values())

    def __contains__(self, alias: object) -> bool:
        return isinstance(alias, str) and self.find(alias) is not None

    @property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(self._entries.values())

    @property
    def aliases(self) -> list[str]:
        return [e.alias for e in self._entries.values()]

    def find(self, alias: str) -> Entry | None:
        return self._entries.get(alias_key(alias))

    def get(self, alias: str) -> Entry:
        entry = self.find(alias)
        if entry is None:
            raise AliasNotFound(alias)
        return entry


def connect(profile: TenantProfile, store: ProfileStore | None = None) -> TenantClient:
    """A client for ``profile`` with its secret from the keyring."""
    secret = (store or ProfileStore()).secret(profile)
    if secret is None:
        raise PasswordRequired(
            f"The secret of tenant profile {profile.name!r} is not in the system keyring; "
            "add the profile again."
        )
    return TenantClient(profile, secret)


def open_tenant_keystore(
    location: TenantLocation | str,
    *,
    store: ProfileStore | None = None,
    client: TenantClient | None = None,
    concurrency: int = DEFAULT_CONCURRENCY,
    cancel: CancelCheck | None = None,
    progress: Progress | None = None,
) -> TenantKeystore:
    """Read a tenant keystore (all entries with their chains) into a read-only view."""
    if isinstance(location, str):
        location = parse_location(location)
    store = store or ProfileStore()
    own = client is None
    client = client or connect(store.get(location.profile), store)
    try:
        entries = read_entries(
            client,
            location.keystore,
            concurrency=concurrency,
            cancel=cancel,
            progress=progress,
        )
    finally:
        if own:
            client.close()
    return TenantKeystore(location, entries)
