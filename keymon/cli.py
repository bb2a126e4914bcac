"""`keymon`: the command line. With no arguments (or just a file) it starts the GUI.

Subcommands never import Qt. Errors are one line on stderr with the exit code
of the README's contract; a failed command leaves every keystore unchanged.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from keymon import __version__
from keymon.core.errors import KeymonError

COMMANDS = (
    "list",
    "show",
    "import",
    "export",
    "rename",
    "delete",
    "convert",
    "expiring",
    "backups",
    "restore",
    "passwd",
    "probe",
    "genkey",
    "csr",
    "ca-reply",
    "sign-csr",
)
EXIT_INTERNAL = 70


def _password_options(parser: argparse.ArgumentParser, prefix: str = "", what: str = "") -> None:
    group = parser.add_mutually_exclusive_group()
    dest = prefix.replace("-", "_")
    group.add_argument(
        f"--{prefix}password-env",
        metavar="VAR",
        dest=f"{dest}password_env",
        help=f"read the {what}password from environment variable VAR",
    )
    group.add_argument(
        f"--{prefix}password-file",
        metavar="FILE",
        dest=f"{dest}password_file",
        help=f"read the {what}password from the first line of FILE",
    )


def _key_password_options(parser: argparse.ArgumentParser) -> None:
    """For keys sealed under a password other than the keystore's (keytool -keypass)."""
    _password_options(parser, "key-", "private key's own ")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="keymon",
        description="Keystore monitor: PKCS#12, JKS, JCEKS and PEM keystores for mutual TLS.",
        epilog="Without a command, keymon starts its window (on KEYSTORE if given).",
    )
    parser.add_argument("--version", action="version", version=f"keymon {__version__}")
    parser.add_argument("--home", metavar="DIR", help="data directory (default: $KEYMON_HOME)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def cmd(name: str, help_text: str, keystore: bool = True) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        if keystore:
            p.add_argument("keystore", metavar="KEYSTORE", type=Path)
            _password_options(p, what="keystore ")
        return p

    p = cmd("list", "List the entries of a keystore.")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.add_argument("--days", type=float, default=30.0, help="warning window (default 30)")

    p = cmd("show", "Show one entry with its whole chain.")
    p.add_argument("alias", metavar="ALIAS")
    p.add_argument("--json", action="store_true")
    p.add_argument("--days", type=float, default=30.0, help="warning window (default 30)")

    p = cmd("import", "Import certificates and key pairs from FILE (created if missing).")
    p.add_argument("file", metavar="FILE", type=Path)
    p.add_argument("--alias", help="alias for the imported entry (FILE must hold one entry)")
    p.add_argument(
        "--on-clash",
        choices=("error", "rename", "overwrite"),
        default="error",
        help="what to do when an alias exists already (default: error)",
    )
    _password_options(p, "source-", "source file's ")
    _key_password_options(p)

    p = cmd("export", "Export a certificate, chain, public key or key pair.")
    p.add_argument("alias", metavar="ALIAS")
    p.add_argument(
        "--what",
        required=True,
        choices=("certificate", "chain", "root", "public-key", "openssh", "key-pair"),
    )
    p.add_argument("--format", choices=("pem", "der", "p7b", "p12"))
    p.add_argument("--legacy", action="store_true", help="key pair: PKCS#12 with 3DES, SHA-1 MAC")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="OUT")
    _password_options(p, "out-", "exported key pair's ")
    _key_password_options(p)

    p = cmd("rename", "Rename an entry.")
    p.add_argument("old", metavar="OLD")
    p.add_argument("new", metavar="NEW")

    p = cmd("delete", "Delete entries.")
    p.add_argument("aliases", metavar="ALIAS", nargs="+")

    p = cmd("convert", "Write a keystore in another format.", keystore=False)
    p.add_argument("keystore", metavar="SOURCE", type=Path)
    p.add_argument("target", metavar="TARGET", type=Path)
    p.add_argument("--to", required=True, choices=("pkcs12", "jks", "pem"))
    p.add_argument("--legacy", action="store_true", help="PKCS#12 with 3DES and a SHA-1 MAC")
    p.add_argument("--force", action="store_true", help="replace TARGET if it exists (backed up)")
    _password_options(p, what="source ")
    _password_options(p, "target-", "target ")
    _key_password_options(p)

    p = cmd("expiring", "List entries that expire within a window; exit 1 if any.", False)
    p.add_argument("keystores", metavar="KEYSTORE", nargs="+", type=Path)
    _password_options(p, what="keystore ")
    p.add_argument("--days", type=float, default=30.0)
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--ics",
        metavar="FILE",
        type=Path,
        help="also write an iCalendar file with the expiry date of EVERY certificate "
        "(all chains, not only the expiring ones), with an alarm a day before each "
        "enters the --days window",
    )

    p = cmd("backups", "List the saved versions of a keystore.", keystore=False)
    p.add_argument("keystore", metavar="KEYSTORE", type=Path)
    p.add_argument("--json", action="store_true")
    p.add_argument("--purge", action="store_true", help="delete every backup of KEYSTORE")
    p.add_argument("--yes", action="store_true", help="--purge without asking (for scripts)")

    p = cmd("restore", "Make a saved version the current keystore (undoable).")
    p.add_argument("version", metavar="VERSION", type=int)

    p = cmd("passwd", "Change the keystore password.")
    _password_options(p, "new-", "new ")
    p.add_argument("--remember", action="store_true", help="store the new password in the keyring")
    _pki_commands(cmd)
    _add_probe_parser(sub)
    return parser


def _add_probe_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    text = "Test a TLS connection: handshake, server chain and trust, client certificate."
    p = sub.add_parser("probe", help=text, description=text)
    p.add_argument("target", metavar="HOST[:PORT]", help="server to test (port 443 by default)")
    p.add_argument("--sni", metavar="NAME", help="server name to send (default: HOST)")
    p.add_argument("--timeout", type=float, default=10.0, metavar="S", help="overall (default 10)")
    p.add_argument("--proxy", metavar="http://H:P", help="connect through an HTTP CONNECT proxy")
    p.add_argument("--keystore", type=Path, metavar="K", help="judge trust by K; its key pairs")
    _password_options(p, what="keystore ")
    p.add_argument("--client-alias", metavar="A", help="present key pair A of the keystore")
    _key_password_options(p)
    p.add_argument("--no-verify", action="store_true", help="do not require a trusted server")
    p.add_argument("--http-path", metavar="/PATH", help="then send GET /PATH on the connection")
    p.add_argument("--json", action="store_true", help="print a JSON object")


def _pki_commands(cmd: Callable[..., argparse.ArgumentParser]) -> None:
    """genkey, csr, ca-reply, sign-csr (keymon/commands_pki.py)."""
    templates = ("tls-client", "tls-server", "ca")
    signatures = (
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
    sig_help = (
        f"signature algorithm: {', '.join(signatures)} "
        "(default: rsa-sha256 for RSA, by the curve for EC)"
    )
    san_help = "subject alternative name: DNS:host, IP:addr, email:addr or URI:uri (repeatable)"

    p = cmd(
        "genkey",
        "Generate a key pair with a self-signed certificate (KEYSTORE created if missing).",
    )
    p.add_argument("--alias", required=True)
    p.add_argument("--key-type", required=True, choices=("rsa", "ec", "ed25519"))
    p.add_argument(
        "--key-size", type=int, metavar="N", help="RSA: 2048, 3072 (default), 4096, 8192"
    )
    p.add_argument("--curve", choices=("P-256", "P-384", "P-521"), help="EC (default P-256)")
    p.add_argument("--subject", required=True, metavar="DN", help='e.g. "CN=host,O=Example,C=DE"')
    p.add_argument("--san", action="append", metavar="SAN", help=san_help)
    p.add_argument("--days", type=int, default=365, help="validity in days (default 365)")
    p.add_argument("--template", choices=templates, default="tls-client", help="default tls-client")
    p.add_argument("--signature", choices=signatures, metavar="SIG", help=sig_help)

    p = cmd("csr", "Write a certificate signing request (PKCS#10) for a key pair.")
    p.add_argument("alias", metavar="ALIAS")
    p.add_argument("--subject", metavar="DN", help="default: the certificate's subject")
    p.add_argument(
        "--san", action="append", metavar="SAN", help=f"{san_help}; default: the certificate's"
    )
    p.add_argument(
        "--template", choices=templates, help="requested extensions (default: the certificate's)"
    )
    p.add_argument("--signature", choices=signatures, metavar="SIG", help=sig_help)
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    _key_password_options(p)

    p = cmd("ca-reply", "Install a CA reply (certificate, chain or PKCS#7) in a key pair.")
    p.add_argument("alias", metavar="ALIAS")
    p.add_argument("reply", metavar="REPLY_FILE", type=Path)
    _key_password_options(p)

    p = cmd("sign-csr", "Sign a certificate signing request with a CA key pair.")
    p.add_argument("ca_alias", metavar="CA_ALIAS")
    p.add_argument("csr", metavar="CSR_FILE", type=Path)
    p.add_argument("--days", type=int, default=365, help="validity in days (default 365)")
    p.add_argument("--template", choices=templates, default="tls-client", help="default tls-client")
    p.add_argument(
        "--ignore-requested-sans", action="store_true", help="do not copy the request's SANs"
    )
    p.add_argument("--with-chain", action="store_true", help="add the CA's chain to the output")
    p.add_argument("--format", choices=("pem", "p7b"), default="pem")
    p.add_argument("--signature", choices=signatures, metavar="SIG", help=sig_help)
    p.add_argument("-o", "--output", required=True, type=Path, metavar="CERT_FILE")
    _key_password_options(p)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    gui = _gui_request(args_list)
    if gui is not None:
        home, target = gui
        if home:
            os.environ["KEYMON_HOME"] = str(Path(home).expanduser().resolve())
        return _run_gui([target] if target else [])
    parser = build_parser()
    args = parser.parse_args(args_list)
    if args.home:
        os.environ["KEYMON_HOME"] = str(Path(args.home).expanduser().resolve())
    from keymon import commands

    try:
        code = commands.run(args)
        sys.stdout.flush()  # a closed pipe shows here, inside the handler below
        return code
    except KeymonError as exc:
        _error(exc.message)
        return exc.exit_code
    except BrokenPipeError:  # e.g. `keymon list ... | head`: the reader left, not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except KeyboardInterrupt:
        _error("interrupted; nothing was changed.")
        return 130
    except OSError as exc:
        _error(f"{exc.filename or 'a file'}: {exc.strerror or exc}")
        return 4
    except Exception as exc:  # never a traceback for users; KEYMON_DEBUG=1 shows it
        if os.environ.get("KEYMON_DEBUG"):
            raise
        _error(f"internal error ({type(exc).__name__}: {exc}); set KEYMON_DEBUG=1 for details.")
        return EXIT_INTERNAL


def _gui_request(args: list[str]) -> tuple[str | None, str | None] | None:
    """(home, keystore) when the arguments ask for the window, else None."""
    rest, home = list(args), None
    if len(rest) >= 2 and rest[0] == "--home":
        home, rest = rest[1], rest[2:]
    elif rest and rest[0].startswith("--home="):
        home, rest = rest[0].split("=", 1)[1], rest[1:]
    if not rest:
        return home, None
    if len(rest) == 1 and not rest[0].startswith("-") and rest[0] not in COMMANDS:
        return home, rest[0]
    return None


def _error(message: str) -> None:
    print(f"keymon: {message}", file=sys.stderr)


def _run_gui(args: list[str]) -> int:
    from keymon.gui.app import run

    return run(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
