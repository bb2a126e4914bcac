"""What the GUI's actions and panels share, handed to them explicitly.

:class:`AppContext` holds the settings, the prompts, the task runner, the keystore
opener and the open session, writes files for them, and carries the window-wide
signals (a keystore was opened, the window is closing, a status message). The main
window creates one and gives it to every action group and panel; nobody reaches
into the window.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget, QWizard

from keymon.core import storage
from keymon.core.entries import Entry
from keymon.core.errors import KeymonError
from keymon.core.keystore import Keystore
from keymon.gui.opening import KeystoreOpener
from keymon.gui.password_flow import PromptGate
from keymon.gui.prompts import Prompts
from keymon.gui.session import KeystoreSession
from keymon.gui.settings import Settings
from keymon.gui.workers import TaskRunner


class EntrySelection(Protocol):
    """The entries the user picked in the table, and a way to pick one."""

    def selected_entries(self) -> list[Entry]: ...

    def current_entry(self) -> Entry | None: ...

    def select_alias(self, alias: str) -> None: ...


class AppContext(QObject):
    """Settings, prompts, runner, opener and the open session of one window."""

    #: A keystore was opened (or reloaded) and the table shows it.
    keystoreOpened = Signal()
    #: The window is about to close (running probes stop first).
    aboutToClose = Signal()
    #: A short message for the status bar.
    statusMessage = Signal(str)
    #: The expiry warning window changed (days).
    warningDaysChanged = Signal(int)

    def __init__(
        self,
        settings: Settings,
        prompts: Prompts,
        runner: TaskRunner,
        dialog_parent: QWidget | None = None,
    ) -> None:
        super().__init__(dialog_parent)
        self.settings = settings
        self.prompts = prompts
        self.runner = runner
        #: The parent of wizards and dialogs (the main window).
        self.dialog_parent = dialog_parent
        #: Password questions one at a time (the opener's, Monitoring's, import sources').
        self.password_gate = PromptGate(self)
        self.opener = KeystoreOpener(
            runner, prompts, self, gate=self.password_gate, dialog_parent=dialog_parent
        )
        self.opener.notice.connect(self.statusMessage)
        self.opener.opened.connect(self._opened)
        self._session: KeystoreSession | None = None
        self._link_note: str | None = None

    @property
    def session(self) -> KeystoreSession | None:
        return self._session

    @session.setter
    def session(self, session: KeystoreSession | None) -> None:
        self._session = session
        if session is not None:
            session.saved.connect(self._after_save)

    def _opened(self, store: Keystore) -> None:
        """Say what the reader noticed (no modal); keep the hard-link note for the first save."""
        if store.notes:
            self.show_message(" ".join(store.notes))
        self._link_note = storage.hard_link_note(store.path) if store.path else None

    def _after_save(self) -> None:
        note, self._link_note = self._link_note, None
        if note:
            self.show_message(note)

    @property
    def store(self) -> Keystore | None:
        return self.session.store if self.session is not None else None

    def open_keystore(self, path: Path | None, password: str | None = None) -> None:
        """Open ``path`` (None: the default keystore) in a worker; ``keystoreOpened`` follows."""
        self.opener.open(Path(path) if path else None, password)

    def write_file(self, path: Path, make: Callable[[], bytes], mode: int = 0o644) -> bool:
        """Write ``make()`` to ``path`` atomically; say where, or why not. True when written."""
        try:
            storage.atomic_write(path, make(), mode=mode, private=mode == 0o600)  # 0600: a key
        except KeymonError as exc:
            self.prompts.error(QCoreApplication.translate("Operations", "Not saved"), exc.message)
            return False
        self.show_message(
            QCoreApplication.translate("Operations", "Saved {path}").format(path=path)
        )
        return True

    def show_message(self, text: str) -> None:
        self.statusMessage.emit(text)

    def run_wizard(self, wizard: QWizard) -> bool:
        """Show ``wizard`` through the prompts; True when finished. It is deleted after."""
        try:
            return self.prompts.run_wizard(wizard) == QDialog.DialogCode.Accepted
        finally:
            wizard.deleteLater()
