"""A Rust panic from cryptography (a BaseException) reaching a worker is reported as a
file keymon cannot read (exit 4, not a bug), like the CLI does."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from keymon.gui.workers import PANIC_MESSAGE, ErrorInfo, InlineExecutor, TaskRunner
from tests.core.test_fuzz_findings import real_panic


def test_a_panic_becomes_a_damaged_file_error(qtbot: QtBot) -> None:
    panic = real_panic()
    runner = TaskRunner(InlineExecutor())
    seen: list[ErrorInfo] = []

    def open_file() -> None:
        raise panic

    handle = runner.run(open_file, title="Opening key.pem", on_error=seen.append)
    with qtbot.waitSignal(handle.signals.failed):
        pass
    [info] = seen
    assert (info.message, info.exit_code, info.kind) == (PANIC_MESSAGE, 4, "user")
    assert not info.is_bug
    assert info.error is panic and "PanicException" in info.details
    qtbot.waitUntil(lambda: not runner.busy)


def test_error_info_of_a_panic_directly() -> None:
    info = ErrorInfo.from_exception(real_panic())
    assert (info.exit_code, info.kind, info.type_name) == (4, "user", "PanicException")
