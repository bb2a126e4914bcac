"""`keymon tenant add|list|remove|test`: SAP Cloud Integration tenant profiles.

A profile lives in ``tenants.json`` without its secret; the secret (client secret,
client key or basic password) goes only to the system keyring. keymon.core.sapci
does the work; it is imported here only, so file commands never load httpx.
"""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from keymon.cli.output import print_json, print_table
from keymon.cli.passwords import explicit_password
from keymon.cli.registry import command
from keymon.core import storage
from keymon.core.errors import PasswordRequired, TenantError, UsageError

if TYPE_CHECKING:
    from keymon.core.sapci.profiles import NewProfile

FIELDS = ("api_url", "token_url", "client_id")


@command("tenant add")
def cmd_tenant_add(args: argparse.Namespace) -> int:
    from keymon.core.sapci.profiles import ProfileStore

    new = _new_profile(args)
    changes: dict[str, Any] = {"read_only": args.read_only}
    if args.ca_file is not None:
        storage.read_file(args.ca_file)  # exists and readable, or one clear sentence
        changes["ca_file"] = str(args.ca_file.expanduser().resolve())
    if args.proxy:
        changes["proxy"] = args.proxy
    new = dataclasses.replace(new, profile=dataclasses.replace(new.profile, **changes))
    profile = ProfileStore().save(new, replace=args.replace)
    print(
        f"Added tenant profile {profile.name!r} ({profile.root}, {profile.auth.value}); "
        f"its secret is in the system keyring. Use it as sapci:{profile.name}."
    )
    return 0


def _new_profile(args: argparse.Namespace) -> NewProfile:
    """From --service-key FILE, or from --api-url/--token-url/--client-id and a secret."""
    from keymon.core.sapci.profiles import AuthKind, NewProfile, TenantProfile, from_service_key

    typed = [f for f in FIELDS if getattr(args, f)]
    certificate = args.client_certificate is not None or args.client_key is not None
    if args.service_key is not None:
        if typed or args.basic or certificate:
            raise UsageError("Give either --service-key or the profile's fields, not both.")
        data, _ = storage.read_file(args.service_key)
        return from_service_key(args.name, data)
    if len(typed) != len(FIELDS):
        raise UsageError(
            "A tenant profile needs --service-key FILE, or --api-url, --token-url and --client-id."
        )
    profile = TenantProfile(args.name, args.api_url, args.token_url, args.client_id)
    if certificate:
        if args.client_certificate is None or args.client_key is None or args.basic:
            raise UsageError("A certificate login needs --client-certificate and --client-key.")
        chain = _pem_text(args.client_certificate, "CERTIFICATE")
        auth = AuthKind.CLIENT_CERTIFICATE
        profile = dataclasses.replace(profile, auth=auth, client_certificate=chain)
        return NewProfile(profile, _pem_text(args.client_key, "PRIVATE KEY"))
    if args.basic:
        profile = dataclasses.replace(profile, auth=AuthKind.BASIC)
    return NewProfile(profile, _secret(args))


def _pem_text(path: Path, label: str) -> str:
    """The PEM file's text; UsageError unless it holds a ``label`` block."""
    data, _ = storage.read_file(path)
    text = data.decode("ascii", errors="replace")
    if f"-----BEGIN {label}" not in text and f" {label}-----" not in text:
        raise UsageError(f"{path} holds no PEM {label.lower()}.")
    return text


def _secret(args: argparse.Namespace) -> str:
    secret = explicit_password(args, "secret-")
    if secret is None:
        if not sys.stdin.isatty():
            raise PasswordRequired("No secret given: use --secret-env VAR or --secret-file FILE.")
        secret = getpass.getpass(f"Secret of tenant profile {args.name!r}: ")
    if not secret:
        raise UsageError("The secret is empty; nothing was saved.")
    return secret


@command("tenant list")
def cmd_tenant_list(args: argparse.Namespace) -> int:
    from keymon.core.sapci.profiles import ProfileStore

    store = ProfileStore()
    profiles = list(store.load().values())
    rows = [
        {
            "name": p.name,
            "location": f"sapci:{p.name}",
            "api_url": p.root,
            "token_url": p.token_url,
            "client_id": p.client_id,
            "auth": p.auth.value,
            "read_only": p.read_only,
            "ca_file": p.ca_file,
            "proxy": p.proxy,
            "secret_in_keyring": store.secret(p) is not None,
        }
        for p in profiles
    ]
    if args.json:
        print_json(rows)
    elif not rows:
        print("No tenant profiles yet: `keymon tenant add NAME --service-key FILE` adds one.")
    else:
        headers = ["Name", "API", "Login", "Read-only", "Secret"]
        table = [
            [
                p.name,
                p.root,
                p.auth.value,
                "yes" if p.read_only else "no",
                "in keyring" if r["secret_in_keyring"] else "MISSING",
            ]
            for p, r in zip(profiles, rows, strict=True)
        ]
        print_table(table, headers)
    return 0


@command("tenant remove")
def cmd_tenant_remove(args: argparse.Namespace) -> int:
    from keymon.core.sapci.profiles import ProfileStore

    ProfileStore().remove(args.name)
    print(f"Removed tenant profile {args.name!r} and its secret.")
    return 0


@command("tenant test")
def cmd_tenant_test(args: argparse.Namespace) -> int:
    from keymon.core.sapci.check import tenant_test
    from keymon.core.sapci.location import connect
    from keymon.core.sapci.profiles import ProfileStore

    store = ProfileStore()
    with connect(store.get(args.name), store) as client:
        report = tenant_test(client)
    if args.json:
        print_json(
            {
                "profile": report.profile,
                "ok": report.ok,
                "steps": [dataclasses.asdict(s) for s in report.steps],
                "entries": report.entry_count,
                "missing_roles": list(report.missing_roles),
            }
        )
    else:
        print(f"Testing tenant profile {report.profile!r}")
        for step in report.steps:
            print(f"  {'✓' if step.ok else '✗'} {step.name:<6} {step.message}")
        if report.missing_roles:
            print(f"Missing roles: {', '.join(report.missing_roles)}")
        print(f"\nResult: {'OK' if report.ok else 'failed'}")
    return 0 if report.ok else TenantError.exit_code
