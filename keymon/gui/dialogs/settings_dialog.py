"""The Settings dialog: expiry warning window, key defaults, PKCS#12 encryption, theme,
language, tray icon.

The dialog edits a :class:`~keymon.gui.preferences.Preferences` value and never touches
the settings file itself; ``answer()`` returns the edited copy and the caller stores and
applies it. No password is ever part of it.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from keymon.core.formats.protection import Pkcs12Protection
from keymon.core.x509.keygen import EC_CURVES, RSA_SIZES
from keymon.gui.dialogs.password_dialog import ok_cancel
from keymon.gui.i18n import LANGUAGES, SYSTEM
from keymon.gui.label_columns import share_label_width
from keymon.gui.preferences import Preferences


def key_choices() -> list[tuple[str, str]]:
    """(settings value, label) for every key the wizard can generate."""
    out = [(f"rsa:{size}", f"RSA {size}") for size in RSA_SIZES]
    out += [(f"ec:{curve}", f"EC {curve}") for curve in EC_CURVES]
    out.append(("ed25519", "Ed25519"))
    return out


class SettingsDialog(QDialog):
    """Three groups (Expiry, New key pairs and files, Appearance) sharing one label column."""

    def __init__(self, current: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.current = current
        groups = (self._build_expiry(), self._build_keys(), self._build_looks())
        #: The groups' forms; their labels share one width, so the fields line up.
        self.forms = [group.layout() for group in groups]
        share_label_width(*(form for form in self.forms if isinstance(form, QFormLayout)))
        self.buttons, self.ok_button = ok_cancel(self)
        layout = QVBoxLayout(self)
        for widget in groups:
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        for signal in (self.language_combo.currentIndexChanged, self.tray_check.toggled):
            signal.connect(self._update_note)
        self._update_note()
        self.setMinimumWidth(max(560, layout.minimumSize().width()))  # long translations too
        self.warning_spin.setFocus()

    def _build_expiry(self) -> QGroupBox:
        current = self.current
        self.warning_spin = self._spin("warningDaysSpin", 1, 365, current.warning_days)
        self.warning_spin.setAccessibleName(self.tr("Expiry warning window in days"))
        self.warning_spin.setToolTip(
            self.tr(
                "Certificates expiring within this many days are marked, listed by the "
                "tray icon and announced by a notification."
            )
        )
        self.tray_check = QCheckBox(self.tr("Show a &tray icon and notify about expiry"), self)
        self.tray_check.setObjectName("trayCheck")
        self.tray_check.setChecked(current.tray)
        expiry = QGroupBox(self.tr("Expiry"), self)
        form = QFormLayout(expiry)
        form.addRow(self.tr("&Warn this many days ahead:"), self.warning_spin)
        form.addRow("", self.tray_check)  # in the field column, under the spin box
        return expiry

    def _build_keys(self) -> QGroupBox:
        current = self.current
        self.key_combo = QComboBox(self)
        self.key_combo.setObjectName("defaultKeyCombo")
        self.key_combo.setAccessibleName(self.tr("Default key type"))
        for value, label in key_choices():
            self.key_combo.addItem(label, value)
        self._select(self.key_combo, current.default_key)
        self.validity_spin = self._spin("validitySpin", 1, 36500, current.validity_days)
        self.validity_spin.setAccessibleName(self.tr("Default validity in days"))
        self.pkcs12_combo = QComboBox(self)
        self.pkcs12_combo.setObjectName("pkcs12Combo")
        self.pkcs12_combo.setAccessibleName(self.tr("PKCS#12 encryption"))
        self.pkcs12_combo.addItem(
            self.tr("Modern (AES-256, PBKDF2, SHA-256 MAC)"), Pkcs12Protection.AES_256.value
        )
        self.pkcs12_combo.addItem(
            self.tr("Legacy (3DES, SHA-1 MAC) for Java before 8u301 and old Windows"),
            Pkcs12Protection.LEGACY_3DES.value,
        )
        self._select(self.pkcs12_combo, current.pkcs12_protection.value)
        # the long item texts must not squeeze the labels: the popup shows them whole
        self.pkcs12_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.pkcs12_combo.setMinimumContentsLength(30)
        self.pkcs12_combo.setToolTip(
            self.tr(
                "Used when keymon saves a PKCS#12 keystore and as the default when it "
                "exports a key pair. Legacy encryption is weak: use it only for software "
                "that cannot read modern files."
            )
        )
        keys = QGroupBox(self.tr("New key pairs and files"), self)
        form = QFormLayout(keys)
        form.addRow(self.tr("Default &key:"), self.key_combo)
        form.addRow(self.tr("Default &validity:"), self.validity_spin)
        form.addRow(self.tr("&PKCS#12 encryption:"), self.pkcs12_combo)
        return keys

    def _build_looks(self) -> QGroupBox:
        current = self.current
        self.theme_combo = QComboBox(self)
        self.theme_combo.setObjectName("themeCombo")
        self.theme_combo.setAccessibleName(self.tr("Theme"))
        self.theme_combo.addItem(self.tr("Follow the system"), SYSTEM)
        self.theme_combo.addItem(self.tr("Light"), "light")
        self.theme_combo.addItem(self.tr("Dark"), "dark")
        self._select(self.theme_combo, current.theme)
        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("languageCombo")
        self.language_combo.setAccessibleName(self.tr("Language"))
        self.language_combo.addItem(self.tr("Follow the system"), SYSTEM)
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)  # each language in its own words
        self._select(self.language_combo, current.language)
        self.restart_note = QLabel(self)
        self.restart_note.setObjectName("restartNote")
        self.restart_note.setWordWrap(True)
        looks = QGroupBox(self.tr("Appearance"), self)
        form = QFormLayout(looks)
        form.addRow(self.tr("T&heme:"), self.theme_combo)
        form.addRow(self.tr("&Language:"), self.language_combo)
        form.addRow("", self.restart_note)
        self._looks_form = form
        return looks

    def _spin(self, name: str, low: int, high: int, value: int) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(low, high)
        spin.setValue(min(max(value, low), high))
        spin.setSuffix(self.tr(" days"))
        return spin

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    def _update_note(self) -> None:
        later = (
            self.language_combo.currentData() != self.current.language
            or self.tray_check.isChecked() != self.current.tray
        )
        self.restart_note.setText(
            self.tr("The language and the tray icon change when keymon starts next.")
            if later
            else ""
        )
        self._looks_form.setRowVisible(self.restart_note, later)  # no empty row below

    def answer(self) -> Preferences:
        return Preferences(
            warning_days=self.warning_spin.value(),
            default_key=str(self.key_combo.currentData()),
            validity_days=self.validity_spin.value(),
            pkcs12_protection=Pkcs12Protection(self.pkcs12_combo.currentData()),
            theme=str(self.theme_combo.currentData()),
            language=str(self.language_combo.currentData()),
            tray=self.tray_check.isChecked(),
        )
