"""Edit › Settings: ask with the Settings dialog, store the answer, apply what applies now.

The warning window, the theme and the PKCS#12 encryption change at once; the
language and the tray icon at the next start (the dialog says so).
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from keymon.core.formats.detect import Format
from keymon.gui.action_binding import ActionGroup, handles
from keymon.gui.actions import ActionId
from keymon.gui.context import AppContext
from keymon.gui.preferences import Preferences
from keymon.gui.theme import apply_theme


class SettingsActions(ActionGroup):
    """Edit › Settings."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    @handles(ActionId.SETTINGS)
    def edit_settings(self) -> None:
        before = Preferences.read(self.ctx.settings)
        after = self.ctx.prompts.edit_settings(before)
        if after is None:
            return
        after.write(self.ctx.settings)
        self.apply(before, after)

    def apply(self, before: Preferences, after: Preferences) -> None:
        """Apply what changed and applies at once (``warningDaysChanged`` for the views)."""
        if after.warning_days != before.warning_days:
            self.ctx.warningDaysChanged.emit(after.warning_days)
        if after.theme != before.theme:
            app = QApplication.instance()
            if isinstance(app, QApplication):
                apply_theme(app, after.theme)
        session = self.ctx.session
        if session is not None and session.store.format is Format.PKCS12:
            session.store.set_protection(after.pkcs12_protection)
