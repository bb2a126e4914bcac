"""What an empty window says: three first steps, each a button for its action.

Shown over the entries table while the open keystore has no entries (or none is
open): Open a keystore · New keystore · Generate a key pair · Test a connection
(:data:`FIRST_STEPS`). The buttons are
the actions themselves, so they are enabled, named and translated as the menus are.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QToolButton, QVBoxLayout, QWidget

from keymon.gui.actions import ActionId

#: The actions an empty window offers, in this order.
FIRST_STEPS = (
    ActionId.OPEN,
    ActionId.NEW_KEYSTORE,
    ActionId.GENERATE_KEY_PAIR,
    ActionId.CONNECTIVITY_TEST,
)


class EmptyGuide(QWidget):
    """The first steps, over ``view``'s viewport while ``model`` has no rows.

    Hidden while a keystore is being read or its rows derived (:meth:`set_busy`): "no
    entries" would be wrong then. Visibility is settled once control returns to the
    event loop, and the labels and buttons are made the first time it shows, so a start
    that opens a keystore with entries never builds them (issue 13).
    """

    def __init__(
        self, view: QAbstractScrollArea, model: QAbstractItemModel, steps: Sequence[QAction]
    ) -> None:
        super().__init__(view.viewport())
        self.setObjectName("emptyGuide")
        self.setVisible(False)
        self._view, self._model, self._steps = view, model, tuple(steps)
        self._busy: set[str] = set()
        self._none_open = False
        self._title: QLabel | None = None
        self.buttons: list[QToolButton] = []
        view.viewport().installEventFilter(self)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(0)
        self._settle.timeout.connect(self.update_visibility)
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
            signal.connect(self._settle.start)
        self._settle.start()  # after the window's constructor (and a start's open)

    def _build(self) -> QLabel:
        title = QLabel(self._title_text(), self)
        title.setObjectName("emptyGuideTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        title.setFont(font)
        hint = QLabel(self.tr("Start with one of these:"), self)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(hint, 0, Qt.AlignmentFlag.AlignHCenter)
        for action in self._steps:
            button = QToolButton(self)
            button.setDefaultAction(action)  # follows its text, icon and enabled state
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setObjectName("emptyGuide_" + action.objectName())
            button.setMinimumSize(260, 36)
            button.setIconSize(QSize(22, 22))
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
            self.buttons.append(button)
        layout.addStretch(2)
        return title

    def update_visibility(self, *_args: object) -> None:
        empty = self._model.rowCount() == 0 and not self._busy
        if empty and self._title is None:
            self._title = self._build()
        self.setVisible(empty)
        if empty:
            self.setGeometry(self._view.viewport().rect())

    def set_busy(self, reason: str, busy: bool) -> None:
        """A keystore is being read or its rows derived (``reason``); hidden meanwhile."""
        if busy:
            self._busy.add(reason)
            self.setVisible(False)
        else:
            self._busy.discard(reason)
        self._settle.start()

    def _title_text(self) -> str:
        if self._none_open:
            return self.tr("No keystore is open.")
        return self.tr("This keystore has no entries yet.")

    def set_no_keystore(self, none_open: bool) -> None:
        """Word the title for an empty keystore or for no keystore at all."""
        self._none_open = none_open
        if self._title is not None:
            self._title.setText(self._title_text())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self._view.viewport().rect())
        return False
