"""Shared pieces of the GUI tests: the keystore password and opening a real window."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot

import keymon
from keymon.gui.app import open_main_window
from keymon.gui.main_window import KeymonMainWindow
from tests.gui.scripted_prompts import ScriptedPrompts

PW = "storepass"
I18N = Path(keymon.__file__).parent / "resources" / "i18n"


def build_catalogues() -> list[Path]:
    """The .qm catalogues, built from the .ts sources where missing or older (as make does)."""
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    out = []
    for ts in sorted(I18N.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)
        out.append(qm)
    return out


def open_window(
    qtbot: QtBot, path: Path | None, password: str | None, home: Path, prompts: ScriptedPrompts
) -> KeymonMainWindow:
    win = open_main_window(path, password, home, prompts=prompts)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.keystoreOpened, timeout=15_000):
        pass  # results arrive through the event loop, so connecting now is in time
    return win


def drop_files(window: KeymonMainWindow, *paths: Path) -> None:
    """Drop ``paths`` on the window as a file manager would (a copy with the left button)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
