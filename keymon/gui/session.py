"""One open keystore in the GUI: its entries, undo stack, saving and watching.

Every change is an undo command (keymon.gui.undo) that edits the in-memory
Keystore and tells the views what changed; the session then saves at once, in a
worker, one save at a time. The keystore's folder is watched so that a change
by another program is noticed (never overwritten: core.storage refuses).
"""

from __future__ import annotations

from PySide6.QtCore import QEventLoop, QFileSystemWatcher, QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from keymon.core import storage
from keymon.core.keystore import Keystore
from keymon.gui.workers import ErrorInfo, TaskRunner


class KeystoreSession(QObject):
    """Signals tell views about edits; ``saved``/``saveFailed`` about the file."""

    reset = Signal()
    entryInserted = Signal(object, int)  # Entry, index
    entryRemoved = Signal(str)  # alias
    entryReplaced = Signal(str, object)  # old alias, new Entry
    saved = Signal()
    saveFailed = Signal(object)  # ErrorInfo
    savingChanged = Signal(bool)
    externalChange = Signal()

    def __init__(self, store: Keystore, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.undo_stack = QUndoStack(self)
        self._saving = False
        self._pending = False
        self._persisted_count = len(store)
        self._watcher = QFileSystemWatcher(self)
        self._watch_timer = QTimer(self)
        self._watch_timer.setSingleShot(True)
        self._watch_timer.setInterval(150)  # editors write in bursts
        self._watch_timer.timeout.connect(self._check_disk)
        self._watcher.directoryChanged.connect(lambda _p: self._watch_timer.start())
        self._watcher.fileChanged.connect(lambda _p: self._watch_timer.start())
        self._external_reported = False
        self._watch()

    # -- editing ---------------------------------------------------------------
    def push(self, command: QUndoCommand) -> None:
        """Apply an edit (undoable); it is saved right after."""
        self.undo_stack.push(command)

    def changed(self) -> None:
        """Called by undo commands after each redo/undo."""
        self.schedule_save()

    # -- saving ----------------------------------------------------------------
    @property
    def saving(self) -> bool:
        return self._saving

    def schedule_save(self) -> None:
        if self.store.path is None:
            return
        if self._saving:
            self._pending = True
            return
        self._start_save()

    def _start_save(self) -> None:
        request = self.store.save_request(self._persisted_count)
        self._saving, self._pending = True, False
        self.savingChanged.emit(True)
        self.runner.run(
            request.run,
            title=self.tr("Saving"),
            on_done=self._save_done,
            on_error=self._save_failed,
        )

    def _save_done(self, snapshot: storage.FileSnapshot) -> None:
        self.store.mark_saved(snapshot)
        self._persisted_count = len(self.store)
        self._saving = False
        self._external_reported = False
        if self._pending:
            self._start_save()
            return
        self.savingChanged.emit(False)
        self.saved.emit()

    def _save_failed(self, error: ErrorInfo) -> None:
        self._saving = False
        self._pending = False
        self.savingChanged.emit(False)
        self.saveFailed.emit(error)

    def wait_saved(self, msecs: int = 10_000) -> bool:
        """Wait (running the event loop) until pending saves are done; other tasks may go on.

        Used before closing a keystore: a running probe or key generation must not
        delay it, but a save must never be cut off.
        """
        if not self._saving:
            return True
        loop = QEventLoop()
        self.saved.connect(loop.quit)
        self.saveFailed.connect(loop.quit)
        timer = QTimer(loop)  # owned by the loop: gone with it
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        timer.start(msecs)
        loop.exec()
        self.saved.disconnect(loop.quit)
        self.saveFailed.disconnect(loop.quit)
        return not self._saving

    # -- watching --------------------------------------------------------------
    def _watch(self) -> None:
        path = self.store.path
        if path is None:
            return
        folder = str(path.parent)
        if folder not in self._watcher.directories():
            self._watcher.addPath(folder)
        if path.exists() and str(path) not in self._watcher.files():
            self._watcher.addPath(str(path))

    def _check_disk(self) -> None:
        self._watch()  # os.replace drops the file watch: renew it
        if self._saving or self._external_reported:
            return
        try:
            changed = self.store.changed_on_disk()
        except Exception:  # unreadable right now: report as a change
            changed = True
        if changed:
            self._external_reported = True
            self.externalChange.emit()

    def check_disk_now(self) -> None:
        self._watch_timer.stop()
        self._check_disk()

    def replace_store(self, store: Keystore) -> None:
        """After a reload: new content, a fresh undo history."""
        self.store = store
        self._persisted_count = len(store)
        self._external_reported = False
        self.undo_stack.clear()
        self._watch()
        self.reset.emit()
