"""Saving a keystore: encoding it and writing it atomically, loaded with the first save.

:class:`SaveRequest` is what :meth:`Keystore.save_request` freezes for a worker thread.
Reading a keystore needs none of this module (nor the writers and storage it loads).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from keymon.core import snapshots
from keymon.core.entries import Entry
from keymon.core.errors import PasswordRequired, UnsupportedFormat
from keymon.core.formats.detect import Format
from keymon.core.formats.protection import Pkcs12Protection
from keymon.core.passwords import require_encodable

if TYPE_CHECKING:
    from keymon.core.backups import BackupStore


@dataclass(frozen=True)
class SaveRequest:
    """Everything one save needs, frozen: safe to hand to a worker thread."""

    entries: tuple[Entry, ...]
    format: Format
    password: str | None = field(repr=False)
    protection: Pkcs12Protection
    path: Path
    expected: snapshots.FileSnapshot | None  # the file as last seen; a different one is refused
    previous_entries: int | None = None  # for the backup's description

    def run(self) -> snapshots.FileSnapshot:
        """Encode and write atomically; returns the new file's snapshot."""
        data = encode(self.entries, self.format, self.password, self.protection)
        return write(self.path, data, self.expected, previous_entries=self.previous_entries)


def write(
    path: Path,
    data: bytes,
    expected: snapshots.FileSnapshot | None,
    *,
    previous_entries: int | None = None,
    backups: BackupStore | None = None,
) -> snapshots.FileSnapshot:
    """:func:`keymon.core.storage.save`: refuses a file changed since ``expected``."""
    from keymon.core import storage

    return storage.save(path, data, expected, previous_entries=previous_entries, backups=backups)


def encode(
    entries: Sequence[Entry],
    fmt: Format,
    password: str | None,
    protection: Pkcs12Protection = Pkcs12Protection.AES_256,
) -> bytes:
    """Entries in a keystore format (``protection`` is for PKCS#12 only)."""
    from keymon.core.formats import jks, pem, pkcs12

    require_encodable(password)
    if fmt is Format.PKCS12:
        if password is None:
            raise PasswordRequired("A password is needed to write a PKCS#12 keystore.")
        return pkcs12.dump(entries, password, protection=protection)
    if fmt is Format.JKS:
        if password is None:
            raise PasswordRequired("A password is needed to write a JKS keystore.")
        return jks.dump(entries, password)
    if fmt is Format.PEM:
        return pem.dump(entries, password)
    raise UnsupportedFormat(
        f"keymon cannot save a keystore as {fmt.label}; convert it to PKCS#12, JKS or PEM."
    )
