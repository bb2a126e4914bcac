"""Where the reading subcommands read from: a keystore file, or a tenant (``sapci:PROFILE``).

`list`, `show`, `export` (public material), `expiring` and `diff` accept both. A
tenant is read through keymon.core.sapci (httpx), imported only when one is named.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from keymon.cli.keystores import open_keystore
from keymon.core.keystore import Keystore

if TYPE_CHECKING:
    from keymon.core.sapci.location import TenantKeystore

    Readable = Keystore | TenantKeystore

SCHEME = "sapci:"  # keymon.core.sapci.location.SCHEME, without importing httpx for files


def is_tenant(location: Path | str) -> bool:
    """``sapci:...`` names a tenant keystore; anything else a file."""
    return str(location).startswith(SCHEME)


def open_readable(args: argparse.Namespace, location: Path | None = None) -> Readable:
    """The keystore file or tenant keystore ``location`` (default: args.keystore), read."""
    location = location or args.keystore
    if is_tenant(location):
        from keymon.core.sapci.location import open_tenant_keystore

        return open_tenant_keystore(str(location))
    return open_keystore(args, location)


def describe(store: Readable) -> str:
    """``PATH: PKCS#12 keystore`` or ``sapci:prod: tenant keystore (system)``."""
    if isinstance(store, Keystore):
        return f"{store.path}: {store.format.label} keystore"
    return f"{store.label}: tenant keystore ({store.location.keystore})"


def tenant_fields(entry: object) -> dict[str, Any]:
    """What `list --json` adds for a tenant entry (owner, created/modified, status); {} else."""
    if getattr(entry, "tenant", None) is None:
        return {}
    from keymon.core.sapci.mapping import meta_json

    return meta_json(entry)
