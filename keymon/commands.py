"""The command line's subcommands: thin calls into keymon.core (no Qt here)."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from keymon.core import secrets, storage
from keymon.core.entries import Entry
from keymon.core.errors import PasswordRequired, UsageError
from keymon.core.expiry import Status, entry_expiry
from keymon.core.formats.detect import Format
from keymon.core.formats.pkcs12_write import Pkcs12Protection
from keymon.core.keystore import Keystore
from keymon.core.listing import TYPE_LABELS, entry_details_json, entry_json
from keymon.core.locked import KeyLocked
from keymon.core.passwords import decode_password, require_encodable
from keymon.core.x509.info import iso_z

KEY_OPTION_HINT = "give it with --key-password-env or --key-password-file"
NO_KEY_HINT = (  # how to supply the keystore password
    "No password given: use --{prefix}password-env or --{prefix}password-file, "
    "or remember it in the system keyring."
)


def run(args: argparse.Namespace) -> int:
    name = f"cmd_{args.command.replace('-', '_')}"
    handler: Callable[[argparse.Namespace], int] | None = globals().get(name)
    if handler is None:  # genkey, csr, ca-reply, sign-csr
        from keymon import commands_pki

        handler = getattr(commands_pki, name)
    try:
        return handler(args)
    except KeyLocked as exc:  # say how to give the key password on the command line
        raise KeyLocked(exc.alias, wrong=exc.wrong, hint=KEY_OPTION_HINT) from exc


# -- passwords -------------------------------------------------------------------
def explicit_password(args: argparse.Namespace, prefix: str = "") -> str | None:
    """The password named by --PREFIXpassword-env / --PREFIXpassword-file, if any."""
    dest = prefix.replace("-", "_")
    var = getattr(args, f"{dest}password_env", None)
    file = getattr(args, f"{dest}password_file", None)
    if var:
        value = os.environ.get(var)
        if value is None:
            raise UsageError(f"The environment variable {var} is not set.")
        require_encodable(value)  # undecodable bytes arrive as lone surrogates
        return value
    if file:
        try:
            with open(file, "rb") as fh:
                line = fh.readline()
        except OSError as exc:
            raise UsageError(f"The password file {file} cannot be read ({exc.strerror}).") from exc
        return decode_password(line.rstrip(b"\r\n"))
    return None


def prompter(prefix: str = "", label: str = "Password") -> Callable[[Path], str]:
    def ask(path: Path) -> str:
        if not sys.stdin.isatty():
            raise PasswordRequired(NO_KEY_HINT.format(prefix=prefix))
        return getpass.getpass(f"{label} for {path}: ")

    return ask


def open_keystore(args: argparse.Namespace, path: Path | None = None) -> Keystore:
    path = path or args.keystore
    password = explicit_password(args)
    if password is None:
        password = secrets.get_password(path)
    store = Keystore.open(path, password, prompter())
    for note in store.notes:  # what the reader noticed about the file (PKCS#12 for now)
        print(f"keymon: note: {note}", file=sys.stderr)
    return store


def ensure_password(store: Keystore) -> None:
    """Saving JKS/PKCS#12 needs the password even if reading did not."""
    if store.password is None and store.format in (Format.PKCS12, Format.JKS):
        store.set_password(prompter()(store.path or Path("keystore")))


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _print_json(data: Any) -> None:
    # One write: json.dump writes each token (880,000 writes for 10,000 entries).
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


# -- reading ----------------------------------------------------------------------
def _table(rows: list[list[str]], headers: list[str]) -> None:
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]
    for row in [headers, *rows]:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


def _rows(entries: list[Entry], now: dt.datetime, days: float) -> list[list[str]]:
    rows = []
    for entry in entries:
        expiry = entry_expiry(entry, now, days)
        cert = entry.certificate
        until = expiry.not_after.strftime("%Y-%m-%d") if expiry.not_after else ""
        subject = cert.summary.subject_cn if cert else ""
        label = cert.summary.key_label if cert else ""
        status = "" if expiry.status is Status.NONE else expiry.status.value
        rows.append([entry.alias, TYPE_LABELS[entry.kind], status, until, label, subject])
    return rows


def _integrity_note(store: Keystore) -> None:
    if store.password is None and store.format in (Format.JKS, Format.JCEKS):
        print(
            "keymon: note: no password was given, so the keystore's integrity was not checked.",
            file=sys.stderr,
        )


def cmd_list(args: argparse.Namespace) -> int:
    store = open_keystore(args)
    _integrity_note(store)
    now = _now()
    if args.json:
        _print_json([entry_json(e, now, args.days) for e in store])
        return 0
    count = f"{len(store)} entr{'y' if len(store) == 1 else 'ies'}"
    print(f"{store.path}: {store.format.label} keystore, {count}")
    if len(store):
        headers = ["Alias", "Type", "Status", "Valid until", "Key", "Subject"]
        _table(_rows(list(store), now, args.days), headers)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    store = open_keystore(args)
    entry = store.get(args.alias)
    details = entry_details_json(entry, _now(), args.days)
    if args.json:
        _print_json(details)
        return 0
    print(f"Alias:   {entry.alias}")
    print(f"Type:    {TYPE_LABELS[entry.kind]}")
    if "status" in details:
        print(f"Status:  {details['status']}")
    if details.get("private_key", {}).get("own_password"):
        print("Key:     sealed with a password of its own (see --key-password-env)")
    for index, cert in enumerate(details.get("chain", [])):
        print(f"\nCertificate [{index + 1}/{len(details['chain'])}]")
        for key in ("subject", "issuer", "serial", "not_before", "not_after"):
            print(f"  {key.replace('_', ' ').capitalize():12} {cert[key]}")
        key_text = f"{cert['key_algorithm']} {cert.get('curve') or cert.get('key_size') or ''}"
        print(f"  {'Key':12} {key_text.strip()}")
        print(f"  {'Signature':12} {cert['signature_algorithm']}")
        print(f"  {'SHA-1':12} {cert['sha1']}")
        print(f"  {'SHA-256':12} {cert['sha256']}")
        for ext in cert.get("extensions", []):
            crit = " (critical)" if ext["critical"] else ""
            print(f"  {ext['name']}{crit}:")
            for value in ext["values"]:
                print(f"      {value}")
        for key in ("subject_der", "issuer_der"):
            if key in cert:
                print(f"  {key.replace('_der', '').capitalize()} (DER): {cert[key]}")
        if cert.get("notes"):
            print("  Notes:")
            for note in cert["notes"]:
                print(f"      {note}")
    return 0


def cmd_expiring(args: argparse.Namespace) -> int:
    now = _now()
    found: list[dict[str, Any]] = []
    opened: list[tuple[Path | None, Keystore]] = []
    for path in args.keystores:
        store = open_keystore(args, path)
        opened.append((path, store))
        for entry in store:
            expiry = entry_expiry(entry, now, args.days)
            if expiry.status in (Status.EXPIRING, Status.EXPIRED):
                item = entry_json(entry, now, args.days)
                item["keystore"] = str(path)
                found.append(item)
    found.sort(key=lambda item: item.get("chain_not_after") or "")
    if getattr(args, "ics", None) is not None:
        from keymon.core import ics, monitoring

        items = monitoring.collect(opened, now, args.days)
        data = ics.calendar(items, warning_days=args.days, now=now)
        storage.atomic_write(args.ics, data, 0o644)
    if args.json:
        _print_json(found)
    elif found:
        for item in found:
            print(
                f"{item['keystore']}: {item['alias']}: {item['status']} "
                f"({item['chain_not_after']}, {item['days_left']} days)"
            )
    else:
        print(f"No entry expires within {args.days:g} days.")
    return 1 if found else 0


def cmd_backups(args: argparse.Namespace) -> int:
    if getattr(args, "purge", False):
        return _purge_backups(args)
    backups = storage.BackupStore(args.keystore).versions()
    if args.json:
        _print_json(
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
    _table(rows, headers)
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


# -- changing -----------------------------------------------------------------------
def _save(store: Keystore, previous: int) -> None:
    ensure_password(store)
    note = storage.hard_link_note(store.path) if store.path else None
    store.save(previous_entries=previous)
    if note:
        print(f"keymon: note: {note}", file=sys.stderr)


def cmd_rename(args: argparse.Namespace) -> int:
    store = open_keystore(args)
    before = len(store)
    entry = store.rename(args.old, args.new)
    _save(store, before)
    print(f"Renamed {args.old!r} to {entry.alias!r}.")
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    store = open_keystore(args)
    before = len(store)
    removed = store.delete(args.aliases)
    _save(store, before)
    print(f"Deleted {len(removed)} entr{'y' if len(removed) == 1 else 'ies'}.")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    store = open_keystore(args)
    store.restore(args.version)
    print(f"Restored version {args.version} of {store.path} ({len(store)} entries).")
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    store = open_keystore(args)
    new = explicit_password(args, "new-")
    if new is None:
        if not sys.stdin.isatty():
            raise PasswordRequired(NO_KEY_HINT.format(prefix="new-"))
        new = getpass.getpass("New password: ")
        if getpass.getpass("Repeat the new password: ") != new:
            raise UsageError("The two passwords differ; nothing was changed.")
    before = len(store)
    store.change_password(new)
    _save(store, before)
    if args.remember or secrets.get_password(store.path or args.keystore) is not None:
        secrets.set_password(store.path or args.keystore, new)
    print("Password changed.")
    print(
        "keymon: note: the backups of this keystore still open with the old password; "
        f"`keymon backups {args.keystore} --purge` deletes them.",
        file=sys.stderr,
    )
    return 0


_EXTENSION_FORMATS = {".jks": Format.JKS, ".pem": Format.PEM, ".crt": Format.PEM}


def cmd_import(args: argparse.Namespace) -> int:
    from keymon.commands_keys import unlock_entries
    from keymon.core.formats.detect import load as load_any

    source_data, _ = storage.read_file(args.file)
    source_pw = explicit_password(args, "source-")
    try:
        loaded = load_any(source_data, source_pw)
    except PasswordRequired:
        loaded = load_any(source_data, prompter("source-", "Password")(args.file))
    if not loaded.entries:
        raise UsageError(f"{args.file} holds no certificate or key pair to import.")
    if args.keystore.exists():
        store = open_keystore(args)
    else:
        fmt = _EXTENSION_FORMATS.get(args.keystore.suffix.lower(), Format.PKCS12)
        password = explicit_password(args) or _new_password(args.keystore)
        store = Keystore([], fmt=fmt, path=args.keystore, password=password)
    before = len(store)
    entries = unlock_entries(loaded.entries, args, store.format)  # keys with their own password
    added = store.import_entries(entries, alias=args.alias, on_clash=args.on_clash)
    _save(store, before)
    for entry in added:
        print(f"Imported {TYPE_LABELS[entry.kind].lower()} {entry.alias!r}.")
    return 0


def _new_password(path: Path) -> str:
    if not sys.stdin.isatty():
        raise PasswordRequired(NO_KEY_HINT.format(prefix=""))
    first = getpass.getpass(f"Password for the new keystore {path}: ")
    if getpass.getpass("Repeat it: ") != first:
        raise UsageError("The two passwords differ; nothing was written.")
    return first


def cmd_convert(args: argparse.Namespace) -> int:
    from keymon.commands_keys import unlock_for_save

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


def cmd_export(args: argparse.Namespace) -> int:
    from keymon.commands_keys import key_pair
    from keymon.core.exporting import (
        ExportFormat,
        ExportKind,
        ExportRequest,
        export_entry,
        write_export,
    )

    store = open_keystore(args)
    entry = key_pair(store, args, args.alias) if args.what == "key-pair" else store.get(args.alias)
    if store.path is not None and args.output.resolve() == store.path.resolve():
        raise UsageError("The output file is the keystore itself.")
    out_pw = explicit_password(args, "out-")
    if args.what == "key-pair" and out_pw is None:
        out_pw = store.password
    if args.what == "key-pair" and not out_pw:
        out_pw = prompter("out-", "Password for the exported key pair")(args.output)
    kind = ExportKind(args.what)
    fmt = ExportFormat(args.format) if args.format else None
    request = ExportRequest(kind, fmt, out_pw, Pkcs12Protection.legacy_if(args.legacy))
    data = export_entry(entry, request)
    write_export(args.output, data, kind)  # a key pair is written 0600
    print(f"Wrote {args.what.replace('-', ' ')} of {entry.alias!r} to {args.output}.")
    return 0


from keymon.commands_probe import cmd_probe  # noqa: E402, F401  (run() finds it)
