"""Passwords on the command line: reading --*password-env/-file, prompts, key passwords.

A JKS/JCEKS key entry may be sealed under a password other than the store's
(keytool -keypass). Listing needs no key password; the commands that use a
private key take it with --key-password-env / --key-password-file (or ask on a
terminal) and open only the keys they need.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from keymon.core.entries import Entry, KeyPairEntry
from keymon.core.errors import KeyLocked, PasswordRequired, UsageError
from keymon.core.formats.detect import Format
from keymon.core.keystore import Keystore
from keymon.core.passwords import ask_hidden, decode_password, require_encodable

KEY_OPTION_HINT = "give it with --key-password-env or --key-password-file"
ASK_OPTIONS_HINT = (
    "No password given: use --{prefix}password-env or --{prefix}password-file, "
    "or remember it in the system keyring."
)


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
    """Asks on a terminal; without one, PasswordRequired naming the options."""

    def ask(path: Path) -> str:
        if not sys.stdin.isatty():
            raise PasswordRequired(ASK_OPTIONS_HINT.format(prefix=prefix))
        return ask_hidden(f"{label} for {path}: ")

    return ask


def new_password(path: Path, prefix: str = "") -> str:
    """A password for a new file, typed twice on a terminal."""
    if not sys.stdin.isatty():
        raise PasswordRequired(ASK_OPTIONS_HINT.format(prefix=prefix))
    first = ask_hidden(f"Password for the new keystore {path}: ")
    if ask_hidden("Repeat it: ") != first:
        raise UsageError("The two passwords differ; nothing was written.")
    return first


# -- keys with a password of their own ---------------------------------------------------
def needs_key(entry: Entry, fmt: Format) -> bool:
    """A locked key that ``fmt`` cannot carry sealed as it is (only JKS carries JKS-sealed)."""
    if not isinstance(entry, KeyPairEntry) or not entry.locked or entry.sealed is None:
        return False
    return not (fmt is Format.JKS and entry.sealed.jks_protected)


def unlock_entries(entries: Iterable[Entry], args: argparse.Namespace, fmt: Format) -> list[Entry]:
    """``entries`` with the keys :func:`needs_key` names opened by the key password."""
    entries = list(entries)
    locked = [e for e in entries if isinstance(e, KeyPairEntry) and needs_key(e, fmt)]
    if not locked:
        return entries
    password = key_password(args, locked[0].alias)
    opened = {e.alias: e.unlocked(password) for e in locked}
    return [opened.get(e.alias, e) if isinstance(e, KeyPairEntry) else e for e in entries]


def unlock_for_save(store: Keystore, args: argparse.Namespace, fmt: Format) -> None:
    """Open the keys of ``store`` that saving as ``fmt`` needs."""
    needed = [e.alias for e in store if needs_key(e, fmt)]
    if needed:
        password = key_password(args, needed[0])
        for alias in needed:
            store.unlock_key(alias, password)


def key_pair(store: Keystore, args: argparse.Namespace, alias: str) -> KeyPairEntry:
    """The key pair ``alias`` with its key opened (UsageError when not a key pair)."""
    entry = store.get(alias)
    if not isinstance(entry, KeyPairEntry):
        raise UsageError(f"The entry {entry.alias!r} is not a key pair.")
    if entry.locked:
        return store.unlock_key(entry.alias, key_password(args, entry.alias))
    return entry


def key_password(args: argparse.Namespace, alias: str) -> str:
    """--key-password-env/-file, else asked on a terminal, else KeyLocked."""
    password = explicit_password(args, "key-")
    if password is not None:
        return password
    if not sys.stdin.isatty():
        raise KeyLocked(alias)
    return ask_hidden(f"Key password of entry {alias!r}: ")
