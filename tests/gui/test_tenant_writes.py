"""Changing a tenant from the window (issue 14), against the simulated tenant
(tests/sapci/double.py): what the user is asked and sees, and what the tenant holds after.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import dsa
from cryptography.hazmat.primitives.serialization import Encoding
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from keymon.core.entries import CertificateEntry, CertInfo, KeyPairEntry
from keymon.core.formats.detect import Format
from keymon.core.keystore import Keystore
from keymon.core.sapci import api
from keymon.core.sapci.mapping import TenantKeyPair
from keymon.gui.actions import ActionId
from keymon.gui.dialogs.password_dialog import PasswordAnswer
from keymon.gui.main_window import KeymonMainWindow
from keymon.gui.tenants.enabling import FILE_ONLY
from keymon.gui.tenants.keypair_request_wizard import TenantKeyPairWizard
from keymon.gui.wizards.ca_reply_wizard import CaReplyWizard, ReplySourcePage
from keymon.gui.wizards.import_root_wizard import AliasPage, ChooseRootPage, colon_fingerprint
from tests import factory
from tests.gui.helpers import PW, drop_files
from tests.gui.scripted_prompts import ScriptedPrompts
from tests.gui.tenant_helpers import open_tenant, save_profile
from tests.gui.test_connectivity_panel import full_chain_server, panel_of, run_test
from tests.net.conftest import make_pki
from tests.sapci.double import FakeTenant

FINISH = QWizard.WizardButton.FinishButton


@pytest.fixture
def on_tenant(qtbot: QtBot, window: KeymonMainWindow, tenant: FakeTenant) -> KeymonMainWindow:
    save_profile(tenant)
    open_tenant(qtbot, window)
    return window


def aliases(window: KeymonMainWindow) -> set[str]:
    return {window.proxy.entry_at(r).alias for r in range(window.proxy.rowCount())}


def held(tenant: FakeTenant, keystore: str = "system") -> set[str]:
    with tenant.state.lock:
        return set(tenant.state.store(keystore))


def select(window: KeymonMainWindow, *names: str) -> None:
    model = window.table.selectionModel()
    model.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for name in names:
        row = window.proxy.row_of(name)
        assert row is not None, name
        model.select(window.proxy.index(row, 0), flags)


def written(qtbot: QtBot, window: KeymonMainWindow, action: ActionId) -> None:
    """Trigger ``action`` and wait until the tenant was read again after the write."""
    with qtbot.waitSignal(window.keystoreOpened, timeout=20_000):
        window.actions_by_name[action].trigger()


def cert_file(folder: Path, cn: str, *, ca: bool = True, **extra: object) -> tuple[Path, CertInfo]:
    cert = factory.make_cert(factory.ec_key(len(cn)), cn, ca=ca, **extra)  # type: ignore[arg-type]
    path = folder / f"{cn.replace(' ', '-')}.pem"
    path.write_bytes(cert.public_bytes(Encoding.PEM))
    return path, CertInfo.from_cert(cert)


def review(prompts: ScriptedPrompts, seen: dict[str, str], alias: str) -> None:
    """Go through the certificate review: note the fingerprint shown, set the alias."""

    def drive(wizard: QWizard) -> int:
        wizard.show()
        seen["title"] = wizard.windowTitle()
        seen["fingerprint"] = wizard.page_of(ChooseRootPage).fingerprint.text()  # type: ignore[attr-defined]
        wizard.next()
        wizard.page_of(AliasPage).alias_edit.setText(alias)  # type: ignore[attr-defined]
        wizard.button(FINISH).click()
        return wizard.result()

    prompts.drive_wizards(drive)


# -- 1. a trusted certificate ---------------------------------------------------------------
def test_add_certificate_uploads_only_after_the_fingerprint_was_confirmed(
    qtbot: QtBot,
    on_tenant: KeymonMainWindow,
    prompts: ScriptedPrompts,
    tenant: FakeTenant,
    tmp_path: Path,
) -> None:
    window = on_tenant
    assert window.actions_by_name[ActionId.ADD_CERTIFICATE].isEnabled()
    path, cert = cert_file(tmp_path, "Partner Root")
    seen: dict[str, str] = {}
    review(prompts, seen, "partner_root")
    fingerprint = colon_fingerprint(cert.sha256)
    prompts.expect("choose_open_file", path)
    prompts.expect("confirm", True, containing=fingerprint)
    written(qtbot, window, ActionId.ADD_CERTIFICATE)

    assert seen == {"title": "Add Trusted Certificate to Tenant dev", "fingerprint": fingerprint}
    confirm = prompts.asked[-1]
    assert "tenant dev" in str(confirm["text"]) and "partner_root" in str(confirm["text"])
    entry = tenant.state.entry("partner_root")
    assert isinstance(entry, CertificateEntry) and entry.cert == cert
    uploads = [p for m, p in tenant.requests if m == "PUT" and "CertificateResources" in p]
    assert len(uploads) == 1 and "fingerprintVerified=true" in uploads[0]
    assert "partner_root" in aliases(window)
    current = window.current_entry()
    assert current is not None and current.alias == "partner_root"  # the new entry is selected


def test_declining_the_confirmation_sends_nothing(
    on_tenant: KeymonMainWindow, prompts: ScriptedPrompts, tenant: FakeTenant, tmp_path: Path
) -> None:
    path, _cert = cert_file(tmp_path, "Partner Root")
    review(prompts, {}, "partner_root")
    prompts.expect("choose_open_file", path).expect("confirm", False)
    on_tenant.actions_by_name[ActionId.ADD_CERTIFICATE].trigger()
    assert not any("CertificateResources" in p for _m, p in tenant.requests)
    assert "partner_root" not in held(tenant)


def test_a_409_is_said_plainly_and_the_tenant_keeps_what_it_had(
    qtbot: QtBot,
    on_tenant: KeymonMainWindow,
    prompts: ScriptedPrompts,
    tenant: FakeTenant,
    tmp_path: Path,
) -> None:
    path, _cert = cert_file(tmp_path, "Partner Root")
    review(prompts, {}, "partner_root")
    tenant.inject(409, method="PUT", path="CertificateResources", message="Certificate notTrusted")
    prompts.expect("choose_open_file", path).expect("confirm", True)
    prompts.expect("error", containing="did not import the certificate (409 Conflict)")
    written(qtbot, on_tenant, ActionId.ADD_CERTIFICATE)
    assert "notTrusted" in str(prompts.asked[-1]["text"])
    assert "partner_root" not in held(tenant) and "partner_root" not in aliases(on_tenant)


def test_a_certificate_over_10_kb_is_refused_before_anything_is_sent(
    on_tenant: KeymonMainWindow, prompts: ScriptedPrompts, tenant: FakeTenant, tmp_path: Path
) -> None:
    big = factory.make_cert(factory.rsa_key(2048), "Big", san=[f"h{i}.example" for i in range(900)])
    path = tmp_path / "big.pem"
    path.write_bytes(big.public_bytes(Encoding.PEM))
    review(prompts, {}, "big")
    prompts.expect("choose_open_file", path)
    prompts.expect("error", containing="at most 10 kB")
    before = len(tenant.requests)
    on_tenant.actions_by_name[ActionId.ADD_CERTIFICATE].trigger()
    assert len(tenant.requests) == before


def test_a_dropped_certificate_goes_to_the_tenant_through_the_review(
    qtbot: QtBot,
    on_tenant: KeymonMainWindow,
    prompts: ScriptedPrompts,
    tenant: FakeTenant,
    tmp_path: Path,
) -> None:
    path, cert = cert_file(tmp_path, "Dropped Root")
    review(prompts, {}, "dropped_root")
    prompts.expect("confirm", True, containing="tenant dev")
    with qtbot.waitSignal(on_tenant.keystoreOpened, timeout=20_000):
        drop_files(on_tenant, path)
    assert tenant.state.entry("dropped_root") == CertificateEntry("dropped_root", cert)
    assert on_tenant.tenants.current is not None  # still the tenant, no file opened


# -- 3. delete and rename -------------------------------------------------------------------
def test_delete_several_says_key_pairs_cannot_come_back_and_backs_up_first(
    qtbot: QtBot, on_tenant: KeymonMainWindow, prompts: ScriptedPrompts, tenant: FakeTenant
) -> None:
    select(on_tenant, "tenant_client", "old_partner_root")
    prompts.expect("confirm", True, containing="cannot be undone")
    prompts.expect("confirm", True, containing="Back up the keystore of tenant dev first")
    written(qtbot, on_tenant, ActionId.DELETE)
    question = str(prompts.asked[0]["text"])
    assert "tenant dev" in question and "tenant_client" in question
    assert prompts.asked[0]["destructive"] is True
    assert not {"tenant_client", "old_partner_root"} & held(tenant)
    assert {"tenant_client", "old_partner_root"} <= held(tenant, "backup_admin_system")
    assert not {"tenant_client", "old_partner_root"} & aliases(on_tenant)


def test_sap_owned_entries_are_refused_with_the_reason(
    on_tenant: KeymonMainWindow, prompts: ScriptedPrompts, tenant: FakeTenant
) -> None:
    select(on_tenant, "receiver_root_ca", "sap_cloud_root_ca")
    delete = on_tenant.actions_by_name[ActionId.DELETE]
    assert not delete.isEnabled()
    assert delete.toolTip() == (
        "sap_cloud_root_ca is owned by SAP: keymon shows it but does not change it."
    )
    prompts.expect("error", containing="owned by SAP")
    on_tenant.tenants.writes.delete()  # even when called directly
    assert {"sap_cloud_root_ca", "receiver_root_ca"} <= held(tenant)


def test_rename_on_the_tenant_names_the_change_and_undo_is_not_faked(
    qtbot: QtBot, on_tenant: KeymonMainWindow, prompts: ScriptedPrompts, tenant: FakeTenant
) -> None:
    on_tenant.select_alias("receiver_root_ca")
    prompts.expect("rename", "receiver_root_2026")
    prompts.expect("confirm", True, containing="Rename receiver_root_ca to receiver_root_2026")
    written(qtbot, on_tenant, ActionId.RENAME)
    assert "receiver_root_2026" in held(tenant) and "receiver_root_ca" not in held(tenant)
    assert "receiver_root_2026" in aliases(on_tenant)
    current = on_tenant.current_entry()
    assert current is not None and current.alias == "receiver_root_2026"
    assert not on_tenant.undo_action.isEnabled()  # no undo that would not be real


# -- read-only profiles, a locked keystore, an expired token -------------------------------
def test_a_read_only_profile_allows_no_write_and_says_why(
    qtbot: QtBot, window: KeymonMainWindow, prompts: ScriptedPrompts, tenant: FakeTenant
) -> None:
    save_profile(tenant, read_only=True)
    open_tenant(qtbot, window)
    window.select_alias("receiver_root_ca")
    reason = "The tenant profile dev is marked read-only: keymon does not change it."
    for name in (
        ActionId.ADD_CERTIFICATE,
        ActionId.ADD_KEY_PAIR,
        ActionId.GENERATE_KEY_PAIR,
        ActionId.IMPORT_ROOT_CA,
        ActionId.DELETE,
        ActionId.RENAME,
    ):
        action = window.actions_by_name[name]
        assert not action.isEnabled() and action.toolTip() == reason, name
    assert not window.tenants.backup_action.isEnabled()
    assert window.actions_by_name[ActionId.DOWNLOAD_CERTIFICATE].isEnabled()
    assert window.actions_by_name[ActionId.ADD_KEYSTORE].toolTip() == FILE_ONLY
    prompts.expect("error", containing="read-only")
    window.tenants.writes.delete()
    assert "receiver_root_ca" in held(tenant)


def test_a_locked_keystore_during_a_write_is_said_as_such(
    qtbot: QtBot, on_tenant: KeymonMainWindow, prompts: ScriptedPrompts, tenant: FakeTenant
) -> None:
    on_tenant.select_alias("receiver_root_ca")
    tenant.inject(503, times=10, method="PUT")
    prompts.expect("rename", "renamed").expect("confirm", True)
    prompts.expect("error", containing="locked by another user")
    written(qtbot, on_tenant, ActionId.RENAME)
    assert "'dev'" in str(prompts.asked[-1]["text"])
    assert "receiver_root_ca" in held(tenant) and "receiver_root_ca" in aliases(on_tenant)


def test_an_expired_token_during_a_write_is_renewed_and_the_write_happens(
    qtbot: QtBot, on_tenant: KeymonMainWindow, prompts: ScriptedPrompts, tenant: FakeTenant
) -> None:
    on_tenant.select_alias("old_partner_root")
    tenant.expire_tokens()
    prompts.expect("confirm", True, containing="This cannot be undone")
    with qtbot.waitSignal(on_tenant.keystoreOpened, timeout=20_000):
        on_tenant.actions_by_name[ActionId.DELETE].trigger()
        assert on_tenant.busy_bar.isVisible()  # the write runs in a worker
        assert on_tenant.tenants.writes.running is not None
        prompts.expect("error", containing="A change to tenant dev is still running")
        assert on_tenant.tenants.writes.write("again", api.backup, "") is None  # one at a time
    assert "old_partner_root" not in held(tenant)
    assert [m.method for m in prompts.messages] == ["error"]  # only the refused second one
    assert not held(tenant, "backup_admin_system")


# -- 4. a key pair made on the tenant, its CSR, the CA response --------------------------
def _sign(csr_pem: bytes, ca_key: object, ca: x509.Certificate) -> x509.Certificate:
    csr = x509.load_pem_x509_csr(csr_pem)
    return (
        x509.CertificateBuilder()
        .subject_name(csr.subject)
        .issuer_name(ca.subject)
        .public_key(csr.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(ca.not_valid_before_utc)
        .not_valid_after(ca.not_valid_after_utc)
        .sign(ca_key, hashes.SHA256())  # type: ignore[arg-type]
    )


def test_generate_on_the_tenant_download_the_csr_and_install_the_ca_response(
    qtbot: QtBot,
    on_tenant: KeymonMainWindow,
    prompts: ScriptedPrompts,
    tenant: FakeTenant,
    tmp_path: Path,
) -> None:
    window = on_tenant

    def request(wizard: QWizard) -> int:
        assert isinstance(wizard, TenantKeyPairWizard)
        wizard.show()
        page = wizard.request_page
        page.alias_edit.setText("sap_mine")
        page.key_combo.setCurrentIndex(3)  # EC P-256
        page.subject.cn_edit.setText("orders.example.com")
        page.subject.c_edit.setText("DE")
        wizard.button(FINISH).click()
        assert "reserved for SAP" in page.message.text()  # refused before any request
        page.alias_edit.setText("orders_client")
        wizard.button(FINISH).click()
        return wizard.result()

    prompts.drive_wizards(request)
    prompts.expect("confirm", True, containing="orders_client (EC secp256r1")
    written(qtbot, window, ActionId.GENERATE_KEY_PAIR)
    made = tenant.state.entry("orders_client")
    assert isinstance(made, KeyPairEntry)
    assert made.certificate.summary.subject_cn == "orders.example.com"

    window.select_alias("orders_client")
    assert isinstance(window.current_entry(), TenantKeyPair)
    csr_path = tmp_path / "orders.csr"
    prompts.expect("choose_save_file", csr_path)
    csr_action = window.actions_by_name[ActionId.CREATE_CSR]
    assert csr_action.isEnabled()  # the tenant signs the request with its key
    assert not window.actions_by_name[ActionId.EXPORT_KEY_PAIR].isEnabled()
    csr_action.trigger()
    qtbot.waitUntil(lambda: csr_path.exists(), timeout=15_000)
    csr = x509.load_pem_x509_csr(csr_path.read_bytes())
    assert csr.public_key() == made.certificate.cert.public_key()

    ca_key = factory.ec_key(21)
    ca = factory.make_cert(ca_key, "Orders Issuing CA", ca=True)
    wrong = tmp_path / "wrong.pem"
    other = factory.make_cert(factory.ec_key(22), "orders.example.com")
    wrong.write_bytes(other.public_bytes(Encoding.PEM))
    reply = tmp_path / "reply.pem"
    reply.write_bytes(
        _sign(csr_path.read_bytes(), ca_key, ca).public_bytes(Encoding.PEM)
        + ca.public_bytes(Encoding.PEM)
    )
    seen: dict[str, str] = {}

    def install(wizard: QWizard) -> int:
        assert isinstance(wizard, CaReplyWizard)
        wizard.show()
        seen["title"] = wizard.windowTitle()
        source = wizard.page_of(ReplySourcePage)
        source.source.load_file(wrong)  # a reply for another key: refused here
        seen["wrong"] = source.message.text()
        assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
        source.source.load_file(reply)
        wizard.next()
        wizard.button(FINISH).click()
        return wizard.result()

    prompts.drive_wizards(install)
    prompts.expect("confirm", True, containing="orders.example.com → Orders Issuing CA")
    before = len([p for _m, p in tenant.requests if "CertificateChainResources" in p])
    written(qtbot, window, ActionId.IMPORT_CA_REPLY)
    assert seen["title"] == "Install CA Response on Tenant dev"
    assert "public key" in seen["wrong"] and before == 0
    installed = tenant.state.entry("orders_client")
    assert isinstance(installed, KeyPairEntry)
    assert [c.summary.subject_cn for c in installed.chain] == [
        "orders.example.com",
        "Orders Issuing CA",
    ]


# -- 5. backup and restore -------------------------------------------------------------------
def test_backup_then_restore_names_what_it_replaces(
    qtbot: QtBot, on_tenant: KeymonMainWindow, prompts: ScriptedPrompts, tenant: FakeTenant
) -> None:
    window = on_tenant
    before = held(tenant)
    prompts.expect("confirm", True, containing="replaces the tenant's previous backup")
    with qtbot.waitSignal(window.keystoreOpened, timeout=20_000):
        window.tenants.backup_action.trigger()
    assert held(tenant, "backup_admin_system") == before

    window.select_alias("receiver_root_ca")
    prompts.expect("confirm", True)  # no key pair among them: no backup offered
    written(qtbot, window, ActionId.DELETE)
    assert "receiver_root_ca" not in held(tenant)

    prompts.expect("confirm", True, containing="replaces the whole system keystore")
    with qtbot.waitSignal(window.keystoreOpened, timeout=20_000):
        window.tenants.restore_action.trigger()
    assert prompts.asked[-1]["destructive"] is True
    assert "tenant dev" in str(prompts.asked[-1]["text"])
    assert held(tenant) == before and "receiver_root_ca" in aliases(window)


# -- 2. Import Root CA from the connectivity test into the tenant ----------------------------
@pytest.mark.interop
def test_import_root_from_the_connectivity_test_goes_to_the_tenant(
    qtbot: QtBot,
    on_tenant: KeymonMainWindow,
    prompts: ScriptedPrompts,
    tenant: FakeTenant,
    openssl: str,
    tmp_path: Path,
) -> None:
    window = on_tenant
    pki = make_pki(tmp_path / "pki")
    assert window.actions_by_name[ActionId.IMPORT_ROOT_CA].isEnabled()
    window.actions_by_name[ActionId.CONNECTIVITY_TEST].trigger()
    panel = panel_of(window)
    with full_chain_server(openssl, pki) as server:
        run_test(qtbot, panel, server.port)
    assert panel.import_root_button.isEnabled()
    seen: dict[str, str] = {}
    review(prompts, seen, "probe_root")
    prompts.expect("confirm", True, containing="tenant dev as the trusted certificate probe_root")
    written(qtbot, window, ActionId.IMPORT_ROOT_CA)
    assert seen["title"] == "Import Root CA into Tenant dev"
    assert seen["fingerprint"] == colon_fingerprint(pki.root_info.sha256)
    assert tenant.state.entry("probe_root") == CertificateEntry("probe_root", pki.root_info)
    assert "probe_root" in aliases(window) and window.session is None


# -- key pairs from a local keystore ---------------------------------------------------------
def test_upload_every_chosen_key_pair_of_a_local_keystore_each_under_its_alias(
    qtbot: QtBot,
    on_tenant: KeymonMainWindow,
    prompts: ScriptedPrompts,
    tenant: FakeTenant,
    store_path: Path,
) -> None:
    local = Keystore.open(store_path, PW)
    prompts.expect("choose_open_file", store_path)
    prompts.expect("ask_password", PasswordAnswer(PW))
    prompts.expect("choose_entries", lambda q: list(q["entries"]))
    prompts.expect("confirm", True, containing="private keys included")
    written(qtbot, on_tenant, ActionId.ADD_KEY_PAIR)
    for alias in ("tenant", "other"):
        uploaded = tenant.state.entry(alias)
        mine = local.get(alias)
        assert isinstance(uploaded, KeyPairEntry) and isinstance(mine, KeyPairEntry)
        assert uploaded.chain == mine.chain  # the tenant holds the same key pair
    assert {"tenant", "other"} <= aliases(on_tenant)
    confirm = str(prompts.asked[-1]["text"])
    assert PW not in confirm and "tenant dev" in confirm


def test_an_alias_the_tenant_has_already_is_refused_before_upload(
    qtbot: QtBot,
    on_tenant: KeymonMainWindow,
    prompts: ScriptedPrompts,
    tenant: FakeTenant,
    tmp_path: Path,
) -> None:
    path = tmp_path / "client.p12"
    Keystore([factory.key_pair_entry("tenant_client", "Clash")], password=PW).save_as(
        path, Format.PKCS12, PW
    )
    prompts.expect("choose_open_file", path).expect("ask_password", PasswordAnswer(PW))
    prompts.expect("error", containing="already has entries named tenant_client")
    before = len(tenant.requests)
    on_tenant.actions_by_name[ActionId.ADD_KEY_PAIR].trigger()
    qtbot.waitUntil(lambda: not prompts.pending, timeout=15_000)
    assert not [p for _m, p in tenant.requests[before:] if "KeyPairResources" in p]


def test_generate_a_dsa_key_pair_on_the_tenant(
    qtbot: QtBot, on_tenant: KeymonMainWindow, prompts: ScriptedPrompts, tenant: FakeTenant
) -> None:
    def request(wizard: QWizard) -> int:
        assert isinstance(wizard, TenantKeyPairWizard)
        wizard.show()
        page = wizard.request_page
        page.alias_edit.setText("legacy_client")
        page.key_combo.setCurrentIndex(page.key_combo.findText("DSA 2048"))
        page.subject.cn_edit.setText("legacy.example.com")
        page.subject.c_edit.setText("DE")
        wizard.button(FINISH).click()
        return wizard.result()

    prompts.drive_wizards(request)
    prompts.expect("confirm", True, containing="legacy_client (DSA 2048")
    written(qtbot, on_tenant, ActionId.GENERATE_KEY_PAIR)
    made = tenant.state.entry("legacy_client")
    assert isinstance(made, KeyPairEntry)
    assert isinstance(made.private_key, dsa.DSAPrivateKey)
