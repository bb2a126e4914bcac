"""Trusting a receiver's root from the connectivity panel when the server does not send
it (AIA and from-file paths), the warning for an untested key pair, and results that
follow the keystore (issue 12, items 2, 3, 5, 13, 14). Real servers on 127.0.0.1.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives.serialization import Encoding
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QLabel, QMenu, QWizard
from pytestqt.qtbot import QtBot

from keymon.core.entries import CertificateEntry, Entry
from keymon.core.formats.detect import Format
from keymon.core.keystore import Keystore
from keymon.gui.main_window import KeymonMainWindow
from keymon.gui.views.connectivity_panel import NO_CLIENT
from keymon.gui.wizards.import_root_wizard import (
    AliasPage,
    ChooseRootPage,
    ImportRootWizard,
    colon_fingerprint,
)
from tests import factory
from tests.gui.helpers import PW, open_window
from tests.gui.scripted_prompts import ScriptedPrompts
from tests.gui.test_connectivity_panel import drive, panel_of, run_test
from tests.net.conftest import Pki, make_pki
from tests.net.servers import HttpFiles, Identity, PyServer, key, leaf, tls

pytestmark = pytest.mark.interop

FINISH = QWizard.WizardButton.FinishButton
NEXT = QWizard.WizardButton.NextButton
UNTESTED = (
    "Connected and trusted, but the server did not ask for a client certificate, "
    "so the key pair was not tested."
)


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("trust-review-pki"))


def make_store(path: Path, *entries: Entry) -> Path:
    Keystore(list(entries), password=PW).save_as(path, Format.PKCS12, PW)
    return path


@pytest.fixture
def tenant(tmp_path: Path, pki: Pki) -> Path:
    return make_store(
        tmp_path / "tenant.p12",
        factory.key_pair_entry("tenant", "Tenant Client"),
        pki.client.entry("client-one"),
    )


@pytest.fixture
def win(
    qtbot: QtBot, tenant: Path, prompts: ScriptedPrompts, keymon_home: Path
) -> KeymonMainWindow:
    window = open_window(qtbot, tenant, PW, keymon_home, prompts)
    yield window
    window.close()
    prompts.assert_done()


def test_a_root_fetched_through_aia_is_proposed(
    win: KeymonMainWindow, qtbot: QtBot, pki: Pki, tmp_path: Path
) -> None:
    with HttpFiles({"root.cer": pki.root.public_bytes(Encoding.DER)}) as files:
        server_key = key(20)
        cert = leaf(server_key, "localhost", pki.root_key, pki.root, aia=files.url("root.cer"))
        identity = Identity.write(tmp_path / "aia", "aia", server_key, cert)  # sends its leaf
        with PyServer(tls(identity)) as srv:
            panel = panel_of(win)
            result = run_test(qtbot, panel, srv.port)
    assert [f.cert for f in result.fetched_issuers] == [pki.root_info]
    seen: list[str] = []

    def driver(wizard: QWizard) -> int:
        assert isinstance(wizard, ImportRootWizard)
        page = wizard.page_of(ChooseRootPage)
        assert wizard.chosen == pki.root_info
        seen.append(page.combo.currentText())
        assert not page.no_root.isVisible() and not page.intermediate_check.isVisible()
        wizard.next()
        wizard.button(FINISH).click()
        return wizard.result()

    drive(win, driver)
    assert win.session is not None
    with qtbot.waitSignal(win.session.saved, timeout=10_000):
        panel.import_root_button.click()
    assert seen == [f"Probe Test Root — Root fetched from {files.url('root.cer')}"]


def test_no_root_sent_load_it_from_a_file_and_the_panel_follows(
    win: KeymonMainWindow,
    qtbot: QtBot,
    pki: Pki,
    prompts: ScriptedPrompts,
    tmp_path: Path,
    tenant: Path,
) -> None:
    panel = panel_of(win)
    with PyServer(tls(pki.server)) as srv:  # leaf + intermediate, no root, no AIA
        result = run_test(qtbot, panel, srv.port)
    # the reason, once, and worded as the normal case it is
    assert panel.headline_label.text() == "The server's certificate is not trusted."
    assert panel.error_label.text() == (
        "The server is not trusted by the keystore. The server does not send its root CA "
        "“Probe Test Root” (normal). Import the root CA to trust it."
    )
    assert panel.summary_labels["Trusted by keystore"].text() == "Not trusted"
    assert panel.summary_labels["Trusted by system"].text() == "Not trusted"
    assert result.chain and panel.import_root_button.isEnabled()

    wrong = tmp_path / "wrong.pem"
    wrong.write_bytes(pki.client_root.public_bytes(Encoding.PEM))
    right = tmp_path / "receiver-root.der"
    right.write_bytes(pki.root.public_bytes(Encoding.DER))
    prompts.expect("choose_open_file", wrong).expect("choose_open_file", right)

    def driver(wizard: QWizard) -> int:
        assert isinstance(wizard, ImportRootWizard)
        page = wizard.page_of(ChooseRootPage)
        # nothing is passed off as "the root"
        assert page.no_root.isVisible()
        assert page.no_root.text().startswith("The server does not send its root CA (normal)")
        assert (
            wizard.chosen is None and not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
        )
        # the top intermediate only as a conscious choice, with a warning
        assert page.intermediate_check.isVisible() and not page.intermediate_check.isChecked()
        assert "Probe Test Intermediate" in page.intermediate_check.text()
        page.intermediate_check.setChecked(True)
        assert wizard.chosen is not None and wizard.chosen.summary.subject_cn == (
            "Probe Test Intermediate"
        )
        assert "intermediate CA, not the root" in page.warnings.text()
        page.intermediate_check.setChecked(False)
        assert wizard.chosen is None
        # a file that did not issue the chain's top certificate is refused in one sentence
        page.load_button.click()
        assert page.message.isVisible() and "did not issue" in page.message.text()
        assert wizard.chosen is None
        page.load_button.click()
        assert not page.message.isVisible()
        assert wizard.chosen == pki.root_info
        assert page.combo.currentText() == "Probe Test Root — Loaded from receiver-root.der"
        fingerprint = page.fingerprint
        assert fingerprint.text() == colon_fingerprint(pki.root_info.sha256)
        assert fingerprint.isReadOnly() and QFontInfo(fingerprint.font()).fixedPitch()
        assert page.warnings.text() == ""
        wizard.next()
        assert wizard.page_of(AliasPage).alias_edit.text() == "probe-test-root"
        wizard.button(FINISH).click()
        return wizard.result()

    drive(win, driver)
    assert win.session is not None
    with qtbot.waitSignal(win.session.saved, timeout=10_000):
        panel.import_root_button.click()
    saved = Keystore.open(tenant, PW)
    assert [e.cert for e in saved if isinstance(e, CertificateEntry)] == [pki.root_info]
    # judged again without the network: headline, summary and chain agree
    assert panel.headline_label.text() == "The test passed."
    assert panel.error_label.text() == ""
    assert panel.summary_labels["Trusted by keystore"].text() == "Trusted"
    assert panel.chain_viewer.report is not None and panel.chain_viewer.report.trusted
    # undo takes the root away again, and the verdict with it
    with qtbot.waitSignal(win.session.saved, timeout=10_000):
        win.undo_action.trigger()
    assert panel.summary_labels["Trusted by keystore"].text() == "Not trusted"
    assert panel.headline_label.text() == "The server's certificate is not trusted."


def test_an_untested_key_pair_is_a_warning(
    qtbot: QtBot, pki: Pki, prompts: ScriptedPrompts, keymon_home: Path, tmp_path: Path
) -> None:
    path = make_store(
        tmp_path / "trusting.p12",
        pki.client.entry("client-one"),
        CertificateEntry("receiver-root", pki.root_info),
    )
    window = open_window(qtbot, path, PW, keymon_home, prompts)
    panel = panel_of(window)
    panel.client_combo.setCurrentIndex(panel.client_combo.findData("client-one"))
    with PyServer(tls(pki.server)) as srv:  # asks for no client certificate
        result = run_test(qtbot, panel, srv.port)
        assert result.error is None and result.trusted
        assert panel.headline_label.text() == f"⚠ {UNTESTED}"
        assert panel.property("outcome") == "warning"
        assert panel.summary_labels["Client certificate"].text() == "Not asked for"
        # without a key pair chosen the same server passes
        panel.client_combo.setCurrentIndex(0)
        run_test(qtbot, panel, srv.port)
        assert panel.headline_label.text() == "The test passed."
        assert panel.property("outcome") == "passed"
    window.close()


def test_switching_keystores_clears_the_result_and_says_what_became_of_the_client(
    win: KeymonMainWindow, qtbot: QtBot, pki: Pki, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    panel = panel_of(win)
    panel.client_combo.setCurrentIndex(panel.client_combo.findData("client-one"))
    with PyServer(tls(pki.server)) as srv:
        run_test(qtbot, panel, srv.port)
    assert panel.result is not None and panel.steps.topLevelItemCount() == 3
    other = make_store(tmp_path / "other.p12", factory.key_pair_entry("someone", "Someone"))
    with qtbot.waitSignal(win.keystoreOpened, timeout=15_000):
        win.open_keystore(other, PW)
    assert panel.result is None and panel.steps.topLevelItemCount() == 0
    assert panel.summary_labels["Trusted by keystore"].text() == "—"
    assert panel.chain_viewer.report is None
    assert not panel.import_root_button.isEnabled()
    assert panel.client_combo.currentText() == NO_CLIENT
    assert panel.error_label.text() == (
        "This keystore has no key pair “client-one”: no client certificate is chosen."
    )


def test_your_own_key_pair_is_not_a_trust_problem(
    qtbot: QtBot, prompts: ScriptedPrompts, keymon_home: Path, tmp_path: Path
) -> None:
    path = make_store(tmp_path / "own.p12", factory.self_signed_entry("mine", "My Key Pair"))
    window = open_window(qtbot, path, PW, keymon_home, prompts)
    window.select_alias("mine")
    viewer = window.details.chain_viewer
    assert viewer.own_self_signed
    label = viewer.findChild(QLabel, "verdictLabel")
    assert label is not None
    shown = label.text()
    assert "Self-signed (your own key pair)" in shown and "Not trusted" not in shown
    window.close()


def test_import_root_ca_is_in_the_add_menu(
    win: KeymonMainWindow, qtbot: QtBot, pki: Pki, tenant: Path
) -> None:
    action = win.actions_by_name["actionImportRootCa"]
    add_menu = next(m for m in win.menuBar().findChildren(QMenu) if action in m.actions())
    assert add_menu.title() == "&Add" and action.isEnabled()
    panel = panel_of(win)
    # before any test: it opens the test and says what to do first
    action.trigger()
    assert win.connectivity_dock.isVisible()
    assert panel.headline_label.text() == "Test the server first."
    assert win.focusWidget() is panel.host_edit
    with PyServer(tls(pki.server)) as srv:
        run_test(qtbot, panel, srv.port)
    seen: list[ImportRootWizard] = []

    def driver(wizard: QWizard) -> int:
        assert isinstance(wizard, ImportRootWizard)
        seen.append(wizard)
        wizard.reject()
        return wizard.result()

    drive(win, driver)
    action.trigger()  # after a test: the wizard for that server
    assert len(seen) == 1 and seen[0].result_.chain
