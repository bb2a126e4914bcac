"""Changing keystores: `keymon import`, `rename`, `delete`, `restore`, `passwd`, `convert`."""

from __future__ import annotations

import argparse
import getpass
import sys

from keymon.cli.commands.tenant_guard import refuse_tenant
from keymon.cli.keystores import open_keystore, open_or_create, save
from keymon.cli.locations import is_tenant
from keymon.cli.output import note
from keymon.cli.passwords import (
    ASK_OPTIONS_HINT,
    explicit_password,
    prompter,
    unlock_entries,
    unlock_for_save,
)
from keymon.cli.registry import command
from keymon.core import secrets, storage
from keymon.core.errors import PasswordRequired, UsageError
from keymon.core.formats.detect import Format
from keymon.core.formats.protection import Pkcs12Protection


@command("rename")
def cmd_rename(args: argparse.Namespace) -> int:
    if is_tenant(args.keystore):
        from keymon.cli.commands.tenant_writes import tenant_rename

        return tenant_rename(args)
    store = open_keystore(args)
    before = len(store)
    entry = store.rename(args.old, args.new)
    save(store, before)
    print(f"Renamed {args.old!r} to {entry.alias!r}.")
    return 0


@command("delete")
def cmd_delete(args: argparse.Namespace) -> int:
    if is_tenant(args.keystore):
        from keymon.cli.commands.tenant_writes import tenant_delete

        return tenant_delete(args)
    store = open_keystore(args)
    before = len(store)
    removed = store.delete(args.aliases)
    save(store, before)
    print(f"Deleted {len(removed)} entr{'y' if len(removed) == 1 else 'ies'}.")
    return 0


@command("restore")
def cmd_restore(args: argparse.Namespace) -> int:
    refuse_tenant(args.keystore, "restore", "for a tenant's backup use `keymon tenant restore`")
    store = open_keystore(args)
    store.restore(args.version)
    print(f"Restored version {args.version} of {store.path} ({len(store)} entries).")
    return 0


@command("passwd")
def cmd_passwd(args: argparse.Namespace) -> int:
    refuse_tenant(args.keystore, "passwd", "a tenant keystore has no password here")
    store = open_keystore(args)
    new = explicit_password(args, "new-")
    if new is None:
        if not sys.stdin.isatty():
            raise PasswordRequired(ASK_OPTIONS_HINT.format(prefix="new-"))
        new = getpass.getpass("New password: ")
        if getpass.getpass("Repeat the new password: ") != new:
            raise UsageError("The two passwords differ; nothing was changed.")
    before = len(store)
    store.change_password(new)
    save(store, before)
    if args.remember or secrets.get_password(store.path or args.keystore) is not None:
        secrets.set_password(store.path or args.keystore, new)
    print("Password changed.")
    note(
        "the backups of this keystore still open with the old password; "
        f"`keymon backups {args.keystore} --purge` deletes them."
    )
    return 0


@command("import")
def cmd_import(args: argparse.Namespace) -> int:
    if is_tenant(args.keystore):
        from keymon.cli.commands.tenant_writes import tenant_import

        return tenant_import(args)
    from keymon.core.formats.detect import load as load_any

    source_data, _ = storage.read_file(args.file)
    source_pw = explicit_password(args, "source-")
    try:
        loaded = load_any(source_data, source_pw)
    except PasswordRequired:
        loaded = load_any(source_data, prompter("source-", "Password")(args.file))
    if not loaded.entries:
        raise UsageError(f"{args.file} holds no certificate or key pair to import.")
    store = open_or_create(args)
    before = len(store)
    entries = unlock_entries(loaded.entries, args, store.format)  # keys with their own password
    added = store.import_entries(entries, alias=args.alias, on_clash=args.on_clash)
    save(store, before)
    for entry in added:
        print(f"Imported {entry.kind.label.lower()} {entry.alias!r}.")
    return 0


@command("convert")
def cmd_convert(args: argparse.Namespace) -> int:
    refuse_tenant(args.keystore, "convert", "`keymon export` writes a tenant entry's certificate")
    store = open_keystore(args)
    target_fmt = Format(args.to)
    password = explicit_password(args, "target-")
    if password is None:
        password = store.password
    if password is None and target_fmt is not Format.PEM:
        password = prompter("target-", "Target password")(args.target)
    if args.target.exists() and not args.force:
        raise UsageError(f"{args.target} exists already; use --force to replace it.")
    if args.target.resolve() == args.keystore.resolve():
        raise UsageError("SOURCE and TARGET are the same file.")
    store.set_protection(Pkcs12Protection.legacy_if(args.legacy))
    unlock_for_save(store, args, target_fmt)  # keys with their own password
    store.save_as(args.target, target_fmt, password, overwrite=args.force)
    print(f"Wrote {len(store)} entries to {args.target} ({target_fmt.label}).")
    return 0
