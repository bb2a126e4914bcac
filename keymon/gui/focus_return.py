"""Keyboard focus goes back to the entries table after a dialog or wizard closes.

Qt gives it back to the widget that had it before, often the filter box or the
connectivity test's Host field, where the next Ctrl+Z or Ctrl+D would edit text
instead of acting on the selected entry.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import QApplication, QDialog, QWidget


class FocusReturn(QObject):
    """After a dialog of ``window`` (or of one of its dialogs) closes, focus ``target``."""

    def __init__(self, window: QWidget, target: QWidget) -> None:
        super().__init__(window)
        self._window, self._target = window, target
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    @Slot(object, object)
    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if old is None or not self._is_our_dialog(old.window()):
            return
        if new is not None and new.window() is not self._window:
            return  # to another dialog, a file chooser, a popup
        QTimer.singleShot(0, self, self._return_focus)

    def _is_our_dialog(self, widget: QWidget | None) -> bool:
        if not isinstance(widget, QDialog):
            return False
        while widget is not None and widget is not self._window:
            widget = widget.parentWidget()
        return widget is self._window

    def _return_focus(self) -> None:
        if QApplication.activeModalWidget() is not None or not self._window.isVisible():
            return  # another dialog is still open: wait until the last one closes
        self._window.activateWindow()
        if self._target.isVisible() and self._target.isEnabled():
            self._target.setFocus(Qt.FocusReason.OtherFocusReason)
