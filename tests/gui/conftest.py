"""Fixtures of the GUI tests: a keystore on disk and a main window open on it.

Modules that need other entries override ``store_path``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from keymon.core.formats.detect import Format
from keymon.core.keystore import Keystore
from keymon.gui.i18n import install_translator
from keymon.gui.main_window import KeymonMainWindow
from tests import factory
from tests.gui.helpers import PW, build_catalogues, open_window
from tests.gui.scripted_prompts import ScriptedPrompts
from tests.sapci.double import FakeTenant
from tests.sapci.seed import seed


@pytest.fixture(scope="session", autouse=True)
def english(qapp: QApplication) -> None:
    """keymon's English catalogue, as a real start installs it (plural forms: "1 entry")."""
    build_catalogues()
    assert install_translator(qapp, "en") == "en"


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "tenant.p12"
    entries = [
        factory.key_pair_entry("tenant", "Tenant Client"),
        factory.trusted_entry("receiver-root", "Receiver Root CA"),
        factory.self_signed_entry("other", "Other Key"),
    ]
    Keystore(entries, password=PW).save_as(path, Format.PKCS12, PW)
    return path


@pytest.fixture
def prompts() -> ScriptedPrompts:
    return ScriptedPrompts()


@pytest.fixture
def window(
    qtbot: QtBot, store_path: Path, prompts: ScriptedPrompts, keymon_home: Path
) -> Iterator[KeymonMainWindow]:
    win = open_window(qtbot, store_path, PW, keymon_home, prompts)
    yield win
    win.close()
    prompts.assert_done()


@pytest.fixture
def tenant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FakeTenant]:
    """A simulated tenant of its own per test (small seed), for tests that change it;
    modules that only read one define a module-scoped ``tenant`` of their own."""
    with FakeTenant(tmp_path_factory.mktemp("tenant")) as t:
        seed(t.state, small=True)
        yield t
