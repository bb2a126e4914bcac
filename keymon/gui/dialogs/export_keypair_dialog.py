"""Export a key pair as PKCS#12: a password typed twice and the legacy-encryption choice."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from keymon.core.formats.protection import Pkcs12Protection
from keymon.gui.dialogs.password_dialog import NewPasswordFields, ok_cancel


@dataclass(frozen=True)
class ExportAnswer:
    """The password protecting the exported file, and how the file is encrypted."""

    password: str
    protection: Pkcs12Protection = Pkcs12Protection.AES_256

    def __repr__(self) -> str:
        return f"ExportAnswer(password='***', protection={self.protection})"


class ExportKeyPairDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        alias: str = "",
        protection: Pkcs12Protection = Pkcs12Protection.AES_256,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportKeyPairDialog")
        self.setWindowTitle(self.tr("Export Key Pair"))
        intro = QLabel(self)
        intro.setObjectName("introLabel")
        intro.setWordWrap(True)
        if alias:
            intro.setText(
                self.tr(
                    "The private key and certificate chain of {alias} are written to a "
                    "PKCS#12 file protected by this password."
                ).format(alias=alias)
            )
        else:
            intro.setText(
                self.tr(
                    "The private key and certificate chain are written to a PKCS#12 file "
                    "protected by this password."
                )
            )
        self.fields = NewPasswordFields(self)
        self.legacy_check = QCheckBox(
            self.tr(
                "&Legacy encryption (3DES, SHA-1 MAC) for older Windows and appliance importers"
            ),
            self,
        )
        self.legacy_check.setObjectName("legacyCheck")
        self.legacy_check.setChecked(protection is Pkcs12Protection.LEGACY_3DES)
        self.legacy_check.setToolTip(
            self.tr(
                "Use only when the importer rejects the file: the legacy encryption is "
                "much weaker than the default (AES-256 with PBKDF2)."
            )
        )
        self.buttons, self.ok_button = ok_cancel(self, self.tr("E&xport"))

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.fields)
        layout.addWidget(self.legacy_check)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        QWidget.setTabOrder(self.fields.show_check, self.legacy_check)
        self.fields.changed.connect(self._update)
        self.fields.password_edit.setFocus()
        self._update()

    def _update(self) -> None:
        problem = self.fields.problem()
        self.ok_button.setEnabled(problem is None)
        self.ok_button.setToolTip(problem or "")

    def answer(self) -> ExportAnswer:
        return ExportAnswer(
            self.fields.password(), Pkcs12Protection.legacy_if(self.legacy_check.isChecked())
        )
