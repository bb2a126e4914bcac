"""The PKI subcommands: genkey, csr, ca-reply and sign-csr (thin calls into keymon.core)."""

from __future__ import annotations

import argparse

from keymon.cli.commands.tenant_guard import refuse_tenant
from keymon.cli.keystores import open_keystore, open_or_create, save
from keymon.cli.locations import is_tenant
from keymon.cli.output import not_the_keystore, note, now, write_public
from keymon.cli.passwords import key_pair
from keymon.cli.registry import command
from keymon.core import storage
from keymon.core.entries import KeyPairEntry
from keymon.core.errors import AliasExists, UsageError
from keymon.core.x509.ca import issued_bundle, sign_csr
from keymon.core.x509.csr import CsrInfo, CsrRequest, create_csr
from keymon.core.x509.keygen import (
    KeyPairRequest,
    KeySpec,
    SignatureChoice,
    generate_key_pair,
    key_kind,
)
from keymon.core.x509.reply import apply_reply, load_reply, plan_reply
from keymon.core.x509.templates import ExtensionSet, Template, parse_sans, parse_subject


def _signature(name: str | None) -> SignatureChoice | None:
    return None if name is None else SignatureChoice(name)


def _key_spec(args: argparse.Namespace) -> KeySpec:
    size, curve = args.key_size, args.curve
    if args.key_type == "dsa":
        raise UsageError(
            "keymon makes RSA, EC and Ed25519 key pairs in files; DSA only on a tenant (sapci:)."
        )
    if args.key_type == "rsa" and size is None:
        return KeySpec.rsa()
    if args.key_type == "ec" and curve is None and size is None:
        return KeySpec.ec()
    return KeySpec(args.key_type, size, curve)


def _template_extensions(name: str | None, entry: KeyPairEntry) -> ExtensionSet | None:
    if name is None:
        return None
    return Template(name).extensions(key_kind(entry.private_key) or "ec")


@command("genkey")
def cmd_genkey(args: argparse.Namespace) -> int:
    if is_tenant(args.keystore):
        from keymon.cli.commands.tenant_pki import tenant_genkey

        return tenant_genkey(args)
    spec = _key_spec(args)
    request = KeyPairRequest.create(
        args.alias,
        spec,
        parse_subject(args.subject),
        template=Template(args.template),
        sans=parse_sans(args.san or ()),
        days=args.days,
        signature=_signature(args.signature),
    )
    store = open_or_create(args)
    if request.alias in store:
        raise AliasExists(request.alias)  # before spending seconds on the key
    before = len(store)
    entry = generate_key_pair(request)
    store.add(entry)
    save(store, before)
    summary = entry.certificate.summary
    print(
        f"Generated {spec.label} key pair {entry.alias!r} ({summary.subject}), "
        f"valid until {summary.not_after:%Y-%m-%d}."
    )
    return 0


@command("csr")
def cmd_csr(args: argparse.Namespace) -> int:
    if is_tenant(args.keystore):
        from keymon.cli.commands.tenant_pki import tenant_csr

        return tenant_csr(args)
    store = open_keystore(args)
    entry = key_pair(store, args, args.alias)
    not_the_keystore(args.output, store)
    request = CsrRequest(
        subject=parse_subject(args.subject) if args.subject else None,
        sans=parse_sans(args.san) if args.san else None,
        extensions=_template_extensions(args.template, entry),
        signature=_signature(args.signature),
    )
    data = create_csr(entry, request)
    write_public(args.output, data)
    print(f"Wrote the certificate signing request of {entry.alias!r} to {args.output}.")
    return 0


@command("ca-reply")
def cmd_ca_reply(args: argparse.Namespace) -> int:
    if is_tenant(args.keystore):
        from keymon.cli.commands.tenant_pki import tenant_ca_reply

        return tenant_ca_reply(args)
    store = open_keystore(args)
    entry = key_pair(store, args, args.alias)
    data, _ = storage.read_file(args.reply)
    certs = load_reply(data)
    plan = plan_reply(entry, certs, store.certificates(), store.trusted_certificates(), now())
    before = len(store)
    store.replace(apply_reply(entry, plan))
    save(store, before)
    n, n_reply = len(plan.chain), len(plan.from_reply)
    print(
        f"Installed the CA reply in {entry.alias!r}: a chain of {n} certificate"
        f"{'s' if n != 1 else ''} ({n_reply} from the reply, {n - n_reply} from the keystore)."
    )
    if not plan.report.trusted:
        note(plan.report.message)
    return 0


@command("sign-csr")
def cmd_sign_csr(args: argparse.Namespace) -> int:
    refuse_tenant(args.keystore, "sign-csr", "the CA's private key must be in a local keystore")
    store = open_keystore(args)
    ca = key_pair(store, args, args.ca_alias)
    not_the_keystore(args.output, store)
    data, _ = storage.read_file(args.csr)
    csr = CsrInfo.load(data)
    result = sign_csr(
        ca,
        csr,
        days=args.days,
        template=Template(args.template),
        copy_requested=not args.ignore_requested_sans,
        now=now(),
        signature=_signature(args.signature),
    )
    bundle = issued_bundle(result.cert, ca.chain, with_chain=args.with_chain, fmt=args.format)
    write_public(args.output, bundle)
    for text in result.notes:
        note(text)
    summary = result.cert.summary
    print(
        f"Signed {summary.subject} with {ca.alias!r}, valid until {summary.not_after:%Y-%m-%d}; "
        f"wrote {args.output}."
    )
    return 0
