"""Render the screenshots of docs/guide.md by running the guide's steps in the real app.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/guide_shots.py [--out DIR] [--lang de]

Everything happens in a temporary folder (KEYMON_HOME, keystores, a receiver PKI made
with ``openssl``) and against a real ``openssl s_server`` on 127.0.0.1 that requires
a client certificate. The window is driven like the GUI tests drive it: actions are
triggered, wizards and file dialogs are answered by the tests' scripted prompts, and
every wait is on a signal with a timeout.

``--theme dark`` renders with keymon's dark palette (files ``guide-…-dark.png``).
``--lang de`` installs keymon's translator for that language (once
``keymon.gui.i18n.install_translator`` exists) and names the files ``guide-…-de.png``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# never read or write the real keyring: passwords are passed explicitly
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cryptography import x509  # noqa: E402
from cryptography.hazmat.primitives import serialization  # noqa: E402
from PySide6.QtCore import QEventLoop, QPoint, QTimer, SignalInstance  # noqa: E402
from PySide6.QtGui import QPainter, QPixmap  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget, QWizard  # noqa: E402

from keymon.core.entries import CertificateEntry, CertInfo, Entry, KeyPairEntry  # noqa: E402
from keymon.core.formats.detect import Format  # noqa: E402
from keymon.core.keystore import Keystore  # noqa: E402
from keymon.core.net.result import ProbeErrorKind, ProbeResult  # noqa: E402
from keymon.core.x509.templates import Template  # noqa: E402
from keymon.gui.main_window import KeymonMainWindow  # noqa: E402
from keymon.gui.views.connectivity_panel import ConnectivityPanel  # noqa: E402
from keymon.gui.wizards.ca_reply_wizard import CaReplyWizard, ReplySourcePage  # noqa: E402
from keymon.gui.wizards.csr_wizard import CsrWizard  # noqa: E402
from keymon.gui.wizards.import_root_wizard import ChooseRootPage, ImportRootWizard  # noqa: E402
from keymon.gui.wizards.keypair_wizard import (  # noqa: E402
    IdentityPage,
    KeyExtensionsPage,
    KeyNamesPage,
    KeyPage,
    KeyPairWizard,
)
from keymon.gui.wizards.sign_csr_wizard import CsrSourcePage, IssuePage, SignCsrWizard  # noqa: E402
from tests.gui.scripted_prompts import ScriptedPrompts  # noqa: E402
from tests.net.servers import OpenSSLServer  # noqa: E402

PASSWORD = "changeit"
TIMEOUT_MS = 60_000
WINDOW_SIZE = (1280, 760)
WIZARD_SIZE = (820, 620)
PANEL_WIDTH = 760
RECEIVER_NAME = "receiver.example.org"
FINISH = QWizard.WizardButton.FinishButton


# -- waiting without sleeping ------------------------------------------------------------
def wait_signal(
    signal: SignalInstance, trigger: Callable[[], object], what: str, timeout_ms: int = TIMEOUT_MS
) -> tuple[object, ...]:
    """Run ``trigger`` and wait until ``signal`` fires (also when it fires inside trigger)."""
    loop = QEventLoop()
    got: list[tuple[object, ...]] = []

    def fired(*args: object) -> None:
        got.append(args)
        loop.quit()

    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    signal.connect(fired)
    try:
        timer.start(timeout_ms)
        trigger()
        if not got:
            loop.exec()
    finally:
        timer.stop()
        signal.disconnect(fired)
    if not got:
        raise TimeoutError(f"no answer within {timeout_ms / 1000:g} s: {what}")
    return got[0]


def settle(widget: QWidget) -> None:
    """Let ``widget`` be exposed and laid out before it is grabbed."""
    if widget.isWindow() and not QTest.qWaitForWindowExposed(widget, 5000):
        raise TimeoutError(f"{widget.objectName() or widget} was never shown")
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


# -- the receiver's PKI, made with openssl -------------------------------------------------
@dataclass(frozen=True)
class ReceiverPki:
    folder: Path
    root: Path
    issuing: Path
    issuing_key: Path
    server: Path
    server_key: Path
    server_rest: Path
    """The issuing CA: what the server sends after its own certificate (not its root, as
    most servers do)."""


def openssl(tool: str, *args: str | Path) -> None:
    result = subprocess.run([tool, *map(str, args)], capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"openssl {args[0]} failed: {result.stderr.strip()}")


def make_receiver_pki(tool: str, folder: Path) -> ReceiverPki:
    """Receiver Root CA → Receiver Issuing CA → receiver.example.org (also 127.0.0.1)."""
    folder.mkdir(parents=True, exist_ok=True)
    ca_ext = folder / "ca.ext"
    ca_ext.write_text(
        "basicConstraints=critical,CA:TRUE,pathlen:0\n"
        "keyUsage=critical,keyCertSign,cRLSign\n"
        "subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n"
    )
    server_ext = folder / "server.ext"
    server_ext.write_text(
        "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n"
        "extendedKeyUsage=serverAuth\n"
        f"subjectAltName=DNS:{RECEIVER_NAME},DNS:localhost,IP:127.0.0.1\n"
        "subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n"
    )
    f = {n: folder / n for n in ("root.key", "root.pem", "issuing.key", "issuing.csr")}
    f |= {n: folder / n for n in ("issuing.pem", "server.key", "server.csr", "server.pem")}
    ec = ("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes")
    org = "/C=DE/O=Example Receiver AG"
    openssl(
        tool, "req", "-x509", *ec, "-keyout", f["root.key"], "-out", f["root.pem"],
        "-days", "3650", "-subj", f"{org}/CN=Receiver Root CA",
        "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign",
    )  # fmt: skip
    for name, subject, issuer, ext, days in (
        ("issuing", f"{org}/CN=Receiver Issuing CA", "root", ca_ext, "1825"),
        ("server", f"{org}/CN={RECEIVER_NAME}", "issuing", server_ext, "397"),
    ):
        openssl(
            tool, "req", "-new", *ec, "-keyout", f[f"{name}.key"], "-out", f[f"{name}.csr"],
            "-subj", subject,
        )  # fmt: skip
        openssl(
            tool, "x509", "-req", "-in", f[f"{name}.csr"], "-CA", f[f"{issuer}.pem"],
            "-CAkey", f[f"{issuer}.key"], "-CAcreateserial", "-days", days, "-sha256",
            "-extfile", ext, "-out", f[f"{name}.pem"],
        )  # fmt: skip
    rest = folder / "server-rest.pem"
    rest.write_bytes(f["issuing.pem"].read_bytes())
    return ReceiverPki(
        folder, f["root.pem"], f["issuing.pem"], f["issuing.key"], f["server.pem"],
        f["server.key"], rest,
    )  # fmt: skip


def cert_info(path: Path) -> CertInfo:
    return CertInfo.from_cert(x509.load_pem_x509_certificate(path.read_bytes()))


def write_keystore(path: Path, entries: Sequence[Entry]) -> None:
    Keystore(list(entries), password=PASSWORD).save_as(path, Format.PKCS12, PASSWORD)


def issuing_ca_entry(pki: ReceiverPki) -> KeyPairEntry:
    key = serialization.load_pem_private_key(pki.issuing_key.read_bytes(), None)
    chain = (cert_info(pki.issuing), cert_info(pki.root))
    return KeyPairEntry("receiver-issuing-ca", key, chain)


# -- the run --------------------------------------------------------------------------------
class GuideRun:
    def __init__(self, out: Path, suffix: str, work: Path, tool: str) -> None:
        self.out, self.suffix, self.work, self.tool = out, suffix, work, tool
        self.prompts = ScriptedPrompts()
        self.written: list[Path] = []
        self.window: KeymonMainWindow | None = None

    # pictures
    def save(self, pixmap: QPixmap, name: str) -> None:
        path = self.out / f"guide-{name}{self.suffix}.png"
        if not pixmap.save(str(path)):
            raise RuntimeError(f"could not write {path}")
        self.written.append(path)

    def shot(self, widget: QWidget, name: str) -> None:
        settle(widget)
        self.save(widget.grab(), name)

    def shot_wizard(self, wizard: QWizard, name: str) -> None:
        wizard.resize(*WIZARD_SIZE)
        self.shot(wizard, name)

    @property
    def win(self) -> KeymonMainWindow:
        assert self.window is not None
        return self.window

    def panel(self) -> ConnectivityPanel:
        return self.win.connectivity_panel  # built the first time it is asked

    def shot_panel(self, name: str) -> None:
        """The connectivity dock, floating and tall enough to show everything unscrolled."""
        dock = self.win.connectivity_dock
        scroll = self.panel().findChild(QScrollArea)
        assert scroll is not None
        content = scroll.widget()
        assert content is not None
        dock.setFloating(True)
        content.adjustSize()
        height = content.heightForWidth(PANEL_WIDTH)
        height = max(height, content.sizeHint().height())
        dock.resize(PANEL_WIDTH, height + 40)
        dock.activateWindow()
        settle(dock)
        self.panel().run_button.setFocus()  # where a click on Run Test leaves it
        self.shot(dock, name)
        dock.setFloating(False)

    # the window
    def open_window(self, store: Path) -> None:
        from keymon.gui.app import open_main_window

        window = open_main_window(
            store, PASSWORD, config_dir=self.work / "home", prompts=self.prompts
        )
        self.window = window
        wait_signal(window.keystoreOpened, lambda: None, f"opening {store.name}")
        window.resize(*WINDOW_SIZE)
        settle(window)

    def open_keystore(self, store: Path) -> None:
        self.win.open_keystore(store, PASSWORD)
        wait_signal(self.win.keystoreOpened, lambda: None, f"opening {store.name}")

    def trigger(self, action: str, *, saves: bool) -> None:
        """Trigger a window action; with ``saves`` wait until the keystore is saved."""
        qaction = self.win.actions_by_name[action]
        self.win.activateWindow()  # as after a click into it: focus follows the action
        settle(self.win)
        session = self.win.session
        if saves:
            assert session is not None
            wait_signal(session.saved, qaction.trigger, f"{action}: saving")
        else:
            qaction.trigger()

    def drive(self, driver: Callable[[QWizard], None]) -> None:
        """The window's next wizard is shown, handed to ``driver``, and its result returned."""

        def run(wizard: QWizard) -> int:
            wizard.show()
            settle(wizard)
            driver(wizard)
            return int(wizard.result())

        self.prompts.drive_wizards(run)

    def run_probe(self, port: int) -> ProbeResult:
        panel = self.panel()
        panel.host_edit.setText(f"127.0.0.1:{port}")
        panel.sni_edit.setText(RECEIVER_NAME)
        args = wait_signal(panel.finished, panel.run_button.click, "connectivity test")
        result = args[0]
        assert isinstance(result, ProbeResult)
        return result

    # -- the tenant's side -----------------------------------------------------------------
    def tenant_side(self) -> Path:
        """Steps 1–2: the tenant key pair and its public certificate; returns the .cer."""
        store = self.work / "tenant.p12"
        write_keystore(store, [])
        self.open_window(store)

        def keypair(wizard: QWizard) -> None:
            assert isinstance(wizard, KeyPairWizard)
            subject = wizard.page_of(IdentityPage).subject
            subject.cn_edit.setText("Tenant Client")
            subject.o_edit.setText("Example AG")
            subject.c_edit.setText("DE")
            assert wizard.page_of(IdentityPage).alias() == "tenant-client"  # from the CN
            wizard.next()
            wizard.next()  # no alternative names: a client certificate needs none
            wizard.next()  # RSA 3072, SHA-256, two years: the defaults
            extensions = wizard.page_of(KeyExtensionsPage).editor
            assert extensions.template() is Template.TLS_CLIENT
            wizard.next()
            self.shot_wizard(wizard, "01-keypair-wizard")
            wait_signal(wizard.finished, wizard.button(FINISH).click, "generating the key")

        self.drive(keypair)
        self.trigger("actionGenerateKeyPair", saves=True)
        self.win.select_alias("tenant-client")
        self.shot(self.win, "02-tenant-keypair")

        # Download › Public Certificate…: the window with the menu open, then the save
        menu = self.win.download_menu
        bar = self.win.menuBar()
        where = bar.mapTo(self.win, bar.actionGeometry(menu.menuAction()).bottomLeft())
        menu.popup(self.win.mapToGlobal(where))
        menu.setActiveAction(self.win.actions_by_name["actionDownloadCertificate"])
        settle(menu)
        picture = self.win.grab()
        painter = QPainter(picture)
        painter.drawPixmap(QPoint(where), menu.grab())
        painter.end()
        menu.hide()
        self.save(picture, "03-download-certificate")
        cer = self.work / "tenant-client.cer"
        self.prompts.expect("choose_save_file", cer, containing="tenant-client.cer")
        self.trigger("actionDownloadCertificate", saves=False)
        if not cer.exists():
            raise RuntimeError("the public certificate was not saved")
        return cer

    def connectivity(self, pki: ReceiverPki, tenant_cer: Path) -> None:
        """Steps 3–5: test, import the receiver's root, test again with the client certificate."""
        receiver_trusts = self.work / "receiver-trusts.pem"
        cert = x509.load_der_x509_certificate(tenant_cer.read_bytes())
        receiver_trusts.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        server = OpenSSLServer(
            self.tool, "-cert", pki.server, "-cert_chain", pki.server_rest, "-key", pki.server_key,
            "-Verify", "1", "-verify_return_error", "-CAfile", receiver_trusts, "-www",
        )  # fmt: skip
        with server as srv:
            self.trigger("actionConnectivityTest", saves=False)
            panel = self.panel()
            panel.client_combo.setCurrentIndex(panel.client_combo.findData("tenant-client"))
            panel.http_path_edit.setText("/")
            first = self.run_probe(srv.port)
            if first.error is None or first.error.kind is not ProbeErrorKind.SERVER_UNTRUSTED:
                raise RuntimeError(f"the first test should find the server untrusted: {first}")
            self.shot_panel("04-untrusted")

            def import_root(wizard: QWizard) -> None:
                assert isinstance(wizard, ImportRootWizard)
                assert wizard.chosen is None  # the server does not send its root
                # the root file the receiver's administrator handed over
                self.prompts.expect("choose_open_file", pki.root)
                wizard.page_of(ChooseRootPage).load_button.click()
                chosen = wizard.chosen
                assert chosen is not None and chosen.summary.subject_cn == "Receiver Root CA"
                self.shot_wizard(wizard, "05-import-root")
                wizard.next()
                wizard.button(FINISH).click()

            self.drive(import_root)
            assert self.win.session is not None
            wait_signal(self.win.session.saved, panel.import_root_button.click, "trusting the root")
            second = self.run_probe(srv.port)
            if second.error is not None or second.client_certificate_accepted is not True:
                raise RuntimeError(f"the second test should pass: {second}")
            self.shot_panel("06-trusted")
        self.win.connectivity_dock.hide()

    # -- the receiver's side ----------------------------------------------------------------
    def receiver_side(self, pki: ReceiverPki) -> None:
        """Step 6: server key pair, CSR, signed by the issuing CA, CA reply installed."""
        receiver = self.work / "receiver.p12"
        write_keystore(receiver, [CertificateEntry("receiver-root-ca", cert_info(pki.root))])
        ca_store = self.work / "receiver-ca.p12"
        write_keystore(ca_store, [issuing_ca_entry(pki)])
        csr_file = self.work / f"{RECEIVER_NAME}.csr"
        reply_file = self.work / f"{RECEIVER_NAME}.pem"
        self.open_keystore(receiver)

        def server_keypair(wizard: QWizard) -> None:
            assert isinstance(wizard, KeyPairWizard)
            identity = wizard.page_of(IdentityPage)
            identity.subject.cn_edit.setText(RECEIVER_NAME)
            identity.subject.o_edit.setText("Example Receiver AG")
            identity.subject.c_edit.setText("DE")
            wizard.next()
            names = wizard.page_of(KeyNamesPage).editor
            names.value_edit.setText(RECEIVER_NAME)
            wizard.next()
            key = wizard.page_of(KeyPage).key
            key.type_combo.setCurrentIndex(key.type_combo.findData("ec"))
            wizard.next()
            wizard.page_of(KeyExtensionsPage).editor.apply_template(Template.TLS_SERVER)
            wizard.next()
            wait_signal(wizard.finished, wizard.button(FINISH).click, "generating the key")

        self.drive(server_keypair)
        self.trigger("actionGenerateKeyPair", saves=True)
        alias = RECEIVER_NAME
        self.win.select_alias(alias)

        def csr(wizard: QWizard) -> None:
            assert isinstance(wizard, CsrWizard)
            while wizard.currentId() != wizard.pageIds()[-1]:
                wizard.next()
            self.shot_wizard(wizard, "07-csr")
            self.prompts.expect("choose_save_file", csr_file)
            wizard.button(FINISH).click()

        self.drive(csr)
        self.trigger("actionCreateCsr", saves=False)
        if not csr_file.exists():
            raise RuntimeError("the CSR was not saved")

        self.open_keystore(ca_store)
        self.win.select_alias("receiver-issuing-ca")

        def sign(wizard: QWizard) -> None:
            assert isinstance(wizard, SignCsrWizard)
            self.prompts.expect("choose_open_file", csr_file)
            wizard.page_of(CsrSourcePage).source.file_button.click()
            self.shot_wizard(wizard, "08-sign-csr")
            wizard.next()
            issue = wizard.page_of(IssuePage)
            issue.template.setCurrentIndex(issue.template.findData(Template.TLS_SERVER))
            wizard.next()
            self.shot_wizard(wizard, "08b-sign-csr-issued")
            self.prompts.expect("choose_save_file", reply_file)
            wizard.button(FINISH).click()

        self.drive(sign)
        self.trigger("actionSignCsr", saves=False)
        if not reply_file.exists():
            raise RuntimeError("the issued certificate was not saved")

        self.open_keystore(receiver)
        self.win.select_alias(alias)

        def reply(wizard: QWizard) -> None:
            assert isinstance(wizard, CaReplyWizard)
            self.prompts.expect("choose_open_file", reply_file)
            wizard.page_of(ReplySourcePage).source.file_button.click()
            wizard.next()
            self.shot_wizard(wizard, "09-ca-reply")
            wizard.button(FINISH).click()

        self.drive(reply)
        self.trigger("actionImportCaReply", saves=True)
        self.win.select_alias(alias)
        entry = self.win.current_entry()
        if entry is None or len(entry.certificates) != 3:
            raise RuntimeError(f"the CA reply should leave a chain of three: {entry}")
        self.win.statusBar().clearMessage()  # "Saved …" of the signed file, in the CA keystore
        self.shot(self.win, "10-chain")

    def close(self) -> None:
        if self.window is not None:
            self.window.close()
        self.prompts.assert_done()


def install_language(app: QApplication, language: str | None) -> None:
    """keymon's translator for ``language``, once keymon.gui.i18n provides one."""
    if not language or language == "en":
        return
    try:
        i18n = importlib.import_module("keymon.gui.i18n")
    except ImportError:
        print(f"keymon has no translations yet: {language} pictures show English", file=sys.stderr)
        return
    i18n.install_translator(app, language)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", default=None, help="e.g. de (default: English)")
    parser.add_argument("--theme", default=None, help="dark or light (default: the system's)")
    parser.add_argument("--size", default=None, help="window size WxH (default: 1280x760)")
    args = parser.parse_args(argv)
    if args.size:
        global WINDOW_SIZE
        width, _, height = args.size.partition("x")
        WINDOW_SIZE = (int(width), int(height))
    tool = shutil.which("openssl")
    if tool is None:
        parser.error("openssl is needed for the receiver's PKI and server")
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    install_language(app, args.lang)
    suffix = f"-{args.lang}" if args.lang and args.lang != "en" else ""
    if args.theme:
        from keymon.gui.theme import apply_theme

        apply_theme(app, args.theme)
        suffix += f"-{args.theme}"
    with tempfile.TemporaryDirectory(prefix="keymon-guide-") as tmp:
        work = Path(tmp)
        os.environ["KEYMON_HOME"] = str(work / "home")
        pki = make_receiver_pki(tool, work / "pki")
        run = GuideRun(out, suffix, work, tool)
        try:
            cer = run.tenant_side()
            run.connectivity(pki, cer)
            run.receiver_side(pki)
        finally:
            run.close()
    for path in run.written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
