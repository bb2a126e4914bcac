"""What an empty window says: three first steps, each a button for its action.

Shown over the entries table while the open keystore has no entries (or none is
open): Open a keystore · New keystore · Generate a key pair · Test a connection
(:data:`FIRST_STEPS`). The buttons are
the actions themselves, so they are enabled, named and translated as the menus are.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, QSize, Qt
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
    """The first steps, over ``view``'s viewport while ``model`` has no rows."""

    def __init__(
        self, view: QAbstractScrollArea, model: QAbstractItemModel, steps: Sequence[QAction]
    ) -> None:
        super().__init__(view.viewport())
        self.setObjectName("emptyGuide")
        self._view, self._model = view, model
        title = QLabel(self.tr("This keystore has no entries yet."), self)
        title.setObjectName("emptyGuideTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        title.setFont(font)
        hint = QLabel(self.tr("Start with one of these:"), self)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(hint, 0, Qt.AlignmentFlag.AlignHCenter)
        self.buttons: list[QToolButton] = []
        for action in steps:
            button = QToolButton(self)
            button.setDefaultAction(action)  # follows its text, icon and enabled state
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setObjectName("emptyGuide_" + action.objectName())
            button.setMinimumSize(260, 36)
            button.setIconSize(QSize(22, 22))
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
            self.buttons.append(button)
        layout.addStretch(2)
        self._title = title
        view.viewport().installEventFilter(self)
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
            signal.connect(self.update_visibility)
        self.update_visibility()

    def update_visibility(self, *_args: object) -> None:
        empty = self._model.rowCount() == 0
        self.setVisible(empty)
        if empty:
            self.setGeometry(self._view.viewport().rect())

    def set_no_keystore(self, none_open: bool) -> None:
        """Word the title for an empty keystore or for no keystore at all."""
        self._title.setText(
            self.tr("No keystore is open.")
            if none_open
            else self.tr("This keystore has no entries yet.")
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self._view.viewport().rect())
        return False
