"""The PyInstaller bundle (packaging/keymon.spec): it builds, and what it builds runs.

One build per module, into a temporary folder (never the work tree's build/ or dist/):
the bundle answers --version, lists a keystore from its command line, probes without a
missing module, and starts its window offscreen; it carries keymon's resources and Qt's
German translations and leaves out what keymon does not use.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from keymon import __version__
from keymon.core.formats.detect import Format
from keymon.core.keystore import Keystore
from tests import factory

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "keymon.spec"
RESOURCES = ROOT / "keymon" / "resources"
# Qt says this on stderr for every window on the offscreen platform (pyproject's qt_log_ignore).
HARMLESS = "This plugin does not support propagateSizeHints()"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """dist/keymon/keymon, built from the spec (about 20 s on two cores)."""
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.fail(
            "PyInstaller is missing: it comes with the test extras (pip install -e '.[test]')"
        )
    work = tmp_path_factory.mktemp("pyinstaller")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level=WARN",
            "--workpath",
            str(work / "build"),
            "--distpath",
            str(work / "dist"),
            str(SPEC),
        ],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-6000:]
    program = work / "dist" / "keymon" / "keymon"
    assert program.is_file() and os.access(program, os.X_OK)
    return program


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """A hermetic environment: temporary home and config, no session bus (so no keyring)."""
    drop = {"DBUS_SESSION_BUS_ADDRESS", "LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES"}
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(
        LC_ALL="C.UTF-8",  # Qt warns on stderr about a locale that is not installed
        KEYMON_HOME=str(tmp_path / "home"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    env.update(extra)
    return env


def _run(
    program: Path, tmp_path: Path, *args: str | Path, **env: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(program), *map(str, args)],
        env=_env(tmp_path, **env),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_bundle_prints_its_version(bundle: Path, tmp_path: Path) -> None:
    done = _run(bundle, tmp_path, "--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"keymon {__version__}"


def test_bundle_lists_a_keystore(bundle: Path, tmp_path: Path) -> None:
    store = tmp_path / "tenant.p12"
    entries = [
        factory.key_pair_entry("tenant", "Tenant Client"),
        factory.trusted_entry("receiver-root", "Receiver Root CA"),
    ]
    Keystore(entries, password="storepass").save_as(store, Format.PKCS12, "storepass")

    done = _run(bundle, tmp_path, "list", store, "--password-env", "KM_PW", KM_PW="storepass")
    assert done.returncode == 0, done.stderr
    assert "2 entries" in done.stdout
    assert "tenant" in done.stdout and "receiver-root" in done.stdout

    done = _run(
        bundle, tmp_path, "list", store, "--json", "--password-env", "KM_PW", KM_PW="storepass"
    )
    assert done.returncode == 0, done.stderr
    assert [item["alias"] for item in json.loads(done.stdout)] == ["tenant", "receiver-root"]


def test_bundle_without_password_or_keyring_says_so(bundle: Path, tmp_path: Path) -> None:
    """keyring finds its backends through entry points: none is usable here, and that is fine."""
    store = tmp_path / "tenant.p12"
    entries = [factory.trusted_entry("receiver-root", "Receiver Root CA")]
    Keystore(entries, password="storepass").save_as(store, Format.PKCS12, "storepass")
    env = _env(tmp_path)
    del env["PYTHON_KEYRING_BACKEND"]  # let keyring choose, as for a user
    done = subprocess.run(
        [str(bundle), "list", str(store)],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("keymon: No password given"), done.stderr


def test_bundle_probe_loads_its_network_modules(bundle: Path, tmp_path: Path) -> None:
    """pyOpenSSL and cryptography load: a refused connection is exit 6, a missing module 70."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    done = _run(bundle, tmp_path, "probe", f"127.0.0.1:{port}", "--timeout", "10", "--json")
    assert done.returncode == 6, done.stderr
    assert json.loads(done.stdout)["error"]["kind"] == "connection_refused"


def test_bundled_window_starts_offscreen(bundle: Path, tmp_path: Path) -> None:
    done = _run(bundle, tmp_path, QT_QPA_PLATFORM="offscreen", KEYMON_EXIT_AFTER_SHOW="1")
    assert done.returncode == 0, done.stderr
    assert re.fullmatch(r"window shown \d+(\.\d+)?", done.stdout.strip()), done.stdout
    problems = [line for line in done.stderr.splitlines() if line.strip() != HARMLESS]
    assert problems == []


def test_bundle_carries_resources_and_translations(bundle: Path) -> None:
    internal = bundle.parent / "_internal"
    for path in RESOURCES.rglob("*"):
        if (
            path.is_file()
            and path.suffix not in (".py", ".pyc")
            and "__pycache__" not in path.parts
        ):
            target = internal / path.relative_to(ROOT)
            assert target.is_file(), f"{path.relative_to(ROOT)} is not in the bundle"
    qt = internal / "PySide6" / "Qt"
    assert (qt / "translations" / "qtbase_de.qm").is_file()
    platforms = {p.name for p in (qt / "plugins" / "platforms").iterdir()}
    assert (
        {"libqoffscreen.so", "libqxcb.so"}
        <= platforms
        <= {
            "libqoffscreen.so",
            "libqxcb.so",
            "libqwayland.so",
        }
    )
    assert (qt / "plugins" / "iconengines" / "libqsvgicon.so").is_file()
    assert list(internal.glob("keyring-*.dist-info/entry_points.txt"))


def test_bundle_is_lean(bundle: Path) -> None:
    from PyInstaller.archive.readers import CArchiveReader

    internal = bundle.parent / "_internal"
    unused = ("libQt6Qml*", "libQt6Quick*", "libQt6Pdf*", "libQt6Network*", "_tkinter*", "libtk*")
    found = [p.name for pattern in unused for p in internal.rglob(pattern)]
    assert found == []

    modules = set(CArchiveReader(str(bundle)).open_embedded_archive("PYZ.pyz").toc)
    needed = {
        "keymon.gui.app",
        "keymon.cli.commands.probe",
        "keymon.core.net.tls",
        "cryptography",
        "OpenSSL",
        "httpx",
        "asn1crypto",
        "platformdirs",
        "keyring.backends.SecretService",
    }
    assert needed <= modules
    tops = {name.split(".")[0] for name in modules}
    assert not tops & {"tkinter", "pytest", "_pytest", "hypothesis", "pygments", "setuptools"}
