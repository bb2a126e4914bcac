"""Translations: which languages keymon ships, and installing the translators for one.

keymon's own catalogues are ``keymon/resources/i18n/keymon_<lang>.qm`` (built by
``make translations`` from the ``.ts`` sources next to them); Qt's standard
buttons and dialogs come from PySide6's ``qtbase_<lang>.qm``. English is the
source language, but ``keymon_en.qm`` still matters: it carries the English
plural forms ("1 entry", "2 entries") of the ``%n`` messages.

``QT_TRANSLATE_NOOP`` is re-exported here with a truthful type (PySide's stub
says it returns ``object``; it returns its text). pyside6-lupdate only looks at
the name, so modules import it from here and are still extracted.
"""

from __future__ import annotations

import importlib.resources
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from keymon.core.text import Text

if TYPE_CHECKING:

    def QT_TRANSLATE_NOOP(context: str, text: str, /) -> str: ...
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

__all__ = [
    "LANGUAGES",
    "QT_TRANSLATE_NOOP",
    "install_translator",
    "localized",
    "resolve_language",
]

SYSTEM = "system"
# code → name in its own language (shown as is in the Settings dialog)
LANGUAGES: dict[str, str] = {"en": "English", "de": "Deutsch"}

_installed: list[QTranslator] = []
_generation = 0


def generation() -> int:
    """Changes whenever translators are installed: caches of translated texts compare it."""
    return _generation


def localized(text: Text | None, english: str) -> str:
    """A core sentence in the installed language (``english`` when core gave no template)."""
    if text is None:
        return english
    template = QCoreApplication.translate(text.context, text.template)
    values = {k: localized(v, str(v)) if isinstance(v, Text) else v for k, v in text.values}
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):  # a broken translation: fall back to English
        return str(text)


def resolve_language(setting: str | None) -> str:
    """The language code to use for ``setting`` ("system", "" or a code)."""
    if setting and setting != SYSTEM and setting in LANGUAGES:
        return setting
    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


def _catalogue(language: str) -> str | None:
    item = importlib.resources.files("keymon.resources").joinpath(f"i18n/keymon_{language}.qm")
    # keymon is installed as files (wheel, venv, PyInstaller bundle), never zipped
    return str(item) if item.is_file() else None


def install_translator(app: QCoreApplication, setting: str | None = SYSTEM) -> str:
    """Replace keymon's and Qt's translators by those of ``setting``; returns the code used.

    Widgets translate their texts when they are built, so call this before the
    first window is created (a changed language applies at the next start).
    """
    global _generation
    language = resolve_language(setting)
    _generation += 1
    while _installed:
        app.removeTranslator(_installed.pop())
    sources: list[tuple[str | None, str | None]] = [(_catalogue(language), None)]
    if language != "en":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        sources.append((f"qtbase_{language}", qt_dir))
    for path, folder in sources:
        if path is None:
            continue
        translator = QTranslator(app)
        loaded = translator.load(path, folder) if folder else translator.load(path)
        if loaded:
            app.installTranslator(translator)
            _installed.append(translator)
    return language
