"""Change the keystore password: the new password twice, and whether to remember it."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from keymon.gui.dialogs.password_dialog import (
    NewPasswordFields,
    PasswordAnswer,
    RememberOption,
    ok_cancel,
)


class ChangePasswordDialog(QDialog):
    """The new password twice; ``offer_remember=False`` leaves out the keyring option."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        name: str = "",
        remember: bool = False,
        offer_remember: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("changePasswordDialog")
        self.setMinimumWidth(420)
        self.setWindowTitle(self.tr("Change Password"))
        intro = QLabel(self)
        intro.setObjectName("introLabel")
        intro.setWordWrap(True)
        if name:
            intro.setText(
                self.tr(
                    "Choose a new password for {name}. It is used from the next save on."
                ).format(name=name)
            )
        else:
            intro.setText(
                self.tr("Choose a new password for the keystore. It is used from the next save on.")
            )
        self.backups_note = QLabel(
            self.tr(
                "Backups of the keystore keep the old password (and any entry deleted since): "
                "after the change, keymon offers to delete them."
            ),
            self,
        )
        self.backups_note.setObjectName("backupsNote")
        self.backups_note.setWordWrap(True)
        self.fields = NewPasswordFields(self, label=self.tr("&New password:"))
        self.remember_option = RememberOption(self, checked=remember)
        self.remember_option.setVisible(offer_remember)
        self.buttons, self.ok_button = ok_cancel(self, self.tr("&Change Password"))

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.backups_note)
        layout.addWidget(self.fields)
        layout.addWidget(self.remember_option)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.fields.changed.connect(self._update)
        self.fields.password_edit.setFocus()
        self._update()

    def _update(self) -> None:
        problem = self.fields.problem()
        self.ok_button.setEnabled(problem is None)
        self.ok_button.setToolTip(problem or "")

    def answer(self) -> PasswordAnswer:
        remember = self.remember_option.isVisibleTo(self) and self.remember_option.remember()
        return PasswordAnswer(self.fields.password(), remember)
