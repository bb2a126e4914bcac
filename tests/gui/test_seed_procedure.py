"""The whole outbound client-certificate set-up, end to end, through the GUI.

A tenant administrator starts with an empty keystore: generates the tenant's key pair,
downloads its public certificate for the receiver, runs the connectivity test against
the receiver (a real ``openssl s_server`` on 127.0.0.1 that requires client certificates
from the CA list it was given, i.e. the tenant's certificate), sees the server untrusted
and the acceptable CA names, imports the receiver's root CA through the wizard, and runs
the test again: trusted, client certificate accepted, HTTP check 200.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from keymon.core.entries import CertificateEntry, KeyPairEntry
from keymon.core.formats.detect import Format
from keymon.core.keystore import Keystore
from keymon.core.net.result import ProbeErrorKind
from keymon.gui.wizards.import_root_wizard import ImportRootWizard
from keymon.gui.wizards.keypair_wizard import KeyPairWizard
from tests.gui.helpers import open_window
from tests.gui.scripted_prompts import ScriptedPrompts
from tests.gui.test_connectivity_panel import full_chain_server, panel_of, run_test
from tests.gui.test_wizards import fill_keypair
from tests.net.conftest import Pki, make_pki

pytestmark = pytest.mark.interop

PW = "tenantpass"
FINISH = QWizard.WizardButton.FinishButton


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("seed-pki"))


def test_outbound_client_certificate_setup(
    qtbot: QtBot,
    openssl: str,
    pki: Pki,
    tmp_path: Path,
    keymon_home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store_path = tmp_path / "tenant.p12"
    Keystore([], password=PW).save_as(store_path, Format.PKCS12, PW)
    prompts = ScriptedPrompts()
    window = open_window(qtbot, store_path, PW, keymon_home, prompts)
    assert window.session is not None
    wizards: list[QWizard] = []

    def run_wizard(wizard: QWizard) -> int:
        wizards.append(wizard)
        wizard.show()
        if isinstance(wizard, KeyPairWizard):
            fill_keypair(qtbot, wizard, "Tenant Client")
            with qtbot.waitSignal(wizard.finished, timeout=30_000):
                wizard.button(FINISH).click()
        else:
            assert isinstance(wizard, ImportRootWizard)
            assert wizard.chosen == pki.root_info  # the root the receiver's server sent
            wizard.next()
            wizard.button(FINISH).click()
        return wizard.result()

    prompts.drive_wizards(run_wizard)

    # 1. the tenant's key pair
    with qtbot.waitSignal(window.session.saved, timeout=30_000):
        window.actions_by_name["actionGenerateKeyPair"].trigger()
    tenant = Keystore.open(store_path, PW).get("tenant-client")
    assert isinstance(tenant, KeyPairEntry)

    # 2. its public certificate, for the receiver's administrator
    window.select_alias("tenant-client")
    cer = tmp_path / "tenant-client.cer"
    prompts.expect("choose_save_file", cer, containing="tenant-client.cer")
    window.actions_by_name["actionDownloadCertificate"].trigger()
    handed_over = x509.load_der_x509_certificate(cer.read_bytes())
    assert handed_over.public_bytes(Encoding.DER) == tenant.certificate.der

    # 3. the receiver trusts exactly that certificate and requires a client certificate
    client_ca = tmp_path / "receiver-trusts.pem"
    client_ca.write_bytes(handed_over.public_bytes(Encoding.PEM))
    server = full_chain_server(openssl, pki)
    server.command += [
        "-Verify", "1", "-verify_return_error", "-CAfile", str(client_ca), "-www",
    ]  # fmt: skip
    with server as srv:
        window.actions_by_name["actionConnectivityTest"].trigger()
        panel = panel_of(window)
        panel.client_combo.setCurrentIndex(panel.client_combo.findText("tenant-client"))
        panel.http_path_edit.setText("/")

        # 4. first test: the receiver is not trusted yet; its CA names point at our key pair
        first = run_test(qtbot, panel, srv.port)
        assert first.handshake_done
        assert first.error is not None and first.error.kind is ProbeErrorKind.SERVER_UNTRUSTED
        assert first.client_ca_names == (handed_over.subject.rfc4514_string(),)
        assert first.matching_key_pairs == ("tenant-client",)
        assert panel.import_root_button.isEnabled()

        # 5. import the receiver's root CA through the wizard: one undoable change
        with qtbot.waitSignal(window.session.saved, timeout=10_000):
            panel.import_root_button.click()
        store = Keystore.open(store_path, PW)
        roots = [e for e in store if isinstance(e, CertificateEntry)]
        assert [r.cert for r in roots] == [pki.root_info]

        # 6. second test: trusted, our client certificate accepted, HTTP 200
        second = run_test(qtbot, panel, srv.port)
        assert second.error is None, second.error
        assert second.trusted is True
        assert second.client_certificate_accepted is True
        assert second.http_status_code == 200
    assert [type(w) for w in wizards] == [KeyPairWizard, ImportRootWizard]
    prompts.assert_done()
    window.close()
