"""Undo commands: one per operation, each holding just what it needs to revert.

Each command edits the session's Keystore, tells the views through the
session's signals and asks the session to save (every change is on disk at once).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from keymon.core.entries import Entry
from keymon.core.keystore import Keystore
from keymon.gui.session import KeystoreSession


class _Command(QUndoCommand):
    def __init__(self, session: KeystoreSession, text: str) -> None:
        super().__init__(text)
        self.session = session

    @property
    def store(self) -> Keystore:
        return self.session.store


class AddEntries(_Command):
    """Add entries; ``replaced`` entries (same alias) come back on undo."""

    def __init__(self, session: KeystoreSession, entries: Sequence[Entry]) -> None:
        names = ", ".join(e.alias for e in entries[:3]) + ("…" if len(entries) > 3 else "")
        super().__init__(
            session, QCoreApplication.translate("Undo", "Add {names}").format(names=names)
        )
        self.entries = list(entries)
        self.replaced: list[Entry] = []

    def redo(self) -> None:
        self.replaced = []
        for entry in self.entries:
            old = self.store.find(entry.alias)
            if old is not None:
                self.replaced.append(old)
                self.store.add(entry, overwrite=True)
                self.session.entryReplaced.emit(old.alias, entry)
            else:
                self.store.add(entry)
                self.session.entryInserted.emit(entry, len(self.store) - 1)
        self.session.changed()

    def undo(self) -> None:
        replaced = {e.alias.casefold(): e for e in self.replaced}
        for entry in reversed(self.entries):
            old = replaced.get(entry.alias.casefold())
            if old is not None:
                self.store.add(old, overwrite=True)
                self.session.entryReplaced.emit(entry.alias, old)
            else:
                self.store.delete([entry.alias])
                self.session.entryRemoved.emit(entry.alias)
        self.session.changed()


class DeleteEntries(_Command):
    def __init__(self, session: KeystoreSession, aliases: Sequence[str]) -> None:
        super().__init__(
            session,
            QCoreApplication.translate("Undo", "Delete {names}").format(
                names=", ".join(aliases[:3])
            ),
        )
        self.aliases = list(aliases)
        self.removed: list[tuple[int, Entry]] = []

    def redo(self) -> None:
        self.removed = self.store.delete(self.aliases)
        for _, entry in self.removed:
            self.session.entryRemoved.emit(entry.alias)
        self.session.changed()

    def undo(self) -> None:
        for index, entry in self.removed:
            self.store.add(entry, index=index)
            self.session.entryInserted.emit(entry, index)
        self.session.changed()


class RenameEntry(_Command):
    def __init__(self, session: KeystoreSession, old: str, new: str) -> None:
        super().__init__(
            session,
            QCoreApplication.translate("Undo", "Rename {old} to {new}").format(old=old, new=new),
        )
        self.old, self.new = old, new

    def redo(self) -> None:
        entry = self.store.rename(self.old, self.new)
        self.session.entryReplaced.emit(self.old, entry)
        self.session.changed()

    def undo(self) -> None:
        entry = self.store.rename(self.new, self.old)
        self.session.entryReplaced.emit(self.new, entry)
        self.session.changed()


class ReplaceEntry(_Command):
    """Swap one entry for another under the same alias (e.g. a new chain)."""

    def __init__(self, session: KeystoreSession, new: Entry, text: str) -> None:
        super().__init__(session, text)
        self.new = new
        self.old: Entry | None = None

    def redo(self) -> None:
        self.old = self.store.replace(self.new)
        self.session.entryReplaced.emit(self.old.alias, self.new)
        self.session.changed()

    def undo(self) -> None:
        assert self.old is not None
        self.store.replace(self.old)
        self.session.entryReplaced.emit(self.new.alias, self.old)
        self.session.changed()


class ChangePassword(_Command):
    def __init__(self, session: KeystoreSession, new_password: str) -> None:
        super().__init__(session, QCoreApplication.translate("Undo", "Change keystore password"))
        self.new = new_password
        self.old = session.store.password

    def redo(self) -> None:
        self.store.change_password(self.new)
        self.session.changed()

    def undo(self) -> None:
        self.store.set_password(self.old)
        self.session.changed()


class ReplaceAll(_Command):
    """Make the keystore hold ``entries`` (restoring a backup version)."""

    def __init__(self, session: KeystoreSession, entries: Sequence[Entry], text: str) -> None:
        super().__init__(session, text)
        self.after = list(entries)
        self.before: list[Entry] = list(session.store.entries)

    def _set(self, entries: list[Entry]) -> None:
        self.store.delete(self.store.aliases)
        for entry in entries:
            self.store.add(entry)
        self.session.reset.emit()
        self.session.changed()

    def redo(self) -> None:
        self._set(self.after)

    def undo(self) -> None:
        self._set(self.before)
