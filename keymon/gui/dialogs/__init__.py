"""The dialogs of the main window. Each returns a typed answer; none changes a keystore.

The names below load their module on first use (PEP 562): importing one dialog module,
e.g. the About box at start-up, does not load every other dialog (issue 13).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from keymon.core.merge import MergeAction, MergePlan, MergeStep, default_plan
    from keymon.gui.dialogs.backups_dialog import BackupsDialog
    from keymon.gui.dialogs.change_password_dialog import ChangePasswordDialog
    from keymon.gui.dialogs.choose_entries_dialog import (
        ChooseEntriesDialog,
        MergeDialog,
        RowChoice,
    )
    from keymon.gui.dialogs.export_keypair_dialog import ExportAnswer, ExportKeyPairDialog
    from keymon.gui.dialogs.password_dialog import PasswordAnswer, PasswordDialog
    from keymon.gui.dialogs.rename_dialog import RenameDialog

#: Where each name lives.
_HOMES = {
    "BackupsDialog": "keymon.gui.dialogs.backups_dialog",
    "ChangePasswordDialog": "keymon.gui.dialogs.change_password_dialog",
    "ChooseEntriesDialog": "keymon.gui.dialogs.choose_entries_dialog",
    "ExportAnswer": "keymon.gui.dialogs.export_keypair_dialog",
    "ExportKeyPairDialog": "keymon.gui.dialogs.export_keypair_dialog",
    "MergeAction": "keymon.core.merge",
    "MergeDialog": "keymon.gui.dialogs.choose_entries_dialog",
    "MergePlan": "keymon.core.merge",
    "MergeStep": "keymon.core.merge",
    "PasswordAnswer": "keymon.gui.dialogs.password_dialog",
    "PasswordDialog": "keymon.gui.dialogs.password_dialog",
    "RenameDialog": "keymon.gui.dialogs.rename_dialog",
    "RowChoice": "keymon.gui.dialogs.choose_entries_dialog",
    "default_plan": "keymon.core.merge",
}

__all__ = [
    "BackupsDialog",
    "ChangePasswordDialog",
    "ChooseEntriesDialog",
    "ExportAnswer",
    "ExportKeyPairDialog",
    "MergeAction",
    "MergeDialog",
    "MergePlan",
    "MergeStep",
    "PasswordAnswer",
    "PasswordDialog",
    "RenameDialog",
    "RowChoice",
    "default_plan",
]


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value
