"""`keymon genkey|csr|ca-reply sapci:PROFILE ...`: key pairs made and certified on a tenant.

The tenant generates the key (KeyPairGenerationRequests) and writes the request
(SigningRequest); the private key never leaves it. A CA reply is checked here
first (its leaf carries the entry's public key; the chain is shown) and only
then uploaded (CertificateChainResources).
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING

from keymon.cli.commands.tenant_guard import (
    NOTHING_SENT,
    SapOwned,
    entries_by_alias,
    namespace_has,
    refuse_reserved,
    writable,
)
from keymon.cli.output import note, now, write_public
from keymon.core import storage
from keymon.core.errors import AliasExists, AliasNotFound, UsageError

if TYPE_CHECKING:
    from keymon.core.sapci import api

# keymon's --signature names → the tenant's SignatureAlgorithm values (API.md shows
# "SHA-512/RSA" and "SHA-256/RSA"; the ECDSA spelling follows them (inferred)).
TENANT_SIGNATURES = {
    "rsa-sha256": "SHA-256/RSA",
    "rsa-sha384": "SHA-384/RSA",
    "rsa-sha512": "SHA-512/RSA",
    "ecdsa-sha256": "SHA-256/ECDSA",
    "ecdsa-sha384": "SHA-384/ECDSA",
    "ecdsa-sha512": "SHA-512/ECDSA",
}
CURVES = {"P-256": ("secp256r1", 256), "P-384": ("secp384r1", 384), "P-521": ("secp521r1", 521)}
CURVE_SIGNATURES = {"P-256": "SHA-256/ECDSA", "P-384": "SHA-384/ECDSA", "P-521": "SHA-512/ECDSA"}


def tenant_genkey(args: argparse.Namespace) -> int:
    """Ask the tenant to generate a key pair with a self-signed certificate."""
    from keymon.core.sapci import api

    target = writable(args.keystore, what="New key pairs")
    refuse_reserved([args.alias])
    if args.san:
        raise UsageError(f"A tenant's key pair request takes no --san ({NOTHING_SENT}).")
    request = _key_request(args)
    with target.client() as client:
        if args.alias.lower() in entries_by_alias(client):
            raise AliasExists(args.alias)
        api.generate_key_pair(client, request)
    kind = request.curve or f"{request.key_type} {request.key_size}"
    print(
        f"Generated {kind} key pair {args.alias!r} on {target.label} "
        f"(CN={request.common_name}), valid until {request.valid_not_after:%Y-%m-%d}."
    )
    return 0


def _key_request(args: argparse.Namespace) -> api.KeyPairRequest:
    from keymon.core.sapci import api
    from keymon.core.x509.templates import parse_subject

    subject = parse_subject(args.subject)
    if not subject.c:
        raise UsageError(f"A tenant needs the country in the subject (C=..) ({NOTHING_SENT}).")
    if args.key_type == "ed25519":
        raise UsageError(f"A tenant generates RSA, EC or DSA keys, not Ed25519 ({NOTHING_SENT}).")
    if args.key_type == "rsa":
        if args.curve:
            raise UsageError("--curve is for EC keys.")
        kind, size, curve = "RSA", args.key_size or 4096, None
        default_signature = "SHA-512/RSA"  # API.md: the tenant's default
    elif args.key_type == "dsa":
        if args.curve:
            raise UsageError("--curve is for EC keys.")
        kind, size, curve = "DSA", args.key_size or 2048, None
        default_signature = "SHA-256/DSA"  # the API's KeyType DSA; spelling as for RSA
    else:
        name = args.curve or "P-256"
        curve, size = CURVES[name]
        kind, default_signature = "EC", CURVE_SIGNATURES[name]
    signature = default_signature
    if args.signature:
        signature = TENANT_SIGNATURES.get(args.signature, "")
        if not signature or not signature.endswith("/" + ("ECDSA" if kind == "EC" else kind)):
            raise UsageError(
                f"A tenant cannot sign with {args.signature} for a {kind} key ({NOTHING_SENT})."
            )
    start = now()
    return api.KeyPairRequest(
        alias=args.alias,
        common_name=subject.cn,
        country=subject.c,
        key_type=kind,
        key_size=size,
        curve=curve,
        signature_algorithm=signature,
        organization=subject.o or None,
        organization_unit=subject.ou or None,
        locality=subject.l or None,
        state=subject.st or None,
        email=subject.email or None,
        valid_not_before=start,
        valid_not_after=start + dt.timedelta(days=args.days),
    )


def tenant_csr(args: argparse.Namespace) -> int:
    """Download the tenant's PKCS#10 request for one of its key pairs."""
    from keymon.core.sapci import api
    from keymon.core.sapci.location import connect, parse_location
    from keymon.core.sapci.mapping import is_key_pair
    from keymon.core.sapci.profiles import ProfileStore

    given = namespace_has(args, "subject", "san", "template", "signature")
    if given:
        options = ", ".join(f"--{n}" for n in given)
        raise UsageError(f"A tenant writes the request from the entry itself; drop {options}.")
    where = parse_location(str(args.keystore))
    store = ProfileStore()
    with connect(store.get(where.profile), store) as client:
        raw = entries_by_alias(client).get(args.alias.lower())
        if raw is None:
            raise AliasNotFound(args.alias)
        if not is_key_pair(raw):
            raise UsageError(f"The entry {args.alias!r} is not a key pair.")
        data = api.signing_request(client, args.alias)
    if b"CERTIFICATE REQUEST" not in data:
        raise UsageError(f"The tenant sent no certificate signing request for {args.alias!r}.")
    write_public(args.output, data)
    print(f"Wrote the certificate signing request of {args.alias!r} to {args.output}.")
    return 0


def tenant_ca_reply(args: argparse.Namespace) -> int:
    """Check a CA reply against the tenant key pair here, show the chain, then upload it."""
    from keymon.core.entries import CertificateEntry
    from keymon.core.sapci import api
    from keymon.core.sapci.location import open_tenant_keystore
    from keymon.core.sapci.mapping import TenantKeyPair
    from keymon.core.sapci.reply import plan_tenant_reply
    from keymon.core.x509.reply import load_reply

    target = writable(args.keystore, what="CA replies")
    refuse_reserved([args.alias])
    data, _ = storage.read_file(args.reply)
    certs = load_reply(data)
    with target.client() as client:
        tenant = open_tenant_keystore(target.label, store=target.store, client=client)
        entry = tenant.get(args.alias)
        if not isinstance(entry, TenantKeyPair):
            raise UsageError(f"The entry {entry.alias!r} is not a key pair.")
        if entry.sap_owned:
            raise SapOwned(entry.alias)
        known = [c for e in tenant for c in e.certificates]
        trusted = [e.cert for e in tenant if isinstance(e, CertificateEntry)]
        plan = plan_tenant_reply(entry, certs, known, trusted, now())
        print(f"The reply matches the key of {entry.alias!r}; the new chain:")
        for index, cert in enumerate(plan.chain):
            s = cert.summary
            print(f"  [{index + 1}] {s.subject} (until {s.not_after:%Y-%m-%d}, SHA-256 {s.sha256})")
        api.upload_ca_response(client, entry.alias, plan.chain, fingerprint_verified=True)
    n = len(plan.chain)
    print(
        f"Installed the CA reply in {entry.alias!r} on {target.label}: a chain of "
        f"{n} certificate{'s' if n != 1 else ''}."
    )
    if not plan.report.trusted:
        note(plan.report.message)
    return 0
