"""The Host field's history: completed inline as you type, listed on Down.

A completion popup that opens by itself while typing takes the next mouse click to
close it (QCompleter eats a press outside its popup), so clicking Run Test or another
field after typing a host did nothing. Typing now completes inline (no popup); Down
(or Alt+Down) opens the whole list, as a combo box does, when the user asks for it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QLineEdit

Mode = QCompleter.CompletionMode


class HostHistory(QObject):
    """Attach ``model``'s hosts to ``edit`` as an inline completer with a list on Down."""

    def __init__(self, edit: QLineEdit, model: QStringListModel) -> None:
        super().__init__(edit)
        self.edit = edit
        self.completer = QCompleter(model, edit)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setCompletionMode(Mode.InlineCompletion)
        edit.setCompleter(self.completer)
        edit.installEventFilter(self)
        self._watched_popup: QAbstractItemView | None = None

    def show_list(self) -> None:
        """Open the whole history under the field."""
        if self.completer.model().rowCount() == 0:
            return
        self.completer.setCompletionMode(Mode.UnfilteredPopupCompletion)
        self.completer.setCompletionPrefix("")
        self.completer.complete()
        popup = self.completer.popup()
        if popup is not None and popup is not self._watched_popup:
            popup.installEventFilter(self)
            self._watched_popup = popup

    def popup_visible(self) -> bool:
        popup = self.completer.popup()
        return popup is not None and popup.isVisible()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._watched_popup:
            if event.type() == QEvent.Type.Hide:  # back to completing inline while typing
                self.completer.setCompletionMode(Mode.InlineCompletion)
            return False
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and not self.popup_visible()
        ):
            self.show_list()
            return True
        return False
