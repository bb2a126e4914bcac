"""Keyboard behaviour shared by keymon's wizards.

* Each page starts with the keyboard focus in its first field, so typing starts at
  once (Qt leaves it on the Next button or wherever it was).
* Return in a line edit that does its own thing on Return (the alternative names'
  "add") does only that: the wizard does not also go to the next page.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
    QWizard,
)

_INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit, QAbstractButton)
_TEXTS = (QLineEdit, QPlainTextEdit, QTextEdit)
_RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def first_field(page: QWidget) -> QWidget | None:
    """The first input of ``page`` in Tab order that can take the focus now."""
    widget = page.nextInFocusChain()
    while widget is not page and widget is not None:
        if (
            isinstance(widget, _INPUTS)
            and not isinstance(widget, QPushButton)
            and page.isAncestorOf(widget)
            and widget.isVisibleTo(page)
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and not (
                isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit) and widget.isReadOnly()
            )
        ):
            return widget
        widget = widget.nextInFocusChain()
    return None


def focus_first_field_on_each_page(wizard: QWizard) -> None:
    """Put the focus in the first field of the page the wizard shows, on every page change."""

    def focus() -> None:
        page = wizard.currentPage()
        field = first_field(page) if page is not None else None
        if field is not None:
            field.setFocus(Qt.FocusReason.TabFocusReason)

    wizard.currentIdChanged.connect(lambda _id: QTimer.singleShot(0, wizard, focus))


class ReturnHandler(QObject):
    """Runs ``action`` on Return in ``edit`` while it has text, and keeps the key from the
    dialog (whose default button would go on); with no text Return goes on as usual."""

    def __init__(self, edit: QLineEdit, action: Callable[[], object]) -> None:
        super().__init__(edit)
        self._edit, self._action = edit, action
        edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _RETURN_KEYS
            and self._edit.text().strip()
        ):
            self._action()
            return True
        return False
