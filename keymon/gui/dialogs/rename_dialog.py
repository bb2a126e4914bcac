"""Rename an entry: the new alias is checked as it is typed."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from keymon.core.aliases import alias_key, validate_alias
from keymon.core.errors import UsageError
from keymon.gui.dialogs.password_dialog import MessageLabel, ok_cancel


class RenameDialog(QDialog):
    def __init__(self, alias: str, existing: Iterable[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("renameDialog")
        self.setWindowTitle(self.tr("Rename Entry"))
        self.current = alias
        self.existing = {alias_key(a) for a in existing}
        self.alias_edit = QLineEdit(alias, self)
        self.alias_edit.setObjectName("aliasEdit")
        self.alias_edit.setAccessibleName(self.tr("New alias"))
        self.alias_edit.setMinimumWidth(300)
        self.alias_edit.selectAll()
        self.reason_label = MessageLabel("reasonLabel", self)
        self.buttons, self.ok_button = ok_cancel(self, self.tr("&Rename"))

        form = QFormLayout()
        form.addRow(self.tr("Current alias:"), _read_only(alias, self))
        form.addRow(self.tr("&New alias:"), self.alias_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.reason_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.alias_edit.textChanged.connect(self._update)
        self.alias_edit.setFocus()
        self._update()

    def problem(self) -> str | None:
        """Why the typed alias cannot be used; None when OK may be pressed."""
        return self._check()[0]

    def _check(self) -> tuple[str | None, bool]:
        """The problem and whether it is a mistake (an unchanged alias is only a hint)."""
        try:
            cleaned = validate_alias(self.alias_edit.text())
        except UsageError as exc:
            return exc.message, True  # keymon.core's text, not translated
        key = alias_key(cleaned)
        if key != alias_key(self.current) and key in self.existing:
            message = self.tr(
                "Another entry already has the alias “{alias}” (aliases ignore case)."
            )
            return message.format(alias=cleaned), True
        if cleaned == self.current:
            return self.tr("Type the new alias."), False
        return None, False

    def _update(self) -> None:
        problem, mistake = self._check()
        self.ok_button.setEnabled(problem is None)
        self.ok_button.setToolTip(problem or "")
        if problem is None:
            self.reason_label.clear_message()
        elif mistake:
            self.reason_label.show_problem(problem)
        else:
            self.reason_label.show_hint(problem)

    def new_alias(self) -> str:
        """The alias as it will be stored (stripped)."""
        return self.alias_edit.text().strip()


def _read_only(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("currentAliasLabel")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
