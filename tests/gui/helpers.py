"""Shared pieces of the GUI tests: the keystore password and opening a real window."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from keymon.gui.app import open_main_window
from keymon.gui.main_window import KeymonMainWindow
from keymon.gui.prompts import ScriptedPrompts

PW = "storepass"


def open_window(
    qtbot: QtBot, path: Path | None, password: str | None, home: Path, prompts: ScriptedPrompts
) -> KeymonMainWindow:
    win = open_main_window(path, password, home, prompts=prompts)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.keystoreOpened, timeout=15_000):
        pass  # results arrive through the event loop, so connecting now is in time
    return win
