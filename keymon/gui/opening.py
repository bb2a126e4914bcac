"""Open a keystore off the GUI thread through the one password flow, cancellably.

The password comes from :class:`~keymon.core.passwords.PasswordSource` (given →
keyring → the password dialog, again after a wrong one). Opening a PKCS#12 can spend
seconds in key derivation: :attr:`KeystoreOpener.busyChanged` drives a busy
indicator and :meth:`KeystoreOpener.cancel` stops it (the core checks the token
between derivations).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from keymon.core import config
from keymon.core.cancel import CancelToken
from keymon.core.default_store import NO_KEYRING_NOTICE, open_default
from keymon.core.errors import NoKeyring
from keymon.core.formats.sniff import file_holds_certificates_only
from keymon.core.keystore import Keystore
from keymon.core.passwords import PasswordSource
from keymon.gui.password_flow import DialogPasswordPrompt, PasswordFlow, PromptGate
from keymon.gui.prompts import Prompts
from keymon.gui.workers import ErrorInfo, TaskHandle, TaskRunner

SHOW_PROGRESS_MS = 400

OpenJob = Callable[[str | None, CancelToken], Keystore]


def _open_file(path: Path, password: str | None, cancel: CancelToken) -> Keystore:
    store = Keystore.open(path, password, cancel=cancel)
    for entry in store:  # names are read when first asked for: here, not in the GUI thread
        for cert in entry.certificates:
            cert.name_notes  # noqa: B018
    return store


def _password_source(target: Path, prompt: DialogPasswordPrompt) -> PasswordSource:
    """The passwords to try for ``target``: the keyring's first (asked in a worker).

    A file of certificates only needs none: the keyring is not even loaded for it.
    """
    needed = not file_holds_certificates_only(target)
    return PasswordSource(target, None, prompt=prompt, use_keyring=needed)


def _open_job(path: Path | None) -> OpenJob:
    """Open ``path``, or the default keystore (None)."""
    if path is None:
        return lambda pw, cancel: _open_default(pw, None, cancel)
    return lambda pw, cancel: _open_file(path, pw, cancel)


def _open_default(password: str | None, new_password: str | None, cancel: CancelToken) -> Keystore:
    """The default keystore: opened like any file once it exists, else created."""
    path = config.default_keystore_path()
    if path.exists():
        return _open_file(path, password, cancel)

    def ask_new(_path: Path) -> str:
        if new_password is None:
            raise NoKeyring(NO_KEYRING_NOTICE)
        return new_password

    return open_default(ask_new=ask_new, path=path)


class KeystoreOpener(QObject):
    """``open(path)`` ends in exactly one of ``opened``, ``failed`` or ``cancelled``."""

    opened = Signal(object)  # Keystore
    failed = Signal(object)  # ErrorInfo, already shown to the user
    cancelled = Signal()
    #: True while a keystore is being read (and may be cancelled), False after.
    busyChanged = Signal(bool)
    #: A sentence for the status bar (e.g. a password that could not be remembered).
    notice = Signal(str)

    def __init__(
        self,
        runner: TaskRunner,
        prompts: Prompts,
        parent: QObject | None = None,
        gate: PromptGate | None = None,
        dialog_parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.prompts = prompts
        self.gate = gate if gate is not None else PromptGate(self)
        self.busy = False
        self._flow: PasswordFlow[Keystore] | None = None
        self._lookup: TaskHandle | None = None
        self._dialog_parent = dialog_parent
        self._progress: QProgressDialog | None = None
        self._label = ""
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.setInterval(SHOW_PROGRESS_MS)
        self._show_timer.timeout.connect(lambda: self.progress.show())

    @property
    def progress(self) -> QProgressDialog:
        """Shown when reading takes longer than SHOW_PROGRESS_MS: busy, with Cancel (made
        the first time it is needed: most opens never show it)."""
        if self._progress is None:
            progress = QProgressDialog(self._dialog_parent)
            progress.setObjectName("openingProgress")
            progress.setWindowTitle(self.tr("Opening"))
            progress.setRange(0, 0)  # busy: key derivation cannot say how far it is
            progress.setWindowModality(Qt.WindowModality.WindowModal)
            progress.setAutoReset(False)
            progress.setAutoClose(False)
            progress.canceled.connect(self.cancel)
            progress.reset()  # hidden until armed
            progress.setLabelText(self._label)
            self._progress = progress
        return self._progress

    def open(self, path: Path | None, password: str | None = None) -> None:
        """Open ``path`` (None: the default keystore) with ``password`` or the keyring's."""
        target = path or config.default_keystore_path()
        prompt = DialogPasswordPrompt(self.prompts)
        job, default = _open_job(path), path is None
        if password is not None:
            self._start(PasswordSource(target, password, prompt=prompt), job, default=default)
            return
        # The keyring (importing it, a D-Bus call) is asked in a worker: the window paints
        # meanwhile, and a slow keyring never freezes it.
        self._set_busy(True)

        def looked_up(source: PasswordSource) -> None:
            self._lookup = None
            self._start(source, job, default=default)

        def no_keyring(_error: ErrorInfo) -> None:
            self._lookup = None
            source = PasswordSource(target, None, prompt=prompt, use_keyring=False)
            self._start(source, job, default=default)

        self._lookup = self.runner.run(
            _password_source,
            target,
            prompt,
            title=self.tr("Opening"),
            on_done=looked_up,
            on_error=no_keyring,
            on_cancelled=self._lookup_cancelled,
        )

    def cancel(self) -> None:
        """Stop the open in progress (``cancelled`` follows)."""
        if self._lookup is not None:
            self._lookup.cancel()
        if self._flow is not None:
            self._flow.cancel()

    def _start(self, source: PasswordSource, job: OpenJob, *, default: bool = False) -> None:
        self._set_busy(True)
        flow: PasswordFlow[Keystore] = PasswordFlow(
            self.runner,
            self.gate,
            source,
            job,
            title=self.tr("Opening"),
            on_done=lambda store: self._done(flow, store),
            on_error=lambda error: self._failed(error, default=default),
            on_cancelled=self._cancelled,
            on_attempt=self._reading,
        )
        self._flow = flow
        flow.start()

    def _reading(self, handle: TaskHandle) -> None:
        """An attempt started: show the busy dialog if it takes a while, hide it after."""
        name = self._flow.source.target.name if self._flow is not None else ""
        self._label = self.tr("Reading {name}…").format(name=name)
        if self._progress is not None:
            self._progress.setLabelText(self._label)
        self._show_timer.start()
        handle.signals.reported.connect(self._read)

    def _read(self) -> None:
        self._show_timer.stop()
        if self._progress is not None:
            self._progress.hide()

    def _set_busy(self, busy: bool) -> None:
        if busy != self.busy:
            self.busy = busy
            self.busyChanged.emit(busy)

    def _done(self, flow: PasswordFlow[Keystore], store: Keystore) -> None:
        self._flow = None
        self._set_busy(False)
        if flow.keyring_notice:
            self.notice.emit(flow.keyring_notice)
        self.opened.emit(store)

    def _lookup_cancelled(self) -> None:
        self._lookup = None
        self._cancelled()

    def _cancelled(self) -> None:
        self._flow = None
        self._set_busy(False)
        self.cancelled.emit()

    def _failed(self, error: ErrorInfo, *, default: bool) -> None:
        self._flow = None
        if default and isinstance(error.error, NoKeyring):
            self._create_default_without_keyring()
            return
        self._set_busy(False)
        self.prompts.error(self.tr("Cannot open the keystore"), error.message)
        self.failed.emit(error)

    def _create_default_without_keyring(self) -> None:
        """First run without a keyring: the user chooses the password (the dialog says it
        cannot be remembered: one message, not two)."""
        target = config.default_keystore_path()

        def ask() -> None:
            answer = self.prompts.ask_password(target, new=True)
            if answer is None:
                self._cancelled()
                return
            chosen = answer.password
            source = PasswordSource(target, chosen, use_keyring=False)
            self._start(source, lambda _pw, cancel: _open_default(chosen, chosen, cancel))

        self.gate.ask(ask)
