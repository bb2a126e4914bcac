"""The status bar's part for tenants: progress and Cancel while entries load, the last error."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget


class TenantStatus(QWidget):
    """A progress bar with Cancel while a tenant loads, and a one-line error that stays."""

    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tenantStatus")
        self.error_label = QLabel(self)
        self.error_label.setObjectName("tenantError")
        self.error_label.setAccessibleName(self.tr("Tenant message"))
        self.progress = QProgressBar(self)
        self.progress.setObjectName("tenantProgress")
        self.progress.setMaximumWidth(180)
        self.progress.setFormat(self.tr("%v of %m entries"))
        self.progress.setAccessibleName(self.tr("Tenant entries read"))
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("tenantCancel")
        self.cancel_button.clicked.connect(self.cancelRequested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.error_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel_button)
        self.finish()
        self.error_label.hide()

    def start(self, text: str) -> None:
        """Loading began: an empty bar (busy until the total is known) and Cancel."""
        self.clear_error()
        self.progress.setRange(0, 0)
        self.progress.setToolTip(text)
        self.progress.show()
        self.cancel_button.show()

    def advance(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def finish(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()

    def show_error(self, text: str) -> None:
        """The sentence stays until the next load or connection (not a pop-up)."""
        self.error_label.setText(text)
        self.error_label.setToolTip(text)
        self.error_label.show()

    def clear_error(self) -> None:
        self.error_label.clear()
        self.error_label.hide()
