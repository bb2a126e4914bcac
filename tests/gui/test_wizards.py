"""The PKI wizards, driven like a user: pages checked, nothing changed before Finish.

Wizards are built directly (or through the main window, the scripted prompts running
them with a driver), filled with qtbot and moved with next()/button clicks: no
nested dialog event loop. Key generation is awaited on the wizard's signal.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QLineEdit,
    QProgressBar,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from keymon.core.entries import CertificateEntry, CertInfo, KeyPairEntry
from keymon.core.formats.detect import Format
from keymon.core.keystore import Keystore
from keymon.core.x509 import encoding
from keymon.core.x509.csr import CsrRequest, create_csr
from keymon.core.x509.keygen import KeyPairRequest, SignatureChoice, generate_key_pair
from keymon.core.x509.reply import MISMATCH
from keymon.core.x509.templates import SubjectAltName, SubjectFields, Template
from keymon.gui.main_window import KeymonMainWindow
from keymon.gui.menus import build_table_menu
from keymon.gui.wizards.building_blocks import SummaryView
from keymon.gui.wizards.ca_reply_wizard import CaReplyWizard, ReplySourcePage
from keymon.gui.wizards.csr_wizard import CsrWizard
from keymon.gui.wizards.key_choices import ExtensionsEditor
from keymon.gui.wizards.keypair_wizard import (
    IdentityPage,
    KeyExtensionsPage,
    KeyNamesPage,
    KeyPage,
    KeyPairWizard,
)
from keymon.gui.wizards.sign_csr_wizard import CsrSourcePage, IssuedPage, IssuePage, SignCsrWizard
from keymon.gui.workers import CancelToken, TaskRunner
from tests import factory
from tests.gui.helpers import PW
from tests.gui.keyboard import check_tab_order
from tests.gui.scripted_prompts import ScriptedPrompts

NEXT, FINISH = QWizard.WizardButton.NextButton, QWizard.WizardButton.FinishButton
Driver = Callable[[QWizard], int]


def server_key() -> ec.EllipticCurvePrivateKey:
    return factory.ec_key(5)


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    (root_key, root), _ = factory.ca_chain()
    entries = [
        factory.key_pair_entry("tenant", "Tenant Client"),
        factory.self_signed_entry("server", "server.example.org", key=server_key()),
        CertificateEntry("test-root", CertInfo.from_cert(root)),
        KeyPairEntry("ca", root_key, (CertInfo.from_cert(root),)),
    ]
    path = tmp_path / "pki.p12"
    Keystore(entries, password=PW).save_as(path, Format.PKCS12, PW)
    return path


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    r = TaskRunner()
    yield r
    r.shutdown(10_000)


def drive(win: KeymonMainWindow, driver: Driver) -> None:
    """Make the window run its wizards through ``driver`` (shown, not exec()'d)."""

    def run(wizard: QWizard) -> int:
        assert wizard.isModal() or wizard.parent() is win
        wizard.show()
        return driver(wizard)

    prompts = win.prompts
    assert isinstance(prompts, ScriptedPrompts)
    prompts.drive_wizards(run)


def entries_on_disk(path: Path) -> dict[str, tuple[bytes, ...]]:
    return {e.alias: tuple(c.der for c in e.certificates) for e in Keystore.open(path, PW)}


def backups(path: Path) -> int:
    return len(Keystore.open(path, PW).backups().versions())


def check_every_page(wizard: QWizard) -> None:
    """check_tab_order on the current page and each after it (Next, never Finish)."""
    while True:
        check_tab_order(wizard.currentPage())
        if wizard.currentId() == wizard.pageIds()[-1]:
            return
        current = wizard.currentId()
        wizard.next()
        assert wizard.currentId() != current, wizard.currentPage().title()


def keypair_wizard(qtbot: QtBot, runner: TaskRunner, existing: list[str]) -> KeyPairWizard:
    wizard = KeyPairWizard(existing, runner)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def fill_keypair(qtbot: QtBot, wizard: KeyPairWizard, cn: str = "Tenant Client") -> None:
    """Valid pages through to the review: EC P-256, one DNS name, TLS client."""
    identity = wizard.page_of(IdentityPage)
    qtbot.keyClicks(identity.subject.cn_edit, cn)
    qtbot.keyClicks(identity.subject.c_edit, "de")
    wizard.next()
    names = wizard.page_of(KeyNamesPage).editor
    qtbot.keyClicks(names.value_edit, "tenant.example.com")
    wizard.next()  # a typed name is added on Next
    key = wizard.page_of(KeyPage).key
    key.type_combo.setCurrentIndex(key.type_combo.findData("ec"))
    wizard.next()
    wizard.next()
    assert wizard.currentId() == wizard.pageIds()[-1]


# -- key pair wizard: pages -------------------------------------------------------------
def test_wizards_list_their_pages_and_name_their_inputs(qtbot: QtBot, runner: TaskRunner) -> None:
    wizard = keypair_wizard(qtbot, runner, [])
    assert wizard.objectName() == "keypairWizard"
    assert len(wizard.PAGES) == len(wizard.pageIds()) == 5
    names = (
        "aliasEdit keyTypeCombo keySizeCombo signatureCombo cnEdit countryEdit sanList "
        "templateCombo validFromEdit validUntilEdit"
    )
    for name in names.split():
        assert wizard.findChild(QWidget, name) is not None, name


def test_bad_country_code_is_refused(qtbot: QtBot, runner: TaskRunner) -> None:
    wizard = keypair_wizard(qtbot, runner, [])
    identity = wizard.page_of(IdentityPage)
    qtbot.keyClicks(identity.subject.cn_edit, "Tenant")
    qtbot.keyClicks(identity.subject.c_edit, "Germany")
    wizard.next()
    assert wizard.currentPage() is identity
    assert "two-letter code" in identity.message.text() and identity.message.isVisible()
    identity.subject.c_edit.setText("de")
    wizard.next()
    assert wizard.currentPage() is wizard.page_of(KeyNamesPage)


def test_alias_is_suggested_until_edited_and_must_be_unique(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    wizard = keypair_wizard(qtbot, runner, ["Tenant-Client", "other"])
    identity = wizard.page_of(IdentityPage)
    qtbot.keyClicks(identity.subject.cn_edit, "Tenant Client")
    assert identity.alias_edit.text() == "tenant-client-2"
    identity.alias_edit.clear()
    qtbot.keyClicks(identity.alias_edit, "OTHER")  # taken, whatever the case
    identity.subject.cn_edit.setText("Someone Else")
    assert identity.alias_edit.text() == "OTHER"  # edited: no longer follows the CN
    wizard.next()
    assert wizard.currentPage() is identity
    assert "already has the alias “OTHER”" in identity.message.text()
    identity.alias_edit.selectAll()
    qtbot.keyClick(identity.alias_edit, Qt.Key.Key_Delete)  # cleared: follows the CN again
    assert identity.alias_edit.text() == "someone-else"
    wizard.next()
    assert wizard.currentPage() is wizard.page_of(KeyNamesPage)


def test_signatures_follow_the_key_type(qtbot: QtBot, runner: TaskRunner) -> None:
    wizard = keypair_wizard(qtbot, runner, [])
    key = wizard.page_of(KeyPage).key

    def offered() -> list[SignatureChoice]:
        combo = key.signature_combo
        return [combo.itemData(i) for i in range(combo.count())]

    assert key.spec().label == "RSA 3072"
    assert SignatureChoice.RSA_PSS_SHA256 in offered()
    key.signature_combo.setCurrentIndex(offered().index(SignatureChoice.RSA_PSS_SHA256))
    key.type_combo.setCurrentIndex(key.type_combo.findData("ec"))
    key.size_combo.setCurrentIndex(key.size_combo.findData("P-384"))
    assert all(c.key_kind == "ec" for c in offered())
    assert key.signature() is SignatureChoice.ECDSA_SHA384
    key.type_combo.setCurrentIndex(key.type_combo.findData("ed25519"))
    assert offered() == [SignatureChoice.ED25519]
    assert not key.signature_combo.isEnabled() and not key.size_combo.isEnabled()
    # a mismatch that slipped in anyway is refused on Next with core's sentence
    key.signature_combo.addItem("forced", SignatureChoice.RSA_SHA256)
    key.signature_combo.setCurrentIndex(1)
    page = wizard.page_of(KeyPage)
    assert not page.validatePage()
    assert "Ed25519 key signs with Ed25519" in page.message.text()


def test_validity_defaults_to_two_years_and_must_end_after_it_starts(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    wizard = keypair_wizard(qtbot, runner, [])
    page = wizard.page_of(KeyPage)
    start = page.valid_from.dateTime()
    assert page.valid_until.dateTime() == start.addYears(2)
    assert abs(start.secsTo(page.valid_from.dateTime().currentDateTime())) < 60
    page.valid_until.setDateTime(start.addDays(-1))
    assert not page.validatePage()
    assert page.message.text() == "The end of the validity must come after its start."


def test_templates_set_usages_that_stay_adjustable(qtbot: QtBot) -> None:
    editor = ExtensionsEditor()
    qtbot.addWidget(editor)
    assert editor.template() is Template.TLS_CLIENT
    assert editor.extensions() == Template.TLS_CLIENT.extensions("rsa")
    editor.set_key_kind("ec")
    assert editor.extensions() == Template.TLS_CLIENT.extensions("ec")
    combo = editor.template_combo
    combo.setCurrentIndex(combo.findData(Template.CA))
    combo.activated.emit(combo.currentIndex())
    assert editor.ca_box.isChecked() and editor.extensions().ca is True
    editor.ca_box.setChecked(False)  # Certificate Sign without CA: core refuses
    assert editor.template() is None and combo.currentText() == "Custom"
    assert editor.problem() == "The Certificate Sign key usage needs the CA basic constraint."


def test_alternative_names_are_checked(qtbot: QtBot, runner: TaskRunner) -> None:
    wizard = keypair_wizard(qtbot, runner, [])
    qtbot.keyClicks(wizard.page_of(IdentityPage).subject.cn_edit, "x")
    wizard.next()
    page = wizard.page_of(KeyNamesPage)
    editor = page.editor
    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData("IP"))
    qtbot.keyClicks(editor.value_edit, "300.1.1.1")
    qtbot.keyClick(editor.value_edit, Qt.Key.Key_Return)
    assert editor.sans() == () and "not an IPv4 or IPv6 address" in editor.message.text()
    wizard.next()
    assert wizard.currentPage() is page
    editor.value_edit.setText("192.0.2.10")
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert editor.sans() == (SubjectAltName("IP", "192.0.2.10"),)
    assert editor.list.item(0).text() == "IP:192.0.2.10"
    editor.list.setCurrentRow(0)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert editor.sans() == ()


def test_tab_order_and_names_on_every_page(
    qtbot: QtBot, runner: TaskRunner, tmp_path: Path
) -> None:
    wizard = keypair_wizard(qtbot, runner, [])
    qtbot.keyClicks(wizard.page_of(IdentityPage).subject.cn_edit, "x")
    check_every_page(wizard)
    entry = factory.key_pair_entry("tenant", "Tenant Client")
    csr_wizard = CsrWizard(entry, ScriptedPrompts())
    qtbot.addWidget(csr_wizard)
    csr_wizard.show()
    check_every_page(csr_wizard)
    reply = tmp_path / "reply.p7b"
    reply.write_bytes(encoding.chain_pkcs7(issued_chain()))
    reply_wizard = CaReplyWizard(
        server_entry(), [], [], ScriptedPrompts(("choose_open_file", reply))
    )
    qtbot.addWidget(reply_wizard)
    reply_wizard.show()
    check_tab_order(reply_wizard.currentPage())
    reply_wizard.page_of(ReplySourcePage).source.file_button.click()
    reply_wizard.next()
    check_tab_order(reply_wizard.currentPage())
    csr = tmp_path / "req.csr"
    csr.write_bytes(requester_csr())
    sign = SignCsrWizard(ca_entry(), ScriptedPrompts(("choose_open_file", csr)))
    qtbot.addWidget(sign)
    sign.show()
    sign.page_of(CsrSourcePage).source.file_button.click()
    check_every_page(sign)


# -- key pair wizard: generation -------------------------------------------------------------
def test_generates_in_the_worker_on_finish(qtbot: QtBot, runner: TaskRunner) -> None:
    wizard = keypair_wizard(qtbot, runner, ["tenant"])
    fill_keypair(qtbot, wizard)
    summary = wizard.findChild(SummaryView, "reviewSummary")
    assert summary is not None and "CN=Tenant Client,C=DE" in summary.toPlainText()
    with qtbot.waitSignal(wizard.generated, timeout=20_000) as blocker:
        qtbot.mouseClick(wizard.button(FINISH), Qt.MouseButton.LeftButton)
        assert wizard.generating and not wizard.button(FINISH).isEnabled()
        assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()
        assert wizard.findChild(QProgressBar, "generationProgress").isVisible()  # type: ignore[union-attr]
    assert wizard.result() == QDialog.DialogCode.Accepted
    entry = blocker.args[0].entry
    cert = entry.certificate.cert
    assert entry.alias == "tenant-client" and isinstance(
        entry.private_key, ec.EllipticCurvePrivateKey
    )
    assert cert.subject.rfc4514_string() == "CN=Tenant Client,C=DE"
    cert.verify_directly_issued_by(cert)
    san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert san.get_values_for_type(x509.DNSName) == ["tenant.example.com"]
    eku = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert list(eku) == [x509.oid.ExtendedKeyUsageOID.CLIENT_AUTH]
    lifetime = cert.not_valid_after_utc - cert.not_valid_before_utc
    assert dt.timedelta(days=729) < lifetime < dt.timedelta(days=732)


@pytest.mark.slow
def test_rsa_4096_through_the_worker(qtbot: QtBot, runner: TaskRunner) -> None:
    wizard = keypair_wizard(qtbot, runner, [])
    fill_keypair(qtbot, wizard)
    wizard.back()
    wizard.back()
    key = wizard.page_of(KeyPage).key
    key.type_combo.setCurrentIndex(key.type_combo.findData("rsa"))
    key.size_combo.setCurrentIndex(key.size_combo.findData(4096))
    wizard.next()
    ext = wizard.page_of(KeyExtensionsPage).editor
    assert ext.ku_boxes[next(iter(ext.ku_boxes))].isChecked()
    wizard.next()
    with qtbot.waitSignal(wizard.generated, timeout=60_000) as blocker:
        wizard.button(FINISH).click()
    assert blocker.args[0].entry.certificate.summary.key_label == "RSA 4096"


def test_cancel_while_generating_discards_the_key(qtbot: QtBot, runner: TaskRunner) -> None:
    started = threading.Event()

    def slow(request: KeyPairRequest, cancel: CancelToken) -> KeyPairEntry:
        started.set()
        cancel.wait(10)  # wakes when the wizard cancels
        return generate_key_pair(request)

    wizard = KeyPairWizard([], runner, generate=slow)
    qtbot.addWidget(wizard)
    wizard.show()
    fill_keypair(qtbot, wizard)
    generated: list[object] = []
    wizard.generated.connect(generated.append)
    wizard.button(FINISH).click()
    qtbot.waitUntil(started.is_set)
    wizard.button(QWizard.WizardButton.CancelButton).click()
    assert wizard.result() == QDialog.DialogCode.Rejected and wizard.outcome is None
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    assert generated == [] and wizard.outcome is None


# -- through the main window ---------------------------------------------------------------
def test_finish_adds_one_undoable_change(
    window: KeymonMainWindow, qtbot: QtBot, store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before, versions = entries_on_disk(store_path), backups(store_path)

    def driver(wizard: QWizard) -> int:
        assert isinstance(wizard, KeyPairWizard)
        fill_keypair(qtbot, wizard, "New Client")
        with qtbot.waitSignal(wizard.finished, timeout=20_000):
            wizard.button(FINISH).click()
        return wizard.result()

    drive(window, driver)
    assert window.session is not None
    with qtbot.waitSignal(window.session.saved, timeout=10_000):
        window.actions_by_name["actionGenerateKeyPair"].trigger()
    after = entries_on_disk(store_path)
    assert set(after) - set(before) == {"new-client"}
    assert backups(store_path) == versions + 1
    assert window.session.undo_stack.count() == 1
    assert window.current_entry() is not None and window.current_entry().alias == "new-client"  # type: ignore[union-attr]
    with qtbot.waitSignal(window.session.saved, timeout=10_000):
        window.undo_action.trigger()
    assert entries_on_disk(store_path) == before


def test_cancel_changes_nothing(
    window: KeymonMainWindow, store_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    before = store_path.read_bytes()

    def driver(wizard: QWizard) -> int:
        assert isinstance(wizard, KeyPairWizard)
        fill_keypair(qtbot, wizard)
        wizard.reject()
        return wizard.result()

    drive(window, driver)
    window.actions_by_name["actionGenerateKeyPair"].trigger()
    assert window.session is not None and window.session.undo_stack.count() == 0
    assert store_path.read_bytes() == before


def test_key_pairs_menu_and_toolbar(window: KeymonMainWindow) -> None:
    a = window.actions_by_name
    menu = next(m for m in window.menuBar().actions() if m.text() == "&Key Pairs").menu()
    names = [x.objectName() for x in menu.actions()]  # type: ignore[union-attr]
    assert names == [
        "actionGenerateKeyPair",
        "actionCreateCsr",
        "actionImportCaReply",
        "actionSignCsr",
        "",  # a separator, then the tenant-only Activate (hidden while a file is shown)
        "actionTenantActivate",
    ]
    assert not window.findChild(QAction, "actionTenantActivate").isVisible()  # type: ignore[union-attr]
    context = build_table_menu(window.table, a)  # nor in the table's context menu
    assert [x.objectName() for x in context.actions()][-2:] == ["actionRename", "actionDelete"]
    toolbar = window.findChild(QWidget, "mainToolbar")
    assert a["actionGenerateKeyPair"] in toolbar.actions()  # type: ignore[union-attr]
    assert a["actionGenerateKeyPair"].shortcut().toString() == "Ctrl+G"
    window.select_alias("test-root")
    assert a["actionGenerateKeyPair"].isEnabled() and not a["actionCreateCsr"].isEnabled()
    window.select_alias("tenant")
    assert a["actionCreateCsr"].isEnabled() and a["actionImportCaReply"].isEnabled()
    # "tenant" is no CA: Sign CSR stays disabled and its tip says why.
    assert not a["actionSignCsr"].isEnabled()
    assert "is not a CA" in a["actionSignCsr"].toolTip()


def test_csr_from_the_selected_key_pair(
    window: KeymonMainWindow,
    qtbot: QtBot,
    prompts: ScriptedPrompts,
    store_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = store_path.read_bytes()
    window.select_alias("tenant")
    out = tmp_path / "tenant.csr"

    def driver(wizard: QWizard) -> int:
        assert isinstance(wizard, CsrWizard)
        organization = wizard.findChild(QLineEdit, "organizationEdit")
        assert organization is not None and organization.text() == "keymon tests"  # prefilled
        organization.setText("Example AG")
        wizard.next()
        qtbot.keyClicks(wizard.findChild(QLineEdit, "sanValueEdit"), "tenant.example.com")
        wizard.next()
        wizard.next()
        preview = wizard.findChild(SummaryView, "csrPreview")
        assert preview is not None
        assert "O=Example AG" in preview.toPlainText()
        assert "DNS:tenant.example.com" in preview.toPlainText()
        clipboard = wizard.findChild(QCheckBox, "clipboardCheck")
        assert clipboard is not None
        clipboard.setChecked(True)
        prompts.expect("choose_save_file", out, containing="tenant.csr")
        wizard.button(FINISH).click()
        return wizard.result()

    drive(window, driver)
    window.actions_by_name["actionCreateCsr"].trigger()
    csr = x509.load_pem_x509_csr(out.read_bytes())
    assert csr.is_signature_valid
    assert csr.subject.rfc4514_string() == "CN=Tenant Client,O=Example AG"
    san = csr.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert san.get_values_for_type(x509.DNSName) == ["tenant.example.com"]
    entry = window.current_entry()
    assert isinstance(entry, KeyPairEntry)
    spki = PublicFormat.SubjectPublicKeyInfo
    assert csr.public_key().public_bytes(
        Encoding.DER, spki
    ) == entry.private_key.public_key().public_bytes(Encoding.DER, spki)  # type: ignore[union-attr]
    assert QGuiApplication.clipboard().text().encode() == out.read_bytes()
    assert store_path.read_bytes() == before


# -- CA reply ------------------------------------------------------------------------------
def server_entry() -> KeyPairEntry:
    cert = factory.make_cert(server_key(), "server.example.org")
    return KeyPairEntry("server", server_key(), (CertInfo.from_cert(cert),))


def issued_chain() -> list[CertInfo]:
    """The CA's reply for the server key: leaf and intermediate (the root is not in it)."""
    _, (int_key, inter) = factory.ca_chain()
    leaf = factory.make_cert(server_key(), "server.example.org", issuer_key=int_key, issuer=inter)
    return [CertInfo.from_cert(leaf), CertInfo.from_cert(inter)]


def test_ca_reply_of_another_key_is_refused(
    window: KeymonMainWindow,
    qtbot: QtBot,
    prompts: ScriptedPrompts,
    store_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = store_path.read_bytes()
    reply = tmp_path / "tenant-reply.p7b"
    reply.write_bytes(encoding.chain_pkcs7(window.store.get("tenant").certificates))  # type: ignore[union-attr]
    window.select_alias("server")

    def driver(wizard: QWizard) -> int:
        page = wizard.currentPage()
        assert isinstance(page, ReplySourcePage)
        prompts.expect("choose_open_file", reply)
        qtbot.mouseClick(page.source.file_button, Qt.MouseButton.LeftButton)
        assert page.message.text() == MISMATCH and page.message.isVisible()
        assert not wizard.button(NEXT).isEnabled()
        wizard.next()
        assert wizard.currentPage() is page
        wizard.reject()
        return wizard.result()

    drive(window, driver)
    window.actions_by_name["actionImportCaReply"].trigger()
    assert store_path.read_bytes() == before


def test_ca_reply_installs_the_three_certificate_chain(
    window: KeymonMainWindow,
    qtbot: QtBot,
    prompts: ScriptedPrompts,
    store_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    QGuiApplication.clipboard().setText(encoding.chain_pem(issued_chain()).decode())
    window.select_alias("server")

    def driver(wizard: QWizard) -> int:
        assert isinstance(wizard, CaReplyWizard)
        wizard.page_of(ReplySourcePage).source.paste_button.click()
        assert wizard.button(NEXT).isEnabled()
        wizard.next()
        origins = wizard.findChild(SummaryView, "replyOrigins")
        assert origins is not None
        assert "From the keystore\nkeymon Test Root" in origins.toPlainText()
        assert wizard.plan is not None and wizard.plan.report.trusted
        wizard.button(FINISH).click()
        return wizard.result()

    drive(window, driver)
    assert window.session is not None
    versions = backups(store_path)
    with qtbot.waitSignal(window.session.saved, timeout=10_000):
        window.actions_by_name["actionImportCaReply"].trigger()
    chain = Keystore.open(store_path, PW).get("server").certificates
    assert [c.summary.subject_cn for c in chain] == [
        "server.example.org",
        "keymon Test Intermediate",
        "keymon Test Root",
    ]
    assert backups(store_path) == versions + 1 and window.session.undo_stack.count() == 1
    with qtbot.waitSignal(window.session.saved, timeout=10_000):
        window.undo_action.trigger()
    assert len(Keystore.open(store_path, PW).get("server").certificates) == 1


# -- sign a CSR ----------------------------------------------------------------------------
def ca_entry() -> KeyPairEntry:
    (root_key, root), _ = factory.ca_chain()
    return KeyPairEntry("ca", root_key, (CertInfo.from_cert(root),))


def requester_csr() -> bytes:
    requester = factory.self_signed_entry("req", "requester.example.org", key=factory.ec_key(6))
    names = (SubjectAltName("DNS", "requester.example.org"),)
    request = CsrRequest(subject=SubjectFields(cn="requester.example.org"), sans=names)
    return create_csr(requester, request)


def test_sign_csr_refuses_a_ca_that_is_not_one(qtbot: QtBot) -> None:
    wizard = SignCsrWizard(factory.key_pair_entry("tenant"), ScriptedPrompts())
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.page_of(CsrSourcePage)
    assert "is not a certificate authority" in page.message.text()
    assert not page.source.file_button.isEnabled() and not wizard.button(NEXT).isEnabled()


def test_sign_csr_shows_a_bad_signature(qtbot: QtBot) -> None:
    der = x509.load_pem_x509_csr(requester_csr()).public_bytes(Encoding.DER)
    QGuiApplication.clipboard().setText("hello")  # not a CSR at all
    wizard = SignCsrWizard(ca_entry(), ScriptedPrompts())
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.page_of(CsrSourcePage)
    page.source.paste_button.click()
    assert "not a certificate signing request" in page.message.text()
    page.source.loaded.emit(der[:-1] + bytes([der[-1] ^ 1]), "tampered.csr")
    assert "Does not verify" in page.details.toPlainText()
    assert not wizard.button(NEXT).isEnabled()


def test_sign_csr_output_verifies_against_the_ca(
    window: KeymonMainWindow,
    prompts: ScriptedPrompts,
    store_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = store_path.read_bytes()
    request = tmp_path / "requester.csr"
    request.write_bytes(requester_csr())
    out = tmp_path / "issued.pem"
    window.select_alias("ca")

    def driver(wizard: QWizard) -> int:
        assert isinstance(wizard, SignCsrWizard)
        prompts.expect("choose_open_file", request)
        wizard.page_of(CsrSourcePage).source.file_button.click()
        assert "Verifies" in wizard.page_of(CsrSourcePage).details.toPlainText()
        wizard.next()
        issue = wizard.page_of(IssuePage)
        issue.template.setCurrentIndex(issue.template.findData(Template.TLS_SERVER))
        issue.days.setValue(90)
        wizard.next()
        assert "requester.example.org" in wizard.page_of(IssuedPage).preview.toPlainText()
        prompts.expect("choose_save_file", out, containing="requester.example.org.pem")
        wizard.button(FINISH).click()
        return wizard.result()

    drive(window, driver)
    window.actions_by_name["actionSignCsr"].trigger()
    issued, ca_cert = x509.load_pem_x509_certificates(out.read_bytes())
    issued.verify_directly_issued_by(ca_entry().certificate.cert)
    assert ca_cert == ca_entry().certificate.cert
    assert issued.subject.rfc4514_string() == "CN=requester.example.org"
    san = issued.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert san.get_values_for_type(x509.DNSName) == ["requester.example.org"]
    eku = issued.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert list(eku) == [x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]
    assert issued.not_valid_after_utc - issued.not_valid_before_utc == dt.timedelta(days=90)
    assert store_path.read_bytes() == before
