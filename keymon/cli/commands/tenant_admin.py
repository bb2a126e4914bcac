"""`keymon tenant backup|restore|history|activate`: a tenant's keystores as a whole.

Backup copies ``system`` to ``backup_admin_system`` (replacing the previous
backup); restore makes the backup the system keystore and asks for --yes, naming
what it replaces. The history lists key pairs that were replaced or deleted;
activate makes a KeyRenewal key pair the system one (the old one goes to the
history). `keymon list sapci:P/KeyRenewal` shows the renewal keystore.
"""

from __future__ import annotations

import argparse
from typing import Any

from keymon.cli.commands.tenant_guard import (
    NOTHING_SENT,
    confirmed,
    plural,
    refuse_reserved,
    writable_profile,
)
from keymon.cli.output import print_json, print_table
from keymon.cli.registry import command
from keymon.core.errors import AliasNotFound, UsageError


@command("tenant backup")
def cmd_tenant_backup(args: argparse.Namespace) -> int:
    from keymon.core.sapci import api

    target = writable_profile(args.name)
    with target.client() as client:
        count = len(api.list_entries(client))
        api.backup(client)
    print(
        f"Backed up the {plural(count, 'entry')} of {target.label} to its backup keystore "
        f"(sapci:{args.name}/backup_admin_system; the previous backup was replaced)."
    )
    return 0


@command("tenant restore")
def cmd_tenant_restore(args: argparse.Namespace) -> int:
    from keymon.core.sapci import api

    target = writable_profile(args.name)
    with target.client() as client:
        now_count = len(api.list_entries(client))
        backup_count = len(api.list_entries(client, api.BACKUP))
        question = (
            f"Restoring replaces the {plural(now_count, 'entry')} of {target.label} with the "
            f"{plural(backup_count, 'entry')} of its backup."
        )
        if not confirmed(question, args.yes):
            raise UsageError(f"{question} Add --yes to do it ({NOTHING_SENT}).")
        api.restore(client)
    print(f"Restored {target.label} from its backup ({plural(backup_count, 'entry')}).")
    return 0


@command("tenant history")
def cmd_tenant_history(args: argparse.Namespace) -> int:
    from keymon.core.sapci import api
    from keymon.core.sapci.location import connect
    from keymon.core.sapci.profiles import ProfileStore

    store = ProfileStore()
    with connect(store.get(args.name), store) as client:
        items = [_history_json(raw) for raw in api.history(client)]
    if args.json:
        print_json(items)
    elif not items:
        print(f"sapci:{args.name} has no history entries.")
    else:
        headers = ["Alias", "Was", "Active from", "Active until", "Valid until", "Subject"]
        rows = [
            [
                i["alias"],
                i["original_alias"] or "-",
                _day(i["active_from"]),
                _day(i["active_until"]),
                _day(i["not_after"]),
                i["subject"] or "",
            ]
            for i in items
        ]
        print_table(rows, headers)
    return 0


def _history_json(raw: dict[str, Any]) -> dict[str, Any]:
    from keymon.core.sapci.mapping import entry_alias
    from keymon.core.sapci.odata import parse_date

    def iso(key: str) -> str | None:
        when = parse_date(raw.get(key))
        return when.strftime("%Y-%m-%dT%H:%M:%SZ") if when else None

    return {
        "alias": entry_alias(raw),
        "original_alias": raw.get("OriginalAlias"),
        "type": raw.get("Type"),
        "subject": raw.get("SubjectDN"),
        "not_after": iso("ValidNotAfter"),
        "active_from": iso("ActiveFrom"),
        "active_until": iso("ActiveUntil"),
        "activated_by": raw.get("ActivatedBy"),
        "deactivated_by": raw.get("DeactivatedBy"),
        "sequence": raw.get("ActivationSequenceNumber"),
        "sha256": raw.get("FingerprintSha256"),
    }


def _day(iso: str | None) -> str:
    return iso[:10] if iso else "-"


@command("tenant activate")
def cmd_tenant_activate(args: argparse.Namespace) -> int:
    from keymon.core.sapci import api
    from keymon.core.sapci.mapping import entry_alias

    target = writable_profile(args.name)
    refuse_reserved([args.alias])
    with target.client() as client:
        renewal = {entry_alias(r).lower(): r for r in api.list_entries(client, api.RENEWAL)}
        if args.alias.lower() not in renewal:
            raise AliasNotFound(args.alias)
        alias = entry_alias(renewal[args.alias.lower()])
        api.activate_renewal(client, alias)
    print(
        f"Activated the renewal key pair {alias!r} on {target.label}: it is now the system "
        "key pair; the one it replaced is in the history (keymon tenant history)."
    )
    return 0
