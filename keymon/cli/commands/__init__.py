"""The subcommands, one module per concept; importing this package registers them all.

Each handler is ``@command("name")`` in :mod:`keymon.cli.registry`; ``handlers()``
is the complete table once this package is imported.
"""

from __future__ import annotations

from keymon.cli.commands import (
    backups,
    creating,
    diff,
    editing,
    keystore,
    pki,
    probe,
    tenant,
    tenant_admin,
)
from keymon.cli.registry import handlers

__all__ = ["MODULES", "handlers"]

MODULES = (backups, creating, diff, editing, keystore, pki, probe, tenant, tenant_admin)
