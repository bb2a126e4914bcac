"""Options of `keymon tenant backup|restore|history|activate` (commands/tenant_admin.py)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    Actions = argparse._SubParsersAction[argparse.ArgumentParser]


def add_tenant_admin_commands(actions: Actions) -> None:
    """The tenant actions that work on a tenant's keystores as a whole."""
    text = "Back up a tenant's system keystore (replaces its previous backup)."
    p = actions.add_parser("backup", help=text, description=text)
    p.add_argument("name", metavar="NAME")

    text = "Restore a tenant's system keystore from its backup (replaces every entry)."
    p = actions.add_parser("restore", help=text, description=text)
    p.add_argument("name", metavar="NAME")
    p.add_argument("--yes", action="store_true", help="restore without asking (for scripts)")

    text = "List a tenant's history: key pairs that were replaced or deleted."
    p = actions.add_parser("history", help=text, description=text)
    p.add_argument("name", metavar="NAME")
    p.add_argument("--json", action="store_true", help="print a JSON array")

    text = "Activate a renewal key pair (sapci:NAME/KeyRenewal): it replaces the system one."
    p = actions.add_parser("activate", help=text, description=text)
    p.add_argument("name", metavar="NAME")
    p.add_argument("alias", metavar="ALIAS")
