"""The window's side of the one password flow (:class:`keymon.core.passwords.PasswordSource`).

* :class:`DialogPasswordPrompt` is the GUI's :class:`~keymon.core.passwords.PasswordPrompt`:
  the password dialog through the prompts service.
* :class:`PromptGate` asks one password question at a time: a keystore that needs a
  password while another's dialog is open waits its turn (no stacked dialogs).
* :func:`unlock_key` asks for the password of a Java key entry whose key has its own
  (keytool -keypass), when an operation needs the private key.
* :class:`PasswordFlow` runs ``job(password, cancel)`` in the task runner until it
  succeeds, asking for another password after a missing or wrong one, and ends in
  exactly one of ``on_done``, ``on_error`` or ``on_cancelled``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from keymon.core.cancel import CancelToken
from keymon.core.entries import KeyPairEntry
from keymon.core.errors import KeyLocked
from keymon.core.passwords import PasswordSource, PromptAnswer
from keymon.gui.i18n import QT_TRANSLATE_NOOP
from keymon.gui.prompts import Prompts, wrong_password_text
from keymon.gui.workers import ErrorInfo, TaskHandle, TaskRunner

R = TypeVar("R")

KEY_PASSWORD = QT_TRANSLATE_NOOP("PasswordFlow", "The key of entry '{alias}' has its own password.")


class DialogPasswordPrompt:
    """Asks with the password dialog; ``error`` (a sentence) replaces the wrong-password line."""

    def __init__(self, prompts: Prompts, error: Callable[[Path, bool], str | None] | None = None):
        self.prompts = prompts
        self.error = error

    def __call__(self, target: Path, *, wrong: bool) -> PromptAnswer | None:
        if self.error is not None:
            text = self.error(target, wrong)
        else:
            text = wrong_password_text() if wrong else None
        return self.prompts.ask_password(target, error=text)


class PromptGate(QObject):
    """Runs password questions one at a time, in the order they came."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._open = False
        self._waiting: list[Callable[[], None]] = []

    @property
    def asking(self) -> bool:
        return self._open

    @property
    def waiting(self) -> int:
        """How many questions wait for the open one to be answered."""
        return len(self._waiting)

    def ask(self, question: Callable[[], None]) -> None:
        """Run ``question`` now, or after the question being asked has been answered."""
        if self._open:
            self._waiting.append(question)
            return
        self._open = True
        try:
            question()
        finally:
            self._open = False
            if self._waiting:
                QTimer.singleShot(0, self, self._next)

    def _next(self) -> None:
        if self._waiting and not self._open:
            self.ask(self._waiting.pop(0))


class PasswordFlow(Generic[R]):
    """One job that needs a password: tried, re-asked, and reported exactly once."""

    def __init__(
        self,
        runner: TaskRunner,
        gate: PromptGate,
        source: PasswordSource,
        job: Callable[[str | None, CancelToken], R],
        *,
        title: str,
        on_done: Callable[[R], object],
        on_error: Callable[[ErrorInfo], object],
        on_cancelled: Callable[[], object] | None = None,
        on_attempt: Callable[[TaskHandle], object] | None = None,
    ) -> None:
        self.runner, self.gate, self.source, self.job = runner, gate, source, job
        self.title = title
        self.on_done, self.on_error = on_done, on_error
        self.on_cancelled = on_cancelled
        self.on_attempt = on_attempt
        self.handle: TaskHandle | None = None
        #: The sentence to show when a prompted password could not be remembered.
        self.keyring_notice: str | None = None

    def start(self) -> None:
        self._attempt(self.source.first())

    def cancel(self) -> None:
        """Cancel the running attempt (it reports ``on_cancelled``)."""
        if self.handle is not None:
            self.handle.cancel()

    def _attempt(self, password: str | None) -> None:
        job = self.job

        def attempt(cancel: CancelToken) -> R:
            return job(password, cancel)

        self.handle = self.runner.run(
            attempt,
            title=self.title,
            on_done=self._done,
            on_error=lambda error: self.gate.ask(lambda: self._failed(error)),
            on_cancelled=self._cancelled,
        )
        if self.on_attempt is not None:
            self.on_attempt(self.handle)

    def _done(self, result: R) -> None:
        self.handle = None
        self.keyring_notice = self.source.succeeded()
        self.on_done(result)

    def _failed(self, error: ErrorInfo) -> None:
        self.handle = None
        password = self.source.retry(error.error)
        if password is not None:
            self._attempt(password)
        elif self.source.cancelled:
            self._cancelled()
        else:
            self.on_error(error)

    def _cancelled(self) -> None:
        self.handle = None
        if self.on_cancelled is not None:
            self.on_cancelled()


def unlock_key(prompts: Prompts, entry: KeyPairEntry) -> KeyPairEntry | None:
    """``entry`` with its key opened, asking for the key's own password (again after a
    wrong one); None when the user cancels or gives up (told why)."""
    if not entry.locked:
        return entry
    own = QCoreApplication.translate("PasswordFlow", KEY_PASSWORD).format(alias=entry.alias)

    def line(_target: Path, wrong: bool) -> str:
        return wrong_password_text() if wrong else own

    def attempt(password: str | None) -> KeyPairEntry:
        if password is None:
            raise KeyLocked(entry.alias)
        return entry.unlocked(password)

    source = PasswordSource(
        Path(entry.alias), prompt=DialogPasswordPrompt(prompts, line), use_keyring=False
    )
    try:
        return source.run(attempt)
    except KeyLocked as exc:
        if not source.cancelled:
            title = QCoreApplication.translate("PasswordFlow", "Key password")
            prompts.error(title, exc.message)
        return None
