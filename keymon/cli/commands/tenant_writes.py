"""`keymon import|rename|delete sapci:PROFILE ...`: changing a tenant's system keystore.

keymon.cli.commands.editing hands a ``sapci:`` target to these functions. Every
check (read-only profile, SAP-owned alias, fingerprint, clash, --yes) happens
before the first request that changes anything; a refusal sends nothing.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from keymon.cli.commands.tenant_guard import (
    NOTHING_SENT,
    Target,
    confirmed,
    entries_by_alias,
    plural,
    refuse_reserved,
    refuse_sap_owned,
    writable,
)
from keymon.cli.passwords import explicit_password, prompter, unlock_entries
from keymon.core import storage
from keymon.core.entries import CertificateEntry, Entry, KeyPairEntry
from keymon.core.errors import AliasExists, AliasNotFound, PasswordRequired, TenantError, UsageError
from keymon.core.formats.detect import Format
from keymon.core.x509.extensions import colon_hex

if TYPE_CHECKING:
    from keymon.core.sapci.client import TenantClient

CERTIFICATE_LIMIT = 10 * 1024  # API.md: CertificateResources answers 413 over 10 kB


def tenant_import(args: argparse.Namespace) -> int:
    """A trusted certificate (fingerprint checked by the user) or every key pair of FILE."""
    target = writable(args.keystore, what="Imports")
    entries = _read_source(args)
    certs = [e for e in entries if isinstance(e, CertificateEntry)]
    keys = [e for e in entries if isinstance(e, KeyPairEntry)]
    if certs and keys:
        raise UsageError(
            f"{args.file} holds key pairs and trusted certificates; import them to a tenant "
            f"separately ({NOTHING_SENT})."
        )
    if args.on_clash == "rename":
        raise UsageError(f"A tenant cannot rename on a clash: use --alias ({NOTHING_SENT}).")
    if certs:
        return _import_certificate(args, target, certs)
    return _import_key_pairs(args, target, keys)


def _read_source(args: argparse.Namespace) -> list[Entry]:
    from keymon.core.formats.detect import load as load_any

    data, _ = storage.read_file(args.file)
    password = explicit_password(args, "source-")
    try:
        loaded = load_any(data, password)
    except PasswordRequired:
        loaded = load_any(data, prompter("source-", "Password")(args.file))
    if not loaded.entries:
        raise UsageError(f"{args.file} holds no certificate or key pair to import.")
    return list(loaded.entries)


def _import_certificate(
    args: argparse.Namespace, target: Target, certs: list[CertificateEntry]
) -> int:
    from cryptography.hazmat.primitives.serialization import Encoding

    from keymon.core.sapci import api

    if len(certs) != 1:
        raise UsageError(
            f"{args.file} holds {len(certs)} certificates; a tenant takes one trusted "
            f"certificate per import: split the file ({NOTHING_SENT})."
        )
    cert = certs[0].cert
    alias = args.alias or certs[0].alias
    refuse_reserved([alias])
    size = len(cert.cert.public_bytes(Encoding.PEM))
    if size > CERTIFICATE_LIMIT:
        raise UsageError(
            f"The certificate is {size:,} bytes as PEM; a tenant accepts at most 10 kB "
            f"({NOTHING_SENT})."
        )
    fingerprint = colon_hex(bytes.fromhex(cert.sha256))
    print(f"Certificate: {cert.summary.subject}")
    print(f"SHA-256 fingerprint: {fingerprint}")
    _check_fingerprint(args, cert.sha256)
    with target.client() as client:
        if args.on_clash != "overwrite" and alias.lower() in entries_by_alias(client):
            raise AliasExists(alias)
        api.add_trusted_certificate(
            client, alias, cert, fingerprint_verified=True, update=args.on_clash == "overwrite"
        )
    print(f"Imported trusted certificate {alias!r} into {target.label}.")
    return 0


def _check_fingerprint(args: argparse.Namespace, sha256: str) -> None:
    """--fingerprint must match; else a terminal user types yes after comparing."""
    if args.fingerprint:
        given = "".join(c for c in args.fingerprint if c not in ": ").lower()
        if given != sha256:
            raise UsageError(
                f"The certificate's SHA-256 fingerprint is not the one given with --fingerprint "
                f"({NOTHING_SENT})."
            )
        return
    question = "Does this fingerprint match the one you got from the certificate's owner?"
    if sys.stdin.isatty() and confirmed(question, False):
        return
    raise UsageError(
        "Compare the SHA-256 fingerprint above with the certificate owner's, then give it with "
        f"--fingerprint SHA256HEX ({NOTHING_SENT})."
    )


def _import_key_pairs(args: argparse.Namespace, target: Target, keys: list[KeyPairEntry]) -> int:
    opened = [e for e in unlock_entries(keys, args, Format.PKCS12) if isinstance(e, KeyPairEntry)]
    if args.alias:
        if len(opened) != 1:
            raise UsageError(
                f"--alias names one entry, but {args.file} holds {len(opened)} key pairs."
            )
        only = opened[0]
        opened = [KeyPairEntry(args.alias, only.private_key, only.chain, only.modified)]
    refuse_reserved(e.alias for e in opened)
    with target.client() as client:
        present = entries_by_alias(client)
        clashes = [e.alias for e in opened if e.alias.lower() in present]
        for alias in clashes:
            refuse_sap_owned(present[alias.lower()])
        if clashes and args.on_clash != "overwrite":
            raise UsageError(
                f"{target.label} has {', '.join(map(repr, clashes))} already: use "
                f"--on-clash overwrite or --alias ({NOTHING_SENT})."
            )
        done = _upload(client, opened, args.on_clash == "overwrite")
    for alias in done:
        print(f"Imported key pair {alias!r} into {target.label}.")
    return 0


def _upload(client: TenantClient, entries: list[KeyPairEntry], update: bool) -> list[str]:
    """Upload one key pair after the other; a refusal says which went up before it."""
    from keymon.core.sapci import api

    done: list[str] = []
    for entry in entries:
        try:
            done += api.upload_key_pairs(client, [entry], update=update)
        except TenantError as exc:
            if not done:
                raise
            raise TenantError(
                f"{exc.message.rstrip('.')}; uploaded before it: {', '.join(map(repr, done))}.",
                status=exc.status,
                detail=exc.detail,
            ) from exc
    return done


def tenant_rename(args: argparse.Namespace) -> int:
    from keymon.core.sapci import api

    target = writable(args.keystore, what="Renames")
    refuse_reserved([args.old, args.new])
    with target.client() as client:
        present = entries_by_alias(client)
        raw = present.get(args.old.lower())
        if raw is None:
            raise AliasNotFound(args.old)
        refuse_sap_owned(raw)
        if args.new.lower() in present and args.new.lower() != args.old.lower():
            raise AliasExists(args.new)
        api.rename(client, args.old, args.new)
    print(f"Renamed {args.old!r} to {args.new!r} on {target.label}.")
    print(f"Undo: keymon rename {target.label} {args.new} {args.old}")
    return 0


def tenant_delete(args: argparse.Namespace) -> int:
    from keymon.core.sapci import api
    from keymon.core.sapci.mapping import entry_alias, is_key_pair

    target = writable(args.keystore, what="Deletes")
    refuse_reserved(args.aliases)
    with target.client() as client:
        present = entries_by_alias(client)
        found = []
        for alias in dict.fromkeys(args.aliases):
            raw = present.get(alias.lower())
            if raw is None:
                raise AliasNotFound(alias)
            refuse_sap_owned(raw)
            found.append(raw)
        keys = [entry_alias(raw) for raw in found if is_key_pair(raw)]
        if keys:
            question = (
                f"Deleting key pair{'s' if len(keys) > 1 else ''} {', '.join(map(repr, keys))} "
                f"on {target.label} cannot be undone: the private key exists only there."
            )
            if not confirmed(question, args.yes):
                raise UsageError(
                    f"{question} Back the tenant up first (keymon tenant backup "
                    f"{target.profile.name}), then add --yes ({NOTHING_SENT})."
                )
        aliases = [entry_alias(raw) for raw in found]
        if len(aliases) == 1:
            api.delete(client, aliases[0])
        else:
            api.mass_delete(client, aliases)
    print(f"Deleted {plural(len(aliases), 'entry')} on {target.label}.")
    return 0
