"""Edit › Settings: the dialog, what is stored (never a password), and what applies at once."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from keymon.core.expiry import Status
from keymon.core.formats.protection import Pkcs12Protection
from keymon.gui.dialogs.settings_dialog import SettingsDialog, key_choices
from keymon.gui.main_window import KeymonMainWindow
from keymon.gui.preferences import Preferences
from keymon.gui.settings import Settings
from keymon.gui.theme import apply_theme
from keymon.gui.wizards.keypair_wizard import KeyPage, KeyPairWizard
from tests.gui.helpers import PW
from tests.gui.keyboard import check_tab_order
from tests.gui.scripted_prompts import ScriptedPrompts

PBES2 = bytes.fromhex("06092a864886f70d01050d")  # OID 1.2.840.113549.1.5.13
TRIPLE_DES = bytes.fromhex("060a2a864886f70d010c0103")  # pbeWithSHAAnd3-KeyTripleDES-CBC

DEFAULTS = Preferences(
    warning_days=30,
    default_key="rsa:3072",
    validity_days=730,
    pkcs12_protection=Pkcs12Protection.AES_256,
    theme="system",
    language="system",
    tray=True,
)


def shown(qtbot: QtBot, prefs: Preferences = DEFAULTS) -> SettingsDialog:
    dialog = SettingsDialog(prefs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_defaults_of_a_fresh_settings_file(tmp_path: Path) -> None:
    assert Preferences.read(Settings(tmp_path)) == DEFAULTS


def test_preferences_round_trip_and_hold_no_secret(tmp_path: Path) -> None:
    settings = Settings(tmp_path)
    chosen = Preferences(90, "ec:P-384", 365, Pkcs12Protection.LEGACY_3DES, "dark", "de", False)
    chosen.write(settings)
    assert Preferences.read(Settings(tmp_path)) == chosen
    text = settings.path.read_text("utf-8").lower()
    assert "password" not in text and PW not in text


def test_the_dialog_shows_and_returns_every_choice(qtbot: QtBot) -> None:
    legacy = Pkcs12Protection.LEGACY_3DES
    dialog = shown(qtbot, Preferences(45, "ed25519", 100, legacy, "light", "de", False))
    assert dialog.warning_spin.value() == 45
    assert dialog.key_combo.currentData() == "ed25519"
    assert dialog.validity_spin.value() == 100
    assert dialog.pkcs12_combo.currentData() == legacy.value
    assert dialog.theme_combo.currentData() == "light"
    assert dialog.language_combo.currentData() == "de"
    assert not dialog.tray_check.isChecked()
    assert dialog.restart_note.text() == ""

    dialog.warning_spin.setValue(60)
    dialog.key_combo.setCurrentIndex(dialog.key_combo.findData("ec:P-256"))
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    assert "starts next" in dialog.restart_note.text()  # said before OK, not after
    qtbot.keyClick(dialog.warning_spin, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.answer() == Preferences(60, "ec:P-256", 100, legacy, "light", "en", False)


def test_every_generatable_key_is_offered() -> None:
    values = [v for v, _label in key_choices()]
    assert "rsa:2048" in values and "rsa:8192" in values and "ec:P-521" in values
    assert values[-1] == "ed25519" and len(values) == len(set(values))


def test_tab_order_and_escape(qtbot: QtBot) -> None:
    dialog = shown(qtbot)
    check_tab_order(dialog)
    assert dialog.focusWidget() is dialog.warning_spin
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_settings_apply_at_once_through_the_window(
    window: KeymonMainWindow, qtbot: QtBot, prompts: ScriptedPrompts, store_path: Path
) -> None:
    assert window.model.status_counts()[Status.EXPIRING] == 0
    chosen = replace(
        DEFAULTS, warning_days=400, pkcs12_protection=Pkcs12Protection.LEGACY_3DES, theme="dark"
    )
    prompts.expect("edit_settings", chosen)
    try:
        window.actions_by_name["actionSettings"].trigger()
        assert Preferences.read(window.settings) == chosen
        # a year-long certificate now lies inside the warning window
        qtbot.waitUntil(lambda: window.model.status_counts()[Status.EXPIRING] > 0)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        assert app.palette().color(QPalette.ColorRole.Window).lightness() < 80
        # the next save writes legacy PKCS#12 (3DES, SHA-1 MAC)
        assert PBES2 in store_path.read_bytes()
        window.select_alias("other")
        prompts.expect("rename", "other-2")
        assert window.session is not None
        with qtbot.waitSignal(window.session.saved, timeout=10_000):
            window.actions_by_name["actionRename"].trigger()
        data = store_path.read_bytes()
        assert TRIPLE_DES in data and PBES2 not in data
    finally:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        apply_theme(app, "system")


def test_cancelled_settings_change_nothing(
    window: KeymonMainWindow, prompts: ScriptedPrompts
) -> None:
    before = window.settings.path.read_bytes() if window.settings.path.exists() else b""
    prompts.expect("edit_settings", None)
    window.actions_by_name["actionSettings"].trigger()
    window.settings.sync()
    after = window.settings.path.read_bytes() if window.settings.path.exists() else b""
    assert Preferences.read(window.settings) == DEFAULTS
    assert before.count(b"keys/") == after.count(b"keys/") == 0


def test_the_key_pair_wizard_starts_from_the_defaults(qtbot: QtBot) -> None:
    wizard = KeyPairWizard([], runner=None, default_key="ec:P-384", validity_days=90)  # type: ignore[arg-type]
    qtbot.addWidget(wizard)
    page = wizard.page_of(KeyPage)
    assert page.key.spec().kind == "ec" and page.key.spec().curve == "P-384"
    days = page.valid_from.dateTime().daysTo(page.valid_until.dateTime())
    assert days == 90


def test_export_starts_with_the_pkcs12_choice(
    window: KeymonMainWindow, prompts: ScriptedPrompts
) -> None:
    window.settings.pkcs12_protection = Pkcs12Protection.LEGACY_3DES
    window.select_alias("tenant")
    prompts.expect("export_key_pair", None)
    window.actions_by_name["actionExportKeyPair"].trigger()
    assert prompts.asked[-1].args == (("protection", Pkcs12Protection.LEGACY_3DES),)
