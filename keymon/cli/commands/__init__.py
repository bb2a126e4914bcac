"""The subcommands, one module per concept; ``handlers()`` imports them all.

Each handler is ``@command("name")`` in :mod:`keymon.cli.registry`; ``handlers()``
is the complete table. Running one subcommand imports only its own module
(:func:`keymon.cli.handler`), so this package imports none of them itself.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping

from keymon.cli import registry
from keymon.cli.registry import Handler

__all__ = ["MODULE_NAMES", "handlers"]

MODULE_NAMES = (
    "backups",
    "creating",
    "diff",
    "editing",
    "keystore",
    "pki",
    "probe",
    "tenant",
    "tenant_admin",
)


def handlers() -> Mapping[str, Handler]:
    """Every subcommand's handler by name (imports every command module)."""
    for name in MODULE_NAMES:
        importlib.import_module(f"{__name__}.{name}")
    return registry.handlers()
