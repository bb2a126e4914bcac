"""Asking for a keystore password, and the password widgets the other dialogs share.

* :class:`PasswordDialog` asks for the password of an existing file (with the
  error line shown when the previous try was wrong) or, in ``new`` mode, for a
  new password typed twice.
* :class:`RememberOption` is the "Remember in system keyring" box; without a
  keyring it is disabled and says so plainly. Passwords are never kept anywhere
  else.
* :class:`NewPasswordFields` is a password typed twice, with a live reason why
  it is not acceptable yet.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from keymon.core.expiry import Status
from keymon.core.passwords import PromptAnswer
from keymon.core.secrets import keyring_available
from keymon.gui.palette import MIN_CONTRAST, STATUS_HUES, blend, contrast_ratio

#: A password the user typed, and whether to keep it in the system keyring (the core's
#: answer of a :class:`~keymon.core.passwords.PasswordPrompt`).
PasswordAnswer = PromptAnswer


def error_color(palette: QPalette) -> QColor:
    """A red that stays readable (WCAG AA) on the palette's window colour."""
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    red = STATUS_HUES[Status.EXPIRED]
    t = 1.0
    while t > 0.0:
        color = blend(text, red, t)
        if contrast_ratio(color, window) >= MIN_CONTRAST:
            return color
        t -= 0.1
    return text


class MessageLabel(QLabel):
    """A word-wrapped line under a field: a neutral hint or a problem in the error colour."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.is_problem = False
        self._plain = QPalette(self.palette())
        self._error = QPalette(self.palette())
        self._error.setColor(QPalette.ColorRole.WindowText, error_color(self._plain))
        self.setVisible(False)

    def show_problem(self, text: str) -> None:
        self._show(text, problem=True)

    def show_hint(self, text: str) -> None:
        self._show(text, problem=False)

    def clear_message(self) -> None:
        self.is_problem = False
        self.clear()
        self.setVisible(False)

    def _show(self, text: str, *, problem: bool) -> None:
        self.is_problem = problem
        self.setPalette(self._error if problem else self._plain)
        self.setText(text)
        self.setVisible(bool(text))


def make_password_edit(object_name: str, accessible_name: str, parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(object_name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setAccessibleName(accessible_name)
    edit.setMinimumWidth(260)
    return edit


class ShowPasswordCheck(QCheckBox):
    """ "Show password": switches every given field between hidden and plain text."""

    def __init__(self, edits: list[QLineEdit], parent: QWidget) -> None:
        super().__init__(self.tr("&Show password"), parent)
        self.setObjectName("showPasswordCheck")
        self._edits = edits
        self.toggled.connect(self._apply)

    def _apply(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        for edit in self._edits:
            edit.setEchoMode(mode)


class RememberOption(QWidget):
    """ "Remember in system keyring"; without a keyring: disabled, with the reason shown."""

    def __init__(self, parent: QWidget | None = None, *, checked: bool = False) -> None:
        super().__init__(parent)
        self.available = keyring_available()
        self.check = QCheckBox(self.tr("&Remember in system keyring"), self)
        self.check.setObjectName("rememberCheck")
        self.notice = QLabel(
            self.tr("No system keyring is available: keymon cannot remember this password."),
            self,
        )
        self.notice.setObjectName("noKeyringLabel")
        self.notice.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.notice)
        if self.available:
            self.check.setChecked(checked)
            self.check.setToolTip(
                self.tr("keymon keeps the password in the system keyring and nowhere else.")
            )
            self.notice.setVisible(False)
        else:
            self.check.setChecked(False)
            self.check.setEnabled(False)
            self.check.setToolTip(self.notice.text())

    def remember(self) -> bool:
        return self.available and self.check.isChecked()


class NewPasswordFields(QWidget):
    """A new password typed twice; :meth:`problem` says why it cannot be used yet."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, label: str = "") -> None:
        super().__init__(parent)
        self.password_edit = make_password_edit("passwordEdit", self.tr("New password"), self)
        self.repeat_edit = make_password_edit("repeatEdit", self.tr("Repeat password"), self)
        self.show_check = ShowPasswordCheck([self.password_edit, self.repeat_edit], self)
        self.reason_label = MessageLabel("reasonLabel", self)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(label or self.tr("&Password:"), self.password_edit)
        form.addRow(self.tr("R&epeat:"), self.repeat_edit)
        form.addRow("", self.show_check)
        form.addRow("", self.reason_label)
        self.password_edit.textChanged.connect(self._update)
        self.repeat_edit.textChanged.connect(self._update)
        QWidget.setTabOrder(self.password_edit, self.repeat_edit)
        QWidget.setTabOrder(self.repeat_edit, self.show_check)
        self._update()

    def password(self) -> str:
        return self.password_edit.text()

    def problem(self) -> str | None:
        """Why the password cannot be used yet (None when both fields match and are set)."""
        return self._check()[0]

    def _check(self) -> tuple[str | None, bool]:
        """The problem, and whether it is a mistake (rather than "not finished typing")."""
        first, second = self.password_edit.text(), self.repeat_edit.text()
        if not first:
            return self.tr("Enter the new password, then repeat it."), bool(second)
        if first == second:
            return None, False
        if first.startswith(second):
            return self.tr("Repeat the password to make sure it is typed right."), False
        return self.tr("The two passwords do not match."), True

    def is_valid(self) -> bool:
        return self.problem() is None

    def _update(self) -> None:
        problem, mistake = self._check()
        if mistake and problem:
            self.reason_label.show_problem(problem)
        else:
            self.reason_label.show_hint(problem or self.tr("The passwords match."))
        self.changed.emit()


def ok_cancel(dialog: QDialog, ok_text: str | None = None) -> tuple[QDialogButtonBox, QPushButton]:
    """OK (default, optionally renamed) and Cancel, wired to accept and reject."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
    if ok_text:
        ok_button.setText(ok_text)
    ok_button.setDefault(True)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, ok_button


class PasswordDialog(QDialog):
    """ "Password for <file>": one field for an existing file, two for a new password."""

    def __init__(
        self,
        path: Path,
        parent: QWidget | None = None,
        *,
        error: str | None = None,
        new: bool = False,
        remember: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("passwordDialog")
        self.setMinimumWidth(400)
        self.new = new
        name = Path(path).name
        self.setWindowTitle(self.tr("Password for {name}").format(name=name))
        intro = QLabel(self)
        intro.setObjectName("introLabel")
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setToolTip(str(path))
        if new:
            intro.setText(self.tr("Choose a password for {name}.").format(name=name))
        else:
            intro.setText(self.tr("Enter the password of {name}.").format(name=name))
        self.error_label = MessageLabel("errorLabel", self)
        if error:
            self.error_label.show_problem(error)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.error_label)
        self.fields: NewPasswordFields | None = None
        if new:
            self.fields = NewPasswordFields(self)
            self.password_edit = self.fields.password_edit
            self.show_check: QCheckBox = self.fields.show_check
            self.fields.changed.connect(self._update)
            layout.addWidget(self.fields)
        else:
            self.password_edit = make_password_edit("passwordEdit", self.tr("Password"), self)
            self.show_check = ShowPasswordCheck([self.password_edit], self)
            form = QFormLayout()
            form.addRow(self.tr("&Password:"), self.password_edit)
            form.addRow("", self.show_check)
            layout.addLayout(form)
        self.remember_option = RememberOption(self, checked=remember)
        layout.addWidget(self.remember_option)
        layout.addStretch(1)

        self.buttons, self.ok_button = ok_cancel(self)
        layout.addWidget(self.buttons)
        self.password_edit.setFocus()
        self._update()

    def _update(self) -> None:
        if self.fields is not None:
            problem = self.fields.problem()
            self.ok_button.setEnabled(problem is None)
            self.ok_button.setToolTip(problem or "")

    def answer(self) -> PasswordAnswer:
        return PasswordAnswer(self.password_edit.text(), self.remember_option.remember())
