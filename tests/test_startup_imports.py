"""Start-up loads what the first screen needs (issue 13): a subcommand only its own
module, the window neither the HTTP client, nor OpenSSL, nor wizards it has not opened."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from keymon.cli import COMMAND_MODULES, handler
from keymon.cli.commands import handlers
from keymon.cli.parser import build_parser, subcommand_names
from tests import factory


@pytest.mark.parametrize("name", sorted(COMMAND_MODULES))
def test_each_listed_command_lives_in_its_module(name: str) -> None:
    assert handlers()[name].__module__ == f"keymon.cli.commands.{COMMAND_MODULES[name]}"
    assert handler(name) is handlers()[name]


def test_every_subcommand_has_a_handler_listed_or_not() -> None:
    for name in subcommand_names(build_parser()):
        assert handler(name) is handlers()[name]


def _loaded_after(code: str, *args: str) -> set[str]:
    """The modules a fresh interpreter holds after running ``code``."""
    script = code + "\nimport sys\nprint('\\n'.join(sorted(sys.modules)))\n"
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        check=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    return set(done.stdout.split())


def test_list_loads_only_its_own_command_module(tmp_path: Path) -> None:
    from cryptography.hazmat.primitives.serialization import Encoding

    pem = tmp_path / "one.pem"
    pem.write_bytes(factory.trusted_entry("x").cert.cert.public_bytes(Encoding.PEM))
    code = "import sys\nfrom keymon.cli import main\nmain(['list', sys.argv[1]])"
    loaded = _loaded_after(code, str(pem))
    assert "keymon.cli.commands.keystore" in loaded
    for module in ("pki", "probe", "tenant", "backups", "editing"):
        assert f"keymon.cli.commands.{module}" not in loaded
    assert not {"httpx", "OpenSSL", "keyring"} & loaded  # a PEM of certificates: no password
    # nor the PEM key code, cryptography's serialization package (its SSH module loads
    # ciphers and bcrypt) or dataclasses: ~16 ms of a 65 ms run
    unwanted = {"keymon.core.formats.pem_keys", "keymon.core.formats.kdf", "dataclasses"}
    assert not {*unwanted, "cryptography.hazmat.primitives.serialization"} & loaded


def test_a_certificate_is_encoded_with_the_encoding_serialization_exports() -> None:
    """CertInfo.from_cert takes Encoding from ``_serialization`` (see entries._der_encoding):
    it must stay the very enum the public package exports."""
    from cryptography.hazmat.primitives import _serialization, serialization

    from keymon.core.entries import CertInfo

    assert serialization.Encoding is _serialization.Encoding
    info = factory.trusted_entry("x").cert
    assert CertInfo.from_cert(info.cert).der == info.der


def test_listing_a_store_of_certificates_loads_only_its_reader(tmp_path: Path) -> None:
    """`keymon list cacerts --json` reads with the JKS reader alone (issue 13: the other
    readers and the writers were ~15 ms of a 0.1 s run): no key derivation, cipher,
    private-key decoder, backup, argument parser of another command or dataclass."""
    from keymon.core.formats import jks

    store = tmp_path / "cacerts.jks"
    store.write_bytes(jks.dump([factory.trusted_entry("a"), factory.trusted_entry("b")], "pw"))
    code = (  # the password given, as in bench/list_shapes.py (else the keyring is asked)
        "import os, sys\nfrom keymon.cli import main\nos.environ['PW'] = 'pw'\n"
        "main(['list', sys.argv[1], '--password-env', 'PW', '--json'])"
    )
    loaded = _loaded_after(code, str(store))
    assert "keymon.core.formats.jks" in loaded
    unwanted = {
        "keymon.core.formats.pkcs12",
        "keymon.core.formats.pkcs12_write",
        "keymon.core.formats.pem",
        "keymon.core.formats.pbe",
        "keymon.core.formats.kdf",
        "keymon.core.formats.sun_pbe",
        "keymon.core.formats.javaser",
        "keymon.core.formats.jks_keys",
        "keymon.core.formats.assemble",
        "keymon.core.locked",
        "keymon.core.storage",
        "keymon.core.backups",
        "keymon.core.atomic",
        "cryptography.hazmat.primitives.serialization.ssh",
        "keymon.core.saving",
        "getpass",
        "shutil",
        "dataclasses",  # with inspect, ast and dis: ~8 ms (keymon/core/records.py)
        "inspect",
    }
    assert not unwanted & loaded


def test_the_window_module_loads_no_client_openssl_or_unopened_wizard() -> None:
    loaded = _loaded_after("import keymon.gui.app")
    assert "keymon.gui.main_window" in loaded
    assert not {"httpx", "OpenSSL", "keymon.core.net.tls"} & loaded
    for wizard in ("keypair_wizard", "csr_wizard", "sign_csr_wizard", "import_root_wizard"):
        assert f"keymon.gui.wizards.{wizard}" not in loaded
    # Tenants, Compare, the dialogs and the probe's results load when first used (issue 13).
    later = {
        "ssl",
        "asn1crypto",
        "email.policy",
        "keymon.core.sapci.mapping",
        "keymon.gui.views.entry_details",
        "keymon.core.sapci.client",
        "keymon.core.sapci.api",
        "keymon.core.net.result",
        "keymon.gui.compare_sources",
        "keymon.gui.tenants.tenant_writes",
        "keymon.gui.tenants.connect_wizard",
        "keymon.gui.dialogs.settings_dialog",
        "keymon.gui.dialogs.about_dialog",
        "keymon.gui.dialogs.password_dialog",
    }
    assert not later & loaded


def test_the_window_reports_the_keystore_shown_for_the_start_up_benchmark(tmp_path: Path) -> None:
    """bench/cold_start.py times a start to the table painted with the keystore."""
    from cryptography.hazmat.primitives.serialization import Encoding

    pem = tmp_path / "two.pem"
    pem.write_bytes(
        b"".join(
            factory.trusted_entry(alias).cert.cert.public_bytes(Encoding.PEM)
            for alias in ("a", "b")
        )
    )
    done = subprocess.run(
        [sys.executable, "-m", "keymon.cli", str(pem)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={
            "QT_QPA_PLATFORM": "offscreen",
            "PATH": "/usr/bin:/bin",
            "KEYMON_HOME": str(tmp_path / "home"),
            "KEYMON_EXIT_AFTER_SHOW": "keystore",
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        },
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("window shown ")
    assert lines[1].startswith("keystore shown ") and lines[1].endswith(" 2")


def test_a_file_of_certificates_opens_without_loading_the_keyring(tmp_path: Path) -> None:
    """Nothing in a PEM bundle needs a password: the keyring is not asked, nor imported
    (issue 13; tests/core/test_sniff.py says which files still ask it)."""
    from cryptography.hazmat.primitives.serialization import Encoding

    pem = tmp_path / "bundle.pem"
    pem.write_bytes(factory.trusted_entry("a").cert.cert.public_bytes(Encoding.PEM))
    code = (
        "import sys\nfrom pathlib import Path\n"
        "from PySide6.QtTest import QSignalSpy\n"
        "from keymon.gui.app import open_main_window\n"
        "from keymon.gui.app import _application\n"
        "app = _application()\n"
        "window = open_main_window(sys.argv[1], config_dir=sys.argv[2], password=None)\n"
        "spy = QSignalSpy(window.opener.opened)\n"
        "failed = QSignalSpy(window.opener.failed)\n"
        "while not spy.count() and not failed.count():\n"
        "    spy.wait(5000)\n"
    )
    loaded = _loaded_after(code, str(pem), str(tmp_path / "home"))
    assert "keymon.gui.main_window" in loaded
    assert "keyring" not in loaded


def test_the_window_builds_no_probe_panel_monitoring_or_keyring_before_its_keystore(
    tmp_path: Path,
) -> None:
    """The connectivity panel, the Monitoring view and the tray are made later, and the
    keyring is imported only to open a keystore, in a worker (issue 13)."""
    code = (
        "import sys\nfrom pathlib import Path\n"
        "from keymon.gui.app import _application\n"
        "from keymon.gui.main_window import KeymonMainWindow\n"
        "from keymon.gui.settings import Settings\n"
        "app = _application()\n"
        "KeymonMainWindow(Settings(Path(sys.argv[1]))).show()\n"
    )
    loaded = _loaded_after(code, str(tmp_path))
    assert "keymon.gui.main_window" in loaded
    deferred = {
        "keymon.gui.views.connectivity_panel",
        "keymon.gui.views.monitoring_view",
        "keymon.gui.tray",
        "keyring",
    }
    assert not deferred & loaded
