"""Render keymon's windows to PNG for the README and the guide (offscreen, reproducible).

    .venv/bin/python tools/screenshots.py [OUTPUT_DIR] [--lang de]

With ``--lang de`` the German catalogue is installed first and the files get a
``-de`` suffix (main-window-de.png, …). Build the catalogues with
``make translations`` first.

Uses a realistic keystore: the JDK's cacerts (read with keymon) plus a tenant key
pair with a three-level chain, a receiver key pair and two partner certificates,
one expired and one about to expire.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget  # noqa: E402

from keymon.core.compat import tolerate_legacy_certificates  # noqa: E402
from keymon.core.entries import CertificateEntry, CertInfo, Entry  # noqa: E402
from keymon.core.formats.detect import Format  # noqa: E402
from keymon.core.keystore import Keystore  # noqa: E402
from tests import factory  # noqa: E402

PASSWORD = "changeit"


def cacerts() -> Path:
    keytool = shutil.which("keytool")
    if keytool is None:
        raise SystemExit("keytool (Java 17) is needed for the cacerts copy")
    return Path(os.path.realpath(keytool)).parent.parent / "lib" / "security" / "cacerts"


def build_keystore(path: Path) -> None:
    tolerate_legacy_certificates()
    jdk = Keystore.open(cacerts(), PASSWORD)
    past = dt.datetime.now(dt.UTC) - dt.timedelta(days=400)
    key = factory.ec_key(3)
    (_, root), _ = factory.ca_chain()
    own: list[Entry] = [
        factory.key_pair_entry("tenant-prod", "tenant.cpi.example.com"),
        factory.self_signed_entry("receiver-test", "receiver-test.example.org"),
        CertificateEntry(
            "partner-old",
            CertInfo.from_cert(
                factory.make_cert(key, "Old Partner CA", not_before=past, days=30, ca=True)
            ),
        ),
        CertificateEntry(
            "partner-issuing",
            CertInfo.from_cert(factory.make_cert(key, "Partner Issuing CA", days=12, ca=True)),
        ),
        CertificateEntry("keymon-test-root", CertInfo.from_cert(root)),
    ]
    store = Keystore([*own, *jdk.entries], password=PASSWORD)
    store.save_as(path, Format.PKCS12, PASSWORD)


def settle(app: QApplication, ms: int = 400) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "--lang" and not a.startswith("--lang=")]
    lang = "en"
    if "--lang" in sys.argv:
        lang = sys.argv[sys.argv.index("--lang") + 1]
        args.remove(lang)
    suffix = "" if lang == "en" else f"-{lang}"
    out = Path(args[0]) if args else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    from keymon.gui.app import open_main_window
    from keymon.gui.dialogs.settings_dialog import SettingsDialog
    from keymon.gui.i18n import install_translator
    from keymon.gui.preferences import Preferences

    install_translator(app, lang)

    def save(widget: QWidget, name: str) -> None:
        widget.grab().save(str(out / f"{name}{suffix}.png"))

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "tenant.p12"
        build_keystore(path)
        window = open_main_window(path, PASSWORD, config_dir=Path(tmp) / "home")
        loop = QEventLoop()
        window.keystoreOpened.connect(loop.quit)
        loop.exec()
        window.resize(1280, 760)
        window.table.sortByColumn(
            window.model.column_index("valid_until"), Qt.SortOrder.AscendingOrder
        )
        window.select_alias("tenant-prod")
        settle(app)
        save(window, "main-window")
        if lang == "en":
            save(window.details, "details-general")
            window.details.tabs.setCurrentIndex(2)
            settle(app, 200)
            save(window.details, "details-extensions")
            window.select_alias("partner-issuing")
            window.details.tabs.setCurrentIndex(0)
            settle(app, 200)
            save(window.details, "details-untrusted")
        dock = window.findChild(QDockWidget, "monitoringDock")
        assert isinstance(dock, QDockWidget)
        dock.show()
        window.resize(1280, 760)
        settle(app, 600)
        save(dock, "monitoring-view")
        dock.hide()
        dialog = SettingsDialog(Preferences.read(window.settings), window)
        dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("de"))
        dialog.show()
        settle(app, 200)
        save(dialog, "settings-dialog")
        dialog.close()
        window.close()
    print(f"screenshots written to {out}")


if __name__ == "__main__":
    main()
