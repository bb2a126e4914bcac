"""Options shared by several subcommands' parsers (argparse only: cheap to import)."""

from __future__ import annotations

import argparse


def password_options(parser: argparse.ArgumentParser, prefix: str = "", what: str = "") -> None:
    """--PREFIXpassword-env VAR | --PREFIXpassword-file FILE (one of them)."""
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


def key_password_options(parser: argparse.ArgumentParser) -> None:
    """For keys sealed under a password other than the keystore's (keytool -keypass)."""
    password_options(parser, "key-", "private key's own ")
