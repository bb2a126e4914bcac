"""Start the window. (Issue 3 replaces this first window with the keystore table.)"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import (
    QApplication,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from keymon import APP_ID, __version__
from keymon.core.default_store import NO_KEYRING_NOTICE, open_default
from keymon.core.errors import KeymonError
from keymon.core.keystore import Keystore


def ask_password(parent: QWidget | None, path: Path, notice: str = "") -> str:
    text = f"Password for {path.name}:"
    if notice:
        text = f"{notice}\n\n{text}"
    value, ok = QInputDialog.getText(parent, "keymon", text, QLineEdit.EchoMode.Password)
    if not ok:
        raise KeymonError("No password was given.")
    return str(value)


class FirstWindow(QMainWindow):
    """A window that shows which keystore is open and how many entries it holds."""

    def __init__(self, store: Keystore) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(f"keymon {__version__} – {store.path}")
        summary = QLabel(
            f"{store.path}\n{store.format.label} keystore with {len(store)} entries", self
        )
        summary.setObjectName("summaryLabel")
        summary.setMargin(24)
        self.setCentralWidget(summary)
        self.resize(640, 240)


def open_store(target: str | None) -> Keystore:
    if target:
        return Keystore.open(Path(target), None, lambda p: ask_password(None, p))
    return open_default(
        ask=lambda p: ask_password(None, p),
        ask_new=lambda p: ask_password(None, p, NO_KEYRING_NOTICE),
    )


def run(args: list[str]) -> int:
    from keymon.core.compat import tolerate_legacy_certificates

    tolerate_legacy_certificates()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    QApplication.setOrganizationDomain("keymon.github.io")
    QApplication.setApplicationName("keymon")
    QApplication.setDesktopFileName(APP_ID)
    try:
        store = open_store(args[0] if args else None)
    except KeymonError as exc:
        QMessageBox.critical(None, "keymon", exc.message)
        return exc.exit_code
    window = FirstWindow(store)
    window.show()
    return int(app.exec())
