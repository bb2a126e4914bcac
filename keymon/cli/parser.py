"""The argument parser of `keymon`: every subcommand and its options (no Qt, no core work).

The PKI, probe and tenant subcommands' options live in :mod:`keymon.cli.parser_more`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from keymon import __version__
from keymon.cli.options import key_password_options, password_options
from keymon.cli.parser_more import add_pki_commands, add_probe_command, add_tenant_commands

AddCommand = Callable[..., argparse.ArgumentParser]
"""``cmd(name, help, keystore=True)``: a subcommand, with KEYSTORE and its password options."""

#: Every subcommand, in the order of the help (tests/cli/test_cli_parser.py compares).
COMMANDS = (
    "list", "show", "import", "export", "rename", "delete", "convert", "expiring", "backups",
    "restore", "create", "passwd", "genkey", "csr", "ca-reply", "sign-csr", "probe", "tenant",
    "diff",
)  # fmt: skip


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every subcommand, or with ``only`` one of them.

    One parser for all 28 (sub)commands took ~8 ms of each run: every ArgumentParser looks
    up gettext catalogues on disk. ``keymon list ...`` needs only the parser of ``list``.
    """
    parser = Parser(
        prog="keymon",
        description="Keystore monitor: PKCS#12, JKS, JCEKS and PEM keystores for mutual TLS.",
        epilog="Without a command, keymon starts its window (on KEYSTORE if given).",
    )
    parser.add_argument("--version", action="version", version=f"keymon {__version__}")
    parser.add_argument("--home", metavar="DIR", help="data directory (default: $KEYMON_HOME)")
    sub: Any = parser.add_subparsers(dest="command", metavar="COMMAND")
    if only is not None:
        sub = _OnlyOne(sub, only)

    def cmd(name: str, help_text: str, keystore: bool = True) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = sub.add_parser(name, help=help_text, description=help_text)
        if keystore:
            p.add_argument("keystore", metavar="KEYSTORE", type=Path)
            password_options(p, what="keystore ")
        return p

    _entry_commands(cmd)
    _keystore_commands(cmd)
    add_pki_commands(cmd)
    add_probe_command(sub)
    add_tenant_commands(sub)
    return parser


def _entry_commands(cmd: AddCommand) -> None:
    """list, show, import, export."""
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
    p.add_argument(
        "--fingerprint",
        metavar="SHA256HEX",
        help="sapci: target: the trusted certificate's SHA-256 fingerprint, as compared",
    )
    password_options(p, "source-", "source file's ")
    key_password_options(p)

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
    password_options(p, "out-", "exported key pair's ")
    key_password_options(p)


def _keystore_commands(cmd: AddCommand) -> None:
    """rename, delete, convert, expiring, backups, restore, create, passwd."""
    p = cmd("rename", "Rename an entry.")
    p.add_argument("old", metavar="OLD")
    p.add_argument("new", metavar="NEW")

    p = cmd("delete", "Delete entries.")
    p.add_argument("aliases", metavar="ALIAS", nargs="+")
    p.add_argument("--yes", action="store_true", help="sapci: target: delete key pairs too")

    p = cmd("convert", "Write a keystore in another format.", keystore=False)
    p.add_argument("keystore", metavar="SOURCE", type=Path)
    p.add_argument("target", metavar="TARGET", type=Path)
    p.add_argument("--to", required=True, choices=("pkcs12", "jks", "pem"))
    p.add_argument("--legacy", action="store_true", help="PKCS#12 with 3DES and a SHA-1 MAC")
    p.add_argument("--force", action="store_true", help="replace TARGET if it exists (backed up)")
    password_options(p, what="source ")
    password_options(p, "target-", "target ")
    key_password_options(p)

    p = cmd("expiring", "List entries that expire within a window; exit 1 if any.", False)
    p.add_argument("keystores", metavar="KEYSTORE", nargs="+", type=Path)
    password_options(p, what="keystore ")
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

    p = cmd("create", "Create an empty keystore (PKCS#12 unless --format or a .jks name says JKS).")
    p.add_argument("--format", choices=("pkcs12", "jks"), help="default: by the file name")
    p.add_argument("--force", action="store_true", help="replace KEYSTORE if it exists (backed up)")
    p.add_argument("--remember", action="store_true", help="store the password in the keyring")

    p = cmd("passwd", "Change the keystore password.")
    password_options(p, "new-", "new ")
    p.add_argument("--remember", action="store_true", help="store the new password in the keyring")


class _Formatter(argparse.HelpFormatter):
    """argparse's help formatter, told the terminal's width as ``shutil`` would find it.

    argparse makes one for every option added (to check its metavar) and imports shutil
    for the width, and with shutil bz2, lzma and zlib: ~1.5 ms of every run."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        if width is None:
            width = _terminal_columns() - 2  # what HelpFormatter does with shutil's
        super().__init__(prog, indent_increment, max_help_position, width)


def _terminal_columns() -> int:
    """``shutil.get_terminal_size().columns``: $COLUMNS, else the terminal's, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose help formatter needs no shutil; its subparsers are too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)


def command_word(args: Sequence[str]) -> str | None:
    """The subcommand ``args`` name (after ``--home DIR``), if it names one."""
    rest = list(args)
    if len(rest) >= 2 and rest[0] == "--home":
        rest = rest[2:]
    elif rest and rest[0].startswith("--home="):
        rest = rest[1:]
    return rest[0] if rest and rest[0] in COMMANDS else None


class _OnlyOne:
    """The subparsers action, adding the parser of one subcommand and ignoring the others."""

    def __init__(self, sub: argparse._SubParsersAction[argparse.ArgumentParser], name: str):
        self._sub, self._name = sub, name

    def add_parser(self, name: str, **kwargs: Any) -> Any:
        return self._sub.add_parser(name, **kwargs) if name == self._name else _IGNORED


class _Ignored:
    """Stands in for a parser not built: every call is accepted and does nothing."""

    def __getattr__(self, name: str) -> Callable[..., _Ignored]:
        return lambda *args, **kwargs: self


_IGNORED = _Ignored()


def subcommand_names(parser: argparse.ArgumentParser) -> list[str]:
    """The subcommands in the order of the help; nested ones as ``tenant add``."""
    names: list[str] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                nested = subcommand_names(child)
                names += [f"{name} {n}" for n in nested] if nested else [name]
    return names
