"""A scripted :class:`~keymon.gui.prompts.Prompts` for tests: answers queued up front,
every question recorded, anything unexpected an AssertionError; wizards are driven
by a function the test gives (shown, never exec()'d).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWizard

from keymon.core.entries import Entry
from keymon.core.formats.protection import Pkcs12Protection
from keymon.core.merge import MergePlan
from keymon.core.storage import Backup
from keymon.gui.dialogs.export_keypair_dialog import ExportAnswer
from keymon.gui.dialogs.new_keystore_dialog import NewKeystoreAnswer
from keymon.gui.dialogs.password_dialog import PasswordAnswer
from keymon.gui.preferences import Preferences

WizardDriver = Callable[[QWizard], int]


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
    "new_keystore": (NewKeystoreAnswer, type(None)),
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
    recorded (in :attr:`asked` and :attr:`messages`). Wizards are run by
    ``wizards`` (or :meth:`drive_wizards`), which returns the wizard's result code.
    """

    def __init__(
        self,
        *answers: tuple[str, object] | Expected,
        allow_messages: bool = False,
        wizards: WizardDriver | None = None,
    ) -> None:
        self.allow_messages = allow_messages
        self.asked: list[Question] = []
        self.wizard_driver = wizards
        self.wizards: list[QWizard] = []  # every wizard run, in order
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

    def export_key_pair(
        self, *, protection: Pkcs12Protection = Pkcs12Protection.AES_256
    ) -> ExportAnswer | None:
        result: ExportAnswer | None = self._ask("export_key_pair", protection=protection)
        return result

    def edit_settings(self, current: Preferences) -> Preferences | None:
        result: Preferences | None = self._ask("edit_settings", current=current)
        return result

    def change_password(self) -> PasswordAnswer | None:
        result: PasswordAnswer | None = self._ask("change_password")
        return result

    def new_keystore(self, suggested: Path) -> NewKeystoreAnswer | None:
        result: NewKeystoreAnswer | None = self._ask("new_keystore", suggested=suggested)
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

    def drive_wizards(self, driver: WizardDriver) -> ScriptedPrompts:
        """Run every wizard from now on through ``driver``."""
        self.wizard_driver = driver
        return self

    def run_wizard(self, wizard: QWizard) -> int:
        self.wizards.append(wizard)
        if self.wizard_driver is None:
            raise AssertionError(f"unexpected wizard {type(wizard).__name__}; no driver given")
        return self.wizard_driver(wizard)
