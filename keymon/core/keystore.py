"""The Keystore: ordered aliases → entries, the operations on them, and saving.

A Keystore knows the file it came from (path, format, password, PKCS#12 protection
and the snapshot taken when it was read); these are read-only properties, changed
through methods. Every operation validates first and changes nothing when it fails.
``save`` goes through :mod:`keymon.core.storage`, which refuses to overwrite a file
that changed on disk and keeps a backup; :meth:`Keystore.save_request` freezes what a
save needs so a worker thread can write while the keystore goes on changing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from keymon.core import snapshots
from keymon.core.aliases import AliasAllocator, alias_key, suggest_alias, validate_alias
from keymon.core.entries import CertificateEntry, CertInfo, Entry, KeyPairEntry
from keymon.core.errors import (
    AliasExists,
    AliasNotFound,
    UsageError,
)
from keymon.core.formats.detect import Format, Loaded, decode, detect
from keymon.core.formats.protection import Pkcs12Protection
from keymon.core.passwords import AskPrompt, PasswordSource, require_encodable

if TYPE_CHECKING:
    from keymon.core.backups import BackupStore
    from keymon.core.cancel import CancelCheck
    from keymon.core.saving import SaveRequest

#: Asks the password of the keystore at a path (the simple form; see passwords.PasswordSource).
AskPassword = Callable[[Path], str]
Clash = Literal["error", "rename", "overwrite"]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


class Keystore:
    def __init__(
        self,
        entries: Iterable[Entry] = (),
        *,
        fmt: Format = Format.PKCS12,
        path: Path | None = None,
        password: str | None = None,
        protection: Pkcs12Protection = Pkcs12Protection.AES_256,
        snapshot: snapshots.FileSnapshot | None = None,
        notes: tuple[str, ...] = (),
    ) -> None:
        self._entries: dict[str, Entry] = {}
        for entry in entries:
            self.add(entry)
        self._format = fmt
        self._path = Path(path) if path is not None else None
        self._password = password
        self._protection = protection
        self._snapshot = snapshot
        self._notes = notes

    # -- what it knows about its file -----------------------------------------
    @property
    def format(self) -> Format:
        return self._format

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def password(self) -> str | None:
        return self._password

    @property
    def protection(self) -> Pkcs12Protection:
        """How the next PKCS#12 save encrypts (reading does not tell; a setting chooses)."""
        return self._protection

    @property
    def snapshot(self) -> snapshots.FileSnapshot | None:
        """The file as it was when last read or saved (to notice changes by others)."""
        return self._snapshot

    @property
    def notes(self) -> tuple[str, ...]:
        """What the reader noticed about the file, for the user."""
        return self._notes

    def set_protection(self, protection: Pkcs12Protection) -> None:
        self._protection = protection

    def set_password(self, password: str | None) -> None:
        """The password to save with, unchecked (a prompt's answer, an undone change)."""
        self._password = password

    def mark_saved(self, snapshot: snapshots.FileSnapshot) -> None:
        """Record the file as a save (done elsewhere, from :meth:`save_request`) left it."""
        self._snapshot = snapshot

    # -- opening -------------------------------------------------------------
    @classmethod
    def from_bytes(
        cls,
        data: bytes,
        password: str | None = None,
        ask: AskPassword | None = None,
        *,
        cancel: CancelCheck | None = None,
    ) -> Keystore:
        fmt = detect(data)
        loaded, password = _decode(fmt, data, password, ask, None, cancel)
        return cls(loaded.entries, fmt=fmt, password=password, notes=loaded.notes)

    @classmethod
    def open(
        cls,
        path: Path | str,
        password: str | None = None,
        ask: AskPassword | None = None,
        *,
        cancel: CancelCheck | None = None,
    ) -> Keystore:
        """Read a keystore; ``ask`` is called only when a password is needed and not given.

        ``cancel`` (a cancel token) is checked between the key derivations of a PKCS#12 file.
        """
        path = Path(path)
        data, snapshot = snapshots.read_file(path)
        fmt = detect(data)
        loaded, password = _decode(fmt, data, password, ask, path, cancel)
        return cls(
            loaded.entries,
            fmt=fmt,
            path=path,
            password=password,
            snapshot=snapshot,
            notes=loaded.notes,
        )

    # -- reading -------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self._entries.values())

    def __contains__(self, alias: object) -> bool:
        return isinstance(alias, str) and self.find(alias) is not None

    @property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(self._entries.values())

    @property
    def aliases(self) -> list[str]:
        return [e.alias for e in self._entries.values()]

    def find(self, alias: str) -> Entry | None:
        return self._entries.get(alias_key(alias))

    def get(self, alias: str) -> Entry:
        entry = self.find(alias)
        if entry is None:
            raise AliasNotFound(alias)
        return entry

    def index_of(self, alias: str) -> int:
        key = alias_key(self.get(alias).alias)
        return list(self._entries).index(key)

    def suggest_alias(self, base: str) -> str:
        return suggest_alias(base, self.aliases)

    def certificates(self) -> list[CertInfo]:
        """Every distinct certificate in the keystore (chains and trusted)."""
        seen: dict[bytes, CertInfo] = {}
        for entry in self:
            for cert in entry.certificates:
                seen.setdefault(cert.der, cert)
        return list(seen.values())

    def trusted_certificates(self) -> list[CertInfo]:
        return [e.cert for e in self if isinstance(e, CertificateEntry)]

    # -- changing ------------------------------------------------------------
    def add(self, entry: Entry, *, overwrite: bool = False, index: int | None = None) -> Entry:
        alias = validate_alias(entry.alias)
        if alias != entry.alias:
            entry = entry.replace(alias=alias)
        key = alias_key(alias)
        if key in self._entries and not overwrite:
            raise AliasExists(alias)
        if key in self._entries:
            self._entries[key] = entry
            return entry
        if index is None or index >= len(self._entries):
            self._entries[key] = entry
        else:
            items = list(self._entries.items())
            items.insert(max(index, 0), (key, entry))
            self._entries = dict(items)
        return entry

    def add_certificate(self, cert: CertInfo, alias: str | None = None) -> CertificateEntry:
        alias = alias or self.suggest_alias(cert.summary.subject_cn)
        entry = CertificateEntry(alias, cert, _now())
        self.add(entry)
        return entry

    def import_entries(
        self, entries: Sequence[Entry], *, alias: str | None = None, on_clash: Clash = "error"
    ) -> list[Entry]:
        """Add every entry (all keys of a multi-key file), each under its own alias.

        Validates everything first: on an alias clash with ``on_clash="error"``
        nothing is added.
        """
        if alias is not None and len(entries) != 1:
            raise UsageError(
                "An alias can only be given when the file holds one entry "
                f"(it holds {len(entries)})."
            )
        planned: list[tuple[Entry, bool]] = []
        taken = AliasAllocator(self.aliases)
        for entry in entries:
            name = validate_alias(alias or entry.alias)
            exists = name in taken
            overwrite = False
            if exists and on_clash == "error":
                raise AliasExists(name)
            if exists and on_clash == "rename":
                name = taken.suggest(name)
            else:
                overwrite = exists
                taken.reserve(name)
            planned.append((entry.replace(alias=name, modified=_now()), overwrite))
        return [self.add(e, overwrite=o) for e, o in planned]

    def rename(self, old: str, new: str) -> Entry:
        entry = self.get(old)
        new = validate_alias(new)
        if alias_key(new) != alias_key(entry.alias) and alias_key(new) in self._entries:
            raise AliasExists(new)
        renamed = entry.replace(alias=new)
        items = [
            (alias_key(new), renamed) if key == alias_key(entry.alias) else (key, value)
            for key, value in self._entries.items()
        ]
        self._entries = dict(items)
        return renamed

    def delete(self, aliases: Sequence[str]) -> list[tuple[int, Entry]]:
        """Remove entries; returns (position, entry) pairs so the removal can be undone."""
        targets = [self.get(a) for a in aliases]  # all or nothing
        position = {key: i for i, key in enumerate(self._entries)}
        removed = sorted(
            {alias_key(e.alias): (position[alias_key(e.alias)], e) for e in targets}.values(),
            key=lambda pair: pair[0],
        )
        for _, entry in removed:
            self._entries.pop(alias_key(entry.alias), None)
        return removed

    def replace(self, entry: Entry) -> Entry:
        """Put ``entry`` in place of the entry with the same alias; returns the old one."""
        old = self.get(entry.alias)
        self._entries[alias_key(old.alias)] = entry
        return old

    def replace_chain(self, alias: str, chain: Sequence[CertInfo]) -> KeyPairEntry:
        entry = self.get(alias)
        if not isinstance(entry, KeyPairEntry):
            raise UsageError(f"The entry {alias!r} is not a key pair.")
        new = entry.replace(chain=tuple(chain), modified=_now())
        self.replace(new)
        return new

    def locked_aliases(self) -> list[str]:
        """Key pairs whose key still has its own, unopened password."""
        return [e.alias for e in self if isinstance(e, KeyPairEntry) and e.locked]

    def unlock_key(self, alias: str, password: str) -> KeyPairEntry:
        """Open the key of ``alias`` that has its own password (KeyLocked when wrong).

        The file does not change: saving as JKS still writes the key sealed as it was.
        """
        entry = self.get(alias)
        if not isinstance(entry, KeyPairEntry):
            raise UsageError(f"The entry {entry.alias!r} is not a key pair.")
        if entry.locked:
            entry = entry.unlocked(password)
            self._entries[alias_key(entry.alias)] = entry
        return entry

    def change_password(self, new: str) -> None:
        if not new and self.format is not Format.PEM:
            raise UsageError("The keystore password cannot be empty.")
        self._password = new

    # -- writing -------------------------------------------------------------
    def encode(self, fmt: Format | None = None, password: str | None = None) -> bytes:
        from keymon.core.saving import encode  # the writers load with the first save

        return encode(
            self.entries,
            fmt or self._format,
            password if password is not None else self._password,
            self._protection,
        )

    def backups(self) -> BackupStore:
        from keymon.core.backups import BackupStore as Store

        if self.path is None:
            raise UsageError("This keystore has not been saved to a file yet.")
        return Store(self.path)

    def save_request(self, previous_entries: int | None = None) -> SaveRequest:
        """What saving to ``path`` now needs, frozen (for a worker; see :meth:`mark_saved`)."""
        from keymon.core.saving import SaveRequest

        if self._path is None:
            raise UsageError("This keystore has no file to save to.")
        return SaveRequest(
            self.entries,
            self._format,
            self._password,
            self._protection,
            self._path,
            self._snapshot,
            previous_entries,
        )

    def save(self, previous_entries: int | None = None) -> None:
        """Write to ``path`` atomically, after checking it did not change on disk."""
        self.mark_saved(self.save_request(previous_entries).run())

    def save_as(
        self, path: Path, fmt: Format, password: str | None = None, *, overwrite: bool = False
    ) -> None:
        from keymon.core.saving import write

        path = Path(path)
        data = self.encode(fmt, password)
        expected = snapshots.current_snapshot(path) if overwrite else None
        self._snapshot = write(path, data, expected)
        self._path, self._format = path, fmt
        if password is not None:
            self._password = password

    def changed_on_disk(self) -> bool:
        return self.path is not None and snapshots.changed_on_disk(self.path, self.snapshot)

    def restore(self, version: int) -> None:
        """Make backup ``version`` the current file (the current one is backed up first)."""
        from keymon.core.saving import write

        if self.path is None:
            raise UsageError("This keystore has no file.")
        store = self.backups()
        data = store.read(version)
        fmt = detect(data)
        loaded, _ = _decode(fmt, data, self._password, None, self.path)
        self._snapshot = write(
            self.path, data, self._snapshot, previous_entries=len(self), backups=store
        )
        self._entries = {}
        for entry in loaded.entries:
            self.add(entry)
        self._format = fmt
        self._notes = loaded.notes


def _decode(
    fmt: Format,
    data: bytes,
    password: str | None,
    ask: AskPassword | None,
    path: Path | None,
    cancel: CancelCheck | None = None,
) -> tuple[Loaded, str | None]:
    """Decode with ``password``; without one, ask once when the format needs it.

    A given or asked password is final (the caller already looked in the keyring).
    """
    source = PasswordSource(
        path or Path("keystore"),
        password,
        prompt=AskPrompt(ask) if ask is not None else None,
        use_keyring=False,
        reask_on_wrong=False,
        max_prompts=1,
    )

    def attempt(password: str | None) -> tuple[Loaded, str | None]:
        require_encodable(password)
        return decode(fmt, data, password, cancel), password

    return source.run(attempt)
