"""After a password change: backups still open with the old password; offer to delete them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from keymon.core.errors import KeymonError
from keymon.gui.context import AppContext


def offer_backup_purge(ctx: AppContext) -> None:
    """Backups keep the old password: offer to delete them all (as the Backups dialog does)."""
    store = ctx.store
    if store is None or store.path is None:
        return
    backups = store.backups()
    count = len(backups.versions())
    if not count:
        return
    text = QCoreApplication.translate(
        "Operations",
        "The backups of {name} ({count}) still open with the old password, and hold any "
        "entry deleted since. Delete all backups of this keystore now?",
    ).format(count=count, name=store.path.name)
    title = QCoreApplication.translate("Operations", "Delete All Backups")
    if not ctx.prompts.confirm(title, text, destructive=True):
        return
    try:
        deleted = backups.purge()
    except KeymonError as exc:
        ctx.prompts.error(title, exc.message)
        return
    ctx.show_message(
        QCoreApplication.translate("Operations", "The backups were deleted ({count}).").format(
            count=deleted
        )
    )
