"""Add › Certificate goes through the same review as Import Root CA: details, the
SHA-256 fingerprint in a copyable monospace field, warnings, an alias (issue 12, item 11).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from keymon.core.entries import CertificateEntry
from keymon.core.keystore import Keystore
from keymon.gui.main_window import KeymonMainWindow
from keymon.gui.wizards.import_root_wizard import (
    AliasPage,
    ChooseRootPage,
    ImportRootWizard,
    colon_fingerprint,
)
from tests import factory
from tests.gui.helpers import PW
from tests.gui.scripted_prompts import ScriptedPrompts
from tests.gui.test_connectivity_panel import drive

FINISH = QWizard.WizardButton.FinishButton


def test_add_certificate_from_a_file_goes_through_the_review(
    window: KeymonMainWindow,
    qtbot: QtBot,
    prompts: ScriptedPrompts,
    tmp_path: Path,
    store_path: Path,
) -> None:
    partner = factory.self_signed_entry("p", "Partner Server").certificate  # not a CA
    cer = tmp_path / "partner.cer"
    cer.write_bytes(partner.der)
    prompts.expect("choose_open_file", cer)
    seen: dict[str, object] = {}

    def driver(wizard: QWizard) -> int:
        assert isinstance(wizard, ImportRootWizard)
        assert wizard.windowTitle() == "Add Trusted Certificate"
        page = wizard.page_of(ChooseRootPage)
        wizard.show()
        seen["combo"] = page.combo.currentText()
        seen["details"] = page.details.toPlainText()
        seen["warnings"] = page.warnings.text()
        fingerprint = page.fingerprint
        seen["fingerprint"] = fingerprint.text()
        assert fingerprint.isReadOnly() and QFontInfo(fingerprint.font()).fixedPitch()
        assert not page.load_button.isVisible() and not page.no_root.isVisible()
        wizard.next()
        alias_page = wizard.page_of(AliasPage)
        assert alias_page.alias_edit.text() == "partner-server"
        alias_page.alias_edit.setText("partner")
        wizard.button(FINISH).click()
        return wizard.result()

    drive(window, driver)
    assert window.session is not None
    with qtbot.waitSignal(window.session.saved, timeout=10_000):
        window.actions_by_name["actionAddCertificate"].trigger()
    assert seen["combo"] == "Partner Server — From partner.cer"
    assert "Partner Server" in str(seen["details"])
    assert seen["fingerprint"] == colon_fingerprint(partner.sha256)
    assert "self-signed end-entity certificate, not a CA" in str(seen["warnings"])
    entry = Keystore.open(store_path, PW).get("partner")
    assert isinstance(entry, CertificateEntry) and entry.cert == partner


def test_cancelling_the_review_adds_nothing(
    window: KeymonMainWindow, prompts: ScriptedPrompts, tmp_path: Path, store_path: Path
) -> None:
    cer = tmp_path / "ca.cer"
    cer.write_bytes(factory.trusted_entry("x", "Some CA").cert.der)
    prompts.expect("choose_open_file", cer)

    def driver(wizard: QWizard) -> int:
        wizard.reject()
        return wizard.result()

    drive(window, driver)
    before = store_path.read_bytes()
    window.actions_by_name["actionAddCertificate"].trigger()
    assert (
        store_path.read_bytes() == before and "some-ca" not in Keystore.open(store_path, PW).aliases
    )
