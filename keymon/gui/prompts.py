"""Every question the GUI asks a user, behind one small service.

Windows receive a :class:`Prompts` and never open a modal dialog themselves:
the application passes :class:`DialogPrompts` (real Qt dialogs); tests pass a
scripted implementation of the same protocol (tests/gui/scripted_prompts.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget, QWizard

from keymon.core.entries import Entry
from keymon.core.formats.protection import Pkcs12Protection

if TYPE_CHECKING:  # each dialog module loads when its dialog is first shown (issue 13)
    from keymon.core.merge import MergePlan
    from keymon.core.storage import Backup
    from keymon.gui.dialogs.export_keypair_dialog import ExportAnswer
    from keymon.gui.dialogs.new_keystore_dialog import NewKeystoreAnswer
    from keymon.gui.dialogs.password_dialog import PasswordAnswer
    from keymon.gui.preferences import Preferences

D = TypeVar("D", bound=QDialog)
R = TypeVar("R")


def wrong_password_text() -> str:
    """The error line of the password dialog when it asks again after a wrong password."""
    return QCoreApplication.translate("Prompts", "The password is wrong. Try again.")


def reload_text(path: Path) -> str:
    return QCoreApplication.translate(
        "Prompts",
        "{name} was changed by another program. Reload it? Your changes are saved already; "
        "reloading shows the other program's version.",
    ).format(name=Path(path).name)


class Prompts(Protocol):
    """The questions a window may ask. ``None`` (or False) always means "cancelled"."""

    def confirm(self, title: str, text: str, *, destructive: bool = False) -> bool: ...

    def ask_password(
        self, path: Path, *, error: str | None = None, new: bool = False
    ) -> PasswordAnswer | None: ...

    def choose_open_file(self, title: str, filters: str) -> Path | None: ...

    def choose_save_file(self, title: str, suggested_name: str, filters: str) -> Path | None: ...

    def choose_entries(self, entries: Sequence[Entry], title: str) -> list[Entry] | None: ...

    def plan_merge(
        self, incoming: Sequence[Entry], existing_aliases: Sequence[str]
    ) -> MergePlan | None: ...

    def rename(self, alias: str, existing: Sequence[str]) -> str | None: ...

    def export_key_pair(
        self, *, protection: Pkcs12Protection = Pkcs12Protection.AES_256
    ) -> ExportAnswer | None: ...

    def change_password(self) -> PasswordAnswer | None: ...

    def new_keystore(self, suggested: Path) -> NewKeystoreAnswer | None: ...

    def edit_settings(self, current: Preferences) -> Preferences | None: ...

    def choose_backup(
        self, backups: Sequence[Backup], purge: Callable[[], int] | None = None
    ) -> int | None: ...

    def info(self, title: str, text: str) -> None: ...

    def error(self, title: str, text: str) -> None: ...

    def ask_reload(self, path: Path) -> bool: ...

    def run_wizard(self, wizard: QWizard) -> int:
        """Show ``wizard`` modally; its result code (``QDialog.DialogCode``)."""
        ...


def exec_dialog(dialog: QDialog) -> int:
    return dialog.exec()


_SUFFIX = re.compile(r"\*\.([A-Za-z0-9][\w.+-]*)")


def first_suffix(name_filter: str) -> str:
    """``p12`` for ``PKCS#12 (*.p12 *.pfx)``; empty for ``All files (*)``."""
    match = _SUFFIX.search(name_filter)
    return match.group(1) if match else ""


class DialogPrompts:
    """The real thing: Qt dialogs, modal to ``parent``.

    ``run`` shows a dialog and returns its result (``QDialog.exec`` by default);
    tests inject a function that drives the dialog without a nested event loop.
    """

    def __init__(
        self, parent: QWidget | None = None, *, run: Callable[[QDialog], int] = exec_dialog
    ) -> None:
        self.parent = parent
        self._run = run
        self.directory: Path | None = None  # where the last file was chosen

    def _answer(self, dialog: D, get: Callable[[D], R]) -> R | None:
        try:
            accepted = self._run(dialog) == QDialog.DialogCode.Accepted
            return get(dialog) if accepted else None
        finally:
            dialog.deleteLater()

    def _message(
        self, icon: QMessageBox.Icon, title: str, text: str, buttons: QMessageBox.StandardButton
    ) -> QMessageBox:
        box = QMessageBox(icon, title, text, buttons, self.parent)
        box.setObjectName("messageBox")
        box.setTextFormat(Qt.TextFormat.PlainText)  # a subject like "CN=<x>" is not markup
        return box

    def confirm(self, title: str, text: str, *, destructive: bool = False) -> bool:
        yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
        icon = QMessageBox.Icon.Warning if destructive else QMessageBox.Icon.Question
        box = self._message(icon, title, text, yes | no)
        box.setDefaultButton(no if destructive else yes)
        box.setEscapeButton(no)
        try:
            self._run(box)
            return box.clickedButton() is box.button(yes)
        finally:
            box.deleteLater()

    def ask_reload(self, path: Path) -> bool:
        box = self._message(
            QMessageBox.Icon.Question,
            QCoreApplication.translate("DialogPrompts", "File Changed"),
            reload_text(path),
            QMessageBox.StandardButton.NoButton,
        )
        reload = box.addButton(
            QCoreApplication.translate("DialogPrompts", "&Reload"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        later = box.addButton(
            QCoreApplication.translate("DialogPrompts", "&Not Now"),
            QMessageBox.ButtonRole.RejectRole,
        )
        box.setDefaultButton(reload)
        box.setEscapeButton(later)
        try:
            self._run(box)
            return box.clickedButton() is reload
        finally:
            box.deleteLater()

    def info(self, title: str, text: str) -> None:
        box = self._message(
            QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok
        )
        self._run(box)
        box.deleteLater()

    def error(self, title: str, text: str) -> None:
        box = self._message(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok)
        self._run(box)
        box.deleteLater()

    def ask_password(
        self, path: Path, *, error: str | None = None, new: bool = False
    ) -> PasswordAnswer | None:
        from keymon.gui.dialogs.password_dialog import PasswordDialog

        dialog = PasswordDialog(path, self.parent, error=error, new=new)
        return self._answer(dialog, PasswordDialog.answer)

    def _file_dialog(self, title: str, filters: str) -> QFileDialog:
        directory = str(self.directory) if self.directory is not None else ""
        dialog = QFileDialog(self.parent, title, directory, filters)
        dialog.setObjectName("fileDialog")
        return dialog

    def choose_open_file(self, title: str, filters: str) -> Path | None:
        dialog = self._file_dialog(title, filters)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        return self._remember_folder(self._answer(dialog, _selected_path))

    def choose_save_file(self, title: str, suggested_name: str, filters: str) -> Path | None:
        dialog = self._file_dialog(title, filters)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        # "export" becomes "export.p12" when the chosen filter is "PKCS#12 (*.p12 *.pfx)"
        dialog.setDefaultSuffix(first_suffix(filters))
        dialog.filterSelected.connect(lambda f: dialog.setDefaultSuffix(first_suffix(f)))
        dialog.selectFile(suggested_name)
        return self._remember_folder(self._answer(dialog, _selected_path))

    def _remember_folder(self, path: Path | None) -> Path | None:
        if path is not None:
            self.directory = path.parent
        return path

    def choose_entries(self, entries: Sequence[Entry], title: str) -> list[Entry] | None:
        from keymon.gui.dialogs.choose_entries_dialog import ChooseEntriesDialog

        dialog = ChooseEntriesDialog(entries, self.parent, title=title)
        return self._answer(dialog, ChooseEntriesDialog.chosen_entries)

    def plan_merge(
        self, incoming: Sequence[Entry], existing_aliases: Sequence[str]
    ) -> MergePlan | None:
        from keymon.gui.dialogs.choose_entries_dialog import MergeDialog

        dialog = MergeDialog(incoming, existing_aliases, self.parent)
        return self._answer(dialog, MergeDialog.merge_plan)

    def rename(self, alias: str, existing: Sequence[str]) -> str | None:
        from keymon.gui.dialogs.rename_dialog import RenameDialog

        dialog = RenameDialog(alias, existing, self.parent)
        return self._answer(dialog, RenameDialog.new_alias)

    def export_key_pair(
        self, *, protection: Pkcs12Protection = Pkcs12Protection.AES_256
    ) -> ExportAnswer | None:
        from keymon.gui.dialogs.export_keypair_dialog import ExportKeyPairDialog

        dialog = ExportKeyPairDialog(self.parent, protection=protection)
        return self._answer(dialog, ExportKeyPairDialog.answer)

    def edit_settings(self, current: Preferences) -> Preferences | None:
        from keymon.gui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(current, self.parent)
        return self._answer(dialog, SettingsDialog.answer)

    def change_password(self) -> PasswordAnswer | None:
        from keymon.gui.dialogs.change_password_dialog import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.parent)
        return self._answer(dialog, ChangePasswordDialog.answer)

    def new_keystore(self, suggested: Path) -> NewKeystoreAnswer | None:
        from keymon.gui.dialogs.new_keystore_dialog import NewKeystoreDialog

        dialog = NewKeystoreDialog(suggested, self.parent, choose_file=self.choose_save_file)
        return self._answer(dialog, NewKeystoreDialog.answer)

    def run_wizard(self, wizard: QWizard) -> int:
        return self._run(wizard)

    def choose_backup(
        self, backups: Sequence[Backup], purge: Callable[[], int] | None = None
    ) -> int | None:
        from keymon.gui.dialogs.backups_dialog import BackupsDialog

        dialog = BackupsDialog(backups, self.parent, prompts=self, purge=purge)
        return self._answer(dialog, lambda d: d.chosen)


def _selected_path(dialog: QFileDialog) -> Path | None:
    files = dialog.selectedFiles()
    return Path(files[0]) if files else None
