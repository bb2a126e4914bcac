"""File › New Keystore…: where, which format, and a password typed twice.

The dialog only collects a :class:`NewKeystoreAnswer`; the action
(:mod:`keymon.gui.new_keystore`) confirms replacing an existing file, writes the empty
keystore atomically and opens it. keymon writes PKCS#12 (the default) and JKS; it
reads JCEKS but does not write it, so JCEKS is not offered. An empty password is
refused, as the core refuses it when a keystore's password is changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from keymon.core.formats.detect import Format
from keymon.gui.dialogs.password_dialog import (
    MessageLabel,
    NewPasswordFields,
    RememberOption,
    ok_cancel,
)
from keymon.gui.i18n import QT_TRANSLATE_NOOP

#: The formats keymon can create, with the suffix of a new file and the file chooser filter.
FORMATS: tuple[tuple[Format, str, str], ...] = (
    (Format.PKCS12, ".p12", QT_TRANSLATE_NOOP("NewKeystoreDialog", "PKCS#12 (*.p12 *.pfx)")),
    (Format.JKS, ".jks", QT_TRANSLATE_NOOP("NewKeystoreDialog", "JKS (*.jks *.ks *.keystore)")),
)
#: Suffixes that name a format: switching the format swaps one of these for the other's.
SUFFIXES = {".p12": Format.PKCS12, ".pfx": Format.PKCS12, ".jks": Format.JKS, ".ks": Format.JKS}

#: ``choose_save_file(title, suggested_name, filters)`` of the prompts.
ChooseFile = Callable[[str, str, str], Path | None]


@dataclass(frozen=True)
class NewKeystoreAnswer:
    """What the user asked for: a new, empty keystore at ``path``."""

    path: Path
    format: Format
    password: str = field(repr=False)
    remember: bool
    #: The file chooser asked already whether to replace the existing file (do not ask twice).
    replace_confirmed: bool = False


class NewKeystoreDialog(QDialog):
    """File (with Browse…), format, password twice, remember; Create is enabled when valid."""

    def __init__(
        self,
        suggested: Path,
        parent: QWidget | None = None,
        *,
        choose_file: ChooseFile | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newKeystoreDialog")
        self.setWindowTitle(self.tr("New Keystore"))
        self._choose_file = choose_file
        self._confirmed: Path | None = None  # an existing file the chooser confirmed replacing
        self.path_edit = QLineEdit(str(suggested), self)
        self.path_edit.setObjectName("pathEdit")
        self.path_edit.setAccessibleName(self.tr("File"))
        self.browse_button = QPushButton(self.tr("&Browse…"), self)
        self.browse_button.setObjectName("browseButton")
        self.browse_button.setEnabled(choose_file is not None)
        self.browse_button.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.setContentsMargins(0, 0, 0, 0)
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        self.format_combo = QComboBox(self)
        self.format_combo.setObjectName("formatCombo")
        self.format_combo.addItem(
            self.tr("PKCS#12 (.p12), readable everywhere"), Format.PKCS12.value
        )
        self.format_combo.addItem(self.tr("JKS (.jks), for older Java programs"), Format.JKS.value)
        self.format_combo.setCurrentIndex(0 if _format_of(suggested) is not Format.JKS else 1)
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.path_message = MessageLabel("pathMessage", self)
        self.fields = NewPasswordFields(self)
        form = self.fields.layout()
        assert isinstance(form, QFormLayout)  # one label column for the whole dialog
        path_label = QLabel(self.tr("&File:"), self)  # a row of widgets gets no buddy itself
        path_label.setBuddy(self.path_edit)
        form.insertRow(0, path_label, path_row)
        form.insertRow(1, "", self.path_message)
        form.insertRow(2, self.tr("F&ormat:"), self.format_combo)
        self.form = form
        self.remember_option = RememberOption(self, checked=True)
        form.addRow("", self.remember_option)
        self.buttons, self.ok_button = ok_cancel(self, self.tr("&Create"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(max(520, layout.minimumSize().width()))  # long translations too
        QWidget.setTabOrder(self.path_edit, self.browse_button)
        QWidget.setTabOrder(self.browse_button, self.format_combo)
        QWidget.setTabOrder(self.format_combo, self.fields.password_edit)
        self.path_edit.textChanged.connect(self._update)
        self.fields.changed.connect(self._update)
        self.path_edit.setFocus()
        self._update()

    # -- the answer ---------------------------------------------------------------------
    def path(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def format(self) -> Format:
        return Format(self.format_combo.currentData())

    def answer(self) -> NewKeystoreAnswer:
        path = self.path()
        confirmed = path == self._confirmed and path.exists()
        return NewKeystoreAnswer(
            path, self.format(), self.fields.password(), self.remember_option.remember(), confirmed
        )

    def problem(self) -> str | None:
        """Why Create is disabled (None when it is enabled)."""
        return self._path_problem() or self.fields.problem()

    # -- live checks --------------------------------------------------------------------
    def _path_problem(self) -> str | None:
        text = self.path_edit.text().strip()
        if not text:
            return self.tr("Choose where to save the new keystore.")
        path = self.path()
        if path.is_dir():
            return self.tr("{path} is a folder: add a file name.").format(path=path)
        if not path.parent.is_dir():
            return self.tr("The folder {folder} does not exist.").format(folder=path.parent)
        return None

    def _update(self) -> None:
        path_problem = self._path_problem()
        if path_problem and self.path_edit.text().strip():
            self.path_message.show_problem(path_problem)
        elif not path_problem and self.path().exists():
            self.path_message.show_hint(
                self.tr("{name} exists already: keymon asks before replacing it.").format(
                    name=self.path().name
                )
            )
        else:
            self.path_message.clear_message()
        problem = self.problem()
        self.ok_button.setEnabled(problem is None)
        self.ok_button.setToolTip(problem or "")

    def _format_changed(self) -> None:
        """Give the file name the new format's suffix when it had the other's."""
        path, fmt = self.path(), self.format()
        if self.path_edit.text().strip() and SUFFIXES.get(path.suffix.lower(), fmt) is not fmt:
            wanted = {f: suffix for f, suffix, _ in FORMATS}[fmt]
            self.path_edit.setText(str(path.with_suffix(wanted)))

    def _browse(self) -> None:
        if self._choose_file is None:
            return
        fmt = self.format()
        filters = ";;".join(
            self.tr(text) for f, _, text in sorted(FORMATS, key=lambda item: item[0] is not fmt)
        )
        chosen = self._choose_file(self.tr("New Keystore"), str(self.path()), filters)
        if chosen is not None:
            self._confirmed = chosen if chosen.exists() else None  # the chooser asked
            self.path_edit.setText(str(chosen))
            found = _format_of(chosen)
            if found is not None:
                self.format_combo.setCurrentIndex(0 if found is Format.PKCS12 else 1)


def _format_of(path: Path) -> Format | None:
    return SUFFIXES.get(path.suffix.lower())
