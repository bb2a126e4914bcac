"""Every question the GUI asks a user, behind one small service.

Windows receive a :class:`Prompts` and never open a modal dialog themselves:
the application passes :class:`DialogPrompts` (real Qt dialogs), tests pass
:class:`ScriptedPrompts` (answers queued up front, every question recorded,
anything unexpected is an AssertionError).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from keymon.core.entries import Entry
from keymon.core.storage import Backup
from keymon.gui.dialogs import (
    BackupsDialog,
    ChangePasswordDialog,
    ChooseEntriesDialog,
    ExportAnswer,
    ExportKeyPairDialog,
    MergeDialog,
    MergePlan,
    PasswordAnswer,
    PasswordDialog,
    RenameDialog,
)
from keymon.gui.dialogs.settings_dialog import Preferences, SettingsDialog

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

    def export_key_pair(self, *, legacy: bool = False) -> ExportAnswer | None: ...

    def change_password(self) -> PasswordAnswer | None: ...

    def edit_settings(self, current: Preferences) -> Preferences | None: ...

    def choose_backup(
        self, backups: Sequence[Backup], purge: Callable[[], int] | None = None
    ) -> int | None: ...

    def info(self, title: str, text: str) -> None: ...

    def error(self, title: str, text: str) -> None: ...

    def ask_reload(self, path: Path) -> bool: ...


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
        dialog = ChooseEntriesDialog(entries, self.parent, title=title)
        return self._answer(dialog, ChooseEntriesDialog.chosen_entries)

    def plan_merge(
        self, incoming: Sequence[Entry], existing_aliases: Sequence[str]
    ) -> MergePlan | None:
        dialog = MergeDialog(incoming, existing_aliases, self.parent)
        return self._answer(dialog, MergeDialog.merge_plan)

    def rename(self, alias: str, existing: Sequence[str]) -> str | None:
        dialog = RenameDialog(alias, existing, self.parent)
        return self._answer(dialog, RenameDialog.new_alias)

    def export_key_pair(self, *, legacy: bool = False) -> ExportAnswer | None:
        dialog = ExportKeyPairDialog(self.parent, legacy=legacy)
        return self._answer(dialog, ExportKeyPairDialog.answer)

    def edit_settings(self, current: Preferences) -> Preferences | None:
        dialog = SettingsDialog(current, self.parent)
        return self._answer(dialog, SettingsDialog.answer)

    def change_password(self) -> PasswordAnswer | None:
        dialog = ChangePasswordDialog(self.parent)
        return self._answer(dialog, ChangePasswordDialog.answer)

    def choose_backup(
        self, backups: Sequence[Backup], purge: Callable[[], int] | None = None
    ) -> int | None:
        dialog = BackupsDialog(backups, self.parent, prompts=self, purge=purge)
        return self._answer(dialog, lambda d: d.chosen)


def _selected_path(dialog: QFileDialog) -> Path | None:
    files = dialog.selectedFiles()
    return Path(files[0]) if files else None


# -- tests -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Question:
    """One prompt that was asked: the method name and its arguments by name."""

    method: str
    args: tuple[tuple[str, object], ...]

    def __getitem__(self, name: str) -> object:
        for key, value in self.args:
            if key == name:
                return value
        raise KeyError(f"{self.method}() has no argument {name!r}")

    def __str__(self) -> str:
        inner = ", ".join(f"{key}={value!r}" for key, value in self.args)
        return f"{self.method}({inner})"


@dataclass(frozen=True)
class Expected:
    """A scripted answer: the method that must be asked next, and what it returns.

    ``answer`` may be a callable taking the :class:`Question` (to answer from the
    arguments). ``containing``, if given, must occur in the question's text.
    """

    method: str
    answer: object = None
    containing: str | None = None


_ANSWER_TYPES: dict[str, tuple[type, ...]] = {
    "confirm": (bool,),
    "ask_reload": (bool,),
    "ask_password": (PasswordAnswer, type(None)),
    "change_password": (PasswordAnswer, type(None)),
    "choose_open_file": (Path, type(None)),
    "choose_save_file": (Path, type(None)),
    "choose_entries": (list, type(None)),
    "plan_merge": (MergePlan, type(None)),
    "rename": (str, type(None)),
    "export_key_pair": (ExportAnswer, type(None)),
    "edit_settings": (Preferences, type(None)),
    "choose_backup": (int, type(None)),
    "info": (type(None),),
    "error": (type(None),),
}
MESSAGES = frozenset({"info", "error"})


class ScriptedPrompts:
    """Answers prompts from a queue, in order, and records every question.

    ``ScriptedPrompts(("confirm", True), ("rename", "new-alias"))`` or, chained,
    ``ScriptedPrompts().expect("confirm", True).expect("rename", "new-alias")``.
    A question that is not the next one scripted raises AssertionError. With
    ``allow_messages=True``, ``info`` and ``error`` that are not scripted are only
    recorded (in :attr:`asked` and :attr:`messages`).
    """

    def __init__(
        self, *answers: tuple[str, object] | Expected, allow_messages: bool = False
    ) -> None:
        self.allow_messages = allow_messages
        self.asked: list[Question] = []
        self._queue: list[Expected] = []
        for answer in answers:
            if isinstance(answer, Expected):
                self._queue.append(answer)
            else:
                self.expect(*answer)

    def expect(
        self, method: str, answer: object = None, *, containing: str | None = None
    ) -> ScriptedPrompts:
        if method not in _ANSWER_TYPES:
            raise AssertionError(f"Prompts has no method {method!r}")
        self._queue.append(Expected(method, answer, containing))
        return self

    @property
    def pending(self) -> list[Expected]:
        return list(self._queue)

    @property
    def messages(self) -> list[Question]:
        return [q for q in self.asked if q.method in MESSAGES]

    def assert_done(self) -> None:
        if self._queue:
            left = ", ".join(e.method for e in self._queue)
            raise AssertionError(f"scripted prompts were never asked: {left}")

    def _ask(self, method: str, **args: object) -> Any:
        question = Question(method, tuple(args.items()))
        self.asked.append(question)
        nxt = self._queue[0] if self._queue else None
        if nxt is None or nxt.method != method:
            if method in MESSAGES and self.allow_messages:
                return None
            wanted = f"{nxt.method}()" if nxt else "nothing more"
            raise AssertionError(f"unexpected prompt {question}; the script expected {wanted}")
        if nxt.containing is not None and nxt.containing.casefold() not in str(question).casefold():
            raise AssertionError(f"prompt {question} does not mention {nxt.containing!r}")
        self._queue.pop(0)
        answer = nxt.answer(question) if callable(nxt.answer) else nxt.answer
        kinds = _ANSWER_TYPES[method]
        if not isinstance(answer, kinds) or (isinstance(answer, bool) and bool not in kinds):
            raise AssertionError(f"scripted answer {answer!r} does not fit {question}")
        return answer

    def confirm(self, title: str, text: str, *, destructive: bool = False) -> bool:
        return bool(self._ask("confirm", title=title, text=text, destructive=destructive))

    def ask_password(
        self, path: Path, *, error: str | None = None, new: bool = False
    ) -> PasswordAnswer | None:
        result: PasswordAnswer | None = self._ask("ask_password", path=path, error=error, new=new)
        return result

    def choose_open_file(self, title: str, filters: str) -> Path | None:
        result: Path | None = self._ask("choose_open_file", title=title, filters=filters)
        return result

    def choose_save_file(self, title: str, suggested_name: str, filters: str) -> Path | None:
        result: Path | None = self._ask(
            "choose_save_file", title=title, suggested_name=suggested_name, filters=filters
        )
        return result

    def choose_entries(self, entries: Sequence[Entry], title: str) -> list[Entry] | None:
        result: list[Entry] | None = self._ask("choose_entries", entries=entries, title=title)
        return result

    def plan_merge(
        self, incoming: Sequence[Entry], existing_aliases: Sequence[str]
    ) -> MergePlan | None:
        result: MergePlan | None = self._ask(
            "plan_merge", incoming=incoming, existing_aliases=existing_aliases
        )
        return result

    def rename(self, alias: str, existing: Sequence[str]) -> str | None:
        result: str | None = self._ask("rename", alias=alias, existing=existing)
        return result

    def export_key_pair(self, *, legacy: bool = False) -> ExportAnswer | None:
        result: ExportAnswer | None = self._ask("export_key_pair", legacy=legacy)
        return result

    def edit_settings(self, current: Preferences) -> Preferences | None:
        result: Preferences | None = self._ask("edit_settings", current=current)
        return result

    def change_password(self) -> PasswordAnswer | None:
        result: PasswordAnswer | None = self._ask("change_password")
        return result

    def choose_backup(
        self, backups: Sequence[Backup], purge: Callable[[], int] | None = None
    ) -> int | None:
        result: int | None = self._ask("choose_backup", backups=backups, purge=purge)
        return result

    def info(self, title: str, text: str) -> None:
        self._ask("info", title=title, text=text)

    def error(self, title: str, text: str) -> None:
        self._ask("error", title=title, text=text)

    def ask_reload(self, path: Path) -> bool:
        return bool(self._ask("ask_reload", path=path))
