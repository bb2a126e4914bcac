"""Key passwords on the command line: opening keys that have a password of their own.

A JKS/JCEKS key entry may be sealed under a password other than the store's
(keytool -keypass). Listing needs no key password; the commands that use a
private key take it with --key-password-env / --key-password-file (or ask on a
terminal) and open only the keys they need.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Iterable

from keymon.commands import explicit_password
from keymon.core.entries import Entry, KeyPairEntry
from keymon.core.errors import UsageError
from keymon.core.formats.detect import Format
from keymon.core.keystore import Keystore
from keymon.core.locked import KeyLocked


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
    password = _key_password(args, locked[0].alias)
    opened = {e.alias: e.unlocked(password) for e in locked}
    return [opened.get(e.alias, e) if isinstance(e, KeyPairEntry) else e for e in entries]


def unlock_for_save(store: Keystore, args: argparse.Namespace, fmt: Format) -> None:
    """Open the keys of ``store`` that saving as ``fmt`` needs."""
    needed = [e.alias for e in store if needs_key(e, fmt)]
    if needed:
        password = _key_password(args, needed[0])
        for alias in needed:
            store.unlock_key(alias, password)


def key_pair(store: Keystore, args: argparse.Namespace, alias: str) -> KeyPairEntry:
    """The key pair ``alias`` with its key opened (UsageError when not a key pair)."""
    entry = store.get(alias)
    if not isinstance(entry, KeyPairEntry):
        raise UsageError(f"The entry {entry.alias!r} is not a key pair.")
    if entry.locked:
        return store.unlock_key(entry.alias, _key_password(args, entry.alias))
    return entry


def _key_password(args: argparse.Namespace, alias: str) -> str:
    password = explicit_password(args, "key-")
    if password is not None:
        return password
    if not sys.stdin.isatty():
        raise KeyLocked(alias)
    return getpass.getpass(f"Key password of entry {alias!r}: ")
