"""The connectivity panel and the Import root CA wizard against real servers on 127.0.0.1.

Set ``KEYMON_SCREENSHOTS`` to a folder to also save the panel and the wizard as PNGs.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography import x509
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget, QWizard
from pytestqt.qtbot import QtBot

from keymon.core.entries import CertificateEntry, CertInfo, Entry
from keymon.core.formats.detect import Format
from keymon.core.keystore import Keystore
from keymon.core.net.result import FetchedIssuer, ProbeErrorKind, ProbeResult, StepName
from keymon.gui import connectivity as net
from keymon.gui.main_window import KeymonMainWindow
from keymon.gui.views.connectivity_panel import NO_CLIENT, ConnectivityPanel
from keymon.gui.wizards.import_root_wizard import (
    TRUST_STATEMENT,
    AliasPage,
    ChooseRootPage,
    ImportRootWizard,
    anchor_warnings,
    colon_fingerprint,
    intermediate_candidate,
    root_candidates,
)
from tests import factory
from tests.gui.helpers import PW, open_window
from tests.gui.scripted_prompts import ScriptedPrompts
from tests.net.conftest import Pki, make_pki
from tests.net.servers import OpenSSLServer, PyServer, pem, silent

FINISH = QWizard.WizardButton.FinishButton


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("panel-pki"))


@pytest.fixture
def store_path(tmp_path: Path, pki: Pki) -> Path:
    path = tmp_path / "tenant.p12"
    entries: list[Entry] = [
        factory.key_pair_entry("tenant", "Tenant Client"),
        factory.trusted_entry("receiver-root", "Receiver Root CA"),
        pki.client.entry("client-one"),
    ]
    Keystore(entries, password=PW).save_as(path, Format.PKCS12, PW)
    return path


def full_chain_server(openssl: str, pki: Pki) -> OpenSSLServer:
    """Sends leaf, intermediate and root."""
    rest = pki.folder / "rest-with-root.pem"
    rest.write_bytes(pem(pki.inter, pki.root))
    s = pki.server
    return OpenSSLServer(openssl, "-cert", s.cert_file, "-cert_chain", rest, "-key", s.key_file)


def panel_of(win: KeymonMainWindow) -> ConnectivityPanel:
    panel = win.connectivity_panel  # built the first time it is asked (start-up, issue 13)
    assert win.findChild(ConnectivityPanel, "connectivityPanel") is panel
    return panel


def run_test(qtbot: QtBot, panel: ConnectivityPanel, port: int) -> ProbeResult:
    panel.host_edit.setText(f"127.0.0.1:{port}")
    panel.sni_edit.setText("localhost")
    with qtbot.waitSignal(panel.finished, timeout=15_000) as blocker:
        panel.run_button.click()
    result = blocker.args[0]
    assert isinstance(result, ProbeResult)
    assert panel.run_button.isEnabled() and not panel.cancel_button.isEnabled()
    return result


def shot(widget: QWidget, name: str) -> None:
    folder = os.environ.get("KEYMON_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        assert widget.grab().save(str(Path(folder) / name))


def drive(win: KeymonMainWindow, driver: Callable[[QWizard], int]) -> None:
    def run(wizard: QWizard) -> int:
        wizard.show()
        return driver(wizard)

    prompts = win.prompts
    assert isinstance(prompts, ScriptedPrompts)
    prompts.drive_wizards(run)


def test_action_toggles_the_dock_and_remembers_hosts(
    window: KeymonMainWindow, qtbot: QtBot
) -> None:
    action = window.actions_by_name["actionConnectivityTest"]
    assert action.shortcut().toString() == "Ctrl+T" and action.isEnabled()
    assert action in window.view_menu.actions()
    action.trigger()
    assert window.connectivity_dock.isVisible()
    action.trigger()
    assert not window.connectivity_dock.isVisible()
    panel = panel_of(window)
    assert panel.port_spin.value() == 443 and panel.timeout_spin.value() == 10.0
    clients = [panel.client_combo.itemText(i) for i in range(panel.client_combo.count())]
    assert clients[0] == NO_CLIENT and set(clients[1:]) == {"tenant", "client-one"}
    for i in range(12):
        net.remember_host(window.settings, f"host{i}.example")
    hosts = net.recent_hosts(window.settings)
    assert len(hosts) == 10 and hosts[0] == "host11.example"
    assert net.split_host("[::1]:8443", 443) == ("::1", 8443)
    assert net.split_host("example.org", 443) == ("example.org", 443)


def test_untrusted_then_import_root_then_trusted(
    window: KeymonMainWindow,
    qtbot: QtBot,
    openssl: str,
    pki: Pki,
    store_path: Path,
    prompts: ScriptedPrompts,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window.actions_by_name["actionConnectivityTest"].trigger()
    panel = panel_of(window)
    with full_chain_server(openssl, pki) as srv:
        result = run_test(qtbot, panel, srv.port)
        assert result.trusted is False
        assert result.error is not None and result.error.kind is ProbeErrorKind.SERVER_UNTRUSTED
        assert panel.summary_labels["Trusted by keystore"].text().startswith("Not trusted")
        assert panel.error_label.text().startswith("The server is not trusted by the keystore")
        assert panel.steps.topLevelItemCount() == 3
        tls_item = panel.steps.topLevelItem(2)
        assert tls_item is not None and tls_item.text(0) == StepName.TLS.label
        report = panel.chain_viewer.report
        assert report is not None and not report.trusted
        assert len(panel.chain_viewer.completed.certificates) == 3  # type: ignore[union-attr]
        assert panel.import_root_button.isEnabled()
        assert f"127.0.0.1:{srv.port}" in net.recent_hosts(window.settings)

        # download the server's certificates: a PEM bundle and a zip of .cer files
        bundle, archive = tmp_path / "server.pem", tmp_path / "server.zip"
        prompts.expect("choose_save_file", bundle).expect("choose_save_file", archive)
        panel.download_button.click()
        panel.download_button.click()
        assert bundle.read_bytes().count(b"BEGIN CERTIFICATE") == 3
        with zipfile.ZipFile(archive) as zf:
            assert len(zf.namelist()) == 3 and all(n.endswith(".cer") for n in zf.namelist())

        def driver(wizard: QWizard) -> int:
            assert isinstance(wizard, ImportRootWizard)
            assert wizard.objectName() == "importRootWizard"
            page = wizard.page_of(ChooseRootPage)
            assert wizard.chosen == pki.root_info  # the root the server sent
            details = page.details.toPlainText()
            assert page.fingerprint.text() == colon_fingerprint(pki.root_info.sha256)
            assert "Probe Test Root" in details
            assert page.statement.text() == TRUST_STATEMENT
            assert not page.warnings.isVisible()
            wizard.resize(760, 620)
            shot(wizard, "import-root-wizard.png")
            wizard.next()
            alias_page = wizard.page_of(AliasPage)
            assert alias_page.alias_edit.text() == "probe-test-root"
            alias_page.alias_edit.setText("Receiver-Root")  # taken (case-insensitively)
            wizard.button(FINISH).click()
            assert wizard.isVisible() and "already has" in alias_page.message.text()
            alias_page.alias_edit.setText("probe-root")
            assert window.store is not None and "probe-root" not in window.store.aliases
            wizard.button(FINISH).click()
            return wizard.result()

        drive(window, driver)
        assert window.session is not None
        with qtbot.waitSignal(window.session.saved, timeout=10_000):
            panel.import_root_button.click()
        on_disk = Keystore.open(store_path, PW)
        entry = on_disk.get("probe-root")
        assert isinstance(entry, CertificateEntry) and entry.cert == pki.root_info
        assert window.session.undo_stack.count() == 1
        assert panel.chain_viewer.report is not None and panel.chain_viewer.report.trusted

        result = run_test(qtbot, panel, srv.port)
        assert result.error is None and result.trusted is True
        assert panel.summary_labels["Trusted by keystore"].text() == "Trusted"
        assert panel.headline_label.text() == "The test passed."
        assert panel.error_label.text() == ""
        dock = window.connectivity_dock
        window.resize(1500, 1250)
        window.show()
        qtbot.waitExposed(window)
        window.resizeDocks([dock], [720], Qt.Orientation.Horizontal)
        qtbot.waitUntil(lambda: dock.width() >= 700, timeout=2000)
        shot(dock, "connectivity-panel.png")

    with qtbot.waitSignal(window.session.saved, timeout=10_000):
        window.undo_action.trigger()
    assert "probe-root" not in Keystore.open(store_path, PW).aliases


def test_cancel_during_a_silent_server_ends_promptly(
    window: KeymonMainWindow, qtbot: QtBot
) -> None:
    panel = panel_of(window)
    with PyServer(silent) as srv:
        panel.host_edit.setText(f"127.0.0.1:{srv.port}")
        with qtbot.waitSignal(panel.runningChanged, timeout=1000):
            panel.run_button.click()
        assert panel.cancel_button.isEnabled() and not panel.run_button.isEnabled()
        qtbot.waitUntil(srv.accepted.is_set, timeout=5000)
        start = dt.datetime.now()
        with qtbot.waitSignal(
            panel.runningChanged, timeout=2000, check_params_cb=lambda running: not running
        ):
            panel.cancel_button.click()
        assert dt.datetime.now() - start < dt.timedelta(seconds=2)
    assert panel.run_button.isEnabled() and not panel.cancel_button.isEnabled()
    assert "cancelled" in panel.error_label.text()
    assert panel.result is None
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=1000)


def test_client_ca_names_and_matching_alias(
    window: KeymonMainWindow, qtbot: QtBot, openssl: str, pki: Pki
) -> None:
    s = pki.server
    args: list[str | Path] = ["-cert", s.cert_file, "-cert_chain", s.rest_file, "-key", s.key_file]
    args += ["-Verify", "1", "-verify_return_error", "-CAfile", pki.client_ca_file, "-tls1_2"]
    panel = panel_of(window)
    panel.client_combo.setCurrentIndex(panel.client_combo.findData("client-one"))
    panel.verify_check.setChecked(False)
    with OpenSSLServer(openssl, *args) as srv:
        result = run_test(qtbot, panel, srv.port)
    assert result.client_ca_names == ("O=keymon tests,CN=Probe Client Root",)
    assert result.matching_key_pairs == ("client-one",)
    text = panel.ca_label.text()
    assert "CN=Probe Client Root" in text and "Matching key pairs: client-one" in text
    assert panel.summary_labels["Client certificate"].text() == "Accepted"


def test_anchor_warnings() -> None:
    now = factory.NOW
    leaf = factory.self_signed_entry("leaf", "Lonely Leaf").certificate
    assert any("self-signed end-entity" in w for w in anchor_warnings(leaf, now))
    assert any("expired" in w for w in anchor_warnings(leaf, now + dt.timedelta(days=4000)))
    root = CertInfo.from_cert(factory.ca_chain()[0][1])
    assert anchor_warnings(root, now) == []


def test_closing_the_window_stops_a_running_probe(
    qtbot: QtBot, store_path: Path, prompts: ScriptedPrompts, keymon_home: Path
) -> None:
    win = open_window(qtbot, store_path, PW, keymon_home, prompts)
    panel = panel_of(win)
    with PyServer(silent) as srv:
        panel.host_edit.setText(f"127.0.0.1:{srv.port}")
        panel.run_button.click()
        qtbot.waitUntil(srv.accepted.is_set, timeout=5000)
        start = dt.datetime.now()
        win.close()  # the runner's shutdown cancels; the probe notices within its wait slice
        assert dt.datetime.now() - start < dt.timedelta(seconds=3)
    qtbot.waitUntil(lambda: not win.runner.busy, timeout=1000)


def test_a_bad_form_says_why(window: KeymonMainWindow) -> None:
    panel = panel_of(window)
    panel.host_edit.setText("   ")
    panel.run_button.click()
    assert panel.error_label.text() == "A host name is needed."
    assert not panel.running and panel.run_button.isEnabled()
    panel.host_edit.setText("example.org:http")
    panel.run_button.click()
    assert "is not a number" in panel.error_label.text()


def test_candidates_are_roots_only_the_intermediate_is_a_last_resort(pki: Pki) -> None:
    leaf = CertInfo.from_cert(pki.server.chain[0])
    inter = CertInfo.from_cert(pki.inter)
    fetched = FetchedIssuer(pki.root_info, "http://127.0.0.1/root.cer")
    result = ProbeResult("127.0.0.1", 443, "localhost", None, (), chain=(leaf, inter))
    assert root_candidates(result) == []  # an intermediate is never proposed as "the root"
    last_resort = intermediate_candidate(result)
    assert last_resort is not None and last_resort.cert == inter
    with_fetched = dataclasses.replace(result, fetched_issuers=(fetched,))
    candidates = root_candidates(with_fetched)
    assert [c.cert for c in candidates] == [pki.root_info]
    assert "fetched from http://127.0.0.1/root.cer" in candidates[0].origin
    assert intermediate_candidate(with_fetched) is None


def test_weak_key_and_signature_are_warned_about(openssl: str, tmp_path: Path) -> None:
    # cryptography no longer signs with SHA-1: openssl makes the weak certificate
    cert_file = tmp_path / "old.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:1024", "-sha1", "-nodes", "-subj",
         "/CN=Old Root", "-days", "2", "-keyout", tmp_path / "old.key", "-out", cert_file],
        check=True,
        capture_output=True,
    )  # fmt: skip
    cert = CertInfo.from_cert(x509.load_pem_x509_certificate(cert_file.read_bytes()))
    warnings = anchor_warnings(cert, factory.NOW)
    assert any("RSA 1024" in w for w in warnings)
    assert any("broken hash" in w for w in warnings)


def test_a_port_in_the_host_field_shows_in_the_port_box(window: KeymonMainWindow) -> None:
    panel = window.connectivity_panel
    panel.host_edit.setText("receiver.example.org:8443")
    assert panel.port_spin.value() == 8443 and not panel.port_spin.isEnabled()
    panel.host_edit.setText("[2001:db8::1]:9443")
    assert panel.port_spin.value() == 9443 and not panel.port_spin.isEnabled()
    panel.host_edit.setText("receiver.example.org")
    assert panel.port_spin.isEnabled()
    panel.host_edit.setText("receiver.example.org:https")  # not a port: the box stays usable
    assert panel.port_spin.isEnabled()
