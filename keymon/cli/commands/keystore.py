"""Reading keystores: `keymon list`, `show`, `expiring` and `export` (no Qt here)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from keymon.cli.keystores import integrity_note
from keymon.cli.listing import entry_details_json, entry_json, in_bulk, listing_json, rows
from keymon.cli.locations import describe, is_tenant, open_readable, tenant_fields
from keymon.cli.output import (
    not_the_keystore,
    now,
    print_json,
    print_table,
    print_text,
    write_public,
)
from keymon.cli.passwords import explicit_password, key_pair, prompter
from keymon.cli.registry import command
from keymon.core.errors import TenantError
from keymon.core.expiry import Status, entry_expiry
from keymon.core.keystore import Keystore

if TYPE_CHECKING:
    from keymon.cli.locations import Readable
    from keymon.core.sapci.location import TenantKeystore


@command("list")
def cmd_list(args: argparse.Namespace) -> int:
    with in_bulk(not is_tenant(args.keystore)):
        return _list(args)


def _list(args: argparse.Namespace) -> int:
    store = open_readable(args)
    if isinstance(store, Keystore):
        integrity_note(store)
    when = now()
    if args.json:  # a tenant's entries carry its fields too
        extra = None if isinstance(store, Keystore) else tenant_fields
        print_text(listing_json(list(store), when, args.days, extra))
        return 0
    count = f"{len(store)} entr{'y' if len(store) == 1 else 'ies'}"
    print(f"{describe(store)}, {count}")
    if len(store):
        headers = ["Alias", "Type", "Status", "Valid until", "Key", "Subject"]
        print_table(rows(list(store), when, args.days), headers)
    return 0


@command("show")
def cmd_show(args: argparse.Namespace) -> int:
    with in_bulk(not is_tenant(args.keystore)):
        return _show(args)


def _show(args: argparse.Namespace) -> int:
    store = open_readable(args)
    entry = store.get(args.alias)
    details = entry_details_json(entry, now(), args.days) | tenant_fields(entry)
    if args.json:
        print_json(details)
        return 0
    print(f"Alias:   {entry.alias}")
    print(f"Type:    {entry.kind.label}")
    if "status" in details:
        print(f"Status:  {details['status']}")
    if details.get("private_key", {}).get("own_password"):
        print("Key:     sealed with a password of its own (see --key-password-env)")
    if "owner" in details:  # a tenant entry
        _print_tenant_fields(details)
    for index, cert in enumerate(details.get("chain", [])):
        print(f"\nCertificate [{index + 1}/{len(details['chain'])}]")
        _print_certificate(cert)
    return 0


def _print_tenant_fields(details: dict[str, Any]) -> None:
    sap = " (SAP-owned: read-only)" if details.get("sap_owned") else ""
    print(f"Owner:   {details.get('owner') or '-'}{sap}")
    print(f"Created: {details.get('created_at') or '-'} by {details.get('created_by') or '-'}")
    print(f"Changed: {details.get('modified_at') or '-'} by {details.get('modified_by') or '-'}")
    if details.get("tenant_status"):
        print(f"On the tenant: {details['tenant_status']}")


def _print_certificate(cert: dict[str, Any]) -> None:
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


@command("expiring")
def cmd_expiring(args: argparse.Namespace) -> int:
    when = now()
    found: list[dict[str, Any]] = []
    opened: list[tuple[Path | None, Readable]] = []
    unreachable = []
    for path in args.keystores:
        try:
            store = open_readable(args, path)
        except TenantError as exc:  # one tenant down does not hide the others
            unreachable.append(unreachable_json(path, exc))
            continue
        opened.append((path, store))
        for entry in store:
            expiry = entry_expiry(entry, when, args.days)
            if expiry.status in (Status.EXPIRING, Status.EXPIRED):
                item = entry_json(entry, when, args.days) | tenant_fields(entry)
                item["keystore"] = str(path)  # the file or sapci: location
                found.append(item)
    found.sort(key=lambda item: item.get("chain_not_after") or "")
    if getattr(args, "ics", None) is not None:
        from keymon.core import ics, monitoring

        items = monitoring.collect(opened, when, args.days)
        data = ics.calendar(items, warning_days=args.days, now=when)
        from keymon.core.atomic import atomic_write

        atomic_write(args.ics, data, 0o644)
    for item in unreachable:
        print(f"keymon: {item['keystore']}: {item['error']}", file=sys.stderr)
    if args.json:
        print_json(unreachable + found)
    elif found:
        for item in found:
            print(
                f"{item['keystore']}: {item['alias']}: {item['status']} "
                f"({item['chain_not_after']}, {item['days_left']} days)"
            )
    else:
        others = " of the keystores read" if unreachable else ""
        print(f"No entry{others} expires within {args.days:g} days.")
    if unreachable:
        return TenantError.exit_code
    return 1 if found else 0


def unreachable_json(location: Path, exc: TenantError) -> dict[str, Any]:
    """What `expiring --json` says for a tenant it could not read (status "unreachable")."""
    return {
        "keystore": str(location),
        "alias": None,
        "status": "unreachable",
        "error": exc.message,
        "http_status": exc.status,
    }


@command("export")
def cmd_export(args: argparse.Namespace) -> int:
    from keymon.core.exporting import (
        ExportFormat,
        ExportKind,
        ExportRequest,
        export_entry,
        write_export,
    )
    from keymon.core.formats.protection import Pkcs12Protection

    store = open_readable(args)
    if not isinstance(store, Keystore):  # a tenant: public material only
        return _export_public(store, args)
    entry = key_pair(store, args, args.alias) if args.what == "key-pair" else store.get(args.alias)
    not_the_keystore(args.output, store)
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


def _export_public(store: TenantKeystore, args: argparse.Namespace) -> int:
    """A certificate, chain, root, public key or OpenSSH key of a tenant entry."""
    from keymon.core.exporting import ExportFormat, ExportKind, ExportRequest, export_entry
    from keymon.core.sapci.mapping import KeyOnTenant

    entry = store.get(args.alias)
    if args.what == "key-pair":
        raise KeyOnTenant(entry.alias)
    kind = ExportKind(args.what)
    fmt = ExportFormat(args.format) if args.format else None
    write_public(args.output, export_entry(entry, ExportRequest(kind, fmt)))
    print(f"Wrote {args.what.replace('-', ' ')} of {entry.alias!r} to {args.output}.")
    return 0
