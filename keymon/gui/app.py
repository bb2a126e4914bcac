"""Start keymon's window: ``run`` for the command line, ``open_main_window`` for tests."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from keymon import APP_ID, __version__
from keymon.core.compat import tolerate_legacy_certificates
from keymon.gui.i18n import install_translator
from keymon.gui.icons import app_icon
from keymon.gui.main_window import KeymonMainWindow
from keymon.gui.prompts import Prompts
from keymon.gui.settings import Settings
from keymon.gui.theme import apply_theme
from keymon.gui.workers import TaskRunner

#: How long a worker thread may hold the GIL while the GUI thread waits for it (CPython's
#: default is 5 ms). Every Python slot, paint callback and model call of the GUI thread
#: needs the GIL; while a keystore is read in a worker each of them waited up to 5 ms,
#: and an event-loop turn made of several stalled 50-120 ms.
SWITCH_INTERVAL = 0.001


def _application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    sys.setswitchinterval(SWITCH_INTERVAL)
    # One identity, derived from APP_ID (io.github.keymon.Keymon): the domain is its
    # reverse, the desktop file (Wayland app id) is APP_ID, and the application name
    # "keymon" is the X11 WM_CLASS the desktop entry's StartupWMClass names.
    QApplication.setOrganizationName("keymon")
    QApplication.setOrganizationDomain(".".join(reversed(APP_ID.split(".")[:-1])))
    QApplication.setApplicationName("keymon")
    QApplication.setApplicationVersion(__version__)
    QApplication.setDesktopFileName(APP_ID)
    QApplication.setWindowIcon(app_icon())
    return app


def open_main_window(
    keystore_path: str | os.PathLike[str] | None = None,
    password: str | None = None,
    config_dir: str | os.PathLike[str] | None = None,
    *,
    prompts: Prompts | None = None,
    runner: TaskRunner | None = None,
    apply_preferences: bool = False,
) -> KeymonMainWindow:
    """Build and show the main window inside a running QApplication, then open a keystore.

    ``keystore_path`` None opens the default keystore. ``config_dir`` replaces
    keymon's data directory (settings, backups, default keystore). Opening runs
    in a worker: wait for the window's ``keystoreOpened`` signal.
    ``apply_preferences`` installs the language and theme from the settings
    (a real start does; tests keep what they installed themselves).
    """
    tolerate_legacy_certificates()
    app = _application()
    if config_dir is not None:
        os.environ["KEYMON_HOME"] = str(Path(config_dir).resolve())
    settings = Settings(Path(config_dir) if config_dir is not None else None)
    if apply_preferences:
        install_translator(app, os.environ.get("KEYMON_LANGUAGE") or settings.language)
        apply_theme(app, settings.theme)
    window = KeymonMainWindow(settings, prompts=prompts, runner=runner)
    window.show()
    window.open_keystore(Path(keystore_path) if keystore_path else None, password)
    return window


def run(args: list[str]) -> int:
    app = _application()
    window = open_main_window(args[0] if args else None, apply_preferences=True)
    window.opener.failed.connect(lambda _e: None)
    mode = os.environ.get("KEYMON_EXIT_AFTER_SHOW")
    if mode:
        _exit_after_show(app, window, keystore=mode == "keystore")
    return int(app.exec())


def _exit_after_show(app: QApplication, window: KeymonMainWindow, *, keystore: bool) -> None:
    """Start-up checks and timing (tests/test_bundle.py, bench/cold_start.py).

    Once the event loop runs with the window shown, print ``window shown <ms>``
    (time.monotonic, the launcher's clock) and quit; with ``keystore``, wait until the
    table shows the keystore, paint it, print ``keystore shown <ms> <rows>`` and quit
    (exit code 1 if it could not be opened).
    """
    import time

    from PySide6.QtCore import QTimer

    def shown() -> None:
        if window.isVisible():
            print(f"window shown {time.monotonic() * 1000:.1f}", flush=True)
        if not keystore:
            app.quit()

    printed: list[bool] = []

    def keystore_shown() -> None:
        if printed:
            return
        printed.append(True)
        window.table.viewport().repaint()  # painted, rows included
        rows = window.model.rowCount()
        print(f"keystore shown {time.monotonic() * 1000:.1f} {rows}", flush=True)
        app.quit()

    def rows_shown() -> None:
        if window.model.rowCount():
            QTimer.singleShot(0, keystore_shown)

    if keystore:
        window.model.modelReset.connect(rows_shown)
        window.keystoreOpened.connect(keystore_shown)  # (an empty keystore)
        window.opener.failed.connect(lambda _e: app.exit(1))
    QTimer.singleShot(0, shown)
