"""The one worker runner: run a pure callable off the GUI thread, always hear back.

* :class:`Task` is a QRunnable wrapping the callable; its signals live on a
  separate :class:`TaskSignals` QObject owned by the GUI thread.
* Every outcome is reported exactly once, in the GUI thread: ``finished(result)``,
  ``failed(ErrorInfo)`` (every exception, expected or not) or ``cancelled()``.
* A callable that declares a parameter named ``cancel`` receives the core's
  :class:`~keymon.core.cancel.CancelToken` (raising ``Cancelled`` reports
  ``cancelled``); one that declares ``progress`` receives a
  ``progress(done, total, text)`` function (safe to call often: the GUI sees
  the latest value, never a backlog).
* :class:`TaskRunner` keeps every task referenced until it has reported. Its
  executor is injectable: :class:`InlineExecutor` runs tasks synchronously in
  the calling thread for tests (results still arrive through the event loop).
"""

from __future__ import annotations

import inspect
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from keymon.core.cancel import Cancelled, CancelToken
from keymon.core.errors import KeymonError
from keymon.core.rust_panic import is_rust_panic
from keymon.gui.i18n import QT_TRANSLATE_NOOP

EXIT_INTERNAL = 70
GENERIC_MESSAGE = QT_TRANSLATE_NOOP(
    "Workers", "Something unexpected went wrong in keymon; the details can help to report it."
)
PANIC_MESSAGE = QT_TRANSLATE_NOOP(
    "Workers",
    "The file is damaged or unsupported: the cryptography library refused its contents.",
)

ErrorKind = Literal["user", "os", "internal"]
Outcome = Literal["finished", "failed", "cancelled"]
ProgressFn = Callable[[int, int, str], None]
R = TypeVar("R")

__all__ = [
    "CancelToken",
    "Cancelled",
    "ErrorInfo",
    "InlineExecutor",
    "TaskHandle",
    "TaskRunner",
]


@dataclass(frozen=True)
class ErrorInfo:
    """What the UI shows for a failed task: typed, never a dict."""

    title: str
    message: str  # one sentence for the user
    error: BaseException  # the exception itself: callers test isinstance, never names
    details: str  # traceback text for a details box
    exit_code: int
    kind: ErrorKind

    @property
    def is_bug(self) -> bool:
        return self.kind == "internal"

    @property
    def type_name(self) -> str:
        """The exception's class name, for the details box."""
        return type(self.error).__name__

    @classmethod
    def from_exception(cls, exc: BaseException, title: str = "keymon") -> ErrorInfo:
        details = "".join(traceback.format_exception(exc))
        if isinstance(exc, KeymonError):
            return cls(title, exc.message, exc, details, exc.exit_code, "user")
        if isinstance(exc, OSError):
            message = f"{exc.filename or 'A file'}: {exc.strerror or exc}"
            return cls(title, message, exc, details, 4, "os")
        if is_rust_panic(exc):  # a BaseException from cryptography's Rust code (rust_panic)
            message = QCoreApplication.translate("Workers", PANIC_MESSAGE)
            return cls(title, message, exc, details, 4, "user")
        message = QCoreApplication.translate("Workers", GENERIC_MESSAGE)
        return cls(title, message, exc, details, EXIT_INTERNAL, "internal")


class TaskSignals(QObject):
    """The signals of one task, always emitted in the thread this object lives in."""

    finished = Signal(object)
    failed = Signal(object)  # ErrorInfo
    cancelled = Signal()
    progress = Signal(int, int, str)
    reported = Signal(object)  # self, after the outcome signal: the runner lets go

    _outcome = Signal(str, object)  # worker thread → this thread (queued)
    _progress_posted = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._latest: tuple[int, int, str] | None = None
        self._done = False
        self._outcome.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._progress_posted.connect(self._deliver_progress, Qt.ConnectionType.QueuedConnection)

    # -- any thread ----------------------------------------------------------
    def post_progress(self, done: int, total: int, text: str = "") -> None:
        with self._lock:
            pending = self._latest is not None
            self._latest = (int(done), int(total), str(text))
        if not pending:
            self._progress_posted.emit()

    def post_outcome(self, outcome: Outcome, payload: object = None) -> None:
        self._outcome.emit(outcome, payload)

    # -- this object's thread --------------------------------------------------
    @Slot()
    def _deliver_progress(self) -> None:
        with self._lock:
            latest, self._latest = self._latest, None
        if latest is not None and not self._done:
            self.progress.emit(*latest)

    @Slot(str, object)
    def _deliver(self, outcome: str, payload: object) -> None:
        if self._done:
            return
        self._deliver_progress()  # a value posted just before the outcome still shows
        self._done = True
        try:
            if outcome == "finished":
                self.finished.emit(payload)
            elif outcome == "failed":
                self.failed.emit(payload)
            else:
                self.cancelled.emit()
        finally:
            self.reported.emit(self)


class Task(QRunnable):
    """Runs ``fn()`` once and reports its outcome through ``signals``."""

    def __init__(
        self, fn: Callable[[], object], signals: TaskSignals, token: CancelToken, title: str
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python keeps it alive until it has reported
        self.fn, self.signals, self.token, self.title = fn, signals, token, title

    def run(self) -> None:
        outcome: Outcome
        payload: object = None
        if self.token.cancelled:
            outcome = "cancelled"
        else:
            try:
                result = self.fn()
            except Cancelled:
                outcome = "cancelled"
            except BaseException as exc:  # every failure reports; nothing escapes the pool
                outcome, payload = "failed", ErrorInfo.from_exception(exc, self.title)
            else:
                outcome = "cancelled" if self.token.cancelled else "finished"
                payload = None if self.token.cancelled else result
        self.signals.post_outcome(outcome, payload)


class Executor(Protocol):
    """What TaskRunner needs of a QThreadPool."""

    def start(self, runnable: QRunnable, /) -> None: ...
    def tryTake(self, runnable: QRunnable, /) -> bool: ...
    def waitForDone(self, msecs: int, /) -> bool: ...


class InlineExecutor:
    """Runs each task synchronously in the calling thread (for tests)."""

    def start(self, runnable: QRunnable, /) -> None:
        runnable.run()

    def tryTake(self, runnable: QRunnable, /) -> bool:
        return False

    def waitForDone(self, msecs: int, /) -> bool:
        return True


class TaskHandle:
    """A started task: its signals, its cancel token and whether it has reported."""

    def __init__(self, runner: TaskRunner, task: Task) -> None:
        self._runner = runner
        self._task = task
        #: Connect right after ``run()``; deleted (deleteLater) once the task has reported.
        self.signals = task.signals
        self.token = task.token
        self.title = task.title
        self.done = False

    def cancel(self) -> None:
        """Ask the task to stop; a task that has not started yet reports ``cancelled`` at once."""
        if self.done:
            return
        self.token.cancel()
        self._runner._take(self._task)


def _accepts(fn: Callable[..., object], name: str) -> bool:
    try:
        parameters = inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False
    return name in parameters


class TaskRunner(QObject):
    """Starts tasks on a thread pool and keeps them referenced until they report."""

    busyChanged = Signal(bool)
    #: ErrorInfo of a failed task that was started without ``on_error``: never lost.
    unhandledError = Signal(object)

    def __init__(self, executor: Executor | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor: Executor = executor if executor is not None else QThreadPool(self)
        self._active: dict[int, TaskHandle] = {}

    @property
    def executor(self) -> Executor:
        return self._executor

    @property
    def active(self) -> tuple[TaskHandle, ...]:
        return tuple(self._active.values())

    @property
    def busy(self) -> bool:
        return bool(self._active)

    def run(
        self,
        fn: Callable[..., R],
        /,
        *args: Any,
        title: str = "keymon",
        on_done: Callable[[R], object] | None = None,
        on_error: Callable[[ErrorInfo], object] | None = None,
        on_progress: Callable[[int, int, str], object] | None = None,
        on_cancelled: Callable[[], object] | None = None,
    ) -> TaskHandle:
        """Run ``fn(*args)`` (plus ``cancel=``/``progress=`` if it declares them) in the pool.

        Call from the GUI thread; every callback is called in it. ``on_done`` takes what
        ``fn`` returns (type-checked); the arguments are not, as ``cancel``/``progress``
        are passed by name when ``fn`` declares them.
        """
        # Owned by the runner: only deleteLater() in this thread ever deletes it, even
        # when a worker thread holds the last Python reference.
        signals = TaskSignals(self)
        token = CancelToken()
        kwargs: dict[str, Any] = {}
        if _accepts(fn, "cancel"):
            kwargs["cancel"] = token
        if _accepts(fn, "progress"):
            kwargs["progress"] = signals.post_progress

        def call() -> object:
            return fn(*args, **kwargs)

        task = Task(call, signals, token, title)
        handle = TaskHandle(self, task)
        if on_done is not None:
            signals.finished.connect(on_done)
        if on_error is not None:
            signals.failed.connect(on_error)
        else:
            signals.failed.connect(self.unhandledError)
        if on_progress is not None:
            signals.progress.connect(on_progress)
        if on_cancelled is not None:
            signals.cancelled.connect(on_cancelled)
        signals.reported.connect(self._release)
        was_busy = self.busy
        self._active[id(signals)] = handle
        if not was_busy:
            self.busyChanged.emit(True)
        self._executor.start(task)
        return handle

    def cancel_all(self) -> None:
        for handle in self.active:
            handle.cancel()

    def shutdown(self, msecs: int = 5000) -> bool:
        """Cancel everything and wait up to ``msecs`` for running tasks to return."""
        self.cancel_all()
        return self._executor.waitForDone(msecs)

    def _take(self, task: Task) -> None:
        if self._executor.tryTake(task):  # never started: report for it
            task.signals.post_outcome("cancelled")

    @Slot(object)
    def _release(self, signals: TaskSignals) -> None:
        handle = self._active.pop(id(signals), None)
        if handle is None:
            return
        handle.done = True
        signals.deleteLater()  # not inside its own slot: deleted once control is back home
        if not self._active:
            self.busyChanged.emit(False)
