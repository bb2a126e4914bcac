"""Translations: every text of the code is translated, the catalogues load, menus stay usable.

The first two tests run pyside6-lupdate over keymon/gui into copies of the
committed .ts files: a text added to the code and not translated shows up as
"unfinished" there and fails the test with its context and source.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

import keymon
from keymon.gui.i18n import LANGUAGES, install_translator, resolve_language
from keymon.gui.main_window import KeymonMainWindow
from tests.gui.helpers import I18N, PW, open_window
from tests.gui.scripted_prompts import ScriptedPrompts

PACKAGE = Path(keymon.__file__).parent
LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")


def refreshed(ts: str, tmp_path: Path, *options: str) -> ET.Element:
    """``ts`` as lupdate makes it from today's code (the committed file is not touched)."""
    copy = tmp_path / ts
    shutil.copy(I18N / ts, copy)
    sources = sorted(str(p) for p in PACKAGE.rglob("*.py"))  # core marks its sentences too
    subprocess.run(
        [str(LUPDATE), "-no-obsolete", *options, *sources, "-ts", str(copy)],
        check=True,
        capture_output=True,
    )
    return ET.parse(copy).getroot()  # noqa: S314 (our own .ts files)


def unfinished(root: ET.Element) -> list[str]:
    out = []
    for context in root.iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            empty = translation is None or not "".join(translation.itertext()).strip()
            if translation is None or translation.get("type") == "unfinished" or empty:
                out.append(f"{context.findtext('name')}: {message.findtext('source')!r}")
    return out


def test_every_text_in_the_code_has_a_german_translation(tmp_path: Path) -> None:
    root = refreshed("keymon_de.ts", tmp_path)
    messages = list(root.iter("message"))
    assert len(messages) > 500
    missing = unfinished(root)
    assert not missing, "untranslated (run `make ts`, then translate):\n" + "\n".join(missing)


def test_every_plural_has_its_english_forms(tmp_path: Path) -> None:
    root = refreshed("keymon_en.ts", tmp_path, "-pluralonly")
    assert any(m.get("numerus") == "yes" for m in root.iter("message"))
    missing = unfinished(root)
    assert not missing, "English plural forms missing:\n" + "\n".join(missing)


def test_translations_keep_placeholders_and_accelerators() -> None:

    root = ET.parse(I18N / "keymon_de.ts").getroot()  # noqa: S314 (our own file)
    for context in root.iter("context"):
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            for text in [t for t in translation.itertext() if t.strip()]:
                where = f"{context.findtext('name')}: {source!r} → {text!r}"
                assert set(re.findall(r"\{\w+\}", text)) == set(re.findall(r"\{\w+\}", source)), (
                    where
                )
                assert ("%n" in text) == ("%n" in source), where
                accelerators = len(re.findall(r"&(?!&)\w", text))
                assert accelerators == len(re.findall(r"&(?!&)\w", source)), where


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    assert install_translator(qapp, "de") == "de"
    yield
    install_translator(qapp, "en")


def test_language_setting_resolves() -> None:
    assert resolve_language("de") == "de" and resolve_language("en") == "en"
    assert resolve_language("system") in LANGUAGES
    assert resolve_language("xx") in LANGUAGES


@pytest.mark.usefixtures("german")
def test_german_catalogue_translates_keymon_and_qt() -> None:
    assert QCoreApplication.translate("Actions", "&Open Keystore…") == "Schlüsselspeicher ö&ffnen…"
    assert QCoreApplication.translate("KeymonMainWindow", "%n entries", "", 1) == "1 Eintrag"
    # Qt's own buttons come from qtbase_de.qm
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"


@pytest.mark.usefixtures("german")
def test_core_sentences_reach_the_gui_translated() -> None:
    from keymon.core.x509.chain import validate_chain
    from keymon.gui.i18n import localized
    from tests import factory

    entry = factory.key_pair_entry("tenant", "Tenant Client")
    report = validate_chain(entry.chain, [], factory.NOW)
    assert report.message.startswith("The root “")  # English for the CLI and JSON
    assert localized(report.text, report.message).startswith("Die Root-CA “")
    from keymon.core.text import Text

    nested = Text.of(
        "Probe", "The server is not trusted by the keystore. {reason}", reason=report.text
    )
    assert localized(nested, "") == (
        "Der Schlüsselspeicher vertraut dem Server nicht. " + localized(report.text, "")
    )
    assert str(nested).startswith("The server is not trusted by the keystore. The root “")


@pytest.mark.usefixtures("german")
def test_probe_steps_and_errors_reach_the_gui_translated() -> None:
    from keymon.core.net.probe import probe
    from keymon.core.net.result import ProbeRequest
    from keymon.gui.i18n import localized
    from tests.net.servers import closed_port

    result = probe(ProbeRequest("127.0.0.1", closed_port(), timeout=5))
    assert result.error is not None
    assert "refused the connection" in result.error.message  # English for CLI and JSON
    german = localized(result.error.text, result.error.message)
    assert german.startswith("127.0.0.1:") and "abgelehnt" in german
    assert (
        localized(result.steps[0].text, result.steps[0].message) == "127.0.0.1 ist eine IP-Adresse."
    )


def test_english_plural_forms(qapp: QApplication) -> None:
    assert QCoreApplication.translate("KeymonMainWindow", "%n entries", "", 1) == "1 entry"
    assert QCoreApplication.translate("KeymonMainWindow", "%n entries", "", 2) == "2 entries"


def accelerator_clashes(menu: QMenu) -> list[str]:
    seen: dict[str, str] = {}
    clashes = []
    for action in menu.actions():
        text = action.text()
        if action.isSeparator() or "&" not in text.replace("&&", ""):
            continue
        index = text.replace("&&", "\0\0").index("&")
        key = text[index + 1].lower()
        if key in seen:
            clashes.append(f"{menu.title()}: {seen[key]!r} and {text!r}")
        seen[key] = text
    return clashes


def window_menus(win: KeymonMainWindow) -> list[QMenu]:
    bar = win.menuBar()
    menus = [a.menu() for a in bar.actions() if isinstance(a.menu(), QMenu)]
    return [bar, *menus]  # type: ignore[list-item]


def check_menus(win: KeymonMainWindow) -> None:
    clashes = [c for menu in window_menus(win) for c in accelerator_clashes(menu)]
    assert not clashes, clashes


def test_english_menus_have_distinct_accelerators(window: KeymonMainWindow) -> None:
    check_menus(window)


@pytest.mark.usefixtures("german")
def test_the_window_in_german(
    qtbot: QtBot, store_path: Path, keymon_home: Path, tmp_path: Path
) -> None:
    win = open_window(qtbot, store_path, PW, keymon_home, ScriptedPrompts())
    try:
        titles = [a.text() for a in win.menuBar().actions()]
        assert titles[:2] == ["&Datei", "&Bearbeiten"]
        assert "3 Einträge" in win.counts_label.text()
        assert win.model.column_name(0) != "Alias" or win.model.column_name(1) != "Type"
        check_menus(win)
    finally:
        win.close()
