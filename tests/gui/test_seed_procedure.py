"""The whole outbound client-certificate set-up, end to end, through the GUI.

A tenant administrator starts with an empty keystore: generates the tenant's key pair,
downloads its public certificate for the receiver, runs the connectivity test against
the receiver (a real ``openssl s_server`` on 127.0.0.1 that requires client certificates
from the CA list it was given, i.e. the tenant's certificate), sees the server untrusted
and the acceptable CA names, imports the receiver's root CA through the wizard, and runs
the test again: trusted, client certificate accepted, HTTP check 200.

Three receivers: one that sends its root, one that does not (the usual case) but names
it in the AIA extension of its certificate (served over HTTP on 127.0.0.1), and one
that does not send it at all, whose root the administrator hands over as a file. A last
server does not ask for client certificates: the test then warns instead of passing.
The assertions are on what the user sees: headlines, enabled buttons, the wizard's page.
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
from keymon.gui.views.connectivity_panel import ConnectivityPanel
from keymon.gui.wizards.import_root_wizard import ChooseRootPage, ImportRootWizard
from keymon.gui.wizards.keypair_wizard import KeyPairWizard
from tests.gui.helpers import open_window
from tests.gui.scripted_prompts import ScriptedPrompts
from tests.gui.test_connectivity_panel import full_chain_server, panel_of, run_test
from tests.gui.test_wizards import fill_keypair
from tests.net.conftest import Pki, make_pki
from tests.net.servers import HttpFiles, Identity, OpenSSLServer, PyServer, key, leaf, tls

pytestmark = pytest.mark.interop

PW = "tenantpass"
FINISH = QWizard.WizardButton.FinishButton
NEXT = QWizard.WizardButton.NextButton
UNTRUSTED = "The server's certificate is not trusted."
PASSED = "The test passed."
NO_ROOT_SENT = "The server does not send its root CA"


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("seed-pki"))


def receiver(kind: str, openssl: str, pki: Pki, folder: Path, files: HttpFiles) -> OpenSSLServer:
    """The receiver's server: sends its root, names it in AIA only, or neither."""
    if kind == "sends-root":
        return full_chain_server(openssl, pki)
    if kind == "aia":
        server_key = key(30)
        cert = leaf(server_key, "localhost", pki.root_key, pki.root, aia=files.url("root.cer"))
        ident = Identity.write(folder / "aia", "aia", server_key, cert)
        return OpenSSLServer(openssl, "-cert", ident.cert_file, "-key", ident.key_file)
    s = pki.server  # leaf + intermediate
    return OpenSSLServer(
        openssl, "-cert", s.cert_file, "-cert_chain", s.rest_file, "-key", s.key_file
    )


def choose_root(wizard: ImportRootWizard, kind: str, pki: Pki, seen: list[str]) -> None:
    """What the user sees on the first page, and what they do there."""
    page = wizard.page_of(ChooseRootPage)
    if kind == "from-file":
        assert page.no_root.isVisible()
        assert page.no_root.text().startswith(NO_ROOT_SENT)
        assert wizard.chosen is None and not wizard.button(NEXT).isEnabled()
        assert page.load_button.isEnabled() and page.intermediate_check.isVisible()
        page.load_button.click()  # the file the receiver's administrator handed over
    else:
        assert not page.no_root.isVisible() and not page.intermediate_check.isVisible()
    assert wizard.chosen == pki.root_info
    assert wizard.button(NEXT).isEnabled()
    seen.append(page.combo.currentText())


def first_result_says(panel: ConnectivityPanel, kind: str) -> None:
    assert panel.headline_label.text() == UNTRUSTED
    detail = panel.error_label.text()
    if kind == "sends-root":
        assert "is not among the trusted certificates" in detail
    else:  # the usual case reads as normal, with what to do
        assert NO_ROOT_SENT in detail and "Import the root CA to trust it." in detail
    assert panel.summary_labels["Trusted by keystore"].text() == "Not trusted"
    assert panel.import_root_button.isEnabled() and panel.download_button.isEnabled()
    assert panel.run_button.isEnabled() and not panel.cancel_button.isEnabled()


@pytest.mark.parametrize("kind", ["sends-root", "aia", "from-file"])
def test_outbound_client_certificate_setup(
    qtbot: QtBot,
    openssl: str,
    pki: Pki,
    tmp_path: Path,
    keymon_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
) -> None:
    store_path = tmp_path / "tenant.p12"
    Keystore([], password=PW).save_as(store_path, Format.PKCS12, PW)
    prompts = ScriptedPrompts()
    window = open_window(qtbot, store_path, PW, keymon_home, prompts)
    assert window.session is not None
    wizards: list[QWizard] = []
    seen: list[str] = []

    def run_wizard(wizard: QWizard) -> int:
        wizards.append(wizard)
        wizard.show()
        if isinstance(wizard, KeyPairWizard):
            fill_keypair(qtbot, wizard, "Tenant Client")
            with qtbot.waitSignal(wizard.finished, timeout=30_000):
                wizard.button(FINISH).click()
        else:
            assert isinstance(wizard, ImportRootWizard)
            choose_root(wizard, kind, pki, seen)
            wizard.next()
            wizard.button(FINISH).click()
        return wizard.result()

    prompts.drive_wizards(run_wizard)

    # 1. the tenant's key pair
    with qtbot.waitSignal(window.session.saved, timeout=30_000):
        window.actions_by_name["actionGenerateKeyPair"].trigger()
    tenant = Keystore.open(store_path, PW).get("tenant-client")
    assert isinstance(tenant, KeyPairEntry)
    # its own self-signed certificate is not flagged as a trust problem
    window.select_alias("tenant-client")
    assert window.details.chain_viewer.own_self_signed

    # 2. its public certificate, for the receiver's administrator
    cer = tmp_path / "tenant-client.cer"
    prompts.expect("choose_save_file", cer, containing="tenant-client.cer")
    window.actions_by_name["actionDownloadCertificate"].trigger()
    handed_over = x509.load_der_x509_certificate(cer.read_bytes())
    assert handed_over.public_bytes(Encoding.DER) == tenant.certificate.der

    # 3. the receiver trusts exactly that certificate and requires a client certificate
    client_ca = tmp_path / "receiver-trusts.pem"
    client_ca.write_bytes(handed_over.public_bytes(Encoding.PEM))
    root_file = tmp_path / "receiver-root.pem"  # what the receiver's administrator gives
    root_file.write_bytes(pki.root.public_bytes(Encoding.PEM))
    if kind == "from-file":
        prompts.expect("choose_open_file", root_file)
    with HttpFiles({"root.cer": pki.root.public_bytes(Encoding.DER)}) as files:
        server = receiver(kind, openssl, pki, tmp_path, files)
        server.command += [
            "-Verify", "1", "-verify_return_error", "-CAfile", str(client_ca), "-www",
        ]  # fmt: skip
        with server as srv:
            window.actions_by_name["actionConnectivityTest"].trigger()
            panel = panel_of(window)
            assert window.connectivity_dock.isVisible()
            assert window.focusWidget() is panel.host_edit  # ready to type the host
            assert not panel.import_root_button.isEnabled()  # nothing to trust yet
            panel.client_combo.setCurrentIndex(panel.client_combo.findText("tenant-client"))
            panel.http_path_edit.setText("/")

            # 4. first test: not trusted yet; its CA names point at our key pair
            first = run_test(qtbot, panel, srv.port)
            assert first.handshake_done
            assert first.error is not None
            assert first.error.kind is ProbeErrorKind.SERVER_UNTRUSTED
            assert first.client_ca_names == (handed_over.subject.rfc4514_string(),)
            assert first.matching_key_pairs == ("tenant-client",)
            first_result_says(panel, kind)

            # 5. import the receiver's root CA through the wizard: one undoable change
            with qtbot.waitSignal(window.session.saved, timeout=10_000):
                panel.import_root_button.click()
            store = Keystore.open(store_path, PW)
            roots = [e for e in store if isinstance(e, CertificateEntry)]
            assert [r.cert for r in roots] == [pki.root_info]
            # the panel judges the captured chain again at once: no stale "not trusted"
            assert panel.headline_label.text() == PASSED
            assert panel.summary_labels["Trusted by keystore"].text() == "Trusted"

            # 6. second test: trusted, our client certificate accepted, HTTP 200
            second = run_test(qtbot, panel, srv.port)
            assert second.error is None, second.error
            assert second.trusted is True
            assert second.client_certificate_accepted is True
            assert second.http_status_code == 200
            assert panel.headline_label.text() == PASSED
            assert panel.summary_labels["Client certificate"].text() == "Accepted"
    origin = {
        "sends-root": "Root sent by the server",
        "aia": f"Root fetched from {files.url('root.cer')}",
        "from-file": "Loaded from receiver-root.pem",
    }[kind]
    assert seen == [f"Probe Test Root — {origin}"]

    # 7. a server that does not ask for a client certificate: a warning, not a pass
    with PyServer(tls(pki.server)) as plain:
        panel.http_path_edit.clear()
        third = run_test(qtbot, panel, plain.port)
    assert third.error is None and third.trusted is True
    assert panel.headline_label.text() == (
        "⚠ Connected and trusted, but the server did not ask for a client certificate, "
        "so the key pair was not tested."
    )
    assert panel.summary_labels["Client certificate"].text() == "Not asked for"
    assert [type(w) for w in wizards] == [KeyPairWizard, ImportRootWizard]
    prompts.assert_done()
    window.close()
