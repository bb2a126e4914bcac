"""Options of the PKI and probe subcommands (see :func:`keymon.cli.parser.build_parser`)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from keymon.cli.options import key_password_options, password_options
from keymon.cli.parser_tenant import add_tenant_admin_commands

if TYPE_CHECKING:
    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]


def add_probe_command(sub: Subparsers) -> None:
    text = "Test a TLS connection: handshake, server chain and trust, client certificate."
    p = sub.add_parser("probe", help=text, description=text)
    p.add_argument("target", metavar="HOST[:PORT]", help="server to test (port 443 by default)")
    p.add_argument("--sni", metavar="NAME", help="server name to send (default: HOST)")
    p.add_argument("--timeout", type=float, default=10.0, metavar="S", help="overall (default 10)")
    p.add_argument("--proxy", metavar="http://H:P", help="connect through an HTTP CONNECT proxy")
    p.add_argument("--keystore", type=Path, metavar="K", help="judge trust by K; its key pairs")
    password_options(p, what="keystore ")
    p.add_argument("--client-alias", metavar="A", help="present key pair A of the keystore")
    key_password_options(p)
    p.add_argument("--no-verify", action="store_true", help="do not require a trusted server")
    p.add_argument("--http-path", metavar="/PATH", help="then send GET /PATH on the connection")
    p.add_argument("--json", action="store_true", help="print a JSON object")


TEMPLATES = ("tls-client", "tls-server", "ca")
SIGNATURES = (
    "rsa-sha256",
    "rsa-sha384",
    "rsa-sha512",
    "rsa-pss-sha256",
    "rsa-pss-sha384",
    "rsa-pss-sha512",
    "ecdsa-sha256",
    "ecdsa-sha384",
    "ecdsa-sha512",
    "ed25519",
)
SIG_HELP = (
    f"signature algorithm: {', '.join(SIGNATURES)} "
    "(default: rsa-sha256 for RSA, by the curve for EC)"
)
SAN_HELP = "subject alternative name: DNS:host, IP:addr, email:addr or URI:uri (repeatable)"


def add_pki_commands(cmd: Callable[..., argparse.ArgumentParser]) -> None:
    """genkey, csr, ca-reply, sign-csr (keymon/cli/commands/pki.py)."""
    _add_genkey(cmd)
    _add_certificate_requests(cmd)


def _add_genkey(cmd: Callable[..., argparse.ArgumentParser]) -> None:
    p = cmd(
        "genkey",
        "Generate a key pair with a self-signed certificate (KEYSTORE created if missing).",
    )
    p.add_argument("--alias", required=True)
    p.add_argument("--key-type", required=True, choices=("rsa", "ec", "ed25519", "dsa"))
    p.add_argument(
        "--key-size", type=int, metavar="N", help="RSA: 2048, 3072 (default), 4096, 8192"
    )
    p.add_argument("--curve", choices=("P-256", "P-384", "P-521"), help="EC (default P-256)")
    p.add_argument("--subject", required=True, metavar="DN", help='e.g. "CN=host,O=Example,C=DE"')
    p.add_argument("--san", action="append", metavar="SAN", help=SAN_HELP)
    p.add_argument("--days", type=int, default=365, help="validity in days (default 365)")
    p.add_argument("--template", choices=TEMPLATES, default="tls-client", help="default tls-client")
    p.add_argument("--signature", choices=SIGNATURES, metavar="SIG", help=SIG_HELP)


def _add_certificate_requests(cmd: Callable[..., argparse.ArgumentParser]) -> None:
    p = cmd("csr", "Write a certificate signing request (PKCS#10) for a key pair.")
    p.add_argument("alias", metavar="ALIAS")
    p.add_argument("--subject", metavar="DN", help="default: the certificate's subject")
    p.add_argument(
        "--san", action="append", metavar="SAN", help=f"{SAN_HELP}; default: the certificate's"
    )
    p.add_argument(
        "--template", choices=TEMPLATES, help="requested extensions (default: the certificate's)"
    )
    p.add_argument("--signature", choices=SIGNATURES, metavar="SIG", help=SIG_HELP)
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    key_password_options(p)

    p = cmd("ca-reply", "Install a CA reply (certificate, chain or PKCS#7) in a key pair.")
    p.add_argument("alias", metavar="ALIAS")
    p.add_argument("reply", metavar="REPLY_FILE", type=Path)
    key_password_options(p)

    p = cmd("sign-csr", "Sign a certificate signing request with a CA key pair.")
    p.add_argument("ca_alias", metavar="CA_ALIAS")
    p.add_argument("csr", metavar="CSR_FILE", type=Path)
    p.add_argument("--days", type=int, default=365, help="validity in days (default 365)")
    p.add_argument("--template", choices=TEMPLATES, default="tls-client", help="default tls-client")
    p.add_argument(
        "--ignore-requested-sans", action="store_true", help="do not copy the request's SANs"
    )
    p.add_argument("--with-chain", action="store_true", help="add the CA's chain to the output")
    p.add_argument("--format", choices=("pem", "p7b"), default="pem")
    p.add_argument("--signature", choices=SIGNATURES, metavar="SIG", help=SIG_HELP)
    p.add_argument("-o", "--output", required=True, type=Path, metavar="CERT_FILE")
    key_password_options(p)


def add_tenant_commands(sub: Subparsers) -> None:
    """tenant add|list|remove|test and diff (keymon/cli/commands/tenant.py)."""
    text = "Manage SAP Cloud Integration tenant profiles (secrets stay in the system keyring)."
    tenant = sub.add_parser("tenant", help=text, description=text)
    actions = tenant.add_subparsers(dest="subcommand", metavar="ACTION", required=True)

    text = "Add a tenant profile from a service key JSON, or from its fields."
    p = actions.add_parser("add", help=text, description=text)
    p.add_argument("name", metavar="NAME", help="used in locations: sapci:NAME")
    p.add_argument("--service-key", type=Path, metavar="FILE", help="service key JSON (BTP)")
    p.add_argument("--api-url", metavar="URL", help="the service key's url (without a key)")
    p.add_argument("--token-url", metavar="URL", help="OAuth token URL (without a key)")
    p.add_argument("--client-id", metavar="ID", help="OAuth client id (without a key)")
    p.add_argument("--basic", action="store_true", help="Neo: basic auth, CLIENT_ID is the user")
    p.add_argument(
        "--client-certificate", type=Path, metavar="PEM", help="mTLS login: certificate chain"
    )
    p.add_argument("--client-key", type=Path, metavar="PEM", help="mTLS login: its private key")
    secret = p.add_mutually_exclusive_group()
    secret.add_argument(
        "--secret-env", metavar="VAR", dest="secret_password_env", help="secret from VAR"
    )
    secret.add_argument(
        "--secret-file", metavar="FILE", dest="secret_password_file", help="secret from FILE"
    )
    p.add_argument("--ca-file", type=Path, metavar="PEM", help="also trust this CA (PEM)")
    p.add_argument("--proxy", metavar="URL", help="HTTP(S) proxy (default: from environment)")
    p.add_argument("--read-only", action="store_true", help="never write to this tenant")
    p.add_argument("--replace", action="store_true", help="replace a profile of that name")

    text = "List the tenant profiles."
    p = actions.add_parser("list", help=text, description=text)
    p.add_argument("--json", action="store_true", help="print a JSON array")

    text = "Remove a tenant profile and its secret."
    p = actions.add_parser("remove", help=text, description=text)
    p.add_argument("name", metavar="NAME")

    text = "Test a profile: token, CSRF token, reading the system keystore, missing roles."
    p = actions.add_parser("test", help=text, description=text)
    p.add_argument("name", metavar="NAME")
    p.add_argument("--json", action="store_true", help="print a JSON object")

    add_tenant_admin_commands(actions)

    text = "Compare two keystores (files or sapci: tenants); exit 1 when they differ."
    p = sub.add_parser("diff", help=text, description=text)
    p.add_argument("a", metavar="A", type=Path, help="keystore file or sapci:PROFILE")
    p.add_argument("b", metavar="B", type=Path, help="keystore file or sapci:PROFILE")
    password_options(p, what="keystore ")
    p.add_argument("--json", action="store_true", help="print a JSON object")
