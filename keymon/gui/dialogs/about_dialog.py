"""Help › About keymon: what this is and the versions it runs on, with a Copy button.

``show_about(window)`` shows the dialog through ``window.run_dialog(dialog)`` when
the window has such an attribute (tests replace it), else ``dialog.exec()``.
"""

from __future__ import annotations

import platform
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from keymon import __version__
from keymon.gui.i18n import QT_TRANSLATE_NOOP
from keymon.gui.icons import app_icon

DESCRIPTION = QT_TRANSLATE_NOOP(
    "AboutDialog",
    "A desktop keystore monitor for client-certificate (mutual TLS) setups: "
    "PKCS#12, JKS, JCEKS and PEM keystores, their chains and expiry dates.",
)


@dataclass(frozen=True)
class VersionInfo:
    keymon: str
    qt: str
    pyside6: str
    cryptography: str
    openssl: str
    python: str

    def rows(self) -> tuple[tuple[str, str], ...]:
        return (
            ("keymon", self.keymon),
            ("Qt", self.qt),
            ("PySide6", self.pyside6),
            ("cryptography", self.cryptography),
            ("OpenSSL", self.openssl),
            ("Python", self.python),
        )

    def as_text(self) -> str:
        return "".join(f"{name}: {value}\n" for name, value in self.rows())


def version_info() -> VersionInfo:
    import cryptography
    import PySide6
    from cryptography.hazmat.backends.openssl.backend import backend

    return VersionInfo(
        keymon=__version__,
        qt=qVersion(),
        pyside6=PySide6.__version__,
        cryptography=cryptography.__version__,
        openssl=backend.openssl_version_text(),
        python=f"{platform.python_version()} ({platform.python_implementation()})",
    )


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, info: VersionInfo | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About keymon"))
        self.info = info or version_info()

        logo = QLabel(self)
        logo.setObjectName("aboutIcon")
        logo.setPixmap(app_icon().pixmap(96, 96))
        logo.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        title = QLabel(f"<h2 style='margin:0'>keymon {self.info.keymon}</h2>", self)
        title.setObjectName("aboutTitle")
        description = QLabel(QCoreApplication.translate("AboutDialog", DESCRIPTION), self)
        description.setObjectName("aboutDescription")
        description.setWordWrap(True)

        versions = QFormLayout()
        versions.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        versions.setVerticalSpacing(4)
        versions.setHorizontalSpacing(12)
        versions.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, value in self.info.rows():
            field = QLabel(value, self)
            field.setObjectName(f"version_{name}")
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            versions.addRow(QLabel(f"<b>{name}</b>", self), field)

        text = QVBoxLayout()
        text.addWidget(title)
        text.addWidget(description)
        text.addSpacing(8)
        text.addLayout(versions)
        text.addStretch(1)
        top = QHBoxLayout()
        top.setSpacing(18)
        top.addWidget(logo)
        top.addLayout(text, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self.tr("&Copy Version Info"), self)
        self.copy_button.setObjectName("copyVersionsButton")
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_versions)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)  # Return and Escape close
        close.setFocus()

    def copy_versions(self) -> None:
        QGuiApplication.clipboard().setText(self.info.as_text())


def show_about(window: QWidget) -> None:
    """Help › About keymon."""
    dialog = AboutDialog(window)
    run: Callable[[QDialog], int] | None = getattr(window, "run_dialog", None)
    try:
        if run is not None:
            run(dialog)
        else:
            dialog.exec()
    finally:
        dialog.deleteLater()
