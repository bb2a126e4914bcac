"""Open a keystore off the GUI thread, asking for the password as often as needed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from keymon.core import config, secrets
from keymon.core.default_store import NO_KEYRING_NOTICE, open_default
from keymon.core.errors import NoKeyring, PasswordRequired, WrongPassword
from keymon.core.keystore import Keystore
from keymon.gui.prompts import Prompts, wrong_password_text
from keymon.gui.workers import ErrorInfo, TaskRunner


def _open_file(path: Path, password: str | None) -> Keystore:
    return Keystore.open(path, password)


def _open_default(password: str | None, new_password: str | None) -> Keystore:
    def ask(_path: Path) -> str:
        if password is None:
            raise PasswordRequired("The default keystore needs its password.")
        return password

    def ask_new(_path: Path) -> str:
        if new_password is None:
            raise NoKeyring(NO_KEYRING_NOTICE)
        return new_password

    return open_default(ask=ask, ask_new=ask_new)


class KeystoreOpener(QObject):
    """``open(path)`` ends in exactly one of ``opened``, ``failed`` or ``cancelled``."""

    opened = Signal(object)  # Keystore
    failed = Signal(object)  # ErrorInfo, already shown to the user
    cancelled = Signal()

    def __init__(self, runner: TaskRunner, prompts: Prompts, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.prompts = prompts
        self.busy = False

    def open(self, path: Path | None, password: str | None = None) -> None:
        """Open ``path`` (None: the default keystore) with ``password`` or the keyring's."""
        self.busy = True
        target = path or config.default_keystore_path()
        if password is None:
            password = secrets.get_password(target)
        self._attempt(path, password, remember=False, tried=password is not None)

    def _attempt(
        self,
        path: Path | None,
        password: str | None,
        *,
        remember: bool,
        tried: bool,
        new_password: str | None = None,
    ) -> None:
        def done(store: Keystore) -> None:
            self.busy = False
            if remember and store.path is not None and store.password:
                try:
                    secrets.set_password(store.path, store.password)
                except NoKeyring as exc:
                    self.prompts.info(self.tr("Password not remembered"), exc.message)
            self.opened.emit(store)

        def failed(error: ErrorInfo) -> None:
            self._failed(path, error, tried=tried)

        if path is None:
            self.runner.run(
                _open_default,
                password,
                new_password,
                title=self.tr("Opening"),
                on_done=done,
                on_error=failed,
            )
        else:
            self.runner.run(
                _open_file,
                path,
                password,
                title=self.tr("Opening"),
                on_done=done,
                on_error=failed,
            )

    def _failed(self, path: Path | None, error: ErrorInfo, *, tried: bool) -> None:
        target = path or config.default_keystore_path()
        if error.type_name in (PasswordRequired.__name__, WrongPassword.__name__):
            wrong = error.type_name == WrongPassword.__name__ and tried
            answer = self.prompts.ask_password(
                target, error=wrong_password_text() if wrong else None
            )
            if answer is None:
                self.busy = False
                self.cancelled.emit()
                return
            self._attempt(path, answer.password, remember=answer.remember, tried=True)
            return
        if error.type_name == NoKeyring.__name__ and path is None:
            self.prompts.info(self.tr("No system keyring"), NO_KEYRING_NOTICE)  # core text
            answer = self.prompts.ask_password(target, new=True)
            if answer is None:
                self.busy = False
                self.cancelled.emit()
                return
            self._attempt(None, None, remember=False, tried=True, new_password=answer.password)
            return
        self.busy = False
        self.prompts.error(self.tr("Cannot open the keystore"), error.message)
        self.failed.emit(error)
