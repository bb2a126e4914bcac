"""Opening, creating and saving local keystores for the subcommands."""

from __future__ import annotations

import argparse
from pathlib import Path

from keymon.cli.output import note
from keymon.cli.passwords import explicit_password, new_password, prompter
from keymon.core import secrets
from keymon.core.formats.detect import Format
from keymon.core.formats.sniff import file_holds_certificates_only
from keymon.core.keystore import Keystore

EXTENSION_FORMATS = {".jks": Format.JKS, ".pem": Format.PEM, ".crt": Format.PEM}
"""The format of a new keystore by its file name; PKCS#12 otherwise."""


def open_keystore(args: argparse.Namespace, path: Path | None = None) -> Keystore:
    """The keystore at ``path`` (default: args.keystore): explicit password, keyring, prompt.

    A file of certificates only needs no password: the keyring is not loaded for it.
    """
    path = path or args.keystore
    password = explicit_password(args)
    if password is None and not file_holds_certificates_only(path):
        password = secrets.get_password(path)
    store = Keystore.open(path, password, prompter())
    for text in store.notes:  # what the reader noticed about the file (PKCS#12 for now)
        note(text)
    return store


def open_or_create(args: argparse.Namespace) -> Keystore:
    """args.keystore, or a new empty one (format by its extension) when it does not exist."""
    path: Path = args.keystore
    if path.exists():
        return open_keystore(args)
    fmt = EXTENSION_FORMATS.get(path.suffix.lower(), Format.PKCS12)
    password = explicit_password(args) or new_password(path)
    return Keystore([], fmt=fmt, path=path, password=password)


def ensure_password(store: Keystore) -> None:
    """Saving JKS/PKCS#12 needs the password even if reading did not."""
    if store.password is None and store.format in (Format.PKCS12, Format.JKS):
        store.set_password(prompter()(store.path or Path("keystore")))


def save(store: Keystore, previous: int) -> None:
    """Save ``store`` in place (backed up; ``previous`` entries before the change)."""
    from keymon.core.atomic import hard_link_note  # saving loads the writers

    ensure_password(store)
    text = hard_link_note(store.path) if store.path else None
    store.save(previous_entries=previous)
    if text:
        note(text)


def integrity_note(store: Keystore) -> None:
    """Say so when a JKS/JCEKS was read without checking its integrity."""
    if store.password is None and store.format in (Format.JKS, Format.JCEKS):
        note("no password was given, so the keystore's integrity was not checked.")
