"""Edit › Settings: ask with the Settings dialog, store the answer, apply what applies now.

The warning window, the theme and the PKCS#12 encryption change at once; the
language and the tray icon at the next start (the dialog says so).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from keymon.core.formats.detect import Format
from keymon.gui.dialogs.settings_dialog import Preferences
from keymon.gui.theme import apply_theme

if TYPE_CHECKING:
    from keymon.gui.main_window import KeymonMainWindow


def on_actionSettings(w: KeymonMainWindow) -> None:
    before = Preferences.read(w.settings)
    after = w.prompts.edit_settings(before)
    if after is None:
        return
    after.write(w.settings)
    apply_preferences(w, before, after)


def apply_preferences(w: KeymonMainWindow, before: Preferences, after: Preferences) -> None:
    if after.warning_days != before.warning_days:
        w.model.set_warning_days(after.warning_days)
        w.monitoring_view.refresh()
    if after.theme != before.theme:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, after.theme)
    if w.session is not None and w.session.store.format is Format.PKCS12:
        w.session.store.legacy = after.pkcs12_legacy
