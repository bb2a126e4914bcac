"""`keymon backups`: the saved versions of a keystore, and deleting them all."""

from __future__ import annotations

import argparse
import sys

from keymon.cli.output import print_json, print_table
from keymon.cli.registry import command
from keymon.core import storage
from keymon.core.errors import UsageError
from keymon.core.expiry import iso_z


@command("backups")
def cmd_backups(args: argparse.Namespace) -> int:
    if getattr(args, "purge", False):
        return _purge_backups(args)
    backups = storage.BackupStore(args.keystore).versions()
    if args.json:
        print_json(
            [
                {
                    "version": b.version,
                    "created": iso_z(b.created),
                    "size": b.size,
                    "entries": b.entries,
                }
                for b in backups
            ]
        )
        return 0
    if not backups:
        print(f"No backups of {args.keystore} yet.")
        return 0
    headers = ["Version", "Saved (UTC)", "Entries", "Size"]
    rows = [
        [
            str(b.version),
            b.created.strftime("%Y-%m-%d %H:%M:%S"),
            "?" if b.entries is None else str(b.entries),
            str(b.size),
        ]
        for b in backups
    ]
    print_table(rows, headers)
    return 0


def _purge_backups(args: argparse.Namespace) -> int:
    backups = storage.BackupStore(args.keystore)
    count = len(backups.versions())
    if count == 0:
        print(f"No backups of {args.keystore} to delete.")
        return 0
    if not args.yes:
        if not sys.stdin.isatty():
            raise UsageError("Deleting all backups needs confirmation: add --yes to do it anyway.")
        question = f"Delete all {count} backups of {args.keystore}? This cannot be undone [y/N] "
        if input(question).strip().lower() not in ("y", "yes"):
            print("Nothing was deleted.")
            return 0
    deleted = backups.purge()
    print(f"Deleted {deleted} backup{'' if deleted == 1 else 's'} of {args.keystore}.")
    return 0
