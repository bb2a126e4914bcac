"""The dialogs of the main window. Each returns a typed answer; none changes a keystore."""

from keymon.core.merge import MergeAction, MergePlan, MergeStep, default_plan
from keymon.gui.dialogs.backups_dialog import BackupsDialog
from keymon.gui.dialogs.change_password_dialog import ChangePasswordDialog
from keymon.gui.dialogs.choose_entries_dialog import ChooseEntriesDialog, MergeDialog, RowChoice
from keymon.gui.dialogs.export_keypair_dialog import ExportAnswer, ExportKeyPairDialog
from keymon.gui.dialogs.password_dialog import PasswordAnswer, PasswordDialog
from keymon.gui.dialogs.rename_dialog import RenameDialog

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
