"""The filter row above the entries table: text, entry type and expiry.

Its texts keep the main window's translation context (they were its own).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from keymon.gui.i18n import QT_TRANSLATE_NOOP
from keymon.gui.models.entries_proxy import EntriesProxy

_CONTEXT = "KeymonMainWindow"
EXPIRY_CHOICES = (
    (None, QT_TRANSLATE_NOOP("KeymonMainWindow", "Any expiry")),
    (0, QT_TRANSLATE_NOOP("KeymonMainWindow", "Expired")),
    (7, QT_TRANSLATE_NOOP("KeymonMainWindow", "Expires in 7 days")),
    (30, QT_TRANSLATE_NOOP("KeymonMainWindow", "Expires in 30 days")),
    (90, QT_TRANSLATE_NOOP("KeymonMainWindow", "Expires in 90 days")),
    (365, QT_TRANSLATE_NOOP("KeymonMainWindow", "Expires in a year")),
)
KIND_CHOICES = (
    (None, QT_TRANSLATE_NOOP("KeymonMainWindow", "All entries")),
    ("key_pair", QT_TRANSLATE_NOOP("KeymonMainWindow", "Key pairs")),
    ("certificate", QT_TRANSLATE_NOOP("KeymonMainWindow", "Trusted certificates")),
    ("secret_key", QT_TRANSLATE_NOOP("KeymonMainWindow", "Secret keys")),
)


class FilterBar(QWidget):
    """The filter box and the two filter combos; each change goes straight to the proxy."""

    def __init__(self, proxy: EntriesProxy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.proxy = proxy
        self.edit = QLineEdit(self)
        self.edit.setObjectName("filterEdit")
        self.edit.setPlaceholderText(
            QCoreApplication.translate(
                "KeymonMainWindow", "Filter by alias, subject, issuer, serial or fingerprint"
            )
        )
        self.edit.setClearButtonEnabled(True)
        self.edit.setAccessibleName(
            QCoreApplication.translate("KeymonMainWindow", "Filter entries")
        )
        self.edit.textChanged.connect(proxy.set_filter_text)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("kindFilter")
        self.kind_combo.setAccessibleName(
            QCoreApplication.translate("KeymonMainWindow", "Entry type filter")
        )
        for value, text in KIND_CHOICES:
            self.kind_combo.addItem(QCoreApplication.translate(_CONTEXT, text), value)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.expiry_combo = QComboBox(self)
        self.expiry_combo.setObjectName("expiryFilter")
        self.expiry_combo.setAccessibleName(
            QCoreApplication.translate("KeymonMainWindow", "Expiry filter")
        )
        for days, text in EXPIRY_CHOICES:
            self.expiry_combo.addItem(QCoreApplication.translate(_CONTEXT, text), days)
        self.expiry_combo.currentIndexChanged.connect(self._expiry_changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.kind_combo)
        layout.addWidget(self.expiry_combo)
        self.setTabOrder(self.edit, self.kind_combo)
        self.setTabOrder(self.kind_combo, self.expiry_combo)

    def focus(self) -> None:
        """Put the cursor in the filter box with its text selected (Find)."""
        self.edit.setFocus()
        self.edit.selectAll()

    def _kind_changed(self) -> None:
        kind = self.kind_combo.currentData()
        self.proxy.set_kinds(None if kind is None else [kind])

    def _expiry_changed(self) -> None:
        days = self.expiry_combo.currentData()
        self.proxy.set_expires_within(None if days is None else float(days))
