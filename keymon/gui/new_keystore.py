"""File › New Keystore…: create an empty keystore and open it as any other file.

The prompts ask where, which format and which password
(:class:`~keymon.gui.dialogs.new_keystore_dialog.NewKeystoreDialog`); an existing file
is replaced only after the usual confirmation (and is kept as a backup). The empty
keystore is written atomically by the core, its password goes to the keyring when
asked, and the window opens it through the opener, as File › Open does.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QStandardPaths

from keymon.core import secrets
from keymon.core.errors import KeymonError, NoKeyring
from keymon.core.keystore import Keystore
from keymon.gui.action_binding import ActionGroup, handles
from keymon.gui.actions import ActionId
from keymon.gui.context import AppContext

if TYPE_CHECKING:  # the dialog loads when File › New Keystore… is first used
    from keymon.gui.dialogs.new_keystore_dialog import NewKeystoreAnswer


def _tr(text: str) -> str:
    return QCoreApplication.translate("NewKeystore", text)


def default_folder(recent_files: list[str]) -> Path:
    """The folder of the last keystore used, else the user's documents, else home."""
    candidates = [Path(p).parent for p in recent_files[:1]]
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents:
        candidates.append(Path(documents))
    return next((c for c in candidates if c.is_dir()), Path.home())


def unused_name(folder: Path, stem: str = "keystore", suffix: str = ".p12") -> Path:
    """``folder/keystore.p12``, or ``keystore-2.p12``… when that exists."""
    path, n = folder / f"{stem}{suffix}", 1
    while path.exists():
        n += 1
        path = folder / f"{stem}-{n}{suffix}"
    return path


def create_keystore(answer: NewKeystoreAnswer) -> Keystore:
    """Write an empty keystore to ``answer.path`` atomically (an existing file is backed up)."""
    store = Keystore([], fmt=answer.format, password=answer.password)
    store.save_as(answer.path, answer.format, answer.password, overwrite=answer.path.exists())
    return store


class NewKeystoreActions(ActionGroup):
    """The New Keystore handler (a base of the keystore actions, which hold ``ctx``)."""

    ctx: AppContext

    @handles(ActionId.NEW_KEYSTORE)
    def new_keystore(self) -> None:
        suggested = unused_name(default_folder(self.ctx.settings.recent_files))
        answer = self.ctx.prompts.new_keystore(suggested)
        if answer is None:
            return
        ask = answer.path.exists() and not answer.replace_confirmed
        if ask and not self.ctx.prompts.confirm(
            _tr("Replace File"),
            _tr(
                "{name} exists already. Replace it with a new, empty keystore? "
                "The current file is kept as a backup."
            ).format(name=answer.path.name),
            destructive=True,
        ):
            self.ctx.show_message(
                _tr("Nothing created: {name} was left as it is.").format(name=answer.path.name)
            )
            return
        try:
            create_keystore(answer)
        except KeymonError as exc:
            self.ctx.prompts.error(_tr("Cannot create the keystore"), exc.message)
            return
        if answer.remember:
            try:
                secrets.set_password(answer.path, answer.password)
            except NoKeyring as exc:
                self.ctx.show_message(exc.message)
        self.ctx.open_keystore(answer.path, answer.password)
